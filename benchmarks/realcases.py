"""How well the plan-diff matcher recovers curated lineage on real drafts, from texts alone.

For every seed dossier (``seeds/*.yaml``) and every pair of consecutive versions of a plan
(a version and each version it ``derived_from``, or the one listed before it when it names
none) whose points carry lineage ``key``\\ s or whose plan has curated ``links`` between
them:

- the TRUTH is the set of ``(old_number, new_number)`` pairs that ``nt.diff(old, new,
  links=...)`` matches by the keys and the plan's links between these two versions (or by
  the very same text); a split or merge gives one pair per piece;
- the matcher is then run on the same texts with every key stripped and no links (in the
  dossier's declared language), and its pairs are compared with the truth.

The bar ("Real drafts"): at least 90% of the curated pairs with no wrong pair. "To review"
counts the candidates the matcher left unpaired for a person (``PlanDiff.candidates``,
suggested by ``suggest_links``) and, before the slash, how many of them are curated pairs
it missed. "Unmarked" counts the wrong pairs the reports do not mark "check this" (a
confidence of 0.8 or more): wrong pairs a reader is not warned of.
Run ``python -m benchmarks.realcases`` for the table and what each case misses;
``make bench`` reports the same cases through ``benchmarks/bench_realcases.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

import negotrack as nt

__all__ = ["CaseResult", "main", "measure"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOT_PAIRS = frozenset({"added", "deleted"})
CURATED = frozenset({"link", "key", "exact"})
"""What makes a pair of the truth: a curated link, a shared key, or the very same text
(the truth diff also matches the rest by text, which is not curated)."""


@dataclasses.dataclass(frozen=True)
class CaseResult:
    """One pair of versions: the curated pairs and what the text matcher found of them."""

    dossier: str
    plan: str
    old: str
    new: str
    old_points: int
    new_points: int
    curated: int
    found: int
    wrong: int
    merges_truth: int
    splits_truth: int
    merges_found: int
    splits_found: int
    missed_pairs: tuple[tuple[str, str], ...] = ()
    wrong_pairs: tuple[tuple[str, str], ...] = ()
    candidates: int = 0
    """Pairs the matcher left unpaired for a person to check (``PlanDiff.candidates``)."""
    candidates_missed: int = 0
    """Of those, curated pairs the matcher missed: what the review loop brings back."""
    offered_pairs: tuple[tuple[str, str], ...] = ()
    """The missed pairs among the candidates."""
    wrong_unmarked: int = 0
    """Of the wrong pairs, those the reports do not mark "check this" (a confidence of
    0.8 or more): a wrong pair a reader is not warned of."""

    @property
    def recall(self) -> float:
        return self.found / self.curated if self.curated else 1.0

    @property
    def passes(self) -> bool:
        """The bar: at least 90% of the curated pairs, and no wrong pair."""
        return self.recall >= 0.9 and self.wrong == 0


def _pairs(d: nt.PlanDiff, only: frozenset[str] | None = None) -> set[tuple[str, str]]:
    """The (old, new) number pairs of a diff; ``only`` those matched so."""
    out: set[tuple[str, str]] = set()
    for c in d.changes:
        if str(c.kind) in NOT_PAIRS or c.old is None or c.new is None:
            continue
        if only is None or c.matched_by in only:
            out.add((c.old.number, c.new.number))
    return out


def _groups(d: nt.PlanDiff, kind: str) -> int:
    return len({c.group for c in d.changes if str(c.kind) == kind and c.group is not None})


def _stripped(version: nt.PlanVersion) -> nt.PlanVersion:
    return attrs.evolve(version, points=tuple(attrs.evolve(p, key=None) for p in version.points))


def _between(plan: nt.Plan, old: nt.PlanVersion, new: nt.PlanVersion) -> list[nt.PointLink]:
    return [
        link
        for link in plan.links
        if link.old.startswith(f"{old.id}#") and link.new.startswith(f"{new.id}#")
    ]


def _consecutive(plan: nt.Plan) -> Iterator[tuple[nt.PlanVersion, nt.PlanVersion]]:
    """Each version with each version it derives from (or the one listed before it)."""
    versions = list(plan.versions)
    for k, version in enumerate(versions):
        if version.derived_from:
            parents: Sequence[str] = version.derived_from
        elif k > 0:
            parents = (versions[k - 1].id,)
        else:
            continue
        for parent in parents:
            yield plan.version(parent), version


def _has_lineage(old: nt.PlanVersion, new: nt.PlanVersion, links: list[nt.PointLink]) -> bool:
    return bool(links) or any(p.key for p in (*old.points, *new.points))


def measure(seeds: Path = SEEDS) -> list[CaseResult]:
    """Every real case in ``seeds``: the curated truth against text matching alone."""
    results: list[CaseResult] = []
    for path in sorted(seeds.glob("*.yaml")):
        dossier = nt.load(path)
        for plan in dossier.plans:
            for old, new in _consecutive(plan):
                links = _between(plan, old, new)
                if not _has_lineage(old, new, links):
                    continue
                truth_diff = nt.diff(old, new, links=links)
                found_diff = nt.diff(_stripped(old), _stripped(new), language=dossier.language)
                truth = _pairs(truth_diff, CURATED)
                found = _pairs(found_diff)
                doubts = {(c.old.number, c.new.number) for c in found_diff.candidates}
                unmarked = {
                    (c.old.number, c.new.number)
                    for c in found_diff.changes
                    if c.old is not None and c.new is not None and not c.check
                }
                results.append(
                    CaseResult(
                        dossier=path.name,
                        plan=plan.id,
                        old=old.id,
                        new=new.id,
                        old_points=len(old.points),
                        new_points=len(new.points),
                        curated=len(truth),
                        found=len(truth & found),
                        wrong=len(found - truth),
                        merges_truth=_groups(truth_diff, "merged"),
                        splits_truth=_groups(truth_diff, "split"),
                        merges_found=_groups(found_diff, "merged"),
                        splits_found=_groups(found_diff, "split"),
                        missed_pairs=tuple(sorted(truth - found)),
                        wrong_pairs=tuple(sorted(found - truth)),
                        candidates=len(doubts),
                        candidates_missed=len(doubts & (truth - found)),
                        offered_pairs=tuple(sorted(doubts & (truth - found))),
                        wrong_unmarked=len((found - truth) & unmarked),
                    )
                )
    return results


def _table(results: list[CaseResult]) -> str:
    head = (
        "case",
        "points",
        "curated",
        "found",
        "wrong",
        "unmarked",
        "recall",
        "merges t/f",
        "splits t/f",
        "to review",
        "bar",
    )
    rows: list[tuple[str, ...]] = [head]
    for r in results:
        rows.append(
            (
                f"{r.dossier}: {r.old} -> {r.new}",
                f"{r.old_points}/{r.new_points}",
                str(r.curated),
                str(r.found),
                str(r.wrong),
                str(r.wrong_unmarked),
                f"{r.recall:.0%}",
                f"{r.merges_truth}/{r.merges_found}",
                f"{r.splits_truth}/{r.splits_found}",
                f"{r.candidates_missed}/{r.candidates}",
                "pass" if r.passes else "FAIL",
            )
        )
    curated = sum(r.curated for r in results)
    found = sum(r.found for r in results)
    wrong = sum(r.wrong for r in results)
    rows.append(
        (
            "all",
            "",
            str(curated),
            str(found),
            str(wrong),
            str(sum(r.wrong_unmarked for r in results)),
            f"{found / curated:.0%}" if curated else "-",
            f"{sum(r.merges_truth for r in results)}/{sum(r.merges_found for r in results)}",
            f"{sum(r.splits_truth for r in results)}/{sum(r.splits_found for r in results)}",
            f"{sum(r.candidates_missed for r in results)}/{sum(r.candidates for r in results)}",
            "pass" if results and all(r.passes for r in results) else "FAIL",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0 or n == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    results = measure()
    print(_table(results))
    for r in results:
        if r.missed_pairs or r.wrong_pairs:
            print(f"\n{r.dossier}: {r.old} -> {r.new}")
            if r.missed_pairs:
                print(
                    "  missed:",
                    ", ".join(
                        f"{a}->{b}" + (" (offered)" if (a, b) in r.offered_pairs else "")
                        for a, b in r.missed_pairs
                    ),
                )
            if r.wrong_pairs:
                print("  wrong: ", ", ".join(f"{a}->{b}" for a, b in r.wrong_pairs), end="")
                print(f" ({r.wrong_unmarked} not marked 'check this')")


if __name__ == "__main__":
    main()
