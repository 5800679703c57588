"""The formatting filters that have no page of their own to be tested through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from negotrack.views.formatting import FILTERS, with_fields


@given(st.lists(st.tuples(st.integers(), st.text(max_size=3)), max_size=6))
def test_with_fields_pairs_each_record_with_itself(records: list[tuple[int, str]]) -> None:
    """Each record comes twice, in order, from a list, a tuple or a one-shot iterator alike."""
    want = [(r, r) for r in records]
    assert list(with_fields(records)) == want
    assert list(with_fields(tuple(records))) == want
    assert list(with_fields(iter(records))) == want
    assert FILTERS["with_fields"] is with_fields
