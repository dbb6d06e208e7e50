"""The TypeScript target (in progress, issue 17): the neutral IR -> a TypeScript SDK.

`naming.py` is its naming step (camelCase methods, properties and parameters, PascalCase
types, TypeScript's reserved words), `tstypes.py` spells the IR's types, `tstext.py` holds the
escaping filters through which spec text reaches generated code, `render.py` renders
`templates/typescript/` and copies the runtime (`sdkwright/runtime_ts/`).
"""
