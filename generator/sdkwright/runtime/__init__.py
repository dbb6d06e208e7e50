"""The runtime of the generated SDKs, as the Python source copied into each of them.

Every SDK gets these files as they are, after the one-line banner of generated files
(`sdkwright.targets.python.runtime_files`):

- the core, the same in every SDK: `_base_client.py` (what generated code imports of the
  clients: `_client_core.py`, shared, `_sync_client.py` and `_async_client.py`),
  `_encoding.py` (arguments on the wire), `_exceptions.py`, `_pagination.py`,
  `_pydantic.py`, `_response.py`, `_retries.py`, `_streaming.py` and `_types.py`;
- one transport, as `_http.py`: `http_httpx.py` (sync and async) or `http_requests.py`
  (sync), the only modules that import an HTTP library. `_http.pyi` is the interface the
  core asks of them;
- one model-type module, as `_models.py`: `models_pydantic.py`, `models_dataclasses.py`,
  `models_typeddict.py` or `models_msgspec.py`. `_models.pyi` is the interface the core asks
  of them.

Nothing in here depends on the API an SDK is generated for: the package's name is read at
run time (`__name__`), names that depend on the API are in the generated, templated modules
(`_client.py`, `resources/`, ...), and whether an SDK has an async client is its
`_client.py`'s choice. The files are linted, type-checked and tested where they stand
(`tests/runtime/`); the two `.pyi` stubs let mypy check the core without a transport or
model type, and they are never copied.

This package is not imported at run time by the generator, which only reads the files.
"""
