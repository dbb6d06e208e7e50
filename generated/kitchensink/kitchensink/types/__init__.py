# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.
"""Every model, enum and type alias of the Kitchen Sink API."""

from .address import Address as Address
from .audit_info import AuditInfo as AuditInfo
from .cat import Cat as Cat
from .category import Category as Category
from .create_order_body import CreateOrderBody as CreateOrderBody
from .department import Department as Department
from .dog import Dog as Dog
from .employee import Employee as Employee
from .error import Error as Error
from .order import Order as Order
from .order_reference import OrderReference as OrderReference
from .order_status import OrderStatus as OrderStatus
from .pet import Pet as Pet
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
