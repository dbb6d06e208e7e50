# File generated from kitchensink.yaml by sdkwright. Do not edit: regenerate it instead.

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field

from .cat import Cat
from .dog import Dog

__all__ = ["Pet"]

# A pet, either a dog or a cat, told apart by `pet_type`.
Pet: TypeAlias = Annotated[Dog | Cat, Field(discriminator="pet_type")]
