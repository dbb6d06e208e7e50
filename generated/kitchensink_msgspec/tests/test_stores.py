# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of `client.stores`: each request's shape, and the documented example
(or an instance synthesised from the schema) parsed and dumped back unchanged."""

from __future__ import annotations

import asyncio
from typing import ClassVar

import msgspec

from kitchensink_msgspec import AsyncKitchenSink, KitchenSink
from kitchensink_msgspec.types import Order, Store

from .conftest import MockAPI, json_body, query_pairs


class TestGetStore:
    """`GET /stores/{store_code}`."""

    response: ClassVar[object] = {
        "code": "north-1",
        "name": "North Side Pets",
        "address": {
            "street": "1 Main Street",
            "city": "Springfield",
            "postal_code": "12345",
            "country": "US",
        },
        "opening_hours": {"open": "09:00", "close": "17:30"},
        "labels": {"parking": "yes", "floor": "ground"},
        "created-by": "admin",
        "created_at": "2026-01-02T03:04:05Z",
        "updated_at": None,
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/stores/string"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.stores.get_store(
            "string",
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, Store))
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.stores.get_store(
                "string",
            )
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, Store))
        mock_api.check_result(dumped, self.response)


class TestGetStoreInventory:
    """`GET /stores/{store_code}/inventory`: no documented example, so the response is synthesised from the schema."""

    response: ClassVar[object] = {"key": 1}

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/stores/string/inventory"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.stores.get_store_inventory(
            "string",
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, dict[str, int]))
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.stores.get_store_inventory(
                "string",
            )
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, dict[str, int]))
        mock_api.check_result(dumped, self.response)


class TestCreateOrder:
    """`POST /stores/{store_code}/orders`."""

    response: ClassVar[object] = {
        "id": "3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b",
        "pet_id": 1,
        "quantity": 1,
        "priority": 2,
        "status": "in-progress",
        "reference": "ORD-7",
        "placed_at": "2026-01-02T03:04:05Z",
        "ship_date": "2026-01-05",
        "note": None,
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "POST"
        assert request.url.raw_path.split(b"?")[0] == b"/stores/string/orders"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"
        assert request.headers["x-request-tag"] == "string"
        assert json_body(request) == {"pet_id": 1, "quantity": 1, "priority": 1, "note": "string"}

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(201, self.response)
        result = client.stores.create_order(
            "string",
            x_request_tag="string",
            pet_id=1,
            quantity=1,
            priority=1,
            note="string",
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, Order))
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(201, self.response)
        result = asyncio.run(
            async_client.stores.create_order(
                "string",
                x_request_tag="string",
                pet_id=1,
                quantity=1,
                priority=1,
                note="string",
            )
        )
        self.check_request(mock_api)
        dumped = msgspec.to_builtins(msgspec.convert(result, Order))
        mock_api.check_result(dumped, self.response)
