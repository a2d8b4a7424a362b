"""The part every table model here shares: columns named once in ``COLUMNS``, a row count,
and horizontal headers. A subclass says how many rows it holds and what its headers read.

Also what every item model uses: the index type Qt passes, the role that answers a row's
id, and a text colour as ``ForegroundRole`` wants it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole  # a row's id (a record, a checklist key), any column
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EMPTY = QModelIndex()


def brush(color: str) -> QBrush:
    """A text colour (``#rrggbb`` or a theme constant) for ``ForegroundRole``."""
    return QBrush(QColor(color))


class ColumnTableModel(QAbstractTableModel):
    """A flat table: ``COLUMNS`` names the columns, ``row_total`` counts the rows and
    ``headers`` gives the translated header texts, in column order."""

    COLUMNS: tuple[str, ...] = ()

    def row_total(self) -> int:
        raise NotImplementedError

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = _EMPTY) -> int:
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: AnyIndex = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self.headers()[section]
