"""The public surface of a Python SDK: extract it from source, compare two, report the difference.

    from sdkwright.surface import compare_surfaces, extract_surface, has_incompatible
    report = compare_surfaces(extract_surface(old_checkout), extract_surface(new_output))
    has_incompatible(report, accepted={"method:ClearStreet.v1.orders.legacy"})

`python -m sdkwright.surface extract|diff` does the same from a shell. See `model` for the data,
`compare` and `compare_types` for the rules, `report` for severities and `--accept`.
"""

from sdkwright.surface.compare import compare_surfaces
from sdkwright.surface.extract import extract_surface
from sdkwright.surface.index import SurfaceError
from sdkwright.surface.model import Surface, surface_from_json, surface_to_json
from sdkwright.surface.report import (
    Change,
    Report,
    has_incompatible,
    load_accepted,
    report_to_json,
    report_to_markdown,
)

__all__ = [
    "Change",
    "Report",
    "Surface",
    "SurfaceError",
    "compare_surfaces",
    "extract_surface",
    "has_incompatible",
    "load_accepted",
    "report_to_json",
    "report_to_markdown",
    "surface_from_json",
    "surface_to_json",
]
