"""Hostile specs that grow: built by the tests (tests/errors, tests/unit) and measured by
bench/bench_limits.py, so that what is tested and what is measured are the same specs.
Each builder returns the text of a YAML spec (or {file name: text} for several files)."""

from __future__ import annotations

HEADER = 'openapi: 3.1.0\ninfo: {title: Case, version: "1"}\n'


def ref_chain(links: int) -> str:
    """S0 refers to S1, ... to S{links}, a string: a chain of `links` references."""
    chain = "".join(f"    S{i}: {{$ref: '#/components/schemas/S{i + 1}'}}\n" for i in range(links))
    return (
        HEADER
        + "paths: {}\ncomponents:\n  schemas:\n"
        + chain
        + f"    S{links}: {{type: string}}\n"
    )


def multiplied_properties(root_name: str) -> dict[str, str]:
    """Ten levels of `properties` maps by $ref whose schemas refer to the level below, 10^9
    values if they were copied: each map becomes references to its entries
    (spec/map_refs.py, as DigitalOcean's spec needs), so nothing multiplies."""
    levels = ["P0: {v: {type: string}}"]
    for level in range(1, 10):
        entries = ", ".join(
            f"p{i}: {{type: object, properties: {{$ref: '#/P{level - 1}'}}}}" for i in range(10)
        )
        levels.append(f"P{level}: {{{entries}}}")
    root = HEADER + "paths: {}\ncomponents:\n  schemas:\n"
    root += "    Top: {type: object, properties: {$ref: 'properties.yaml#/P9'}}\n"
    return {"properties.yaml": "\n".join(levels) + "\n", root_name: root}
