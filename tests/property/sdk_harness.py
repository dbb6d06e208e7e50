"""Generate an SDK from a spec in memory, import its `types` package, round-trip instances,
and type-check many generated packages in one mypy run.

Every generated `types` package is written under one shared folder as a subpackage of one
root package (`<root>/propsdk/t0001/`, ...) beside the runtime modules it imports
(`propsdk/_models.py` and its `_pydantic.py` and `_validation.py`, the same text for every spec). Its modules
import each other and `.._models` relatively, so they behave there exactly as in the SDK;
the client, resources and tests of the SDK are only compiled (the property tests are about models, and importing
a whole SDK per example would cost more than the rest).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import tomllib
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pydantic
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase
from sdkwright.api import load_and_validate
from sdkwright.diagnostics import Level
from sdkwright.ir.nodes import Api, Definition
from sdkwright.targets.python.naming.step import NamingOptions, build_named_api
from sdkwright.targets.python.render import render_sdk
from shared_run import warm_mypy_cache

REPO = Path(__file__).resolve().parents[2]
# How hard the property tests look, chosen with SDKWRIGHT_HYPOTHESIS_PROFILE:
#   ci    the default, what CI runs: 500 specs, derandomized (the same ones every run, so a
#         failure reproduces), no example database, no deadline
#   dev   50 random specs, for a quick local run
#   deep  5,000 random specs, remembering failures in .cache/hypothesis, to hunt for new bugs
# Drawing a spec, generating its SDK and importing it takes tens of milliseconds, and a spec
# with its instances can be large: neither is a problem with the inputs.
_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large]
PROFILES = {
    "ci": settings(
        max_examples=500,
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=_SLOW_IS_FINE,
    ),
    "dev": settings(
        max_examples=50, database=None, deadline=None, suppress_health_check=_SLOW_IS_FINE
    ),
    "deep": settings(
        max_examples=5000,
        database=DirectoryBasedExampleDatabase(REPO / ".cache" / "hypothesis"),
        deadline=None,
        print_blob=True,
        suppress_health_check=_SLOW_IS_FINE,
    ),
}
PROFILE = PROFILES[os.environ.get("SDKWRIGHT_HYPOTHESIS_PROFILE", "ci")]

ROOT_PACKAGE = "propsdk"
OPTIONS = NamingOptions(package=ROOT_PACKAGE, client_name="PropClient")
SPEC_NAME = "openapi.json"
# The runtime modules that the `types` package imports (`_models` and the ones it imports).
RUNTIME_OF_TYPES = ("_models.py", "_pydantic.py", "_validation.py")


class SpecRejected(AssertionError):
    """sdkwright reported errors for a spec the strategies consider valid."""


class CompileFailed(AssertionError):
    """A generated Python file is not valid Python."""


class ImportFailed(AssertionError):
    """The generated types package raised while being imported."""


@dataclass
class Generated:
    api: Api
    module: ModuleType
    folder: Path
    spec_text: str

    def definition_for(self, component: str) -> Definition | None:
        """The class a component schema became, found by its source pointer."""
        pointer = "/components/schemas/" + component.replace("~", "~0").replace("/", "~1")
        return next((d for d in self.api.definitions if d.source == pointer), None)

    def python_class(self, definition: Definition) -> Any:
        return getattr(self.module, definition.name)

    @property
    def package(self) -> str:
        """The name of the types package below the root package, for `Workspace.mypy`."""
        return self.folder.name

    def __repr__(self) -> str:
        return f"Generated({self.module.__name__})"


class Workspace:
    """The shared folder of generated packages; one per test session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.packages: list[str] = []  # those generated for the mypy sample
        self._counter = 0
        self._models_text: dict[str, str] | None = None
        self._mypy_config: str | None = None

    def __repr__(self) -> str:  # Hypothesis prints fixtures with a failing example
        return f"Workspace({str(self.folder)!r}, {len(self.packages)} packages)"

    @property
    def package_root(self) -> Path:
        return self.folder / ROOT_PACKAGE

    def generate(self, document: dict[str, Any], *, for_mypy: bool = True) -> Generated:
        """Spec -> validated, built, rendered, compiled, written and imported types package."""
        self._counter += 1
        name = f"t{self._counter:05d}"
        work = self.folder / "specs" / name
        work.mkdir(parents=True)
        spec_text = json.dumps(document, indent=2, ensure_ascii=False)
        spec_path = work / SPEC_NAME
        spec_path.write_text(spec_text, encoding="utf-8")

        specs, diagnostics = load_and_validate(spec_path)
        _reject_errors(diagnostics, spec_text)
        assert specs is not None
        api, build_diagnostics = build_named_api(specs, OPTIONS)
        _reject_errors(build_diagnostics, spec_text)
        files = render_sdk(api)

        broken = ""
        for path, text in files.items():
            if path.endswith(".py"):
                try:
                    compile(text, path, "exec", dont_inherit=True)
                except SyntaxError as error:
                    broken = f"{path} does not compile: {error}\n{_numbered(text)}"
                    break
        if broken:
            raise CompileFailed(f"{broken}\n--- spec ---\n{spec_text}")
        self._write_runtime(files)
        target = self.package_root / name
        prefix = f"{ROOT_PACKAGE}/types/"
        for path, text in files.items():
            if path.startswith(prefix):
                destination = target / path.removeprefix(prefix)
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_text(text, encoding="utf-8")
        (work / "module.txt").write_text(f"{ROOT_PACKAGE}.{name}\n", encoding="utf-8")
        importlib.invalidate_caches()
        failure = ""
        try:
            module = importlib.import_module(f"{ROOT_PACKAGE}.{name}")
        except Exception:
            failure = traceback.format_exc()
        if failure:  # raised here, outside `except`: one origin for Hypothesis whatever the file
            raise ImportFailed(
                f"the generated types do not import:\n{failure}\n--- spec ---\n{spec_text}"
            )
        if for_mypy:
            self.packages.append(name)
        return Generated(api, module, target, spec_text)

    def _write_runtime(self, files: dict[str, str]) -> None:
        runtime = {name: files[f"{ROOT_PACKAGE}/{name}"] for name in RUNTIME_OF_TYPES}
        if self._models_text is None:
            self.package_root.mkdir(parents=True)
            (self.package_root / "__init__.py").write_text("", encoding="utf-8")
            for name, text in runtime.items():
                (self.package_root / name).write_text(text, encoding="utf-8")
            (self.package_root / "py.typed").write_text("", encoding="utf-8")
            self._models_text = runtime
            self._mypy_config = _mypy_section(files["pyproject.toml"])
            if str(self.folder) not in sys.path:
                sys.path.insert(0, str(self.folder))
        assert runtime == self._models_text, "the runtime depends on the spec; give it its own copy"

    def mypy(self, packages: list[str]) -> subprocess.CompletedProcess[str]:
        """`mypy --strict` with the generated pyproject's settings, over `packages` at once."""
        assert self._mypy_config is not None, "no package generated yet"
        config = self.folder / "mypy.ini"
        config.write_text(self._mypy_config, encoding="utf-8")
        targets = [arg for name in packages for arg in ("-p", f"{ROOT_PACKAGE}.{name}")]
        command = [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(config),
            "--cache-dir",
            str(warm_mypy_cache(self.folder / ".mypy_cache")),
            *targets,
        ]
        return subprocess.run(
            command, cwd=self.folder, capture_output=True, text=True, timeout=900, check=False
        )

    def spec_text(self, package: str) -> str:
        return (self.folder / "specs" / package / SPEC_NAME).read_text(encoding="utf-8")

    def close(self) -> None:
        for name in [
            m for m in sys.modules if m == ROOT_PACKAGE or m.startswith(ROOT_PACKAGE + ".")
        ]:
            del sys.modules[name]
        if str(self.folder) in sys.path:
            sys.path.remove(str(self.folder))


def _mypy_section(pyproject: str) -> str:
    """The generated SDK's [tool.mypy] table as a mypy.ini (the SDK's own type-check settings)."""
    settings = tomllib.loads(pyproject).get("tool", {}).get("mypy", {})
    lines = ["[mypy]"]
    for key, value in settings.items():
        text = str(value).lower() if isinstance(value, bool) else str(value)
        lines.append(f"{key} = {text}")
    return "\n".join(lines) + "\n"


def _numbered(text: str) -> str:
    return "\n".join(f"{number:4}: {line}" for number, line in enumerate(text.splitlines(), 1))


def _reject_errors(diagnostics: list[Any], spec_text: str) -> None:
    errors = [d for d in diagnostics if d.level is Level.ERROR]
    if errors:
        rendered = "\n".join(d.render() for d in errors)
        raise SpecRejected(
            f"sdkwright rejected a valid spec:\n{rendered}\n--- spec ---\n{spec_text}"
        )


# -- round trips -----------------------------------------------------------------------------


def round_trip(python_type: Any, instance: Any) -> Any:
    """Validate a JSON instance into the generated type and dump it back as JSON.

    Models go through `model_validate` / `model_dump`, enums and type aliases through a
    TypeAdapter with the same options.
    """
    if isinstance(python_type, type) and issubclass(python_type, pydantic.BaseModel):
        value = python_type.model_validate(instance)
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(python_type)
    value = adapter.validate_python(instance)
    return adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)


def json_equal(left: Any, right: Any) -> bool:
    """Equality of JSON values: types matter (True is not 1, "1" is not 1), except that an
    integer and a float are the same JSON number when their values are equal."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(json_equal(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(
            json_equal(a, b) for a, b in zip(left, right, strict=True)
        )
    return type(left) is type(right) and left == right


class RoundTripFailed(AssertionError):
    """A valid instance did not come back unchanged."""


def check_round_trip(generated: Generated, component: str, instance: Any) -> None:
    """`component`'s class parses `instance` and dumps it back equal (see `json_equal`)."""
    definition = generated.definition_for(component)
    assert definition is not None, f"component {component!r} became no class"
    python_type = generated.python_class(definition)
    failure = ""
    dumped: Any = None
    try:
        dumped = round_trip(python_type, instance)
    except Exception:
        failure = traceback.format_exc(limit=-4)
    where = (
        f"component {component!r} -> {generated.module.__name__}.{definition.name}\n"
        f"instance: {json.dumps(instance, ensure_ascii=False)}"
    )
    if failure:
        raise RoundTripFailed(f"{where}\n{failure}\n--- spec ---\n{generated.spec_text}")
    if not json_equal(dumped, instance):
        raise RoundTripFailed(
            f"{where}\ndumped:   {json.dumps(dumped, ensure_ascii=False)}\n"
            f"first difference: {first_difference(instance, dumped)}\n"
            f"--- spec ---\n{generated.spec_text}"
        )


def first_difference(expected: Any, actual: Any, path: str = "") -> str:
    """Where two JSON values first differ (by `json_equal`), as a JSON pointer and values."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() - actual.keys():
            return f"{path}/{key}: {expected[key]!r} is missing"
        for key in actual.keys() - expected.keys():
            return f"{path}/{key}: {actual[key]!r} was added"
        for key in expected:
            if not json_equal(expected[key], actual[key]):
                return first_difference(expected[key], actual[key], f"{path}/{key}")
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            if not json_equal(left, right):
                return first_difference(left, right, f"{path}/{index}")
    return f"{path or '/'}: {expected!r} became {actual!r}"
