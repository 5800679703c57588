"""Errors and hints (negotrack.errors)."""

from __future__ import annotations

import difflib

import pytest

from negotrack.errors import Suggestions, did_you_mean


def test_a_typo_is_found_among_many_choices() -> None:
    """With thousands of choices, a one-letter typo still gets the right suggestion."""
    hints = Suggestions([f"source-{i}" for i in range(5000)] + ["witkoff"])
    assert hints.hint("witkof") == "did you mean 'witkoff'?"
    assert "'source-4321'" in (hints.hint("sourse-4321") or "")


def test_each_hint_compares_a_bounded_number_of_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hint looks at no more than CAP choices however many there are, and asks once per word."""
    seen: list[int] = []
    real = difflib.get_close_matches

    def counting(word: str, options: list[str], n: int, cutoff: float) -> list[str]:
        seen.append(len(options))
        return real(word, options, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    hints = Suggestions([f"s{i}" for i in range(20000)])
    for _ in range(3):
        hints.hint("s123x")
    hints.hint("zzz")
    assert len(seen) == 2
    assert max(seen) <= Suggestions.CAP


def test_few_choices_are_listed_when_nothing_is_close() -> None:
    """With a dozen choices or fewer and no close one, the hint lists them all."""
    assert did_you_mean("qqq", ["a", "b"]) == "expected one of 'a', 'b'"
    assert did_you_mean("KEPT", ["kept", "agreed"]) == "did you mean 'kept'?"
