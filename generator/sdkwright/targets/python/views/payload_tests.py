"""The generated tests of the payloads an API sends (3.1 `webhooks`, operations' `callbacks`):
each payload's documented example (or an instance synthesised from its type) parsed into the
type, as a response is, and dumped back unchanged. An SDK of a webhook-only spec has no
operations to test; these give it real tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sdkwright.flavours.model_types import ModelType
from sdkwright.ir import examples
from sdkwright.ir.nodes import MISSING, Api, Definition, Webhook
from sdkwright.targets.python import pytext, pytypes
from sdkwright.targets.python.naming.identifiers import class_name
from sdkwright.targets.python.naming.reserved import WEBHOOK_TESTS_MODULE
from sdkwright.targets.python.views.imports import imported

MODULE = WEBHOOK_TESTS_MODULE  # no group takes it (naming/groups.py)


@dataclass(frozen=True)
class PayloadTest:
    class_name: str
    hook: Webhook
    synthesised: bool  # no documented example that fits its type
    payload_literal: str
    parse: str  # an expression of the payload parsed from `content`
    dump: str  # an expression of `result` dumped back to wire data


def payload_tests(
    api: Api, definitions: Mapping[str, Definition], models: ModelType
) -> dict[str, Any]:
    """The test module's context: a test class per payload, and what it imports."""
    tests: list[PayloadTest] = []
    names: set[str] = set()
    needs: set[str] = set()
    taken: set[str] = set()
    for hook in api.webhooks:
        tests.append(_payload_test(hook, definitions, models, taken))
        names.update(pytypes.referenced_names(hook.payload))
        needs |= pytypes.typing_needs(hook.payload)
        if pytypes.needs_cast(hook.payload, definitions, models.enums_are_literals):
            needs |= {"Any", "cast"}
    code = " ".join(t.dump for t in tests)
    return {
        "tests": tests,
        "definitions": [imported(definitions[n]) for n in sorted(names)],
        "typing": sorted(needs & {"Any", "Annotated", "Literal", "cast"}),
        "datetime": "datetime" in needs,
        "pydantic_module": "pydantic" in needs,
        "pydantic": sorted(needs & {"AwareDatetime", "Field"}),
        "adapter": "adapter(" in code,
        "msgspec": "msgspec." in code,
    }


def _payload_test(
    hook: Webhook, definitions: Mapping[str, Definition], models: ModelType, taken: set[str]
) -> PayloadTest:
    documented = hook.example is not MISSING and (
        examples.problem(hook.example, hook.payload, definitions) is None
    )
    payload = hook.example if documented else examples.synthesise(hook.payload, definitions)
    annotation = pytypes.annotation(hook.payload)
    target = annotation
    if pytypes.needs_cast(hook.payload, definitions, models.enums_are_literals):  # no class
        target = f"cast(Any, {annotation})"
    name = "Test" + class_name(f"{hook.name} {hook.kind} {hook.http_method}")
    while name in taken:
        name += "_"
    taken.add(name)
    return PayloadTest(
        class_name=name,
        hook=hook,
        synthesised=not documented,
        payload_literal=pytext.value_literal(payload),
        parse=f"decode_json(content, {target})",
        dump=models.dump_result.format(type=annotation, value="result"),
    )
