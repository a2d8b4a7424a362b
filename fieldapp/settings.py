"""Settings, each declared once with its name, type, default and scope (Picard's typed option
list is the model), and read and written through that declaration: no key strings and no
``int()`` where a setting is used.

Declare a setting in the module that owns it::

    RETENTION_DAYS = Setting("retention_days", int, 30)
    LANGUAGE = Setting("ui.language", str, "", managed=True)

and use it::

    days = settings.get(session, RETENTION_DAYS)          # an int
    settings.put(session, RETENTION_DAYS, 45)

The whole API is ``Setting`` (``name``, ``type``, ``default``, ``scope``, ``managed``;
``parse`` and ``format`` for code that writes the row inside a transaction of its own),
``Scope``, ``Store``, ``get`` and ``put``.

- **Types**: ``str``, ``int``, ``bool`` and any ``StrEnum``. A stored value that does not
  parse as its type reads as the default (settings are written by this program only).
- **Scope**: ``SETTING`` is chosen by someone (an administrator's retention period, the
  language); ``PERSIST`` is state the program remembers (the chosen operation, the last
  folder, the sequence the station acknowledged), as Picard's ``setting`` and ``persist``.
  Both are kept in the vault's ``settings`` table, for everyone who opens that vault.
- **Managed**: ``managed=True`` marks a setting IT may fix for the whole machine (county,
  language, idle lock …). A machine-wide source is another ``Store`` read before the
  vault's: wrap the session in a store that answers the managed settings it holds and
  passes the rest on. The declarations and ``get``/``put`` stay as they are.

Keys are not settings: the station's private keys live with the station's identity
(``fieldapp.sync.station``), the officers' in their key slots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Protocol, TypeVar, cast

T = TypeVar("T")  # str, int, bool or a StrEnum


class Scope(Enum):
    SETTING = "setting"  # chosen by someone
    PERSIST = "persist"  # remembered by the program


class Store(Protocol):
    """Where settings are kept, as text: ``Session`` (the vault's ``settings`` table)."""

    def setting(self, key: str, default: str) -> str: ...

    def set_setting(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the store, its type, its value when none is stored."""

    name: str
    type: type[T]
    default: T
    scope: Scope = Scope.SETTING
    managed: bool = False  # IT may fix it for the whole machine

    def parse(self, raw: str) -> T:
        """The stored text as the setting's type (the default if it does not parse)."""
        try:
            if self.type is bool:
                return cast(T, raw == "1")
            return cast(Callable[[str], T], self.type)(raw)
        except ValueError:
            return self.default

    def format(self, value: T) -> str:
        """The text kept in the store."""
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(value)


def get(store: Store, setting: Setting[T]) -> T:
    """The setting's value in ``store``, or its default."""
    return setting.parse(store.setting(setting.name, setting.format(setting.default)))


def put(store: Store, setting: Setting[T], value: T) -> None:
    """Keep ``value`` in ``store``."""
    store.set_setting(setting.name, setting.format(value))
