# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of `client.misc`: each request's shape, and the documented example
(or an instance synthesised from the schema) parsed and dumped back unchanged."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from kitchensink import AsyncKitchenSink, KitchenSink
from kitchensink.types import Category, Department, UserProfile

from .conftest import MockAPI, adapter, query_pairs


class TestListCategories:
    """`GET /categories`."""

    response: ClassVar[object] = [
        {
            "id": 10,
            "name": "Dogs",
            "children": [
                {
                    "id": 11,
                    "name": "Hounds",
                    "children": [{"id": 12, "name": "Beagles", "children": []}],
                }
            ],
        },
        {"id": 20, "name": "Cats", "children": []},
    ]

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/categories"
        assert query_pairs(request) == []
        assert "authorization" not in request.headers  # the operation needs no credentials

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.misc.list_categories()
        self.check_request(mock_api)
        dumped = adapter(list[Category]).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(async_client.misc.list_categories())
        self.check_request(mock_api)
        dumped = adapter(list[Category]).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)


class TestGetUserProfile:
    """`GET /profiles/{username}`."""

    response: ClassVar[object] = {
        "user_id": "0b9c2f4e-1d3a-4c5b-9e8f-7a6b5c4d3e2f",
        "username": "alice",
        "class": "gold",
        "2fa_enabled": True,
        "created-by": "signup-form",
        "reactions": {"total_count": 5, "+1": 3, "-1": 1, "laugh": 1},
        "avatar": "aGVsbG8=",
        "score": 97.5,
        "joined_on": "2024-02-29",
        "last_seen": None,
        "preferences": {"theme": "dark", "language": "en"},
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/profiles/string"
        assert query_pairs(request) == [
            ("locale", "string"),
        ]
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.misc.get_user_profile(
            "string",
            locale="string",
        )
        self.check_request(mock_api)
        dumped = adapter(UserProfile).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.misc.get_user_profile(
                "string",
                locale="string",
            )
        )
        self.check_request(mock_api)
        dumped = adapter(UserProfile).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)


class TestGetDepartment:
    """`GET /departments/{department_id}`: no documented example, so the response is synthesised from the schema."""

    response: ClassVar[object] = {
        "id": 1,
        "name": "string",
        "members": [
            {"id": 1, "name": "string", "manages": {"id": 1, "name": "string", "members": []}}
        ],
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "GET"
        assert request.url.raw_path.split(b"?")[0] == b"/departments/1"
        assert query_pairs(request) == [
            ("depth", "1"),
        ]
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: KitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.misc.get_department(
            1,
            depth=1,
        )
        self.check_request(mock_api)
        dumped = adapter(Department).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncKitchenSink, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.misc.get_department(
                1,
                depth=1,
            )
        )
        self.check_request(mock_api)
        dumped = adapter(Department).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)
