"""The corpus of broken and hostile specs through the TypeScript target (issue 14 for issue
17): `generate SPEC --language typescript` on every case of test_error_corpus.py exits as the
Python target does, prints no traceback, writes nothing outside the output folder, and where
it generates, the SDK compiles with `tsc --strict` and Node loads it without running injected
code. A spec whose text is aimed at TypeScript (string, template-literal, comment and Markdown
terminators, line separators) does the same, and its generated tests and docs' snippets pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import describe
from test_error_corpus import CANARY, CASES, HERE, files_under, run_case
from typescript_tools import built_sdk, check_snippets, node_tests, run_node

# Code that would leave the canary if any of it ran, and what ends TypeScript's literals,
# template literals, comments and Markdown code around it.
RUN = "import('node:fs').then((fs) => fs.writeFileSync('/tmp/sdkwright-canary', ''))"
PAYLOADS = [
    f'"); {RUN}; ("',
    f"'); {RUN}; ('",
    f"`; ${{{RUN}}}; `",
    f"*/ {RUN}; /*",
    f"\n{RUN};\n// ",
    f"\u2028{RUN};\u2029",
    f"``` <!-- --> </script> {RUN}",
]


def typescript_injection_spec() -> str:
    """A valid OpenAPI 3.1 spec carrying PAYLOADS wherever spec text reaches the SDK."""
    text = " ".join(PAYLOADS)
    schema = {
        "type": "object",
        "description": text,
        "required": ["kind"],
        "properties": {
            "kind": {"type": "string", "enum": PAYLOADS, "description": text},
            PAYLOADS[0]: {"type": "string", "default": PAYLOADS[1], "description": text},
            PAYLOADS[2]: {"type": "integer", "description": text},
        },
        "example": {"kind": PAYLOADS[3], PAYLOADS[0]: PAYLOADS[4]},
    }
    # Query parameters of any name (sent encoded); a header's name must be a token.
    parameters = [
        {"name": payload, "in": "query", "description": text, "schema": {"type": "string"}}
        for payload in PAYLOADS[:3]
    ]
    parameters.append(
        {"name": "X-Evil", "in": "header", "description": text, "schema": {"enum": PAYLOADS[3:5]}}
    )
    operation = {
        "operationId": PAYLOADS[0],
        "tags": [PAYLOADS[5]],
        "summary": text,
        "description": text,
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            *parameters,
        ],
        "requestBody": {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
        },
        "responses": {
            "200": {
                "description": text,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
            }
        },
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": PAYLOADS[6], "version": PAYLOADS[2], "description": text},
        "servers": [{"url": "https://api.example.com", "description": text}],
        "tags": [{"name": PAYLOADS[5], "description": text}],
        "paths": {"/things/{id}": {"put": operation}},
        "components": {"schemas": {"Thing": schema}},
    }
    return json.dumps(spec)


def _written_outside(root: Path) -> set[Path]:
    written = files_under(root) - files_under(root / "spec") - files_under(root / "elsewhere")
    return {p for p in written if not p.is_relative_to(root / "out")}


def _loads_without_running_anything(sdk: Path) -> None:
    """The SDK compiles strict and Node imports it; no injected code ran."""
    built = built_sdk(sdk, sdk.parent / "built")
    printed = run_node(built, "return Object.keys(sdk).length > 0;")
    assert printed == {"ok": True, "value": True}
    assert not CANARY.exists(), "injected code ran"


@pytest.mark.parametrize("name", CASES)
def test_case_through_the_typescript_target(name: str, tmp_path: Path) -> None:
    CANARY.unlink(missing_ok=True)
    code, output, errors = run_case(name, tmp_path, "generate", "--language", "typescript")
    assert "Traceback" not in errors and "internal error" not in errors, errors
    expected = json.loads((HERE / "expected" / f"{Path(name).stem}.json").read_text())
    assert code == expected["exit_code"], output
    assert not _written_outside(tmp_path)
    if code == 0:
        assert (tmp_path / "out" / "package.json").is_file()
        _loads_without_running_anything(tmp_path / "out")
    else:
        assert not (tmp_path / "out").exists()
    assert not CANARY.exists(), "injected code ran"


def test_text_aimed_at_typescript_stays_text(tmp_path: Path) -> None:
    from sdkwright.cli import main

    CANARY.unlink(missing_ok=True)
    spec = tmp_path / "spec" / "evil.json"
    spec.parent.mkdir()
    spec.write_text(typescript_injection_spec(), encoding="utf-8")
    out = tmp_path / "out"
    code = main(["generate", str(spec), "-o", str(out), "--language", "typescript", "-q"])
    assert code == 0
    assert not _written_outside(tmp_path)
    built = built_sdk(out, tmp_path / "built")
    passed = node_tests(built)  # the call sends every payload and parses them back
    assert passed.returncode == 0 and "# pass 1\n" in passed.stdout, describe(passed)
    count, checked = check_snippets(built)
    assert count >= 5 and checked.returncode == 0, describe(checked)
    assert not CANARY.exists(), "injected code ran"
