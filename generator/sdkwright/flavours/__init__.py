"""Client flavours: which template sets, options and model renderer make an SDK.

A flavour is a value registered by name. The pipeline reads everything it needs from it (the
template folders to search, the runtime modules to copy, its HTTP library, whether there is an
async client, who writes the models), so adding one is a template folder plus a
`register(Flavour(...))`.

    httpx                     sync + async clients over httpx, pydantic v2 models (the default)
    requests                  a sync client over requests, with the same public API
    datamodel-code-generator  models written by datamodel-code-generator (pydantic v2,
                              dataclasses, TypedDict or msgspec structs), used by the clients of
                              the `client` option's flavour

This module imports nothing heavy: the no-op fast path asks it for template folders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

OptionValues = Mapping[str, str]


@dataclass(frozen=True)
class Option:
    """One setting of a flavour, with the values it accepts."""

    name: str
    choices: tuple[str, ...]
    default: str
    help: str


_MODEL_KINDS = {
    "dataclasses": "dataclasses",
    "msgspec": "msgspec structs",
    "typeddict": "TypedDicts (plain dicts keyed by wire names)",
}


@dataclass(frozen=True)
class Plan:
    """What a flavour with its options renders: the concrete choices, no more options."""

    # Template folders under templates/, searched in order: the first holding a name wins.
    folders: tuple[str, ...]
    runtime_modules: tuple[str, ...]  # copied from sdkwright/runtime/ (RUNTIME_MODULES)
    asynchronous: bool
    # "templates": types/definition.py.jinja per definition; else a registered model renderer.
    models: str = "templates"
    model_type: str = "pydantic"
    # The HTTP library the SDK depends on (its pyproject, README and tests name it), and
    # the runtime's transport over it (sdkwright/runtime/http_<http>.py).
    http: str = "httpx"

    @property
    def model_kind(self) -> str:
        """What the models are, in words (READMEs and docstrings of the generated SDK)."""
        return _MODEL_KINDS.get(self.model_type, "pydantic v2 models")

    @property
    def results_are_mappings(self) -> bool:
        """Results are plain dicts keyed by wire names (TypedDict), not objects with attributes."""
        return self.model_type == "typeddict"

    @property
    def result_access(self) -> str:
        """How generated code reads a result's fields (render.PageContext.read)."""
        if self.results_are_mappings:
            return "keys"
        return "unset" if self.model_type == "msgspec" else "attributes"

    @property
    def model_from_data(self) -> str:
        """How sample code (tests, README) builds a model from wire data."""
        if self.model_type in ("dataclasses", "typeddict"):
            return "TypeAdapter({name}).validate_python({data})"
        if self.model_type == "msgspec":
            return "msgspec.convert({data}, {name})"
        return "{name}.model_validate({data})"

    @property
    def enum_from_value(self) -> str:
        """How sample code writes an enum's value: TypedDict models' enums are Literal aliases."""
        return "{value}" if self.model_type == "typeddict" else "{name}({value})"

    @property
    def dump_result(self) -> str:
        """How generated tests turn a `{value}` of type `{type}` back into wire data (msgspec's
        `convert` passes a value of that type through, and fails on any other)."""
        if self.model_type == "msgspec":
            return "msgspec.to_builtins(msgspec.convert({value}, {type}))"
        # `adapter` (tests/conftest.py) keeps one TypeAdapter per type for the whole run.
        return (
            'adapter({type}).dump_python({value}, mode="json", by_alias=True, exclude_unset=True)'
        )

    @property
    def requirements(self) -> tuple[str, ...]:
        """What the SDK needs for its models besides pydantic (which the runtime uses anyway)."""
        if self.model_type == "msgspec":
            return ("msgspec>=0.19",)
        if self.model_type == "typeddict":
            return ("typing-extensions>=4.12",)  # its TypedDict, which pydantic reads on 3.10
        return ()


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


# The runtime's core (sdkwright/runtime/), copied into every SDK beside the transport of its
# `http` library (`_http.py`) and the support of its `model_type` (`_models.py`).
RUNTIME_MODULES = (
    "_base_client.py",
    "_encoding.py",
    "_exceptions.py",
    "_pagination.py",
    "_pydantic.py",
    "_response.py",
    "_retries.py",
    "_streaming.py",
    "_types.py",
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


def _httpx(options: OptionValues) -> Plan:
    return Plan(("httpx",), RUNTIME_MODULES, asynchronous=True)


def _requests(options: OptionValues) -> Plan:
    # The requests templates extend or include the httpx ones wherever the code is the same.
    return Plan(("requests", "httpx"), RUNTIME_MODULES, asynchronous=False, http="requests")


def _datamodel(options: OptionValues) -> Plan:
    client = _requests(options) if options["client"] == "requests" else _httpx(options)
    return Plan(
        ("datamodel", *client.folders),
        client.runtime_modules,
        client.asynchronous,
        models="datamodel-code-generator",
        model_type=options["output_model_type"],
        http=client.http,
    )


register(
    Flavour("httpx", "sync and async clients over httpx, pydantic v2 models (the default)", _httpx)
)
register(Flavour("requests", "a sync client over requests, pydantic v2 models", _requests))
register(
    Flavour(
        "datamodel-code-generator",
        "models written by datamodel-code-generator, used by an httpx or requests client",
        _datamodel,
        (
            Option(
                "output_model_type",
                ("dataclasses", "msgspec", "pydantic_v2", "typeddict"),
                "pydantic_v2",
                "the kind of class datamodel-code-generator writes",
            ),
            Option("client", ("httpx", "requests"), "httpx", "the client flavour that uses them"),
        ),
    )
)
