"""One module per development tool; each builds its `Tool` and registers it.

`samskapa.toolkit.registry.autodiscover()` (run by the app config) imports every module here.
How to write one: docs/adding-a-tool.md.
"""
