"""`compare_surfaces(old, new)`: what a user of the old SDK would find missing, changed or new.

Entries are matched by name at the same place: a method by client, resource path and name; a
type by import module and name, else by name alone (reported as moved). A method missing in one
place and new in another that calls the same endpoint is one moved method, and its signature
is still compared. The signature rules, one per case, are in `_Comparer.params` and `param`;
the type rules in `compare_types`; package-level ones in `compare_package`; what each severity
means in `report`.
"""

from __future__ import annotations

from sdkwright.ir.matching import endpoint_key
from sdkwright.surface.compare_package import compare_errors, compare_exports, compare_pages
from sdkwright.surface.compare_types import TypeComparer
from sdkwright.surface.model import Client, ClientOption, Method, Param, Resource, Surface
from sdkwright.surface.report import Recorder, Report, sorted_changes
from sdkwright.surface.typerel import INPUT, OUTPUT, type_change

_VIEWS = (("raw_response", "with_raw_response"), ("streaming_response", "with_streaming_response"))
Placed = tuple[str, Resource, Method]  # (client, resource, method)


def compare_surfaces(
    old: Surface, new: Surface, old_name: str = "old", new_name: str = "new"
) -> Report:
    comparer = _Comparer()
    compare_exports(old, new, comparer)
    comparer.clients(old, new)
    comparer.changes += TypeComparer(old, new).run()
    compare_errors(old, new, comparer)
    compare_pages(old, new, comparer)
    return Report(old_name, new_name, sorted_changes(comparer.changes))


class _Comparer(Recorder):
    def __init__(self) -> None:
        super().__init__()
        self.lost: list[Placed] = []  # methods gone from their place
        self.gained: list[Placed] = []  # methods at a place they were not

    def clients(self, old_surface: Surface, new_surface: Surface) -> None:
        old = {c.name: c for c in old_surface.clients}
        new = {c.name: c for c in new_surface.clients}
        for name in sorted(old.keys() - new.keys()):
            self.missing(f"client:{name}", "client", "client class removed")
            for node in old[name].root.walk():
                self.resource_missing(name, node, top=node is old[name].root)
        for name in sorted(new.keys() - old.keys()):
            self.new(f"client:{name}", "client", "new client class")
        for name in sorted(old.keys() & new.keys()):
            self.client(old[name], new[name])
        self.moves()

    def client(self, old: Client, new: Client) -> None:
        for alias in sorted(set(old.aliases) - set(new.aliases)):
            self.missing(f"client:{alias}", "client", f"alias of {old.name} no longer exported")
        if old.is_async != new.is_async:
            self.changed(f"client:{old.name}", "client", "breaking", "sync/async changed")
        self.options(old, new)
        self.resource(old.name, old.root, new.root)

    def options(self, old: Client, new: Client) -> None:
        after = {o.name: o for o in new.options}
        unmatched = [o for o in new.options if o.name not in {p.name for p in old.options}]
        for option in old.options:
            key = f"option:{old.name}({option.name})"
            match = after.get(option.name)
            if match is None:
                renamed = _renamed_option(option, unmatched)
                if renamed is not None:
                    unmatched.remove(renamed)
                    self.missing(key, "option", f"renamed to `{renamed.name}`")
                else:
                    self.missing(key, "option", "removed")
                continue
            self.param(key, "option", _as_param(option), _as_param(match), None)
            if option.env and option.env != match.env:
                detail = f"reads {match.env} instead" if match.env else "no longer read"
                self.changed(key + ".env", "option", "breaking", detail, option.env, match.env)
            elif match.env and not option.env:
                self.changed(
                    key + ".env", "option", "compatible", "falls back to it", None, match.env
                )
        for option in unmatched:
            detail = "new required argument" if option.required else "new optional argument"
            severity = "breaking" if option.required else "compatible"
            self.new(f"option:{new.name}({option.name})", "option", detail, severity)

    def resource_missing(self, client: str, node: Resource, top: bool) -> None:
        if not top:
            detail = f"`client.{node.path}` no longer exists"
            self.missing(f"resource:{client}.{node.path}", "resource", detail)
        self.lost += [(client, node, method) for method in node.methods]

    def resource_new(self, client: str, node: Resource) -> None:
        for each in node.walk():
            self.new(f"resource:{client}.{each.path}", "resource", f"`client.{each.path}` is new")
            self.gained += [(client, each, method) for method in each.methods]

    def resource(self, client: str, old: Resource, new: Resource) -> None:
        key = f"resource:{client}.{old.path}" if old.path else f"client:{client}"
        for flag, label in _VIEWS:
            before, after = getattr(old, flag), getattr(new, flag)
            if before != after:
                severity = "breaking" if before else "compatible"
                detail = f"`.{label}` {'removed' if before else 'added'}"
                self.changed(f"{key}.{label}", "resource", severity, detail, before, after)
        old_methods = {m.name: m for m in old.methods}
        new_methods = {m.name: m for m in new.methods}
        self.lost += [
            (client, old, old_methods[n]) for n in sorted(old_methods.keys() - new_methods.keys())
        ]
        self.gained += [
            (client, new, new_methods[n]) for n in sorted(new_methods.keys() - old_methods.keys())
        ]
        for name in sorted(old_methods.keys() & new_methods.keys()):
            self.method(
                _method_id(client, old, old_methods[name]), old_methods[name], new_methods[name]
            )
        old_children = {c.name: c for c in old.children}
        new_children = {c.name: c for c in new.children}
        for name in sorted(old_children.keys() - new_children.keys()):
            for node in old_children[name].walk():
                self.resource_missing(client, node, top=False)
        for name in sorted(new_children.keys() - old_children.keys()):
            self.resource_new(client, new_children[name])
        for name in sorted(old_children.keys() & new_children.keys()):
            self.resource(client, old_children[name], new_children[name])

    def moves(self) -> None:
        """Pair the methods gone from one place with those new at another (same client, same
        name, same endpoint where both are known); the rest are missing or new."""
        gained: dict[tuple[str, str], list[Placed]] = {}
        for entry in self.gained:
            gained.setdefault((entry[0], entry[2].name), []).append(entry)
        for client, node, method in self.lost:
            candidates = gained.get((client, method.name), [])
            same = [c for c in candidates if _endpoint(c[2]) == _endpoint(method)] or candidates
            key = _method_id(client, node, method)
            if len(same) != 1:
                self.missing(key, "method", f"`{_call(node, method)}` no longer exists")
                continue
            _, new_node, new_method = same[0]
            candidates.remove(same[0])
            detail = f"moved to `{_call(new_node, new_method)}`"
            self.changed(
                key, "method", "breaking", detail, f"client.{node.path}", f"client.{new_node.path}"
            )
            self.method(key, method, new_method)
        for entries in gained.values():
            for client, node, method in entries:
                self.new(
                    _method_id(client, node, method), "method", f"`{_call(node, method)}` is new"
                )

    def method(self, key: str, old: Method, new: Method) -> None:
        suffix = key.removeprefix("method:")
        before, after = _endpoint(old), _endpoint(new)
        if before and after and before != after:
            self.changed(
                f"endpoint:{suffix}",
                "endpoint",
                "breaking",
                "calls another endpoint",
                before,
                after,
            )
        if old.is_async != new.is_async:
            self.changed(
                key, "method", "breaking", "sync/async changed", old.is_async, new.is_async
            )
        self.params(suffix, old, new)
        change = type_change(old.returns, new.returns, OUTPUT)
        if change:
            self.changed(
                f"return:{suffix}",
                "return",
                change.severity,
                change.detail,
                old.returns,
                new.returns,
            )

    def params(self, suffix: str, old: Method, new: Method) -> None:
        """Removed, renamed (a new parameter of the same kind, type and required-ness takes its
        place), or no longer matched by **kwargs: breaking; new required: breaking; new optional
        or *args/**kwargs: compatible. Matched pairs follow `param`."""
        after = {p.name: p for p in new.params}
        unmatched = [p for p in new.params if p.name not in {q.name for q in old.params}]
        takes_kwargs = any(p.kind == "var_keyword" for p in new.params)
        old_positions = [p.name for p in old.params if p.kind == "positional"]
        new_positions = [p.name for p in new.params if p.kind == "positional"]
        for param in old.params:
            key = f"param:{suffix}({param.name})"
            match = after.get(param.name)
            if param.kind in ("var_keyword", "var_positional"):
                if not any(p.kind == param.kind for p in new.params):
                    self.missing(key, "param", f"no longer takes extra arguments ({param.kind})")
            elif match is None:
                renamed = _renamed_param(param, unmatched)
                if renamed is not None:
                    unmatched.remove(
                        renamed
                    )  # one entry for the rename, not a removal and an addition
                    self.missing(key, "param", f"renamed to `{renamed.name}`")
                elif takes_kwargs and param.kind == "keyword":
                    self.missing(key, "param", "only through **kwargs now (untyped)", "note")
                else:
                    self.missing(key, "param", "parameter removed")
            else:
                both = param.kind == match.kind == "positional"
                where = (
                    (old_positions.index(param.name), new_positions.index(param.name))
                    if both
                    else None
                )
                self.param(key, "param", param, match, where)
        for param in unmatched:
            key = f"param:{suffix}({param.name})"
            if param.kind in ("var_keyword", "var_positional"):
                self.new(key, "param", "takes extra arguments")
            elif param.required:
                self.new(key, "param", "new required parameter", "breaking")
            else:
                self.new(key, "param", "new optional parameter")

    def param(
        self, key: str, kind: str, old: Param, new: Param, position: tuple[int, int] | None
    ) -> None:
        """positional -> keyword-only, another position, now required, narrower type: breaking;
        keyword -> positional, now optional, wider type: compatible; another default: note."""
        if old.kind == "positional" and new.kind == "keyword":
            self.changed(
                key, kind, "breaking", "can no longer be passed by position", old.kind, new.kind
            )
        elif old.kind == "keyword" and new.kind == "positional":
            self.changed(
                key, kind, "compatible", "may now be passed by position", old.kind, new.kind
            )
        if position and position[0] != position[1]:
            self.changed(
                key + ".position", kind, "breaking", "moved to another position", *position
            )
        if old.required != new.required:
            severity, detail = (
                ("breaking", "now required") if new.required else ("compatible", "now optional")
            )
            self.changed(key + ".required", kind, severity, detail, old.required, new.required)
        change = type_change(old.type, new.type, INPUT)
        if change:
            self.changed(key + ".type", kind, change.severity, change.detail, old.type, new.type)
        if not old.required and not new.required and old.default != new.default:
            self.changed(
                key + ".default", kind, "note", "default changed", old.default, new.default
            )


def _endpoint(method: Method) -> str | None:
    if not (method.http_method and method.path):
        return None
    return endpoint_key(method.http_method, method.path)


def _method_id(client: str, node: Resource, method: Method) -> str:
    return f"method:{client}.{node.path + '.' if node.path else ''}{method.name}"


def _call(node: Resource, method: Method) -> str:
    return f"client.{node.path + '.' if node.path else ''}{method.name}()"


def _as_param(option: ClientOption) -> Param:
    return Param(option.name, option.kind, option.type, option.required, option.default)


def _renamed_param(old: Param, candidates: list[Param]) -> Param | None:
    same = [
        p for p in candidates if (p.kind, p.type, p.required) == (old.kind, old.type, old.required)
    ]
    return same[0] if len(same) == 1 else None


def _renamed_option(old: ClientOption, candidates: list[ClientOption]) -> ClientOption | None:
    """A new option reading the same environment variable, or the one new credential."""
    same = [
        o
        for o in candidates
        if (o.env and o.env == old.env) or (o.credential and old.credential and o.type == old.type)
    ]
    return same[0] if len(same) == 1 else None
