"""Webhook deliveries: the body's bytes, and the check of a Standard Webhooks signature.

An API that signs what it sends as the Standard Webhooks specification says puts an id, a
timestamp and HMAC-SHA256 signatures of `id.timestamp.body` (keyed by the endpoint's secret)
in the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers. The
`standardwebhooks` library checks them, and the timestamp against replays; the SDK's
`webhooks` extra installs it, and only verifying needs it.
"""

from __future__ import annotations

import binascii
import importlib
from collections.abc import Mapping

__all__ = ["WebhookVerificationError", "body_bytes", "verify_standard_webhook"]


class WebhookVerificationError(ValueError):
    """A delivery whose signature, timestamp or headers do not verify with the secret."""


def body_bytes(payload: str | bytes | bytearray | memoryview) -> bytes:
    """The body as received: bytes as they are, a str as UTF-8 (what was signed)."""
    if isinstance(payload, str):
        return payload.encode("utf-8")
    if isinstance(payload, (bytes, bytearray, memoryview)):
        return bytes(payload)
    raise TypeError(f"a webhook body is str or bytes, not {type(payload).__name__}")


def verify_standard_webhook(
    body: bytes, headers: Mapping[str, str], secret: str, requirement: str
) -> None:
    """Raise WebhookVerificationError unless `headers` sign `body` with `secret` (a
    `whsec_...` secret, base64), within the timestamp tolerance."""
    try:  # imported by name: the SDK type-checks and runs without the extra installed
        webhooks = importlib.import_module("standardwebhooks.webhooks")
    except ImportError:
        raise ImportError(
            f"verifying webhooks needs the standardwebhooks package: pip install '{requirement}'"
        ) from None
    try:
        verifier = webhooks.Webhook(secret)
    except (ValueError, binascii.Error, webhooks.EmptyWebhookSecretError) as error:
        raise WebhookVerificationError(f"the webhook secret is not usable: {error}") from None
    try:  # a plain dict: a case-insensitive mapping (httpx.Headers, say) is read as one
        verifier.verify(body, {str(k): str(v) for k, v in headers.items()}, json_parse=False)
    except webhooks.WebhookVerificationError as error:
        raise WebhookVerificationError(f"the webhook does not verify: {error}") from None
