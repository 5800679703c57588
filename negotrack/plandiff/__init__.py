"""Layer 2, plan diffs: pure functions of two plan versions.

:func:`negotrack.plandiff.compare.diff` pairs the points of two versions (curated links,
lineage keys, exact text, then text similarity: :mod:`.match`), orders what is left
(:mod:`.align`) and computes word-level changes (:mod:`.tokens`). It sees a dossier only
through the small :class:`negotrack.plandiff.compare.DossierLike` protocol.
"""
