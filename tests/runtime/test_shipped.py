"""The runtime as the SDKs get it: for every transport with every model type, the files are
the sources as they are after the banner, and together they pass `mypy --strict` on the
SDKs' oldest Python and the formatter's and ruff's checks with the generator's settings."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import describe, run
from sdkwright import flavours
from sdkwright.flavours.model_types import ModelType
from sdkwright.targets.python.format import LINE_LENGTH, TARGET, ruff_binary
from sdkwright.targets.python.runtime_files import SOURCE, runtime_files
from shared_run import warm_mypy_cache

BANNER = "# File generated from test.yaml by sdkwright. Do not edit: regenerate it instead."
TRANSPORTS = sorted(p.stem.removeprefix("http_") for p in SOURCE.glob("http_*.py"))
MODEL_TYPES = sorted(p.stem.removeprefix("models_") for p in SOURCE.glob("models_*.py"))
COMBINATIONS = list(itertools.product(TRANSPORTS, MODEL_TYPES))


def _files(http: str, model_type: str, package: str) -> dict[str, str]:
    models = ModelType(model_type, model_type, runtime=f"models_{model_type}.py")
    plan = flavours.Plan(
        (), flavours.RUNTIME_MODULES, True, models=models, http=http, transport=f"http_{http}.py"
    )
    return runtime_files(plan, package, BANNER)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every combination written as the package `rt_<http>_<model type>`."""
    root = tmp_path_factory.mktemp("shipped")
    for http, model_type in COMBINATIONS:
        package = f"rt_{http}_{model_type}"
        for path, text in _files(http, model_type, package).items():
            (root / path).parent.mkdir(exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        (root / package / "__init__.py").write_text("")
        (root / package / "py.typed").write_text("")
    return root


@pytest.mark.parametrize(("http", "model_type"), COMBINATIONS)
def test_the_files_are_the_sources_after_the_banner(http: str, model_type: str) -> None:
    files = _files(http, model_type, "acme")
    sources = {name: name for name in flavours.RUNTIME_MODULES}
    sources |= {"_http.py": f"http_{http}.py", "_models.py": f"models_{model_type}.py"}
    if http == "httpx":  # an async client over httpx: DefaultAioHttpClient too
        sources["_aiohttp.py"] = "_aiohttp.py"
    assert files == {
        f"acme/{name}": f"{BANNER}\n{(SOURCE / source).read_text(encoding='utf-8')}"
        for name, source in sources.items()
    }


def _built_in_plans() -> dict[str, flavours.Plan]:
    """Every built-in flavour's plan for every value of each of its options."""
    plans = {}
    for name in flavours.names():
        flavour = flavours.get(name)
        assert flavour is not None
        choices = [[(o.name, c) for c in o.choices] for o in flavour.options]
        for values in itertools.product(*choices):
            plans[f"{name} {dict(values)}"] = flavour.resolve(dict(values))
    return plans


def test_each_built_in_plan_copies_its_transport_and_its_model_types_support() -> None:
    plans = _built_in_plans()
    assert len(plans) >= 2 + 4 * 2  # httpx, requests, datamodel-code-generator's 4 x 2 clients
    for described, plan in plans.items():
        files = runtime_files(plan, "acme", BANNER)
        shipped_http = files["acme/_http.py"].removeprefix(f"{BANNER}\n")
        shipped_models = files["acme/_models.py"].removeprefix(f"{BANNER}\n")
        assert shipped_http == (SOURCE / f"http_{plan.http}.py").read_text("utf-8"), described
        expected = "pydantic" if plan.model_type in ("pydantic", "pydantic_v2") else plan.model_type
        assert shipped_models == (SOURCE / f"models_{expected}.py").read_text("utf-8"), described


def test_an_unknown_transport_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"no runtime module 'http_curl\.py'"):
        _files("curl", "pydantic", "acme")


@pytest.mark.slow
def test_every_combination_passes_mypy_strict_on_python_3_10(shipped: Path) -> None:
    packages = [arg for http, kind in COMBINATIONS for arg in ("-p", f"rt_{http}_{kind}")]
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10"),
            *("--cache-dir", str(warm_mypy_cache(shipped / ".mypy_cache")), *packages),
        ],
        cwd=shipped,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_combination_is_ruff_clean_and_formatted(shipped: Path) -> None:
    settings = ["--isolated", "--target-version", TARGET, "--line-length", LINE_LENGTH]
    lint = run(
        [ruff_binary(), "check", "--no-cache", *settings, "--extend-select", "I", "."], shipped
    )
    assert lint.returncode == 0, describe(lint)
    layout = run([ruff_binary(), "format", "--no-cache", "--check", *settings, "."], shipped)
    assert layout.returncode == 0, describe(layout)


@pytest.mark.parametrize(("http", "model_type"), COMBINATIONS)
def test_every_combination_imports(shipped: Path, http: str, model_type: str) -> None:
    code = (
        f"import rt_{http}_{model_type}._base_client as b\n"
        "client = b.SyncAPIClient(base_url='https://api.example.test')\n"
        "print(client.base_url)"
    )
    result = run([sys.executable, "-c", code], shipped)
    assert result.returncode == 0, describe(result)
    assert result.stdout.strip() == "https://api.example.test"
