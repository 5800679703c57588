"""The examples each command's ``--help`` ends with (:mod:`negotrack.cli.args` builds the
parser; docs/cli.md quotes the same commands)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["EXAMPLES"]

EXAMPLES: Mapping[str, str] = MappingProxyType(
    {
        "validate": """examples:
  negotrack validate seeds/ukraine-2025-12.yaml
  negotrack validate dossier.json && echo valid
  negotrack validate --strict dossier.yaml""",
        "status set": """examples:
  negotrack status set d.yaml us-28#14 disputed --on 2025-12-26 --source s12
  negotrack status set d.yaml us-28#12 deleted --on "2025-11-23T18:00 Europe/Zurich" \\
      --by umerov --source s3 --note "dropped in Geneva"
  negotrack status set d.json eu-24#7 agreed --on ~2025-12 --source s9   # approximate month""",
        "status show": """examples:
  negotrack status show d.yaml                      # every point of every version
  negotrack status show d.yaml us-28#12             # one point and its history
  negotrack status show d.yaml --as-of 2025-12-01   # what was known by then
  negotrack status show d.yaml --format json | jq '.points[] | select(.status=="disputed")'""",
        "status": """examples:
  negotrack status set d.yaml us-28#14 disputed --on 2025-12-26 --source s12
  negotrack status show d.yaml --as-of 2025-12-01""",
        "timeline": """examples:
  negotrack timeline d.yaml -o timeline.html
  negotrack timeline d.yaml --format md --kind round --since 2025-11 -o rounds.md
  negotrack timeline d.yaml --participant witkoff --side Russia --until 2025-12-31
  negotrack timeline d.yaml --embed -o timeline-fragment.html
  negotrack timeline d.yaml --locale uk -o timeline-uk.html   # a Ukrainian page""",
        "diff": """examples:
  negotrack diff d.yaml us-28 us-20 -o diff.html
  negotrack diff d.yaml us-28 geneva-19 --format text
  negotrack diff d.yaml us-28 us-20 --format json | jq .summary
  negotrack diff d.yaml us-28 us-20 --locale ar -o diff-ar.html   # Arabic, right to left""",
        "link": """examples:
  negotrack link d.yaml us-28#12 20-point#9 --note "the army cap, renumbered"
  negotrack link d.yaml us-28#21a 20-point      # no successor: dropped in 20-point
  negotrack link d.yaml us-28 20-point#7        # no predecessor: new in 20-point
  negotrack link d.yaml us-28#3 20-point#2 --distinct   # not this pair: never matched""",
        "unlink": """examples:
  negotrack unlink d.yaml us-28#12 20-point#9   # the link as written, both ends
  negotrack unlink d.yaml us-28#21a 20-point    # take back a 'no successor' link""",
        "suggest-links": """examples:
  negotrack suggest-links d.yaml us-28 20-point                 # least sure first
  negotrack suggest-links d.yaml us-28 20-point --format json | jq '.[0]'
  negotrack suggest-links d.yaml us-28 20-point --format md > review.md   # both texts
  negotrack suggest-links d.yaml us-28 20-point --min-confidence 0.9 --accept""",
        "export": """examples:
  negotrack export d.yaml --to timelinejs -o timeline.json
  negotrack export d.yaml --to ics -o rounds.ics                 # rounds only
  negotrack export d.yaml --to ics --all-events -o everything.ics
  negotrack export d.yaml --to csv --table points -o points.csv
  negotrack export d.yaml --to csv --table positions --as-of 2025-12-01
  negotrack export d.yaml --to csv --excel -o events.csv        # opens in Excel
  negotrack export --to json-schema -o dossier.schema.json""",
        "board": """examples:
  negotrack board d.yaml -o board.html                  # the first plan
  negotrack board d.yaml peace-plan --as-of 2025-12-01 --format md""",
        "site": """examples:
  negotrack site d.yaml -o site/     # timeline.html, diff-OLD_to_NEW.html, board-PLAN.html, .md
  negotrack site d.yaml -o site/ --threshold 0.3""",
        "replace": """examples:
  negotrack replace d.yaml event fixed-geneva.yaml     # the event with the same id
  negotrack replace d.yaml point point-12.yaml --version us-28
  cat source.json | negotrack replace d.json source -""",
        "remove": """examples:
  negotrack remove d.yaml event geneva-dup
  negotrack remove d.yaml point us-28#29     # refused while a status change names it""",
        "merge": """examples:
  negotrack merge mine.yaml theirs.yaml -o both.yaml
  negotrack merge mine.yaml theirs.yaml | jq '.events | length'""",
    }
)
