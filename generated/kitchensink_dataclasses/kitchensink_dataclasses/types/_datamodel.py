# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, IntEnum
from typing import Literal, TypeAlias


@dataclass
class Address:
    """
    A postal address.
    """

    street: str
    """
    Street and number.
    """
    city: str
    """
    City.
    """
    country: str
    """
    ISO 3166-1 alpha-2 country code.
    """
    postal_code: str | None = None
    """
    Postal code (kept as text).
    """


@dataclass
class AuditInfo:
    """
    Who created a record and when it changed.
    """

    created_by: str
    """
    User or system that created the record.
    """
    created_at: datetime
    """
    When the record was created.
    """
    updated_at: datetime | None = None
    """
    When the record last changed; null if never.
    """


@dataclass
class Category:
    """
    A pet category; categories form a tree.
    """

    id: int
    """
    Category id.
    """
    name: str
    """
    Category name.
    """
    children: list[Category]
    """
    Sub-categories of this category.
    """


@dataclass
class Error:
    """
    An error returned by the API.
    """

    code: int
    """
    HTTP status code of the error.
    """
    message: str
    """
    Human-readable error message.
    """
    details: str | None = None
    """
    Extra detail about the error, if any.
    """


OrderReference: TypeAlias = str | int
"""
An order reference, either a text code or a legacy numeric id.
"""


class OrderStatus(Enum):
    """
    Progress of an order: `placed`, `in-progress` (being prepared), `2nd-attempt` (delivery is being retried) or `delivered`.
    """

    PLACED = "placed"
    IN_PROGRESS = "in-progress"
    VALUE_2_ND_ATTEMPT = "2nd-attempt"
    DELIVERED = "delivered"


class PetStatus(Enum):
    """
    Availability of a pet in the shop.
    """

    AVAILABLE = "available"
    PENDING = "pending"
    SOLD = "sold"


class Priority(IntEnum):
    """
    Order priority, 1 (low), 2 (normal) or 3 (high).
    """

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3


@dataclass
class Reactions:
    """
    Reaction counts, GitHub style.
    """

    total_count: int
    """
    Total number of reactions.
    """
    plus_1: int | None = None
    """
    Thumbs-up count.
    """
    minus_1: int | None = None
    """
    Thumbs-down count.
    """
    laugh: int | None = None
    """
    Laugh count.
    """


@dataclass
class StoreInfoOpeningHours:
    """
    Daily opening hours (nested inline object).
    """

    open: str
    """
    Opening time, HH:MM.
    """
    close: str
    """
    Closing time, HH:MM.
    """


@dataclass
class UserProfile:
    """
    A user's profile; several fields have wire names that are not identifiers.
    """

    user_id: str
    """
    Unique id of the user.
    """
    username: str
    """
    Login name.
    """
    class_: str | None = None
    """
    Membership class, e.g. gold.
    """
    two_fa_enabled: bool | None = None
    """
    Whether two-factor authentication is on.
    """
    created_by: str | None = None
    """
    What created the account.
    """
    reactions: Reactions | None = None
    """
    Reactions the user's posts received.
    """
    avatar: str | None = None
    """
    Base64-encoded avatar image.
    """
    score: float | None = None
    """
    Reputation score.
    """
    joined_on: date | None = None
    """
    Date the user joined.
    """
    last_seen: datetime | None = None
    """
    Last activity; null if never seen.
    """
    preferences: dict[str, str] | None = None
    """
    User preferences as string key/value pairs.
    """


@dataclass
class Cat:
    """
    A cat.
    """

    pet_type: Literal["cat"]
    """
    Discriminator, always `cat`.
    """
    name: str
    """
    The cat's name.
    """
    id: int | None = None
    """
    Server-assigned pet id.
    """
    nickname: str | None = None
    """
    Optional nickname; null when it has none.
    """
    lives_left: int = 9
    """
    Number of lives the cat has left.
    """
    indoor: bool = True
    """
    Whether the cat lives indoors.
    """
    status: PetStatus | None = None
    """
    Availability in the shop.
    """
    created_at: datetime | None = None
    """
    When the pet was added.
    """


@dataclass
class CreateOrderBody:
    """
    An order request.
    """

    pet_id: int
    """
    The pet to order.
    """
    quantity: int = 1
    """
    How many to order.
    """
    priority: Priority | None = None
    """
    Order priority.
    """
    note: str | None = None
    """
    Free-text note for the store.
    """


@dataclass
class Dog:
    """
    A dog.
    """

    pet_type: Literal["dog"]
    """
    Discriminator, always `dog`.
    """
    name: str
    """
    The dog's name.
    """
    id: int | None = None
    """
    Server-assigned pet id.
    """
    breed: str | None = None
    """
    The dog's breed.
    """
    birth_date: date | None = None
    """
    Date of birth.
    """
    nickname: str | None = None
    """
    Optional nickname; null when it has none.
    """
    status: PetStatus = PetStatus.AVAILABLE
    """
    Availability in the shop.
    """
    tags: list[str] | None = None
    """
    Free-form tags.
    """
    category: Category | None = None
    """
    The category the dog belongs to.
    """
    weight_kg: float | None = None
    """
    Weight in kilograms.
    """
    legacy_code: str | None = None
    """
    Code from the old system; use `id` instead.
    """
    created_at: datetime | None = None
    """
    When the pet was added.
    """


@dataclass
class Order:
    """
    An order for a pet.
    """

    id: str
    """
    Server-assigned order id.
    """
    pet_id: int
    """
    The ordered pet.
    """
    quantity: int
    """
    How many were ordered.
    """
    status: OrderStatus
    """
    Progress of the order.
    """
    priority: Priority | None = None
    """
    Order priority.
    """
    reference: OrderReference | None = None
    """
    Reference of the order.
    """
    placed_at: datetime | None = None
    """
    When the order was placed.
    """
    ship_date: date | None = None
    """
    Planned shipping date; null while unknown.
    """
    note: str | None = None
    """
    Free-text note for the store.
    """


Pet: TypeAlias = Dog | Cat
"""
A pet, either a dog or a cat, told apart by `pet_type`.
"""


@dataclass
class Store:
    """
    A store, composed of its description and its audit data.
    """

    code: str
    """
    Short code of the store.
    """
    name: str
    """
    Display name of the store.
    """
    address: Address
    """
    Where the store is.
    """
    created_by: str
    """
    User or system that created the record.
    """
    created_at: datetime
    """
    When the record was created.
    """
    opening_hours: StoreInfoOpeningHours | None = None
    """
    Daily opening hours (nested inline object).
    """
    labels: dict[str, str] | None = None
    """
    Free-form string labels.
    """
    updated_at: datetime | None = None
    """
    When the record last changed; null if never.
    """


@dataclass
class StoreInfo:
    """
    The descriptive part of a store.
    """

    code: str
    """
    Short code of the store.
    """
    name: str
    """
    Display name of the store.
    """
    address: Address
    """
    Where the store is.
    """
    opening_hours: StoreInfoOpeningHours | None = None
    """
    Daily opening hours (nested inline object).
    """
    labels: dict[str, str] | None = None
    """
    Free-form string labels.
    """


@dataclass
class Department:
    """
    A department; members point back to departments (mutual recursion).
    """

    id: int
    """
    Department id.
    """
    name: str
    """
    Department name.
    """
    members: list[Employee]
    """
    Employees in the department.
    """


@dataclass
class Employee:
    """
    An employee, optionally with the department they manage.
    """

    id: int
    """
    Employee id.
    """
    name: str
    """
    Full name.
    """
    manages: Department | None = None
    """
    The department this employee manages, or null.
    """
