# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from .._models import BaseModel

__all__ = ["ResponseMetadata"]


class ResponseMetadata(BaseModel):
    """Metadata for the response. This will always contain a request ID which can be used to
    identify the request to Clear Street for tracing, and optionally may include pagination
    data.
    """

    request_id: str
    """A unique ID for this request, generated upon ingestion of the request."""

    next_page_token: str | None = None
    """A token that can be used to retrieve the next page of results, if any. The token contains
    opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must be
    provided with each request.
    """

    page_number: int | None = None
    """Pagination. Included if this was a GET (list) response."""

    previous_page_token: str | None = None
    """A token that can be used to retrieve the previous page of results, if any. The token
    contains opaque pagination state (Base64URL-encoded). Filtering and sorting parameters must
    be provided with each request.
    """

    total_items: int | None = None
    """Total number of items available (not just in this page)."""

    total_pages: int | None = None
    """Total number of pages available."""
