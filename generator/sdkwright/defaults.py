"""What a target is when neither sdkwright.yaml nor the command's flags say otherwise.

Apart from `config.py`, which builds targets: `generate SPEC -o OUT` asks the no-op fast path
before anything costly is imported, and it must know the same defaults (standard modules only).
"""

from __future__ import annotations

import os

FLAVOUR = "httpx"  # a registered flavour (sdkwright.flavours)
FORMATTER = "ruff"
FORMATTERS = ("ruff", "black")


def names_from_flags(spec: str, package: str | None, client_name: str | None) -> tuple[str, str]:
    """The package and client names a `generate SPEC -o OUT` run uses: given, else derived
    from the spec's file name (`acme-api.yaml` -> `acme_api`, `AcmeApi`)."""
    from sdkwright.targets.python import naming

    stem = os.path.splitext(os.path.basename(spec))[0]
    package = package or naming.python_identifier(naming.snake(stem), "sdk")
    return package, client_name or naming.class_name(package)


def base_options(
    package: str, client_name: str, flavour: str = FLAVOUR, lenient: bool = False
) -> dict[str, str]:
    """The options every manifest records (`config.target_options` adds the others a target
    sets); with the defaults, all of them for a target made from flags alone. `lenient` is
    recorded only when on, so that manifests written without it stay as they were."""
    options = {"package": package, "client_name": client_name, "flavour": flavour}
    if lenient:
        options["lenient"] = "true"
    return options
