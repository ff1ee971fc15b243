"""Write files atomically: a reader never sees a half-written output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

MAX_NAME_BYTES = 255  # per file name on Linux file systems (ext4, xfs, btrfs), in bytes
TEMP_EXTRA = len(".") + len(".") + 8  # what mkstemp below adds around the name
MAX_SUFFIX_BYTES = 16  # room kept for any suffix (".docx", "-批注.xlsx")


def fit_stem(stem: str, max_bytes: int = MAX_NAME_BYTES - TEMP_EXTRA - MAX_SUFFIX_BYTES) -> str:
    """``stem`` cut at a character boundary to at most ``max_bytes`` of UTF-8, so that
    stem + suffix, and the temporary name beside it, fit every Linux file system (a
    Chinese character is 3 bytes: a limit in characters is not enough)."""
    data = stem.encode("utf-8")
    if len(data) <= max_bytes:
        return stem
    return data[:max_bytes].decode("utf-8", errors="ignore")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place.

    The file gets the mode an ordinary write would give (0666 less the umask), not the
    0600 of a temporary file: a published document is meant to be read by others.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
