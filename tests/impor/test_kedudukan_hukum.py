"""SIASN's kedudukan hukum and its consequences, one data-utama record per id of the table.

The table and its regulations: pegawai.kedudukan_hukum (ids and labels from a public Laravel
migration seeding table `kedudukan_hukum` and an older SAPK client's `kedudukan_hukum()` helper;
"PPPK Aktif" from rumahASN controller/siasn-jabatan.controller.js). The record is a whole data-utama
record (tests.impor.bantu.rekam_utuh) in the response shape `{"code": 1, "data": {...}}` that
kanekescom/laravel-siasn-simpeg src/Helpers/PnsDataUtamaResponseTransformer.php reads.

For every id: our kedudukan and the stored kedudukan hukum; the placement ended exactly when the
person no longer holds the post (PP 11/2017 jo. PP 17/2020 Pasal 94 ayat (1): tugas belajar,
pemberhentian sementara, CLTN); the ranking's KEDUDUKAN_HUKUM reason in the pure rules and in the
SQL ranking alike; DUK membership (PP 15/1979; no CPNS, no PPPK).
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.utils import timezone

from impor import proses
from jabatan import merit
from jabatan.duk import duk
from jabatan.models import Penempatan, Suksesor
from jabatan.peringkat import peringkat_formasi
from jabatan.selectors import kandidat_merit, syarat_formasi
from jabatan.services import penempatan_create
from pegawai import kedudukan_hukum as kh
from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, UnitKerjaFactory
from tests.impor.bantu import baris_pegawai, ke_csv, rekam_utuh

PADA = date(2026, 12, 7)


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


def _rekam(p: Pegawai, k: kh.KedudukanHukum) -> bytes:
    ubah = {"kedudukanPnsId": k.id, "kedudukanPnsNama": k.nama}
    if k.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        ubah["tmtBerhenti"] = "01-12-2026"
    if k.pppk:  # SIASN's tmtCpns holds a PPPK's TMT (impor.validasi)
        ubah |= {"statusPegawai": "PPPK", "golRuangAkhirId": "", "golRuangAkhir": p.golongan}
        ubah |= {"tmtCpns": f"{p.tmt_pppk:%d-%m-%Y}", "tmtGolAkhir": f"{p.tmt_golongan:%d-%m-%Y}"}
        rekam = rekam_utuh(nipBaru=p.nip, nama=p.nama, tglLahir="", jenisKelamin="", **ubah)
    else:
        rekam = baris_pegawai(p, dasar=rekam_utuh, **ubah)
    return json.dumps({"code": 1, "data": rekam}).encode()


@pytest.mark.django_db
@pytest.mark.parametrize("k", kh.TABEL, ids=lambda k: f"{k.id}-{k.nama}")
def test_a_data_utama_record_per_kedudukan_hukum(k, unit, hr_user):
    if k.pppk:
        p = PegawaiFactory(unit_kerja=unit, golongan="IX", pppk=True)
    else:
        p = PegawaiFactory(unit_kerja=unit, golongan="III/b", tmt_pns=date(2011, 1, 1))
    staf = FormasiFactory(unit_kerja=unit, kuota=2)
    penempatan_create(pegawai=p, formasi=staf, tmt_mulai=date(2020, 1, 2))
    kepala = FormasiFactory(unit_kerja=unit, jabatan=JabatanFactory(jenis="PELAKSANA"))
    Suksesor.objects.create(
        formasi=kepala,
        pegawai=p,
        kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
        urutan=1,
        tanggal_penetapan=date(2025, 1, 2),
        ditetapkan_oleh=hr_user,
    )
    dalam_dinas = k.kedudukan in Pegawai.KEDUDUKAN_AKTIF
    melepas = dalam_dinas and not k.memangku_jabatan

    pratinjau = proses.jalankan(_rekam(p, k), "json")
    assert pratinjau.tolak == 0, pratinjau.ditolak
    assert pratinjau.lepas == ({f"{k.id} {k.nama}": 1} if melepas else {})
    assert pratinjau.lepas_penempatan == melepas

    r = proses.jalankan(_rekam(p, k), "json", terapkan=True)
    assert (r.ubah, r.tolak, r.lepas_penempatan) == (1, 0, melepas)
    p.refresh_from_db()
    assert (p.kedudukan, p.kedudukan_hukum) == (k.kedudukan, k.id)
    # The post is held exactly while the kedudukan hukum lets them hold it.
    aktif = Penempatan.objects.aktif().filter(pegawai=p)
    assert aktif.exists() is k.memangku_jabatan
    if melepas:
        akhir = Penempatan.objects.get(pegawai=p)
        assert akhir.tmt_selesai == timezone.localdate() - timezone.timedelta(days=1)
        assert akhir.keterangan == f"Melepas jabatan karena kedudukan hukum: {k.id} {k.nama}"
    # Succession: only leaving the service ends it; who is on tugas belajar stays in the pool.
    assert Suksesor.objects.filter(pegawai=p, aktif=True).exists() is dalam_dinas

    # Ranking: the pure rules over the live records and the SQL over the projection agree.
    calon = {c.pegawai_id: c for c in kandidat_merit()}
    if not dalam_dinas:
        assert p.pk not in calon
    else:
        alasan = merit.kelayakan(calon[p.pk], syarat_formasi(kepala), PADA)
        kode = {a.kode for a in alasan}
        assert ("KEDUDUKAN_HUKUM" in kode) is not k.dapat_diperingkat
        if not k.dapat_diperingkat:
            (pesan,) = [a.pesan for a in alasan if a.kode == "KEDUDUKAN_HUKUM"]
            assert k.nama in pesan and k.dasar in pesan
        sql = peringkat_formasi(kepala, pada=PADA, pegawai_ids=[p.pk]).dicari[p.pk]
        assert {a.kode for a in sql.alasan} == kode

    # DUK: PNS in service only, and not who the table keeps off it (CPNS 51, PPPK 71/72).
    dik = {b.pegawai.pk for b in duk(scope=Lingkup(semua=True), unit=unit, pada=PADA)}
    assert (p.pk in dik) is k.masuk_duk


@pytest.mark.django_db
def test_our_own_kedudukan_label_alone_keeps_the_kedudukan_hukum_blank(unit):
    """Our export writes "aktif" for an employee without SIASN's id: read back, nothing changes
    (the round trip); SIASN's label with its id is stored."""
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    sama = proses.jalankan(ke_csv([baris_pegawai(p, kedudukanPnsNama="aktif")]), "csv")
    assert (sama.sama, sama.ubah) == (1, 0)
    rows = [baris_pegawai(p, kedudukanPnsId="01", kedudukanPnsNama="Aktif")]
    proses.jalankan(ke_csv(rows), "csv", terapkan=True)
    p.refresh_from_db()
    assert p.kedudukan_hukum == "01"


@pytest.mark.django_db
def test_the_preview_page_lists_who_leaves_their_post_by_kedudukan_hukum(
    hr_client, unit, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from impor.models import Impor

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    penempatan_create(
        pegawai=p, formasi=FormasiFactory(unit_kerja=unit), tmt_mulai=date(2020, 1, 2)
    )
    berkas = SimpleUploadedFile("siasn.json", _rekam(p, kh.ID["03"]), "application/json")
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("impor:unggah"), {"berkas": berkas})
    impor = Impor.objects.get()
    assert impor.status == Impor.Status.PRATINJAU
    page = " ".join(hr_client.get(impor.get_absolute_url()).content.decode().split())
    assert "1 pegawai melepas jabatan karena kedudukan hukum: 03 Tugas Belajar (1)." in page
    assert "1 penempatan aktif diakhiri sehingga formasinya lowong" in page
    assert Penempatan.objects.aktif().filter(pegawai=p).exists()  # a preview writes nothing


@pytest.mark.django_db
def test_the_reconciliation_names_a_kedudukan_hukum_that_means_something_else(unit):
    """Ours blank and SIASN's 01 Aktif mean the same (no line); SIASN's 03 Tugas Belajar is a
    difference HR must see."""
    sama = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    beda = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    rows = [
        baris_pegawai(sama, kedudukanPnsId="01", kedudukanPnsNama="Aktif"),
        baris_pegawai(beda, kedudukanPnsId="03", kedudukanPnsNama="Tugas Belajar"),
    ]
    selisih = proses.jalankan(ke_csv(rows), "csv", selisih=True).selisih.buf.getvalue()
    assert sama.nip not in selisih
    assert f"{beda.nip};{beda.nama};kedudukan hukum (SIASN);03 Tugas Belajar;" in selisih
