"""Reporting our own bugs without leaking personal data.

An exception's message can quote the data that caused it (a name, a phone number), so a
bug report keeps only the exception type and the code locations it passed through.
"""

from __future__ import annotations

import traceback


def safe_traceback(exc: BaseException) -> str:
    """The exception type and the stack (file, line, function), without any message text."""
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines)
