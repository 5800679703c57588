"""Layer 6, files: loading and saving dossiers (JSON and YAML), the file layout
(:mod:`.records`), comment-keeping YAML updates, atomic writes and locks
(:mod:`.update`), and the JSON Schema (:mod:`.schema`).
"""
