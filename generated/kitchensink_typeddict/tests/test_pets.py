# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of `client.pets`: each request's shape, and the documented example
(or an instance synthesised from the schema) parsed and dumped back unchanged."""

from __future__ import annotations

import asyncio
import datetime
from typing import ClassVar

from pydantic import TypeAdapter

from kitchensink_typeddict import AsyncKitchenSink, KitchenSink
from kitchensink_typeddict.types import Dog, Pet

from .conftest import MockAPI, adapter, json_body, query_pairs


class TestListPets:
    """`GET /pets`."""

    response: ClassVar[object] = [
        {
            "pet_type": "dog",
            "id": 1,
            "name": "Rex",
            "breed": "Beagle",
            "birth_date": "2020-05-17",
            "nickname": None,
            "status": "available",
            "tags": ["friendly", "small"],
            "category": {"id": 10, "name": "Dogs", "children": []},
            "weight_kg": 11.5,
            "legacy_code": "D-0001",
            "created_at": "2026-01-02T03:04:05Z",
        },
        {
            "pet_type": "cat",
            "id": 2,
            "name": "Tom",
            "nickname": "Tommy",
            "lives_left": 9,
            "indoor": True,
            "status": "pending",
            "created_at": "2026-01-02T03:04:05Z",
        },
    ]

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/pets"
        assert query_pairs(request) == [
            ("from", "2026-01-02T03:04:05Z"),
            ("include_archived", "false"),
            ("name", "string"),
            ("offset", "0"),
            ("page-size", "20"),
            ("status", "available"),
            ("tags", "string"),
        ]
        assert request.headers["authorization"] == "Bearer test-api-key"
        assert request.headers["x-request-tag"] == "string"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.pets.list_pets(
            name="string",
            status="available",
            tags=["string"],
            page_size=20,
            offset=0,
            include_archived=False,
            from_=datetime.datetime.fromisoformat("2026-01-02T03:04:05Z"),
            x_request_tag="string",
        )
        self.check_request(mock_api)
        dumped = adapter(list[Pet]).dump_python(
            result.response, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.pets.list_pets(
                name="string",
                status="available",
                tags=["string"],
                page_size=20,
                offset=0,
                include_archived=False,
                from_=datetime.datetime.fromisoformat("2026-01-02T03:04:05Z"),
                x_request_tag="string",
            )
        )
        self.check_request(mock_api)
        dumped = adapter(list[Pet]).dump_python(
            result.response, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)


class TestGetPet:
    """`GET /pets/{pet_id}`."""

    response: ClassVar[object] = {
        "pet_type": "cat",
        "id": 2,
        "name": "Tom",
        "nickname": None,
        "lives_left": 7,
        "indoor": False,
        "status": "sold",
        "created_at": "2026-01-02T03:04:05Z",
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/pets/1"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.pets.get_pet(
            1,
        )
        self.check_request(mock_api)
        dumped = adapter(Pet).dump_python(result, mode="json", by_alias=True, exclude_unset=True)
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.pets.get_pet(
                1,
            )
        )
        self.check_request(mock_api)
        dumped = adapter(Pet).dump_python(result, mode="json", by_alias=True, exclude_unset=True)
        mock_api.check_result(dumped, self.response)


class TestPutPet:
    """`PUT /pets/{pet_id}`."""

    response: ClassVar[object] = {
        "pet_type": "dog",
        "id": 1,
        "name": "Rex",
        "breed": "Beagle",
        "birth_date": "2020-05-17",
        "nickname": "Rexy",
        "status": "available",
        "tags": [],
        "category": {
            "id": 10,
            "name": "Dogs",
            "children": [{"id": 11, "name": "Hounds", "children": []}],
        },
        "weight_kg": 12.25,
        "legacy_code": "D-0001",
        "created_at": "2026-01-02T03:04:05Z",
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "PUT"
        assert request.url.raw_path.split(b"?")[0] == b"/pets/1"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"
        assert request.headers["x-request-tag"] == "string"
        assert json_body(request) == {
            "pet_type": "dog",
            "id": 1,
            "name": "string",
            "breed": "string",
            "birth_date": "2026-01-02",
            "nickname": "string",
            "status": "available",
            "tags": ["string"],
            "category": {
                "id": 1,
                "name": "string",
                "children": [{"id": 1, "name": "string", "children": []}],
            },
            "weight_kg": 1.5,
            "legacy_code": "string",
            "created_at": "2026-01-02T03:04:05Z",
        }

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.pets.put_pet(
            1,
            x_request_tag="string",
            body=TypeAdapter(Dog).validate_python(
                {
                    "pet_type": "dog",
                    "id": 1,
                    "name": "string",
                    "breed": "string",
                    "birth_date": "2026-01-02",
                    "nickname": "string",
                    "status": "available",
                    "tags": ["string"],
                    "category": {
                        "id": 1,
                        "name": "string",
                        "children": [{"id": 1, "name": "string", "children": []}],
                    },
                    "weight_kg": 1.5,
                    "legacy_code": "string",
                    "created_at": "2026-01-02T03:04:05Z",
                }
            ),
        )
        self.check_request(mock_api)
        dumped = adapter(Pet).dump_python(result, mode="json", by_alias=True, exclude_unset=True)
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.pets.put_pet(
                1,
                x_request_tag="string",
                body=TypeAdapter(Dog).validate_python(
                    {
                        "pet_type": "dog",
                        "id": 1,
                        "name": "string",
                        "breed": "string",
                        "birth_date": "2026-01-02",
                        "nickname": "string",
                        "status": "available",
                        "tags": ["string"],
                        "category": {
                            "id": 1,
                            "name": "string",
                            "children": [{"id": 1, "name": "string", "children": []}],
                        },
                        "weight_kg": 1.5,
                        "legacy_code": "string",
                        "created_at": "2026-01-02T03:04:05Z",
                    }
                ),
            )
        )
        self.check_request(mock_api)
        dumped = adapter(Pet).dump_python(result, mode="json", by_alias=True, exclude_unset=True)
        mock_api.check_result(dumped, self.response)


class TestDeletePet:
    """`DELETE /pets/{pet_id}`."""

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "DELETE"
        assert request.url.raw_path.split(b"?")[0] == b"/pets/1"
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"
        assert request.headers["x-request-tag"] == "string"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(204, None)
        client.pets.delete_pet(
            1,
            x_request_tag="string",
        )
        self.check_request(mock_api)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(204, None)
        asyncio.run(
            async_client.pets.delete_pet(
                1,
                x_request_tag="string",
            )
        )
        self.check_request(mock_api)
