"""The theme's templates compiled once for a whole ``make serve``, not again on every rebuild.

MkDocs makes a new Jinja environment for each build, which compiles Material's templates anew
(about half a second on every save). Jinja's bytecode cache keys each template by its name and the
checksum of its source, so a changed override is compiled again; this one lives in memory, owned by
the plugin for as long as the server runs.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
