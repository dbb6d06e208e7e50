"""The Jinja engine of the Python target: template lookup, filters and globals.

Templates are looked up by name in the user's folder, then the flavour's folders under
`templates/python/` in order (`flavours.Plan.folders`); every built-in stays reachable under
a prefix. Spec text reaches generated code only through the escaping filters of `pytext`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from sdkwright import flavours
from sdkwright.cache import template_bytecode
from sdkwright.ir.nodes import MISSING
from sdkwright.targets.python import body_params, naming, pytext, pytypes
from sdkwright.targets.python.views import (
    auth,
    definitions,
    docstrings,
    input_forms,
    webhooks,
)


def templates_root() -> Path:
    """The Python target's templates (templates/python/, a folder per flavour): they ship
    inside the installed package; in a checkout they sit beside it."""
    package = Path(__file__).resolve().parents[2]  # sdkwright/
    installed = package / "templates"
    return (installed if installed.is_dir() else package.parents[1] / "templates") / "python"


def template_loader(folders: tuple[str, ...], user: str | None = None) -> jinja2.BaseLoader:
    """Templates by name from the user's folder, else the flavour's folders in order.

    Every built-in stays reachable under a prefix, so that a template can extend the one it
    replaces: `builtin:NAME` is what the flavour would use without the user's folder, and
    `httpx:NAME` (any folder under templates/python/) that folder's own.
    """
    root = templates_root()
    built_in = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(root / f)) for f in folders])
    prefixed: dict[str, jinja2.BaseLoader] = {
        folder.name: jinja2.FileSystemLoader(str(folder))
        for folder in sorted(root.iterdir())
        if folder.is_dir()
    }
    prefixed["builtin"] = built_in
    by_prefix = jinja2.PrefixLoader(prefixed, delimiter=":")
    own = [jinja2.FileSystemLoader(user)] if user else []
    return jinja2.ChoiceLoader([*own, built_in, by_prefix])


# Their names are also in template_bytecode.FILTERS: the compiler checks them.
TEMPLATE_FILTERS: dict[str, Callable[..., Any]] = {
    "pystr": pytext.string_literal,
    "tomlstr": pytext.toml_string,
    "pyvalue": pytext.value_literal,
    "docstring": pytext.docstring_text,
    "docblock": pytext.docstring_block,
    "comment": pytext.comment_text,
    "markdown": pytext.markdown_text,
    "ident": pytext.identifier,
    "annotation": pytypes.annotation,
    "pascal": naming.pascal,
}

# The views templates call (sdkwright.targets.python.views).
TEMPLATE_GLOBALS: dict[str, Any] = {
    "definition_docstring": docstrings.definition_docstring,
    "field_docstring": docstrings.field_docstring,
    "method_docstring": docstrings.method_docstring,
    "deprecated_fields": definitions.deprecated_fields,
    "field_declaration": definitions.field_declaration,
    "key_declaration": definitions.key_declaration,
    "is_param": body_params.is_param,
    "client_auth": auth.client_auth,
    "input_forms": input_forms.input_forms,
    "expected_auth": auth.expected_auth,
    "webhooks_view": webhooks.webhooks_view,
    "uses_client_credentials": auth.uses_client_credentials,
    "missing": MISSING,
}


@cache
def environment(
    flavour: str | tuple[str, ...] = "httpx", user_templates: str | None = None
) -> jinja2.Environment:
    """The Jinja environment of a flavour (its name, or its template folders in search
    order) with, optionally, the user's template folder in front."""
    if isinstance(flavour, str):
        found = flavours.get(flavour)
        folders = found.resolve({}).folders if found is not None else (flavour,)
    else:
        folders = flavour
    env = jinja2.Environment(
        loader=template_loader(folders, user_templates),
        bytecode_cache=template_bytecode.bytecode_cache(str(templates_root())),
        undefined=jinja2.StrictUndefined,
        **template_bytecode.OPTIONS,
    )
    env.filters.update(TEMPLATE_FILTERS)
    env.globals.update(TEMPLATE_GLOBALS)
    return env
