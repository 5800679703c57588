"""Layer 1, the values: dates, vocabularies and the frozen record classes.

Nothing here does I/O, reads a clock or knows a template. Everything above builds on these.
"""
