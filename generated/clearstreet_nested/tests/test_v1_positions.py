# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""Tests of `client.v1.positions`: each request's shape, and the documented example
(or an instance synthesised from the schema) parsed and dumped back unchanged."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from clearstreet_nested import AsyncClearStreet, ClearStreet
from clearstreet_nested.types import CancelPositionInstructionResponse

from .conftest import MockAPI, adapter, query_pairs


class TestCancelPositionInstruction:
    """`DELETE /v1/accounts/{account_id}/positions/instructions/{instruction_id}`."""

    response: ClassVar[object] = {
        "metadata": {
            "request_id": "request_id",
            "next_page_token": "U3RhaW5sZXNzIHJvY2tz",
            "page_number": 0,
            "previous_page_token": "U3RhaW5sZXNzIHJvY2tz",
            "total_items": 0,
            "total_pages": 0,
        },
        "error": {
            "code": 400,
            "message": "Order quantity must be greater than zero",
            "details": [{"foo": "bar"}],
        },
        "data": {
            "id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
            "account_id": 122503,
            "instruction_id": "ui-20260424-001",
            "instruction_type": "EXERCISE",
            "instrument_id": "0195f6d0-a1b2-7c3d-8e4f-5a6b7c8d9e02",
            "quantity": "1",
            "status": "SENT",
            "symbol": "AAPL  280121C00195000",
            "accepted_quantity": None,
            "created_at": "2026-04-24T14:30:00Z",
            "rejection_reason": None,
            "updated_at": "2026-04-24T14:30:00Z",
        },
    }

    def check_request(self, mock_api: MockAPI) -> None:
        request = mock_api.request
        assert request.method == "DELETE"
        assert (
            request.url.raw_path.split(b"?")[0] == b"/v1/accounts/1/positions/instructions/string"
        )
        assert query_pairs(request) == []
        assert request.headers["authorization"] == "Bearer test-api-key"

    def test_sync(self, client: ClearStreet, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = client.v1.positions.cancel_position_instruction(
            "string",
            account_id=1,
        )
        self.check_request(mock_api)
        dumped = adapter(CancelPositionInstructionResponse).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)

    def test_async(self, async_client: AsyncClearStreet, mock_api: MockAPI) -> None:
        mock_api.respond_json(200, self.response)
        result = asyncio.run(
            async_client.v1.positions.cancel_position_instruction(
                "string",
                account_id=1,
            )
        )
        self.check_request(mock_api)
        dumped = adapter(CancelPositionInstructionResponse).dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        mock_api.check_result(dumped, self.response)
