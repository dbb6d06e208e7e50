# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""The class every error of the SDK derives from: `Exception` itself, unless the SDK's surface
names a root of its own (the Stainless surface's `<Client>Error`, rendered in this module's
place by templates/python/httpx/_error_root.py.jinja)."""

__all__ = ["ErrorRoot"]

ErrorRoot = Exception
