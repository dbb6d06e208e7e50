"""`webhooks.py` of an SDK whose API sends webhooks or callbacks: the type of a delivery (the
union of their payloads), the imports it needs, and how deliveries are signed."""

from __future__ import annotations

from dataclasses import dataclass

from sdkwright.flavours.model_types import PYDANTIC, ModelType
from sdkwright.ir.nodes import Api, TypeRef, UnionOf
from sdkwright.targets.python import pytypes

# What annotations use, as the import line that brings it (pytypes.typing_needs).
_TYPING = ("Annotated", "Any", "Literal")
_PYDANTIC = ("AwareDatetime", "Field")


@dataclass(frozen=True)
class WebhooksView:
    attribute: str  # the client's: `webhooks`, unless a resource group has that name
    event: str  # the annotation of any delivery
    needs_cast: bool  # a union or a literal: not a class `decode_json` can take as it is
    cast_to: str  # what `decode_json` takes (mypy takes no `type[...]` of a literal)
    names: tuple[tuple[str, str], ...]  # (module under types/, class) to import
    typing: tuple[str, ...]
    pydantic: tuple[str, ...]
    datetime: bool
    module_pydantic: bool  # `import pydantic` (a tagged union's callable discriminator)
    tag_reader: bool
    deliveries: tuple[tuple[str, str, str], ...]  # (name, kind, payload annotation)
    signed: bool  # verified as Standard Webhooks says (the target declares it)
    secret_env: str
    extra: str  # the pip requirement that installs the verifier


def webhooks_view(api: Api, models: ModelType = PYDANTIC) -> WebhooksView:
    payloads: list[TypeRef] = []
    for hook in api.webhooks:
        if hook.payload not in payloads:
            payloads.append(hook.payload)
    event = payloads[0] if len(payloads) == 1 else UnionOf(tuple(payloads))
    definitions = {d.name: d for d in api.definitions}
    names = {(definitions[n].module, n) for p in payloads for n in pytypes.referenced_names(p)}
    needs = pytypes.typing_needs(event)
    literal_enums = models.enums_are_literals  # the model type writes enums as literals
    needs_cast = pytypes.needs_cast(event, definitions, literal_enums)
    literal = needs_cast and pytypes.holds_literal(event, definitions, literal_enums)
    cast_to = "cast(Any, WebhookEvent)" if literal else "cast(type[WebhookEvent], WebhookEvent)"
    needs |= {"Any"} if literal else set()
    # The client's attributes: its top-level resources and its own methods (resources:).
    taken = {group.attribute for group in api.groups if not group.nested}
    taken |= {
        op.method_name for group in api.groups if group.client_methods for op in group.operations
    }
    return WebhooksView(
        attribute="webhooks" if "webhooks" not in taken else "webhook_events",
        event=pytypes.annotation(event),
        needs_cast=needs_cast,
        cast_to=cast_to if needs_cast else "WebhookEvent",
        names=tuple(sorted(names)),
        typing=tuple(n for n in _TYPING if n in needs),
        pydantic=tuple(n for n in _PYDANTIC if n in needs),
        datetime="datetime" in needs,
        module_pydantic="pydantic" in needs,
        tag_reader="tag_reader" in needs,
        deliveries=tuple((h.name, h.kind, pytypes.annotation(h.payload)) for h in api.webhooks),
        signed=api.webhook_signature == "standard-webhooks",
        secret_env=f"{api.env_prefix}_WEBHOOK_SECRET",
        extra=f"{api.package}[webhooks]",
    )
