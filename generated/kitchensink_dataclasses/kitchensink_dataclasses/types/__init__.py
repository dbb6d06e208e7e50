# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Kitchen Sink API, as datamodel-code-generator
wrote them (dataclasses, in `_datamodel`)."""

from .._models import wire_names
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

# Python name -> wire name, for the fields whose two names differ.
wire_names({"created_by": "created-by"})(AuditInfo)
wire_names({"plus_1": "+1", "minus_1": "-1"})(Reactions)
wire_names({"created_by": "created-by"})(Store)
wire_names({"class_": "class", "two_fa_enabled": "2fa_enabled", "created_by": "created-by"})(
    UserProfile
)
