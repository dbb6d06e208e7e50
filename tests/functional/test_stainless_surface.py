"""`surface: stainless` (issue 19), end to end without network: the fixture repository's own
`tests/api_resources` (our Stainless-style SDK for the seed spec) pass against the SDK that
sdkwright generates from the fixture's config (read by `import-config`) with the Stainless
surface, over an HTTP server in the test process; that SDK passes `mypy --strict`, its own
generated tests and `sdkwright check`. The fixture's tests use every row of issue 19's table
(`test_stainless_seed_fixture.py` shows which test uses which)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import FIXTURES, describe, mypy_strict, run, run_generated_tests, sdkwright

SEED = FIXTURES / "stainless_seed"
SPEC = FIXTURES / "stainless_seed.openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's config as a target with `surface: stainless`, generated."""
    folder = tmp_path_factory.mktemp("stainless-surface")
    shutil.copy(SPEC, folder / SPEC.name)
    config = folder / "sdkwright.yaml"
    result = sdkwright("import-config", SEED, "--spec", folder / SPEC.name, "-o", config)
    assert result.returncode == 0, describe(result)
    data = yaml.safe_load(config.read_text())
    (target,) = data["targets"]
    target.update(spec=SPEC.name, output="sdk", surface="stainless")
    config.write_text(yaml.safe_dump(data, sort_keys=False))
    result = sdkwright("generate", cwd=folder)
    assert result.returncode == 0, describe(result)
    return folder


def _counts(output: str) -> dict[str, int]:
    return {kind: int(n) for n, kind in re.findall(r"(\d+) (passed|skipped|failed|error)", output)}


def test_the_fixture_s_own_tests_pass_against_the_generated_sdk(
    generated: Path, tmp_path: Path
) -> None:
    """63 items (sync twice, async three times with aiohttp): types under `types.v1...`,
    nested resources, raw and streaming responses on resources, Literal enums, the envelope
    or the configured page class, one response type, positional path parameters and the
    empty-value error, `type=`/`date=` and flattened bodies, DefaultAioHttpClient."""
    repository = tmp_path / "repo"
    for folder in ("tests", "scripts"):
        shutil.copytree(
            SEED / folder, repository / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(SEED / "pyproject.toml", repository / "pyproject.toml")
    assert not (repository / "src").exists()  # the fixture's own package is not importable
    result = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", "tests"],
        repository,
        timeout=300,
        env={"PYTHONPATH": str(generated / "sdk"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, describe(result)
    counts = _counts(result.stdout)
    assert counts.get("passed", 0) + counts.get("skipped", 0) == 63, result.stdout[-2000:]
    skipped_ok = 0 if _has_aiohttp() else 9  # only the aiohttp variants, without the extra
    assert counts.get("skipped", 0) <= skipped_ok, result.stdout[-2000:]


def _has_aiohttp() -> bool:
    try:
        import httpx_aiohttp  # noqa: F401
    except ImportError:
        return False
    return True


def test_the_generated_sdk_is_typed_tested_and_up_to_date(generated: Path) -> None:
    sdk = generated / "sdk"
    tests = run_generated_tests(sdk)
    assert tests.returncode == 0, describe(tests)
    typed = mypy_strict(sdk, "clearstreet")
    assert typed.returncode == 0, describe(typed)
    check = sdkwright("check", cwd=generated)
    assert check.returncode == 0, describe(check)


def test_its_public_names_are_stainless_s(generated: Path) -> None:
    package = generated / "sdk" / "clearstreet"
    v1 = (package / "types" / "v1" / "__init__.py").read_text()
    names = ("PositionCancelPositionInstructionResponse", "PositionGetPositionsParams", "OrderType")
    names += ("PositionList", "TickerOrID", "OrderList")  # listed schemas that are no class
    for name in names:
        assert f"import {name} as {name}" in v1 or f"{name} as {name}," in v1, name
    calendar = (package / "types" / "v1" / "calendar" / "__init__.py").read_text()
    assert "MarketHourGetMarketHoursCalendarResponse" in calendar
    assert "class SyncCursorPage(" in (package / "pagination.py").read_text()
    assert "class AsyncCursorPage(" in (package / "pagination.py").read_text()
    # Stainless's class of a page's object field, `<Page><Field>`, is what the field holds
    pagination = (package / "pagination.py").read_text()
    assert '"CursorPageMetadata",' in pagination and "metadata: CursorPageMetadata\n" in pagination
    types = package / "types"
    assert "PositionList: TypeAlias = list[Position]" in (types / "position_list.py").read_text()
    assert "TickerOrID: TypeAlias = str" in (types / "ticker_or_id.py").read_text()
    assert "data: PositionList" in (types / "position_get_positions_response.py").read_text()
    position = (types / "position.py").read_text()
    assert "symbol: TickerOrID" in position
    assert "cost_basis: str | None = None" in position  # required, but may be null
    assert "extras: object | None = None" in position  # `{type: object}`
    assert "reserved: None = None" in position  # `{type: null}`
    order_type = (package / "types" / "order_type.py").read_text()
    assert "OrderType: TypeAlias = Literal[" in order_type and "Enum" not in order_type


def test_it_exports_what_stainless_sdks_export(generated: Path) -> None:
    script = """
import os
import tempfile
import httpx
import clearstreet as cs

assert cs.Client is cs.ClearStreet and cs.AsyncClient is cs.AsyncClearStreet
assert isinstance(cs.DefaultHttpxClient(), httpx.Client)
assert isinstance(cs.DefaultAsyncHttpxClient(), httpx.AsyncClient)
assert cs.not_given is cs.NOT_GIVEN and cs.__title__ == "clearstreet"
assert isinstance(cs.omit, cs.Omit) and not cs.omit
assert cs.ENVIRONMENTS == {
    "production": "https://api.clearstreet.com",
    "sandbox": "https://sandbox.clearstreet.example",
}
client = cs.ClearStreet(api_key="k", environment="sandbox", _strict_response_validation=True)
assert str(client.base_url).startswith("https://sandbox.clearstreet.example")
client = cs.ClearStreet(api_key="k", base_url=httpx.URL("http://127.0.0.1:9/api"))
assert str(client.base_url).startswith("http://127.0.0.1:9/api")
given = cs.ClearStreet(api_key="k", base_url="http://127.0.0.1:9/x", environment="sandbox")
assert str(given.base_url).startswith("http://127.0.0.1:9/x")  # Stainless: the URL given wins
os.environ["CLEAR_STREET_BASE_URL"] = "http://127.0.0.1:9/env"
try:  # the variable and an environment: ambiguous, as Stainless's clients say
    cs.ClearStreet(api_key="k", environment="sandbox")
    raise AssertionError("no error")
except ValueError as error:
    assert "ambiguous" in str(error)
chosen = cs.AsyncClearStreet(api_key="k", base_url=None, environment="sandbox")
assert str(chosen.base_url).startswith("https://sandbox.clearstreet.example")
del os.environ["CLEAR_STREET_BASE_URL"]
assert cs.Timeout is not None and cs.DEFAULT_TIMEOUT.connect == 5.0
assert issubclass(cs.BaseModel, __import__("pydantic").BaseModel)
errors = [getattr(cs, name) for name in cs.__all__ if name.endswith("Error")]
assert len(errors) == 14 and all(issubclass(e, cs.ClearStreetError) for e in errors)
assert cs.NoneType is type(None) and cs.DEFAULT_CONNECTION_LIMITS.max_connections == 1000
assert issubclass(cs.Transport, httpx.BaseTransport) and cs.ProxiesTypes is not None
stream: cs.Stream[object] = cs.Stream(cast_to=object, response=httpx.Response(200, content=b""))
assert list(stream) == [] and cs.AsyncStream.__aiter__ is not None
from clearstreet.pagination import CursorPageMetadata, SyncCursorPage
from clearstreet.types.v1 import Order
body = {"data": [], "metadata": {"request_id": "r", "next_page_token": "n"}}
page = SyncCursorPage[Order].model_validate(body)
assert isinstance(page.metadata, CursorPageMetadata) and page.metadata.next_page_token == "n"
with tempfile.TemporaryDirectory() as folder:
    with open(f"{folder}/upload.txt", "wb") as file:
        file.write(b"hi")
    assert cs.file_from_path(f"{folder}/upload.txt") == ("upload.txt", b"hi")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=generated / "sdk", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
