"""What makes a generated SDK a release: its LICENSE (`licenses`), its CHANGELOG.md
(`changelog`) and `sdkwright generate --bump`, which applies the semver bump `sdkwright diff`
computes against the previous generation (`bump`)."""
