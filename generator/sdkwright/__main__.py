"""`python -m sdkwright` is the same as the `sdkwright` command."""

from sdkwright.cli import entry

entry()
