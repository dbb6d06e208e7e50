"""Unique names handed out in turn, the first free candidate of each list."""

from __future__ import annotations

from collections.abc import Iterable


class NameRegistry:
    """Hands out unique names from lists of candidates, most natural first."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._owners: dict[str, str] = {}
        self.reserve(reserved)

    def reserve(self, names: Iterable[str], owner: str = "<reserved>") -> None:
        for name in names:
            self._owners.setdefault(name.lower(), owner)

    def owner(self, name: str) -> str | None:
        return self._owners.get(name.lower())

    def claim(self, candidates: list[str], owner: str) -> tuple[str, bool]:
        """The first free candidate (case-insensitively, since names become file names).

        Returns the name and whether it had to step past the first choice.
        """
        for index, candidate in enumerate(candidates):
            if candidate.lower() not in self._owners:
                self._take(candidate, owner)
                return candidate, index > 0
        base = candidates[-1]
        name = base
        while name.lower() in self._owners:
            name += "Alt"
        self._take(name, owner)
        return name, True

    def _take(self, name: str, owner: str) -> None:
        self._owners[name.lower()] = owner
