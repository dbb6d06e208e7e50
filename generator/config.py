"""Targets: which spec becomes which SDK, from `sdkwright.yaml` or from CLI flags."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import naming
from generator.diagnostics import Diagnostic, GenerationFailed, Level, Location
from generator.fastpath import FLAVOUR, names_from_flags

CONFIG_NAME = "sdkwright.yaml"
FORMATTERS = ("ruff", "black")
_TARGET_KEYS = {
    "name",
    "spec",
    "output",
    "package",
    "client_name",
    "formatter",
    "spec_root",
    "allow_remote_refs",
}


@dataclass(frozen=True)
class Target:
    name: str
    spec: Path
    output: Path
    package: str
    client_name: str
    formatter: str = "ruff"
    # Where file $refs may lead (default: the spec's folder), and whether remote ones may load.
    spec_root: Path | None = None
    allow_remote_refs: bool = False


def default_client_name(package: str) -> str:
    return naming.class_name(package)


def target_options(target: Target) -> dict[str, str]:
    """The options that shape the generated files, as the manifest records them (the
    formatter is recorded with its version, separately)."""
    return {"package": target.package, "client_name": target.client_name, "flavour": FLAVOUR}


def target_from_flags(
    spec: Path, output: Path, package: str | None, client_name: str | None, formatter: str
) -> Target:
    package, client_name = names_from_flags(str(spec), package, client_name)
    _check_package(package, Location("--package"))
    return Target(spec.stem, spec, output, package, client_name, formatter)


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_targets(config_path: Path) -> list[Target]:
    """The targets a config file declares, paths relative to the file; errors are located."""
    import yaml  # here, not at the top: the no-op fast path with flags never needs it

    where = Location(str(config_path))
    try:
        data: Any = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR, "config.invalid", f"cannot read {CONFIG_NAME}: {error}", where
                )
            ]
        ) from None
    entries = data.get("targets") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR, "config.invalid", "expected a non-empty 'targets' list", where
                )
            ]
        )
    return [_target(entry, index, config_path) for index, entry in enumerate(entries)]


def _target(entry: Any, index: int, config_path: Path) -> Target:
    where = Location(str(config_path), pointer=f"/targets/{index}")
    if not isinstance(entry, dict):
        raise GenerationFailed(
            [Diagnostic(Level.ERROR, "config.invalid", "a target must be a mapping", where)]
        )
    unknown = sorted(set(entry) - _TARGET_KEYS)
    missing = sorted({"name", "spec", "output", "package"} - set(entry))
    if unknown or missing:
        problem = f"unknown keys {unknown}" if unknown else f"missing keys {missing}"
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "config.invalid",
                    f"target {index}: {problem}",
                    where,
                    f"allowed keys: {sorted(_TARGET_KEYS)}",
                )
            ]
        )
    package = str(entry["package"])
    _check_package(package, where)
    formatter = str(entry.get("formatter", "ruff"))
    if formatter not in FORMATTERS:
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "config.invalid",
                    f"unknown formatter '{formatter}'",
                    where,
                    f"one of {list(FORMATTERS)}",
                )
            ]
        )
    base = config_path.parent
    client_name = str(entry.get("client_name") or default_client_name(package))
    return Target(
        str(entry["name"]),
        base / str(entry["spec"]),
        base / str(entry["output"]),
        package,
        client_name,
        formatter,
        base / str(entry["spec_root"]) if entry.get("spec_root") else None,
        entry.get("allow_remote_refs") is True,
    )


def _check_package(package: str, where: Location) -> None:
    if not (package.isascii() and package.isidentifier()) or package != package.lower():
        raise GenerationFailed(
            [
                Diagnostic(
                    Level.ERROR,
                    "config.package",
                    f"'{package}' is not a valid package name",
                    where,
                    "use a lowercase Python identifier, e.g. 'acme_api'",
                )
            ]
        )
