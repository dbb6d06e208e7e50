"""Issue 15's typed ergonomics: what users type is well typed and sent the same.

For each SDK, two user files make the same calls: one with Literal strings and dict bodies
(what people type, as with the SDKs they know), one with enum members and models. Both must
pass `mypy --strict`, run against `httpx.MockTransport`, and send identical requests.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

from helpers import GENERATED, SHARED_SPECS, describe, needs_shared_specs, run, sdkwright

# A whole array body of models whose wire names are no Python names, nested, with enums.
ALIASED_SPEC = """
openapi: 3.1.0
info: {title: Aliased, version: "1"}
paths:
  /items:
    post:
      operationId: put_items
      parameters:
        - {name: sort, in: query, schema: {$ref: "#/components/schemas/Sort"}}
        - {name: code, in: query, schema: {$ref: "#/components/schemas/Code"}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: array, items: {$ref: "#/components/schemas/Item"}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Item"}}
components:
  schemas:
    Sort: {type: string, enum: [ASC, DESC]}
    Code: {type: string, enum: [CODES]}
    Level: {type: integer, enum: [1, 2]}
    Item:
      type: object
      required: [item-id, kind]
      properties:
        item-id: {type: string}
        kind: {type: string, enum: [small, large]}
        code: {$ref: "#/components/schemas/Code"}
        level: {$ref: "#/components/schemas/Level"}
        Detail: {$ref: "#/components/schemas/Detail"}
    Detail:
      type: object
      properties:
        note-text: {type: string}
        levels: {type: array, items: {$ref: "#/components/schemas/Level"}}
"""

# Code has more values than are written inline: an alias, `CodeValues`, names them.
ALIASED_SPEC = ALIASED_SPEC.replace("CODES", ", ".join(f"c{i}" for i in range(70)))

RECORDER = """
import json
import httpx

sent: list[object] = []


def record(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content) if request.content else None
    sent.append([request.method, str(request.url), body])
    return httpx.Response(200, json={RESPONSE})


http_client = httpx.Client(transport=httpx.MockTransport(record))
"""

ALIASED_LITERALS = """
from aliased import Aliased

client = Aliased(http_client=http_client, base_url="https://example.test")
items = client.items.put_items(
    sort="DESC",
    code="c69",
    body=[
        {
            "item_id": "a",
            "kind": "small",
            "level": 2,
            "detail": {"note_text": "n", "levels": [1]},
            "code": "c1",
        },
        {"item_id": "b", "kind": "large"},
    ],
)
kind: str = items[0].kind
code: str | None = items[0].code
assert code == "c5" and type(code) is str  # the plain value, matching the alias's Literal
print(json.dumps(sent))
"""

ALIASED_MODELS = """
from aliased import Aliased
from aliased.types import Code, Detail, Item, ItemKind, Level, Sort

client = Aliased(http_client=http_client, base_url="https://example.test")
items = client.items.put_items(
    sort=Sort.DESC,
    code=Code.C69,
    body=[
        Item(
            item_id="a",
            kind=ItemKind.SMALL,
            level=Level.VALUE_2,
            detail=Detail(note_text="n", levels=[Level.VALUE_1]),
            code=Code.C1,
        ),
        Item(item_id="b", kind=ItemKind.LARGE),
    ],
)
kind: str = items[0].kind
code: str | None = items[0].code
assert code == "c5" and type(code) is str  # the plain value, matching the alias's Literal
print(json.dumps(sent))
"""

KITCHENSINK_LITERALS = """
from kitchensink import KitchenSink

client = KitchenSink(http_client=http_client, api_key="k", base_url="https://example.test")
client.pets.list_pets(status="pending", page_size=1)
client.stores.create_order(store_code="s1", pet_id=1, priority=3)
client.pets.put_pet(
    pet_id=1,
    body={"pet_type": "dog", "name": "Rex", "status": "sold", "category": {"id": 1, "name": "c", "children": []}},
)
print(json.dumps(sent))
"""

KITCHENSINK_MODELS = """
from kitchensink import KitchenSink
from kitchensink.types import Category, Dog, PetStatus, Priority

client = KitchenSink(http_client=http_client, api_key="k", base_url="https://example.test")
client.pets.list_pets(status=PetStatus.PENDING, page_size=1)
client.stores.create_order(store_code="s1", pet_id=1, priority=Priority.VALUE_3)
client.pets.put_pet(
    pet_id=1,
    body=Dog(pet_type="dog", name="Rex", status=PetStatus.SOLD, category=Category(id=1, name="c", children=[])),
)
print(json.dumps(sent))
"""

CLEARSTREET_LITERALS = """
from clearstreet import ClearStreet

client = ClearStreet(http_client=http_client, api_key="k")
client.positions.get_positions(account_id=1, sort_by="SYMBOL", sort_direction="DESC")
client.orders.submit_orders(
    account_id=1,
    body=[{"order_type": "LIMIT", "quantity": "1", "side": "BUY", "time_in_force": "DAY", "symbol": "AAPL", "limit_price": "1.5"}],
)
client.orders.replace_order(account_id=1, order_id="o", trailing_offset_type="BPS")
client.positions.close_positions(account_id=1, body={"cancel_orders": True})
client.positions.submit_position_instructions(
    account_id=1, body=[{"instruction_type": "EXERCISE", "instrument_id": "i", "quantity": "1"}]
)
print(json.dumps(sent))
"""

CLEARSTREET_MODELS = """
from clearstreet import ClearStreet
from clearstreet.types import (
    ClosePositionRequest,
    GetPositionsSortBy,
    GetPositionsSortDirection,
    NewOrderRequest,
    PositionInstructionSubmissionRequest,
    PositionInstructionType,
    RequestOrderType,
    RequestTimeInForce,
    Side,
    TrailingOffsetType,
)

client = ClearStreet(http_client=http_client, api_key="k")
client.positions.get_positions(
    account_id=1, sort_by=GetPositionsSortBy.SYMBOL, sort_direction=GetPositionsSortDirection.DESC
)
client.orders.submit_orders(
    account_id=1,
    body=[
        NewOrderRequest(
            order_type=RequestOrderType.LIMIT,
            quantity="1",
            side=Side.BUY,
            time_in_force=RequestTimeInForce.DAY,
            symbol="AAPL",
            limit_price="1.5",
        )
    ],
)
client.orders.replace_order(account_id=1, order_id="o", trailing_offset_type=TrailingOffsetType.BPS)
client.positions.close_positions(account_id=1, body=ClosePositionRequest(cancel_orders=True))
client.positions.submit_position_instructions(
    account_id=1,
    body=[
        PositionInstructionSubmissionRequest(
            instruction_type=PositionInstructionType.EXERCISE, instrument_id="i", quantity="1"
        )
    ],
)
print(json.dumps(sent))
"""


def user_file(body: str, response: str) -> str:
    return RECORDER.replace("{RESPONSE}", response) + textwrap.dedent(body)


def check_both_ways(
    sdk: Path, package: str, response: str, literals: str, models: str
) -> list[object]:
    """Both user files pass mypy --strict and send the same requests, which are returned."""
    (sdk / "user_literals.py").write_text(user_file(literals, response))
    (sdk / "user_models.py").write_text(user_file(models, response))
    checked = run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "user_literals.py",
            "user_models.py",
        ],
        sdk,
    )
    assert checked.returncode == 0, describe(checked)
    sent = []
    for name in ("user_literals.py", "user_models.py"):
        result = run([sys.executable, name], sdk)
        assert result.returncode == 0, describe(result)
        sent.append(json.loads(result.stdout.splitlines()[-1]))
    assert sent[0] == sent[1]
    return list(sent[0])


def test_aliased_bodies_and_enums(tmp_path: Path) -> None:
    spec = tmp_path / "aliased.yaml"
    spec.write_text(ALIASED_SPEC)
    out = tmp_path / "aliased"
    result = sdkwright(
        "generate", spec, "-o", out, "--package", "aliased", "--client-name", "Aliased"
    )
    assert result.returncode == 0, describe(result)
    readme = (out / "README.md").read_text()
    assert '`sort=` of `client.items.put_items` takes the value as it is,\n`"ASC"`' in readme
    assert "`Sort.ASC`" in readme and '`Sort("NEW_VALUE")`' in readme
    assert "`body=` of `client.items.put_items` takes `Item` models" in readme
    assert "`ItemParam`" in readme
    response = '[{"item-id": "a", "kind": "small", "level": 2, "code": "c5"}]'
    sent = check_both_ways(out, "aliased", response, ALIASED_LITERALS, ALIASED_MODELS)
    assert sent == [
        [
            "POST",
            "https://example.test/items?sort=DESC&code=c69",
            [
                {
                    "item-id": "a",
                    "kind": "small",
                    "level": 2,
                    "Detail": {"note-text": "n", "levels": [1]},
                    "code": "c1",
                },
                {"item-id": "b", "kind": "large"},
            ],
        ]
    ]


def test_kitchensink(tmp_path: Path) -> None:
    sdk = tmp_path / "kitchensink"
    shutil.copytree(GENERATED / "kitchensink", sdk, ignore=shutil.ignore_patterns("__pycache__"))
    response = '{"pet_type": "dog", "name": "Rex", "id": 1}'
    sent = check_both_ways(sdk, "kitchensink", response, KITCHENSINK_LITERALS, KITCHENSINK_MODELS)
    assert "status=pending" in str(sent[0][1])
    assert sent[1][2]["priority"] == 3
    assert sent[2][2]["status"] == "sold" and sent[2][2]["category"]["children"] == []


@needs_shared_specs
def test_full_clearstreet(tmp_path: Path) -> None:
    out = tmp_path / "clearstreet"
    spec = SHARED_SPECS / "clearstreet-trading-3.1.json"
    result = sdkwright(
        "generate", spec, "-o", out, "--package", "clearstreet", "--client-name", "ClearStreet"
    )
    assert result.returncode == 0, describe(result)
    response = '{"metadata": {"request_id": "r"}, "data": []}'
    sent = check_both_ways(out, "clearstreet", response, CLEARSTREET_LITERALS, CLEARSTREET_MODELS)
    assert "sort_by=SYMBOL" in str(sent[0][1])
    assert sent[1][2] == [
        {
            "order_type": "LIMIT",
            "quantity": "1",
            "side": "BUY",
            "time_in_force": "DAY",
            "symbol": "AAPL",
            "limit_price": "1.5",
        }
    ]
    assert sent[3][2] == {"cancel_orders": True}


def test_the_readme_says_so_only_where_the_api_has_enum_arguments_or_whole_bodies() -> None:
    assert (
        "## Enums and request bodies" not in (GENERATED / "clearstreet" / "README.md").read_text()
    )
    typeddict = (GENERATED / "kitchensink_typeddict" / "README.md").read_text()
    assert "## Enums and request bodies" not in typeddict  # its enums are Literal aliases
