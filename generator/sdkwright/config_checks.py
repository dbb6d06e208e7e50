"""Checks of single config values that both the config file and the CLI flags use: the
package name (a folder too) and a flavour's options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sdkwright import flavours
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.targets.python.naming import files


def option_problem(
    flavour: flavours.Flavour, options: Mapping[str, str]
) -> tuple[str, str, str] | None:
    """The first option the flavour does not take: its key, the problem, and the hint."""
    for key, text in options.items():
        problems = flavour.check_options({key: text})
        if problems:
            return key, problems[0], "; ".join(f"{o.name}: {o.help}" for o in flavour.options)
    return None


def scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def check_package(package: str, where: Location) -> None:
    """A package is a folder too: an identifier, and a file name every system can hold."""
    if not (package.isascii() and package.isidentifier()) or package != package.lower():
        problem = "is not a valid package name"
    elif files.is_windows_reserved(package):
        problem = "is a device name on Windows, where its folder cannot exist"
    elif len(package) > files.MAX_MODULE_LENGTH:
        problem = f"is longer than the {files.MAX_MODULE_LENGTH} characters a folder name may take"
    else:
        return
    raise GenerationFailed(
        [
            Diagnostic(
                Level.ERROR,
                "config.package",
                f"'{package}' {problem}",
                where,
                "use a lowercase Python identifier, e.g. 'acme_api'",
            )
        ]
    )
