"""Worst-case hostile specs against the stated ceiling: time and peak memory of generation.

Run it from the repository root with the repository's own interpreter:

    .venv/bin/python bench/bench_limits.py                 # every case, results to bench/results/limits.md
    .venv/bin/python bench/bench_limits.py --only amplification,alias-bomb --out /tmp/limits.md

Each case is a spec written to a scratch folder, then `sdkwright generate` run on it in a
process of its own (peak RSS from `os.wait4`, the largest of that process and the formatter
it waits for). The cases are the specs that cost the most within the limits (README,
"Limits"), and some just past them:

* amplification: nine levels of schemas, each requiring ten properties of the level below
  (10^9 values if examples were inlined without a budget); must finish in under 10 s and
  1 GiB, with a warning;
* endless model: a schema that requires itself (no finite instance);
* deepest nesting: inline objects nested as deep as the depth limit allows (200 levels of
  document), and one level more;
* densest document: YAML of 1.95 million values in one entry, near the most a spec may
  hold (its parser builds some 400 bytes a value before they shrink to values), and 32 MiB
  of JSON values, refused before they are built;
* size limit: 32 MiB of a spec of ordinary shape (operations, schemas, descriptions), the
  largest a spec may be;
* alias bomb: YAML anchors expanding to 1.1 million values (allowed), and to 10^9;
* reference chains and multiplied `properties` maps (a validation view that refs multiply);
* the SDK's own size, which no spec-side limit bounds: 5,000 operations with a model each,
  and an enum of 200,000 values (rendering grows with them: see the README's "Limits").

The ceiling is stated as CEILING_MIB below; each row says whether its case stayed under it
and whether the outcome (exit code, diagnostic codes) is the one expected. The exit code
is 0 when every case did both.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))  # the hostile specs the tests build, measured here

import hostile_specs  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "limits.md"
CEILING_MIB = 2048
AMPLIFICATION_LIMITS = (10.0, 1024)  # seconds, MiB
HEADER = 'openapi: 3.1.0\ninfo: {title: Limits, version: "1"}\n'


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    expected_exit: int
    expected_codes: frozenset[str]  # the diagnostic codes it must report (others may come too)
    what: str


def _operation(name: str, schema: str) -> str:
    return (
        f"    get:\n      operationId: {name}\n      responses:\n        '200':\n"
        "          description: ok\n          content:\n            application/json:\n"
        f"              schema: {{$ref: '#/components/schemas/{schema}'}}\n"
    )


def amplification(folder: Path) -> Path:
    lines = [HEADER + "paths:\n  /top:\n" + _operation("getTop", "L9") + "components:\n  schemas:"]
    lines.append("    L0: {type: string}")
    for level in range(1, 10):
        refs = ", ".join(f"p{i}: {{$ref: '#/components/schemas/L{level - 1}'}}" for i in range(10))
        required = ", ".join(f"p{i}" for i in range(10))
        lines.append(
            f"    L{level}: {{type: object, required: [{required}], properties: {{{refs}}}}}"
        )
    return _write(folder / "amplification.yaml", "\n".join(lines) + "\n")


def endless_model(folder: Path) -> Path:
    text = HEADER + "paths:\n  /a:\n" + _operation("getA", "A") + "components:\n  schemas:\n"
    text += (
        "    A: {type: object, required: [a], properties: {a: {$ref: '#/components/schemas/A'}}}\n"
    )
    return _write(folder / "endless.yaml", text)


def nesting(extra: int) -> Callable[[Path], Path]:
    """Inline objects nested to the depth limit (+ `extra` levels): the root, components,
    schemas and the schema make 4 levels, each object inside 2 (itself, its properties)."""

    def build(folder: Path) -> Path:
        levels = (200 - 4) // 2 + extra
        schema: object = {"type": "string"}
        for _ in range(levels):
            schema = {"type": "object", "properties": {"a": schema}}
        spec = {
            "openapi": "3.1.0",
            "info": {"title": "Limits", "version": "1"},
            "paths": {},
            "components": {"schemas": {"Deep": schema}},
        }
        return _write(folder / "nesting.json", json.dumps(spec))

    return build


def dense_yaml(folder: Path) -> Path:
    """Scalars listed in one entry: 1,950,000 values (the limit is 2,000,000)."""
    return _write(folder / "dense.yaml", HEADER + "paths: {}\nx-values:\n" + "  - a\n" * 1_949_990)


def dense_json(folder: Path) -> Path:
    """32 MiB of empty lists: 22 million values, refused before they are built."""
    items = (32 * 1024 * 1024 - 200) // 3
    text = '{"openapi": "3.1.0", "info": {"title": "L", "version": "1"}, "paths": {}, "x": ['
    return _write(folder / "dense.json", text + "[]," * items + "[]]}")


def size_limit(folder: Path) -> Path:
    """Just under 32 MiB: 1,200 operations on 1,200 schemas of 12 properties, described."""
    count, description = 1_200, "A sentence of ordinary documentation. " * 350
    lines = [HEADER + "paths:"]
    for n in range(count):
        lines.append(f"  /things{n}/{{id}}:\n    get:\n      operationId: getThing{n}")
        lines.append(f"      description: {description}")
        lines.append(
            "      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}"
        )
        lines.append(
            "      responses:\n        '200':\n          description: ok\n          content:"
        )
        lines.append(
            f"            application/json:\n              schema: {{$ref: '#/components/schemas/Thing{n}'}}"
        )
    lines.append("components:\n  schemas:")
    for n in range(count):
        properties = ", ".join(
            f"f{i}: {{type: {('string', 'integer', 'boolean')[i % 3]}}}" for i in range(12)
        )
        lines.append(f"    Thing{n}:\n      description: {description}")
        lines.append(
            f"      type: object\n      required: [f0]\n      properties: {{{properties}}}"
        )
    text = "\n".join(lines) + "\n"
    assert len(text.encode()) < 32 * 1024 * 1024, len(text)
    return _write(folder / "size-limit.yaml", text)


def many_operations(folder: Path) -> Path:
    """5,000 small operations, each with its model: what the SDK's size costs to render."""
    count = 5_000
    lines = [HEADER + "paths:"]
    for n in range(count):
        lines.append(f"  /t{n}/{{id}}:\n" + _operation(f"getT{n}", f"T{n}").rstrip("\n"))
        lines.append(
            "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]"
        )
    lines.append("components:\n  schemas:")
    fields = "a: {type: string}, b: {type: integer}, c: {type: boolean}"
    for n in range(count):
        lines.append(f"    T{n}: {{type: object, required: [a], properties: {{{fields}}}}}")
    return _write(folder / "many-operations.yaml", "\n".join(lines) + "\n")


def large_enum(folder: Path) -> Path:
    """One string enum of 200,000 values."""
    text = HEADER + "paths:\n  /e:\n" + _operation("getE", "Big")
    text += "components:\n  schemas:\n    Big:\n      type: string\n      enum:\n"
    return _write(
        folder / "large-enum.yaml", text + "".join(f"        - v{i}\n" for i in range(200_000))
    )


def alias_bomb(levels: int, width: int) -> Callable[[Path], Path]:
    """Anchors each holding `width` aliases of the one before (see `alias_values`)."""

    def build(folder: Path) -> Path:
        lines = [HEADER + "paths: {}", "x-a0: &a0 [x]"]
        for level in range(1, levels + 1):
            aliases = ", ".join([f"*a{level - 1}"] * width)
            lines.append(f"x-a{level}: &a{level} [{aliases}]")
        return _write(folder / "alias-bomb.yaml", "\n".join(lines) + "\n")

    return build


def alias_values(levels: int, width: int) -> int:
    """What alias_bomb's lists expand to, counted as the limit counts (a list, its entries,
    the lists in it)."""
    sizes = [2]  # x-a0: [x]
    for _ in range(levels):
        sizes.append(1 + width + width * sizes[-1])
    return sum(sizes)


def ref_chain(folder: Path) -> Path:
    return _write(folder / "chain.yaml", hostile_specs.ref_chain(10_000))


def multiplied_properties(folder: Path) -> Path:
    for name, text in hostile_specs.multiplied_properties("multiplied.yaml").items():
        _write(folder / name, text)
    return folder / "multiplied.yaml"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


CASES = [
    Case(
        "amplification",
        amplification,
        0,
        frozenset({"example.budget"}),
        "9 levels x 10 required $refs (10^9 leaves inlined)",
    ),
    Case(
        "endless-model",
        endless_model,
        0,
        frozenset({"example.budget"}),
        "a schema that requires itself",
    ),
    Case(
        "deepest-nesting",
        nesting(0),
        0,
        frozenset(),
        "98 inline objects nested: 200 levels of document",
    ),
    Case("nesting-past-limit", nesting(1), 1, frozenset({"limit.depth"}), "one level more"),
    Case("densest-yaml", dense_yaml, 0, frozenset(), "1,950,000 values in one YAML entry (13 MiB)"),
    Case(
        "dense-json-32mib",
        dense_json,
        1,
        frozenset({"limit.values"}),
        "32 MiB of JSON empty lists (22 million values)",
    ),
    Case(
        "size-limit",
        size_limit,
        0,
        frozenset(),
        "31.6 MiB: 1,200 operations and schemas, long descriptions",
    ),
    Case(
        "many-operations",
        many_operations,
        0,
        frozenset(),
        "5,000 operations with a model each (2 MiB): the SDK's own size",
    ),
    Case("large-enum", large_enum, 0, frozenset(), "an enum of 200,000 values"),
    Case(
        "alias-expansion",
        alias_bomb(7, 6),
        0,
        frozenset(),
        f"YAML aliases expanding to {alias_values(7, 6):,} values",
    ),
    Case(
        "alias-bomb",
        alias_bomb(9, 10),
        1,
        frozenset({"limit.values"}),
        f"YAML aliases expanding to {alias_values(9, 10):,} values",
    ),
    Case("ref-chain", ref_chain, 1, frozenset({"limit.ref-chain"}), "a chain of 10,000 $refs"),
    Case(
        "multiplied-properties",
        multiplied_properties,
        1,
        frozenset({"limit.values"}),
        "properties maps by $ref, 10 x 10 levels",
    ),
]


@dataclass(frozen=True)
class Measured:
    case: Case
    spec_mib: float
    seconds: float
    peak_mib: float
    exit_code: int
    codes: frozenset[str]

    @property
    def as_expected(self) -> bool:
        return self.exit_code == self.case.expected_exit and self.case.expected_codes <= self.codes

    @property
    def under_ceiling(self) -> bool:
        if self.case.name == "amplification":
            seconds, mib = AMPLIFICATION_LIMITS
            return self.seconds < seconds and self.peak_mib < mib
        return self.peak_mib < CEILING_MIB


def measure(case: Case, scratch: Path) -> Measured:
    folder = scratch / case.name
    folder.mkdir()
    # Built by a process of its own: a child's peak RSS starts at its parent's (Linux keeps
    # the high-water mark across exec), and building 32 MiB of text would raise this one's.
    built = subprocess.run(
        [sys.executable, __file__, "--build", case.name, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    spec = Path(built.stdout.strip())
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1_048_576
    command = [
        sys.executable,
        "-m",
        "sdkwright",
        "generate",
        spec.name,
        "-o",
        str(scratch / f"{case.name}-out"),
        "--package",
        "limits",
        "--format",
        "json",
    ]
    env = {**os.environ, "SDKWRIGHT_CACHE_DIR": str(scratch / "cache"), "PYTHONHASHSEED": "0"}
    out, err = scratch / f"{case.name}.out", scratch / f"{case.name}.err"
    start = time.perf_counter()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=folder, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)  # its own peak, and its formatter's
    seconds = time.perf_counter() - start
    if b"Traceback" in err.read_bytes():
        print(err.read_text(errors="replace")[-2000:], file=sys.stderr)
    try:
        codes = frozenset(d["code"] for d in json.loads(out.read_bytes() or b"[]"))
    except json.JSONDecodeError:
        codes = frozenset({"(no json output)"})
    exit_code = os.waitstatus_to_exitcode(status)
    return Measured(case, size, seconds, usage.ru_maxrss / 1024, exit_code, codes)


def report(results: list[Measured]) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    lines = [
        "# Limits: worst-case hostile specs against the memory ceiling",
        "",
        f"- date (UTC): {now}",
        f"- machine: nproc {os.cpu_count()}, Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.machine()}; load average (1 min) {load:.2f} at the end (the machine is shared)",
        f"- ceiling: peak RSS under {CEILING_MIB} MiB for every case; the amplification case under {AMPLIFICATION_LIMITS[0]:.0f} s and {AMPLIFICATION_LIMITS[1]} MiB",
        "- peak RSS: os.wait4's ru_maxrss of the `sdkwright generate` process (the largest of it and the formatter processes it waited for; at least the bench's own, about 20 MiB, which it starts from)",
        "",
        "| case | what | spec | wall | peak RSS | exit | diagnostics | outcome | ceiling |",
        "|---|---|---:|---:|---:|---:|---|---|---|",
    ]
    for r in results:
        codes = ", ".join(sorted(r.codes)) or "none"
        lines.append(
            f"| {r.case.name} | {r.case.what} | {_size(r.spec_mib)} | {r.seconds:.1f} s | {r.peak_mib:.0f} MiB "
            f"| {r.exit_code} | {codes} | {'as expected' if r.as_expected else 'UNEXPECTED'} "
            f"| {'PASS' if r.under_ceiling else 'FAIL'} |"
        )
    return "\n".join(lines) + "\n"


def _size(mib: float) -> str:
    return f"{mib:.1f} MiB" if mib >= 1 else f"{mib * 1024:.0f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--build", nargs=2, metavar=("CASE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        name, folder = args.build
        print(next(c for c in CASES if c.name == name).build(Path(folder)))
        return 0
    chosen = [c for c in CASES if not args.only or c.name in args.only.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for case in chosen:
            result = measure(case, Path(scratch))
            print(
                f"{case.name:22} {result.seconds:7.1f} s {result.peak_mib:7.0f} MiB exit {result.exit_code}",
                flush=True,
            )
            results.append(result)
    text = report(results)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0 if all(r.as_expected and r.under_ceiling for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
