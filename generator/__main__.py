"""`python -m generator` is the same as the `sdkwright` command."""

from generator.cli import main

raise SystemExit(main())
