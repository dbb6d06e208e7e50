"""The rest of a Stainless repository: package and version, endpoint count, client settings, spec.

- `pyproject.toml`: distribution name, version, and the import name (hatch's wheel `packages`).
- `.stats.yml`: `configured_endpoints`, `openapi_spec_url`.
- the client module (`src/<pkg>/_client.py`, read statically through `sdkwright.surface`): client
  class names, credential keyword and its env var, base-URL env var, `ENVIRONMENTS`, constant
  default headers; README's usage block when the source is absent.
- `scripts/mock`: the spec it embeds (`EMBEDDED_SPEC="<base64 of gzip>"`), or its URL.
"""

from __future__ import annotations

import ast
import base64
import binascii
import re
import tomllib
import zlib
from pathlib import Path
from typing import Any

import yaml

from sdkwright.migrate.stainless.surface_config import (
    ClientOption,
    ClientSettings,
    Note,
    SpecSource,
)
from sdkwright.surface.extract import extract_surface
from sdkwright.surface.index import SurfaceError
from sdkwright.surface.model import Client

MAX_SPEC_BYTES = 64_000_000
_EMBEDDED = re.compile(r'EMBEDDED_SPEC="([A-Za-z0-9+/=\s]+)"')
_URL = re.compile(r"https?://[^\s\"'$]+\.(?:json|ya?ml)\b")
_README_CLIENT = re.compile(r"^from\s+(\w+)\s+import\s+(\w+)\s*$", re.MULTILINE)
_README_CREDENTIAL = re.compile(
    r"(\w+)\s*=\s*(?:\"My [^\"]*\"|os\.environ\.get\(\s*\"([A-Z0-9_]+)\"\s*\))"
)


def read_pyproject(folder: Path) -> tuple[str | None, str | None, str | None, list[Note]]:
    """(distribution, version, import package) from pyproject.toml."""
    path = folder / "pyproject.toml"
    if not path.is_file():
        return None, None, None, [Note("stainless.no-pyproject", "no pyproject.toml", str(path))]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return (
            None,
            None,
            None,
            [Note("stainless.pyproject", f"cannot read pyproject.toml: {error}", str(path))],
        )
    project = data.get("project", {}) if isinstance(data.get("project"), dict) else {}
    name, version = project.get("name"), project.get("version")
    wheel = (
        data.get("tool", {}).get("hatch", {}).get("build", {}).get("targets", {}).get("wheel", {})
    )
    packages = wheel.get("packages") if isinstance(wheel, dict) else None
    package = None
    if isinstance(packages, list) and packages and isinstance(packages[0], str):
        package = packages[0].rstrip("/").rpartition("/")[2]
    return _text(name), _text(version), package, []


def read_stats(folder: Path) -> tuple[dict[str, Any], list[Note]]:
    path = folder / ".stats.yml"
    if not path.is_file():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return {}, [Note("stainless.stats", f"cannot read .stats.yml: {error}", str(path))]
    return (data if isinstance(data, dict) else {}), []


def next_version(version: str | None) -> str | None:
    """The next minor release: `0.7.0` -> `0.8.0`, `1.2.3` -> `1.3.0` (None if not X.Y.Z)."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version or "")
    return f"{match[1]}.{int(match[2]) + 1}.0" if match else None


def read_client(folder: Path, package: str) -> tuple[ClientSettings, list[Note]]:
    """Client settings from the package's source, else from README's usage example."""
    try:
        surface = extract_surface(folder, package)
    except SurfaceError as error:
        settings = read_readme_client(folder, package)
        return settings, [
            Note("stainless.no-source", f"{error}; client settings from README", str(folder))
        ]
    sync = next((c for c in surface.clients if not c.is_async), None)
    asynchronous = next((c for c in surface.clients if c.is_async), None)
    if sync is None:
        settings = read_readme_client(folder, package)
        return settings, [Note("stainless.no-client", "no client class in the source", str(folder))]
    credential = next((o for o in sync.options if o.credential), None)
    base_url = next((o for o in sync.options if o.name == "base_url"), None)
    module_path = _module_file(folder, sync)
    environments, headers = _client_constants(module_path) if module_path else ((), ())
    options = tuple(
        ClientOption(o.name, o.type, o.env, "None" in o.type.split(" | "), o.credential)
        for o in sync.options
        if not o.name.startswith("_")
    )
    return (
        ClientSettings(
            sync.name,
            asynchronous.name if asynchronous else None,
            credential.name if credential else None,
            credential.env if credential else None,
            base_url.env if base_url else None,
            environments,
            headers,
            options,
        ),
        [],
    )


def read_readme_client(folder: Path, package: str) -> ClientSettings:
    path = folder / "README.md"
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    names = [name for module, name in _README_CLIENT.findall(text) if module == package]
    client = next((n for n in names if not n.startswith("Async") and n[:1].isupper()), None)
    asynchronous = next((n for n in names if n.startswith("Async")), None)
    credential = _README_CREDENTIAL.search(text)
    return ClientSettings(
        client,
        asynchronous,
        credential[1] if credential else None,
        credential[2] if credential and credential[2] else None,
    )


def _module_file(folder: Path, client: Client) -> Path | None:
    relative = Path(*client.module.split(".")).with_suffix(".py")
    for root in (folder / "src", folder):
        if (root / relative).is_file():
            return root / relative
    return None


def _client_constants(
    path: Path,
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """`ENVIRONMENTS = {...}` and the constant entries of a `default_headers` property."""
    try:
        tree = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError, OSError, RecursionError):
        return (), ()
    environments: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "ENVIRONMENTS" for t in targets):
                environments = _string_pairs(node.value)
        if isinstance(node, ast.FunctionDef) and node.name == "default_headers":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Dict):
                    headers += _string_pairs(inner)
    # X-Stainless-* headers are Stainless's runtime telemetry (and differ sync/async), not the API's.
    kept = {k: v for k, v in headers if not k.lower().startswith("x-stainless-")}
    return tuple(environments), tuple(kept.items())


def _string_pairs(node: ast.Dict) -> list[tuple[str, str]]:
    constants = [
        (k.value, v.value)
        for k, v in zip(node.keys, node.values, strict=True)
        if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
    ]
    return [(k, v) for k, v in constants if isinstance(k, str) and isinstance(v, str)]


def embedded_spec(folder: Path) -> tuple[bytes | None, SpecSource | None, list[Note]]:
    """The spec `scripts/mock` embeds (gzip, base64), or the URL it names; bounded in size."""
    path = folder / "scripts" / "mock"
    if not path.is_file():
        return None, None, []
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _EMBEDDED.search(text)
    if match is None:
        url = _URL.search(text)
        return None, (SpecSource("url", url[0]) if url else None), []
    try:
        packed = base64.b64decode("".join(match[1].split()), validate=True)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        spec = inflater.decompress(packed, MAX_SPEC_BYTES)
        if inflater.unconsumed_tail:
            note = Note(
                "stainless.mock-spec",
                f"the embedded spec is larger than {MAX_SPEC_BYTES} bytes",
                str(path),
            )
            return None, None, [note]
    except (binascii.Error, ValueError, zlib.error) as error:
        return (
            None,
            None,
            [Note("stainless.mock-spec", f"cannot decode the embedded spec: {error}", str(path))],
        )
    return spec, SpecSource("embedded", str(path)), []


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
