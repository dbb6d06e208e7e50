# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Kitchen Sink API, as datamodel-code-generator
wrote them (TypedDicts (plain dicts keyed by wire names), in `_datamodel`)."""

from .._models import keep_unknown_keys
from ._datamodel import (
    Address,
    AuditInfo,
    Cat,
    Category,
    CreateOrderBody,
    Department,
    Dog,
    Employee,
    Error,
    Order,
    OrderReference,
    OrderStatus,
    Pet,
    PetStatus,
    Priority,
    Reactions,
    Store,
    StoreInfo,
    StoreInfoOpeningHours,
    UserProfile,
)

__all__ = [
    "Address",
    "AuditInfo",
    "Cat",
    "Category",
    "CreateOrderBody",
    "Department",
    "Dog",
    "Employee",
    "Error",
    "Order",
    "OrderReference",
    "OrderStatus",
    "Pet",
    "PetStatus",
    "Priority",
    "Reactions",
    "Store",
    "StoreInfo",
    "StoreInfoOpeningHours",
    "UserProfile",
]

# The API may add keys: results keep them.
keep_unknown_keys(
    Address,
    AuditInfo,
    Cat,
    Category,
    CreateOrderBody,
    Department,
    Dog,
    Employee,
    Error,
    Order,
    Reactions,
    Store,
    StoreInfo,
    StoreInfoOpeningHours,
    UserProfile,
)
