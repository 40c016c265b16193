"""The demo data set: realistic, valid, deterministic, and careful with existing data."""

from __future__ import annotations

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.test import Client
from django.urls import reverse

from jabatan.models import Formasi, Penempatan
from pegawai import golongan as gol
from pegawai import kedudukan_hukum as kh
from pegawai.jenis_jabatan import MANAJERIAL
from pegawai.models import Pegawai, UnitKerja
from pegawai.pendidikan import memenuhi_pendidikan
from pelatihan.models import PelatihanEksternal

pytestmark = pytest.mark.django_db
PADA = "2026-11-28"


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, "--tanggal", PADA, stdout=out)
    return out.getvalue()


def _fingerprint() -> str:
    rows = Pegawai.objects.order_by(
        "nip", "penempatan__jenis", "penempatan__formasi__unit_kerja__kode"
    ).values_list(
        "nip", "nama", "golongan", "unit_kerja__kode", "penempatan__formasi__jabatan__kode"
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def test_it_builds_a_mataram_sized_city_that_fills_about_95_percent_of_seats():
    output = _seed()
    assert Pegawai.objects.count() == 7000
    kursi = sum(Formasi.objects.values_list("kuota", flat=True))
    assert 0.93 <= 7000 / kursi <= 0.97
    # The real kecamatan and kelurahan of Perda Kota Mataram 3/2007.
    assert UnitKerja.objects.filter(jenis="kecamatan").count() == 6
    assert UnitKerja.objects.filter(jenis="kelurahan").count() == 50
    assert UnitKerja.objects.filter(nama="Kelurahan Cakranegara Selatan Baru").exists()
    # Teachers are the largest group.
    guru = Pegawai.objects.filter(penempatan__formasi__jabatan__kode__startswith="JF-GURU").count()
    assert guru > 0.3 * 7000
    assert 0.1 < Pegawai.objects.filter(status="PPPK").count() / 7000 < 0.35
    assert "100%" in output and "admin.bkpsdm" in output
    _cek_suksesi()


def _cek_suksesi() -> None:
    """Most JPT and Administrator posts, some Pengawas ones, have one to three successors, each
    of whom the services would accept: an active PNS of the talent pool, not a holder."""
    from jabatan.models import MAKS_SUKSESOR, Suksesor
    from jabatan.peringkat import kotak_talenta
    from kinerja.rules import TALENT_POOL

    aktif = Suksesor.objects.filter(aktif=True).select_related("pegawai", "formasi__jabatan")
    for jenis, bagian in (("JPT_PRATAMA", 0.75), ("ADMINISTRATOR", 0.6), ("PENGAWAS", 0.2)):
        semua = Formasi.objects.filter(jabatan__jenis=jenis).count()
        dengan = aktif.filter(formasi__jabatan__jenis=jenis).values("formasi").distinct().count()
        assert dengan >= bagian * semua, (jenis, dengan, semua)
    assert not aktif.exclude(formasi__jabatan__jenis__in=MANAJERIAL).exists()
    per_formasi = aktif.values("formasi").annotate(n=Count("pk")).values_list("n", flat=True)
    assert set(per_formasi) <= set(range(1, MAKS_SUKSESOR + 1)) and 3 in set(per_formasi)
    kotak = kotak_talenta(aktif.values_list("pegawai_id", flat=True))
    assert set(kotak.values()) <= TALENT_POOL
    assert {(s.pegawai.status, s.pegawai.kedudukan) for s in aktif} == {("PNS", "aktif")}
    pemangku = set(Penempatan.objects.aktif().definitif().values_list("formasi", "pegawai"))
    assert not pemangku & set(aktif.values_list("formasi", "pegawai"))
    assert {s.kesiapan for s in aktif} == set(Suksesor.Kesiapan.values)
    assert Suksesor.objects.filter(aktif=False).exclude(alasan_berakhir="").exists()


def _suksesi_fingerprint() -> list[tuple]:
    from jabatan.models import Suksesor

    return list(
        Suksesor.objects.order_by(
            "formasi__unit_kerja__kode", "formasi__jabatan__kode", "urutan", "pegawai__nip"
        ).values_list(
            "formasi__unit_kerja__kode",
            "formasi__jabatan__kode",
            "pegawai__nip",
            "urutan",
            "kesiapan",
            "aktif",
        )
    )


def test_every_seeded_employee_is_valid_and_fits_their_post():
    _seed("--pegawai", "600")
    for pegawai in Pegawai.objects.all():
        pegawai.full_clean()  # NIP agrees with birth date, gender, TMT; rank matches status
    definitif = Penempatan.objects.aktif().definitif().select_related("pegawai", "formasi__jabatan")
    # Everyone holds a post but who, by SIASN's kedudukan hukum, does not (tugas belajar,
    # pemberhentian sementara, MPP: pegawai.kedudukan_hukum; demo.kedudukan).
    lepas = Pegawai.objects.filter(kedudukan_hukum__in=kh.TIDAK_MEMANGKU)
    assert {"03", "04", "20"} <= set(lepas.values_list("kedudukan_hukum", flat=True))
    assert not definitif.filter(pegawai__in=lepas).exists()
    assert definitif.count() == 600 - lepas.count()
    for p in definitif:
        jabatan = p.formasi.jabatan
        if jabatan.golongan_minimal:
            assert gol.urutan(p.pegawai.golongan) >= gol.urutan(jabatan.golongan_minimal)
        assert memenuhi_pendidikan(p.pegawai.pendidikan, jabatan.pendidikan_minimal)
        assert p.pegawai.unit_kerja_id == p.formasi.unit_kerja_id
    hitung = Formasi.objects.annotate(
        n=Count(
            "penempatan",
            filter=Q(penempatan__jenis="definitif", penempatan__tmt_selesai__isnull=True),
        )
    )
    assert not hitung.exclude(n=F("jumlah_terisi")).exists()
    # Every history row belongs to its employee's career.
    assert not Pegawai.objects.filter(riwayat_pangkat__isnull=True).exists()
    assert not Pegawai.objects.filter(riwayat_pendidikan__isnull=True).exists()


def test_it_is_deterministic_for_a_seed():
    _seed("--pegawai", "400", "--seed", "7")
    first, suksesi = _fingerprint(), _suksesi_fingerprint()
    _seed("--pegawai", "400", "--seed", "7", "--reset")
    assert _fingerprint() == first
    assert _suksesi_fingerprint() == suksesi and suksesi
    _seed("--pegawai", "400", "--seed", "8", "--reset")
    assert _fingerprint() != first


def test_it_refuses_to_seed_over_existing_data_and_changes_nothing():
    _seed("--pegawai", "200")
    before = _fingerprint()
    with pytest.raises(CommandError, match="--reset"):
        _seed("--pegawai", "300")
    assert Pegawai.objects.count() == 200
    assert _fingerprint() == before
    assert "sudah ada" in _seed("--if-empty")
    assert Pegawai.objects.count() == 200


def test_it_creates_a_demo_login_for_each_role():
    _seed("--pegawai", "2000")
    hr = User.objects.get(username="admin.bkpsdm")
    assert hr.check_password("demo-bkpsdm-2026")
    assert hr.is_staff and not hr.is_superuser
    assert hr.groups.filter(name="Admin BKPSDM").exists()
    pimpinan = User.objects.get(username="pimpinan.dikes")
    assert pimpinan.is_staff and pimpinan.groups.filter(name="Pimpinan Unit").exists()
    assert pimpinan.akses.unit_kerja.nama == "Dinas Kesehatan"
    pegawai = User.objects.get(username="pegawai.demo")
    assert not pegawai.is_staff and pegawai.groups.filter(name="Pegawai").exists()
    assert pegawai.akses.pegawai is not None and pegawai.akses.unit_kerja is None
    # HR's link to the evidence of seeded external training opens a PDF (pelatihan.bukti).
    client = Client()
    client.force_login(hr)
    eksternal = PelatihanEksternal.objects.order_by("pk").first()
    r = client.get(reverse("pelatihan:eksternal_bukti", args=[eksternal.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"


def test_the_seeded_training_points_at_the_name_the_storage_gave_the_sample(monkeypatch):
    # A storage may keep a file under another name than asked (one taken meanwhile): the rows
    # name the file that was written, so HR's link to the evidence still opens it.
    from django.core.files.storage import default_storage

    simpan = default_storage.save
    disimpan = []

    def save_elsewhere(name, content, **kwargs):
        disimpan.append(simpan("sertifikat/contoh-lain.pdf", content, **kwargs))
        return disimpan[-1]

    monkeypatch.setattr(default_storage, "exists", lambda name: False)
    monkeypatch.setattr(default_storage, "save", save_elsewhere)
    _seed("--pegawai", "2000")
    assert len(disimpan) == 1 and disimpan[0] != "sertifikat/contoh.pdf"
    assert set(PelatihanEksternal.objects.values_list("bukti", flat=True)) == {disimpan[0]}


def test_it_rejects_a_bad_argument():
    with pytest.raises(CommandError):
        _seed("--pegawai", "0")
    assert not Pegawai.objects.exists()
    assert dt.date.fromisoformat(PADA)
