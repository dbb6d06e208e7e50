"""IR -> {relative path: text}: the driver that renders an SDK's files (`units.layout`)
through the Jinja engine (`engine.py`), asking the render cache for the cached units.

Templates print names the IR decided and spec text through the escaping filters of
`sdkwright.targets.python.pytext`; they never see raw spec strings as template source.
No I/O besides reading templates and the render cache.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from sdkwright import flavours
from sdkwright.cache.render_cache import RenderCache, TrackedDefinitions
from sdkwright.ir.nodes import Api, Definition
from sdkwright.targets.python import engine, units

Text = Callable[[str, Mapping[str, Any]], str]


def render_sdk(
    api: Api,
    flavour: str = "httpx",
    cache: RenderCache | None = None,
    *,
    options: Mapping[str, str] | None = None,
    user_templates: str | None = None,
) -> dict[str, str]:
    """Every file of the SDK. With a `cache`, the per-definition and per-group files come
    from the previous run where nothing they read has changed (`sdkwright.cache.render_cache`).

    The flavour (`sdkwright.flavours`) with its `options` decides the template folders, the
    runtime modules, whether there is an async client, the model type and who writes the
    models; its plan prepares the Api first (`render_plan` takes an Api already prepared)."""
    registered = flavours.get(flavour)
    if registered is None:
        raise ValueError(f"unknown flavour {flavour!r}; registered: {flavours.names()}")
    plan = registered.resolve(options or {})
    return render_plan(plan.prepare(api).api, plan, flavour, cache, user_templates)


def render_plan(
    api: Api,
    plan: flavours.Plan,
    flavour: str,
    cache: RenderCache | None = None,
    user_templates: str | None = None,
) -> dict[str, str]:
    """Every file of the SDK from an Api that `plan.prepare` gave."""
    env = engine.environment(plan.folders, user_templates)

    def text(template: str, context: Mapping[str, Any]) -> str:
        return env.get_template(template).render(context)

    definitions = {d.name: d for d in api.definitions}
    common = {**units.common_context(api, plan), "definitions": definitions}
    # What every cached unit may read besides its own context: the Api without its parts.
    unit_common = {**common, "api": replace(api, definitions=(), groups=())}
    cache = cache or RenderCache()
    cache.begin(
        definitions, scope=(flavour, {k: v for k, v in unit_common.items() if k != "definitions"})
    )
    sdk = units.layout(api, plan, definitions)
    files = {page.path: text(page.template, {**common, **page.context}) for page in sdk.pages}
    files |= sdk.files
    groups_calls = []
    for unit in sdk.units:
        rendered = cache.unit(
            unit.key, partial(_render_unit, text, unit_common, unit), also_reads=unit.reads
        )
        files |= rendered.files
        if unit.group is not None:
            groups_calls.append((unit.group, rendered.value))
    for page in sdk.summaries:
        files[page.path] = text(
            page.template, {**common, **page.context, "groups_calls": groups_calls}
        )
    files |= {page.path: text(page.template, {**common, **page.context}) for page in sdk.closing}
    cache.save()
    return files


def _render_unit(
    text: Text, common: Mapping[str, Any], unit: units.Unit, definitions: Mapping[str, Definition]
) -> tuple[dict[str, str], Any]:
    """A unit's files, its templates seeing `definitions` only (tracked by the cache)."""
    names = definitions.shallow() if isinstance(definitions, TrackedDefinitions) else definitions
    pages, value = unit.pages(definitions, names)
    files = {
        page.path: text(page.template, {**common, **page.context, "definitions": definitions})
        for page in pages
    }
    return files, value
