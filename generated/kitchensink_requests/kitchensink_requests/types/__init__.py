# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Kitchen Sink API.

`types.Name` imports the module that defines it on first use, so the package imports at once
whatever the number of models; type checkers and IDEs see every name through the imports below.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .address import Address as Address
    from .audit_info import AuditInfo as AuditInfo
    from .cat import Cat as Cat
    from .cat_param import CatParam as CatParam
    from .category import Category as Category
    from .category_param import CategoryParam as CategoryParam
    from .create_order_body import CreateOrderBody as CreateOrderBody
    from .department import Department as Department
    from .dog import Dog as Dog
    from .dog_param import DogParam as DogParam
    from .employee import Employee as Employee
    from .error import Error as Error
    from .order import Order as Order
    from .order_reference import OrderReference as OrderReference
    from .order_status import OrderStatus as OrderStatus
    from .pet import Pet as Pet
    from .pet_param import PetParam as PetParam
    from .pet_status import PetStatus as PetStatus
    from .priority import Priority as Priority
    from .reactions import Reactions as Reactions
    from .store import Store as Store
    from .store_info import StoreInfo as StoreInfo
    from .store_info_opening_hours import StoreInfoOpeningHours as StoreInfoOpeningHours
    from .user_profile import UserProfile as UserProfile

__all__ = [
    "Address",
    "AuditInfo",
    "Cat",
    "CatParam",
    "Category",
    "CategoryParam",
    "CreateOrderBody",
    "Department",
    "Dog",
    "DogParam",
    "Employee",
    "Error",
    "Order",
    "OrderReference",
    "OrderStatus",
    "Pet",
    "PetParam",
    "PetStatus",
    "Priority",
    "Reactions",
    "Store",
    "StoreInfo",
    "StoreInfoOpeningHours",
    "UserProfile",
]

# The module of each name.
_MODULES = {
    "Address": "address",
    "AuditInfo": "audit_info",
    "Cat": "cat",
    "CatParam": "cat_param",
    "Category": "category",
    "CategoryParam": "category_param",
    "CreateOrderBody": "create_order_body",
    "Department": "department",
    "Dog": "dog",
    "DogParam": "dog_param",
    "Employee": "employee",
    "Error": "error",
    "Order": "order",
    "OrderReference": "order_reference",
    "OrderStatus": "order_status",
    "Pet": "pet",
    "PetParam": "pet_param",
    "PetStatus": "pet_status",
    "Priority": "priority",
    "Reactions": "reactions",
    "Store": "store",
    "StoreInfo": "store_info",
    "StoreInfoOpeningHours": "store_info_opening_hours",
    "UserProfile": "user_profile",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which then still flag a name that is not defined.

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
