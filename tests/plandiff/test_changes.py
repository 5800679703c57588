"""A change's similarity, measured when first read, behaves as an ordinary field."""

from __future__ import annotations

import pickle

import attrs
import pytest

import negotrack as nt
from negotrack.plandiff.compare import ChangeKind, PointChange, diff
from negotrack.plandiff.tokens import Piece, WordOp, kept_matching, kept_share, word_diff

OLD = "The armed forces of Ukraine will be capped at 600,000 personnel in peacetime."
NEW = "In peacetime the armed forces of Ukraine are capped at 800,000 personnel."
KEPT = "All prisoners of war are exchanged."


def _versions() -> tuple[nt.PlanVersion, nt.PlanVersion]:
    def version(vid: str, *texts: str) -> nt.PlanVersion:
        points = [nt.Point(number=str(k + 1), text=t) for k, t in enumerate(texts)]
        return nt.PlanVersion(id=vid, label=vid, date="2025-11-20", points=points)

    return version("a", KEPT, OLD), version("b", KEPT, NEW)


def _reworded() -> PointChange:
    """The reworded change of a fresh diff, its similarity not read yet."""
    change = diff(*_versions()).changes[1]
    assert change.kind is ChangeKind.REWORDED
    return change


def _measured_at_once() -> PointChange:
    """The same change built with its similarity given."""
    old, new = _versions()
    o, n = old.points[1], new.points[1]
    share = kept_share(o.text, n.text)
    confidence = _reworded().confidence
    return PointChange(ChangeKind.REWORDED, o, n, share, matched_by="text", confidence=confidence)


def test_similarity_is_measured_once_and_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The diff and its summary do not match the words; the first read does, once."""
    calls: list[tuple[str, str]] = []

    def counted(a: str, b: str) -> tuple[float, tuple[list[int], list[int]]]:
        calls.append((a, b))
        return kept_matching(a, b)

    monkeypatch.setattr("negotrack.plandiff.changes.kept_matching", counted)
    d = diff(*_versions())
    assert d.summary["reworded"] == 1
    assert calls == []
    change = d.changes[1]
    assert change.similarity == kept_share(OLD, NEW)
    assert change.similarity == kept_share(OLD, NEW)
    assert calls == [(OLD, NEW)]
    assert [op.op for op in change.words].count("equal") >= 2  # reuses the matching
    assert calls == [(OLD, NEW)]


def test_a_change_measured_later_equals_one_measured_at_once() -> None:
    """Equality, hashing and repr read the similarity, so they do not see when it was
    measured."""
    eager = _measured_at_once()
    assert 0.0 < eager.similarity < 1.0
    assert _reworded() == eager
    assert eager == _reworded()
    assert hash(_reworded()) == hash(eager)
    assert repr(_reworded()) == repr(eager)
    assert f"similarity={eager.similarity!r}" in repr(_reworded())


def test_evolve_asdict_and_pickle_carry_the_similarity() -> None:
    """attrs.evolve, attrs.asdict and a pickle round trip give the measured similarity."""
    share = kept_share(OLD, NEW)
    assert attrs.evolve(_reworded(), group=3).similarity == share
    assert attrs.evolve(_reworded(), similarity=0.25).similarity == 0.25
    assert attrs.asdict(_reworded())["similarity"] == share
    assert pickle.loads(pickle.dumps(_reworded())) == _measured_at_once()


def test_the_word_diff_read_first_matches_the_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the word diff before the similarity changes neither, and one pass of the
    word diff measures both (the texts are tokenised and matched once, not again for the
    similarity)."""
    expected = _reworded().words
    given: list[bool] = []
    measured: list[tuple[str, str]] = []

    def recorded(
        old: str, new: str, known: tuple[list[int], list[int]] | None = None, piece: Piece = None
    ) -> tuple[tuple[WordOp, ...], float]:
        given.append(known is not None)
        return word_diff(old, new, known, piece)

    def counted(a: str, b: str) -> tuple[float, tuple[list[int], list[int]]]:
        measured.append((a, b))
        return kept_matching(a, b)

    monkeypatch.setattr("negotrack.plandiff.changes.word_diff", recorded)
    monkeypatch.setattr("negotrack.plandiff.changes.kept_matching", counted)
    first_words = _reworded()
    assert first_words.words == expected
    assert given == [False]
    assert first_words.similarity == kept_share(OLD, NEW)
    assert measured == []
    assert first_words == _measured_at_once()


def test_the_similarity_read_first_lends_its_matching_to_the_word_diff(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read the other way round, the word diff reuses the similarity's matching."""
    expected = _reworded().words
    given: list[bool] = []

    def recorded(
        old: str, new: str, known: tuple[list[int], list[int]] | None = None, piece: Piece = None
    ) -> tuple[tuple[WordOp, ...], float]:
        given.append(known is not None)
        return word_diff(old, new, known, piece)

    monkeypatch.setattr("negotrack.plandiff.changes.word_diff", recorded)
    change = _reworded()
    assert change.similarity == kept_share(OLD, NEW)
    assert change.words == expected
    assert given == [True]


def test_json_and_other_attributes_are_unaffected() -> None:
    """The JSON shows the similarity; a missing attribute still raises AttributeError."""
    d = diff(*_versions())
    assert d.to_json_data()["changes"][1]["similarity"] == round(kept_share(OLD, NEW), 4)
    with pytest.raises(AttributeError):
        _ = d.changes[1].no_such_field  # type: ignore[attr-defined]
    assert not hasattr(d.changes[1], "no_such_field")


def test_a_plan_diffs_repr_is_one_line_whatever_its_size() -> None:
    """A diff's repr (a console, a list of diffs in a notebook) names the two versions and
    counts its changes by kind, in one short line: it held every point of both versions
    and every change, over 13,000 characters for the Ukraine seed's two drafts."""
    old = nt.PlanVersion(
        id="us-28",
        label="US draft",
        date="2025-11-20",
        points=[
            nt.Point(str(k), f"Point {k} says something long and distinct {k}.") for k in range(300)
        ],
    )
    new = attrs.evolve(old, id="20-point", label="Framework", points=old.points[:200])
    pd = diff(old, new)
    assert repr(pd) == "<PlanDiff 'us-28' -> '20-point': 200 unchanged, 100 deleted>"
    empty = attrs.evolve(old, id="empty", points=())
    assert (
        repr(diff(empty, attrs.evolve(empty, id="none")))
        == "<PlanDiff 'empty' -> 'none': no change>"
    )
