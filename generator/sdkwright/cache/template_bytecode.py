"""Compiled templates: shipped with the package for the built-in ones, cached locally for the
rest.

Compiling the built-in templates takes about a quarter of a second, half of a small spec's
whole generation. So the package ships them compiled, as pip installs modules compiled to
bytecode: the build hook (`hatch_build.py`, run for wheels and editable installs alike) calls
`precompile`. At run time a template's code comes from the shipped folder, else from the
user's cache (`cache/store.py`), else Jinja compiles it and the user's cache keeps it. Both
hold entries of the store's one format: Jinja's bytecode of one template each.

An entry is found by the template's path under the templates folder (the same in a checkout,
a build folder and an installed package), the Jinja version and the options that shape the
compiled code; Jinja itself checks the source's checksum, its bytecode format and the
Python version. So an entry that does not match the running templates is never used: an
edited template is compiled again, it does not run stale code.

This module needs only Jinja, the standard library and the store: the build hook imports it
from the checkout, before any of the package's dependencies but Jinja are installed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import jinja2

from sdkwright.cache.store import Store, cache_dir

SHIPPED_FOLDER = "_compiled_templates"  # inside the package (sdkwright/)
TAG = "sdkwright compiled template 1"  # Jinja's own header checks its format and the source
MAX_LOCAL_TEMPLATES = 1024

# What shapes the compiled code, besides the source: the Jinja environment's options, and
# which filters exist (the compiler checks their names).
OPTIONS: dict[str, Any] = {
    "autoescape": False,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}
FILTERS = (
    "pystr",
    "tomlstr",
    "pyvalue",
    "docstring",
    "docblock",
    "comment",
    "markdown",
    "ident",
    "annotation",
    "pascal",
)


def shipped_folder() -> str:
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # sdkwright/
    return os.path.join(package, SHIPPED_FOLDER)


def cache_key(name: str, filename: str | None, templates_root: str) -> str:
    """A built-in template's key holds its path under the templates folder; anyone else's
    its absolute path (a user's folder is never in the shipped one)."""
    where = filename or ""
    if filename is not None and _is_inside(filename, templates_root):
        where = "builtin/" + os.path.relpath(filename, templates_root).replace(os.sep, "/")
    options = ",".join(f"{k}={v}" for k, v in sorted(OPTIONS.items()))
    text = f"{jinja2.__version__}|{options}|{','.join(FILTERS)}|{name}|{where}"
    return hashlib.sha1(text.encode()).hexdigest()


def _is_inside(path: str, folder: str) -> bool:
    path, folder = os.path.normpath(path), os.path.normpath(folder)
    return os.path.commonpath([path, folder]) == folder


def bytecode_cache(templates_root: str) -> TemplateBytecode:
    """The renderer's: the shipped templates, else the user's cache."""
    return TemplateBytecode(os.path.join(cache_dir(), "templates"), templates_root)


class TemplateBytecode(jinja2.BytecodeCache):
    """The shipped folder first, then the user's cache, which alone is written to (best
    effort: a cache that cannot be written only makes the next run slower)."""

    def __init__(self, directory: str, templates_root: str, shipped: str | None = None) -> None:
        self._local = Store(directory, TAG, MAX_LOCAL_TEMPLATES)
        self._shipped = _folder(shipped or shipped_folder())
        self._templates_root = os.path.abspath(templates_root)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return cache_key(name, filename, self._templates_root)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _load(self._shipped, bucket)  # a mismatched entry leaves the bucket empty
        if bucket.code is None:
            _load(self._local, bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._local.save(bucket.key, bucket.bytecode_to_string())


def _folder(folder: str) -> Store:
    """Compiled templates in `folder` (the shipped ones, a test's), never pruned."""
    return Store(folder, TAG, keep=None)


def _load(store: Store, bucket: jinja2.bccache.Bucket) -> None:
    """Fill `bucket` from `store` when it holds code for the bucket's template as it is now
    (Jinja checks the source's checksum and its own format)."""
    data = store.load(bucket.key)
    if isinstance(data, bytes):
        bucket.bytecode_from_string(data)


def compiling_environment() -> jinja2.Environment:
    """An environment that compiles exactly as the renderer's does (its filters' bodies only
    run when rendering, so placeholders stand in for them here)."""
    environment = jinja2.Environment(**OPTIONS)
    environment.filters.update({name: _placeholder for name in FILTERS})
    return environment


def _placeholder(value: Any, *args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a compiling environment does not render")  # pragma: no cover


def built_in_templates(templates_root: str) -> Iterator[tuple[str, str]]:
    """(name, filename) of every built-in template, the name as its flavour folder's loader
    is asked for it."""
    for flavour in sorted(os.listdir(templates_root)):
        folder = os.path.join(templates_root, flavour)
        if not os.path.isdir(folder):
            continue
        for directory, _, files in sorted(os.walk(folder)):
            for file in sorted(files):
                if file.endswith(".jinja"):
                    filename = os.path.join(directory, file)
                    name = os.path.relpath(filename, folder).replace(os.sep, "/")
                    yield name, filename


def precompile(templates_root: str, destination: str) -> int:
    """Compile every built-in template into `destination`; the number compiled. A template
    that cannot be written there fails the build (OSError)."""
    store = _folder(destination)
    count = 0
    for bucket, source, name, filename in _buckets(templates_root):
        bucket.code = bucket.environment.compile(source, name, filename)
        store.write(bucket.key, bucket.bytecode_to_string())
        count += 1
    return count


def not_shipped(templates_root: str, shipped: str | None = None) -> list[str]:
    """The built-in templates the shipped folder has no current entry for (edited since the
    package was built, or all of them in a checkout that was never installed)."""
    store = _folder(shipped or shipped_folder())
    missing = []
    for bucket, _, _, filename in _buckets(templates_root):
        _load(store, bucket)
        if bucket.code is None:
            missing.append(os.path.relpath(filename, templates_root))
    return missing


def _buckets(templates_root: str) -> Iterator[tuple[jinja2.bccache.Bucket, str, str, str]]:
    """An empty bucket per built-in template, keyed as the renderer keys it, with the
    template's source, name and file."""
    environment = compiling_environment()
    checksum = jinja2.bccache.BytecodeCache().get_source_checksum
    for name, filename in built_in_templates(templates_root):
        with open(filename, encoding="utf-8") as file:
            source = file.read()
        key = cache_key(name, filename, templates_root)
        yield jinja2.bccache.Bucket(environment, key, checksum(source)), source, name, filename
