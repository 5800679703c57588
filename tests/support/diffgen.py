"""Version pairs with known ground truth, to measure how well the diff matches points.

A generated old version is a list of peace-plan-like points (ceasefire lines, army caps,
sanctions, prisoner exchanges, elections, guarantees, with figures and dates), built from a
shared vocabulary so that different points share many words, as real drafts do. The new
version is derived from it by known operations: rewording a given share of each point's
words (synonyms, replacements, insertions, deletions), deletions, additions, moves, splits
(a point's sentences become separate points), merges (two neighbours become one) and
renumbering.

Points of a given length (``words=``) are each about a *topic*: a few objects (TOPIC of
them) their sentences keep returning to, with subjects, verbs and tails from the shared
vocabulary. Drawing every sentence of a 300-word point from the whole bank, as shorter
points do, would give unrelated long points whole sentences in common, which real drafts
do not have: there, two long points share the plan's common words ("the parties shall",
"Ukraine", "ceasefire") but each develops its own matter. Two unrelated long points still
share a topic object now and then. The shared-bank long points stay available
(``point_text(rng, words=...)``) as the stress case of unrelated long points sharing whole
phrases, which must not be paired. Short points (at most SHORT words) are one subject,
verb and as much of an object as fits: cutting a sentence at five to ten words gave
fragments such as "The International Committee of the Red Cross." (one 300-point version
held it five times: 24 of its points were exact copies of others), which no draft has and
no matcher can tell apart. A split cuts a point into at most PIECES runs of
consecutive sentences (a 20-sentence point is not cut into 20 points; points of up to three
sentences are cut into sentences, as before).

The ground truth is the set of edges ``(old number, new number)``: one per
kept point, one per piece of a split, one per member of a merge.

Tests import this module too (a fixed seed gives a fixed case).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable

import attrs
from hypothesis import strategies as st

from negotrack.core.model import PlanVersion, Point

__all__ = ["Case", "Score", "cases", "edges", "generate", "point_text", "reword", "score", "topic"]

TOPIC = 6
"""Objects one point of a generated version is about."""
PIECES = 3
"""Most pieces a generated split makes."""
SHORT = 12
"""Points of at most this many words are one subject, verb and object (see ``_short``)."""
_DANGLING = frozenset(
    (
        "a",
        "an",
        "the",
        "of",
        "on",
        "to",
        "and",
        "in",
        "for",
        "along",
        "with",
        "between",
        "by",
        "under",
        "over",
    )
)

_SUBJECTS = (
    "Ukraine",
    "Russia",
    "the United States",
    "the European Union",
    "NATO",
    "the parties",
    "both sides",
    "a joint security commission",
    "the Board of Peace",
    "international monitors",
    "the armed forces of Ukraine",
    "Russian forces",
    "European states",
    "the guarantor states",
    "the government in Kyiv",
    "the Kremlin",
    "a humanitarian committee",
    "the International Committee of the Red Cross",
)
_VERBS = (
    "will guarantee",
    "shall establish",
    "agrees to negotiate",
    "will withdraw from",
    "will recognise",
    "commits to",
    "will lift",
    "will monitor",
    "shall hold",
    "will fund",
    "will not deploy",
    "will exchange",
    "will restore",
    "may request",
    "undertakes to respect",
    "will freeze",
    "will limit",
    "will verify",
)
_OBJECTS = (
    "a full ceasefire along the current line of contact",
    "all prisoners of war and the bodies of the fallen",
    "presidential and parliamentary elections within {days} days",
    "the Zaporizhzhia nuclear power plant under IAEA supervision",
    "sanctions on Russian energy exports in stages",
    "a demilitarised buffer zone of {km}km",
    "frozen Russian sovereign assets worth ${bn}bn",
    "security guarantees modelled on Article 5",
    "humanitarian corridors for civilians leaving the front",
    "civilian detainees, political prisoners and deported children",
    "the peacetime strength of the army at {troops} personnel",
    "a reconstruction fund of €{bn} billion",
    "the remaining parts of the Donetsk region",
    "strikes on energy infrastructure and ports",
    "grain and fertiliser exports through the Black Sea",
    "a non-aggression pact between Russia, Ukraine and Europe",
    "European fighter jets stationed in Poland",
    "a dialogue on returning Russia to the G8",
    "long-range missiles capable of reaching Moscow",
    "navigation on the Dnipro river and the Kinburn spit",
    "{pct}% of the profits from the joint investment vehicle",
    "the rights of religious communities and linguistic minorities",
    "membership of the European Union on an accelerated timetable",
    "the exchange of all-for-all detainees",
    "an amnesty for all parties for acts committed during the war",
    "foreign troops on the territory of Ukraine",
    "de facto control over Crimea, Luhansk and Donetsk",
    "the lines in Kherson and Zaporizhzhia along the line of contact",
    "a programme to rebuild schools, hospitals and power stations",
    "compensation for damage to civilian property",
    "the constitutional commitment not to join NATO",
    "nuclear weapons on Ukrainian soil",
    "Ukrainian gas transit to central Europe",
    "the reopening of the Kerch bridge to civilian traffic",
    "data centres and artificial intelligence projects",
    "the extension of the New START treaty",
)
_TAILS = (
    "within {days} days of signature",
    "after the agreement enters into force",
    "under international supervision",
    "on an all-for-all basis",
    "subject to verification by the monitors",
    "in phases over {months} months",
    "by {date}",
    "unless the ceasefire is violated",
    "with the consent of all parties",
    "as soon as possible",
    "for a period of {years} years",
    "once the security council has approved it",
    "in line with international humanitarian law",
    "",
    "",
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
_SYNONYMS = {
    "will": "shall",
    "shall": "will",
    "guarantee": "ensure",
    "establish": "create",
    "negotiate": "discuss",
    "withdraw": "pull",
    "recognise": "acknowledge",
    "lift": "ease",
    "monitor": "observe",
    "hold": "organise",
    "fund": "finance",
    "deploy": "station",
    "exchange": "swap",
    "restore": "reinstate",
    "request": "ask",
    "respect": "honour",
    "freeze": "halt",
    "limit": "cap",
    "verify": "check",
    "ceasefire": "truce",
    "full": "complete",
    "prisoners": "captives",
    "elections": "votes",
    "sanctions": "restrictions",
    "guarantees": "assurances",
    "civilians": "non-combatants",
    "territory": "land",
    "army": "military",
    "zone": "area",
    "all": "every",
    "parties": "sides",
    "within": "inside",
    "after": "following",
    "international": "global",
    "current": "present",
    "along": "on",
    "stages": "phases",
    "agreement": "accord",
    "supervision": "oversight",
}
_FILLERS = (
    "also",
    "fully",
    "jointly",
    "promptly",
    "formally",
    "in principle",
    "where possible",
    "immediately",
    "unconditionally",
    "in good faith",
)


@attrs.frozen
class Case:
    """A generated version pair and the true lineage edges between their points."""

    old: PlanVersion
    new: PlanVersion
    truth: frozenset[tuple[str, str]]


@attrs.frozen
class Score:
    """Precision, recall and F1 of predicted lineage edges against the truth."""

    precision: float
    recall: float
    f1: float


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        days=rng.choice((7, 14, 30, 60, 90, 100, 120, 180)),
        km=rng.choice((5, 10, 15, 20, 30, 40, 50)),
        bn=rng.choice((100, 200, 210, 300, 400)),
        troops=f"{rng.choice((600, 650, 700, 750, 800, 850))},000",
        pct=rng.choice((25, 40, 50, 60, 75)),
        months=rng.choice((3, 6, 9, 12, 18, 24)),
        years=rng.choice((5, 10, 15, 20, 25)),
        date=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.choice((2026, 2027))}",
    )


def _sentence(rng: random.Random, objects: tuple[str, ...] = _OBJECTS) -> str:
    tail = _fill(rng.choice(_TAILS), rng)
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {_fill(rng.choice(objects), rng)}"
    if tail:
        text += " " + tail
    return text[0].upper() + text[1:] + "."


def topic(rng: random.Random) -> tuple[str, ...]:
    """What one point is about: a few of the objects, which its sentences keep returning to."""
    return tuple(rng.sample(_OBJECTS, TOPIC))


def point_text(
    rng: random.Random,
    sentences: int | None = None,
    words: tuple[int, int] | None = None,
    objects: tuple[str, ...] = _OBJECTS,
) -> str:
    """A peace-plan-like point of one to three sentences, or of ``words`` = (least, most)
    words (sentences are added until there are enough, then the text is cut). Its
    sentences' objects come from ``objects`` (by default all of them: long points drawn
    this way share whole phrases, the hardest case for telling unrelated points apart)."""
    if words is not None:
        lo, hi = words
        want = rng.randint(lo, hi)
        if hi <= SHORT:
            return _short(rng, want, hi, objects)
        out: list[str] = []
        while len(out) < want:
            out.extend(_sentence(rng, objects).split())
        return " ".join(out[:want]).rstrip(",;") + ("" if out[want - 1].endswith(".") else ".")
    count = sentences if sentences is not None else rng.choice((1, 1, 2, 2, 3))
    return " ".join(_sentence(rng) for _ in range(count))


def _short(rng: random.Random, want: int, most: int, objects: tuple[str, ...]) -> str:
    """A point of about ``want`` words (at most ``most``) that states its matter: a subject
    and verb short enough to leave room for at least two words of the object, then as much
    of the object as fits, ending on a word that carries meaning (not a sentence cut off
    after its subject, as "The International Committee of the Red Cross." would be)."""
    fits = [
        (subject, verb)
        for subject in _SUBJECTS
        for verb in _VERBS
        if len(subject.split()) + len(verb.split()) + 2 <= want
    ]
    subject, verb = rng.choice(fits)
    head = len(subject.split()) + len(verb.split())
    words = _fill(rng.choice(objects), rng).split()
    end = min(want - head, len(words))
    # End on a word that carries meaning: take more of the object while there is room...
    while end < len(words) and head + end < most and words[end - 1].rstrip(",") in _DANGLING:
        end += 1
    # ...else leave the dangling words out.
    while end > 1 and words[end - 1].rstrip(",") in _DANGLING:
        end -= 1
    text = f"{subject} {verb} {' '.join(words[:end]).rstrip(',')}"
    return text[0].upper() + text[1:] + "."


def reword(text: str, share: float, rng: random.Random) -> str:
    """``text`` with about ``share`` of its words changed: half replaced (by a synonym when
    one is known), a quarter deleted, a quarter joined by an inserted word."""
    words = text.split()
    k = round(share * len(words))
    if k == 0 and share > 0:
        k = 1
    targets = rng.sample(range(len(words)), min(k, len(words)))
    out: list[str] = []
    for i, word in enumerate(words):
        if i not in targets:
            out.append(word)
            continue
        roll = rng.random()
        if roll < 0.5:
            bare = word.rstrip(".,")
            punct = word[len(bare) :]
            swap = _SYNONYMS.get(bare.lower()) or rng.choice(rng.choice(_OBJECTS).split())
            out.append(_fill(swap, rng) + punct)
        elif roll < 0.75 and len(words) > 3:
            # Deleted; a sentence's full stop survives on the word before it.
            if word.endswith(".") and out and not out[-1].endswith("."):
                out[-1] += "."
        else:
            out.extend((word, rng.choice(_FILLERS)))
    return " ".join(out)


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(". ")]
    return [p if p.endswith(".") else p + "." for p in parts if p]


def _pieces(sentences: list[str]) -> list[str]:
    """A split's pieces: at most PIECES runs of consecutive sentences, as even as can be."""
    k = min(PIECES, len(sentences))
    cuts = [round(m * len(sentences) / k) for m in range(k + 1)]
    return [" ".join(sentences[a:b]) for a, b in itertools.pairwise(cuts)]


def generate(
    n: int,
    *,
    seed: int,
    share: float = 0.1,
    p_reword: float = 1.0,
    p_delete: float = 0.05,
    p_add: float = 0.05,
    p_move: float = 0.05,
    p_split: float = 0.03,
    p_merge: float = 0.03,
    words: tuple[int, int] | None = None,
) -> Case:
    """A version pair of about ``n`` points with known lineage.

    Every surviving point is reworded with probability ``p_reword``, changing about
    ``share`` of its words; the other probabilities are per old point (additions: per new
    point). New points are renumbered 1..m in their new order. ``words`` = (least, most)
    sets the length of every point in words (short, medium, long points).
    """
    rng = random.Random(seed)
    old_texts = [
        point_text(rng, words=words, objects=topic(rng) if words else _OBJECTS) for _ in range(n)
    ]
    # Each new item: its text and the old numbers it came from.
    items: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < n:
        text, number = old_texts[i], str(i + 1)
        roll = rng.random()
        if roll < p_delete:
            i += 1
            continue
        roll -= p_delete
        pieces = _pieces(_sentences(text))
        if roll < p_split and len(pieces) >= 2:
            for piece in pieces:
                items.append((_maybe_reword(piece, share, p_reword, rng), (number,)))
            i += 1
            continue
        roll -= p_split
        if roll < p_merge and i + 1 < n:
            merged = text + " " + old_texts[i + 1]
            items.append((_maybe_reword(merged, share, p_reword, rng), (number, str(i + 2))))
            i += 2
            continue
        items.append((_maybe_reword(text, share, p_reword, rng), (number,)))
        i += 1
    for _ in range(round(p_add * len(items))):
        items.insert(rng.randint(0, len(items)), (point_text(rng), ()))
    for _ in range(round(p_move * len(items))):
        item = items.pop(rng.randrange(len(items)))
        items.insert(rng.randint(0, len(items)), item)
    old = PlanVersion(
        id="old",
        label="Old draft",
        date="2025-11-20",
        points=[Point(number=str(k + 1), text=t) for k, t in enumerate(old_texts)],
    )
    new = PlanVersion(
        id="new",
        label="New draft",
        date="2025-12-20",
        points=[Point(number=str(k + 1), text=t) for k, (t, _) in enumerate(items)],
    )
    truth = frozenset((o, str(k + 1)) for k, (_, origins) in enumerate(items) for o in origins)
    return Case(old, new, truth)


def _maybe_reword(text: str, share: float, p: float, rng: random.Random) -> str:
    return reword(text, share, rng) if rng.random() < p else text


def edges(changes: Iterable[object]) -> frozenset[tuple[str, str]]:
    """The predicted lineage edges of a diff's changes: (old number, new number) pairs."""
    out = set()
    for change in changes:
        old = getattr(change, "old", None)
        new = getattr(change, "new", None)
        if old is not None and new is not None:
            out.add((old.number, new.number))
    return frozenset(out)


def score(truth: frozenset[tuple[str, str]], predicted: frozenset[tuple[str, str]]) -> Score:
    """Precision, recall and F1 of ``predicted`` edges against ``truth``."""
    hits = len(truth & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


@st.composite
def cases(
    draw: st.DrawFn, most: int = 25, shares: tuple[float, ...] = (0.0, 0.1, 0.2, 0.4, 0.7)
) -> Case:
    """A derived version pair of up to ``most`` points, each reworded by one of ``shares``:
    rewording, deletions, additions, moves, splits, merges."""
    probability = st.floats(0.0, 0.3)
    return generate(
        draw(st.integers(0, most)),
        seed=draw(st.integers(0, 2**32)),
        share=draw(st.sampled_from(shares)),
        p_reword=draw(st.floats(0.0, 1.0)),
        p_delete=draw(probability),
        p_add=draw(probability),
        p_move=draw(probability),
        p_split=draw(probability),
        p_merge=draw(probability),
    )
