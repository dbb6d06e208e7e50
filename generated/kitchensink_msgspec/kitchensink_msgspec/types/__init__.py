# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Kitchen Sink API, as datamodel-code-generator
wrote them (msgspec structs, in `_datamodel`)."""

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
