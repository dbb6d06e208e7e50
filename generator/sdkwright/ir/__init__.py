"""The intermediate representation: every spec version ends up as these values."""
