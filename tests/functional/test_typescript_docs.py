"""The TypeScript SDKs' README.md and api.md are true for their API (issue 17): every
TypeScript snippet of both type-checks with `tsc --strict` as a module of its own, importing
the package by its name; the README calls every operation with the values its generated
tests send; api.md gives every method's signature exactly as its module declares it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import GENERATED, describe
from typescript_tools import built_sdk, check_snippets

GOLDENS = ["clearstreet_ts", "kitchensink_ts"]
# A method's declaration in a resource module, from its name to its body's brace.
DECLARATION = re.compile(
    r"^  ([A-Za-z_$][\w$]*)\(\n(.*?)^  \): ((?:API|Page)Promise<[^\n]*>) \{$", re.M | re.S
)
# A method's line in api.md: `- `signature`: `METHOD /path``.
LISTED = re.compile(r"^- `(.+?)`: `[A-Z]+ \S+`$", re.M)


def declared_signatures(sdk: Path) -> set[str]:
    """Each method of the SDK's resources as api.md spells it: a defaulted params object is
    optional, the SDK's types unqualified (users import them from the package)."""
    found = set()
    for module in (sdk / "src" / "resources").glob("*.ts"):
        for name, arguments, result in DECLARATION.findall(module.read_text(encoding="utf-8")):
            listed = [a.strip().rstrip(",") for a in arguments.strip().splitlines()]
            shown = [re.sub(r"^(\w+): (.*) = \{\}$", r"\1?: \2", a) for a in listed]
            found.add(f"{name}({', '.join(shown)}): {result}".replace("Models.", ""))
    return found


@pytest.mark.parametrize("golden", GOLDENS)
def test_every_snippet_type_checks(golden: str, tmp_path: Path) -> None:
    sdk = built_sdk(GENERATED / golden, tmp_path / "sdk")
    count, checked = check_snippets(sdk)
    operations = len(declared_signatures(sdk))
    # One in each section of the README about the client, one per operation; api.md's import
    # of every type.
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    sections = readme.split("\n## Operations\n")[0].split("\n## ")[1:]
    about = [s.split("\n", 1)[0] for s in sections if "```ts" in s]
    assert {"Usage", "Types", "Errors", "Retries and timeouts", "Raw responses"} <= set(about)
    assert all(s.count("```ts") <= 1 for s in sections)
    assert count == operations + len(about) + 1
    assert checked.returncode == 0, describe(checked)


@pytest.mark.parametrize("golden", GOLDENS)
def test_api_md_lists_every_method_as_declared(golden: str) -> None:
    sdk = GENERATED / golden
    listed = LISTED.findall((sdk / "api.md").read_text(encoding="utf-8"))
    assert len(listed) == len(set(listed))
    assert set(listed) == declared_signatures(sdk)


def test_the_readme_calls_every_operation() -> None:
    readme = (GENERATED / "kitchensink_ts" / "README.md").read_text(encoding="utf-8")
    sections = readme.split("\n## Operations\n", 1)[1].split("\n#### ")[1:]
    calls = [re.search(r"await (client\.[\w.]+)\(", s) for s in sections]
    assert [c.group(1) if c else None for c in calls] == [
        "client.pets.listPets",
        "client.pets.getPet",
        "client.pets.putPet",
        "client.pets.deletePet",
        "client.stores.getStore",
        "client.stores.getStoreInventory",
        "client.stores.createOrder",
        "client.misc.listCategories",
        "client.misc.getUserProfile",
        "client.misc.getDepartment",
    ]
    # The documented examples, as the generated tests send them.
    assert "await client.pets.getPet({ petId: 1 });" in readme
    assert '  apiKey: "My apiKey", // the default: the KITCHEN_SINK_API_KEY environment' in readme
