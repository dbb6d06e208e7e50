# File generated from clearstreet.yaml by sdkwright. Do not edit: regenerate it instead.
"""The SDK's own version: its releases follow Semantic Versioning (the API's version is
2025-10-31)."""

__version__ = "0.1.0"
# Sent with every request, unless the client's default headers name another.
USER_AGENT = "ClearStreet/Python 0.1.0"
