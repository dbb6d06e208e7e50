"""A union's titled inline variants on the Stainless surface (issue 19), end to end: the SDK
generated with `surface: stainless` binds them under their titles in the union's module and
at the union's Stainless path (`types/v1/action.py`), as the same classes, and type-checks."""

from __future__ import annotations

import importlib
import textwrap
from pathlib import Path

import orders_sdk
import pytest
from helpers import describe, mypy_strict, sdkwright

SPEC = """\
openapi: 3.1.0
info: {title: Acts, version: "1"}
servers: [{url: https://acts.example}]
paths:
  /act:
    get:
      operationId: act
      responses:
        "200":
          description: an action
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Action"}
components:
  schemas:
    Chart: {type: object, required: [symbol], properties: {symbol: {type: string}}}
    Action:
      oneOf:
        - title: OpenChart
          type: object
          required: [open_chart]
          properties: {open_chart: {$ref: "#/components/schemas/Chart"}}
        - title: Chart
          type: object
          required: [chart_id]
          properties: {chart_id: {type: string}}
        - type: object
          required: [plain]
          properties: {plain: {type: string}}
        - $ref: "#/components/schemas/Chart"
"""
CONFIG = """\
targets:
  - name: acts
    spec: acts.yaml
    output: sdk
    package: acts
    client_name: Acts
    surface: stainless
    resources:
      v1:
        models: [acts.types.v1.Action, acts.types.v1.Chart]
        methods:
          act:
            endpoint: get /act
            response: acts.types.v1.Action
"""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("union-modules")
    (folder / "acts.yaml").write_text(SPEC)
    (folder / "sdkwright.yaml").write_text(textwrap.dedent(CONFIG))
    result = sdkwright("generate", cwd=folder)
    assert result.returncode == 0, describe(result)
    return folder / "sdk"


def test_the_union_s_module_binds_its_titled_variants(sdk: Path) -> None:
    with orders_sdk.imported(sdk, "acts"):
        at_path = importlib.import_module("acts.types.v1.action")
        union = importlib.import_module("acts.types.action")
        # `Chart` is a member's name in the module: that variant keeps only its own name
        assert at_path.__all__ == ["Action", "OpenChart"]
        assert at_path.OpenChart is union.OpenChart is union.ActionOpenChart
        assert at_path.Action is union.Action
        chart = at_path.OpenChart.model_validate({"open_chart": {"symbol": "AAPL"}})
        assert chart.open_chart.symbol == "AAPL"
        assert union.Chart.__name__ == "Chart" and union.ActionChart is not union.Chart


def test_the_sdk_type_checks(sdk: Path) -> None:
    checked = mypy_strict(sdk, "acts")
    assert checked.returncode == 0, describe(checked)
