"""negotrack: track peace negotiations, their plan versions and what became of every point.

The public surface is re-exported here. Heavy parts (the diff engine, the renderer) are
imported on first use, so ``import negotrack`` and the command line start quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from negotrack.__about__ import __version__
from negotrack.core.dates import Moment, MomentLike, Precision
from negotrack.core.model import (
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
from negotrack.core.refs import PointRef
from negotrack.dossier.asof import StatusReport
from negotrack.dossier.dossier import Dossier
from negotrack.dossier.links import LinkSuggestion, Suggestions
from negotrack.dossier.merge import merge
from negotrack.dossier.selection import EventFilter
from negotrack.errors import (
    DateError,
    DossierError,
    FormatError,
    LocaleError,
    LockTimeout,
    MissingDependency,
    NegotrackError,
    Problem,
    RenderError,
    UnknownReference,
)
from negotrack.io.storage import load, loads

if TYPE_CHECKING:
    from negotrack.export.frames import to_dataframe
    from negotrack.io.schema import json_schema
    from negotrack.io.update import update
    from negotrack.plandiff.compare import (
        ChangeKind,
        FigureChange,
        PlanDiff,
        PointChange,
        PositionDelta,
        StatusDelta,
        WordOp,
        diff,
    )
    from negotrack.publish import render_site
    from negotrack.render.renderer import Renderer
    from negotrack.render.shared import render_board, render_diff, render_timeline
    from negotrack.views.timeline import TimelineView

__all__ = [
    "ChangeKind",
    "DateError",
    "Dossier",
    "DossierError",
    "Event",
    "EventFilter",
    "EventKind",
    "FigureChange",
    "FormatError",
    "LinkSuggestion",
    "LocaleError",
    "LockTimeout",
    "MissingDependency",
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
    "PointRef",
    "Position",
    "PositionDelta",
    "Precision",
    "Problem",
    "Quote",
    "RenderError",
    "Renderer",
    "Source",
    "SourceKind",
    "Stance",
    "Status",
    "StatusChange",
    "StatusDelta",
    "StatusReport",
    "Suggestions",
    "TimelineView",
    "UnknownReference",
    "WordOp",
    "__version__",
    "diff",
    "json_schema",
    "load",
    "loads",
    "merge",
    "render_board",
    "render_diff",
    "render_site",
    "render_timeline",
    "to_dataframe",
    "update",
]

_LAZY = {
    "ChangeKind": "negotrack.plandiff.compare",
    "FigureChange": "negotrack.plandiff.compare",
    "PositionDelta": "negotrack.plandiff.compare",
    "StatusDelta": "negotrack.plandiff.compare",
    "WordOp": "negotrack.plandiff.compare",
    "PlanDiff": "negotrack.plandiff.compare",
    "PointChange": "negotrack.plandiff.compare",
    "diff": "negotrack.plandiff.compare",
    "Renderer": "negotrack.render.renderer",
    "render_board": "negotrack.render.shared",
    "render_diff": "negotrack.render.shared",
    "render_site": "negotrack.publish",
    "render_timeline": "negotrack.render.shared",
    "TimelineView": "negotrack.views.timeline",
    "json_schema": "negotrack.io.schema",
    "to_dataframe": "negotrack.export.frames",
    "update": "negotrack.io.update",
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
