"""A generated SDK imports lazily: the package, `types` and `resources` load a module only when
one of its names is first used, so a large API's SDK imports at once (bench/bench_import.py),
while every public name stays reachable (and visible to type checkers, which
tests/functional/test_generated_sdks.py runs on these SDKs)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import GENERATED, copy_sdk, describe, run

PACKAGE = "kitchensink"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sdk(GENERATED / PACKAGE, tmp_path_factory.mktemp("lazy") / PACKAGE)


def probe(sdk: Path, code: str) -> Any:
    """What the code, run in a fresh interpreter in the SDK's folder, prints as JSON."""
    prelude = "import json, sys\nloaded = lambda prefix: sorted(m for m in sys.modules if m.startswith(prefix))\n"
    result = run([sys.executable, "-c", prelude + code], sdk)
    assert result.returncode == 0, describe(result)
    return json.loads(result.stdout)


def test_importing_the_package_loads_nothing_else(sdk: Path) -> None:
    found = probe(
        sdk,
        "import kitchensink\nprint(json.dumps([loaded('kitchensink'), 'httpx' in sys.modules]))",
    )
    assert found == [["kitchensink"], False]


def test_the_client_loads_no_resource_and_no_model(sdk: Path) -> None:
    code = "from kitchensink import KitchenSink\nKitchenSink(api_key='k')\nprint(json.dumps(loaded('kitchensink.')))"
    modules = probe(sdk, code)
    assert isinstance(modules, list)
    assert "kitchensink._client" in modules
    assert not [
        m for m in modules if m.startswith(("kitchensink.resources.", "kitchensink.types."))
    ]


def test_a_resource_loads_its_own_module_and_models_only(sdk: Path) -> None:
    code = (
        "from kitchensink import KitchenSink\n"
        "client = KitchenSink(api_key='k')\n"
        "client.stores\n"
        "print(json.dumps([loaded('kitchensink.resources.'), loaded('kitchensink.types.')]))"
    )
    found = probe(sdk, code)
    assert isinstance(found, list)
    resources, models = found
    assert resources == ["kitchensink.resources.stores"]
    assert models and "kitchensink.types.pet" not in models  # a model only pets use


# For each package: every name of its __all__ is, once used, the very object of the same name
# in the module beside it whose own __all__ lists it (or that module itself), and dir() has it.
RESOLVES_PROBE = """\
import importlib, pkgutil
problems, counts = [], []
for package_name in ("kitchensink", "kitchensink.types", "kitchensink.resources"):
    package = importlib.import_module(package_name)
    homes = {}
    for info in pkgutil.iter_modules(package.__path__, package_name + "."):
        module = importlib.import_module(info.name)
        homes[info.name.rpartition(".")[2]] = [module]
        for name in getattr(module, "__all__", []):
            homes.setdefault(name, []).append(getattr(module, name))
    for name in package.__all__:
        value = getattr(package, name)
        if not any(value is home for home in homes.get(name, [])):
            problems.append(package_name + "." + name)
        if name not in dir(package):
            problems.append(package_name + "." + name + " not in dir()")
    counts.append(len(package.__all__))
print(json.dumps([problems, counts]))
"""


def test_every_public_name_resolves_to_the_object_its_module_defines(sdk: Path) -> None:
    problems, counts = probe(sdk, RESOLVES_PROBE)
    assert problems == []
    models = len(list((sdk / PACKAGE / "types").glob("[!_]*.py")))
    groups = len(list((sdk / PACKAGE / "resources").glob("[!_]*.py")))
    assert counts == [24, models, 2 * groups]  # the package: 24 names with DefaultAioHttpClient


def test_star_imports_and_from_imports_still_work(sdk: Path) -> None:
    code = (
        "from kitchensink import *\n"
        "from kitchensink.types import *\n"
        "from kitchensink.types import Order\n"
        "print(json.dumps([c.__name__ for c in (KitchenSink, AsyncKitchenSink, NotFoundError, Order, Store)]))"
    )
    found = probe(sdk, code)
    assert found == ["KitchenSink", "AsyncKitchenSink", "NotFoundError", "Order", "Store"]


def test_an_unknown_name_is_an_attribute_error(sdk: Path) -> None:
    code = (
        "import kitchensink, kitchensink.types, kitchensink.resources\n"
        "errors = []\n"
        "for package in (kitchensink, kitchensink.types, kitchensink.resources):\n"
        "    try:\n"
        "        getattr(package, 'NoSuchName')\n"
        "    except AttributeError as error:\n"
        "        errors.append(str(error))\n"
        "print(json.dumps(errors))"
    )
    assert probe(sdk, code) == [
        f"module {name!r} has no attribute 'NoSuchName'"
        for name in ("kitchensink", "kitchensink.types", "kitchensink.resources")
    ]
