"""What the public-page tests share, as plain builders (the fixtures are in conftest.py):
survey answers and responses, decisions with a frozen ranking that holds private data (NIP,
birth date, scores, exclusion reasons) the public must never see, and open selections with
their committee and schedule."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import itertools
from unittest import mock

from django.utils import timezone

from jabatan.models import Keputusan
from pegawai import projection
from pegawai.jenis_jabatan import JenisJabatan
from publik.models import URUTAN_TAHAP, Seleksi
from publik.services import IsiSeleksi, seleksi_open
from survei.models import UnitLayanan
from survei.services import respon_skm_create
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    UnitKerjaFactory,
    skp_final,
)

TMT = dt.date(2026, 3, 2)
ALASAN_RAHASIA = "sedang menjalani hukuman disiplin berat"
NILAI_RAHASIA = "97.31"


def isian_survei(nilai: int = 4, **extra) -> dict:
    """Return the public form's POST data: every element answered `nilai`, plus `extra`."""
    kode = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku"]
    kode += ["pengaduan", "sarana"]
    return {**{k: str(nilai) for k in kode}, **extra}


# A day of a quarter whose figures are published (survei.terbit): last year's second
# quarter, whatever day the tests run.
TERTUTUP = dt.date(timezone.localdate().year - 1, 5, 15)


_JARINGAN = itertools.count(1)


def jaringan_baru() -> str:
    """Return a respondent network no test has used yet (an IPv6 /64, as core.throttle
    names one)."""
    return f"2001:db8:{next(_JARINGAN):x}::/64"


@contextlib.contextmanager
def pada_hari(tanggal: dt.date | None):
    """Run the block as if today were `tanggal` for the survey's services (the day a
    questionnaire is dated and counted under); `None` leaves today as it is."""
    if tanggal is None:
        yield
        return
    with mock.patch.object(timezone, "localdate", return_value=tanggal):
        yield


def isi_survei(
    unit: UnitLayanan,
    n: int,
    nilai: int = 4,
    komentar: str = "",
    tanggal: dt.date | None = None,
    jaringan: str | None = None,
) -> None:
    """Send `n` questionnaires through the service, as if sent on `tanggal`, each from a network
    of its own unless all come from `jaringan`."""
    with pada_hari(tanggal):
        for _i in range(n):
            respon_skm_create(
                unit=unit,
                jawaban=[nilai] * 9,
                jaringan=jaringan or jaringan_baru(),
                komentar=komentar,
            )


def buat_keputusan(
    oleh,
    *,
    opd,
    nama_jabatan="Kepala Bidang Uji",
    peringkat=1,
    metode="talent_pool",
    tanggal=TMT,
    jenis=JenisJabatan.ADMINISTRATOR,
    justifikasi="",
    ringkasan_publik="",
) -> Keputusan:
    bidang = UnitKerjaFactory(nama=f"Bidang {nama_jabatan}", jenis="bidang", parent=opd)
    formasi = FormasiFactory(
        jabatan=JabatanFactory(nama=nama_jabatan, jenis=jenis), unit_kerja=bidang
    )
    pegawai = PegawaiFactory(gelar_depan="Dr.", gelar_belakang="S.T., M.T.")
    penempatan = PenempatanFactory(pegawai=pegawai, formasi=formasi, tmt_mulai=tanggal)
    lain = PegawaiFactory()
    snapshot = {
        "jumlah_kandidat": 30,
        "jumlah_layak": 12,
        "alasan": {"disiplin": 3},
        "teratas": [
            {
                "peringkat": 1,
                "pegawai_id": lain.pk,
                "nip": lain.nip,
                "nama": lain.nama,
                "skor": NILAI_RAHASIA,
                "komponen": {"kinerja": "88.00"},
                "alasan": [],
            },
            {
                "peringkat": 2,
                "pegawai_id": pegawai.pk,
                "nip": pegawai.nip,
                "nama": pegawai.nama,
                "skor": "80.00",
                "komponen": {},
                "alasan": [ALASAN_RAHASIA],
            },
        ],
        "terpilih": {
            "nip": pegawai.nip,
            "skor": "80.00",
            "tanggal_lahir": str(pegawai.tanggal_lahir),
        },
    }
    return Keputusan.objects.create(
        formasi=formasi,
        pegawai=pegawai,
        penempatan=penempatan,
        nomor_sk=f"821/{formasi.pk}/2026",
        tanggal_sk=tanggal,
        tmt=tanggal,
        metode=metode,
        peringkat_terpilih=peringkat,
        justifikasi=justifikasi or ("" if peringkat == 1 else "Pengalaman langsung di bidang ini."),
        ringkasan_publik=ringkasan_publik,
        snapshot=snapshot,
        aturan_versi="uji",
        oleh=oleh,
    )


# --- The open selection (tests/publik/test_seleksi.py, test_kelola.py) ---
D = dt.date
PANITIA = [(f"Anggota {i}", "anggota") for i in range(4)] + [("Sekda", "ketua")]
# An open selection's six stages, the announcement 15 days to registration's close.
JADWAL = {
    "pengumuman": (dt.date(2026, 10, 1), dt.date(2026, 10, 5)),
    "pendaftaran": (dt.date(2026, 10, 6), dt.date(2026, 10, 15)),
    "administrasi": (dt.date(2026, 10, 16), dt.date(2026, 10, 20)),
    "kompetensi": (dt.date(2026, 10, 21), dt.date(2026, 10, 31)),
    "wawancara": (dt.date(2026, 11, 1), dt.date(2026, 11, 10)),
    "rekam_jejak": (dt.date(2026, 11, 11), dt.date(2026, 11, 20)),
}


_HARI = dt.timedelta(days=1)


def jadwal_dari(umum: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """Six stages from the announcement's first day `umum`: announced 20 days until
    registration closes (at least publik.services.PENGUMUMAN_MINIMAL_HARI, 15), then four
    stages of six days."""
    jadwal = {
        "pengumuman": (umum, umum + 4 * _HARI),
        "pendaftaran": (umum + 5 * _HARI, umum + 19 * _HARI),
    }
    for i, jenis in enumerate(URUTAN_TAHAP[2:]):
        jadwal[jenis] = (umum + (20 + 6 * i) * _HARI, umum + (25 + 6 * i) * _HARI)
    return jadwal


def isi_dari(data: dict) -> dict:
    """The arguments of seleksi_open / seleksi_update from one flat dict: what the selection
    announces grouped into its IsiSeleksi, the rest (tahap, oleh, pada, seleksi) as they are."""
    nama = {f.name for f in dataclasses.fields(IsiSeleksi)}
    isi = IsiSeleksi(**{k: v for k, v in data.items() if k in nama})
    return {"isi": isi, **{k: v for k, v in data.items() if k not in nama}}


def buka(jpt, hr, *, tahap: dict = JADWAL, **ubah) -> Seleksi:
    """Open a selection for the `jpt` fixture's post through seleksi_open, scheduled `tahap`
    (JADWAL, or e.g. jadwal_dari(a day)); `ubah` replaces any other argument or announced field
    (judul, nomor_pengumuman, formasi, urutan, ...)."""
    data = {
        "judul": "Seleksi Terbuka JPT Pratama 2026",
        "nomor_pengumuman": "800/1/Pansel/2026",
        "formasi": [jpt["formasi"]],
        "panitia": PANITIA,
        "tahap": tahap,
        "oleh": hr,
    }
    return seleksi_open(**isi_dari({**data, **ubah}))


def buat_calon_jpt(unit, predikat="Baik", golongan="IV/b", urutan=0):
    """An Administrator for eight years with two good years: eligible for JPT Pratama.

    Candidates alike in all else rank by their TMT in rank, a day apart in `urutan`'s order:
    left to the last tie-break, the NIP, the order would follow the factory's gender and
    sequence counters, which depend on the tests that ran before."""
    lahir = D(1975, 5, 5)
    pegawai = PegawaiFactory(
        unit_kerja=unit,
        golongan=golongan,
        tmt_golongan=D(2020, 4, 1) + dt.timedelta(days=urutan),
        tanggal_lahir=lahir,
        gelar_belakang="M.Si.",
    )
    admin = JabatanFactory(jenis=JenisJabatan.ADMINISTRATOR, kelas_jabatan=11)
    PenempatanFactory(
        pegawai=pegawai,
        formasi=FormasiFactory(jabatan=admin, unit_kerja=unit),
        tmt_mulai=D(2018, 1, 2),
    )
    for tahun in (2025, 2024):
        skp_final(pegawai, tahun=tahun, predikat=predikat, unit=unit, golongan=golongan)
    projection.refresh([pegawai.pk])  # raw rows: refreshed as the SKP services do
    return pegawai


# --- The survey poster and QR code (tests/publik/test_poster.py, tests/browser/test_poster.py) ---
# A long production address (settings.SITE_URL) and the longest code a unit may have: together
# they make the longest URL a poster's code must hold.
SITUS_PRODUKSI = "https://simpeg-merit.bkpsdm.mataramkota.go.id"
HOST_LAIN = "mataram-asn.internal.example"


def buat_unit_terpanjang() -> UnitLayanan:
    """A service unit under a long-named OPD whose form code fills the field's maximum length."""
    panjang = UnitLayanan._meta.get_field("kode").max_length
    pemda = UnitKerjaFactory(nama="Pemerintah Kota Uji", jenis="pemda")
    opd = UnitKerjaFactory(
        nama="Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", parent=pemda
    )
    upt = UnitKerjaFactory(
        nama="Unit Pelaksana Teknis Daerah Mal Pelayanan Publik Kota Mataram",
        jenis="upt",
        parent=opd,
    )
    kode = "mal-pelayanan-publik-kota-mataram-perizinan-dan-nonperizinan"
    assert len(kode) == panjang, (len(kode), panjang)
    return UnitLayanan.objects.create(unit_kerja=upt, kode=kode)
