"""The interface languages negotrack ships: gettext catalogs read straight from their ``.po``.

The catalogs live in ``negotrack/render/locale/LANG/LC_MESSAGES/negotrack.po``, the form
gettext and Babel's tools (``pybabel extract``, ``update``) edit; they are read at run time
with Babel, so there is no compiled ``.mo`` a build could forget. English needs no catalog:
its words are the message ids. A catalog is parsed once per process.
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from negotrack.errors import LocaleError, did_you_mean
from negotrack.views.i18n import ENGLISH, Interface

__all__ = ["CATALOGS", "DOMAIN", "RTL", "interface", "known_locales", "normalise"]

CATALOGS = Path(__file__).parent / "locale"
"""The folder of the packaged catalogs, one ``LANG/LC_MESSAGES/negotrack.po`` each."""

DOMAIN = "negotrack"
"""The gettext domain: the catalogs' file name."""

RTL = frozenset({"ar", "fa", "he", "ur"})
"""Languages written right to left."""


@lru_cache(maxsize=1)
def known_locales() -> tuple[str, ...]:
    """Every interface language available: English and each packaged catalog, sorted."""
    found = {"en"}
    if CATALOGS.is_dir():
        for folder in CATALOGS.iterdir():
            if (folder / "LC_MESSAGES" / f"{DOMAIN}.po").is_file():
                found.add(folder.name)
    return tuple(sorted(found))


def normalise(locale: str | None) -> str:
    """The catalog name for ``locale``: "uk-UA", "uk_UA" and "UK" are "uk"; None is "en".

    Raises :class:`LocaleError`, listing the known languages, for one negotrack lacks.
    """
    if locale is None:
        return "en"
    if not isinstance(locale, str):
        raise LocaleError(
            f"a locale is a language code such as 'uk', not {type(locale).__name__}",
            hint="known locales: " + ", ".join(known_locales()),
        )
    known = known_locales()
    text = locale.strip().replace("_", "-")
    lowered = text.lower()
    if lowered in known:
        return lowered
    base = lowered.split("-", 1)[0]
    if base in known:
        return base
    close = did_you_mean(text, known)
    hint = "known locales: " + ", ".join(known)
    if close and not close.startswith("expected"):
        hint = f"{close} {hint}"
    raise LocaleError(f"unknown locale {locale!r}", hint=hint)


def interface(locale: str | None = None) -> Interface:
    """The :class:`Interface` for ``locale`` (English for None), its catalog loaded once."""
    return _interface(normalise(locale))


@lru_cache(maxsize=16)
def _interface(code: str) -> Interface:
    if code == "en":
        return ENGLISH
    return Interface(code, _translations(code), rtl=code in RTL)


def _translations(code: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = CATALOGS / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    # Fuzzy entries are a translator's unreviewed guesses: they stay out, as gettext does.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
