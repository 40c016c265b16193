"""The demo is one a BKPSDM officer believes: each plausibility rule checked over the seeded
data, and shown able to fail by breaking one row and seeing it caught.

The rules and their regulations: demo/catalogue.py (ranks by position kind, jenjang, eselon and
education), demo/orang.py (age at entry, four years per rank).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo.catalogue import PUNCAK_PELAKSANA, rentang_golongan
from demo.orang import GOLONGAN_AWAL, TAHUN_PER_PANGKAT
from jabatan.merit.relevansi import LAIN, kecocokan
from jabatan.models import Formasi, Keputusan, Penempatan
from jabatan.peringkat import peringkat_formasi
from pegawai import golongan as gol
from pegawai.jenis_jabatan import MANAJERIAL, JenisJabatan
from pegawai.models import Pegawai, RiwayatPangkat
from pegawai.pensiun import tanggal_pensiun
from publik.models import JenisTahap, Pelamar, Seleksi
from publik.selectors import daftar_baris, keputusan_publik, lowong_publik

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)


@pytest.fixture
def demo():
    call_command("seed_demo", pegawai=2000, seed=2026, tanggal=PADA, stdout=StringIO())


def _usia(lahir: dt.date, pada: dt.date) -> int:
    return pada.year - lahir.year - ((pada.month, pada.day) < (lahir.month, lahir.day))


# --- ranks fit positions -------------------------------------------------------------------------


def golongan_tak_sesuai() -> list[tuple[str, str, str]]:
    """Return (NIP, position, rank) of PNS holders whose rank does not fit their post: outside
    the jenjang's or eselon's ranks, or a pelaksana above their education's ceiling."""
    salah = []
    for p in (
        Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai__status="PNS")
        .select_related("pegawai", "formasi__jabatan")
    ):
        j, pegawai = p.formasi.jabatan, p.pegawai
        urut = gol.urutan(pegawai.golongan)
        rentang = rentang_golongan(j.jenis, j.jenjang, j.eselon)
        if rentang is None:
            assert j.jenis == JenisJabatan.PELAKSANA, j
            rentang = (1, PUNCAK_PELAKSANA[pegawai.pendidikan])
        if not rentang[0] <= urut <= rentang[1]:
            salah.append((pegawai.nip, j.kode, pegawai.golongan))
    return salah


def test_ranks_fit_positions(demo):
    assert golongan_tak_sesuai() == []
    # Every kind of position is there, and pelaksana spread over ranks, not piled at the top.
    aktif = Penempatan.objects.aktif().definitif().filter(pegawai__status="PNS")
    pelaksana = aktif.filter(formasi__jabatan__jenis=JenisJabatan.PELAKSANA)
    ranks = set(pelaksana.values_list("pegawai__golongan", flat=True))
    assert {"II/a", "II/c", "III/a"} <= ranks and not {g for g in ranks if g.startswith("IV")}
    # One pelaksana at IV/b, the trap the issue names, is caught.
    satu = pelaksana.select_related("pegawai").first().pegawai
    Pegawai.objects.filter(pk=satu.pk).update(golongan="IV/b")
    assert [(nip, g) for nip, _j, g in golongan_tak_sesuai()] == [(satu.nip, "IV/b")]


# --- careers fit age, years of service and education ---------------------------------------------


def karier_tak_wajar() -> list[tuple[str, str]]:
    """Return (NIP, what is wrong) of PNS whose career does not add up: entered younger than 18
    or older than 35 (PP 11/2017 Pasal 23: at application; a year's margin to the TMT), started
    above their education's entry rank, were promoted within four years (PP 99/2000 Pasal 18),
    a history that ends elsewhere than the current rank, or past retirement."""
    salah = []
    riwayat: dict[int, list[RiwayatPangkat]] = {}
    for r in RiwayatPangkat.objects.filter(pegawai__status="PNS").order_by("tmt_golongan", "pk"):
        riwayat.setdefault(r.pegawai_id, []).append(r)
    for p in Pegawai.objects.filter(status="PNS").prefetch_related("penempatan__formasi__jabatan"):
        masuk = _usia(p.tanggal_lahir, p.tmt_cpns)
        if not 18 <= masuk <= 36:
            salah.append((p.nip, f"usia masuk {masuk}"))
        rows = riwayat.get(p.pk, [])
        if not rows:
            salah.append((p.nip, "tanpa riwayat pangkat"))
            continue
        if gol.urutan(rows[0].golongan) > GOLONGAN_AWAL[p.pendidikan]:
            salah.append((p.nip, f"{p.pendidikan} mulai {rows[0].golongan}"))
        for a, b in pairwise(rows):
            tahun = (b.tmt_golongan - a.tmt_golongan).days / 365.25
            if tahun < TAHUN_PER_PANGKAT - 0.01:
                salah.append((p.nip, f"{a.golongan}→{b.golongan} dalam {tahun:.1f} tahun"))
        if (rows[-1].golongan, rows[-1].tmt_golongan) != (p.golongan, p.tmt_golongan):
            salah.append((p.nip, f"riwayat berakhir {rows[-1].golongan}, kini {p.golongan}"))
        definitif = [x for x in p.penempatan.all() if x.aktif and x.jenis == "definitif"]
        bup = definitif[0].formasi.jabatan.batas_usia_pensiun if definitif else 58
        if tanggal_pensiun(p.tanggal_lahir, bup) <= PADA:
            salah.append((p.nip, "sudah pensiun"))
    return salah


def test_careers_fit_age_years_of_service_and_education(demo):
    assert karier_tak_wajar() == []
    # An SMA graduate who "started" at III/a is caught.
    sma = Pegawai.objects.filter(status="PNS", pendidikan="SLTA").first()
    pertama = sma.riwayat_pangkat.order_by("tmt_golongan", "pk").first()
    RiwayatPangkat.objects.filter(pk=pertama.pk).update(golongan="III/a")
    assert (sma.nip, "SLTA mulai III/a") in karier_tak_wajar()


# --- vacancies, acting holders and decisions ------------------------------------------------------


def plt_tak_wajar() -> list[tuple[str, str]]:
    """Return (post, what is wrong) of vacant posts whose acting holder (Plt) started before the
    post fell vacant, or more than a month after (the Plt is appointed when the holder leaves),
    or whose vacancy has no start (no predecessor: "vacant since" would be the seeding day)."""
    salah = []
    for f in lowong_publik().filter(plt_mulai__isnull=False):
        ada = Penempatan.objects.filter(
            formasi=f, jenis="definitif", tmt_selesai__isnull=False
        ).exists()
        if not ada:
            salah.append((str(f), "tanpa pendahulu"))
        elif not 0 < (f.plt_mulai - f.lowong_sejak).days <= 31:
            salah.append((str(f), f"lowong {f.lowong_sejak}, Plt {f.plt_mulai}"))
    return salah


def test_a_post_with_a_plt_fell_vacant_when_the_plt_began(demo):
    assert Penempatan.objects.aktif().filter(jenis="plt").count() >= 5
    assert plt_tak_wajar() == []
    # A Plt whose order predates the vacancy by months is caught.
    plt = Penempatan.objects.aktif().filter(jenis="plt").first()
    pendahulu = Penempatan.objects.filter(formasi=plt.formasi, tmt_selesai__isnull=False).first()
    Penempatan.objects.filter(pk=plt.pk).update(
        tmt_mulai=pendahulu.tmt_selesai - dt.timedelta(days=120)
    )
    assert [s for s, _m in plt_tak_wajar()] == [str(plt.formasi)]


def lowong_tanpa_awal() -> list[str]:
    """Return the vacant structural posts no one ever left: their "vacant since" would be the
    day the demo was seeded (jabatan.selectors.daftar_lowongan falls back on the post's row)."""
    return [
        str(f)
        for f in lowong_publik().filter(jabatan__jenis__in=MANAJERIAL)
        if not f.penempatan.filter(jenis="definitif", tmt_selesai__isnull=False).exists()
    ]


def test_every_vacant_structural_post_fell_vacant_when_someone_left(demo):
    lowong = lowong_publik().filter(jabatan__jenis__in=MANAJERIAL)
    assert lowong.count() >= 10
    assert lowong_tanpa_awal() == []
    f = lowong.first()
    f.penempatan.filter(tmt_selesai__isnull=False).delete()
    assert lowong_tanpa_awal() == [str(f)]


def test_no_vacant_post_is_vacant_since_the_day_the_demo_was_seeded(demo):
    """A post no one ever held was established by the year's needs analysis (PP 11/2017
    Pasal 5 ayat (1)-(2)), months before: its "vacant since" is that day (demo.generator)."""
    # Seeded for PADA on a later day: a post vacant "since" after PADA is one nobody set.
    assert [f for f in lowong_publik() if f.lowong_sejak > PADA] == []
    f = lowong_publik().first()
    f.penempatan.all().delete()
    Formasi.objects.filter(pk=f.pk).update(created_at=timezone.now())
    assert [g.pk for g in lowong_publik() if g.lowong_sejak >= PADA - dt.timedelta(days=30)] == [
        f.pk
    ]


def test_every_public_decision_shows_how_long_the_post_was_vacant(demo):
    baris = daftar_baris(keputusan_publik())
    assert len(baris) >= 10
    hari = [b.hari_lowong for b in baris]
    assert None not in hari and all(30 <= h <= 300 for h in hari), hari
    assert len(set(hari)) > len(hari) // 2  # not one figure repeated
    # The public figure reads the predecessor's last day: without it, the figure goes.
    k = Keputusan.objects.order_by("pk").first()
    Penempatan.objects.filter(formasi=k.formasi, tmt_selesai__isnull=False).delete()
    assert daftar_baris(keputusan_publik().filter(pk=k.pk))[0].hari_lowong is None


def ulangan(teks: list[str]) -> list[tuple[str, int]]:
    """Return the texts that stand for more than a third of those written (and more than
    twice): a demo with one sentence for every case."""
    hitung = Counter(t for t in teks if t)
    n = sum(hitung.values())
    return [(t, k) for t, k in hitung.items() if k > max(2, n / 3)]


def test_justifications_vary_and_the_public_summary_is_written_for_the_public(demo):
    keputusan = list(Keputusan.objects.select_related("pegawai"))
    bukan_pertama = [k for k in keputusan if k.peringkat_terpilih != 1]
    assert len(bukan_pertama) >= 5
    justifikasi = [k.justifikasi for k in bukan_pertama]
    ringkasan = [k.ringkasan_publik for k in keputusan]
    assert len(set(justifikasi)) >= 4 and len(set(filter(None, ringkasan))) >= 4
    assert ulangan(justifikasi) == [] and ulangan(ringkasan) == []
    for k in keputusan:
        # No name, NIP or copy of the internal text in what the public reads.
        assert k.pegawai.nama not in k.ringkasan_publik and k.pegawai.nip not in k.ringkasan_publik
        assert not k.ringkasan_publik or k.ringkasan_publik != k.justifikasi
        assert len(k.ringkasan_publik) <= 280
    # Some summaries are left to write (the public page says so), most are written.
    kosong = sum(1 for k in bukan_pertama if not k.ringkasan_publik)
    assert 0 < kosong < len(bukan_pertama) / 2
    # One sentence for every decision is caught.
    assert ulangan(["Diangkat karena pengalaman."] * 5) == [("Diangkat karena pengalaman.", 5)]


# --- selections ----------------------------------------------------------------------------------


def pelamar_tak_wajar() -> list[tuple[str, str]]:
    """Return (applicant, what is wrong) of applicants who could not have applied on the first
    day of registration, by the merit ranking's own JPT rules (what publik.services.kelayakan
    reads: rank, education, family of studies, Administrator or Ahli Madya for two years, age
    56), or whose field of study fits neither the post nor its affair, the post's holder
    applying for it, and, checked here directly, a rank below the post's minimum."""
    salah = []
    for s in Seleksi.objects.prefetch_related("formasi__jabatan", "tahap"):
        daftar = next(t for t in s.tahap.all() if t.jenis == JenisTahap.PENDAFTARAN)
        pemangku = set(
            Penempatan.objects.aktif()
            .definitif()
            .filter(formasi__in=s.formasi.all())
            .values_list("pegawai_id", flat=True)
        )
        pemenang = set(
            Keputusan.objects.filter(formasi__in=s.formasi.all()).values_list(
                "pegawai_id", flat=True
            )
        )
        for p in s.pelamar.select_related("pegawai", "formasi__jabatan"):
            nama, j = p.pegawai.nama, p.formasi.jabatan
            if gol.urutan(p.pegawai.golongan) < gol.urutan(j.golongan_minimal):
                salah.append((nama, f"golongan {p.pegawai.golongan}"))
            if s.selesai and p.pegawai_id in pemenang:
                continue  # the appointee holds the post now: the ranking no longer lists them
            if p.pegawai_id in pemangku:
                salah.append((nama, "pemangku formasi"))
                continue
            peringkat = peringkat_formasi(
                p.formasi,
                pada=daftar.mulai,
                teratas=0,
                pegawai_ids=[p.pegawai_id],
                hitung=False,
                pengumuman=s.syarat_pengumuman,
            )
            h = peringkat.dicari[p.pegawai_id]
            salah.extend((nama, a.pesan) for a in h.alasan if not h.layak)
            if kecocokan(h.kandidat, peringkat.syarat) == LAIN:
                salah.append((nama, "bidang studi tidak sesuai"))
    return salah


def test_selection_applicants_could_apply_for_the_post(demo):
    seleksi = Seleksi.objects.all()
    assert seleksi.filter(selesai=True).exists() and seleksi.filter(selesai=False).exists()
    assert all(s.pelamar.count() >= 3 for s in seleksi)
    assert pelamar_tak_wajar() == []
    # Every finished selection's winner is the appointee of the decision by open selection,
    # and every such decision names its selection through the appointee's application.
    for s in seleksi.filter(selesai=True):
        k = Keputusan.objects.get(formasi__in=s.formasi.all(), metode="seleksi_terbuka")
        assert s.pelamar.filter(pegawai=k.pegawai).exists()
        assert k.asal_seleksi.pelamar.seleksi == s and k.asal_seleksi.pelamar.pegawai == k.pegawai
    assert not Keputusan.objects.filter(
        metode="seleksi_terbuka", asal_seleksi__isnull=True
    ).exists()
    # A junior teacher applying for a JPT post is caught, and so is a senior one (eligible by
    # law as an Ahli Madya) for a post outside education.
    terbuka = seleksi.filter(selesai=False).first()
    formasi = terbuka.formasi.first()
    guru = Pegawai.objects.filter(penempatan__formasi__jabatan__kode="JF-GURU-AHLI_PERTAMA")
    Pelamar.objects.create(seleksi=terbuka, formasi=formasi, pegawai=guru.first())
    assert guru.first().nama in {nama for nama, _a in pelamar_tak_wajar()}


# --- kedudukan hukum -----------------------------------------------------------------------------


def test_who_does_not_hold_a_post_by_kedudukan_hukum_has_none_and_fits_it(demo):
    """Tugas belajar, pemberhentian sementara and MPP (pegawai.kedudukan_hukum; PP 11/2017 jo.
    PP 17/2020 Pasal 94 ayat (1)): no active placement, the last one ended when it began; MPP
    only in the year before the retirement age of the post they left (UU 20/2023 Pasal 55)."""
    lepas = Pegawai.objects.filter(kedudukan_hukum__in=["03", "04", "20"])
    jumlah = Counter(lepas.values_list("kedudukan_hukum", flat=True))
    assert jumlah["03"] >= 2 and jumlah["04"] == 1 and jumlah["20"] >= 1, jumlah
    for p in lepas:
        assert not Penempatan.objects.aktif().filter(pegawai=p).exists(), p
        akhir = Penempatan.objects.filter(pegawai=p, jenis="definitif").latest("tmt_selesai")
        assert akhir.tmt_selesai < PADA
        if p.kedudukan_hukum == "20":
            pensiun = tanggal_pensiun(p.tanggal_lahir, akhir.formasi.jabatan.batas_usia_pensiun)
            assert PADA < pensiun <= akhir.tmt_selesai + dt.timedelta(days=400), p
        if p.kedudukan_hukum == "03":
            assert p.pendidikan == "S1" and _usia(p.tanggal_lahir, PADA) < 41, p
    # The ranking leaves them out with the kedudukan hukum's reason.
    formasi = Formasi.objects.filter(jabatan__jenis=JenisJabatan.PELAKSANA).first()
    p = peringkat_formasi(formasi, pada=PADA, pegawai_ids=list(lepas.values_list("pk", flat=True)))
    for pid in lepas.values_list("pk", flat=True):
        assert "KEDUDUKAN_HUKUM" in {a.kode for a in p.dicari[pid].alasan}
