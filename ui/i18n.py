r"""Languages: installing the Qt translators, and the words for the core's enums.

Source strings are English (``self.tr``); Swedish comes from
``resources/translations/fieldapp_sv.qm`` plus Qt's own ``qtbase_sv.qm`` for the standard
buttons and context menus. The core returns codes and enums; this module turns the shared
ones into words.

After changing a user-visible string (``tests/ui/test_i18n.py`` fails until this is done):

    uv run pyside6-lupdate $(find ui -name '*.py' | sort) \
        -ts resources/translations/fieldapp_sv.ts -source-language en \
        -target-language sv_SE -no-obsolete -locations none
    uv run pyside6-linguist resources/translations/fieldapp_sv.ts   # translate, mark done
    uv run pyside6-lrelease resources/translations/fieldapp_sv.ts \
        -qm resources/translations/fieldapp_sv.qm
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from fieldapp import paths
from fieldapp.officers import Role

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
_log = logging.getLogger(__name__)


# The one alias of ``QCoreApplication.translate``: modules import it by this name, which
# pyside6-lupdate looks for, so the literal strings they pass to it are found.
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate (which knows this name) and returns it unchanged.

    PySide6's own is typed as returning ``object``; this one keeps ``str`` for mypy.
    """
    del context
    return text


_ROLE_NAMES = {
    Role.FIELD_OFFICER: QT_TRANSLATE_NOOP("Roles", "Field officer"),
    Role.TEAM_LEADER: QT_TRANSLATE_NOOP("Roles", "Team leader"),
    Role.STATION_STAFF: QT_TRANSLATE_NOOP("Roles", "Station staff"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def current_language() -> str:
    """The UI language now in use ("sv" or "en"), from the default locale it installed."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def role_name(role: Role) -> str:
    """The role in the UI language (capitalised: it stands alone in the status bar)."""
    return QCoreApplication.translate("Roles", _ROLE_NAMES[role])


class Translation:
    """The translators of one language, installed on the running application.

    ``remove()`` takes them out again (tests and the screenshot command switch language
    inside one process).
    """

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported UI language {language!r}; use one of {LANGUAGES}")
        self.language = language
        self._translators: list[QTranslator] = []
        self._previous_locale = QLocale()

    def install(self) -> Translation:
        QLocale.setDefault(
            QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
            if self.language == "sv"
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        if self.language == "en":
            return self  # the source strings are English
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ours = str(paths.resource("translations"))
        for name, directory in (
            (f"qtbase_{self.language}", qt_dir),
            (f"fieldapp_{self.language}", ours),
        ):
            translator = QTranslator()
            if translator.load(name, directory):
                QCoreApplication.installTranslator(translator)
                self._translators.append(translator)
            else:
                # Not fatal: the UI still works, in English. Worth a line in the log.
                _log.warning("translation %s not found in %s", name, directory)
        return self

    def remove(self) -> None:
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        QLocale.setDefault(self._previous_locale)
