"""sdkwright: OpenAPI specs in, typed and tested Python SDKs out."""

__version__ = "0.1.0"
