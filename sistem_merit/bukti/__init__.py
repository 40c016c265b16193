"""Named evidence functions: each computes, for the whole agency and as of a date, the figure
one kind of criterion asks for, and lists the rows behind it for the evidence pack.

The registry `BUKTI` maps a stable key to its function; instrument rows store the key, so a
key is never renamed (add a new one instead). Modules of this package register on import."""

from sistem_merit.bukti.base import BUKTI, Angka, Bukti, daftar

__all__ = ["BUKTI", "Angka", "Bukti", "daftar"]
