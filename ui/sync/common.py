"""Small pieces the Sync screens share: running a use case with its refusal shown inline,
and the framed panel each part of a page sits in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fieldapp.errors import KnownError
from ui.errors import error_text, internal_error_text, log_bug
from ui.forms import FieldMessage

T = TypeVar("T")


@dataclass(frozen=True)
class Tried(Generic[T]):
    """Whether a use case went through, and what it returned (which may itself be None:
    "nothing new to export" is a success)."""

    ok: bool
    value: T | None = None


def attempt(message: FieldMessage, action: Callable[[], T], where: str) -> Tried[T]:
    """Run ``action``; on a refusal show why in ``message``. Anything else is our bug:
    logged (without its message, which may quote data) and said so."""
    try:
        result = action()
    except KnownError as exc:
        message.show_message(error_text(exc), "error")
        return Tried(False)
    except Exception as exc:
        log_bug(exc, where)
        message.show_message(internal_error_text(), "error")
        return Tried(False)
    message.clear_message()
    return Tried(True, result)


class Panel(QFrame):
    """A framed part of a page with a bold heading; add widgets to ``body``."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelFrame")
        self.heading = QLabel(heading, self)
        self.heading.setProperty("role", "stepTitle")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.body.addWidget(self.heading)
