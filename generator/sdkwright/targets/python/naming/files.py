"""File names of the generated SDK: a module name is also a file name (`types/<module>.py`,
`resources/<module>.py`, `tests/test_<module>.py`), so besides being an identifier it must be
a file that Windows, macOS and Linux can all hold.

Module names are ASCII identifiers (no character a file system refuses, no trailing dot or
space); what is left to decide here, once per folder, is:
- length: a module name is at most `MAX_MODULE_LENGTH` characters. Past it, it keeps its
  first characters and ends with `_` and `HASH_LENGTH` hex digits of its SHA-256, so the same
  spec always gives the same file name. 200 leaves room within the 255 bytes a file name may
  take for what is added to a module's name: `test_` and `.py`, and the caches Python, pytest
  and mypy write beside it (`.cpython-313-pytest-8.3.4.pyc`, `.meta.json`).
- Windows' reserved device names (`con`, `aux`, `nul`, `prn`, `com1`-`com9`, `lpt1`-`lpt9`,
  any case, any extension): such a module takes a trailing `_`.
- case: two modules of one folder never differ only by case (macOS and Windows would make
  them one file); nor do two modules share a name.
Identifiers (classes, methods, attributes) may stay long: only file names are bounded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from sdkwright.diagnostics import Diagnostic, Level, Location
from sdkwright.ir.nodes import Definition, ResourceGroup
from sdkwright.targets.python.naming.copies import with_fields
from sdkwright.targets.python.naming.identifiers import module_name

MAX_MODULE_LENGTH = 200
HASH_LENGTH = 8
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{digit}" for digit in "123456789¹²³"}
    | {f"lpt{digit}" for digit in "123456789¹²³"}
)


def is_windows_reserved(file_name: str) -> bool:
    """Whether Windows refuses `file_name` as a device name: its stem (before the first dot,
    trailing spaces ignored) is one of `WINDOWS_RESERVED`, in any case."""
    return file_name.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_RESERVED


def bounded(name: str) -> str:
    """`name`, or when longer than `MAX_MODULE_LENGTH` its start and a hash of all of it."""
    if len(name) <= MAX_MODULE_LENGTH:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:HASH_LENGTH]
    return f"{name[: MAX_MODULE_LENGTH - HASH_LENGTH - 1].rstrip('_')}_{digest}"


class FolderNames:
    """Module names handed out for one folder: bounded, never reserved, unique ignoring case."""

    def __init__(self, taken: Iterable[str] = ("__init__",)) -> None:
        self._taken = {name.lower() for name in taken}

    def claim(self, wanted: str) -> tuple[str, str]:
        """A module name for `wanted`, and why it differs ("" when it does not)."""
        candidate = wanted
        while True:
            module = bounded(candidate)
            if not is_windows_reserved(module) and module.lower() not in self._taken:
                break
            candidate += "_"
        self._taken.add(module.lower())
        return module, _why(wanted, module)


def _why(wanted: str, module: str) -> str:
    if module == wanted:
        return ""
    if len(wanted) > MAX_MODULE_LENGTH:
        return (
            f"is longer than the {MAX_MODULE_LENGTH} characters a module's file name may "
            f"take: its file is {module}.py"
        )
    if is_windows_reserved(wanted):
        return f"is a device name on Windows: its file is {module}.py"
    return f"would share its file with another module of its folder: its file is {module}.py"


def definition_modules(
    definitions: Iterable[Definition], classes: Mapping[str, str], diagnostics: list[Diagnostic]
) -> dict[str, str]:
    """Definition key -> its module in `types/`, in the order the IR found them."""
    folder = FolderNames()
    modules = {}
    for definition in definitions:
        name = classes[definition.key]
        modules[definition.key], why = folder.claim(module_name(name))
        if why:
            where = definition.where or Location("", pointer=definition.source)
            diagnostics.append(_renamed(f"the module of {name} {why}", where))
    return modules


def with_group_modules(
    groups: Iterable[ResourceGroup], document: str, diagnostics: list[Diagnostic]
) -> tuple[ResourceGroup, ...]:
    """`groups` with their modules in `resources/` (and `tests/test_<module>.py`, beside
    the client's own `tests/test_client.py`)."""
    folder = FolderNames(("__init__", "client", "client_options"))
    named = []
    for group in groups:
        module, why = folder.claim(group.attribute)
        if why:
            where = Location(document, pointer=group.operations[0].source)
            diagnostics.append(_renamed(f"the module of client.{group.attribute} {why}", where))
        named.append(with_fields(group, module=module))
    return tuple(named)


def _renamed(message: str, where: Location) -> Diagnostic:
    return Diagnostic(
        Level.WARNING,
        "naming.file-name",
        message,
        where,
        "the SDK works as it is; a shorter or different name (x-sdkwright-name, or names: "
        "in the config) gives a plainer file name",
    )
