"""A target's own security scheme, for an API whose spec declares none (or a wrong one):

    security: {scheme: bearer}                                 # Authorization: Bearer <token>
    security: {scheme: basic}                                  # username= and password=
    security: {scheme: api_key, in: header, name: X-API-Key}   # in: header, query or cookie
    security: {scheme: bearer, env: NOTEBOOK_TOKEN}            # read from this variable when
                                                               # the client is given none
    security: {scheme: bearer, argument: bearer_token}         # the client's keyword (a
                                                               # Stainless SDK's, say)
    security: {scheme: bearer, env: false}                     # read from no variable: the
                                                               # credential is optional when
                                                               # the client is made (a
                                                               # Stainless option without
                                                               # `read_env`)

The client then takes that credential (`api_key=`, or `username=`/`password=`) and sends it
with every operation but those the spec marks anonymous (`security: []`); it replaces the
spec's schemes. Without it, a spec that declares no scheme gives a client that takes no
credential, and generation warns (`security.none`).
"""

from __future__ import annotations

import json
import keyword
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sdkwright.config_files import Failure, escape

Kind = Literal["bearer", "basic", "api_key"]
Location = Literal["header", "query", "cookie"]

_KINDS: tuple[Kind, ...] = ("bearer", "basic", "api_key")
_LOCATIONS: tuple[Location, ...] = ("header", "query", "cookie")
_KEYS = ("scheme", "in", "name", "env", "argument")
_ARGUMENT = re.compile(r"[a-z_][a-z0-9_]*")
_ENV_VAR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
HINT = (
    "declare it on the target in sdkwright.yaml: security: {scheme: bearer} (or basic, or "
    "api_key with in: header|query|cookie and its name)"
)


@dataclass(frozen=True)
class ConfiguredSecurity:
    """The scheme a target declares: what the client takes and where it sends it."""

    kind: Kind
    location: Location = "header"
    name: str = "Authorization"  # the header, query parameter or cookie
    env: str = ""  # the environment variable read when no credential is given
    argument: str = ""  # the client's keyword for it ("": api_key=)
    no_env: bool = False  # `env: false`: no variable is read, the credential is optional

    def as_json(self) -> str:
        """As the manifest records it: changing it means regenerating (no argument, no
        `no_env`: as before those keys existed)."""
        found = asdict(self)
        if not self.argument:
            del found["argument"]
        if not self.no_env:
            del found["no_env"]
        return json.dumps(found, sort_keys=True)


def read_security(value: Any, pointer: str, fail: Failure) -> ConfiguredSecurity | None:
    """A target's `security` value, checked: every problem is an error located at its key."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail(pointer, "'security' must be a mapping", HINT)
    for key in sorted(set(value) - set(_KEYS)):
        raise fail(f"{pointer}/{key}", f"unknown key '{key}' in security", f"allowed: {_KEYS}")
    kind = value.get("scheme")
    if kind not in _KINDS:
        raise fail(f"{pointer}/scheme", f"security scheme is {kind!r}: one of {_KINDS}", HINT)
    no_env = value.get("env") is False and kind != "basic"
    env = "" if no_env else _env(value.get("env"), kind, f"{pointer}/env", fail)
    argument = _argument(value.get("argument"), kind, f"{pointer}/argument", fail)
    if kind != "api_key":
        for key in ("in", "name"):
            if key in value:
                raise fail(
                    f"{pointer}/{key}",
                    f"'{key}' is for api_key schemes; {kind} is sent in the Authorization header",
                    "",
                )
        return ConfiguredSecurity(kind, env=env, argument=argument, no_env=no_env)
    location = value.get("in")
    if location not in _LOCATIONS:
        raise fail(f"{pointer}/in", f"an api_key is sent 'in' one of {_LOCATIONS}", HINT)
    name = value.get("name")
    if not isinstance(name, str) or not name.strip() or not name.isprintable():
        raise fail(
            f"{pointer}/name",
            f"an api_key needs the name of its {location} (a non-empty string)",
            "e.g. name: X-API-Key",
        )
    return ConfiguredSecurity(kind, location, name, env, argument, no_env)


def _env(value: Any, kind: str, pointer: str, fail: Failure) -> str:
    if value is None:
        return ""
    if kind == "basic":
        raise fail(
            pointer,
            "'env' is for one credential; basic reads <PREFIX>_USERNAME and <PREFIX>_PASSWORD",
            "",
        )
    if not isinstance(value, str) or not _ENV_VAR.fullmatch(value):
        raise fail(
            pointer,
            f"'env' must be an environment variable name, not {value!r}",
            "or false: the client reads no variable for it",
        )
    return value


def _argument(value: Any, kind: str, pointer: str, fail: Failure) -> str:
    if value is None:
        return ""
    if kind == "basic":
        raise fail(
            pointer, "'argument' is for one credential; basic takes username= and password=", ""
        )
    if not isinstance(value, str) or not _ARGUMENT.fullmatch(value) or keyword.iskeyword(value):
        raise fail(pointer, f"'argument' must be a lowercase keyword name, not {value!r}", "")
    return value


# How an API signs the webhooks it sends: the schemes `webhooks: {signature: ...}` may name.
WEBHOOK_SIGNATURES = ("standard-webhooks",)


def read_webhook_signature(value: Any, pointer: str, fail: Failure) -> str:
    """A target's `webhooks` value, checked: the signature scheme ("" when not given)."""
    if value is None:
        return ""
    if not isinstance(value, dict):
        raise fail(pointer, "'webhooks' must be a mapping, e.g. {signature: standard-webhooks}", "")
    for key in sorted(set(value) - {"signature"}):
        raise fail(
            f"{pointer}/{escape(key)}",
            f"unknown key '{key}' in webhooks",
            "allowed keys: ['signature']",
        )
    signature = value.get("signature")
    if signature not in WEBHOOK_SIGNATURES:
        raise fail(
            f"{pointer}/signature",
            f"unknown webhook signature {signature!r}",
            f"one of {list(WEBHOOK_SIGNATURES)} (https://www.standardwebhooks.com)",
        )
    return str(signature)
