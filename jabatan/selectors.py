"""Reads for posts and vacancies. Vacancies are queries over placements, never hand-kept flags."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from jabatan.models import Formasi, Jabatan, Penempatan
from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from pegawai.pensiun import lahir_sebelum_untuk_pensiun, tanggal_pensiun


def formasi_lowong(*, scope: Lingkup) -> QuerySet[Formasi]:
    """Return the posts in scope with fewer active definitive holders than their quota.

    `jumlah_terisi` is the database-maintained count of active definitive placements (triggers in
    jabatan/migrations/0002), so this is one indexed scan with no join to placements.
    """
    qs = scope.filter(Formasi.objects.lowong(), path="unit_kerja__path", pegawai=None)
    return (
        qs.select_related("jabatan", "unit_kerja")
        .only(
            "kuota",
            "jumlah_terisi",
            "keterangan",
            "jabatan__kode",
            "jabatan__nama",
            "jabatan__jenis",
            "jabatan__jenjang",
            "unit_kerja__kode",
            "unit_kerja__nama",
            "unit_kerja__path",
        )
        .annotate(lowong=F("kuota") - F("jumlah_terisi"))
    )


def _tambah_bulan(d: date, bulan: int) -> date:
    index = d.month - 1 + bulan
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ProyeksiLowong:
    penempatan: Penempatan
    tanggal_pensiun: date


def proyeksi_lowong(*, scope: Lingkup, pada: date, bulan: int = 12) -> list[ProyeksiLowong]:
    """Return the definitive holders in scope who reach retirement age within `bulan` months.

    Retirement takes effect on the first of the month after the age is reached (UU 20/2023
    Pasal 55; PP 11/2017 Pasal 239), which `lahir_sebelum_untuk_pensiun` turns into a plain
    birth-date cutoff per retirement age — one query, whatever the number of employees.
    """
    batas = _tambah_bulan(pada, bulan)
    usia = (
        Jabatan.objects.filter(formasi__penempatan__tmt_selesai__isnull=True)
        .values_list("batas_usia_pensiun", flat=True)
        .distinct()
    )
    kondisi = [
        Q(
            formasi__jabatan__batas_usia_pensiun=u,
            pegawai__tanggal_lahir__lt=lahir_sebelum_untuk_pensiun(batas, u),
        )
        for u in usia
    ]
    if not kondisi:
        return []
    rows = (
        scope.filter(
            Penempatan.objects.aktif().definitif(),
            path="formasi__unit_kerja__path",
            pegawai="pegawai_id",
        )
        .filter(reduce(or_, kondisi), pegawai__kedudukan__in=["aktif", "cuti"])
        .select_related("pegawai", "formasi__jabatan", "formasi__unit_kerja")
        .order_by("pegawai__tanggal_lahir")
    )
    hasil = [
        ProyeksiLowong(
            p, tanggal_pensiun(p.pegawai.tanggal_lahir, p.formasi.jabatan.batas_usia_pensiun)
        )
        for p in rows
    ]
    # Already past retirement but not yet ended count too: they are the most urgent.
    return sorted(hasil, key=lambda r: r.tanggal_pensiun)


def ringkasan_formasi(*, scope: Lingkup) -> dict[str, int]:
    """Return the head counts of the summary page in two aggregate queries."""
    formasi = scope.filter(Formasi.objects.all(), path="unit_kerja__path", pegawai=None).aggregate(
        jumlah_formasi=Count("pk"),
        jumlah_kursi=Coalesce(Sum("kuota"), 0),
        jumlah_lowong=Coalesce(Sum(F("kuota") - F("jumlah_terisi")), 0),
    )
    pegawai = scope.filter(Pegawai.objects.aktif(), path="unit_kerja__path", pegawai="pk")
    return {**formasi, "pegawai_aktif": pegawai.count()}
