"""`client.webhooks`: deliveries the API sends, verified as Standard Webhooks says where the
target declares it, and parsed into their models.

Deliveries are signed here by the `standardwebhooks` library itself (the reference
implementation of the specification), so a passing test means interoperability, not
agreement with ourselves.
"""

from __future__ import annotations

import base64
import datetime
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import describe, mypy_strict, ruff_check, sdkwright
from standardwebhooks.webhooks import Webhook

SPEC = """\
openapi: 3.1.0
info: {title: Pet Events, version: "1"}
webhooks:
  newPet:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Pet"}
      responses: {"200": {description: received}}
  orderShipped:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Shipment"}
      responses: {"200": {description: received}}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties: {id: {type: integer}, name: {type: string}}
    Shipment:
      type: object
      required: [order_id, carrier]
      properties: {order_id: {type: string}, carrier: {type: string}}
"""
CONFIG = """\
targets:
  - name: events
    spec: events.yaml
    output: sdk
    package: petevents
    client_name: PetEvents
    webhooks: {signature: standard-webhooks}
"""
SECRET = "whsec_" + base64.b64encode(b"a secret of thirty-two bytes ...").decode()
PET = {"id": 7, "name": "Rex"}
SHIPMENT = {"order_id": "o-1", "carrier": "post"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("webhooks")
    (root / "events.yaml").write_text(SPEC)
    (root / "sdkwright.yaml").write_text(CONFIG)
    result = sdkwright("generate", cwd=root)
    assert result.returncode == 0, describe(result)
    return root


@pytest.fixture(scope="module")
def sdk(project: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(project / "sdk"))
    try:
        yield importlib.import_module("petevents")
    finally:
        sys.path.remove(str(project / "sdk"))
        for name in [m for m in sys.modules if m.split(".")[0] == "petevents"]:
            del sys.modules[name]


def signed(
    body: dict[str, Any], secret: str = SECRET, age_s: int = 0
) -> tuple[bytes, dict[str, str]]:
    """A delivery as the API sends it: the body and its Standard Webhooks headers."""
    payload = json.dumps(body).encode()
    when = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=age_s)
    signature = Webhook(secret).sign("msg_1", when, payload)
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(when.timestamp())),
        "webhook-signature": signature,
    }
    return payload, headers


def test_a_signed_delivery_is_verified_and_parsed_into_its_model(sdk: ModuleType) -> None:
    client = sdk.PetEvents(base_url="http://127.0.0.1:9")
    webhooks = importlib.import_module("petevents.webhooks")
    pet_type = importlib.import_module("petevents.types.pet").Pet
    shipment_type = importlib.import_module("petevents.types.shipment").Shipment
    payload, headers = signed(PET)
    event = client.webhooks.unwrap(payload, headers, secret=SECRET)
    assert isinstance(event, pet_type) and (event.id, event.name) == (7, "Rex")
    payload, headers = signed(SHIPMENT)
    event = client.webhooks.unwrap(payload.decode(), headers, secret=SECRET)  # str bodies too
    assert isinstance(event, shipment_type) and event.carrier == "post"
    assert webhooks.WebhookEvent == pet_type | shipment_type
    async_client = sdk.AsyncPetEvents(base_url="http://127.0.0.1:9")
    assert isinstance(async_client.webhooks.unwrap(payload, headers, secret=SECRET), shipment_type)


def test_the_secret_comes_from_the_environment_when_not_given(
    sdk: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = sdk.PetEvents(base_url="http://127.0.0.1:9")
    payload, headers = signed(PET)
    monkeypatch.delenv("PET_EVENTS_WEBHOOK_SECRET", raising=False)
    with pytest.raises(ValueError, match="PET_EVENTS_WEBHOOK_SECRET"):
        client.webhooks.unwrap(payload, headers)
    monkeypatch.setenv("PET_EVENTS_WEBHOOK_SECRET", SECRET)
    assert client.webhooks.unwrap(payload, headers).name == "Rex"


@pytest.mark.parametrize(
    "spoil",
    ["other secret", "changed body", "stale timestamp", "no signature", "secret not base64"],
)
def test_a_delivery_that_does_not_verify_is_refused(sdk: ModuleType, spoil: str) -> None:
    webhooks = importlib.import_module("petevents.webhooks")
    other = "whsec_" + base64.b64encode(b"another secret, thirty-two bytes").decode()
    payload, headers = signed(PET, other if spoil == "other secret" else SECRET)
    secret = SECRET
    if spoil == "changed body":
        payload = payload.replace(b"Rex", b"Max")
    elif spoil == "stale timestamp":  # the library's tolerance is five minutes
        payload, headers = signed(PET, age_s=3600)
    elif spoil == "no signature":
        del headers["webhook-signature"]
    elif spoil == "secret not base64":
        secret = "whsec_!!!"
    with pytest.raises(webhooks.WebhookVerificationError):
        sdk.PetEvents(base_url="http://127.0.0.1:9").webhooks.unwrap(
            payload, headers, secret=secret
        )


def test_unsafe_unwrap_parses_without_a_secret(sdk: ModuleType) -> None:
    event = sdk.PetEvents(base_url="http://127.0.0.1:9").webhooks.unsafe_unwrap(json.dumps(PET))
    assert event.name == "Rex"


def test_the_sdk_declares_the_extra_and_type_checks(project: Path) -> None:
    pyproject = (project / "sdk" / "pyproject.toml").read_text()
    assert 'webhooks = ["standardwebhooks>=1.3"]' in pyproject
    checked = mypy_strict(project / "sdk", "petevents")
    assert checked.returncode == 0, describe(checked)
    linted = ruff_check(project / "sdk")
    assert linted.returncode == 0, describe(linted)


def test_without_a_declared_signature_only_unsafe_unwrap_exists(tmp_path: Path) -> None:
    (tmp_path / "events.yaml").write_text(SPEC)
    result = sdkwright(
        "generate", tmp_path / "events.yaml", "-o", tmp_path / "sdk", "--package", "plain"
    )
    assert result.returncode == 0, describe(result)
    module = (tmp_path / "sdk" / "plain" / "webhooks.py").read_text()
    assert "def unsafe_unwrap(" in module and "def unwrap(" not in module
    assert "standardwebhooks" not in (tmp_path / "sdk" / "pyproject.toml").read_text()


def test_a_resource_group_named_webhooks_keeps_its_name(tmp_path: Path) -> None:
    """An API that manages its webhook endpoints has a `webhooks` group: the parser of
    deliveries then is `client.webhook_events`; both type-check."""
    spec = SPEC.replace(
        "webhooks:\n  newPet:",
        "paths:\n  /endpoints:\n    get:\n      operationId: listEndpoints\n      tags: [Webhooks]\n"
        "      responses: {'200': {description: ok}}\nwebhooks:\n  newPet:",
        1,
    )
    (tmp_path / "events.yaml").write_text(spec)
    result = sdkwright(
        "generate",
        tmp_path / "events.yaml",
        "-o",
        tmp_path / "sdk",
        "--package",
        "hooks",
        "--client-name",
        "Webhooks",
    )
    assert result.returncode == 0, describe(result)
    client = (tmp_path / "sdk" / "hooks" / "_client.py").read_text()
    assert "def webhooks(self) -> WebhooksResource:" in client  # the group (class renamed
    # because the client has its name)
    assert "def webhook_events(self) -> webhook_deliveries.Webhooks:" in client
    checked = mypy_strict(tmp_path / "sdk", "hooks")
    assert checked.returncode == 0, describe(checked)


def test_a_client_method_named_webhooks_keeps_its_name(tmp_path: Path) -> None:
    """The client's own methods (resources:, README "Resources") are client attributes too."""
    spec = SPEC.replace(
        "webhooks:\n  newPet:",
        "paths:\n  /endpoints:\n    get:\n      operationId: listEndpoints\n"
        "      responses: {'200': {description: ok}}\nwebhooks:\n  newPet:",
        1,
    )
    (tmp_path / "events.yaml").write_text(spec)
    (tmp_path / "sdkwright.yaml").write_text(
        "targets:\n  - name: hooks\n    spec: events.yaml\n    output: sdk\n    package: hooks\n"
        "    resources: {methods: {webhooks: get /endpoints}, admin: {}}\n"
    )
    result = sdkwright("generate", cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    client = (tmp_path / "sdk" / "hooks" / "_client.py").read_text()
    assert "self.webhooks = self._own_methods.webhooks" in client
    assert "def webhook_events(self) -> webhook_deliveries.Webhooks:" in client
    checked = mypy_strict(tmp_path / "sdk", "hooks")
    assert checked.returncode == 0, describe(checked)
