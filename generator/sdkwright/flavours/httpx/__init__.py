"""The httpx flavour (the default): sync and async clients over httpx, pydantic v2 models
written by the templates. Templates: templates/python/httpx/."""

from __future__ import annotations

from sdkwright.flavours import RUNTIME_MODULES, Flavour, OptionValues, Plan, register


def plan(options: OptionValues) -> Plan:
    return Plan(("httpx",), RUNTIME_MODULES, asynchronous=True)


register(
    Flavour("httpx", "sync and async clients over httpx, pydantic v2 models (the default)", plan)
)
