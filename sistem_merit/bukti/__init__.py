"""Named evidence functions: each computes, for the whole agency and as of a date, the figure
one kind of criterion asks for, and lists the rows behind it for the evidence pack.

The registry `BUKTI` maps a stable key to its function; instrument rows store the key, so a
key is never renamed (add a new one instead). Every module of this package registers its
functions when `load_all()` imports it (the app's `ready()`)."""

import importlib
import pkgutil

from sistem_merit.bukti.base import BUKTI, Angka, Bukti, daftar

__all__ = ["BUKTI", "Angka", "Bukti", "daftar", "load_all"]


def load_all() -> None:
    """Import every module of this package, so each registers its evidence functions."""
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")
