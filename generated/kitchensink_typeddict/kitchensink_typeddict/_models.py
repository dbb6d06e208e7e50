# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""How the SDK's models, TypedDicts written by datamodel-code-generator, meet the wire.

A result is the JSON object itself, validated by pydantic and returned as a plain dict keyed
by wire names. Servers change before SDKs are regenerated: the keys a TypedDict does not
declare are kept, not dropped (`keep_unknown_keys`, as `types/__init__.py` applies it).
"""

from __future__ import annotations

import pydantic

__all__ = ["keep_unknown_keys"]


def keep_unknown_keys(*classes: type) -> None:
    """Have pydantic keep the keys each TypedDict of `classes` does not declare."""
    config = pydantic.ConfigDict(extra="allow")
    for cls in classes:
        pydantic.with_config(config)(cls)
