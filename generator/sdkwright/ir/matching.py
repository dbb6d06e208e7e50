"""How an operation or a schema is recognised across two versions of a spec (or of an SDK),
when its name changed: an operation by its endpoint (HTTP method and path, whatever the path's
placeholders are called); a schema by its shape (an object's properties and which are
required; an enum's values). Both sides compute the same key: the IR here, a surface lock
in `surface/generated.py`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def endpoint_key(http_method: str, path: str) -> str:
    """`DELETE /v1/accounts/{}/instructions/{}` for `delete /v1/accounts/{id}/instructions/{i}`."""
    return f"{http_method.upper()} {_PLACEHOLDER.sub('{}', path)}"


def object_shape(properties: Iterable[tuple[str, bool]]) -> str:
    """An object schema's shape: its (wire name, required) pairs, in any order."""
    return "object " + json.dumps(sorted(properties))


def enum_shape(values: Iterable[str | int]) -> str:
    """An enum's shape: its values, in any order (1 and "1" differ)."""
    return "enum " + json.dumps(sorted(json.dumps(v) for v in values))
