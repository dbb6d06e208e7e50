"""Every real-world spec in ../shared/specs through the whole pipeline (issue 3, "Breadth").

For each spec: `sdkwright generate` exits 0 and every operation of the spec is a method of the
client; every module of the SDK imports; `mypy --strict` finds no error in it; its generated
tests pass offline.

The four checks run on every spec, the large ones (Stripe, GitHub, DigitalOcean) included, with
one exception for CI time: on Stripe, mypy checks the package (3,600 modules: about 35 s with a
cold cache) but not the generated tests, whose 31 MB of example literals take mypy over 5 min;
bench/bench_corpus.py checks those too (with a persistent cache). GitHub's and DigitalOcean's
tests are checked here (10-30 s each). Each SDK is generated once per session (under xdist, by
the one worker that runs all of its spec's tests); its generated tests run as two pytest processes at once (CI has two cores): Stripe's 936 take 3-6 min of
CPU, pydantic building each large response model on first use. bench/bench_corpus.py prints
the same checks as a table, with timings.

Where a generated SDK is broken, these tests fail (they are not marked xfail).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE

import pytest
from helpers import (
    CLIENT_TESTS,
    SHARED_SPECS,
    WITHOUT_CLIENT_TESTS,
    describe,
    mypy_strict,
    needs_shared_specs,
    run,
    sdkwright,
)
from sdkwright.output import portable
from sdkwright.spec.resolve import SpecSet, load_spec
from shared_run import warm_mypy_cache

pytestmark = [needs_shared_specs, pytest.mark.slow]

SHARDS = 2  # pytest processes per SDK: the cores CI has
README_TESTS = "tests/test_readme.py"  # its README's and api.md's snippets, run apart too
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


@dataclass(frozen=True)
class Spec:
    name: str
    path: str
    spec_root: str = ""  # a wider folder for file references, where the layout needs one
    mypy_tests: bool = True  # False: mypy checks the package only (see the module docstring)


SPECS = (
    Spec("clearstreet", "clearstreet-trading-3.1.json"),
    Spec("petstore", "oai-petstore-3.0.yaml"),
    Spec("swagger_petstore", "swagger-petstore-3.0.yaml"),
    Spec("webhooks", "oai-webhook-example-3.1.yaml"),
    Spec("callbacks", "oai-callback-example-3.0.yaml"),
    Spec("uber", "oai-uber-2.0.json"),
    Spec(
        "petstore_split",
        "oai-petstore-separate-2.0/spec/swagger.yaml",
        "oai-petstore-separate-2.0",
    ),
    Spec("spotify", "spotify-fixed-open-api.yml"),
    Spec("stripe", "stripe-spec3.yaml", mypy_tests=False),
    Spec("github", "github-api.github.com-2020.json"),
    Spec("digitalocean", "digitalocean/specification/DigitalOcean-public.v2.yaml"),
)


@dataclass(frozen=True)
class Generated:
    spec: Spec
    sdk: Path
    exit_code: int
    output: str


@pytest.fixture(scope="session")
def generate(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Spec], Generated]:
    """Generates each spec's SDK once in the session, on first request."""
    done: dict[str, Generated] = {}
    folder = tmp_path_factory.mktemp("corpus")

    def generated(spec: Spec) -> Generated:
        if spec.name not in done:
            sdk = folder / spec.name
            options = ["--package", spec.name]
            if spec.spec_root:
                options += ["--spec-root", str(SHARED_SPECS / spec.spec_root)]
            result = sdkwright("generate", SHARED_SPECS / spec.path, "-o", sdk, *options)
            done[spec.name] = Generated(spec, sdk, result.returncode, describe(result))
        return done[spec.name]

    return generated


def on_one_worker(spec: Spec) -> object:
    """Under xdist, a spec's tests all run on the worker that generated its SDK."""
    return pytest.param(spec, id=spec.name, marks=pytest.mark.xdist_group(f"corpus-{spec.name}"))


@pytest.fixture(params=[on_one_worker(spec) for spec in SPECS])
def sdk(request: pytest.FixtureRequest, generate: Callable[[Spec], Generated]) -> Generated:
    generated = generate(request.param)
    assert generated.exit_code == 0, f"sdkwright generate failed:\n{generated.output}"
    return generated


def spec_operations(spec: Spec) -> list[tuple[str, str]]:
    """(METHOD, path) of every operation, path items behind `$ref`s followed."""
    root = SHARED_SPECS / spec.spec_root if spec.spec_root else None
    specs, _ = load_spec(SHARED_SPECS / spec.path, spec_root=root)
    return sorted(operations_in(specs))


def operations_in(specs: SpecSet) -> Iterator[tuple[str, str]]:
    paths = specs.root_node.get("paths")
    if paths is None or not isinstance(paths.value, dict):
        return
    for path in paths.value:
        item = specs.deref(paths.child(path))
        if isinstance(item.value, dict):
            yield from ((m.upper(), path) for m in item.value if m in HTTP_METHODS)


# Lists, through the client, the public methods of every resource attribute (sync client).
METHODS_PROBE = """\
import functools, importlib, inspect, json, sys
module = importlib.import_module(sys.argv[1] + "._client")
client_class = next(
    getattr(module, name) for name in module.__all__ if "Async" + name in module.__all__
)
# A made-up value for each credential the client takes (api_key=, token=, password=, ...).
client = client_class(**{
    name: "k" for name, parameter in inspect.signature(client_class).parameters.items()
    if parameter.annotation == "str | None" and name != "base_url"
})
groups = [
    name for name, value in vars(client_class).items()
    if isinstance(value, functools.cached_property) and not name.startswith("with_")
]
# Resources only: `client.webhooks` parses what the API sends, it calls no operation.
groups = [
    name for name in groups
    if type(getattr(client, name)).__module__.startswith(sys.argv[1] + ".resources.")
]
print(json.dumps(sorted(
    f"{group}.{method}"
    for group in groups
    for method in dir(getattr(client, group))
    if not method.startswith("_") and method not in ("with_raw_response", "with_streaming_response")
)))
"""

IMPORT_PROBE = """\
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, sys.argv[1] + ".")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_operation_is_a_method(sdk: Generated) -> None:
    operations = spec_operations(sdk.spec)
    result = run([sys.executable, "-c", METHODS_PROBE, sdk.spec.name], sdk.sdk)
    assert result.returncode == 0, describe(result)
    methods = json.loads(result.stdout)
    assert len(methods) == len(operations), (
        f"{len(operations)} operations in the spec, {len(methods)} methods on the client"
    )


def test_file_names_are_portable(sdk: Generated) -> None:
    """Windows, macOS and Linux can all hold the tree (sdkwright/output/portable.py)."""
    paths = [p.relative_to(sdk.sdk).as_posix() for p in sdk.sdk.rglob("*") if p.is_file()]
    assert len(paths) > 10
    assert portable.problems(paths) == []


def test_every_module_imports(sdk: Generated) -> None:
    result = run([sys.executable, "-c", IMPORT_PROBE, sdk.spec.name], sdk.sdk)
    assert result.returncode == 0, describe(result)
    assert int(result.stdout.strip()) > 10  # the runtime modules at least


def test_mypy_strict_is_clean(sdk: Generated) -> None:
    if sdk.spec.mypy_tests:
        result = mypy_strict(sdk.sdk, sdk.spec.name)
    else:
        cache = warm_mypy_cache(sdk.sdk / ".mypy_cache")
        command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache)]
        result = run([*command, sdk.spec.name], sdk.sdk)
    assert result.returncode == 0, describe(result)


def run_sharded(sdk: Path, shards: int = SHARDS) -> list[subprocess.CompletedProcess[str]]:
    """The SDK's tests of its operations as `shards` pytest processes at once (files dealt
    out in turn), so a large SDK's run uses every core; one shard when there are no test
    files. The client's own tests (`CLIENT_TESTS`) run apart."""
    files = sorted(
        str(path.relative_to(sdk))
        for path in (sdk / "tests").glob("test_*.py")
        if str(path.relative_to(sdk)) not in (*CLIENT_TESTS, README_TESTS)
    )
    groups = [files[index::shards] for index in range(shards) if files[index::shards]]
    command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"]
    every_test = ["tests", *WITHOUT_CLIENT_TESTS, "--ignore", README_TESTS]
    processes = [
        subprocess.Popen(
            [*command, *(group or every_test)], cwd=sdk, stdout=PIPE, stderr=PIPE, text=True
        )
        for group in groups or [[]]
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=1800)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_generated_client_tests_pass(sdk: Generated) -> None:
    """The client's own tests (headers, errors, retries, timeouts, raw responses,
    environment), through one of the API's methods."""
    command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"]
    result = run([*command, *CLIENT_TESTS], sdk.sdk)
    assert result.returncode == 0, describe(result)
    assert re.search(r"\b[1-9]\d* passed\b", result.stdout), describe(result)


def test_readme_snippets_run(sdk: Generated) -> None:
    """Every Python snippet of the README and api.md, run against the spec's examples."""
    blocks = sum(
        (sdk.sdk / doc).read_text(encoding="utf-8").count("```python\n")
        for doc in ("README.md", "api.md")
    )
    command = [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"]
    result = run([*command, str(README_TESTS)], sdk.sdk)
    assert result.returncode == 0, describe(result)
    assert re.search(rf"\b{blocks + 1} passed\b", result.stdout), describe(result)


def test_generated_tests_pass(sdk: Generated) -> None:
    """A sync and an async test per operation, and one per payload the API sends (webhooks,
    callbacks): a webhook-only spec's SDK has tests too (pytest exited 5, none collected)."""
    results = run_sharded(sdk.sdk)
    operations = len(spec_operations(sdk.spec))
    payloads = sdk.sdk / "tests" / "test_webhook_payloads.py"
    payload_tests = payloads.read_text().count("def test_") if payloads.exists() else 0
    assert operations + payload_tests > 0, "an SDK without a single test"
    failed = [
        name
        for result in results
        for name in re.findall(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.MULTILINE)
    ]
    for result in results:
        assert result.returncode == 0, f"{len(failed)} failing: {failed[:20]}\n{describe(result)}"
    passed = sum(int(n) for r in results for n in re.findall(r"\b(\d+) passed\b", r.stdout))
    assert passed == 2 * operations + payload_tests
