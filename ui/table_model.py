"""The part every table model here shares: columns named once in ``COLUMNS``, a row count,
and horizontal headers. A subclass says how many rows it holds and what its headers read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EMPTY = QModelIndex()


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
