"""SQL text for the statements the apps write by hand (the merit projection, the ranking's
conditions): literals of values that come from the code's own tables, never from a user."""

from __future__ import annotations

from collections.abc import Collection


def literal(value: object) -> str:
    """A string literal, quotes doubled."""
    return "'" + str(value).replace("'", "''") + "'"


def literal_list(values: Collection[object]) -> str:
    """A parenthesised, sorted list of string literals, for `IN`."""
    return "(" + ", ".join(literal(v) for v in sorted(values)) + ")"
