"""The config file (`sdkwright.yaml` or `[tool.sdkwright]`): targets with flavours, options,
template folders and name overrides; every mistake a located diagnostic, never a traceback."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from helpers import REPO, sdkwright
from sdkwright import flavours
from sdkwright.config import (
    NameOverrides,
    Target,
    load_targets,
    target_options,
    template_folders,
)
from sdkwright.config_files import find_config
from sdkwright.diagnostics import GenerationFailed

BASE = """\
targets:
  - name: shop
    spec: shop.yaml
    output: out
    package: shop
"""


def write(folder: Path, text: str, name: str = "sdkwright.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text))
    return path


def failure(path: Path) -> tuple[str, str, int, int, str]:
    """(code, message, line, column, pointer) of the one diagnostic loading `path` gives."""
    with pytest.raises(GenerationFailed) as raised:
        load_targets(path)
    (diagnostic,) = raised.value.diagnostics
    where = diagnostic.location
    assert where is not None and where.file == str(path)
    return diagnostic.code, diagnostic.message, where.line, where.column, where.pointer


def test_a_target_reads_its_flavour_options_templates_and_names(tmp_path: Path) -> None:
    (tmp_path / "sdk-templates").mkdir()
    path = write(
        tmp_path,
        BASE
        + """\
    flavour: datamodel-code-generator
    options: {output_model_type: dataclasses, client: requests}
    templates: sdk-templates
    names:
      operations: {listItems: all_items}
      schemas: {Item: Product}
      tags: {Items: catalogue}
""",
    )
    (target,) = load_targets(path)
    assert target.flavour == "datamodel-code-generator"
    assert target.options == (("client", "requests"), ("output_model_type", "dataclasses"))
    assert target.templates == tmp_path / "sdk-templates"
    assert target.names == NameOverrides(
        (("listItems", "all_items"),), (("Item", "Product"),), (("Items", "catalogue"),)
    )
    plan = target.plan()
    assert plan.folders == ("datamodel", "requests", "httpx")
    assert (plan.asynchronous, plan.model_type, plan.http) == (False, "dataclasses", "requests")
    folders = template_folders(target)
    assert folders[0] == str(tmp_path / "sdk-templates")
    assert [Path(f).name for f in folders[1:]] == ["datamodel", "requests", "httpx"]


def test_the_defaults_keep_what_manifests_already_record(tmp_path: Path) -> None:
    """An httpx target without options records the same options as before flavours, and
    the SDK's own version and license (their defaults)."""
    (target,) = load_targets(write(tmp_path, BASE))
    assert (target.flavour, target.options, target.templates) == ("httpx", (), None)
    assert not target.names
    assert target_options(target) == {
        "package": "shop",
        "client_name": "Shop",
        "flavour": "httpx",
        "version": "0.1.0",
        "license": "Apache-2.0",
    }


def test_options_and_names_are_part_of_the_recorded_options(tmp_path: Path) -> None:
    target = Target(
        "shop",
        tmp_path / "shop.yaml",
        tmp_path / "out",
        "shop",
        "Shop",
        flavour="datamodel-code-generator",
        options=(("output_model_type", "dataclasses"),),
        names=NameOverrides(schemas=(("Item", "Product"),)),
    )
    options = target_options(target)
    assert json.loads(options["flavour_options"]) == {"output_model_type": "dataclasses"}
    assert json.loads(options["names"])["schemas"] == {"Item": "Product"}


def test_the_surface_is_a_recorded_option(tmp_path: Path) -> None:
    """`surface: stainless` changes what is generated, so the manifest records it; the
    default records nothing (manifests from before the key stay as they were)."""
    (plain,) = load_targets(write(tmp_path, BASE))
    assert plain.surface == "sdkwright" and "surface" not in target_options(plain)
    (stainless,) = load_targets(write(tmp_path, BASE + "    surface: stainless\n"))
    assert stainless.surface == "stainless"
    assert target_options(stainless)["surface"] == "stainless"


def test_the_language_is_a_recorded_option(tmp_path: Path) -> None:
    """`language: typescript` selects the TypeScript target and its templates; Python stays
    the default and records nothing new (its manifests stay byte-identical)."""
    (plain,) = load_targets(write(tmp_path, BASE))
    assert plain.is_python and "language" not in target_options(plain)
    (typescript,) = load_targets(write(tmp_path, BASE + "    language: typescript\n"))
    assert not typescript.is_python
    assert target_options(typescript)["language"] == "typescript"
    assert "flavour" not in target_options(typescript)
    # The runtime it copies is hashed with its templates: editing it makes the SDK stale.
    assert [Path(f).name for f in template_folders(typescript)] == ["typescript", "runtime_ts"]


@pytest.mark.parametrize("version", ["0.1.0", "1.4.0", "2.0.0-rc.1", "1.0.0+build.7"])
def test_a_target_has_its_own_semantic_version(tmp_path: Path, version: str) -> None:
    (target,) = load_targets(write(tmp_path, BASE + f'    version: "{version}"\n'))
    assert target.version == version
    (default,) = load_targets(write(tmp_path, BASE))
    assert default.version == "0.1.0"


@pytest.mark.parametrize(
    ("extra", "code", "message", "line", "column", "pointer"),
    [
        (
            "    flavour: reqests\n",
            "config.invalid",
            "unknown flavour 'reqests'",
            6,
            14,
            "/targets/0/flavour",
        ),
        (
            "    flavour: datamodel-code-generator\n    options: {output_model_type: pydantic_v1}\n",
            "config.invalid",
            "option 'output_model_type' of flavour 'datamodel-code-generator' is 'pydantic_v1'",
            7,
            34,
            "/targets/0/options/output_model_type",
        ),
        (
            "    options: {colour: blue}\n",
            "config.invalid",
            "flavour 'httpx' has no option 'colour'",
            6,
            23,
            "/targets/0/options/colour",
        ),
        ("    colour: blue\n", "config.invalid", "unknown key 'colour'", 6, 5, "/targets/0/colour"),
        (
            "    templates: nowhere\n",
            "config.invalid",
            "templates folder 'nowhere' does not exist",
            6,
            16,
            "/targets/0/templates",
        ),
        (
            "    names: {operations: {listItems: List-Items}}\n",
            "config.name",
            "'List-Items' is not a usable name for operation 'listItems'",
            6,
            37,
            "/targets/0/names/operations/listItems",
        ),
        (
            "    names: {schemas: {Item: item}}\n",
            "config.name",
            "'item' is not a usable name for schema 'Item'",
            6,
            29,
            "/targets/0/names/schemas/Item",
        ),
        (
            "    version: v1.0\n",
            "config.invalid",
            "'version' must be a semantic version such as '1.4.0', not 'v1.0'",
            6,
            14,
            "/targets/0/version",
        ),
        (
            "    version: 1.2\n",
            "config.invalid",
            "'version' must be a semantic version such as '1.4.0', not 1.2",
            6,
            14,
            "/targets/0/version",
        ),
        (
            "    webhooks: {signature: hmac}\n",
            "config.invalid",
            "unknown webhook signature 'hmac'",
            6,
            27,
            "/targets/0/webhooks/signature",
        ),
        (
            "    webhooks: {secret: x}\n",
            "config.invalid",
            "unknown key 'secret' in webhooks",
            6,
            16,
            "/targets/0/webhooks/secret",
        ),
        (
            "    surface: speakeasy\n",
            "config.invalid",
            "'surface' must be one of ['sdkwright', 'stainless'], not 'speakeasy'",
            6,
            14,
            "/targets/0/surface",
        ),
        (
            "    language: rust\n",
            "config.invalid",
            "'language' must be one of ['python', 'typescript'], not 'rust'",
            6,
            15,
            "/targets/0/language",
        ),
        (
            "    language: typescript\n    flavour: requests\n",
            "config.invalid",
            "'flavour' is a Python target's setting, not a typescript target's",
            7,
            14,
            "/targets/0/flavour",
        ),
        (
            "    language: typescript\n    surface: stainless\n",
            "config.invalid",
            "the typescript target does not support 'surface' yet",
            7,
            14,
            "/targets/0/surface",
        ),
        (
            "    names: {models: {}}\n",
            "config.invalid",
            "unknown key 'models' in names",
            6,
            13,
            "/targets/0/names/models",
        ),
    ],
)
def test_mistakes_are_located_diagnostics(
    tmp_path: Path, extra: str, code: str, message: str, line: int, column: int, pointer: str
) -> None:
    found = failure(write(tmp_path, BASE + extra))
    assert found[0] == code
    assert message in found[1]
    assert found[2:] == (line, column, pointer)


def test_invalid_yaml_is_located(tmp_path: Path) -> None:
    code, message, line, column, _ = failure(write(tmp_path, "targets:\n  - name: a\n   spec: x\n"))
    assert (code, line, column) == ("config.invalid", 3, 4)
    assert "not valid YAML" in message


def test_two_targets_may_not_share_a_name(tmp_path: Path) -> None:
    entry = BASE.removeprefix("targets:\n")
    code, message, line, _, pointer = failure(write(tmp_path, BASE + entry))
    assert (code, line, pointer) == ("config.invalid", 6, "/targets/1/name")
    assert "already used by target 0" in message


def test_pyproject_tool_table_declares_targets(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        [project]
        name = "shop"

        [[tool.sdkwright.targets]]
        name = "shop"
        spec = "shop.yaml"
        output = "out"
        package = "shop"
        flavour = "requests"
        """,
        "pyproject.toml",
    )
    nested = tmp_path / "src" / "deeper"
    nested.mkdir(parents=True)
    assert find_config(nested) == path
    (target,) = load_targets(path)
    assert (target.name, target.flavour, target.output) == ("shop", "requests", tmp_path / "out")


def test_pyproject_mistakes_are_located_too(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[tool.sdkwright.targets]]\nname = "a"\nspec = "a.yaml"\noutput = "o"\npackage = "A"\n',
        "pyproject.toml",
    )
    code, _, line, column, pointer = failure(path)
    assert (code, line, column, pointer) == ("config.package", 5, 1, "/targets/0/package")


def test_sdkwright_yaml_wins_over_a_pyproject_beside_it(tmp_path: Path) -> None:
    write(tmp_path, "[tool.sdkwright]\ntargets = []\n", "pyproject.toml")
    config = write(tmp_path, BASE)
    assert find_config(tmp_path) == config
    write(tmp_path, "[project]\nname = 'x'\n", "pyproject.toml")
    (tmp_path / "sdkwright.yaml").unlink()
    assert find_config(tmp_path) is None  # a pyproject without [tool.sdkwright] is not a config


def test_the_cli_exits_2_on_a_bad_config(tmp_path: Path) -> None:
    write(tmp_path, BASE + "    flavour: reqests\n")
    result = sdkwright("generate", cwd=tmp_path)
    assert result.returncode == 2
    assert "sdkwright.yaml:6:14: error[config.invalid]: unknown flavour 'reqests'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_repository_declares_every_built_in_flavour() -> None:
    targets = load_targets(REPO / "sdkwright.yaml")
    declared = {(t.flavour, dict(t.options).get("output_model_type", "")) for t in targets}
    assert {
        ("httpx", ""),
        ("requests", ""),
        ("datamodel-code-generator", "dataclasses"),
        ("datamodel-code-generator", "typeddict"),
        ("datamodel-code-generator", "msgspec"),
    } <= declared
    for spec in ("clearstreet.yaml", "kitchensink.yaml"):
        assert {t.flavour for t in targets if t.spec.name == spec} == set(flavours.names())


def test_the_registry_refuses_a_second_flavour_of_the_same_name() -> None:
    httpx = flavours.get("httpx")
    assert httpx is not None
    with pytest.raises(ValueError, match="already registered"):
        flavours.register(httpx)
    assert flavours.names() == ["datamodel-code-generator", "httpx", "requests"]
