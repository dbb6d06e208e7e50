"""Migration from other generators' SDKs: read what an existing SDK promises its users (its
public surface and the configuration that produced it) so that sdkwright can regenerate it.

`migrate.stainless` reads a Stainless-generated Python SDK repository.
"""
