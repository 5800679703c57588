"""The quick reader of the usual ISO shapes agrees with the general reader on every text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotrack.core.dateparse import _general, parse_text
from negotrack.core.datequick import quick
from negotrack.core.dates import Moment
from negotrack.errors import DateError

# Zones the quick reader takes, and names it leaves to the general reader: UTC spelled as a
# zone, a "-" (which the general reader may read as an interval), unknown names.
_ZONES = (
    "Europe/Kyiv",
    "America/New_York",
    "America/Argentina/Buenos_Aires",
    "Etc/GMT+1",
    "CET",
    "UTC",
    "gmt",
    "z",
    "America/Port-au-Prince",
    "Europe/mid-Kyiv",
    "Etc/1x",
    "Mars/Olympus",
    "Europe/Kyiv/",
)
_DIGITS = st.text("0123456789", min_size=2, max_size=2)


def _same(a: Moment, b: Moment) -> bool:
    """Equal, and alike in what equality does not see: the wall clock and its offset."""
    return (
        a == b
        and repr(a) == repr(b)
        and a.value.replace(tzinfo=None) == b.value.replace(tzinfo=None)
        and a.value.utcoffset() == b.value.utcoffset()
    )


def _agree(text: str) -> None:
    """``quick`` gives up on ``text`` or reads what the general reader reads."""
    found = quick(text)
    if found is None:
        return
    try:
        general = _general(text)
    except DateError as exc:  # pragma: no cover - the failure this test exists to catch
        pytest.fail(f"quick read {text!r} as {found!r}; the general reader refuses it: {exc}")
    assert _same(found, general), (text, found, general)


@pytest.mark.parametrize(
    "text",
    ["2025-11-23", "2025-11-23T14:00+01:00", "2025-11-23T14:00-05:30", "2025-11-23T14:00Z",
     "2025-11-23T14:00 Europe/Kyiv", "2025-03-30T02:30 Europe/Kyiv", "2025-11-23T14:00 CET"],
)  # fmt: skip
def test_quick_reads_the_usual_shapes(text: str) -> None:
    """The shapes machine-written dossiers hold take the quick reader, to the same Moment."""
    found = quick(text)
    assert found is not None
    assert _same(found, _general(text))


@given(
    st.sampled_from(("0001", "2025", "2024", "9999", "0000")),
    _DIGITS,
    _DIGITS,
    _DIGITS,
    _DIGITS,
    st.sampled_from(("+", "-")),
    _DIGITS,
    _DIGITS,
    st.sampled_from(_ZONES),
)
def test_quick_reads_a_day_or_minute_as_the_general_reader_does(
    year: str,
    month: str,
    day: str,
    hour: str,
    minute: str,
    sign: str,
    off_h: str,
    off_m: str,
    zone: str,
) -> None:
    """Days, minutes with an offset, with "Z" or with a zone name, possible or not, read
    the same quickly as generally (or quick gives up)."""
    stem = f"{year}-{month}-{day}T{hour}:{minute}"
    for text in (stem[:10], f"{stem}{sign}{off_h}:{off_m}", f"{stem}Z", f"{stem} {zone}"):
        _agree(text)


@given(st.text("0123456789-T:+Z ~?/.%٣ECTKUuy", min_size=8, max_size=24))
def test_quick_never_reads_a_text_otherwise(text: str) -> None:
    """Any text near the usual shapes is read as the general reader reads it, or left to it."""
    _agree(text)


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:30+01:00",  # the general reader checks the calendar's first year
        "9999-12-31T23:30-01:00",  # and its last
        "2025-11-23T24:00+01:00",  # an hour some Pythons read as the next day
        "2025-11-23T14:00+24:00",  # an offset of a whole day
        "2025-11-23T14:00 UTC",  # UTC as a zone name: stored as an offset
        "2025-11-23T14:00 America/Port-au-Prince",
        "2025-11-23T14:00 Mars/Olympus",
        "2025-11-23 14:00+01:00",
        "2025-11-23T14:00:30+01:00",
        "~2025-11-23",
    ],
)
def test_quick_leaves_the_rest_to_the_general_reader(text: str) -> None:
    """Texts outside the usual shapes, or whose checks the general reader makes, are left
    to it, and parse_text still reads or refuses them as it does."""
    assert quick(text) is None
    general: Moment | DateError
    try:
        general = _general(text)
    except DateError as exc:
        general = exc
    if isinstance(general, DateError):
        with pytest.raises(DateError) as info:
            parse_text(text)
        assert info.value.problems == general.problems
    else:
        assert _same(parse_text(text), general)
