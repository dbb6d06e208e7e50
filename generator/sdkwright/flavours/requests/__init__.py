"""The requests flavour: one sync client over requests with the httpx flavour's public API.

Its templates (templates/python/requests/) hold only what touches the transport; every other
template is the httpx flavour's, found next in the plan's folders."""

from __future__ import annotations

from sdkwright.flavours import RUNTIME_MODULES, Flavour, OptionValues, Plan, register


def plan(options: OptionValues) -> Plan:
    return Plan(
        ("requests", "httpx"),
        RUNTIME_MODULES,
        asynchronous=False,
        http="requests",
        transport="http_requests.py",
    )


register(Flavour("requests", "a sync client over requests, pydantic v2 models", plan))
