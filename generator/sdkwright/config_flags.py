"""The target of `generate SPEC -o OUTPUT`, made from the flags alone: each option from its
flag when given, else from what OUTPUT was generated with (its manifest keeps the options,
`defaults.kept_options`), else the default; the names from the spec's `info.title`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sdkwright import flavours
from sdkwright.config import LANGUAGES, Target, default_client_name
from sdkwright.config_checks import check_package, option_problem, scalar_text
from sdkwright.config_names import Pairs
from sdkwright.config_release import is_semver, license_problem
from sdkwright.defaults import (
    FLAVOUR,
    FORMATTER,
    LICENSE,
    VERSION,
    kept_options,
    names_from_title,
    resolve_flags,
)
from sdkwright.diagnostics import Diagnostic, GenerationFailed, Level, Location


def target_from_flags(
    spec: Path,
    output: Path,
    package: str | None = None,
    client_name: str | None = None,
    formatter: str | None = None,
    *,
    flavour: str | None = None,
    flavour_options: Mapping[str, str] | None = None,
    lenient: bool | None = None,
    version: str | None = None,
    license: str | None = None,
    copyright: str | None = None,
    language: str | None = None,
    keep: bool = True,
) -> Target:
    """The target of `generate SPEC -o OUTPUT`: each option from its flag when given, else
    (`keep`) from what `output` was generated with, else the default; the names from the
    spec's title (`defaults.names_from_title`)."""
    given = {
        "package": package,
        "client_name": client_name,
        "formatter": formatter,
        "flavour": flavour,
        "flavour_options": None if flavour_options is None else _options_json(flavour_options),
        "lenient": None if lenient is None else scalar_text(lenient),
        "version": version,
        "license": license,
        "copyright": copyright,
        "language": language,
    }
    found = resolve_flags(given, kept_options(str(output)) if keep else {})
    language = _language(found.get("language", LANGUAGES[0]), given)
    if "package" not in found:
        found["package"], titled = names_from_title(spec_title(spec), str(spec))
        found.setdefault("client_name", titled)
    package = found["package"]
    check_package(package, Location("--package"))
    flavour_name = found.get("flavour", FLAVOUR)
    sdk_version = found.get("version", VERSION)
    if not is_semver(sdk_version):
        raise _flag_error(
            "--sdk-version", f"'{sdk_version}' is not a semantic version", "e.g. 1.4.0"
        )
    spdx_id, holder = found.get("license", LICENSE), found.get("copyright", "")
    problem = license_problem(spdx_id, holder)
    if problem is not None:
        raise _flag_error("--copyright" if problem[0] else "--license", *problem[1:])
    python = language == LANGUAGES[0]  # a flavour, its options and a formatter are Python's
    options = json.loads(found.get("flavour_options", "{}")) if python else {}
    return Target(
        spec.stem,
        spec,
        output,
        package,
        found.get("client_name") or default_client_name(package),
        found.get("formatter", FORMATTER) if python else FORMATTER,
        flavour=flavour_name if python else FLAVOUR,
        options=_flag_options(flavour_name, options) if python else (),
        lenient=found.get("lenient") == "true",
        version=sdk_version,
        license=spdx_id,
        copyright=holder,
        language=language,
    )


def spec_title(spec: Path) -> str:
    """The spec's `info.title`; "" when it has none or cannot be read (generating it then
    reports why, located)."""
    from sdkwright.spec.load import load_document

    try:
        info = load_document(spec).data.get("info")
    except (GenerationFailed, AttributeError):
        return ""
    title = info.get("title") if isinstance(info, dict) else None
    return title if isinstance(title, str) else ""


def _options_json(options: Mapping[str, str]) -> str:
    return json.dumps(dict(options), sort_keys=True)


def _flag_options(flavour_name: str, options: Mapping[str, Any]) -> Pairs:
    """--flavour and --option KEY=VALUE, checked as the config's `flavour:` and `options:`."""
    flavour = flavours.get(flavour_name)
    if flavour is None:
        raise _flag_error(
            "--flavour", f"unknown flavour '{flavour_name}'", f"one of {flavours.names()}"
        )
    texts = {str(k): scalar_text(v) for k, v in options.items()}
    problem = option_problem(flavour, texts)
    if problem is not None:
        raise _flag_error("--option", *problem[1:])
    return tuple(sorted(texts.items()))


def _language(language: str, given: Mapping[str, str | None]) -> str:
    """--language, checked as the config's `language:`; a Python-only flag given with
    another language is an error, never silently ignored."""
    if language not in LANGUAGES:
        raise _flag_error(
            "--language", f"unknown language '{language}'", f"one of {list(LANGUAGES)}"
        )
    if language != LANGUAGES[0]:
        for key, flag in (("flavour", "--flavour"), ("flavour_options", "--option")):
            if given.get(key) is not None:
                raise _flag_error(
                    flag,
                    f"{flag} is a Python SDK's setting, not a {language} SDK's",
                    f"leave out {flag}, or leave out --language {language}",
                )
    return language


def _flag_error(flag: str, message: str, hint: str) -> GenerationFailed:
    return GenerationFailed([Diagnostic(Level.ERROR, "cli.usage", message, Location(flag), hint)])
