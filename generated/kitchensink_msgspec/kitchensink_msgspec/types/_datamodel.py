# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from datetime import date, datetime
from enum import Enum, IntEnum
from typing import Annotated, TypeAlias

from msgspec import UNSET, Meta, Struct, UnsetType, field


class Address(Struct):
    """
    A postal address.
    """

    street: Annotated[str, Meta(description="Street and number.")]
    """
    Street and number.
    """
    city: Annotated[str, Meta(description="City.")]
    """
    City.
    """
    country: Annotated[str, Meta(description="ISO 3166-1 alpha-2 country code.")]
    """
    ISO 3166-1 alpha-2 country code.
    """
    postal_code: Annotated[str, Meta(description="Postal code (kept as text).")] | UnsetType = UNSET
    """
    Postal code (kept as text).
    """


class AuditInfo(Struct):
    """
    Who created a record and when it changed.
    """

    created_by: Annotated[str, Meta(description="User or system that created the record.")] = field(
        name="created-by"
    )
    """
    User or system that created the record.
    """
    created_at: Annotated[datetime, Meta(description="When the record was created.")]
    """
    When the record was created.
    """
    updated_at: (
        Annotated[datetime, Meta(description="When the record last changed; null if never.")]
        | None
        | UnsetType
    ) = UNSET
    """
    When the record last changed; null if never.
    """


class Category(Struct):
    """
    A pet category; categories form a tree.
    """

    id: Annotated[int, Meta(description="Category id.")]
    """
    Category id.
    """
    name: Annotated[str, Meta(description="Category name.")]
    """
    Category name.
    """
    children: Annotated[list[Category], Meta(description="Sub-categories of this category.")]
    """
    Sub-categories of this category.
    """


class Error(Struct):
    """
    An error returned by the API.
    """

    code: Annotated[int, Meta(description="HTTP status code of the error.")]
    """
    HTTP status code of the error.
    """
    message: Annotated[str, Meta(description="Human-readable error message.")]
    """
    Human-readable error message.
    """
    details: (
        Annotated[str, Meta(description="Extra detail about the error, if any.")] | None | UnsetType
    ) = UNSET
    """
    Extra detail about the error, if any.
    """


OrderReference: TypeAlias = Annotated[
    str | int, Meta(description="An order reference, either a text code or a legacy numeric id.")
]
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


class Reactions(Struct):
    """
    Reaction counts, GitHub style.
    """

    total_count: Annotated[int, Meta(description="Total number of reactions.")]
    """
    Total number of reactions.
    """
    plus_1: Annotated[int, Meta(description="Thumbs-up count.")] | UnsetType = field(
        name="+1", default=UNSET
    )
    """
    Thumbs-up count.
    """
    minus_1: Annotated[int, Meta(description="Thumbs-down count.")] | UnsetType = field(
        name="-1", default=UNSET
    )
    """
    Thumbs-down count.
    """
    laugh: Annotated[int, Meta(description="Laugh count.")] | UnsetType = UNSET
    """
    Laugh count.
    """


class StoreInfoOpeningHours(Struct):
    """
    Daily opening hours (nested inline object).
    """

    open: Annotated[str, Meta(description="Opening time, HH:MM.")]
    """
    Opening time, HH:MM.
    """
    close: Annotated[str, Meta(description="Closing time, HH:MM.")]
    """
    Closing time, HH:MM.
    """


class UserProfile(Struct):
    """
    A user's profile; several fields have wire names that are not identifiers.
    """

    user_id: Annotated[str, Meta(description="Unique id of the user.")]
    """
    Unique id of the user.
    """
    username: Annotated[str, Meta(description="Login name.")]
    """
    Login name.
    """
    class_: Annotated[str, Meta(description="Membership class, e.g. gold.")] | UnsetType = field(
        name="class", default=UNSET
    )
    """
    Membership class, e.g. gold.
    """
    two_fa_enabled: (
        Annotated[bool, Meta(description="Whether two-factor authentication is on.")] | UnsetType
    ) = field(name="2fa_enabled", default=UNSET)
    """
    Whether two-factor authentication is on.
    """
    created_by: Annotated[str, Meta(description="What created the account.")] | UnsetType = field(
        name="created-by", default=UNSET
    )
    """
    What created the account.
    """
    reactions: (
        Annotated[Reactions, Meta(description="Reactions the user's posts received.")] | UnsetType
    ) = UNSET
    """
    Reactions the user's posts received.
    """
    avatar: Annotated[str, Meta(description="Base64-encoded avatar image.")] | UnsetType = UNSET
    """
    Base64-encoded avatar image.
    """
    score: Annotated[float, Meta(description="Reputation score.")] | UnsetType = UNSET
    """
    Reputation score.
    """
    joined_on: Annotated[date, Meta(description="Date the user joined.")] | UnsetType = UNSET
    """
    Date the user joined.
    """
    last_seen: (
        Annotated[datetime, Meta(description="Last activity; null if never seen.")]
        | None
        | UnsetType
    ) = UNSET
    """
    Last activity; null if never seen.
    """
    preferences: (
        Annotated[dict[str, str], Meta(description="User preferences as string key/value pairs.")]
        | UnsetType
    ) = UNSET
    """
    User preferences as string key/value pairs.
    """


class Cat(Struct, tag_field="pet_type", tag="cat"):
    """
    A cat.
    """

    name: Annotated[str, Meta(description="The cat's name.")]
    """
    The cat's name.
    """
    id: Annotated[int, Meta(description="Server-assigned pet id.")] | UnsetType = UNSET
    """
    Server-assigned pet id.
    """
    nickname: (
        Annotated[str, Meta(description="Optional nickname; null when it has none.")]
        | None
        | UnsetType
    ) = UNSET
    """
    Optional nickname; null when it has none.
    """
    lives_left: (
        Annotated[int, Meta(description="Number of lives the cat has left. Default: 9.")]
        | UnsetType
    ) = UNSET
    """
    Number of lives the cat has left. Default: 9.
    """
    indoor: (
        Annotated[bool, Meta(description="Whether the cat lives indoors. Default: true.")]
        | UnsetType
    ) = UNSET
    """
    Whether the cat lives indoors. Default: true.
    """
    status: Annotated[PetStatus, Meta(description="Availability in the shop.")] | UnsetType = UNSET
    """
    Availability in the shop.
    """
    created_at: Annotated[datetime, Meta(description="When the pet was added.")] | UnsetType = UNSET
    """
    When the pet was added.
    """


class CreateOrderBody(Struct):
    """
    An order request.
    """

    pet_id: Annotated[int, Meta(description="The pet to order.")]
    """
    The pet to order.
    """
    quantity: Annotated[int, Meta(description="How many to order. Default: 1.")] | UnsetType = UNSET
    """
    How many to order. Default: 1.
    """
    priority: Annotated[Priority, Meta(description="Order priority.")] | UnsetType = UNSET
    """
    Order priority.
    """
    note: Annotated[str, Meta(description="Free-text note for the store.")] | None | UnsetType = (
        UNSET
    )
    """
    Free-text note for the store.
    """


class Dog(Struct, tag_field="pet_type", tag="dog"):
    """
    A dog.
    """

    name: Annotated[str, Meta(description="The dog's name.")]
    """
    The dog's name.
    """
    id: Annotated[int, Meta(description="Server-assigned pet id.")] | UnsetType = UNSET
    """
    Server-assigned pet id.
    """
    breed: Annotated[str, Meta(description="The dog's breed.")] | UnsetType = UNSET
    """
    The dog's breed.
    """
    birth_date: Annotated[date, Meta(description="Date of birth.")] | UnsetType = UNSET
    """
    Date of birth.
    """
    nickname: (
        Annotated[str, Meta(description="Optional nickname; null when it has none.")]
        | None
        | UnsetType
    ) = UNSET
    """
    Optional nickname; null when it has none.
    """
    status: (
        Annotated[PetStatus, Meta(description='Availability in the shop. Default: "available".')]
        | UnsetType
    ) = UNSET
    """
    Availability in the shop. Default: "available".
    """
    tags: Annotated[list[str], Meta(description="Free-form tags.")] | UnsetType = UNSET
    """
    Free-form tags.
    """
    category: (
        Annotated[Category, Meta(description="The category the dog belongs to.")] | UnsetType
    ) = UNSET
    """
    The category the dog belongs to.
    """
    weight_kg: Annotated[float, Meta(description="Weight in kilograms.")] | UnsetType = UNSET
    """
    Weight in kilograms.
    """
    legacy_code: (
        Annotated[str, Meta(description="Code from the old system; use `id` instead.")] | UnsetType
    ) = UNSET
    """
    Code from the old system; use `id` instead.
    """
    created_at: Annotated[datetime, Meta(description="When the pet was added.")] | UnsetType = UNSET
    """
    When the pet was added.
    """


class Order(Struct):
    """
    An order for a pet.
    """

    id: Annotated[str, Meta(description="Server-assigned order id.")]
    """
    Server-assigned order id.
    """
    pet_id: Annotated[int, Meta(description="The ordered pet.")]
    """
    The ordered pet.
    """
    quantity: Annotated[int, Meta(description="How many were ordered.")]
    """
    How many were ordered.
    """
    status: Annotated[OrderStatus, Meta(description="Progress of the order.")]
    """
    Progress of the order.
    """
    priority: Annotated[Priority, Meta(description="Order priority.")] | UnsetType = UNSET
    """
    Order priority.
    """
    reference: (
        Annotated[OrderReference, Meta(description="Reference of the order.")] | UnsetType
    ) = UNSET
    """
    Reference of the order.
    """
    placed_at: Annotated[datetime, Meta(description="When the order was placed.")] | UnsetType = (
        UNSET
    )
    """
    When the order was placed.
    """
    ship_date: (
        Annotated[date, Meta(description="Planned shipping date; null while unknown.")]
        | None
        | UnsetType
    ) = UNSET
    """
    Planned shipping date; null while unknown.
    """
    note: Annotated[str, Meta(description="Free-text note for the store.")] | None | UnsetType = (
        UNSET
    )
    """
    Free-text note for the store.
    """


Pet: TypeAlias = Annotated[
    Dog | Cat, Meta(description="A pet, either a dog or a cat, told apart by `pet_type`.")
]
"""
A pet, either a dog or a cat, told apart by `pet_type`.
"""


class Store(Struct):
    """
    A store, composed of its description and its audit data.
    """

    code: Annotated[str, Meta(description="Short code of the store.")]
    """
    Short code of the store.
    """
    name: Annotated[str, Meta(description="Display name of the store.")]
    """
    Display name of the store.
    """
    address: Annotated[Address, Meta(description="Where the store is.")]
    """
    Where the store is.
    """
    created_by: Annotated[str, Meta(description="User or system that created the record.")] = field(
        name="created-by"
    )
    """
    User or system that created the record.
    """
    created_at: Annotated[datetime, Meta(description="When the record was created.")]
    """
    When the record was created.
    """
    opening_hours: (
        Annotated[
            StoreInfoOpeningHours, Meta(description="Daily opening hours (nested inline object).")
        ]
        | UnsetType
    ) = UNSET
    """
    Daily opening hours (nested inline object).
    """
    labels: Annotated[dict[str, str], Meta(description="Free-form string labels.")] | UnsetType = (
        UNSET
    )
    """
    Free-form string labels.
    """
    updated_at: (
        Annotated[datetime, Meta(description="When the record last changed; null if never.")]
        | None
        | UnsetType
    ) = UNSET
    """
    When the record last changed; null if never.
    """


class StoreInfo(Struct):
    """
    The descriptive part of a store.
    """

    code: Annotated[str, Meta(description="Short code of the store.")]
    """
    Short code of the store.
    """
    name: Annotated[str, Meta(description="Display name of the store.")]
    """
    Display name of the store.
    """
    address: Annotated[Address, Meta(description="Where the store is.")]
    """
    Where the store is.
    """
    opening_hours: (
        Annotated[
            StoreInfoOpeningHours, Meta(description="Daily opening hours (nested inline object).")
        ]
        | UnsetType
    ) = UNSET
    """
    Daily opening hours (nested inline object).
    """
    labels: Annotated[dict[str, str], Meta(description="Free-form string labels.")] | UnsetType = (
        UNSET
    )
    """
    Free-form string labels.
    """


class Department(Struct):
    """
    A department; members point back to departments (mutual recursion).
    """

    id: Annotated[int, Meta(description="Department id.")]
    """
    Department id.
    """
    name: Annotated[str, Meta(description="Department name.")]
    """
    Department name.
    """
    members: Annotated[list[Employee], Meta(description="Employees in the department.")]
    """
    Employees in the department.
    """


class Employee(Struct):
    """
    An employee, optionally with the department they manage.
    """

    id: Annotated[int, Meta(description="Employee id.")]
    """
    Employee id.
    """
    name: Annotated[str, Meta(description="Full name.")]
    """
    Full name.
    """
    manages: (
        Annotated[Department, Meta(description="The department this employee manages, or null.")]
        | None
        | UnsetType
    ) = UNSET
    """
    The department this employee manages, or null.
    """
