"""Package data of mmtracker, installed as ``mmtracker.resources``: the default care
policy (``policy/default.toml``), the compiled translation catalogues
(``translations/*.qm``, built from the ``.ts`` sources) and the application icons.

The program finds these files through ``importlib.resources`` (see
:func:`mmtracker.config.resource_path`), never by a path relative to its sources.
"""
