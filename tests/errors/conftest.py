"""`pytest tests/errors --update-error-snapshots` rewrites the expected diagnostics."""

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-error-snapshots",
        action="store_true",
        help="rewrite tests/errors/expected/*.json from what sdkwright reports now",
    )
