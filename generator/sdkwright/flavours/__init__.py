"""Client flavours as plugins: which templates, options, runtime, model type and model writer
make an SDK.

    httpx                     sync + async clients over httpx, pydantic v2 models (the default)
    requests                  a sync client over requests, with the same public API
    datamodel-code-generator  models written by datamodel-code-generator (pydantic v2,
                              dataclasses, TypedDict or msgspec structs), used by the clients of
                              the `client` option's flavour

A flavour is a `Flavour` registered by name. For the options a target gives, it makes a `Plan`:
the template folders to search, the runtime modules copied from `sdkwright/runtime/` (the core,
its transport as `_http.py`, its model type's support as `_models.py`), whether there is an
async client, the model type (`model_types.ModelType`: how generated code builds, reads and dumps models) and who
writes the models. The renderer calls `Plan.prepare(api)` once (what the model type changes in
the Api, with its warnings), then its views and templates read the plan; no core module names a
flavour or a model type.

Where a flavour lives: its code is a package here, `sdkwright/flavours/<name>/` (found at
import: adding a built-in flavour is adding a folder), and its templates are a folder under
`templates/python/` at the repository root. The templates stay out of the package's code
folders because they form one tree that flavours share: a flavour writes only the templates
that differ and reaches the others by folder name (`httpx:NAME`, `builtin:NAME`), the build
compiles that one tree into the package, and a second language target adds its own
`templates/<language>/` beside it. A flavour registered from outside names its own folders.

This module and the plugins' `__init__` import nothing heavy (no IR, no Jinja): the no-op fast
path asks a plan for its template folders.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sdkwright.flavours.model_types import PYDANTIC, ModelType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    from sdkwright.diagnostics import Diagnostic
    from sdkwright.ir.nodes import Api

OptionValues = Mapping[str, str]


@dataclass(frozen=True)
class Option:
    """One setting of a flavour, with the values it accepts."""

    name: str
    choices: tuple[str, ...]
    default: str
    help: str


if TYPE_CHECKING:  # an interface for type checkers only: building a Protocol costs the no-op path

    class ModelWriter(Protocol):
        """Writes every model into one module itself, instead of a template per definition."""

        @property
        def module(self) -> str:
            """The module under `types/` that holds the models."""

        @property
        def distribution(self) -> str:
            """The package that writes them, whose version shapes the output ("" for none)."""

        def prepare(self, api: Api) -> Api:
            """The Api as the clients see the models (e.g. every definition in `module`)."""

        def render(self, api: Api, banner: str) -> str:
            """The models module's source, unformatted."""


@dataclass(frozen=True)
class Prepared:
    """The Api a plan renders, and what its model type cannot represent precisely in it."""

    api: Api
    diagnostics: list[Diagnostic]


@dataclass(frozen=True)
class Plan:
    """What a flavour with its options renders: the concrete choices, no more options."""

    # Template folders under templates/python/ (or paths), searched in order: the first
    # holding a name wins.
    folders: tuple[str, ...]
    runtime_modules: tuple[str, ...]  # copied from sdkwright/runtime/ (RUNTIME_MODULES)
    asynchronous: bool
    models: ModelType = PYDANTIC
    # None: the templates write the models, types/definition.py.jinja per definition.
    model_writer: ModelWriter | None = None
    # The HTTP library the SDK depends on (its pyproject, README and tests name it), and
    # the runtime's transport over it, copied as `_http.py` (a module of sdkwright/runtime/).
    http: str = "httpx"
    transport: str = "http_httpx.py"

    @property
    def model_type(self) -> str:
        """The model type's name: what templates compare (`plan.model_type == "msgspec"`)."""
        return self.models.name

    def prepare(self, api: Api) -> Prepared:
        """Called once per generation, before any view: the Api as this plan renders it."""
        from sdkwright.targets.python.body_params import with_body_params, with_input_params
        from sdkwright.targets.python.literal_enums import with_literal_enums
        from sdkwright.targets.python.nested_params import with_nested_params

        if self.model_writer is not None:
            api = self.model_writer.prepare(api)
        api, diagnostics = self.models.prepare(api)
        api = with_literal_enums(api, self.models.literal_enums)
        if self.model_writer is None:  # the templates write the models: TypedDicts beside them
            if api.surface == "stainless":
                api = with_nested_params(with_input_params(api))
            else:
                api = with_body_params(api)
        return Prepared(api, diagnostics)


@dataclass(frozen=True)
class Flavour:
    name: str
    description: str
    plan: Callable[[OptionValues], Plan]
    options: tuple[Option, ...] = ()

    def resolve(self, given: OptionValues) -> Plan:
        """The plan for `given` options, defaults filled in (validated by `check_options`)."""
        values = {o.name: given.get(o.name, o.default) for o in self.options}
        return self.plan(values)

    def check_options(self, given: OptionValues) -> list[str]:
        """A message per unknown option or value; empty when `given` is usable."""
        known = {o.name: o for o in self.options}
        problems = []
        for name, value in given.items():
            option = known.get(name)
            if option is None:
                allowed = sorted(known) or "none"
                problems.append(
                    f"flavour '{self.name}' has no option '{name}' (its options: {allowed})"
                )
            elif value not in option.choices:
                problems.append(
                    f"option '{name}' of flavour '{self.name}' is '{value}': one of {list(option.choices)}"
                )
        return problems


# The runtime's core (sdkwright/runtime/), copied into every SDK beside its plan's
# `transport` (`_http.py`) and its model type's `runtime` support (`_models.py`).
RUNTIME_MODULES = (
    "_async_client.py",
    "_base_client.py",
    "_client_core.py",
    "_encoding.py",
    "_error_root.py",
    "_exceptions.py",
    "_oauth.py",
    "_pagination.py",
    "_pydantic.py",
    "_query.py",
    "_response.py",
    "_retries.py",
    "_streaming.py",
    "_sync_client.py",
    "_types.py",
    "_validation.py",
    "_values.py",
)

_REGISTRY: dict[str, Flavour] = {}
DEFAULT = "httpx"


def register(flavour: Flavour) -> Flavour:
    if flavour.name in _REGISTRY:
        raise ValueError(f"a flavour named {flavour.name!r} is already registered")
    _REGISTRY[flavour.name] = flavour
    return flavour


def get(name: str) -> Flavour | None:
    return _REGISTRY.get(name)


def names() -> list[str]:
    return sorted(_REGISTRY)


def _register_built_ins() -> None:
    """Import every plugin package beside this module: each registers its flavour."""
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sorted(os.listdir(here)):
        if os.path.isfile(os.path.join(here, entry, "__init__.py")):
            importlib.import_module(f"{__name__}.{entry}")


_register_built_ins()
