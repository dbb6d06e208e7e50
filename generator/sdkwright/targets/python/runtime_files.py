"""The runtime files of an SDK, copied from the runtime's source (`sdkwright/runtime/`).

Each file is its source as it is, after the banner every generated file starts with: the
core modules the flavour's plan lists, the transport it names as `_http.py` and its model
type's support (`ModelType.runtime`) as `_models.py`. Nothing is rendered: what depends on the API lives in
the templated modules.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sdkwright import runtime
from sdkwright.flavours import Plan

SOURCE = Path(runtime.__file__).parent


def runtime_files(plan: Plan, package: str, banner: str) -> dict[str, str]:
    """{path in the SDK: text} of the runtime files an SDK of `plan` gets."""
    sources = {name: name for name in plan.runtime_modules}
    sources["_http.py"] = plan.transport
    sources["_models.py"] = plan.models.runtime
    if has_aiohttp(plan):
        sources["_aiohttp.py"] = "_aiohttp.py"
    return {
        f"{package}/{name}": f"{banner}\n{source_text(source)}" for name, source in sources.items()
    }


def has_aiohttp(plan: Plan) -> bool:
    """Whether the SDK offers `DefaultAioHttpClient` (an async client over httpx)."""
    return plan.asynchronous and plan.transport == "http_httpx.py"


@cache
def source_text(name: str) -> str:
    """A runtime source file's text (a name in sdkwright/runtime/, or a plugin's own path);
    a plan naming a transport or model support that is not there is a plugin's bug, said
    as such."""
    path = SOURCE / name
    if not path.is_file():
        available = sorted(p.name for p in SOURCE.glob("*.py") if not p.name.startswith("__"))
        raise ValueError(f"no runtime module {name!r} in {SOURCE} (there are: {available})")
    return path.read_text(encoding="utf-8")
