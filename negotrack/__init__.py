"""negotrack: track peace negotiations, their plan versions and what became of every point.

The public surface is re-exported here. Heavy parts (the diff engine, the renderer) are
imported on first use, so ``import negotrack`` and the command line start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from negotrack.__about__ import __version__
from negotrack.dates import Moment, MomentLike, Precision
from negotrack.dossier import Dossier
from negotrack.errors import (
    DateError,
    DossierError,
    FormatError,
    LockTimeout,
    NegotrackError,
    Problem,
    UnknownReference,
)
from negotrack.model import (
    Event,
    EventKind,
    Participant,
    ParticipantKind,
    Plan,
    PlanVersion,
    Point,
    PointLink,
    Position,
    Quote,
    Source,
    SourceKind,
    Stance,
    Status,
    StatusChange,
)
from negotrack.storage import load, loads

if TYPE_CHECKING:
    from negotrack.frames import to_dataframe
    from negotrack.plandiff import (
        ChangeKind,
        FigureChange,
        PlanDiff,
        PointChange,
        PositionDelta,
        StatusDelta,
        WordOp,
        diff,
    )
    from negotrack.render import Renderer, render_board, render_diff, render_site, render_timeline
    from negotrack.schema import json_schema
    from negotrack.timeline import TimelineView
    from negotrack.update import update

__all__ = [
    "ChangeKind",
    "DateError",
    "Dossier",
    "DossierError",
    "Event",
    "EventKind",
    "FigureChange",
    "FormatError",
    "LockTimeout",
    "Moment",
    "MomentLike",
    "NegotrackError",
    "Participant",
    "ParticipantKind",
    "Plan",
    "PlanDiff",
    "PlanVersion",
    "Point",
    "PointChange",
    "PointLink",
    "Position",
    "PositionDelta",
    "Precision",
    "Problem",
    "Quote",
    "Renderer",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "StatusChange",
    "StatusDelta",
    "TimelineView",
    "UnknownReference",
    "WordOp",
    "__version__",
    "diff",
    "json_schema",
    "load",
    "loads",
    "render_board",
    "render_diff",
    "render_site",
    "render_timeline",
    "to_dataframe",
    "update",
]

_LAZY = {
    "ChangeKind": "negotrack.plandiff",
    "FigureChange": "negotrack.plandiff",
    "PositionDelta": "negotrack.plandiff",
    "StatusDelta": "negotrack.plandiff",
    "WordOp": "negotrack.plandiff",
    "PlanDiff": "negotrack.plandiff",
    "PointChange": "negotrack.plandiff",
    "diff": "negotrack.plandiff",
    "Renderer": "negotrack.render",
    "render_board": "negotrack.render",
    "render_diff": "negotrack.render",
    "render_site": "negotrack.render",
    "render_timeline": "negotrack.render",
    "TimelineView": "negotrack.timeline",
    "json_schema": "negotrack.schema",
    "to_dataframe": "negotrack.frames",
    "update": "negotrack.update",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'negotrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
