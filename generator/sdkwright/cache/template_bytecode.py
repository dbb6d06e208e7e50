"""Compiled templates: shipped with the package for the built-in ones, cached locally for the
rest.

Compiling the built-in templates takes about a quarter of a second, half of a small spec's
whole generation. So the package ships them compiled, as pip installs modules compiled to
bytecode: the build hook (`hatch_build.py`, run for wheels and editable installs alike) calls
`precompile`. At run time a template's code comes from the shipped folder, else from the
user's cache (`fastpath.cache_dir()`), else Jinja compiles it and the user's cache keeps it.

An entry is found by the template's path under the templates folder (the same in a checkout,
a build folder and an installed package), the Jinja version and the options that shape the
compiled code; Jinja itself checks the source's checksum, its bytecode format and the
Python version. So an entry that does not match the running templates is never used: an
edited template is compiled again, it does not run stale code.

This module needs only Jinja and the standard library: the build hook loads it on its own.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from typing import Any

import jinja2

SHIPPED_FOLDER = "_compiled_templates"  # inside the package, beside this module

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


class TemplateBytecode(jinja2.FileSystemBytecodeCache):
    """The shipped folder first, then the user's cache, which alone is written to (best
    effort: a cache that cannot be written only makes the next run slower)."""

    def __init__(self, directory: str, templates_root: str, shipped: str | None = None) -> None:
        super().__init__(directory)
        self._shipped = jinja2.FileSystemBytecodeCache(shipped or shipped_folder())
        self._templates_root = os.path.abspath(templates_root)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return cache_key(name, filename, self._templates_root)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._shipped.load_bytecode(bucket)  # a mismatched entry leaves the bucket empty
        if bucket.code is None:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            return


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
    """Compile every built-in template into `destination`; the number compiled."""
    os.makedirs(destination, exist_ok=True)
    cache = jinja2.FileSystemBytecodeCache(destination)
    count = 0
    for bucket, source, name, filename in _buckets(templates_root, cache):
        bucket.code = bucket.environment.compile(source, name, filename)
        cache.dump_bytecode(bucket)
        count += 1
    return count


def not_shipped(templates_root: str, shipped: str | None = None) -> list[str]:
    """The built-in templates the shipped folder has no current entry for (edited since the
    package was built, or all of them in a checkout that was never installed)."""
    cache = jinja2.FileSystemBytecodeCache(shipped or shipped_folder())
    missing = []
    for bucket, _, _, filename in _buckets(templates_root, cache):
        cache.load_bytecode(bucket)
        if bucket.code is None:
            missing.append(os.path.relpath(filename, templates_root))
    return missing


def _buckets(
    templates_root: str, cache: jinja2.BytecodeCache
) -> Iterator[tuple[jinja2.bccache.Bucket, str, str, str]]:
    """An empty bucket per built-in template, keyed as the renderer keys it, with the
    template's source, name and file."""
    environment = compiling_environment()
    for name, filename in built_in_templates(templates_root):
        with open(filename, encoding="utf-8") as file:
            source = file.read()
        key = cache_key(name, filename, templates_root)
        bucket = jinja2.bccache.Bucket(environment, key, cache.get_source_checksum(source))
        yield bucket, source, name, filename
