"""Build hook: ship the built-in templates compiled (sdkwright/cache/template_bytecode.py says why).

A wheel gets them from a temporary folder; an editable install, which runs the checkout's
package, finds them inside it (a folder git ignores).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
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
    """Loaded by path: the package's other modules need dependencies the build has not."""
    path = os.path.join(root, "generator", "sdkwright", "cache", "template_bytecode.py")
    spec = importlib.util.spec_from_file_location("_sdkwright_template_bytecode", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
