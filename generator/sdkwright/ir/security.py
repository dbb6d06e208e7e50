"""Security schemes and requirements -> the credentials the client takes, and per operation
which of them a request carries.

Kinds: HTTP bearer, OAuth 2 and OpenID Connect (a token sent as `Authorization: Bearer`),
HTTP basic (user name and password), and API keys in a header, query parameter or cookie.
Swagger 2.0's `securityDefinitions` map onto the same kinds. Schemes of other kinds get a
WARNING and no credentials.

The primary scheme comes first: a scheme whose own name says "api key", else the one the
default `security` names first (preferring one credential over basic's two), else the one
most operations use. Targets name its argument like every other SDK's (Python: `api_key=`,
read from `<PREFIX>_API_KEY`; see targets/python/naming/security.py).

A target may declare its own scheme (`security:` in sdkwright.yaml, config_security.py): it
replaces the spec's. A spec declaring none, with none configured, gets a `security.none`
WARNING: its client takes no credential, which a server may well want.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sdkwright.config_security import HINT, ConfiguredSecurity
from sdkwright.diagnostics import Diagnostic, Level
from sdkwright.ir.names import same_words
from sdkwright.ir.nodes import Operation, SchemeKind, Security, SecurityScheme
from sdkwright.spec.resolve import Node


def scheme_definitions(root: Node, version: str) -> Node | None:
    if version == "2.0":
        return root.get("securityDefinitions")
    components = root.get("components")
    return components.get("securitySchemes") if components is not None else None


def requirements(value: Any) -> Security | None:
    """A `security` value as alternatives of scheme names; None when absent or malformed."""
    if not isinstance(value, list):
        return None
    return tuple(
        tuple(str(name) for name in requirement)
        for requirement in value
        if isinstance(requirement, dict)
    )


def _kind(scheme: Any) -> tuple[SchemeKind, str, str] | None:
    """(kind, location, parameter name) of a scheme the client can send, else None."""
    if not isinstance(scheme, dict):
        return None
    kind = scheme.get("type")
    http_scheme = str(scheme.get("scheme", "")).lower()
    if kind == "basic" or (kind == "http" and http_scheme == "basic"):
        return "basic", "header", "Authorization"
    if (kind == "http" and http_scheme == "bearer") or kind in ("oauth2", "openIdConnect"):
        return "bearer", "header", "Authorization"
    location, name = scheme.get("in"), scheme.get("name")
    if kind == "apiKey" and location in ("header", "query", "cookie") and isinstance(name, str):
        return "api_key", str(location), name
    return None


# The configured scheme's name in the API's requirements and the client's credentials.
CONFIGURED = "sdkwright.yaml"


def api_security(
    root: Node,
    version: str,
    configured: ConfiguredSecurity | None,
    operations: Sequence[Operation],
    diagnostics: list[Diagnostic],
) -> tuple[Security, tuple[SecurityScheme, ...]]:
    """The API's default requirements and the schemes its client takes credentials for: the
    target's configured scheme, else the spec's."""
    if configured is not None:
        return ((CONFIGURED,),), (configured_scheme(configured),)
    default_security = requirements(root.value.get("security")) or ()
    used = [default_security, *(s for op in operations if (s := op.security) is not None)]
    schemes = build_schemes(scheme_definitions(root, version), default_security, used, diagnostics)
    return effective(default_security, schemes), schemes


def declared_none(root: Node, version: str) -> list[Diagnostic]:
    """A `security.none` WARNING for a spec that declares no security scheme (asked at
    generation, for a target that configures none): its client takes no credential."""
    definitions = scheme_definitions(root, version)
    if definitions is not None and definitions.value:
        return []
    message = (
        "the spec declares no security scheme: the client takes no credential "
        "(a server that wants one answers 401 or 403)"
    )
    return [Diagnostic(Level.WARNING, "security.none", message, root.location, HINT)]


def configured_scheme(configured: ConfiguredSecurity) -> SecurityScheme:
    """The target's scheme as the client's one scheme. Its environment variable, when the
    target names one, is kept by the naming step (which names every other one)."""
    return SecurityScheme(
        name=CONFIGURED,
        kind=configured.kind,
        argument=configured.argument,  # the target's keyword, "" for the naming step's
        env_var=configured.env,
        reads_env=not configured.no_env,
        location=configured.location if configured.kind == "api_key" else "header",
        parameter_name=configured.name,
        description="Declared in sdkwright.yaml",
    )


def under_configured(op: Operation) -> Operation:
    """An operation once the target's scheme replaces the spec's: one the spec marks anonymous
    (`security: []`) stays so; any other follows the API's default, the configured scheme."""
    anonymous = op.security is not None and not any(op.security)
    return op if anonymous else replace(op, security=None)


def build_schemes(
    definitions: Node | None,
    default_security: Security,
    used: Iterable[Security],
    diagnostics: list[Diagnostic],
) -> tuple[SecurityScheme, ...]:
    """The schemes the client takes credentials for, the primary one first."""
    if definitions is None or not isinstance(definitions.value, dict):
        return ()
    usable: dict[str, tuple[SchemeKind, str, str]] = {}
    for name, scheme in definitions.value.items():
        found = _kind(scheme)
        if found is None:
            diagnostics.append(
                Diagnostic(
                    Level.WARNING,
                    "security.unsupported",
                    f"security scheme '{name}' ({_describe(scheme)}) is not supported; "
                    "the client sends no credentials for it",
                    definitions.child(name).location,
                    "pass the credentials in default_headers= or extra_headers=",
                )
            )
            continue
        usable[str(name)] = found
    if not usable:
        return ()
    single = [n for n, (kind, _, _) in usable.items() if kind != "basic"]
    ordered = _ordered(list(usable), single, default_security, used)
    return tuple(_scheme(name, *usable[name], definitions.value[name]) for name in ordered)


def _ordered(
    names: list[str], single: list[str], default: Security, used: Iterable[Security]
) -> list[str]:
    """The primary scheme first. Among the default's alternatives, one taking a single
    credential wins over basic authentication (Stripe offers both: `api_key=` it is)."""
    counts: Counter[str] = Counter()
    for security in used:
        counts.update({name for requirement in security for name in requirement})
    primary = next((n for n in names if same_words(n, "api_key")), None)
    if primary is None:
        named = [n for requirement in default for n in requirement if n in names]
        named.sort(key=lambda n: n not in single)
        primary = named[0] if named else max(names, key=lambda n: (counts[n], -names.index(n)))
    return [primary, *(n for n in names if n != primary)]


def _scheme(
    name: str, kind: SchemeKind, location: str, parameter: str, definition: Any
) -> SecurityScheme:
    token_url, scopes = client_credentials_flow(definition)
    return SecurityScheme(
        name=name,
        kind=kind,
        argument="",
        env_var="",
        location=location,  # type: ignore[arg-type]  # checked by _kind
        parameter_name=parameter,
        description=str(definition.get("description") or ""),
        token_url=token_url,
        scopes=scopes,
    )


def client_credentials_flow(definition: Any) -> tuple[str, tuple[str, ...]]:
    """The token URL and scopes of an OAuth 2 scheme's client-credentials flow (3.x
    `flows.clientCredentials`, Swagger 2.0 `flow: application`); ("", ()) without one."""
    if not isinstance(definition, dict) or definition.get("type") != "oauth2":
        return "", ()
    flows = definition.get("flows")
    flow = flows.get("clientCredentials") if isinstance(flows, dict) else None
    if flow is None and definition.get("flow") == "application":
        flow = definition
    if not isinstance(flow, dict) or not isinstance(flow.get("tokenUrl"), str):
        return "", ()
    scopes = flow.get("scopes")
    return flow["tokenUrl"], tuple(str(s) for s in scopes) if isinstance(scopes, dict) else ()


def _describe(scheme: Any) -> str:
    if not isinstance(scheme, dict):
        return "not an object"
    parts = [str(scheme.get("type", "no type"))]
    for key in ("scheme", "in"):
        if key in scheme:
            parts.append(f"{key} {scheme[key]}")
    return ", ".join(parts)


def effective(security: Security | None, schemes: tuple[SecurityScheme, ...]) -> Security:
    """Requirements restricted to alternatives the client can satisfy.

    An alternative naming an unsupported scheme cannot be met by the client; an empty one
    means the operation may be called without credentials.
    """
    known = {s.name for s in schemes}
    if security is None:
        return ()
    usable = [r for r in security if all(name in known for name in r)]
    # The runtime takes the first alternative it has credentials for: anonymous last.
    return tuple(sorted(usable, key=lambda r: not r))
