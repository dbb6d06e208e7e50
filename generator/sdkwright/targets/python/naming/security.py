"""Credential arguments of the client, and the environment variables each reads.

The primary scheme (the IR puts it first) takes `api_key=` (`username=`/`password=` for
basic), read from `<PREFIX>_API_KEY` when not given, so a one-scheme API reads like every
other SDK. Other schemes take an argument named after the scheme (`petstore_auth=`,
`<PREFIX>_PETSTORE_AUTH`). An OAuth 2 scheme with a client-credentials flow also takes
`client_id=` and `client_secret=` (`<PREFIX>_CLIENT_ID`, `<PREFIX>_CLIENT_SECRET`): the client
then fetches its token itself.
"""

from __future__ import annotations

from sdkwright.ir.nodes import SecurityScheme
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.identifiers import python_identifier, snake
from sdkwright.targets.python.naming.reserved import CLIENT_ARGUMENTS, client_members


def credentials(schemes: tuple[SecurityScheme, ...], env_prefix: str) -> tuple[SecurityScheme, ...]:
    """Schemes with their argument names: each also an attribute of the client
    (`self.api_key`), so none takes a name the client has (`request`, `close`)."""
    taken = set(CLIENT_ARGUMENTS) | client_members()
    return tuple(
        _named(scheme, index == 0, env_prefix, taken) for index, scheme in enumerate(schemes)
    )


def _named(
    scheme: SecurityScheme, primary: bool, env_prefix: str, taken: set[str]
) -> SecurityScheme:
    if scheme.kind == "basic":
        base = "" if primary else snake(scheme.name) + "_"
        user = _claim(base + "username", taken)
        password = _claim(base + "password", taken)
        return with_fields(
            scheme,
            argument=user,
            env_var=scheme.env_var or f"{env_prefix}_{user.upper()}",
            password_argument=password,
            password_env_var=f"{env_prefix}_{password.upper()}",
        )
    # A keyword the target configured (`security.argument`, a Stainless SDK's) is kept.
    wanted = scheme.argument or ("api_key" if primary else snake(scheme.name) or "credential")
    argument = _claim(wanted, taken)
    # A variable the target configured (sdkwright.yaml `security.env`) is kept.
    # None at all where the target says so (`security: {env: false}`).
    env_var = (scheme.env_var or f"{env_prefix}_{argument.upper()}") if scheme.reads_env else ""
    named = with_fields(scheme, argument=argument, env_var=env_var)
    if not scheme.token_url:
        return named
    # The client-credentials flow: `client_id=` and `client_secret=`, from the first such
    # scheme on prefixed with the scheme's name.
    base = "" if "client_id" not in taken else snake(scheme.name) + "_"
    client_id, client_secret = (
        _claim(base + "client_id", taken),
        _claim(base + "client_secret", taken),
    )
    return with_fields(
        named,
        client_id_argument=client_id,
        client_id_env_var=f"{env_prefix}_{client_id.upper()}",
        client_secret_argument=client_secret,
        client_secret_env_var=f"{env_prefix}_{client_secret.upper()}",
    )


def _claim(name: str, taken: set[str]) -> str:
    name = python_identifier(name, "credential", taken)
    taken.add(name)
    return name
