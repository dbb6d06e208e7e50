"""The type rules: exported types, their fields, enum members and Literal values, union variants.

Whether a type is an input or an output decides what a change means: a field removed from a
response model breaks readers; a Literal value added to a parameter's type breaks no one, while
one added to a response's is a note. A type's side is found from the old surface: what method
parameters and TypedDicts reach is input, what return types and models reach is output (both,
when both reach it: then the stricter rule holds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sdkwright.surface.model import Field, Surface, TypeDef
from sdkwright.surface.report import Change, Recorder
from sdkwright.surface.typerel import INPUT, OUTPUT, TypeChange, type_change

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def type_sides(surface: Surface) -> dict[str, set[str]]:
    """Type name -> {"input", "output"}: where the surface's users meet it."""
    references: dict[str, set[str]] = {}
    for typedef in surface.types:
        texts = [f.type for f in typedef.fields] + list(typedef.variants)
        references.setdefault(typedef.name, set()).update(_names(texts))
    roots: dict[str, set[str]] = {INPUT: set(), OUTPUT: set()}
    for client in surface.clients:
        for node in client.root.walk():
            for method in node.methods:
                roots[INPUT] |= _names(p.type for p in method.params)
                roots[OUTPUT] |= _names([method.returns])
    for typedef in surface.types:
        if typedef.kind == "typeddict":
            roots[INPUT].add(typedef.name)
    sides: dict[str, set[str]] = {}
    for side, names in roots.items():
        queue = list(names)
        while queue:
            name = queue.pop()
            if side in sides.setdefault(name, set()):
                continue
            sides[name].add(side)
            queue.extend(references.get(name, ()))
    return sides


def _names(texts: Iterable[str]) -> set[str]:
    return {name for text in texts for name in _NAME.findall(text)}


class TypeComparer(Recorder):
    def __init__(self, old: Surface, new: Surface) -> None:
        super().__init__()
        self.before, self.after = old, new
        self.sides = type_sides(old)
        self.spelled: dict[str, str] = {}

    def side(self, typedef: TypeDef) -> set[str]:
        found = self.sides.get(typedef.name, set())
        if found:
            return found
        return {INPUT} if typedef.kind == "typeddict" else {OUTPUT}

    def run(self) -> list[Change]:
        after = _without_pages(self.after)
        # A type is importable from every module that re-exports it, not only the shortest one
        by_key = {f"{m}.{t.name}": t for t in after for m in t.exported_from}
        # ... and under every other name a module binds it to (`OpenChart = ActionOpenChart`)
        by_key.update({bound: t for t in after for bound in t.bound_as})
        by_key.update({t.key: t for t in after})
        by_name: dict[str, list[TypeDef]] = {}
        for typedef in after:
            by_name.setdefault(typedef.name, []).append(typedef)
        matched: set[str] = set()
        pairs: list[tuple[TypeDef, TypeDef]] = []
        for old in _without_pages(self.before):
            new = by_key.get(old.key)
            if new is None:
                new = _best(old, by_name.get(old.name, []), matched)
                if new is not None and old.public:
                    detail = f"moved: import it from {new.module}"
                    self.changed(
                        f"type:{old.key}", "type", "breaking", detail, old.module, new.module
                    )
            if new is None:
                if old.public:
                    self.missing(
                        f"type:{old.key}", "type", f"`from {old.module} import {old.name}` fails"
                    )
                else:
                    self.missing(f"type:{old.key}", "type", "nested type no longer exists", "note")
                continue
            matched.add(new.key)
            pairs.append((old, new))
        self.spelled = _old_spellings(pairs)
        for old, new in pairs:
            self.compare(old, new)
        for new in after:
            if new.key not in matched and new.public:
                self.new(f"type:{new.key}", "type", f"new {new.kind}")
        return self.changes

    def compare(self, old: TypeDef, new: TypeDef) -> None:
        key = old.key
        if old.kind != new.kind:
            detail = f"was {_article(old.kind)}, now {_article(new.kind)}"
            self.changed(f"type:{key}.kind", "type", "breaking", detail, old.kind, new.kind)
        sides = self.side(old)
        if old.fields or new.fields:
            self.fields(key, old.fields, new.fields, sides)
        if old.values or new.values:
            self.values(key, old.values, new.values, sides)
        if old.kind == new.kind == "enum":
            for member in sorted(set(old.members) - set(new.members)):
                self.missing(
                    f"member:{key}.{member}", "member", f"`{old.name}.{member}` no longer exists"
                )
        variants = tuple(self.respelled(v) for v in new.variants)
        if old.kind == new.kind and old.kind in ("union", "alias") and old.variants != variants:
            self.variants(key, old, replace(new, variants=variants), sides)

    def respelled(self, text: str) -> str:
        """A type's text with each class that matched an old one under another name (through
        a binding, `OpenChart = ActionOpenChart`) spelled by the old name: that name still
        imports the same class, so a union of those classes is the same union."""
        return _NAME.sub(lambda m: self.spelled.get(m.group(0), m.group(0)), text)

    def fields(
        self, key: str, old: tuple[Field, ...], new: tuple[Field, ...], sides: set[str]
    ) -> None:
        """Removed: breaking (renamed, when a new field keeps its wire name: one entry). New:
        compatible, unless an input must now give it. Another wire name: breaking.
        Required-ness and type: by the side the type is on."""
        after = {f.name: f for f in new}
        unmatched = [f for f in new if f.name not in {g.name for g in old}]
        for field in old:
            match = after.get(field.name)
            field_key = f"field:{key}.{field.name}"
            if match is None:
                match = next((f for f in unmatched if _wire(f) == _wire(field)), None)
                if match is None:
                    self.missing(field_key, "field", "field removed")
                    continue
                unmatched.remove(match)
                self.missing(field_key, "field", f"renamed to `{match.name}` (same wire name)")
            elif field.alias != match.alias:
                detail = "reads and writes another wire name"
                self.changed(
                    field_key + ".alias", "field", "breaking", detail, _wire(field), _wire(match)
                )
            self.requiredness(field_key, field, match, sides)
            worst = _worst([type_change(field.type, match.type, side) for side in sorted(sides)])
            if worst:
                self.changed(
                    field_key + ".type",
                    "field",
                    worst.severity,
                    worst.detail,
                    field.type,
                    match.type,
                )
        for field in unmatched:
            if INPUT in sides and field.required:
                self.new(f"field:{key}.{field.name}", "field", "new required field", "breaking")
            else:
                self.new(f"field:{key}.{field.name}", "field", "new field")

    def requiredness(self, key: str, old: Field, new: Field, sides: set[str]) -> None:
        """An input that must now be given breaks callers; an output that may now be absent
        breaks readers. The other way round is compatible."""
        if old.required == new.required:
            return
        if new.required:
            severity = "breaking" if INPUT in sides else "compatible"
            self.changed(
                key + ".required", "field", severity, "now required", "optional", "required"
            )
        else:
            severity = "breaking" if OUTPUT in sides else "compatible"
            self.changed(
                key + ".required", "field", severity, "now optional", "required", "optional"
            )

    def values(self, key: str, old: Iterable[str], new: Iterable[str], sides: set[str]) -> None:
        """A value removed breaks inputs (old calls send it); one added is a note for outputs."""
        before, after = set(old), set(new)
        for value in sorted(before - after):
            severity = "breaking" if INPUT in sides else "compatible"
            self.missing(f"value:{key}={value}", "value", f"value {value} removed", severity)
        for value in sorted(after - before):
            severity = "note" if OUTPUT in sides else "compatible"
            self.new(f"value:{key}={value}", "value", f"value {value} added", severity)

    def variants(self, key: str, old: TypeDef, new: TypeDef, sides: set[str]) -> None:
        before, after = " | ".join(old.variants), " | ".join(new.variants)
        worst = _worst([type_change(before, after, side) for side in sorted(sides)])
        if worst:
            self.changed(
                f"type:{key}.variants", "type", worst.severity, worst.detail, before, after
            )


def _old_spellings(pairs: list[tuple[TypeDef, TypeDef]]) -> dict[str, str]:
    """New class name -> the old name it matched, where it matched one old name only."""
    olds: dict[str, set[str]] = {}
    for old, new in pairs:
        olds.setdefault(new.name, set()).add(old.name)
    return {new: next(iter(names)) for new, names in olds.items() if len(names) == 1}


def _without_pages(surface: Surface) -> list[TypeDef]:
    """The types but the page classes, which `compare_package.compare_pages` compares."""
    pages = {(p.module, p.name) for p in surface.pages}
    return [t for t in surface.types if (t.module, t.name) not in pages]


def _article(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _wire(field: Field) -> str:
    return field.alias or field.name


def _worst(changes: list[TypeChange | None]) -> TypeChange | None:
    order = {"breaking": 0, "note": 1, "compatible": 2}
    found = [c for c in changes if c is not None]
    return min(found, key=lambda c: order[c.severity]) if found else None


def _best(old: TypeDef, candidates: list[TypeDef], taken: set[str]) -> TypeDef | None:
    """The same-named type elsewhere, preferring one of the same kind and a public one."""
    free = [c for c in candidates if c.key not in taken]
    free.sort(key=lambda c: (c.kind != old.kind, not c.public, c.module))
    return free[0] if free else None
