"""IR -> {relative path: text}: the driver that renders an SDK's files (`units.layout`)
through the Jinja engine (`engine.py`), asking the render cache for the cached units.

Templates print names the IR decided and spec text through the escaping filters of
`sdkwright.targets.python.pytext`; they never see raw spec strings as template source.
No I/O besides reading templates and the render cache.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from sdkwright import flavours
from sdkwright.cache.render_cache import Outcome, RenderCache, TrackedDefinitions
from sdkwright.ir.nodes import Api, Definition
from sdkwright.targets.python import engine, parallel, recording, units
from sdkwright.targets.python.views.readme import readme_view

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
    units_done: Callable[[Mapping[str, str]], None] | None = None,
) -> dict[str, str]:
    """Every file of the SDK from an Api that `plan.prepare` gave. `units_done` is given
    the files rendered before the pages that sum up the API (most of them: formatting
    them may start meanwhile, see `format.Early`)."""
    env = engine.environment(plan.folders, user_templates)

    def text(template: str, context: Mapping[str, Any]) -> str:
        return env.get_template(template).render(context)

    definitions = {d.name: d for d in api.definitions}
    common = {**units.common_context(api, plan), "definitions": definitions}
    # Every cached unit's key holds the context all templates share but the Api, whose facts
    # a unit reads through `recording.ApiReads`, and the definitions, which it looks up.
    unit_common = {k: v for k, v in common.items() if k not in ("api", "definitions")}
    cache = cache or RenderCache()
    cache.begin(recording.Facts(api, definitions), scope=(flavour, unit_common))
    sdk = units.layout(api, plan, definitions)

    def pages() -> dict[str, str]:
        return {page.path: text(page.template, {**common, **page.context}) for page in sdk.pages}

    # The pages that read the whole Api are rendered while another core renders units.
    outcome = partial(_outcome, text, unit_common, cache)
    rendered, files = parallel.render_units(sdk.units, outcome, pages, cache)
    files |= sdk.files
    groups_calls = []
    for unit, done in zip(sdk.units, rendered, strict=True):
        files |= done.files
        if unit.group is not None:
            groups_calls.append((unit.group, done.value))
    if units_done is not None:
        units_done(files)
    # The README's examples and the routes its test answers with: worked out once.
    readme = readme_view(api, groups_calls, common["package"], plan.asynchronous)
    summary = {**common, "groups_calls": groups_calls, "readme": readme}
    for page in sdk.summaries:
        files[page.path] = text(page.template, {**summary, **page.context})
    files |= {page.path: text(page.template, {**common, **page.context}) for page in sdk.closing}
    cache.save()
    return files


def _outcome(
    text: Text, common: Mapping[str, Any], cache: RenderCache, unit: units.Unit
) -> Outcome:
    """A unit's files, from the render cache when nothing it read has changed."""
    return cache.outcome(unit.key, partial(_render_unit, text, common, unit), unit.reads)


def _render_unit(
    text: Text, common: Mapping[str, Any], unit: units.Unit, reads: Mapping[str, Definition]
) -> tuple[dict[str, str], Any]:
    """A unit's files: what its views and templates read of the definitions and the Api
    goes through `reads`, the cache's tracking view of `recording.Facts`."""
    names = reads.shallow() if isinstance(reads, TrackedDefinitions) else reads
    pages, value = unit.pages(reads, names)
    seen = {**common, "api": recording.ApiReads(reads), "definitions": reads}
    files = {page.path: text(page.template, {**seen, **page.context}) for page in pages}
    return files, value
