"""Types nested as deep as a spec may nest them (issue 14): inline objects 90 levels deep
made pydantic raise RecursionError while parsing a response (60 and 75 worked).

The root cause: the models defer their validators to their first use, and pydantic then builds
every nested model at once, recursively, about 12 Python frames a level: 90 levels pass
Python's default limit of 1,000 frames. The runtime builds (and walks a body that does not fit)
with a bounded room of frames above where it starts (`_validation.recursion_room`), and puts
the limit back. Tested at 90 levels and at the deepest nesting the loader's depth limit allows,
for objects (two document levels a level) and for arrays and maps (one)."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import orders_sdk
import pytest
import small_sdk
from helpers import describe, mypy_strict, run_generated_tests
from sdkwright.diagnostics import GenerationFailed
from sdkwright.spec.load import Limits
from sdkwright.spec.resolve import load_spec


def _schema(shape: str, levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = (
        {"type": "object", "properties": {"leaf": {"type": "string"}}}
        if shape == "object"
        else {"type": "string"}
    )
    for _ in range(levels):
        if shape == "object":
            schema = {"type": "object", "properties": {"c": schema}}
        elif shape == "array":
            schema = {"type": "array", "items": schema}
        else:
            schema = {"type": "object", "additionalProperties": schema}
    return schema


def _spec(shape: str, levels: int) -> str:
    response = {
        "description": "x",
        "content": {"application/json": {"schema": _schema(shape, levels)}},
    }
    operation = {"operationId": "getDeep", "responses": {"200": response}}
    return json.dumps(
        {
            "openapi": "3.0.3",
            "info": {"title": "Deep", "version": "1"},
            "servers": [{"url": "https://deep.example"}],
            "paths": {"/deep": {"get": operation}},
        }
    )


def _body(shape: str, levels: int, leaf: object) -> object:
    body: object = {"leaf": leaf} if shape == "object" else leaf
    for _ in range(levels):
        body = {"c": body} if shape == "object" else [body] if shape == "array" else {"k": body}
    return body


def _leaf(shape: str, levels: int, result: Any) -> object:
    for _ in range(levels):
        result = result.c if shape == "object" else result[0] if shape == "array" else result["k"]
    return result.leaf if shape == "object" else result


def _refused(shape: str, levels: int) -> bool:
    """Whether the loader refuses the spec nesting `shape` `levels` deep (limit.depth)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deep.json"
        path.write_text(_spec(shape, levels))
        try:
            load_spec(path)
        except GenerationFailed as failed:
            assert [d.code for d in failed.diagnostics] == ["limit.depth"]
            return True
    return False


def _deepest(shape: str) -> int:
    """The deepest nesting of `shape` the loader's depth limit allows (found by bisection)."""
    low, high = 1, Limits().max_depth  # allowed, refused
    assert not _refused(shape, low) and _refused(shape, high)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if _refused(shape, middle) else (middle, high)
    return low


CASES = [
    ("object", 90),
    ("object", _deepest("object")),
    ("array", _deepest("array")),
    ("map", _deepest("map")),
]


@pytest.fixture(scope="module", params=CASES, ids=[f"{s}-{n}" for s, n in CASES])
def deep(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int, Path, ModuleType]]:
    shape, levels = request.param
    folder = tmp_path_factory.mktemp(f"deep-{shape}-{levels}")
    sdk, _ = small_sdk.generate(folder, _spec(shape, levels), "deep", "Deep")
    with orders_sdk.imported(sdk, "deep") as module:
        yield shape, levels, sdk, module


def test_the_deepest_cases_are_past_the_old_failure() -> None:
    """Objects 90 levels deep failed; the limit allows more, and the cases go there."""
    assert CASES[0] == ("object", 90) and all(levels > 90 for _, levels in CASES[1:])


def test_a_response_parses_sync_and_async(deep: tuple[str, int, Path, ModuleType]) -> None:
    shape, levels, _, module = deep
    limit = sys.getrecursionlimit()
    _, transport = small_sdk.recording(httpx.Response(200, json=_body(shape, levels, "bottom")))
    result = module.Deep(http_client=httpx.Client(transport=transport)).deep.get_deep()
    assert _leaf(shape, levels, result) == "bottom"

    async def main() -> Any:
        http = httpx.AsyncClient(transport=transport)
        return await module.AsyncDeep(http_client=http).deep.get_deep()

    assert _leaf(shape, levels, asyncio.run(main())) == "bottom"
    assert sys.getrecursionlimit() == limit  # put back


def test_a_body_that_does_not_fit_at_the_bottom(deep: tuple[str, int, Path, ModuleType]) -> None:
    """The lenient walk goes as deep, and strict validation raises the SDK's error."""
    shape, levels, _, module = deep
    _, transport = small_sdk.recording(httpx.Response(200, json=_body(shape, levels, 7)))
    lenient = module.Deep(http_client=httpx.Client(transport=transport))
    assert _leaf(shape, levels, lenient.deep.get_deep()) == 7  # kept as the server sent it
    strict = module.Deep(
        http_client=httpx.Client(transport=transport), strict_response_validation=True
    )
    with pytest.raises(module.APIResponseValidationError):
        strict.deep.get_deep()


def test_the_sdk_type_checks_and_its_tests_pass(deep: tuple[str, int, Path, ModuleType]) -> None:
    sdk = deep[2]
    checked = mypy_strict(sdk, "deep")
    assert checked.returncode == 0, describe(checked)
    result = run_generated_tests(sdk)
    assert result.returncode == 0 and " passed" in result.stdout, describe(result)
