# Wagtail loads ``wagtail_hooks`` modules by this name only; the board's admin lives apart.
from . import wagtail_hooks_boards  # noqa: F401
