"""Targets: which spec becomes which SDK, from `sdkwright.yaml`, `[tool.sdkwright]` in
pyproject.toml, or CLI flags.

    targets:
      - name: clearstreet-requests    # for --target
        spec: specs/clearstreet.yaml  # paths relative to the config file
        output: generated/clearstreet_requests
        package: clearstreet_requests
        client_name: ClearStreet
        flavour: requests             # a registered flavour (sdkwright.flavours); httpx by default
        options: {}                   # the flavour's options
        templates: sdk-templates      # a folder whose templates override the built-in ones
        names:                        # name overrides
          operations: {cancelPositionInstruction: cancel}   # operationId -> method name
          schemas: {PositionInstruction: Instruction}       # component schema -> class name
          tags: {Positions: holdings}                       # tag -> resource group
        overlays: [overlays/sdk.yaml]   # OpenAPI Overlays applied in order before validation;
                                        # what they matched is locked in sdkwright-overlays.lock.json
        security: {scheme: bearer}      # the credential the client sends, where the spec
                                        # declares none (config_security.py)
        version: "1.4.0"                # the SDK's own semantic version (default 0.1.0); a
                                        # change that breaks the surface locked in
                                        # sdkwright-surface.lock.json needs a major one;
                                        # `generate --bump` rewrites it
        license: MIT                    # SPDX id of the SDK's LICENSE (default Apache-2.0)
        copyright: 2025 Acme Inc.       # the holder, for licenses that name one (MIT)
        webhooks: {signature: standard-webhooks}   # how the API signs its webhooks: the
                                        # SDK's client.webhooks.unwrap() then verifies them
        surface_lock: false             # no surface lock for this target (default: locked)
        resources:                      # nested resources, methods mapped to operations
          v1: {positions: {methods: {cancel: delete /v1/positions/{id}}}}   # (config_resources.py)
        positional_params: last         # the last path parameter by position (default: none)
        surface: stainless              # whose public-surface conventions (default sdkwright)
        environments: {sandbox: https://sandbox.example.com}   # environment= choices, and
        request_id: {body: metadata.request_id}               # request ids (config_client.py)
        language: typescript            # the SDK's language (default python; typescript is
                                        # in progress: targets/typescript/, no flavours)

Every problem is a located diagnostic (file:line:col and a JSON pointer into the config).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdkwright import flavours
from sdkwright.config_checks import check_package, option_problem, scalar_text
from sdkwright.config_client import ClientConfig, read_client_config
from sdkwright.config_files import (
    PYPROJECT,
    Marks,
    escape,
    read_pyproject,
    read_yaml,
)
from sdkwright.config_names import NAME_KINDS, NameOverrides, Pairs, read_names
from sdkwright.config_paths import read_overlays, read_templates
from sdkwright.config_release import is_semver, license_problem
from sdkwright.config_resources import ResourcesConfig, read_target_resources
from sdkwright.config_security import (
    ConfiguredSecurity,
    read_security,
    read_webhook_signature,
)
from sdkwright.defaults import FLAVOUR, FORMATTERS, LICENSE, VERSION, base_options
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location
from sdkwright.output.provenance import installed_version, templates_root
from sdkwright.targets.python import naming

OVERLAY_LOCK_NAME = "sdkwright-overlays.lock.json"  # beside the config (spec/overlays/lock.py)
SURFACE_LOCK_NAME = "sdkwright-surface.lock.json"  # beside the config (surface/lock.py)
_TARGET_KEYS = {
    "name",
    "spec",
    "output",
    "package",
    "client_name",
    "formatter",
    "spec_root",
    "allow_remote_refs",
    "lenient",
    "flavour",
    "options",
    "templates",
    "names",
    "overlays",
    "security",
    "version",
    "webhooks",
    "surface_lock",
    "license",
    "copyright",
    "resources",
    "positional_params",
    "surface",
    "environments",
    "request_id",
    "language",
}
SURFACES = ("sdkwright", "stainless")  # `surface:`: whose public-surface conventions
LANGUAGES = ("python", "typescript")  # `language:`: the target's language, Python by default
_PYTHON_ONLY = frozenset({"flavour", "options", "formatter"})
# What the TypeScript target (in progress) does not do yet: refused rather than ignored.
_NOT_YET_IN_TYPESCRIPT = frozenset({"surface", "positional_params", "webhooks"})
DEFAULT_VERSION = VERSION
# How the API signs the webhooks it sends: the schemes `webhooks: {signature: ...}` may name.
WEBHOOK_SIGNATURES = ("standard-webhooks",)


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
    flavour: str = FLAVOUR
    options: Pairs = ()
    templates: Path | None = None  # the user's template folder, searched first
    names: NameOverrides = field(default_factory=NameOverrides)
    overlays: tuple[Path, ...] = ()  # overlay files, applied in order
    lock: Path | None = None  # the overlay lock file, when there are overlays
    lenient: bool = False  # repair or skip what is invalid in the spec (spec/lenient)
    security: ConfiguredSecurity | None = None  # the target's own scheme, replacing the spec's
    version: str = DEFAULT_VERSION  # the SDK's own semantic version, not the API's
    license: str = LICENSE  # the SPDX id of the SDK's LICENSE (release/licenses.py)
    copyright: str = ""  # the holder a license's copyright line names (MIT)
    webhook_signature: str = ""  # how its webhooks are signed (config_security; "": unsaid)
    surface_lock: Path | None = None  # the public-surface lock (a config's targets have one)
    resources: ResourcesConfig | None = None  # nested resources (config_resources.py)
    surface: str = SURFACES[0]  # the public surface's conventions (SURFACES)
    # Environments and request ids (config_client.py).
    client: ClientConfig = field(default_factory=ClientConfig)
    language: str = LANGUAGES[0]  # the SDK's language (LANGUAGES)

    @property
    def is_python(self) -> bool:
        return self.language == LANGUAGES[0]

    def plan(self) -> flavours.Plan:
        flavour = flavours.get(self.flavour)
        assert flavour is not None, self.flavour  # checked when the target was made
        return flavour.resolve(dict(self.options))


def default_client_name(package: str) -> str:
    return naming.class_name(package)


def target_options(target: Target) -> dict[str, str]:
    """The options that shape the generated files, as the manifest records them (the
    formatter is recorded with its version, separately; templates by their hash)."""
    options = base_options(
        target.package,
        target.client_name,
        target.flavour,
        target.lenient,
        target.version,
        target.license,
        target.copyright,
    )
    if target.options:
        options["flavour_options"] = json.dumps(dict(target.options), sort_keys=True)
    if target.names:
        names = {kind: dict(getattr(target.names, kind)) for kind in NAME_KINDS}
        options["names"] = json.dumps(names, sort_keys=True)
    if target.overlays:  # their bytes are inputs; which files, and in which order, is an option
        folder = target.spec.parent
        overlays = [Path(os.path.relpath(o, folder)).as_posix() for o in target.overlays]
        options["overlays"] = json.dumps(overlays)
    if target.security is not None:
        options["security"] = target.security.as_json()
    if target.webhook_signature:
        options["webhook_signature"] = target.webhook_signature
    if target.client:
        options["client"] = target.client.as_json()
    if target.resources is not None:
        options["resources"] = json.dumps(target.resources.as_json(), sort_keys=True)
    if target.surface != SURFACES[0]:
        options["surface"] = target.surface
    if not target.is_python:  # no flavour: it is Python's
        del options["flavour"]
        options["language"] = target.language
        return options
    writer = target.plan().model_writer
    if writer is not None and writer.distribution:
        # The version of a library writing the models shapes them as the formatter's shapes
        # the code: another one means regenerating, which the fast path then sees.
        version = installed_version(writer.distribution) or "unknown"
        options[writer.distribution.replace("-", "_")] = version
    return options


def template_folders(target: Target) -> list[str]:
    """Every folder a template may come from, the user's first: what the manifest hashes."""
    if not target.is_python:  # templates/<language>/, beside templates/python/, and the
        # runtime it copies (Python's runtime is code: the generator's identity covers it)
        built_in = [
            os.path.join(os.path.dirname(templates_root()), target.language),
            os.path.join(os.path.dirname(__file__), "runtime_ts"),
        ]
    else:
        built_in = [os.path.join(templates_root(), f) for f in target.plan().folders]
    return ([str(target.templates)] if target.templates else []) + built_in


def load_targets(config_path: Path) -> list[Target]:
    """The targets a config file declares, paths relative to the file; errors are located."""
    if config_path.name == PYPROJECT:
        data, marks = read_pyproject(config_path)
    else:
        data, marks = read_yaml(config_path)
    reader = _Reader(config_path, marks)
    entries = data.get("targets") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise reader.failure(
            "", "expected a non-empty 'targets' list", "see the README's 'Targets'"
        )
    targets = [reader.target(entry, index) for index, entry in enumerate(entries)]
    seen: dict[str, int] = {}
    for index, target in enumerate(targets):
        if target.name in seen:
            raise reader.failure(
                f"/targets/{index}/name",
                f"target name '{target.name}' is already used by target {seen[target.name]}",
                "give every target its own name",
            )
        seen[target.name] = index
    return targets


# -- validation --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reader:
    path: Path
    marks: Marks

    def where(self, pointer: str, key: bool = False) -> Location:
        """The position of `pointer`, else of its nearest ancestor the file has."""
        probe = pointer
        while True:
            found = self.marks.get(probe + "#key") if key else None
            found = found or self.marks.get(probe)
            if found or not probe:
                line, column = found or (0, 0)
                return Location(str(self.path), line, column, pointer)
            probe = probe.rpartition("/")[0]

    def failure(
        self, pointer: str, message: str, hint: str = "", code: str = "config.invalid"
    ) -> GenerationFailed:
        where = self.where(pointer, key=message.startswith("unknown key"))
        return GenerationFailed([Diagnostic(Level.ERROR, code, message, where, hint)])

    def target(self, entry: Any, index: int) -> Target:
        pointer = f"/targets/{index}"
        if not isinstance(entry, dict):
            raise self.failure(pointer, f"target {index} must be a mapping")
        for key in sorted(set(entry) - _TARGET_KEYS):
            raise self.failure(
                f"{pointer}/{escape(key)}",
                f"unknown key '{key}' in target {index}",
                f"allowed keys: {sorted(_TARGET_KEYS)}",
            )
        for key in ("name", "spec", "output", "package"):
            if key not in entry:
                raise self.failure(pointer, f"target {index} has no '{key}'")
            self.string(entry, key, pointer)
        package = str(entry["package"])
        check_package(package, self.where(f"{pointer}/package"))
        formatter = self.string(entry, "formatter", pointer) or "ruff"
        if formatter not in FORMATTERS:
            raise self.failure(
                f"{pointer}/formatter",
                f"unknown formatter '{formatter}'",
                f"one of {list(FORMATTERS)}",
            )
        flavour_name = self.string(entry, "flavour", pointer) or FLAVOUR
        options = self.options(entry.get("options"), flavour_name, pointer)
        base = self.path.parent
        client_name = self.string(entry, "client_name", pointer) or default_client_name(package)
        spec_root = self.string(entry, "spec_root", pointer)
        templates = read_templates(
            self.string(entry, "templates", pointer), self.path.parent, pointer, self.failure
        )
        overlays = read_overlays(
            entry.get("overlays"), self.path.parent, f"{pointer}/overlays", self.failure
        )
        return Target(
            str(entry["name"]),
            base / str(entry["spec"]),
            base / str(entry["output"]),
            package,
            client_name,
            formatter,
            base / spec_root if spec_root else None,
            entry.get("allow_remote_refs") is True,
            flavour_name,
            options,
            templates,
            read_names(entry.get("names"), f"{pointer}/names", self.failure),
            overlays,
            base / OVERLAY_LOCK_NAME if overlays else None,
            self.flag(entry, "lenient", pointer),
            read_security(entry.get("security"), f"{pointer}/security", self.failure),
            self.version(entry, pointer),
            *self.license(entry, pointer),
            read_webhook_signature(entry.get("webhooks"), f"{pointer}/webhooks", self.failure),
            base / SURFACE_LOCK_NAME if self.flag(entry, "surface_lock", pointer, True) else None,
            read_target_resources(entry, f"{pointer}/resources", self.where),
            self.choice(entry, "surface", SURFACES, pointer),
            read_client_config(entry, pointer, self.failure),
            self.language(entry, pointer),
        )

    def language(self, entry: Mapping[str, Any], pointer: str) -> str:
        language = self.choice(entry, "language", LANGUAGES, pointer)
        if language == LANGUAGES[0]:
            return language
        for key in sorted(_PYTHON_ONLY | _NOT_YET_IN_TYPESCRIPT):
            if key in entry:
                problem = (
                    f"'{key}' is a Python target's setting, not a {language} target's"
                    if key in _PYTHON_ONLY
                    else f"the {language} target does not support '{key}' yet"
                )
                hint = f"remove '{key}', or drop 'language: {language}'"
                raise self.failure(f"{pointer}/{key}", problem, hint)
        return language

    def flag(self, entry: Mapping[str, Any], key: str, pointer: str, default: bool = False) -> bool:
        value = entry.get(key, default)
        if not isinstance(value, bool):
            raise self.failure(f"{pointer}/{key}", f"'{key}' must be true or false, not {value!r}")
        return value

    def choice(self, entry: Mapping[str, Any], key: str, among: tuple[str, ...], at: str) -> str:
        if (value := entry.get(key, among[0])) not in among:
            raise self.failure(
                f"{at}/{key}", f"'{key}' must be one of {list(among)}, not {value!r}"
            )
        return str(value)

    def version(self, entry: Mapping[str, Any], pointer: str) -> str:
        value = entry.get("version", DEFAULT_VERSION)
        if not isinstance(value, str) or not is_semver(value):
            raise self.failure(
                f"{pointer}/version",
                f"'version' must be a semantic version such as '1.4.0', not {value!r}",
                "MAJOR.MINOR.PATCH, as a quoted string (the SDK's own version, not the API's)",
            )
        return value

    def license(self, entry: Mapping[str, Any], pointer: str) -> tuple[str, str]:
        spdx_id = self.string(entry, "license", pointer) or LICENSE
        holder = self.string(entry, "copyright", pointer)
        problem = license_problem(spdx_id, holder)
        if problem is not None:
            key = "copyright" if problem[0] else "license"
            raise self.failure(f"{pointer}/{key}", *problem[1:])
        return spdx_id, holder

    def string(self, entry: Mapping[str, Any], key: str, pointer: str) -> str:
        value = entry.get(key)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.failure(f"{pointer}/{key}", f"'{key}' must be a non-empty string")
        return value

    def options(self, value: Any, flavour_name: str, pointer: str) -> Pairs:
        flavour = flavours.get(flavour_name)
        if flavour is None:
            raise self.failure(
                f"{pointer}/flavour",
                f"unknown flavour '{flavour_name}'",
                f"registered flavours: {flavours.names()}",
            )
        if value is None:
            return ()
        if not isinstance(value, dict):
            raise self.failure(f"{pointer}/options", "'options' must be a mapping")
        options = {str(k): scalar_text(v) for k, v in value.items()}
        problem = option_problem(flavour, options)
        if problem is not None:
            key, message, hint = problem
            raise self.failure(f"{pointer}/options/{escape(key)}", message, hint)
        return tuple(sorted(options.items()))
