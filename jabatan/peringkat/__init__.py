"""The merit ranking of one vacancy: the one service pages, exports, commands and benchmarks call.

Eligibility, scores and the top of the order are computed in SQL over IndeksMerit (one row per
employee, kept current by jabatan.indeks), so ranking is a scan of one table, not per-candidate
queries; the sanctions that matter on the date (a few rows) join as a hash. No correlated
subquery, so PostgreSQL can spread the scan and the counting over parallel workers. Python then
explains the few rows the page shows (the top candidates and anyone searched) with the pure rules
of jabatan.merit, from the same projected inputs.

The SQL computes every score in whole hundredths with integer arithmetic (each component rounded
half up once, as jabatan.merit does), so PostgreSQL, SQLite and Python agree to the last digit and
the order is the same whichever computes it. tests/jabatan/test_peringkat.py checks that on random
data against the pure rules."""

from jabatan.peringkat.service import Peringkat, dengan_bobot, kotak_talenta, peringkat_formasi
from jabatan.peringkat.sql import BERAT, PITA_USIA, TERATAS, URUTAN, _Sql

__all__ = [
    "BERAT",
    "PITA_USIA",
    "TERATAS",
    "URUTAN",
    "Peringkat",
    "_Sql",
    "dengan_bobot",
    "kotak_talenta",
    "peringkat_formasi",
]
