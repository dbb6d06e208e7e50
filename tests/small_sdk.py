"""A small spec written by a test, generated into a folder (with its diagnostics) and imported.

Tests of single constructs (issue 14's legal constructs) generate one each and check the SDK
over `httpx.MockTransport`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
from sdkwright import api
from sdkwright.config import Target
from sdkwright.diagnostics import Diagnostic

Handler = Callable[[httpx.Request], httpx.Response]


def generate(
    folder: Path,
    spec: str,
    package: str,
    client: str,
    flavour: str = "httpx",
    options: tuple[tuple[str, str], ...] = (),
) -> tuple[Path, list[Diagnostic]]:
    """The SDK of `spec` written to `folder / "sdk"`, and what generating it said."""
    (folder / "spec.yaml").write_text(spec)
    target = Target(
        package,
        folder / "spec.yaml",
        folder / "sdk",
        package,
        client,
        flavour=flavour,
        options=options,
    )
    result = api.generate(target)
    assert result.files, [d.render() for d in result.diagnostics]
    api.write_result(result, target.output)
    return target.output, list(result.diagnostics)


def recording(response: httpx.Response) -> tuple[list[httpx.Request], httpx.MockTransport]:
    """A transport (sync and async) that answers every request with a copy of `response`,
    and the requests it saw."""
    sent: list[httpx.Request] = []
    content = response.read()

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(response.status_code, headers=response.headers, content=content)

    return sent, httpx.MockTransport(handler)
