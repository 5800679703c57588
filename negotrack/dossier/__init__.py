"""Layer 3, the aggregate: :class:`negotrack.dossier.dossier.Dossier`, its lookups
(:mod:`.index`), its integrity checks (:mod:`.integrity`), as-of queries and validated
changes, and event selection (:mod:`.selection`).
"""
