"""Progress lines of long-running commands: about twenty per run, whatever its size."""

import math
from collections.abc import Callable

STEPS = 20


def step_reporter(
    write: Callable[[str], object], *, total: int, message: str, enabled: bool = True
) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that writes ``message`` (with ``%(done)s``,
    ``%(total)s`` and ``%(percent)s``) every twentieth of ``total`` and at the end."""
    step = max(1, math.ceil(total / STEPS))

    def progress(done: int, total: int) -> None:
        if enabled and (done % step == 0 or done == total):
            write(message % {"done": done, "total": total, "percent": done * 100 // total})

    return progress
