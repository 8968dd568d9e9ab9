# __future__: the feature names, so that `from __future__ import annotations`
# loads (loopscope never evaluates annotations, which is what it asks for).
annotations = "annotations"
generator_stop = "generator_stop"
division = "division"
absolute_import = "absolute_import"
print_function = "print_function"
unicode_literals = "unicode_literals"
with_statement = "with_statement"
nested_scopes = "nested_scopes"
generators = "generators"
