"""What sdkwright keeps between runs outside the output folders: one local store
(`cache/store.py`) and its users: parsed YAML, rendered units, compiled templates, and the
no-op fast path's stamps."""
