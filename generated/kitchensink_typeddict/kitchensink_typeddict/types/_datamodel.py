# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, TypeAlias

from typing_extensions import NotRequired, TypedDict


class Address(TypedDict):
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
    postal_code: NotRequired[str]
    """
    Postal code (kept as text).
    """
    country: str
    """
    ISO 3166-1 alpha-2 country code.
    """


AuditInfo = TypedDict(
    "AuditInfo",
    {
        "created-by": str,
        "created_at": datetime,
        "updated_at": NotRequired[datetime | None],
    },
)


class Category(TypedDict):
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


class Error(TypedDict):
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
    details: NotRequired[str | None]
    """
    Extra detail about the error, if any.
    """


OrderReference: TypeAlias = str | int
"""
An order reference, either a text code or a legacy numeric id.
"""


OrderStatus: TypeAlias = Literal["placed", "in-progress", "2nd-attempt", "delivered"]
"""
Progress of an order: `placed`, `in-progress` (being prepared), `2nd-attempt` (delivery is being retried) or `delivered`.
"""


PetStatus: TypeAlias = Literal["available", "pending", "sold"]
"""
Availability of a pet in the shop.
"""


Priority: TypeAlias = Literal[1, 2, 3]
"""
Order priority, 1 (low), 2 (normal) or 3 (high).
"""


Reactions = TypedDict(
    "Reactions",
    {
        "total_count": int,
        "+1": NotRequired[int],
        "-1": NotRequired[int],
        "laugh": NotRequired[int],
    },
)


class StoreInfoOpeningHours(TypedDict):
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


UserProfile = TypedDict(
    "UserProfile",
    {
        "user_id": str,
        "username": str,
        "class": NotRequired[str],
        "2fa_enabled": NotRequired[bool],
        "created-by": NotRequired[str],
        "reactions": NotRequired[Reactions],
        "avatar": NotRequired[str],
        "score": NotRequired[float],
        "joined_on": NotRequired[date],
        "last_seen": NotRequired[datetime | None],
        "preferences": NotRequired[dict[str, str]],
    },
)


class Cat(TypedDict):
    """
    A cat.
    """

    pet_type: Literal["cat"]
    """
    Discriminator, always `cat`.
    """
    id: NotRequired[int]
    """
    Server-assigned pet id.
    """
    name: str
    """
    The cat's name.
    """
    nickname: NotRequired[str | None]
    """
    Optional nickname; null when it has none.
    """
    lives_left: NotRequired[int]
    """
    Number of lives the cat has left.
    """
    indoor: NotRequired[bool]
    """
    Whether the cat lives indoors.
    """
    status: NotRequired[PetStatus]
    """
    Availability in the shop.
    """
    created_at: NotRequired[datetime]
    """
    When the pet was added.
    """


class CreateOrderBody(TypedDict):
    """
    An order request.
    """

    pet_id: int
    """
    The pet to order.
    """
    quantity: NotRequired[int]
    """
    How many to order.
    """
    priority: NotRequired[Priority]
    """
    Order priority.
    """
    note: NotRequired[str | None]
    """
    Free-text note for the store.
    """


class Dog(TypedDict):
    """
    A dog.
    """

    pet_type: Literal["dog"]
    """
    Discriminator, always `dog`.
    """
    id: NotRequired[int]
    """
    Server-assigned pet id.
    """
    name: str
    """
    The dog's name.
    """
    breed: NotRequired[str]
    """
    The dog's breed.
    """
    birth_date: NotRequired[date]
    """
    Date of birth.
    """
    nickname: NotRequired[str | None]
    """
    Optional nickname; null when it has none.
    """
    status: NotRequired[PetStatus]
    """
    Availability in the shop.
    """
    tags: NotRequired[list[str]]
    """
    Free-form tags.
    """
    category: NotRequired[Category]
    """
    The category the dog belongs to.
    """
    weight_kg: NotRequired[float]
    """
    Weight in kilograms.
    """
    legacy_code: NotRequired[str]
    """
    Code from the old system; use `id` instead.
    """
    created_at: NotRequired[datetime]
    """
    When the pet was added.
    """


class Order(TypedDict):
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
    priority: NotRequired[Priority]
    """
    Order priority.
    """
    status: OrderStatus
    """
    Progress of the order.
    """
    reference: NotRequired[OrderReference]
    """
    Reference of the order.
    """
    placed_at: NotRequired[datetime]
    """
    When the order was placed.
    """
    ship_date: NotRequired[date | None]
    """
    Planned shipping date; null while unknown.
    """
    note: NotRequired[str | None]
    """
    Free-text note for the store.
    """


Pet: TypeAlias = Dog | Cat
"""
A pet, either a dog or a cat, told apart by `pet_type`.
"""


Store = TypedDict(
    "Store",
    {
        "code": str,
        "name": str,
        "address": Address,
        "opening_hours": NotRequired[StoreInfoOpeningHours],
        "labels": NotRequired[dict[str, str]],
        "created-by": str,
        "created_at": datetime,
        "updated_at": NotRequired[datetime | None],
    },
)


class StoreInfo(TypedDict):
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
    opening_hours: NotRequired[StoreInfoOpeningHours]
    """
    Daily opening hours (nested inline object).
    """
    labels: NotRequired[dict[str, str]]
    """
    Free-form string labels.
    """


class Department(TypedDict):
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


class Employee(TypedDict):
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
    manages: NotRequired[Department | None]
    """
    The department this employee manages, or null.
    """
