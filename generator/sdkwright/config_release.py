"""Release settings of a target: its semantic version and its license."""

from __future__ import annotations

import re

# Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, then an optional pre-release and build.
_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?"
)


def is_semver(text: str) -> bool:
    return _SEMVER.fullmatch(text) is not None


def license_problem(spdx_id: str, holder: str) -> tuple[bool, str, str] | None:
    """What is wrong with a license choice: (whether the holder is what is missing, the
    message, the hint); None when sdkwright can write that LICENSE."""
    from sdkwright.release import licenses

    if spdx_id not in licenses.supported():
        return (
            False,
            f"no license text for '{spdx_id}'",
            f"one of {licenses.supported()} (SPDX ids)",
        )
    if licenses.needs_holder(spdx_id) and not holder:
        return (
            True,
            f"license '{spdx_id}' names a copyright holder",
            "set 'copyright', e.g. '2025 Acme Inc.'",
        )
    return None
