"""Build hook: ship the built-in templates compiled (sdkwright/cache/template_bytecode.py says why).

A wheel gets them from a temporary folder; an editable install, which runs the checkout's
package, finds them inside it (a folder git ignores).
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import tempfile
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTemplates(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "compile-templates"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        module = _template_bytecode(self.root)
        shipped = f"sdkwright/{module.SHIPPED_FOLDER}"
        if version == "editable":
            destination = os.path.join(self.root, "generator", *shipped.split("/"))
            shutil.rmtree(destination, ignore_errors=True)
        else:
            destination = self._temporary = tempfile.mkdtemp(prefix="sdkwright-templates-")
            build_data["force_include"][destination] = shipped
        count = module.precompile(os.path.join(self.root, "templates", "python"), destination)
        self.app.display_info(f"compiled {count} templates for {shipped}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        temporary = getattr(self, "_temporary", None)
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def _template_bytecode(root: str) -> ModuleType:
    """The checkout's own module, imported from its source root: it and what it imports (the
    package's and `cache`'s `__init__`, the cache store) need only Jinja and the standard
    library, which the build has; the package's other modules need more."""
    source_root = os.path.join(root, "generator")
    sys.path.insert(0, source_root)
    try:
        return importlib.import_module("sdkwright.cache.template_bytecode")
    finally:
        sys.path.remove(source_root)
