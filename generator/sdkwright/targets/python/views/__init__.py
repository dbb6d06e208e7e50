"""Views: what the templates need, worked out from the IR in Python, one subject a module.

    definitions   reference cycles, field declarations, deprecated fields
    imports       the import lines of a model, resource or test module
    methods       one method's arguments, request expressions and return type (MethodContext)
    samples       sample arguments and what a generated test expects on the wire
    pagination    the items and next-cursor expressions of a paginated method
    auth          the client's credential arguments and what each request carries
    docstrings    docstrings of models, fields and methods

Templates call the functions registered as globals (`engine.TEMPLATE_GLOBALS`) and read the
values the driver (`render.py`) puts in their context. Views are pure: IR in, values out.
"""
