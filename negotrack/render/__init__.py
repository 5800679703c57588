"""Layer 5, rendering: :class:`negotrack.render.renderer.Renderer` owns a Jinja2 environment
and turns view-models into HTML, Markdown and text; the packaged templates live in
``templates/``.
"""
