"""What the TypeScript target makes of a method's paging, events, uploads and OAuth (targets/
typescript/paging.py, uploads.py, naming.py; ir/responses.py's event type)."""

from __future__ import annotations

from pathlib import Path

from sdkwright.ir.build import build_api
from sdkwright.ir.nodes import FieldPath, ListOf, Named, Nullable, Primitive
from sdkwright.targets.typescript import naming
from sdkwright.targets.typescript.paging import read
from sdkwright.targets.typescript.render import render_sdk
from sdkwright.targets.typescript.uploads import upload_type
from spec_helpers import json_response, load, openapi, ref

ANY_PATH = Primitive("any")


def test_a_page_is_read_through_optional_chaining_quoting_odd_keys() -> None:
    path = FieldPath(("meta-data", "next", "caf\u00e9", "$x"), (True,) * 4, ANY_PATH)
    assert read(path) == ('(body) => body?.["meta-data"]?.next?.["caf\\u00e9"]?.$x')
    assert read(FieldPath((), (), ANY_PATH)) == "(body) => body"  # the response is the list


def test_binary_multipart_fields_take_uploads() -> None:
    assert upload_type(Primitive("bytes", "binary"), "Models.") == "Uploadable"
    assert upload_type(ListOf(Primitive("bytes")), "") == "Array<Uploadable>"
    assert upload_type(Nullable(Primitive("bytes")), "") == "Uploadable | null"
    assert upload_type(Named("Meta", "model"), "Models.") == "Models.Meta"
    assert upload_type(Primitive("str"), "") == "string"


EVENT = {"type": "object", "properties": {"id": {"type": "string"}}}


def _events(schema: dict[str, object], key: str = "schema") -> dict[str, object]:
    return {"description": "ok", "content": {"text/event-stream": {key: schema}}}


SPEC = openapi(
    schemas={"Event": EVENT},
    paths={
        "/a": {"get": {"operationId": "by_ref", "responses": {"200": _events(ref("Event"))}}},
        "/b": {"get": {"operationId": "inline", "responses": {"200": _events(EVENT)}}},
        "/c": {"get": {"operationId": "text", "responses": {"200": _events({"type": "string"})}}},
        "/d": {
            "get": {
                "operationId": "item_schema",
                "responses": {"200": _events(ref("Event"), key="itemSchema")},
            }
        },
        "/e": {"get": {"operationId": "json", "responses": {"200": json_response(ref("Event"))}}},
    },
)


def test_events_are_typed_by_the_component_their_schema_refers_to(tmp_path: Path) -> None:
    neutral, _ = build_api(load(tmp_path, SPEC))
    found = {op.operation_id: op.success for op in neutral.operations}
    typed = found["by_ref"].event_type
    assert typed is not None and found["item_schema"].event_type == typed
    # An inline schema would add a class only this use needs; text is no JSON: untyped.
    assert found["inline"].event_type is None and found["text"].event_type is None
    assert found["json"].event_type is None and found["by_ref"].type is None
    # Components only: the IR's definitions are what they were without event types.
    assert len(neutral.definitions) == 1
    _, files, _ = render_sdk(neutral, "feed", "Feed")
    resource = "".join(text for path, text in files.items() if path.startswith("src/resources/"))
    assert resource.count("APIPromise<EventStream<Models.Event>>") == 2
    assert resource.count("APIPromise<EventStream<unknown>>") == 2


def test_client_credentials_options_are_named_per_scheme(tmp_path: Path) -> None:
    flows = {"clientCredentials": {"tokenUrl": "https://auth.example/token", "scopes": {}}}
    spec = openapi(
        paths={"/p": {"get": {"operationId": "p", "responses": {"204": {"description": "ok"}}}}}
    )
    spec["components"] = {
        "securitySchemes": {
            "Main": {"type": "oauth2", "flows": flows},
            "Partner": {"type": "oauth2", "flows": flows},
        }
    }
    spec["security"] = [{"Main": []}]
    neutral, _ = build_api(load(tmp_path, spec))
    api, _ = naming.name_api(neutral, "acme", "Acme")
    main, partner = api.security_schemes
    assert (main.client_id_argument, main.client_secret_argument) == ("clientId", "clientSecret")
    assert (main.client_id_env_var, main.client_secret_env_var) == (
        "ACME_CLIENT_ID",
        "ACME_CLIENT_SECRET",
    )
    assert (partner.client_id_argument, partner.client_secret_argument) == (
        "partnerClientId",
        "partnerClientSecret",
    )
    assert partner.client_secret_env_var == "ACME_PARTNER_CLIENT_SECRET"
