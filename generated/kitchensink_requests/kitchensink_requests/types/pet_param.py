# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import TypeAlias

from .cat import Cat
from .cat_param import CatParam
from .dog import Dog
from .dog_param import DogParam

__all__ = ["PetParam"]

# `Pet` as a dict of its fields by Python name, taken in its place. A pet, either a dog or a cat, told apart by `pet_type`.
PetParam: TypeAlias = Dog | DogParam | Cat | CatParam
