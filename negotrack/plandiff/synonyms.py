"""Words drafters of peace texts use for one another, read as one word by text matching.

Two drafts written by different hands say the same thing in other words: one plan's
"phase" is the next one's "stage", one text's "detainees" another's "prisoners". No
stemmer meets them. SETS lists such words, by language, each set read as its first member
(:class:`negotrack.plandiff.features.Normaliser` stems every member and reads each stem as
the first member's): a short list of words a drafter substitutes for one another without
changing what a provision is about, in (nearly) every context they appear in such texts.

What it holds, and how it was made, is on purpose narrow:

- It was written *blind*: by a helper session that read none of the project's real cases
  (``seeds/``), their curated lineage or the matcher's misses on them, from general usage
  and public glossaries of peacemaking terms (listed with the sets), and it was frozen
  before the matcher ran with it. So the real cases measure it as they measure a text they
  have not seen.
- Precision before coverage: a wrong equivalence makes unrelated points look alike. Left
  out are hypernyms and hyponyms ("weapons" and "rifles"), words with another common sense
  in these texts ("party" is also a political party, "side" also a border's), steps of a
  process that differ ("signing" and "ratification"), function words, and spellings and
  inflections (the normaliser meets those already).
- Words only: matching reads them as stems, so the inline word diff, ``similarity`` (the
  share of words kept) and the figures of a report still show "phase" become "stage".

A phrase of several words stands for its set when it is a fixed term ("cessation of
hostilities"): :func:`phrases` gives them by first word, and the normaliser reads the
phrase's words as the set's one word.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["SETS", "phrases", "sets"]

_ENGLISH: tuple[tuple[str, ...], ...] = (
    # ICRC Casebook glossary; DPPA Guidance and CSS/MSN commentary (used interchangeably in
    # mediation practice); armistice left out (see NOTES)
    ("ceasefire", "truce", "cessation of hostilities"),
    ("stop", "halt", "cease"),  # general usage ("cease/halt/stop all military operations")
    # general usage; DPPA Guidance (ceasefire violations/breaches)
    ("violation", "breach", "infringement", "contravention", "contravene"),
    # general usage (e.g. "withdrawal"/"pull-back" of heavy weapons in OSCE/Minsk-type texts);
    # disengagement and redeployment kept apart
    ("withdrawal", "withdraw", "pullback", "pull back"),
    # IDDRS 4.20 (combatants / members of armed groups); general usage; stem caveat: combatant
    # -> "combat"
    ("combatant", "fighter"),
    ("weapon", "weaponry", "armament"),  # general usage; "arms" left out (stem "arm" = armed)
    # general usage (Northern Ireland, Aceh, Bangsamoro "decommissioning" = handing
    # over/putting weapons beyond use)
    ("disarmament", "disarm", "decommissioning", "decommission"),
    # IMAS 04.10 via GICHD (humanitarian demining = survey, mapping, marking, clearance)
    ("demining", "demine", "mine clearance"),
    ("uxo", "unexploded ordnance"),  # IMAS 04.10 glossary (abbreviation)
    ("uav", "drone", "unmanned aerial vehicle"),  # general usage (ceasefire texts on drone use)
    # general usage ("removal of checkpoints/roadblocks", same provision)
    ("checkpoint", "roadblock"),
    ("blockade", "siege"),  # general usage ("lifting of the blockade/siege")
    # general usage ("comply with / abide by / adhere to the ceasefire"); "observe" and
    # "respect" left out
    ("compliance", "comply", "abide", "adhere", "adherence"),
    # general usage; monitoring and verification kept separate (Paris Agreements, Annex 2)
    ("supervision", "supervise", "oversight", "oversee"),
    ("ddr", "disarmament demobilization and reintegration"),  # IDDRS (abbreviation)
    ("ssr", "security sector reform"),  # IDDRS / PA-X (abbreviation)
    # Practical Guide to Humanitarian Law ("Detention"); PHAP Detainees (PoWs and internees are
    # detainees); stem caveat: prisoner -> "prison"
    ("detainee", "prisoner", "internee", "pow"),
    # general usage; kept apart from detainee/prisoner (theirwords.org agreements list hostages
    # separately)
    ("hostage", "captive", "abductee"),
    ("abduction", "kidnapping", "abduct", "kidnap"),  # general usage
    ("exchange", "swap"),  # general usage ("prisoner exchange/swap")
    # general usage; ICRC Customary IHL Rule 114 ("remains of the dead"); "remains" left out
    # (stem = "remain")
    ("deceased", "dead"),
    # HumanTerm UEM (humanitarian aid vs humanitarian assistance treated as equivalent);
    # "relief" left out
    ("aid", "assistance", "assist"),
    # general usage (UNSC "safe, rapid and unimpeded/unhindered humanitarian access")
    ("unimpeded", "unhindered", "unobstructed", "unrestricted", "unfettered"),
    ("food", "foodstuff"),  # general usage
    # UN Guiding Principles usage (Peacebuilding Initiative; Oxford Reference); refugees kept
    # separate
    ("displaced", "idp", "internally displaced person"),
    # general usage ("polls"/"elections"; "electoral process"/"election process")
    ("election", "electoral", "poll"),
    ("referendum", "plebiscite"),  # general usage; PA-X referendum category
    # general usage (e.g. Palestinian Basic Law = interim constitution)
    ("constitution", "basic law"),
    # general usage ("amend/modify/revise the constitution/law/voter register")
    ("amendment", "amend", "modify", "modification", "revise", "revision"),
    ("repeal", "revoke", "rescind"),  # general usage (cancelling laws/decrees)
    ("parliament", "legislature"),  # general usage
    # general usage ("interim/transitional period, government"); stem caveat: transitional ->
    # "transit"; "provisional" left out (stem "provision")
    ("interim", "transitional"),
    ("cabinet", "council of ministers"),  # general usage (fixed term)
    # PA-X decentralisation/federalism category; general usage ("devolution/decentralization of
    # powers")
    ("decentralization", "devolution"),
    # general usage (e.g. Oslo "interim self-government" = autonomy)
    ("autonomy", "self government", "self rule"),
    # general usage ("peace talks" = "peace negotiations"); "dialogue" left out
    ("negotiation", "negotiate", "talks"),
    ("cooperation", "collaboration"),  # general usage
    # general usage ("establish/create/set up a commission")
    ("establish", "establishment", "create", "creation", "set up"),
    ("assessment", "assess", "evaluation", "evaluate"),  # general usage
    ("dispute", "disagreement"),  # general usage (dispute-resolution clauses)
    ("condemn", "denounce"),  # general usage (UN resolutions)
    ("inhabitant", "resident"),  # general usage
    # general usage; DPPA Guidance (phased implementation); Paris Agreements Annex 2 ("two
    # phases")
    ("phase", "stage"),
    # general usage; "schedule" left out (= annex in some texts)
    ("timeline", "timetable", "timeframe", "time frame"),
    ("immediately", "forthwith"),  # general usage
    ("begin", "commence", "commencement", "start"),  # general usage
    # general usage ("extend/prolong the ceasefire, mandate")
    ("extend", "extension", "prolong", "prolongation"),
    # general usage (international border/boundary); caveat: "electoral boundaries"
    ("border", "frontier", "boundary"),
    ("reconstruction", "rebuilding"),  # general usage; "rehabilitation" and "recovery" left out
    # general usage; "reparation" left out (hypernym)
    ("compensation", "indemnity", "indemnification"),
    ("oil", "petroleum"),  # general usage (e.g. wealth-sharing provisions)
    ("employment", "job"),  # general usage ("job creation" / "employment generation")
    ("amnesty", "pardon"),  # PA-X codebook category "amnesty/pardon"; general usage
    ("court", "tribunal"),  # general usage ("special court/tribunal", "hybrid court/tribunal")
    ("crime", "offence"),  # general usage
    ("perpetrator", "offender"),  # general usage
    # general usage ("commission of inquiry" / "investigation commission")
    ("investigation", "inquiry"),
    ("penalty", "punishment"),  # general usage
    ("ihl", "international humanitarian law"),  # ICRC (abbreviation)
    ("un", "united nations"),  # general usage
    ("eu", "european union"),  # general usage
    ("au", "african union"),  # general usage
    ("icrc", "international committee of the red cross"),  # ICRC
    ("unhcr", "united nations high commissioner for refugees"),  # general usage
    ("ngo", "non governmental organization"),  # general usage
)

SETS: Mapping[str, tuple[tuple[str, ...], ...]] = {"en": _ENGLISH}
"""Each language's sets (by primary subtag); a set's first member is the word all of it reads as."""


def sets(language: str) -> tuple[tuple[str, ...], ...]:
    """The sets of ``language`` (a primary subtag), none for a language without a list."""
    return SETS.get(language, ())


def phrases(language: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The members of several words of ``language``'s sets, by first word: each as its
    words and the set's first member, the longest first (a longer phrase is read before a
    shorter one that starts it)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for members in sets(language):
        for member in members:
            parts = tuple(member.split())
            if len(parts) > 1:
                out.setdefault(parts[0], []).append((parts, members[0]))
    for found in out.values():
        found.sort(key=lambda pw: -len(pw[0]))
    return out
