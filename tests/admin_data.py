"""The admin tests' shared data and helpers (plain functions, no fixtures: those are in
tests/conftest.py). One data set covers every registered admin of pegawai, jabatan, kinerja,
pelatihan, impor, survei and sistem_merit, so each app's tests/<app>/test_admin.py can hold its
pages to a query bound with rows on every changelist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Keputusan, Suksesor, Usulan
from kinerja.models import KinerjaOrganisasi, Periode, RevisiSkp, Skp
from pegawai.disiplin import JenisHukuman
from pegawai.models import (
    Akses,
    CatatanEkspor,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPendidikan,
    UnitKerja,
)
from tests.factories import (
    BidangStudiFactory,
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    RiwayatPangkatFactory,
    UnitKerjaFactory,
)

JUMLAH_PEGAWAI = 30

# Every request of a logged-in HR user costs 4 queries before the page does anything: the session,
# the user, the user's own permissions and the group permissions (cached for the request).
AUTH = 4

# The change form looks up the model's content type (for the "view on site" link); Django caches it
# per process, so in production it is one query per model per worker, here one per test.
CONTENT_TYPE = 1


def terdaftar(app_label: str) -> list[str]:
    """Return the "app.model" labels of the app's models registered in the admin, sorted."""
    return sorted(
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in admin.site._registry
        if model._meta.app_label == app_label
    )


def admin_url(label: str, view: str, *args: object) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def inline_kosong(*prefixes: str) -> dict[str, int]:
    """Return the management form of empty inline formsets: no inline rows posted."""
    data: dict[str, int] = {}
    for prefix in prefixes:
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data


@dataclass
class Dataset:
    root: UnitKerja
    opd: list[UnitKerja]
    pegawai: list[Pegawai]


def _asesmen(pegawai: Pegawai) -> HasilAsesmen:
    levels = dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3)
    return HasilAsesmen.objects.create(
        pegawai=pegawai,
        tanggal=dt.date(2024, 5, 1),
        metode=HasilAsesmen.Metode.ASSESSMENT_CENTER,
        asesor="UPT Penilaian Kompetensi",
        **levels,
    )


def buat_dataset() -> Dataset:
    """30 employees in three perangkat daerah, each with every kind of history and a placement,
    and rows for every other registered admin (call it inside `projection.deferred()`)."""
    root = UnitKerjaFactory(nama="Pemerintah Kota Mataram", jenis=UnitKerja.Jenis.PEMERINTAH_DAERAH)
    opd = [UnitKerjaFactory(parent=root) for _ in range(3)]
    bidang = [UnitKerjaFactory(parent=o, jenis=UnitKerja.Jenis.BIDANG) for o in opd]
    bidang_studi = [BidangStudiFactory() for _ in range(2)]
    pegawai = []
    for n in range(JUMLAH_PEGAWAI):
        unit = bidang[n % 3]
        p = PegawaiFactory(unit_kerja=unit, bidang_studi=bidang_studi[n % 2])
        RiwayatPangkatFactory(pegawai=p, golongan="II/c", tmt_golongan=dt.date(2016, 4, 1))
        RiwayatPangkatFactory(pegawai=p, golongan="III/a", tmt_golongan=dt.date(2020, 4, 1))
        RiwayatPendidikan.objects.create(
            pegawai=p,
            tingkat="S1",
            bidang_studi=bidang_studi[n % 2],
            jurusan="Manajemen",
            nama_institusi="Universitas Mataram",
            tahun_lulus=2010,
        )
        HukumanDisiplin.objects.create(
            pegawai=p,
            jenis=JenisHukuman.TEGURAN_LISAN if n % 2 else JenisHukuman.PENURUNAN_JABATAN,
            nomor_sk=f"800/{n}/BKPSDM/2023",
            tanggal_sk=dt.date(2023, 1, 2),
            tmt_mulai=dt.date(2023, 1, 2),
        )
        _asesmen(p)
        jabatan = JabatanFactory()
        jabatan.bidang_studi.set(bidang_studi)
        formasi = FormasiFactory(jabatan=jabatan, unit_kerja=unit)
        PenempatanFactory(pegawai=p, formasi=formasi, nomor_sk=f"821/{n}/2024")
        pegawai.append(p)
    user = User.objects.create_user("kepala", is_staff=True)
    Akses.objects.create(user=user, pegawai=pegawai[-1], unit_kerja=opd[0])
    CatatanEkspor.objects.create(user=user, data="pegawai.pegawai", jumlah_baris=3)
    for n, p in enumerate(pegawai[3:6]):
        penempatan = p.penempatan.get()
        Usulan.objects.create(formasi=penempatan.formasi, pegawai=p, diusulkan_oleh=user, urutan=1)
        Suksesor.objects.create(
            formasi=penempatan.formasi,
            pegawai=pegawai[6 + n],
            kesiapan="sekarang",
            urutan=1,
            tanggal_penetapan=penempatan.tmt_mulai,
            ditetapkan_oleh=user,
        )
        Keputusan.objects.create(
            formasi=penempatan.formasi,
            pegawai=p,
            penempatan=penempatan,
            nomor_sk="821/1",
            tanggal_sk=penempatan.tmt_mulai,
            tmt=penempatan.tmt_mulai,
            metode="talent_pool",
            peringkat_terpilih=1,
            snapshot={},
            aturan_versi="uji",
            oleh=user,
        )
    _kinerja(opd, pegawai, user)
    _pelatihan(pegawai, user)
    _pemetaan(opd, pegawai, user)
    _sistem_merit(user)
    return Dataset(root=root, opd=opd, pegawai=pegawai)


def _pelatihan(pegawai: list[Pegawai], user: User) -> None:
    """A catalogue of three programs, a session each, enrolments, external training, a plan."""
    from django.utils import timezone

    from pelatihan.models import (
        PelatihanEksternal,
        Peserta,
        Program,
        ProgramKompetensi,
        RencanaBaris,
        RencanaPengembangan,
        Sesi,
    )

    sesi = []
    for i in range(3):
        program = Program.objects.create(
            kode=f"PRG{i}",
            nama=f"Program {i}",
            jenis="klasikal",
            bentuk="pelatihan",
            kelompok="manajerial",
            sifat="soft",
            jumlah_jp=20,
        )
        ProgramKompetensi.objects.create(program=program, kode="m03", level=3)
        sesi.append(
            Sesi.objects.create(
                program=program,
                nama="Angkatan I",
                tanggal_mulai=dt.date(2026, 3, 2),
                tanggal_selesai=dt.date(2026, 3, 6),
                moda="tatap_muka",
                kapasitas=40,
                penyelenggara="bkpsdm",
            )
        )
    Peserta.objects.bulk_create(Peserta(sesi=sesi[n % 3], pegawai=p) for n, p in enumerate(pegawai))
    for n, p in enumerate(pegawai[:6]):
        PelatihanEksternal.objects.create(
            pegawai=p,
            nama="Webinar",
            penyelenggara="Kominfo",
            kelompok="teknis",
            tanggal_mulai=dt.date(2026, 1, 5),
            tanggal_selesai=dt.date(2026, 1, 5),
            jumlah_jp=4,
            nomor_sertifikat=f"K/{n}",
            bukti="pelatihan/bukti/uji.pdf",
            tahun_jp=2026,
            status="diverifikasi" if n % 2 else "diajukan",
            diverifikasi_oleh=user if n % 2 else None,
            diverifikasi_pada=timezone.now() if n % 2 else None,
        )
    rencana = RencanaPengembangan.objects.create(tahun=2026, unit_kerja=pegawai[0].unit_kerja)
    RencanaBaris.objects.create(rencana=rencana, program=sesi[0].program, jumlah_kursi=5, biaya=0)


def _sistem_merit(user: User) -> None:
    """Two small instruments (tests/sistem_merit/bantu.py), an assessment of each, a document
    kept with one answer (the merit-system index)."""
    from django.core.files.base import ContentFile

    from sistem_merit import services
    from sistem_merit.models import DokumenBukti
    from tests.sistem_merit import bantu

    for data in (bantu.data_2018(), bantu.data_2025()):
        penilaian = services.penilaian_create(
            instrumen=bantu.buat(data), tahun=2025, tanggal_data=dt.date(2025, 12, 31), oleh=user
        )
        jawaban = penilaian.jawaban.order_by("pk").first()
        services.jawaban_set_level(jawaban=jawaban, level=2, alasan="Dokumen", oleh=user)
    DokumenBukti.objects.create(
        jawaban=jawaban,
        berkas=ContentFile(b"%PDF-1.4", name="uji.pdf"),
        nama="SK tim",
        jenis_berkas="application/pdf",
        diunggah_oleh=user,
    )


def _pemetaan(opd: list[UnitKerja], pegawai: list[Pegawai], user: User) -> None:
    """HR's saved SIASN mappings: one per unit and one per position of the first employees."""
    from impor.models import PemetaanJabatan, PemetaanUnit

    for n, unit in enumerate(opd):
        PemetaanUnit.objects.create(
            kode_siasn=f"UNOR-{n}", nama_siasn=unit.nama.upper(), unit_kerja=unit, oleh=user
        )
    for n, p in enumerate(pegawai[:5]):
        jabatan = p.penempatan.get().formasi.jabatan
        PemetaanJabatan.objects.create(
            kode_siasn=f"JAB-{n}", nama_siasn=f"JABATAN {n}", jabatan=jabatan, oleh=user
        )


def _kinerja(opd: list[UnitKerja], pegawai: list[Pegawai], user: User) -> None:
    """A closed year of final SKPs for everyone, the units' own performance and one revision."""
    periode = Periode.objects.create(tahun=2024, jenis="tahunan", triwulan=0)
    Periode.objects.create(tahun=2025, jenis="tahunan", triwulan=0, terbuka=True)
    penilai = pegawai[0]
    skp = Skp.objects.bulk_create(
        Skp(
            pegawai=p,
            periode=periode,
            penilai=penilai if p != penilai else pegawai[1],
            unit_kerja=p.unit_kerja,
            perangkat_daerah=p.unit_kerja.parent,
            golongan=p.golongan,
            status="final",
            rating_hasil="Sesuai Ekspektasi",
            rating_perilaku="Sesuai Ekspektasi",
            predikat="Baik",
            difinalkan_pada=timezone.now(),
        )
        for p in pegawai
    )
    for unit in opd:
        KinerjaOrganisasi.objects.create(unit_kerja=unit, tahun=2024, predikat="Baik")
    _survei(opd)
    for s in skp[:3]:
        RevisiSkp.objects.create(
            skp=s,
            alasan="Salah ketik",
            rating_hasil_lama="Sesuai Ekspektasi",
            rating_perilaku_lama="Sesuai Ekspektasi",
            predikat_lama="Baik",
            predikat_baru="Baik",
            oleh=user,
        )


def _survei(opd: list[UnitKerja]) -> None:
    """Three service units, 30 responses and their comments, a counter kiosk each (the public
    survey), and a statement of the employees' survey."""
    from survei.models import ButirSurveiPegawai, KiosSkm, KomentarSkm, ResponSkm, UnitLayanan

    # The employees' questionnaire is seeded by a migration, which a transactional test may have
    # flushed away.
    ButirSurveiPegawai.objects.get_or_create(
        nomor=1, defaults={"pertanyaan": "Saya puas.", "dimensi": "kepuasan", "sumber": "Uji"}
    )
    units = [UnitLayanan.objects.create(unit_kerja=o, kode=f"l{o.pk}") for o in opd]
    respon = ResponSkm.objects.bulk_create(
        ResponSkm(unit=units[n % 3], **{k: 3 for k in ResponSkm.KOLOM}) for n in range(30)
    )
    KomentarSkm.objects.bulk_create(KomentarSkm(respon=r, unit=r.unit, teks="Uji") for r in respon)
    KiosSkm.objects.bulk_create(
        KiosSkm(unit=u, nama="Tablet loket", token_hash=KiosSkm.sidik(u.kode)) for u in units
    )


def admin_bound_tests(
    app: str,
    changelist: dict,
    change: dict,
    *,
    tanpa_tambah: frozenset[str] | set[str] = frozenset(),
    tambah_lebih: dict[str, int] | None = None,
) -> tuple:
    """The bounded-query tests of one app's admin pages, over that app's bound tables; each
    `tests/<app>/test_admin.py` assigns them to its own names: the check that every registered
    admin has a bound, and a class of the three page tests. The pages only read, so the class
    shares one data set (`dataset_bersama`, built once per class, each test in a savepoint of
    its own) instead of building it again for each of its ~100 tests.

    An add page costs AUTH + CONTENT_TYPE (no foreign key renders its choices: autocomplete
    widgets start empty; a new object's inlines load nothing), plus `tambah_lebih[label]` for a
    select that lists its choices; the models of `tanpa_tambah` have no add page: HR gets 403."""
    tambah_lebih = tambah_lebih or {}
    add = {
        label: AUTH + CONTENT_TYPE + tambah_lebih.get(label, 0)
        for label in changelist
        if label not in tanpa_tambah
    }

    def test_it_has_a_query_bound_for_every_registered_admin() -> None:
        assert terdaftar(app) == sorted(changelist) == sorted(change)
        assert set(tanpa_tambah) <= set(changelist) and set(tambah_lebih) <= set(add)

    class TestAdminPages:
        @pytest.mark.parametrize("label", terdaftar(app))
        def test_it_renders_every_changelist_for_hr_with_bounded_queries(
            self, label, dataset_bersama, hr_client, django_assert_max_num_queries
        ) -> None:
            with django_assert_max_num_queries(changelist[label]):
                response = hr_client.get(admin_url(label, "changelist"))
            assert response.status_code == 200
            assert len(response.context["cl"].result_list) > 0

        @pytest.mark.parametrize("label", terdaftar(app))
        def test_it_renders_every_add_page_for_hr_with_bounded_queries(
            self, label, dataset_bersama, hr_client, django_assert_max_num_queries
        ) -> None:
            with django_assert_max_num_queries(add.get(label, AUTH + CONTENT_TYPE)):
                response = hr_client.get(admin_url(label, "add"))
            assert response.status_code == (403 if label in tanpa_tambah else 200)

        @pytest.mark.parametrize("label", terdaftar(app))
        def test_it_renders_every_change_page_for_hr_with_bounded_queries(
            self, label, dataset_bersama, hr_client, django_assert_max_num_queries
        ) -> None:
            obj = apps.get_model(label).objects.order_by("pk").last()
            with django_assert_max_num_queries(change[label]):
                response = hr_client.get(admin_url(label, "change", obj.pk))
            assert response.status_code == 200

    return test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages
