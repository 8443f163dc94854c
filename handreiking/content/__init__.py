"""The content layer: read the YAML, check it and build the validated model.

Only the standard library, PyYAML and the JSON Schema validators: ``make check`` loads no
rendering library (the import contracts in pyproject.toml and tests/test_lagen.py hold it to that).
"""
