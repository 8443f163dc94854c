"""The handreiking as data: load, validate and render the YAML content.

Plain Python with no dependency on MkDocs, so the content model and the page
rendering survive a change of site generator. The MkDocs glue lives in
``macros/``. Layers, each importing only those below it (pyproject.toml holds
the contracts): :mod:`handreiking.cli` and :mod:`handreiking.build` >
:mod:`handreiking.tools` > :mod:`handreiking.site` > :mod:`handreiking.content`.
"""
