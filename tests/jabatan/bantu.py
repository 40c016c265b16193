"""What the jabatan tests share, as plain builders (fixtures are in conftest.py): candidates
with a post and two annual predikat, decisions, talent-pool members, posts, and the ranking
page's actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from jabatan.models import (
    Formasi,
    Keputusan,
)
from jabatan.peringkat import kotak_talenta
from jabatan.services import (
    keputusan_create,
    penempatan_create,
)
from pegawai import projection
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import HasilAsesmen
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    skp_final,
    tutup_periode,
)

PADA = dt.date(2026, 11, 28)
SB, B = "Sangat Baik", "Baik"


def buat_calon(
    unit, predikat=("Baik", "Baik"), golongan="IV/a", pengawas_sejak=dt.date(2019, 1, 2)
):
    """A PNS in `unit`, Pengawas there since `pengawas_sejak`, with final annual SKPs of 2025 and
    2024 rated `predikat` (newest first): a candidate for an Administrator post. Its rows are
    refreshed once, at the end (raw rows: as the SKP services do), not after each builder."""
    dibuat: list[int] = []
    with projection.deferred(only=lambda: dibuat):
        pegawai = PegawaiFactory(
            unit_kerja=unit, golongan=golongan, tmt_golongan=dt.date(2020, 4, 1)
        )
        pengawas = JabatanFactory(jenis=JenisJabatan.PENGAWAS, kelas_jabatan=9)
        PenempatanFactory(
            pegawai=pegawai,
            formasi=FormasiFactory(jabatan=pengawas, unit_kerja=unit),
            tmt_mulai=pengawas_sejak,
        )
        for tahun, p in zip((2025, 2024), predikat, strict=True):
            skp_final(pegawai, tahun=tahun, predikat=p, unit=unit, golongan=golongan)
        dibuat.append(pegawai.pk)
    return pegawai


def putuskan(lw, pegawai, **kw):
    """Record the decision for the `lowongan` fixture's post through keputusan_create."""
    data = dict(
        formasi=lw["formasi"],
        pegawai=pegawai,
        nomor_sk="821.2/10/BKPSDM/2026",
        tanggal_sk=PADA,
        tmt=PADA,
        metode="talent_pool",
        oleh=lw["hr"],
    )
    data.update(kw)
    return keputusan_create(**data)


def kepala_bagian(unit, nama: str, golongan_minimal: str):
    return FormasiFactory(
        unit_kerja=unit,
        jabatan=JabatanFactory(
            nama=nama,
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal=golongan_minimal,
            pendidikan_minimal="S1",
        ),
    )


def talenta(unit, kotak: int = 9):
    """A PNS in `unit` in talent box 9 (Sangat Baik twice, JPM 85), 8 (Baik twice, JPM 85) or
    2 (Baik twice, JPM 55)."""
    predikat, jpm = {9: ((SB, SB), "85"), 8: ((B, B), "85"), 2: ((B, B), "55")}[kotak]
    p = buat_calon(unit, predikat=predikat)
    HasilAsesmen.objects.create(
        pegawai=p,
        tanggal=dt.date(2025, 5, 1),
        metode="ac",
        asesor="UPT Penilaian",
        jpm=Decimal(jpm),
        **dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3),
    )
    projection.refresh([p.pk])  # raw rows: refreshed as the assessment admin does
    assert kotak_talenta([p.pk]) == {p.pk: kotak}
    return p


TMT = dt.date(2026, 3, 2)


SNAPSHOT = {"jumlah_kandidat": 9, "jumlah_layak": 4, "teratas": [], "pada": "2026-03-01"}


def catat(oleh, *, tmt: dt.date = TMT, formasi: Formasi | None = None) -> Keputusan:
    """A decision as keputusan_create leaves it (without running a ranking): the appointee
    moved from a post held since 2020 to a vacant post, the placement carrying the SK."""
    pegawai = PegawaiFactory(golongan="IV/a")
    lama = PenempatanFactory(pegawai=pegawai, tmt_mulai=dt.date(2020, 1, 2))
    formasi = formasi or FormasiFactory(kuota=1)
    penempatan = penempatan_create(
        pegawai=pegawai,
        formasi=formasi,
        tmt_mulai=tmt,
        nomor_sk="800/1/2026",
        tanggal_sk=tmt - dt.timedelta(days=1),
        keterangan="Talent pool",
    )
    lama.refresh_from_db()
    assert lama.tmt_selesai == tmt - dt.timedelta(days=1)
    return Keputusan.objects.create(
        formasi=formasi,
        pegawai=pegawai,
        penempatan=penempatan,
        nomor_sk="800/1/2026",
        tanggal_sk=tmt - dt.timedelta(days=1),
        tmt=tmt,
        metode="talent_pool",
        peringkat_terpilih=1,
        snapshot=SNAPSHOT,
        aturan_versi="uji",
        oleh=oleh,
    )


def usulkan(client, formasi, pegawai):
    return client.post(f"/jabatan/lowongan/{formasi.pk}/usulan/", {"pegawai": pegawai})


def putus_halaman(client, formasi, konfirmasi: bool = True, **data):
    """Post the decision form; when it passes (the confirmation page), confirm it too unless
    `konfirmasi` is False. Returns the last response."""
    hari_ini = timezone.localdate().isoformat()
    isian = {
        "nomor_sk": "821/5/2026",
        "tanggal_sk": hari_ini,
        "tmt": hari_ini,
        "metode": "talent_pool",
        "justifikasi": "",
        **data,
    }
    url = f"/jabatan/lowongan/{formasi.pk}/keputusan/"
    response = client.post(url, isian)
    if konfirmasi and response.status_code == 200 and "tanda" in response.context:
        response = client.post(url, {"tanda": response.context["tanda"]})
    return response


def buat_lowongan(org, n: int, *, kunci: bool = False):
    """A vacant post in A (an Administrator one is a key post: succession shows) and `n`
    eligible candidates in A."""
    jabatan = (
        JabatanFactory(
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        )
        if kunci
        else JabatanFactory(jenis="PELAKSANA", kelas_jabatan=7, golongan_minimal="II/a")
    )
    formasi = FormasiFactory(unit_kerja=org.bidang_a, jabatan=jabatan)
    calon = [buat_calon(org.bidang_a) for _ in range(n)]
    tutup_periode()
    return formasi, calon
