"""The TypeScript target's driver: a neutral Api -> {relative path: text}.

    files, diagnostics = render_sdk(neutral_api, package="clearstreet", client_name="ClearStreet")

Names come from this target's naming step (`naming.py`); templates are `templates/typescript/`
and print spec text only through the filters of `tstext.py`; the runtime is copied from
`sdkwright/runtime_ts/` (one module per subject) after a one-line banner.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from sdkwright.config_client import ClientConfig
from sdkwright.config_names import NameOverrides
from sdkwright.config_resources import ResourcesConfig
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.build import build_api
from sdkwright.ir.nodes import Alias, Api, Enum, Model, Release
from sdkwright.output.provenance import templates_root
from sdkwright.release.licenses import license_text
from sdkwright.targets.typescript import docs, naming, runtime, samples, tstext, tstypes, views
from sdkwright.targets.typescript.pins import NO_PINS, Pairs, Pins

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sdkwright.config import Target
    from sdkwright.spec.resolve import SpecSet


def templates_folder() -> str:
    """templates/typescript/, beside the Python target's templates/python/."""
    return os.path.join(os.path.dirname(templates_root()), "typescript")


def environment(folder: str, user: str | None = None) -> jinja2.Environment:
    """The templates of `folder`, behind the `user`'s folder when there is one: a template
    there replaces the built-in of its name, which stays reachable as `builtin:NAME` (to
    extend it), as in the Python target."""
    built_in = jinja2.FileSystemLoader(folder)
    prefixed = jinja2.PrefixLoader({"builtin": built_in}, delimiter=":")
    own = [jinja2.FileSystemLoader(user)] if user else []
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*own, built_in, prefixed]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        ts_string=tstext.ts_string,
        ts_key=tstext.ts_key,
        ts_doc=tstext.ts_doc,
        ts_literal=tstext.ts_literal,
        ts_comment=tstext.ts_comment,
        ts_value=tstext.ts_value,
        ts_markdown=tstext.ts_markdown,
        md_code=tstext.md_code,
        ts_type=tstypes.ts_type,
        enum_type=tstypes.enum_type,
    )
    env.tests.update(model=lambda d: isinstance(d, Model), enum=lambda d: isinstance(d, Enum))
    env.tests.update(alias=lambda d: isinstance(d, Alias))
    env.globals.update(member=views.member, signature=docs.signature, call=docs.call)
    env.globals.update(group_types=docs.group_types, result_names=docs.result_names)
    env.globals.update(params_value=docs.params_value)
    return env


def render_target(
    specs: SpecSet, target: Target, pinned_methods: Pairs = (), pinned_types: Pairs = ()
) -> tuple[Api, dict[str, str], list[Diagnostic]]:
    """A config target's SDK from its loaded spec: the named Api, files and diagnostics;
    the pins are the names its surface lock keeps (pins.py)."""
    neutral, diagnostics = build_api(specs, target.security, target.resources)
    release = Release(target.version, target.license, target.copyright)
    neutral = dataclasses.replace(neutral, release=release)
    named, files, found = render_sdk(
        neutral,
        target.package,
        target.client_name,
        names=target.names,
        client=target.client,
        user_templates=str(target.templates) if target.templates else None,
        locked=Pins(pinned_methods, pinned_types),
    )
    return named, files, diagnostics + found + _positional_ignored(target.resources)


def _positional_ignored(config: ResourcesConfig | None) -> list[Diagnostic]:
    """A method's configured `positional:` (Python's keyword-or-position arguments): a
    TypeScript method takes its path parameters in its params object; said, not ignored."""
    if config is None:
        return []
    found = []
    nodes = [config.root]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.children)
        found += [
            Diagnostic(
                Level.WARNING,
                "typescript.unsupported",
                f"method '{m.name}': the TypeScript method takes {list(m.positional)} in its "
                "params object, not by position",
                m.where,
                "positional: is a Python SDK's setting; leave it out for this target",
            )
            for m in node.methods
            if m.positional
        ]
    return found


def render_sdk(
    api: Api,
    package: str,
    client_name: str,
    folder: str | None = None,
    names: NameOverrides | None = None,
    client: ClientConfig | None = None,
    user_templates: str | None = None,
    locked: Pins = NO_PINS,
) -> tuple[Api, dict[str, str], list[Diagnostic]]:
    """The named Api, every file of the SDK, and what naming and rendering found."""
    named, diagnostics = naming.name_api(api, package, client_name, names, client, locked)
    env = environment(folder or templates_folder(), user_templates)
    banner = "// " + tstext.ts_comment(
        f"File generated from {Path(named.source_name).name} by sdkwright. "
        "Do not edit: regenerate it instead."
    )
    types = views.type_registry(named)
    groups = [(group, views.methods(group, types)) for group in named.groups]
    examples = samples.Examples(named)  # the values tests and docs send, once
    common: Mapping[str, Any] = {
        "api": named,
        "banner": banner,
        "groups": groups,
        "examples": examples,
        "usage": docs.usage_method(groups),
        "failing": docs.error_method(groups),
    }

    def text(template: str, **context: Any) -> str:
        return env.get_template(template).render({**common, **context})

    files = {
        "package.json": text("package.json.jinja"),
        "tsconfig.json": text("tsconfig.json.jinja"),
        "README.md": text("README.md.jinja"),
        "api.md": text("api.md.jinja"),
        "LICENSE": license_text(named.release.license, named.release.holder),
        "src/models.ts": text("models.ts.jinja"),
        "src/client.ts": text("client.ts.jinja"),
        "src/index.ts": text("index.ts.jinja"),
    }
    for name, source in runtime.runtime_files():
        files[f"src/{name}"] = banner + "\n" + source
    for group, group_methods in groups:
        files[f"src/resources/{group.module}.ts"] = text(
            "resource.ts.jinja",
            group=group,
            methods=group_methods,
            imports=views.runtime_imports(group_methods),
        )
        if not group_methods:  # a resource holding only sub-resources
            continue
        cases = samples.cases(named, group_methods, examples)
        files[f"test/{group.module}.test.mjs"] = text("test.mjs.jinja", group=group, cases=cases)
    return named, files, diagnostics
