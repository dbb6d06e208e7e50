# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""The SDK's own version: its releases follow Semantic Versioning (the API's version is
1.0.0)."""

__version__ = "0.1.0"
# Sent with every request, unless the client's default headers name another.
USER_AGENT = "KitchenSink/Python 0.1.0"
