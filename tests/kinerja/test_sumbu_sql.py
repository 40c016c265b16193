"""The talent grid's axes have one definition: Pita.tingkat in Python and Pita.sql/kotak_sql in
SQL (used by kinerja's dashboard SQL and by the merit ranking's SQL) agree on every edge, in
both units (whole scores, as the dashboard compares, and hundredths, as the ranking does)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection

from kinerja import rules

pytestmark = pytest.mark.django_db

PITA = [
    rules.PITA_BAKU,
    rules.Pita(Decimal("55.50"), Decimal("75.25")),
    rules.Pita(0, 100),
    rules.Pita(Decimal("0.01"), Decimal("0.02")),
]


def _nilai(pita: rules.Pita) -> list[Decimal]:
    """Every edge of the bands: each limit, a hundredth either side, and both ends."""
    tepi = {Decimal(0), Decimal(100)}
    for b in (pita.batas_rendah, pita.batas_menengah):
        tepi |= {b - Decimal("0.01"), b, b + Decimal("0.01")}
    return sorted(v for v in tepi if 0 <= v <= 100)


def _sql(ekspresi: str, nilai: list[object], params: list[object]) -> list[object]:
    """Evaluate `ekspresi` over each value (column v of a VALUES list) in one statement."""
    baris = " UNION ALL ".join("SELECT %s AS v" for _ in nilai)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {ekspresi} FROM ({baris}) t", [*params, *nilai])
        return [r[0] for r in cursor.fetchall()]


@pytest.mark.parametrize("pita", PITA, ids=str)
@pytest.mark.parametrize(
    ("skala", "ubah"),
    [(1, float), (100, lambda v: int(v * 100))],
    ids=["skor", "perseratus"],
)
def test_the_sql_band_equals_the_python_band_on_every_edge(pita, skala, ubah):
    nilai = _nilai(pita)
    params: list[object] = []

    def param(v: object) -> str:
        params.append(float(v) if isinstance(v, Decimal) else v)
        return "%s"

    # The labels, as kinerja's dashboard SQL asks; and NULL ('' here) for no data.
    for label in (rules.SUMBU_KINERJA, rules.SUMBU_POTENSIAL):
        params.clear()
        ekspresi = pita.sql("CAST(t.v AS NUMERIC)", param, label, "", skala=skala)
        sql = _sql(ekspresi, [*(ubah(v) for v in nilai), None], params)
        assert sql == [*(label[pita.tingkat(v)] for v in nilai), ""]
    # The levels, as the ranking asks (NULL: no box).
    params.clear()
    ekspresi = pita.sql("CAST(t.v AS NUMERIC)", param, skala=skala)
    assert _sql(ekspresi, [*(ubah(v) for v in nilai), None], params) == [
        *(pita.tingkat(v) for v in nilai),
        None,
    ]


def test_python_axes_use_the_same_bands():
    pita = rules.Pita(Decimal("55.50"), Decimal("75.25"))
    for v in _nilai(pita):
        assert rules.sumbu_potensial(v, pita) == rules.SUMBU_POTENSIAL[pita.tingkat(v)]
    # The mean of the last two predikat: 90 (Sangat Baik, Baik) is high under 55.50/75.25.
    assert rules.sumbu_kinerja([rules.SANGAT_BAIK, rules.BAIK], pita) == rules.DI_ATAS
    assert rules.sumbu_kinerja([rules.BUTUH_PERBAIKAN], pita) == rules.SESUAI


def test_the_sql_box_equals_the_python_box_for_every_pair():
    pasangan = [(i, j) for i in range(3) for j in range(3)]
    baris = " UNION ALL ".join(f"SELECT {i} AS k, {j} AS p" for i, j in pasangan)
    baris += " UNION ALL SELECT NULL AS k, 1 AS p UNION ALL SELECT 1 AS k, NULL AS p"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {rules.kotak_sql('t.k', 't.p')} FROM ({baris}) t")
        sql = [r[0] for r in cursor.fetchall()]
    assert sql == [
        *(
            rules.kotak_talenta(rules.SUMBU_KINERJA[i], rules.SUMBU_POTENSIAL[j])
            for i, j in pasangan
        ),
        None,
        None,
    ]
