"""Python names for the IR: the identifier rules (`identifiers`), the names the target keeps
for itself (`reserved`), and the naming step that names a neutral Api (`step`)."""

from sdkwright.ir.names import spelled_symbols, words
from sdkwright.targets.python.naming.identifiers import (
    class_name,
    enum_member_name,
    env_prefix,
    field_name,
    method_name,
    module_name,
    parameter_name,
    pascal,
    python_identifier,
    screaming,
    snake,
    unique_member_names,
)
from sdkwright.targets.python.naming.registry import NameRegistry

__all__ = [
    "NameRegistry",
    "class_name",
    "enum_member_name",
    "env_prefix",
    "field_name",
    "method_name",
    "module_name",
    "parameter_name",
    "pascal",
    "python_identifier",
    "screaming",
    "snake",
    "spelled_symbols",
    "unique_member_names",
    "words",
]
