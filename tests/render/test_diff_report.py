"""What the diff report says around its changes: edits marked without stray spaces, and
its measures (confidence, similarity, curated links) explained and shown."""

from __future__ import annotations

import re

import negotrack as nt
from negotrack.core.confidence import cut_down
from negotrack.plandiff.changes import CHECK_BELOW
from negotrack.views.diff import DiffView
from tests.support.dossiers import SEEDS
from tests.support.lineage import undecided, unkeyed

MINSK = nt.load(SEEDS / "minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
HIDDEN = re.compile(r'<span class="visually-hidden"[^>]*>[^<]*</span>')
EDIT = re.compile(r'<span class="edit">([^<]*)</span>')


def _shown(html: str) -> str:
    """``html`` without the words for screen readers, an edit's words out of their span."""
    return EDIT.sub(r"\1", HIDDEN.sub("", html))


def _shown_text(html: str) -> str:
    """``html`` with its tags taken out: the text a reader sees."""
    return re.sub(r"<[^>]+>", "", html)


def _card(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("\n</li>\n", start)]  # a card's own end


def test_no_edit_is_spacing_alone_and_no_mark_holds_an_end_space() -> None:
    """Minsk II #10 has no inserted space ("[inserted: ]"); no <ins> or <del> of any seed
    report starts or ends with a space, or holds nothing but spaces."""
    card = _card(MINSK.to_html(), "p-minsk-2-10")
    assert "[inserted: </span> <span" not in card
    assert "military equipment<del>" in card
    assert "</del> and mercenaries leave <del>" in card
    for seed in sorted(SEEDS.glob("*.yaml")):
        d = nt.load(seed)
        for plan in d.plans:
            for old, new in zip(plan.versions, plan.versions[1:], strict=False):
                html = d.diff(old.id, new.id).to_html()
                for tag in ("ins", "del"):
                    for inner in re.findall(rf"<{tag}>(.*?)</{tag}>", html):
                        words = _shown(inner)
                        assert words.strip() == words != "", (seed.stem, tag, inner)


def test_a_deletion_and_the_insertion_after_it_are_one_space_apart() -> None:
    """ "armed groups" became "armed formations": one space before the deletion (the text's
    own), one between it and the insertion, and no margin that would add another."""
    card = _card(MINSK.to_html(), "p-minsk-2-10")
    inline = card[card.index('<div class="inline">') : card.index('<div class="side-by-side">')]
    words = _shown(inline)
    assert " armed <del>groups</del> <ins>formations</ins>, military" in words
    assert "<del>Illegal</del> <ins>All foreign</ins> armed" in words
    css = MINSK.to_html()
    assert "del + ins" not in css
    assert "ins + del" not in css


UNKEYED = unkeyed("minsk-2014-2015.yaml").diff("minsk-1", "minsk-2")
IRAN = nt.load(SEEDS / "iran-2015.yaml").diff("lausanne", "jcpoa")
GAZA = nt.load(SEEDS / "gaza-2025.yaml").diff("us-21", "us-20")


def test_the_report_explains_confidence_and_check_this_where_it_is_used() -> None:
    """A report with pairs to check says, beside its counts, what confidence is and below
    which value a pair is marked "check this" (the documented CHECK_BELOW); each badge is
    described by that visible text, so it is reached without hovering."""
    html = UNKEYED.to_html()
    legend = html[html.index('<dl class="terms">') : html.index("</dl>")]
    assert html.index('<dl class="terms">') < html.index('<ol class="changes">')
    assert "<dt>Confidence:</dt>" in legend
    assert f"Pairs below {CHECK_BELOW:.2f} are marked “check this”." in legend
    assert "<dt>Similarity:</dt>" in legend
    assert "Curated link" not in legend  # no curated link in this report
    assert html.count('id="term-confidence"') == 1
    badges = re.findall(r'<span class="badge check"[^>]*>[^<]*</span>', html)
    assert badges
    for badge in badges:  # a pair's names its confidence; a point with candidates, none
        term = "term-confidence" if "(" in badge else "term-candidates"
        assert f'aria-describedby="{term}"' in badge
    md = UNKEYED.to_markdown()
    assert "- **Confidence**: how sure text matching is" in md
    assert "\nConfidence: how sure text matching is" in UNKEYED.to_text()
    assert "«\u00a0à vérifier\u00a0»" in UNKEYED.to_markdown(locale="fr")


def test_the_report_says_its_split_and_merged_counts_are_pieces() -> None:
    """Iran's summary reads "5 split, 10 merged": pieces, not splits and merges (the
    filter buttons must count the cards they show), and the legend says so; a report with
    no split or merge does not."""
    html, md = IRAN.to_html(), IRAN.to_markdown()
    legend = html[html.index('<dl class="terms">') : html.index("</dl>")]
    said = "each piece of a split or a merger counts once in the numbers above"
    assert "<dt>Split, merged:</dt>" in legend
    assert said in legend
    assert f"- **Split, merged**: {said}" in md
    text = IRAN.to_text().splitlines()
    assert text[2] == "9 reworded, 4 moved, 5 added, 3 deleted, 5 split, 10 merged"
    assert any(line.startswith(f"Split, merged: {said}") for line in text[3:12])
    assert "jedes Teilstück einer Aufteilung" in IRAN.to_html(locale="de")
    plain = nt.diff(*nt.load(SEEDS / "ukraine-2025-12.yaml").plans[0].versions[:2])
    assert said not in plain.to_html()
    assert said not in plain.to_markdown()
    assert said not in plain.to_text()


def test_the_legend_says_how_a_pieces_similarity_is_measured() -> None:
    """A piece's similarity is the share of its words found in its whole, in any order
    (Lausanne #11 reads 0.52 in the JCPOA's #4 while its word diff strikes most of it):
    the legend says so where the report has pieces, and only there."""
    said = "For a piece of a split or a merger: the share of the piece’s words found"
    html, md = IRAN.to_html(), IRAN.to_markdown()
    legend = html[html.index('<dl class="terms">') : html.index("</dl>")]
    assert said in legend
    assert any(line.startswith("- **Similarity**") and said in line for line in md.splitlines())
    assert "Pour un fragment issu d’une scission" in IRAN.to_markdown(locale="fr")
    plain = nt.diff(*nt.load(SEEDS / "ukraine-2025-12.yaml").plans[0].versions[:2])
    assert "Similarity" in plain.to_markdown()
    assert said not in plain.to_html()
    assert said not in plain.to_markdown()


def test_a_reworded_card_shows_its_similarity() -> None:
    """Each card whose text changed says its similarity (the share of words kept, cut down
    to two decimals like a confidence), in the page's number format; a card whose text is
    the same does not."""
    view = DiffView.build(IRAN)
    html, md = IRAN.to_html(), IRAN.to_markdown()
    for c in view.changes:
        card = _card(html, c.anchor)
        shown = f"<li>Similarity: {cut_down(c.similarity):.2f}</li>" in card
        assert shown == c.changed_words, c.anchor
    first = next(c for c in view.changes if c.changed_words)
    assert f"- Similarity: {cut_down(first.similarity):.2f}" in md
    french = f"<li>Similarité\u00a0: {cut_down(first.similarity):.2f}".replace(".", ",")
    assert french in IRAN.to_html(locale="fr")


def test_a_curated_pair_shows_its_links_note() -> None:
    """The Iran seed's merge pieces each show the note of the curated link that made them,
    in HTML (escaped, in the dossier's own text direction) and Markdown, and the legend says
    what a curated link is."""
    html, md = IRAN.to_html(), IRAN.to_markdown()
    card = _card(html, "p-jcpoa-1")
    assert (
        '<p class="link-note">Link note: <span dir="auto">The 5,060-machine cap becomes one'
        " provision with &#34;Natanz only&#34; (a merge).</span></p>"
    ) in card
    assert "Natanz as the only enrichment site" in _card(html, "p-jcpoa-1-part-2")
    assert "<dt>Curated link:</dt>" in html
    assert '*Curated link*: The 5,060-machine cap becomes one provision with "Natanz only"' in md
    assert "- **Curated link**: a pair a person pinned" in md
    assert "Link note" not in UNKEYED.to_html()


def test_a_links_note_is_escaped_in_every_format() -> None:
    """A note holding markup is printed as text: escaped in HTML, inert in Markdown."""
    old = nt.PlanVersion(
        id="a", label="A", date="2025-01-01", points=[nt.Point("1", "Troops withdraw.")]
    )
    new = nt.PlanVersion(
        id="b", label="B", date="2025-02-01", points=[nt.Point("1", "Forces leave.")]
    )
    note = '<img src=x onerror="alert(1)"> & *stars*'
    pd = nt.diff(old, new, links=[nt.PointLink("a#1", "b#1", note=note)])
    html = pd.to_html()
    assert "<img" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; *stars*" in html
    md = pd.to_markdown()
    assert "<img" not in md
    assert r"\*stars\*" in md


def _legend(html: str) -> str:
    return html[html.index('<dl class="terms">') : html.index("</dl>")]


def test_each_candidate_shows_its_confidence_and_the_legend_says_what_it_is() -> None:
    """A deleted or added point names its candidates each with that pair's confidence (cut
    down to two decimals), in every format; the legend then says what a candidate is, how
    to pin one, and that "to check" counts pairs marked "check this" and points with
    candidates. A report with no candidate has no such entry."""
    view = DiffView.build(UNKEYED)
    with_candidates = [c for c in view.changes if c.counterparts]
    assert with_candidates
    html, md, text = UNKEYED.to_html(), UNKEYED.to_markdown(), UNKEYED.to_text()
    for c in with_candidates:
        card = _card(html, c.anchor)
        assert 'aria-describedby="term-candidates">check this</span>' in card
        for k in c.counterparts:
            sure = f"{cut_down(k.confidence):.2f}"
            assert (
                f'<a class="ident" href="#{k.anchor}"><bdi dir="ltr">{k.ref}</bdi></a> ({sure})'
                in card
            )
            assert f"{k.ref} ({sure})" in md
            assert f"{k.ref} ({sure})" in text
    assert "could not decide)" not in html + md + text  # no reason left hanging in brackets
    legend = _legend(html)
    assert '<dt>May continue as, may come from:</dt> <dd id="term-candidates">' in legend
    assert "<code>negotrack link</code>" in legend
    assert "<dt>To check:</dt>" in legend
    said = "pairs matched by their text with a confidence below 0.80, and deleted or added"
    assert said in legend
    assert "- **May continue as, may come from**: candidates for a pair" in md
    assert "run `negotrack link`" in md
    assert f"\nTo check: the changes marked “check this”: {said}" in text
    assert "\nMay continue as, may come from: candidates for a pair" in text
    for plain in (GAZA.to_html(), GAZA.to_markdown(), GAZA.to_text()):
        assert "May continue as, may come from" not in plain
        assert "To check" not in plain


def test_the_legend_explains_whatever_makes_the_to_check_count() -> None:
    """Minsk with its keys, but for two points not placed yet (Minsk I's economic
    recovery and Minsk II's social and economic links), counts "2 to check": two points
    with candidates and no pair marked "check this". The legend says what confidence, a
    candidate and "to check" are, in every format. With every key, nothing is to check."""
    open_ = undecided("minsk-2014-2015.yaml", "minsk-1#11", "minsk-2#8").diff("minsk-1", "minsk-2")
    view = DiffView.build(open_)
    count = next(n for key, _, n in view.shows if key == "check")
    to_check = [c for c in view.changes if c.to_check]
    assert len(to_check) == count == 2
    assert all(c.counterparts and not c.check for c in to_check)
    legend = _legend(open_.to_html())
    for dt in ("Confidence", "To check", "May continue as, may come from"):
        assert f"<dt>{dt}:</dt>" in legend
    assert not MINSK.to_check
    assert "<dt>To check:</dt>" not in _legend(MINSK.to_html())
    md, text = open_.to_markdown(), open_.to_text()
    for term in ("Confidence", "To check", "May continue as, may come from"):
        assert f"- **{term}**:" in md
        assert f"\n{term}: " in text


def test_a_crossed_group_reads_as_one_regrouping() -> None:
    """Iran's lausanne #24, #25 -> jcpoa #23, #24 (crossed links) has merged and split
    pieces: every card of it says it is part of one regrouping, naming the same points, and
    the legend says such a group counts its links. The kinds, and the JSON, stay as
    they were."""
    view = DiffView.build(IRAN)
    label = "lausanne #24, #25 → jcpoa #23, #24"
    cards = [c for c in view.changes if c.group_label == label]
    assert sorted(c.kind for c in cards) == ["merged", "merged", "split"]
    assert all(c.crossed for c in cards)
    assert not any(c.crossed for c in view.changes if c.group_label != label)
    html, md, text = IRAN.to_html(), IRAN.to_markdown(), IRAN.to_text()
    for c in cards:
        assert _shown_text(_card(html, c.anchor)).count(f"Part of a regrouping: {label}") == 1
    assert md.count(f"Part of a regrouping: {label}") == 3
    assert text.count(f"part of a regrouping: {label}") == 3
    assert f"Part of a merger: {label}" not in md
    assert f"part of a split: {label}" not in text
    said = "one old point may count both as “merged” and as “split”"
    assert "<dt>Regrouping:</dt>" in _legend(html)
    assert said in _legend(html)
    assert said in md
    assert said in text
    assert "Regrouping" not in MINSK.to_html()
    kinds = [str(c.kind) for c in IRAN.changes if c.group is not None]
    assert kinds.count("merged") == 10
    assert kinds.count("split") == 5


def test_the_candidates_entry_keeps_its_title_and_command_in_order_in_arabic() -> None:
    """The how-to's title (translated) and the command inside the Arabic legend are
    isolated (<bdi> in HTML, Unicode isolates in Markdown and text), so the bidi algorithm
    cannot carry the closing quote and bracket into them; an English report adds no
    isolate."""
    title = "مراجعة الأزواج التي لم تحسمها المطابقة النصية"
    html = UNKEYED.to_html(locale="ar")
    assert f"«<bdi>{title}</bdi>»" in html
    assert "<bdi><code>negotrack link</code></bdi>" in html
    for plain in (UNKEYED.to_markdown(locale="ar"), UNKEYED.to_text(locale="ar")):
        assert f"«\u2068{title}\u2069»" in plain
    assert "\u2068" not in UNKEYED.to_text()


def test_a_moved_point_whose_text_changed_says_it_was_reworded_too() -> None:
    """Lausanne #12 moved to the JCPOA's #6 and was rewritten (similarity 0.19): its card
    says "reworded" beside "moved" in every format; a point moved word for word does not."""
    text = IRAN.to_text().splitlines()
    assert "[moved, reworded] lausanne #12 → jcpoa #6 (research)" in text
    assert "### Moved, reworded: lausanne #12 → jcpoa #6 — research" in IRAN.to_markdown()
    heading = _shown_text(IRAN.to_html().split("lausanne #12</bdi>", 1)[1].split("</h3>", 1)[0])
    assert "renumbered reworded" in heading
    a = nt.PlanVersion(
        "a", "A", "2025-01", [nt.Point("1", "Ceasefire."), nt.Point("2", "Elections.")]
    )
    b = nt.PlanVersion(
        "b", "B", "2025-02", [nt.Point("1", "Elections."), nt.Point("2", "Ceasefire.")]
    )
    plain = nt.diff(a, b)
    assert any(c.kind is nt.ChangeKind.MOVED for c in plain.changes)
    assert "reworded" not in plain.to_text()
    assert 'badge">reworded' not in plain.to_html()


def test_a_report_made_at_a_cut_of_its_own_says_so() -> None:
    """A report diffed with ``threshold`` pairs what the matcher alone would not (Minsk
    without lineage, at 0.05: wrong pairs marked "check this"); its reader is told the cut
    in every format and language, since the pairs and counts depend on it. A report at the
    matcher's own cut says nothing of it."""
    d = unkeyed("minsk-2014-2015.yaml")
    own, loose = d.diff("minsk-1", "minsk-2"), d.diff("minsk-1", "minsk-2", threshold=0.05)
    said = "points were paired by their text at a confidence of 0.05 or more"
    assert (loose.threshold, own.threshold) == (0.05, None)
    for render in ("to_html", "to_markdown", "to_text"):
        assert said in getattr(loose, render)()
        assert "paired by their text at a confidence of" not in getattr(own, render)()
    assert "à partir d’une confiance de 0,05, seuil fixé pour ce rapport" in loose.to_text(
        locale="fr"
    )
    for locale in ("uk", "ru", "ar", "de", "es"):
        assert "In this report" not in loose.to_html(locale=locale)
