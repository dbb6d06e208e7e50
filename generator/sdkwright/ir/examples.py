"""Instances of IR types: checking documented examples and synthesising missing ones.

Generated tests feed an example to the SDK and expect it to dump back unchanged, so an
example is only usable when it both matches its type and survives pydantic's round trip
(e.g. '2026-01-02T03:04:05.000Z' would come back without the fraction).

Budgets keep both bounded whatever the spec, as an example inlines every model it names:
nine levels of models each requiring ten properties of the level below would make an
instance of 10^9 values.

- A synthesised example fills every property down to MAX_DEPTH levels. When that is more
  than MAX_SYNTHESISED_VALUES values, it fills required properties only (lists and maps
  empty, nullable values null, the smallest variant of a union); when even that is more,
  or nests deeper than MAX_NESTING, each model that does not fit is TRUNCATED ("...") and
  `budget_warnings` says which operations' tests are affected.
- A documented example of more than MAX_DOCUMENTED_VALUES values (YAML aliases expanded)
  is not used: `problem` says so, and tests use a synthesised instance.
- Checking an example against a type with unions inside unions may try every variant of
  each: after MAX_CHECK_STEPS steps `problem` gives up and says so.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

import jsonschema_rs

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import (
    MISSING,
    Alias,
    Api,
    Definition,
    Enum,
    Field,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Named,
    Nullable,
    Operation,
    Primitive,
    TagDispatch,
    TypeRef,
    UnionOf,
)

Definitions = Mapping[str, Definition]
MAX_DEPTH = 4
MAX_SYNTHESISED_VALUES = 2_000  # Stripe's largest is 720
MAX_DOCUMENTED_VALUES = 10_000  # the corpus's largest is 840 (DigitalOcean)
MAX_NESTING = 32
MAX_CHECK_STEPS = 200_000


class Truncated(str):
    """Where a synthesised example stops: a model that did not fit in the budget."""


TRUNCATED = Truncated("...")

_STRING_BY_FORMAT = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c3RyaW5n",
    "date-time": "2026-01-02T03:04:05Z",
    "date": "2026-01-02",
}


def canonical_datetime(text: str) -> str | None:
    """How pydantic writes this date-time back (microseconds at most, UTC as Z), or None
    when it is not one. Any RFC 3339 date-time is one, whatever its fraction's precision
    and the case of its T and Z (jsonschema-rs's format check says which are)."""
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        if not is_rfc3339(text):
            return None
        value = datetime.datetime.fromisoformat(text.upper())  # 't' and 'z', as RFC 3339 allows
    if "T" not in text.upper():
        return None
    return value.isoformat().replace("+00:00", "Z")


@cache
def _date_time_format() -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(
        {"type": "string", "format": "date-time"}, validate_formats=True
    )


def is_rfc3339(text: str) -> bool:
    return _date_time_format().is_valid(text)


def problem(
    value: Any,
    type_: TypeRef,
    definitions: Definitions,
    where: str = "",
    label: Callable[[str], str] = str,
) -> str | None:
    """Why `value` cannot stand for `type_` in a round-trip test; None when it can. `label`
    says how a message names a definition, from its `name` (the key, in the neutral IR)."""
    here = where or "the example"
    if _more_values_than(value, MAX_DOCUMENTED_VALUES):
        return f"{here} has more than {MAX_DOCUMENTED_VALUES:,} values, the budget of an example"
    try:
        return _Checker(definitions, label).problem(value, type_, where)
    except _OverBudget:
        return f"{here} takes more than {MAX_CHECK_STEPS:,} steps to check against its type"


class _OverBudget(Exception):
    """A budget ran out (see the module's docstring)."""


def _more_values_than(value: Any, limit: int) -> bool:
    """Counted as written out: a value YAML aliases share counts each time."""
    stack, count = [value], 0
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class _Checker:
    def __init__(self, definitions: Definitions, label: Callable[[str], str]) -> None:
        self.definitions = definitions
        self.label = label
        self.steps = MAX_CHECK_STEPS

    def problem(self, value: Any, type_: TypeRef, where: str) -> str | None:
        self.steps -= 1
        if self.steps < 0:
            raise _OverBudget
        here = where or "the example"
        match type_:
            case Nullable(inner):
                return None if value is None else self.problem(value, inner, where)
            case Primitive(name):
                return _primitive_problem(value, name, here)
            case LiteralOf(values):
                # Types count too: 1 == True in Python, but pydantic would dump True back.
                matches = any(value == v and type(value) is type(v) for v in values)
                return None if matches else f"{here} must be one of {list(values)!r}"
            case ListOf(item):
                if not isinstance(value, list):
                    return f"{here} must be an array"
                return _first(self.problem(v, item, f"{here}[{i}]") for i, v in enumerate(value))
            case MapOf(item):
                if not isinstance(value, dict):
                    return f"{here} must be an object"
                return _first(self.problem(v, item, f"{here}.{k}") for k, v in value.items())
            case UnionOf(members, _, dispatch):
                if dispatch is not None:
                    return self._tagged_problem(value, dispatch, here)
                return self._union_problem(value, members, where)
            case Named(name):
                return self._named_problem(value, self.definitions[name], here)
        return None  # pragma: no cover - the match is exhaustive

    def _union_problem(self, value: Any, members: tuple[TypeRef, ...], where: str) -> str | None:
        first = None
        for member in members:
            found = self.problem(value, member, where)
            if found is None:
                return None
            first = first or found
        return f"{where or 'the example'} matches no variant ({first})"

    def _tagged_problem(self, value: Any, dispatch: TagDispatch, here: str) -> str | None:
        """A tagged union's value must be the member its tag picks."""
        tag = value.get(dispatch.key) if isinstance(value, dict) else None
        member = dispatch.member_for(tag)
        if member is None:
            tags = list(dict.fromkeys(t for t, _ in dispatch.tags))
            return f"{here} must have '{dispatch.key}' set to one of {tags!r}"
        return self.problem(value, member, here)

    def _named_problem(self, value: Any, definition: Definition, here: str) -> str | None:
        if isinstance(definition, Alias):
            return self.problem(value, definition.type, here)
        if isinstance(definition, Enum):
            expected = str if definition.value_type == "str" else int
            ok = isinstance(value, expected) and not isinstance(value, bool)
            if ok:
                return None
            return f"{here} must be a {definition.value_type} ({self.label(definition.name)})"
        if not isinstance(value, dict):
            return f"{here} must be an object ({self.label(definition.name)})"
        for field in definition.fields:
            if field.wire_name in value:
                found = self.problem(
                    value[field.wire_name], field.type, f"{here}.{field.wire_name}"
                )
                if found:
                    return found
            elif field.required:
                return f"{here} lacks required property '{field.wire_name}'"
        return None


def _first(problems: Iterator[str | None]) -> str | None:
    return next((p for p in problems if p is not None), None)


def _primitive_problem(value: Any, name: str, here: str) -> str | None:
    if name in ("any", "object", "null"):  # "null" only in a target's rewrite: not checked
        return None
    if name == "bool":
        return None if isinstance(value, bool) else f"{here} must be a boolean"
    if name == "int":
        return (
            None
            if isinstance(value, int) and not isinstance(value, bool)
            else f"{here} must be an integer"
        )
    if name == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else f"{here} must be a number"
    if not isinstance(value, str):
        return f"{here} must be a string"
    if name == "datetime" and canonical_datetime(value) != value:
        return f"{here} is not a date-time in canonical form ('{value}')"
    if name == "date":
        try:
            if datetime.date.fromisoformat(value).isoformat() != value:
                return f"{here} is not a canonical date"
        except ValueError:
            return f"{here} is not a date"
    return None


def synthesise(type_: TypeRef, definitions: Definitions, depth: int = 0) -> Any:
    """A plausible instance of `type_`: every property filled in down to MAX_DEPTH levels;
    past the budget, required properties only; past that, TRUNCATED models (see above)."""
    try:
        return _Full(definitions).sample(type_, depth)
    except _OverBudget:
        return _Minimal(definitions).sample(type_, depth)


def is_truncated(value: Any) -> bool:
    """Whether a synthesised example stops somewhere (holds TRUNCATED)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Truncated):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class _Full:
    """Every property down to MAX_DEPTH (and required ones below): _OverBudget when that
    is more than MAX_SYNTHESISED_VALUES values or nests deeper than MAX_NESTING."""

    def __init__(self, definitions: Definitions) -> None:
        self.definitions = definitions
        self.left = MAX_SYNTHESISED_VALUES

    def sample(self, type_: TypeRef, depth: int) -> Any:
        self.left -= 1
        if self.left < 0 or depth > MAX_NESTING:
            raise _OverBudget
        match type_:
            case Nullable(inner):
                # Deep down, null ends a chain of required self-references.
                return None if depth >= MAX_DEPTH else self.sample(inner, depth)
            case Primitive(name, format):
                return _primitive_sample(name, format)
            case LiteralOf(values):
                return values[0]
            case ListOf(item):
                return [] if depth >= MAX_DEPTH else [self.sample(item, depth + 1)]
            case MapOf(item):
                return {} if depth >= MAX_DEPTH else {"key": self.sample(item, depth + 1)}
            case UnionOf(members, _, dispatch):
                return _tagged(self.sample(members[0], depth), members[0], dispatch)
            case Named(name):
                return self._named(self.definitions[name], depth)
        return None  # pragma: no cover - the match is exhaustive

    def _named(self, definition: Definition, depth: int) -> Any:
        if isinstance(definition, Enum):
            return definition.members[0].value
        if definition.example is not MISSING:
            kind: Any = "alias" if isinstance(definition, Alias) else "model"
            documented = _documented(
                definition.example, Named(definition.name, kind), self.definitions
            )
            if documented is not MISSING:
                return documented
        if isinstance(definition, Alias):
            return self.sample(definition.type, depth)
        return {
            field.wire_name: self._field(field, depth)
            for field in definition.fields
            if field.required or depth < MAX_DEPTH
        }

    def _field(self, field: Field, depth: int) -> Any:
        for given in (field.example, field.default):
            if given is not MISSING:
                documented = _documented(given, field.type, self.definitions)
                if documented is not MISSING:
                    return documented
        return self.sample(field.type, depth + 1)


class _Minimal:
    """Required properties only, the smallest variant of each union; models past
    MAX_SYNTHESISED_VALUES values or MAX_NESTING levels are TRUNCATED."""

    def __init__(self, definitions: Definitions) -> None:
        self.definitions = definitions
        self.left = MAX_SYNTHESISED_VALUES
        self.sizes: dict[str, int] = {}  # model name -> values of its smallest instance

    def sample(self, type_: TypeRef, depth: int) -> Any:
        self.left -= 1
        match type_:
            case Nullable():
                return None
            case Primitive(name, format):
                return _primitive_sample(name, format)
            case LiteralOf(values):
                return values[0]
            case ListOf():
                return []
            case MapOf():
                return {}
            case UnionOf(members, _, dispatch):
                member = min(members, key=lambda m: self.size(m, 0))
                return _tagged(self.sample(member, depth), member, dispatch)
            case Named(name):
                return self._named(self.definitions[name], depth)
        return None  # pragma: no cover - the match is exhaustive

    def _named(self, definition: Definition, depth: int) -> Any:
        if isinstance(definition, Alias):
            return self.sample(definition.type, depth)
        if isinstance(definition, Enum):
            return definition.members[0].value
        if self.left <= 0 or depth >= MAX_NESTING:
            return TRUNCATED
        return {
            field.wire_name: self.sample(field.type, depth + 1)
            for field in definition.fields
            if field.required
        }

    def size(self, type_: TypeRef, depth: int) -> int:
        """Values in the smallest instance of `type_`, up to MAX_SYNTHESISED_VALUES + 1
        (so too: a model that requires itself, or nests deeper than MAX_NESTING)."""
        cap = MAX_SYNTHESISED_VALUES + 1
        match type_:
            case UnionOf(members):
                return min(self.size(m, depth) for m in members)
            case Named(name):
                definition = self.definitions[name]
                if isinstance(definition, Alias):
                    return self.size(definition.type, depth)
                if isinstance(definition, Enum):
                    return 1
                if name not in self.sizes:
                    self.sizes[name] = cap  # while measured: a model requiring itself is endless
                    if depth < MAX_NESTING:
                        self.sizes[name] = min(cap, self._model_size(definition, depth))
                return self.sizes[name]
        return 1

    def _model_size(self, model: Model, depth: int) -> int:
        total = 1
        for field in model.fields:
            if field.required:
                total += self.size(field.type, depth + 1)
                if total > MAX_SYNTHESISED_VALUES:
                    break
        return total


def _documented(value: Any, type_: TypeRef, definitions: Definitions) -> Any:
    """A documented example or default standing for `type_` in the form the SDK writes it
    back (a copy), or MISSING where there is none or it does not fit."""
    if value is MISSING:
        return MISSING
    from sdkwright.ir import example_forms  # it builds on this module

    fixed, found = example_forms.usable(value, type_, definitions)
    return MISSING if found is not None else copy.deepcopy(fixed)


def _tagged(sample: Any, member: TypeRef, dispatch: TagDispatch | None) -> Any:
    if dispatch is not None and isinstance(sample, dict):
        sample[dispatch.key] = dispatch.tags_of(member)[0]
    return sample


def _primitive_sample(name: str, format_: str) -> Any:
    samples: dict[str, Any] = {"int": 1, "float": 1.5, "bool": True, "any": "value"}
    if name in ("object", "null"):  # the target's own rewrites
        return {} if name == "object" else None
    if name in samples:
        return samples[name]
    if name == "datetime":
        return _STRING_BY_FORMAT["date-time"]
    if name == "date":
        return _STRING_BY_FORMAT["date"]
    return _STRING_BY_FORMAT.get(format_, "string")


def budget_warnings(api: Api) -> list[Diagnostic]:
    """A warning for each operation whose generated test needs an example that stops
    somewhere: its instance is larger than the budget, or endless."""
    definitions = {d.name: d for d in api.definitions}
    stops = _Stops(definitions)
    return [
        _budget_warning(api, op, parts)
        for op in api.operations
        if (parts := _truncated_parts(op, stops))
    ]


class _Stops:
    """Whether a synthesised instance of a type stops at "...", once per type."""

    def __init__(self, definitions: Definitions) -> None:
        self.definitions = definitions
        self.known: dict[TypeRef, bool] = {}
        self.sizes = _Minimal(definitions)  # remembers each model's smallest size

    def __call__(self, type_: TypeRef) -> bool:
        if isinstance(type_, (Primitive, LiteralOf, ListOf, MapOf, Nullable)):
            return False  # filled in, or empty or null when that is too much
        if self.sizes.size(type_, 0) <= MAX_SYNTHESISED_VALUES // 2:
            return False  # its smallest instance fits, with room to spare: nothing stops
        if type_ not in self.known:
            self.known[type_] = is_truncated(synthesise(type_, self.definitions))
        return self.known[type_]


def _truncated_parts(op: Operation, stops: _Stops) -> list[str]:
    """What of `op` its tests would synthesise past the budget: the response, parameters
    and request body that have no usable documented example (as the test renderer picks)."""
    definitions = stops.definitions
    parts, success = [], op.success.type
    if op.example_is_synthesised and success is not None and stops(success):
        parts.append("response")  # the same instance as the one build_api synthesised
    for parameter in op.parameters:
        if stops(parameter.type) and not _usable(parameter.example, parameter.type, definitions):
            parts.append(f"parameter '{parameter.wire_name}'")
    body = op.body
    if body is not None:
        flat = body.fields is not None and not isinstance(body.type, Named)  # form fields
        types = [f.type for f in body.fields or ()] if flat else [body.type]
        if any(stops(t) for t in types) and not _usable(body.example, body.type, definitions):
            parts.append("request body")
    return parts


def _usable(example: Any, type_: TypeRef, definitions: Definitions) -> bool:
    return example is not MISSING and problem(example, type_, definitions) is None


def _budget_warning(api: Api, op: Operation, parts: list[str]) -> Diagnostic:
    what = ", ".join(parts)
    message = (
        f"{op.operation_id}: the smallest {what} instance has more than "
        f"{MAX_SYNTHESISED_VALUES:,} values or nests more than {MAX_NESTING} models deep "
        "(models requiring models): its test's example stops at '...' there, so that test fails"
    )
    hint = "give the operation a documented example, or make some of those properties optional"
    return Diagnostic(
        Level.WARNING, "example.budget", message, Location(api.source_name, pointer=op.source), hint
    )
