"""Layer 6, exports: TimelineJS JSON, iCalendar, CSV tables and pandas DataFrames."""
