"""Layer 4, view-models: typed values the templates see (timeline, diff report, board,
notebook displays), with every display string computed by :mod:`.formatting`.
"""
