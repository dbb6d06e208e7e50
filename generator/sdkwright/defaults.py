"""What a target is when neither sdkwright.yaml nor the command's flags say otherwise.

Apart from `config.py`, which builds targets: `generate SPEC -o OUT` asks the no-op fast path
before anything costly is imported, and it must know the same defaults (standard modules only).

A target made from flags alone takes each option from its flag when given, else from what the
output folder was generated with (its manifest keeps them), else from the defaults here: the
package and client names from the spec's `info.title`, then from its file name.
"""

from __future__ import annotations

import json
import os
import re

from sdkwright.output import MANIFEST_NAME

TYPE_CHECKING = False  # typing's own constant costs an import of typing
if TYPE_CHECKING:
    from collections.abc import Mapping

FLAVOUR = "httpx"  # a registered flavour (sdkwright.flavours)
FORMATTER = "ruff"
FORMATTERS = ("ruff", "black")
VERSION = "0.1.0"  # the SDK's own semantic version, until a target sets or bumps it
LICENSE = "Apache-2.0"  # an SPDX id: as most API SDKs (release/licenses.py has the texts)
# The options a flags-only target takes from its flags, else from its folder's manifest.
FLAG_OPTIONS = (
    "package",
    "client_name",
    "formatter",
    "flavour",
    "flavour_options",
    "lenient",
    "version",
    "license",
    "copyright",
    "language",
)
_FLAG_NAMES = {"flavour_options": "--option", "version": "--sdk-version"}
# Words a title ends with that name no product: "Clear Street Trading API", "Acme REST API".
_TITLE_TAIL = frozenset({"api", "rest", "service"})
# Where a title's subtitle starts: "Swagger Petstore - OpenAPI 3.0", "Acme (beta)".
_SUBTITLE = re.compile(r"\s[-\u2013\u2014|:]\s|[(:]")


def names_from_flags(spec: str, package: str | None, client_name: str | None) -> tuple[str, str]:
    """The package and client names a `generate SPEC -o OUT` run uses: given, else derived
    from the spec's file name (`acme-api.yaml` -> `acme_api`, `AcmeApi`)."""
    from sdkwright.targets.python import naming
    from sdkwright.targets.python.naming.files import FolderNames

    stem = os.path.splitext(os.path.basename(spec))[0]
    derived = naming.python_identifier(naming.snake(stem), "sdk")
    package = package or FolderNames(()).claim(derived)[0]
    return package, client_name or naming.class_name(package)


def names_from_title(title: str, spec: str) -> tuple[str, str]:
    """The package and client names a spec's `info.title` gives, without a subtitle or a
    trailing "API", "REST API" or "Service" ("Clear Street Trading API" ->
    `clear_street_trading`, `ClearStreetTrading`); from the file name when the title gives
    no usable ASCII name."""
    from sdkwright.ir.names import words
    from sdkwright.targets.python import naming
    from sdkwright.targets.python.naming.files import FolderNames

    kept = list(words(_SUBTITLE.split(title, maxsplit=1)[0]))
    while kept and kept[-1].lower() in _TITLE_TAIL:
        kept.pop()
    text = " ".join(kept)
    package = naming.python_identifier(naming.snake(text), "")
    if not package:
        return names_from_flags(spec, None, None)
    return FolderNames(()).claim(package)[0], naming.class_name(text)


def kept_options(output: str) -> dict[str, str]:
    """The options the manifest in `output` records (`base_options` and the others a target
    sets) and its formatter's name: what a flags-only run reuses for the flags not given.
    Empty without a readable manifest."""
    try:
        with open(os.path.join(output, MANIFEST_NAME), "rb") as stream:
            data = json.loads(stream.read())
        kept = {str(k): str(v) for k, v in data["options"].items()}
        kept["formatter"] = str(data["formatter"]).split()[0]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}
    if kept["formatter"] not in FORMATTERS:  # a manifest edited by hand: the default then
        del kept["formatter"]
    return kept


def resolve_flags(given: Mapping[str, str | None], kept: Mapping[str, str]) -> dict[str, str]:
    """Each option of a flags-only target: its flag when given, else what the output folder
    was generated with; left out when neither says. A kept flavour's options do not carry
    over to another flavour."""
    resolved: dict[str, str] = {}
    for key in FLAG_OPTIONS:
        value = given.get(key)
        value = value if value is not None else kept.get(key)
        if value is not None:
            resolved[key] = value
    other_flavour = given.get("flavour") not in (None, kept.get("flavour", FLAVOUR))
    if other_flavour and given.get("flavour_options") is None:
        resolved.pop("flavour_options", None)
    if given.get("language") not in (None, kept.get("language", "python")):
        # Another language than the folder's: its flavour and options do not carry over.
        for key in ("flavour", "flavour_options"):
            if given.get(key) is None:
                resolved.pop(key, None)
    return resolved


def differing_flags(given: Mapping[str, str | None], kept: Mapping[str, str]) -> list[str]:
    """The flags given that differ from what the folder was generated with: why `check`
    then reports drift, said in the flags' own words."""
    if not kept:
        return []
    found = []
    for key in FLAG_OPTIONS:
        value = given.get(key)
        was = kept.get(key, "false" if key == "lenient" else None)
        if value is not None and value != was:
            flag = _FLAG_NAMES.get(key, "--" + key.replace("_", "-"))
            found.append(
                f"{flag} {value!r} (generated with {was!r})" if was else f"{flag} {value!r}"
            )
    return found


def base_options(
    package: str,
    client_name: str,
    flavour: str = FLAVOUR,
    lenient: bool = False,
    version: str = VERSION,
    license: str = LICENSE,
    copyright: str = "",
) -> dict[str, str]:
    """The options every manifest records (`config.target_options` adds the others a target
    sets); with the defaults, all of them for a target made from flags alone. `lenient` and
    `copyright` are recorded only when set."""
    options = {
        "package": package,
        "client_name": client_name,
        "flavour": flavour,
        "version": version,
        "license": license,
    }
    if lenient:
        options["lenient"] = "true"
    if copyright:
        options["copyright"] = copyright
    return options
