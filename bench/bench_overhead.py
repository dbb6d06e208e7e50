"""Per-call overhead of the generated Clear Street client against a hand-written baseline.

Run it from the repository root with the repository's own interpreter:

    .venv/bin/python bench/bench_overhead.py                  # 2,000 calls x 30 rounds
    .venv/bin/python bench/bench_overhead.py --calls 500 --rounds 5 --out /tmp/overhead.md

Each call does the same work in every variant, in one process:

* build the documented request: ``DELETE /v1/accounts/{account_id}/positions/instructions/
  {instruction_id}`` with percent-encoded path parameters, bearer auth and a timeout;
* send it through ``httpx.MockTransport`` (no network), whose handler answers with the
  documented example response (``tests/fixtures/cancel_position_instruction_response.json``);
* parse the body into pydantic v2 models of the response envelope.

The baseline is what one would write by hand with httpx and pydantic: models mirroring the
spec, ``client.delete(...)``, ``raise_for_status()``, ``TypeAdapter.validate_json``. The
generated client (``generated/clearstreet``) adds what the SDK offers on top: header merging,
retry bookkeeping, typed errors, logging calls, response modes. Variants run interleaved, in
many short rounds, so that they share whatever else the machine is doing; the table shows each
variant's best round (the least disturbed) and its median round, per call.

The Markdown report goes to stdout and to ``bench/results/overhead.md`` (``--out``). Needs only
the standard library, httpx and pydantic.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import enum
import importlib
import json
import platform
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import httpx
import pydantic

REPO_ROOT = Path(__file__).resolve().parents[1]
SDK_DIR = REPO_ROOT / "generated" / "clearstreet"
EXAMPLE_PATH = REPO_ROOT / "tests" / "fixtures" / "cancel_position_instruction_response.json"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "overhead.md"

BASE_URL = "https://api.clearstreet.com"
API_KEY = "bench-key"
ACCOUNT_ID = 122503
INSTRUCTION_ID = "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02"
TIMEOUT = httpx.Timeout(60.0, connect=5.0)
EXAMPLE = EXAMPLE_PATH.read_bytes()


# --- The hand-written baseline -------------------------------------------------------------


class InstructionType(enum.StrEnum):
    EXERCISE = "EXERCISE"
    DO_NOT_EXERCISE = "DO_NOT_EXERCISE"
    CONTRARY_EXERCISE = "CONTRARY_EXERCISE"


class InstructionStatus(enum.StrEnum):
    SENT = "SENT"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    ENGINE_REJECTED = "ENGINE_REJECTED"
    CANCEL_REQUESTED = "CANCEL_REQUESTED"
    CANCELLED = "CANCELLED"
    CANCEL_FAILED = "CANCEL_FAILED"
    UNKNOWN = "UNKNOWN"


class Metadata(pydantic.BaseModel):
    request_id: str
    next_page_token: str | None = None
    page_number: int | None = None
    previous_page_token: str | None = None
    total_items: int | None = None
    total_pages: int | None = None


class ApiError(pydantic.BaseModel):
    code: int
    message: str
    details: list[dict[str, Any]] | None = None


class PositionInstruction(pydantic.BaseModel):
    id: str
    account_id: int
    instruction_id: str
    instruction_type: InstructionType
    instrument_id: str
    quantity: str
    status: InstructionStatus
    symbol: str
    accepted_quantity: str | None = None
    created_at: datetime.datetime | None = None
    rejection_reason: str | None = None
    updated_at: datetime.datetime | None = None


class CancelResponse(pydantic.BaseModel):
    metadata: Metadata
    error: ApiError | None = None
    data: PositionInstruction


CANCEL_RESPONSE = pydantic.TypeAdapter(CancelResponse)


def baseline_url(account_id: int, instruction_id: str) -> str:
    account, instruction = quote(str(account_id), safe=""), quote(instruction_id, safe="")
    return f"{BASE_URL}/v1/accounts/{account}/positions/instructions/{instruction}"


HEADERS = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"}


def baseline_cancel(client: httpx.Client, account_id: int, instruction_id: str) -> CancelResponse:
    url = baseline_url(account_id, instruction_id)
    response = client.delete(url, headers=HEADERS, timeout=TIMEOUT)
    response.raise_for_status()
    return CANCEL_RESPONSE.validate_json(response.content)


async def baseline_cancel_async(
    client: httpx.AsyncClient, account_id: int, instruction_id: str
) -> CancelResponse:
    url = baseline_url(account_id, instruction_id)
    response = await client.delete(url, headers=HEADERS, timeout=TIMEOUT)
    response.raise_for_status()
    return CANCEL_RESPONSE.validate_json(response.content)


# --- Measuring ----------------------------------------------------------------------------


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=EXAMPLE, headers={"Content-Type": "application/json"})


def transport() -> httpx.MockTransport:
    return httpx.MockTransport(answer)


def load_sdk() -> ModuleType:
    sys.path.insert(0, str(SDK_DIR))
    return importlib.import_module("clearstreet")


@dataclass
class Variant:
    name: str
    baseline: str  # the name of the variant it is compared with ("" for a baseline)
    run: Callable[[int], float]  # n calls -> seconds
    seconds_per_call: list[float]


def sync_variant(call: Callable[[], object]) -> Callable[[int], float]:
    def run(calls: int) -> float:
        started = time.perf_counter()
        for _ in range(calls):
            call()
        return time.perf_counter() - started

    return run


def async_variant(call: Callable[[], Awaitable[object]]) -> Callable[[int], float]:
    async def loop(calls: int) -> float:
        started = time.perf_counter()
        for _ in range(calls):
            await call()
        return time.perf_counter() - started

    # One event loop for the whole run: the async clients are bound to it.
    runner = asyncio.Runner()
    return lambda calls: runner.run(loop(calls))


def variants(sdk: ModuleType) -> list[Variant]:
    plain = httpx.Client(transport=transport())
    plain_async = httpx.AsyncClient(transport=transport())
    generated: Any = sdk.ClearStreet(
        api_key=API_KEY, http_client=httpx.Client(transport=transport())
    )
    generated_async: Any = sdk.AsyncClearStreet(
        api_key=API_KEY, http_client=httpx.AsyncClient(transport=transport())
    )
    ids = {"account_id": ACCOUNT_ID, "instruction_id": INSTRUCTION_ID}
    positions, raw_positions = generated.positions, generated.with_raw_response.positions
    async_positions = generated_async.positions

    def raw_then_parse() -> object:
        return raw_positions.cancel_position_instruction(**ids).parse()

    base_sync, base_async = "httpx + pydantic by hand, sync", "httpx + pydantic by hand, async"
    return [
        Variant(
            base_sync,
            "",
            sync_variant(lambda: baseline_cancel(plain, ACCOUNT_ID, INSTRUCTION_ID)),
            [],
        ),
        Variant(
            "generated ClearStreet, sync",
            base_sync,
            sync_variant(lambda: positions.cancel_position_instruction(**ids)),
            [],
        ),
        Variant(
            "generated, with_raw_response + .parse()", base_sync, sync_variant(raw_then_parse), []
        ),
        Variant(
            base_async,
            "",
            async_variant(lambda: baseline_cancel_async(plain_async, ACCOUNT_ID, INSTRUCTION_ID)),
            [],
        ),
        Variant(
            "generated AsyncClearStreet",
            base_async,
            async_variant(lambda: async_positions.cancel_position_instruction(**ids)),
            [],
        ),
    ]


def check_same_result(sdk: ModuleType) -> None:
    """Both sides must parse the example into the same data, or the timing compares nothing."""
    expected = json.loads(EXAMPLE)
    with httpx.Client(transport=transport()) as plain:
        mine = baseline_cancel(plain, ACCOUNT_ID, INSTRUCTION_ID)
    generated: Any = sdk.ClearStreet(
        api_key=API_KEY, http_client=httpx.Client(transport=transport())
    )
    theirs = generated.positions.cancel_position_instruction(
        account_id=ACCOUNT_ID, instruction_id=INSTRUCTION_ID
    )
    for result in (mine, theirs):
        assert result.model_dump(mode="json", exclude_unset=True) == expected


def measure(all_variants: list[Variant], calls: int, rounds: int) -> None:
    for variant in all_variants:  # warm-up: caches, adapters, lazy imports
        variant.run(max(calls // 10, 100))
    for round_number in range(rounds):
        for variant in all_variants:
            variant.seconds_per_call.append(variant.run(calls) / calls)
        print(f"round {round_number + 1}/{rounds} done", file=sys.stderr, flush=True)


def microseconds(seconds: float) -> str:
    return f"{seconds * 1e6:.1f} µs"


def report(all_variants: list[Variant], calls: int, rounds: int) -> str:
    best = {v.name: min(v.seconds_per_call) for v in all_variants}
    median = {v.name: statistics.median(v.seconds_per_call) for v in all_variants}
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Per-call overhead: generated Clear Street client vs hand-written httpx + pydantic",
        "",
        f"- date (UTC): {now}",
        f"- machine: {platform.system()} {platform.machine()}, Python {platform.python_version()}"
        f" ({platform.python_implementation()}), httpx {httpx.__version__}, pydantic {pydantic.VERSION}",
        "- per call: build `DELETE /v1/accounts/{account_id}/positions/instructions/{instruction_id}`"
        " (bearer auth, timeout), send it through `httpx.MockTransport`, parse the documented"
        " example response into pydantic models",
        f"- {calls:,} calls per round, {rounds} rounds, variants interleaved; per call, in the best"
        " round and in the median round",
        "",
        "| variant | best | overhead (best) | ratio (best) | median | ratio (median) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for variant in all_variants:
        name = variant.name
        if not variant.baseline:
            lines.append(
                f"| {name} | {microseconds(best[name])} | (baseline) | 1.00x"
                f" | {microseconds(median[name])} | 1.00x |"
            )
            continue
        base = variant.baseline
        lines.append(
            f"| {name} | {microseconds(best[name])} | +{microseconds(best[name] - best[base])}"
            f" | {best[name] / best[base]:.2f}x | {microseconds(median[name])}"
            f" | {median[name] / median[base]:.2f}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--calls", type=int, default=2_000, help="calls per variant and round")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    arguments = parser.parse_args(argv)
    sdk = load_sdk()
    check_same_result(sdk)
    all_variants = variants(sdk)
    measure(all_variants, arguments.calls, arguments.rounds)
    text = report(all_variants, arguments.calls, arguments.rounds)
    print(text, end="")
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
