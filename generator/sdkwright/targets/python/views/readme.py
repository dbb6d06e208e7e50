"""The README's examples, from this API only: the real operations each section shows, every
snippet's imports and client, and what `tests/test_readme.py` answers each request with.

Every ```python block of the README is run by the SDK's `tests/test_readme.py` (routes below)
and type-checked by the repository's suite, so a section added to the template needs no test
of its own: it calls one of the operations picked here and starts with `head(...)`.
Computed once per SDK, linear in the number of operations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sdkwright.ir.nodes import Api, ResourceGroup
from sdkwright.targets.python import pytext, pytypes, wire
from sdkwright.targets.python.views.methods import MethodContext
from sdkwright.targets.python.views.samples import server_path

# Modules a snippet may import besides the SDK: the standard library's come first.
_STANDARD = ("asyncio", "datetime", "logging", "os", "uuid")
_THIRD_PARTY = ("httpx", "msgspec", "requests")
# What a sample value's code needs imported, by the text it contains.
_NEEDS = (
    ("datetime.", "import datetime"),
    ("msgspec.", "import msgspec"),
    ("TypeAdapter(", "from pydantic import TypeAdapter"),
)


@dataclass(frozen=True)
class SampleCall:
    """One operation called as the README shows it."""

    method: str  # from the client: "pets.get_pet"
    arguments: tuple[str, ...]  # as written: "1", "name='x'"
    names: tuple[str, ...]  # the types the arguments build (imported from `types`)
    code: str  # the arguments' code, for the imports it needs
    result: bool  # whether it returns something
    page: bool
    events: bool
    item: str  # what a page yields
    page_items: str = "items"  # the page's attribute holding its items
    page_class: bool = False  # a configured page class (the envelope itself), not the runtime's
    # What it uploads: "multipart" (a form with files), "binary" (a raw body), "" (nothing).
    upload: str = ""
    upload_argument: str = ""  # the argument taking a file (or the raw body)

    def call(self, receiver: str = "client", *options: str) -> str:
        """`receiver.method(arguments, options)`."""
        return f"{receiver}.{self.method}({', '.join((*self.arguments, *options))})"

    def statement(self, receiver: str = "client", *options: str) -> str:
        return ("result = " if self.result else "") + self.call(receiver, *options)


@dataclass(frozen=True)
class Route:
    """How the snippets' mock answers one operation: with the response its generated test
    (`module`, `test_class`: "" where the method returns nothing) answers with, a page's later
    requests with its items (at `items`, wire keys) emptied, so that paging stops."""

    method: str
    pattern: str  # a regular expression of the path, as a Python string literal
    status: int
    kind: str  # of the success response: json, events, text, bytes, empty
    module: str
    test_class: str
    items: tuple[str, ...] | None  # None: not a page


@dataclass(frozen=True)
class Readme:
    package: str
    client: str  # the class
    asynchronous: bool
    example: SampleCall | None  # the first method returning a plain result (else a page)
    plain: SampleCall | None  # the first method not returning a page
    paged: SampleCall | None
    events: SampleCall | None
    upload: SampleCall | None  # the first method sending a file or raw bytes
    # (accessor, description, (method, sample) of each of its operations) of each group
    operations: tuple[tuple[str, str, tuple[tuple[MethodContext, SampleCall], ...]], ...]
    routes: tuple[Route, ...]
    # (method, path as sent) of the first GET of JSON taking path parameters only (and not
    # paging), for the README's `client.get` example.
    raw_path: tuple[str, str] | None
    credentials: tuple[str, ...]  # the environment variables of the client's credentials

    def head(
        self,
        calls: Iterable[SampleCall | None] = (),
        imports: Sequence[str] = (),
        *,
        asynchronous: bool = False,
        construct: str = "",
    ) -> str:
        """A snippet's first lines: its imports, grouped and sorted as isort does, and the
        client (`construct`, else `client = Client()`)."""
        lines = set(imports)
        names: set[str] = set()
        client = ("Async" if asynchronous else "") + self.client
        for call in calls:
            if call is None:
                continue
            names.update(call.names)
            lines.update(line for marker, line in _NEEDS if marker in call.code)
        if asynchronous:
            lines.add("import asyncio")
        first = [f"from {self.package} import {client}"]
        if names:
            first.append(f"from {self.package}.types import {', '.join(sorted(names))}")
        first += (line for line in lines if _module(line) == self.package)
        groups = [
            sorted(line for line in lines if _module(line) in _STANDARD),
            sorted(line for line in lines if _module(line) not in (*_STANDARD, self.package)),
            sorted(first, key=lambda line: (line.startswith("from"), line)),
        ]
        text = "\n\n".join("\n".join(g) for g in groups if g)
        return f"{text}\n\n{construct.strip() or f'client = {client}()'}"


def _module(line: str) -> str:
    return line.split()[1].split(".")[0]


def readme_view(
    api: Api,
    groups_calls: Sequence[tuple[ResourceGroup, Sequence[MethodContext]]],
    package: str,
    asynchronous: bool,
) -> Readme:
    operations = []
    every: list[SampleCall] = []
    routes: list[Route] = []
    for group, calls in groups_calls:
        prefix = f"{group.accessor}." if group.accessor else ""
        samples = tuple((call, _sample(call, prefix)) for call in calls)
        every += (s for _, s in samples)
        routes += (_route(call, group.module) for call in calls)
        if samples:
            operations.append((group.accessor, group.description, samples))
    plain = next((s for s in every if not s.page and not s.events), None)
    paged = next((s for s in every if s.page), None)
    credentials = tuple(
        sorted({v for s in api.security_schemes for v in (s.env_var, s.password_env_var) if v})
    )
    return Readme(
        package=package,
        client=api.client_name,
        asynchronous=asynchronous,
        example=plain or paged,
        plain=plain,
        paged=paged,
        events=next((s for s in every if s.events), None),
        upload=next((s for s in every if s.upload and not s.page), None),
        operations=tuple(operations),
        # The most specific first: a literal segment wins over a parameter's.
        routes=tuple(sorted(routes, key=lambda r: -len(re.sub(r"\[\^/\]\+", "", r.pattern)))),
        credentials=credentials,
        raw_path=_raw_path(groups_calls),
    )


def _raw_path(
    groups_calls: Sequence[tuple[ResourceGroup, Sequence[MethodContext]]],
) -> tuple[str, str] | None:
    for group, calls in groups_calls:
        for call in calls:
            op = call.op
            simple = all(p.location == "path" or not p.required for p in op.parameters)
            json = op.success.kind == "json" and op.success.type is not None
            if op.http_method == "get" and simple and json and not op.server and not call.page:
                prefix = f"{group.accessor}." if group.accessor else ""
                return prefix + op.method_name, call.expected_path
    return None


def _sample(call: MethodContext, prefix: str) -> SampleCall:
    cursor = call.page.parameter if call.page is not None else ""
    chosen = [(n, a) for n, a in call.sample_call if not (cursor and n == cursor)]
    code = " ".join(value for _, value in call.sample_arguments)
    return SampleCall(
        method=prefix + call.op.method_name,
        arguments=tuple(a for _, a in chosen),
        names=tuple(n for n in call.sample_names if n != "datetime"),
        code=code,
        result=call.return_annotation != "None",
        page=call.page is not None,
        events=call.op.success.kind == "events",
        item=call.page.item if call.page is not None else "",
        page_items=call.page.items_attribute if call.page is not None else "items",
        page_class=call.page is not None and bool(call.page.sync_class),
        **_upload(call),
    )


def _upload(call: MethodContext) -> dict[str, str]:
    """Whether the call sends a file: a multipart field of bytes, or a raw binary body."""
    body = call.op.body
    if body is None or body.encoding not in ("multipart", "binary"):
        return {}
    if body.encoding == "binary":
        return {"upload": "binary", "upload_argument": "body"}
    files = [f.name for f in body.fields or () if "FileTypes" in pytypes.upload_annotation(f.type)]
    return {"upload": "multipart", "upload_argument": files[0]} if files else {}


def _route(call: MethodContext, module: str) -> Route:
    op = call.op
    pieces = re.split(r"(\{[^{}]*\})", op.path)
    parameters = {p.wire_name for p in op.path_parameters}
    pattern = "".join(
        "[^/]+" if piece[1:-1] in parameters else re.escape(wire.path_literal(piece))
        for piece in pieces
    )
    pattern = re.escape(server_path(op.server)) + pattern
    paging = op.pagination
    return Route(
        op.http_method.upper(),
        pytext.string_literal(pattern),
        call.response_status,
        op.success.kind,
        f"test_{module}",
        call.test_class if call.return_annotation != "None" else "",
        paging.items.keys if paging is not None else None,
    )
