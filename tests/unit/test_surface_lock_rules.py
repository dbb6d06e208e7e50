"""The surface lock's rules: which version allows a breaking change, how changes are
classified, and the file's format (surface/lock.py)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sdkwright.diagnostics import GenerationFailed, Level
from sdkwright.surface.lock import (
    Locked,
    breaking_allowed,
    compare,
    findings,
    parse,
    render,
    suggested_bump,
)
from sdkwright.surface.model import Field, Surface, TypeDef


@pytest.mark.parametrize(
    ("locked", "version", "allowed"),
    [
        ("1.4.2", "2.0.0", True),
        ("1.4.2", "1.5.0", False),
        ("1.4.2", "1.4.3", False),
        ("1.4.2", "1.4.2", False),
        ("0.3.1", "0.4.0", True),  # 0.x: the minor is the major
        ("0.3.1", "0.3.2", False),
        ("0.3.1", "1.0.0", True),
        ("1.0.0", "2.0.0-rc.1", True),  # the pre-release of a major release
        ("2.0.0", "1.9.0", False),
    ],
)
def test_a_breaking_change_needs_a_major_release(locked: str, version: str, allowed: bool) -> None:
    assert breaking_allowed(locked, version) is allowed


def surface(*fields: str) -> Surface:
    model = TypeDef(
        "Address",
        "shop.types",
        "model",
        "shop.types.address",
        fields=tuple(Field(name, "str", True, False) for name in fields),
    )
    return Surface("shop", types=(model,))


def test_changes_are_classified_and_refused_only_when_the_version_does_not_allow_them() -> None:
    lock = Locked("1.2.0", surface("street", "city"))
    removed = compare(lock, surface("street"), "1.3.0")
    assert [c.id for c in removed.breaking] == ["field:shop.types.Address.city"]
    assert not removed.allowed
    assert suggested_bump(removed.changes) == "major"
    lock_path = Path("x.lock.json")
    (error,) = findings(removed, lock_path)
    assert error.level is Level.ERROR and error.code == "surface.breaking"
    assert "version 1.3.0 is not a major release after 1.2.0" in error.message
    assert error.location is not None and error.location.file == str(lock_path)
    (accepted,) = findings(removed, lock_path, accepted=True)
    assert accepted.level is Level.WARNING
    assert compare(lock, surface("street"), "2.0.0").allowed
    added = compare(lock, surface("street", "city", "zip"), "1.2.0")
    assert added.allowed and suggested_bump(added.changes) == "minor"
    assert [d.code for d in findings(added, lock_path)] == ["surface.feature"]
    assert suggested_bump(compare(lock, lock.surface, "1.2.0").changes) == "none"


def test_the_file_round_trips_one_record_a_line() -> None:
    entries = {"b": Locked("0.1.0", surface("street")), "a": Locked("1.0.0", surface("city"))}
    data = render(entries)
    assert parse(data, "lock") == entries
    text = data.decode()
    assert text.index('"a"') < text.index('"b"')  # sorted: the same bytes every time
    assert '{"name": "street", "type": "str", "required": true, "nullable": false}' in text
    assert '"alias"' not in text  # fields at their default are left out


@pytest.mark.parametrize(
    "raw", [b"{", b'{"version": 2, "targets": {}}', b'{"version": 1, "targets": {"a": {}}}']
)
def test_an_unreadable_lock_is_a_located_error(raw: bytes) -> None:
    with pytest.raises(GenerationFailed) as failure:
        parse(raw, "sdkwright-surface.lock.json")
    (diagnostic,) = failure.value.diagnostics
    assert diagnostic.code == "surface.lock-invalid"
    assert diagnostic.location is not None
    assert diagnostic.location.file == "sdkwright-surface.lock.json"


def test_only_a_shape_one_locked_class_has_pins_a_name() -> None:
    from sdkwright.ir.matching import endpoint_key, object_shape
    from sdkwright.surface.generated import pinned_classes

    same = surface("street", "city")
    twin = dataclasses.replace(same.types[0], name="Twin")
    twins = Surface("shop", types=(same.types[0], twin))
    assert pinned_classes(twins) == ()  # ambiguous: which of the two was renamed?
    assert pinned_classes(same) == ((object_shape([("city", True), ("street", True)]), "Address"),)
    assert endpoint_key("delete", "/a/{id}/b/{other}") == "DELETE /a/{}/b/{}"
