"""Stainless's `api.md`: every resource, method, endpoint and type name of the SDK.

    # V1                                  <- a resource heading (any level: ##, ###, ...)
    Types:
    ```python
    from clearstreet.types import SecurityType, SortDirection      <- its models and their module
    ```
    Methods:
    - <code title="get /v1/accounts/{account_id}">client.v1.accounts.<a href="...">get_account_by_id</a>(account_id) -> <a href="./src/clearstreet/types/v1/account_get_account_by_id_response.py">AccountGetAccountByIDResponse</a></code>

A method line gives the accessor path, the name, the endpoint (its `title`), the signature's
shape (path parameters by position, `*` then path parameters by keyword, `**params` linking the
params TypedDict's file) and the return (a type linked to its file, `SyncCursorPage[Item]`, or
plain text such as `None`). `# Shared Types` lists types that many resources use. A line that
looks like a method but cannot be read is a located note, never a guess.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from sdkwright.migrate.stainless.naming import DEFAULT_SPELLINGS, learn_spellings, pascal, snake
from sdkwright.migrate.stainless.surface_config import MethodConfig, Note, ResourceConfig, TypeName

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_METHOD = re.compile(
    r'^\s*[-*]\s*<code title="(?P<verb>[A-Za-z]+) (?P<path>[^"]*)">'
    r"(?P<accessor>client(?:\.\w+)*)\.<a href=\"[^\"]*\">(?P<name>\w+)</a>"
    r"\((?P<args>.*?)\)\s*->\s*(?P<returns>.*?)</code>\s*$"
)
_LINK = re.compile(r'<a href="(?P<href>[^"]*)">(?P<text>.*?)</a>')
_PAGE = re.compile(r"^(?P<page>\w+)\[(?P<item>\w+)\]$")
_SHARED = "shared types"


@dataclass
class _Heading:
    level: int
    title: str
    line: int
    models: list[TypeName] = field(default_factory=list)
    methods: list[tuple[str, MethodConfig]] = field(default_factory=list)  # (accessor, method)
    children: list[_Heading] = field(default_factory=list)


@dataclass(frozen=True)
class ApiMd:
    resources: tuple[ResourceConfig, ...]
    root_methods: tuple[MethodConfig, ...]
    shared_types: tuple[TypeName, ...]
    page_classes: tuple[str, ...]
    notes: tuple[Note, ...]


def read_api_md(path: Path, package: str, params_name: dict[str, str] | None = None) -> ApiMd:
    """api.md at `path`; `params_name` maps a params file (as linked) to its class name when the
    caller could read it from the package's source; otherwise the name is derived from the
    file name with the capitalisation api.md uses elsewhere."""
    text = path.read_text(encoding="utf-8", errors="replace")
    reader = _Reader(str(path), package)
    reader.read(text.splitlines())
    return reader.result(params_name or {})


class _Reader:
    def __init__(self, file: str, package: str) -> None:
        self.file, self.package = file, package
        self.root = _Heading(0, "", 0)
        self.stack = [self.root]
        self.notes: list[Note] = []
        self.shared: list[TypeName] = []
        self.pairs: list[tuple[str, str]] = []  # (file stem, class name) for learn_spellings

    def note(self, line: int, message: str, code: str = "stainless.api-md") -> None:
        self.notes.append(Note(code, message, self.file, line, 1))

    def read(self, lines: list[str]) -> None:
        block: list[str] | None = None
        block_line = 0
        for number, line in enumerate(lines, 1):
            if block is not None:
                if line.strip().startswith("```"):
                    self.types_block("\n".join(block), block_line)
                    block = None
                else:
                    block.append(line)
                continue
            if line.strip().startswith("```python"):
                block, block_line = [], number + 1
            elif heading := _HEADING.match(line):
                self.heading(len(heading[1]), heading[2], number)
            elif line.lstrip().startswith(("- <code", "* <code")):
                self.method(line, number)
        if block is not None:
            self.note(block_line, "a ```python block is not closed")

    def heading(self, level: int, title: str, line: int) -> None:
        while self.stack[-1].level >= level:
            self.stack.pop()
        node = _Heading(level, title, line)
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def types_block(self, source: str, line: int) -> None:
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            self.note(line + (error.lineno or 1) - 1, f"cannot read the Types block: {error.msg}")
            return
        current = self.stack[-1]
        for statement in tree.body:
            if isinstance(statement, ast.ImportFrom) and statement.module:
                names = [TypeName(alias.name, statement.module) for alias in statement.names]
                target = self.shared if current.title.lower() == _SHARED else current.models
                target.extend(names)

    def method(self, line: str, number: int) -> None:
        match = _METHOD.match(line)
        if match is None:
            self.note(
                number, "a method line that cannot be read: " + html.unescape(line.strip())[:160]
            )
            return
        positional, keyword_path, params_file = _arguments(match["args"])
        returns, response, page = self.returns(match["returns"])
        params = TypeName("", "", params_file) if params_file else None
        method = MethodConfig(
            match["name"],
            match["verb"].upper(),
            match["path"],
            tuple(positional),
            tuple(keyword_path),
            params_file is not None,
            returns,
            response,
            params,
            page,
            source=f"{self.file}:{number}",
        )
        self.stack[-1].methods.append((match["accessor"], method))

    def returns(self, text: str) -> tuple[str, TypeName | None, str | None]:
        links = list(_LINK.finditer(text))
        plain = html.unescape(_LINK.sub(lambda m: m["text"], text)).strip()
        if len(links) != 1:
            return plain, None, None
        href, label = links[0]["href"], html.unescape(links[0]["text"]).strip()
        page = _PAGE.match(label)
        name = page["item"] if page else label
        module = module_of(href)
        if module and not page:
            self.pairs.append((module.rpartition(".")[2], name))
        return plain, TypeName(name, module or "", href), page["page"] if page else None

    def result(self, params_names: dict[str, str]) -> ApiMd:
        exported = {t.name: t.module for t in self.shared}
        for heading in _all(self.root):
            exported.update({t.name: t.module for t in heading.models})
        spellings = learn_spellings(self.pairs + [(snake(t.name), t.name) for t in self.shared])
        builder = _TreeBuilder(self, exported, spellings, params_names)
        resources, root = builder.build(self.root)
        pages = sorted({m.paginated for _, m in _methods(self.root) if m.paginated})
        return ApiMd(
            tuple(resources), tuple(root), tuple(self.shared), tuple(pages), tuple(self.notes)
        )


class _TreeBuilder:
    def __init__(
        self,
        reader: _Reader,
        exported: dict[str, str],
        spellings: dict[str, str],
        params: dict[str, str],
    ) -> None:
        self.reader, self.exported, self.spellings, self.params = (
            reader,
            exported,
            spellings,
            params,
        )

    def build(self, root: _Heading) -> tuple[list[ResourceConfig], list[MethodConfig]]:
        root_methods = [self.finish(m) for accessor, m in root.methods if accessor == "client"]
        resources: list[ResourceConfig] = []
        for heading in root.children:
            if heading.title.lower() == _SHARED:
                continue
            root_methods += [
                self.finish(m) for accessor, m in heading.methods if accessor == "client"
            ]
            resources.append(self.resource(heading, ""))
        return resources, root_methods

    def resource(self, heading: _Heading, parent: str) -> ResourceConfig:
        paths = {
            accessor.removeprefix("client.")
            for accessor, _ in heading.methods
            if accessor != "client"
        }
        children = [self.resource(child, "") for child in heading.children]
        if len(paths) > 1:
            self.reader.note(
                heading.line,
                f"methods under '{heading.title}' use several accessors: {sorted(paths)}",
            )
        if paths:
            path = sorted(paths)[0]
        elif children:
            path = children[0].path.rpartition(".")[0] or snake(heading.title)
        else:
            path = f"{parent}.{snake(heading.title)}" if parent else snake(heading.title)
            self.reader.note(
                heading.line,
                f"'{heading.title}' has no methods: its accessor `{path}` is a guess",
                "stainless.api-md.guess",
            )
        methods = tuple(self.finish(m) for accessor, m in heading.methods if accessor != "client")
        return ResourceConfig(
            path.rpartition(".")[2],
            path,
            heading.title,
            methods,
            tuple(children),
            tuple(heading.models),
        )

    def finish(self, method: MethodConfig) -> MethodConfig:
        """Put the response and params types under the module users import them from."""
        response = method.response
        if response is not None:
            response = replace(
                response, module=self.exported.get(response.name, _parent(response.module))
            )
        params = method.params
        if params is not None and params.file:
            module = module_of(params.file) or ""
            name = self.params.get(params.file) or pascal(
                module.rpartition(".")[2], {**DEFAULT_SPELLINGS, **self.spellings}
            )
            params = TypeName(name, self.exported.get(name, _parent(module)), params.file)
        return replace(method, response=response, params=params)


def module_of(href: str) -> str | None:
    """`./src/clearstreet/types/v1/x.py` -> `clearstreet.types.v1.x` (None if not a .py file)."""
    relative = href.split("#", 1)[0].removeprefix("./")
    if not relative.endswith(".py"):
        return None
    parts = [p for p in relative[:-3].split("/") if p and p != "."]
    if parts and parts[0] == "src":
        parts = parts[1:]
    return ".".join(parts) if parts else None


def _parent(module: str) -> str:
    return module.rpartition(".")[0] or module


def _arguments(text: str) -> tuple[list[str], list[str], str | None]:
    """(positional path params, keyword path params, params file) of an api.md signature."""
    links = {m["text"]: m["href"] for m in _LINK.finditer(text)}
    plain = html.unescape(_LINK.sub(lambda m: m["text"], text)).replace("\\*", "*")
    positional: list[str] = []
    keyword: list[str] = []
    params_file = None
    after_star = False
    for item in (part.strip() for part in plain.split(",")):
        if item == "*":
            after_star = True
        elif item.startswith("**"):
            params_file = links.get(item[2:], "")
        elif item:
            (keyword if after_star else positional).append(item)
    return positional, keyword, params_file


def _all(heading: _Heading) -> list[_Heading]:
    found = [heading]
    for child in heading.children:
        found += _all(child)
    return found


def _methods(heading: _Heading) -> list[tuple[str, MethodConfig]]:
    return [pair for node in _all(heading) for pair in node.methods]
