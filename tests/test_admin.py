"""The admin of pegawai and jabatan: pages, query counts, search, permissions and service writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jabatan.models import (
    Formasi,
    IndeksJp,
    IndeksMerit,
    IndeksUrusan,
    Jabatan,
    Keputusan,
    Penempatan,
    Suksesor,
    Usulan,
)
from kinerja.models import KinerjaOrganisasi, Periode, RevisiSkp, Skp
from pegawai import projection
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
from pegawai.roles import ADMIN_BKPSDM
from peran.grup import deklarasi
from tests.factories import (
    BidangStudiFactory,
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    RiwayatPangkatFactory,
    UnitKerjaFactory,
)

APPS = ("pegawai", "jabatan")  # whose models HR maintains (the roles test below)
ADMIN_APPS = (*APPS, "kinerja", "pelatihan", "impor")  # whose admins have a query bound here
JUMLAH_PEGAWAI = 30

# Every request of a logged-in HR user costs 4 queries before the page does anything: the session,
# the user, the user's own permissions and the group permissions (cached for the request).
AUTH = 4

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "pegawai.unitkerja": AUTH + 2 + 1 + 1,  # filters "depth" (SELECT DISTINCT) and "urusan"
    "pegawai.bidangstudi": AUTH + 2 + 1,  # filter "rumpun"
    "pegawai.rumpunilmu": AUTH + 2,
    "pegawai.urusanpemerintahan": AUTH + 2,
    "pegawai.pegawai": AUTH + 2 + 1,  # filter perangkat daerah: depth-1 units
    "pegawai.riwayatpangkat": AUTH + 2,
    "pegawai.riwayatpendidikan": AUTH + 2,
    "pegawai.hukumandisiplin": AUTH + 2,
    "pegawai.hasilasesmen": AUTH + 2,
    "jabatan.jabatan": AUTH + 2 + 1,  # filter "kelas jabatan": SELECT DISTINCT kelas_jabatan
    "jabatan.formasi": AUTH + 2 + 1,  # filter perangkat daerah
    "jabatan.penempatan": AUTH + 2 + 1,  # filter perangkat daerah
    "pegawai.akses": AUTH + 2,
    "pegawai.catatanekspor": AUTH + 2 + 1,  # filter "data": SELECT DISTINCT data
    "jabatan.profilmerit": AUTH + 2,
    "jabatan.usulan": AUTH + 2,
    "jabatan.keputusan": AUTH + 2,
    "jabatan.suksesor": AUTH + 2 + 1,  # filter perangkat daerah
    "jabatan.pengaturanpetikan": AUTH + 2,  # the signatory joined
    "kinerja.periode": AUTH + 2,
    "kinerja.skp": AUTH + 2 + 1 + 1,  # filters: the periods, and the depth-1 units
    "kinerja.kinerjaorganisasi": AUTH + 2 + 1,  # filter "tahun": SELECT DISTINCT tahun
    "kinerja.pengaturantalenta": AUTH + 2,
    "kinerja.revisiskp": AUTH + 2,
    "pelatihan.program": AUTH + 2,
    "pelatihan.sesi": AUTH + 2 + 2,  # the date hierarchy's years, the program group filter
    "pelatihan.peserta": AUTH + 2 + 2,  # filters: DISTINCT tahun_jp, the depth-1 units
    "pelatihan.pelatihaneksternal": AUTH + 2 + 1,  # filter "tahun JP": SELECT DISTINCT
    "pelatihan.rencanapengembangan": AUTH + 2 + 1,  # filter "tahun": SELECT DISTINCT
    "kinerja.unitlayanan": AUTH + 2,
    "kinerja.responskm": AUTH + 2 + 1,  # filter "unit": the service units
    "kinerja.komentarskm": AUTH + 2 + 1,  # filter "unit": the service units
    "kinerja.kiosskm": AUTH + 2,
    "impor.pemetaanunit": AUTH + 2,  # rows joined to the unit and the user who mapped
    "impor.pemetaanjabatan": AUTH + 2,
}

# The change form looks up the model's content type (for the "view on site" link); Django caches it
# per process, so in production it is one query per model per worker, here one per test.
CONTENT_TYPE = 1

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.
# The export log, proposals and decisions are written by their pages only: no add page (403).
# SKPs are opened per period, revisions written by the SKP page, and the talent settings are one
# row made by a migration: no add page either.
TANPA_TAMBAH = {
    "pegawai.catatanekspor",
    "jabatan.usulan",
    "jabatan.keputusan",
    "jabatan.suksesor",
    "jabatan.pengaturanpetikan",
    "kinerja.skp",
    "kinerja.pengaturantalenta",
    "kinerja.revisiskp",
    "kinerja.responskm",
    "kinerja.komentarskm",
    "pelatihan.pelatihaneksternal",
}
ADD_QUERIES = {
    label: AUTH + CONTENT_TYPE for label in CHANGELIST_QUERIES if label not in TANPA_TAMBAH
}
ADD_QUERIES["pegawai.urusanpemerintahan"] += 2  # the choices of its two many-to-many widgets
ADD_QUERIES["jabatan.jabatan"] += 1  # the choices of the required families (Jabatan.rumpun_wajib)


# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
PEGAWAI_CHANGE_QUERIES = (
    AUTH
    + CONTENT_TYPE
    + 1  # the employee with its unit (shown read-only)
    + 5  # inlines: penempatan (with employee, post, position, unit), riwayat pangkat,
    #      riwayat pendidikan, hukuman disiplin, hasil asesmen
    + 1  # the main form's bidang studi label
    + 1  # the bidang studi label of each education row: grows with the employee's own education
    #      rows (a handful), never with the data set
)
CHANGE_QUERIES = {
    "pegawai.unitkerja": AUTH + CONTENT_TYPE + 1 + 1,  # parent
    "pegawai.bidangstudi": AUTH + CONTENT_TYPE + 1 + 1,  # the families to choose from
    "pegawai.rumpunilmu": AUTH + CONTENT_TYPE + 1,
    # two many-to-many widgets (fields, families): the choices and the current values of each
    "pegawai.urusanpemerintahan": AUTH + CONTENT_TYPE + 1 + 4,
    "pegawai.pegawai": PEGAWAI_CHANGE_QUERIES,
    "pegawai.riwayatpangkat": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    "pegawai.riwayatpendidikan": AUTH + CONTENT_TYPE + 1 + 2,  # pegawai, bidang studi
    "pegawai.hukumandisiplin": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    "pegawai.hasilasesmen": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    # bidang studi (many-to-many autocomplete), the required families' select (a small table)
    "jabatan.jabatan": AUTH + CONTENT_TYPE + 1 + 2 + 1,
    "jabatan.formasi": AUTH + CONTENT_TYPE + 1 + 2,  # jabatan, unit kerja
    "jabatan.penempatan": AUTH + CONTENT_TYPE + 1,  # all read-only, joined
    "pegawai.akses": AUTH + CONTENT_TYPE + 1 + 3,  # user, pegawai, unit kerja
    "pegawai.catatanekspor": AUTH + CONTENT_TYPE + 1 + 1,  # read-only, the user
    "jabatan.profilmerit": AUTH + CONTENT_TYPE + 1,
    "jabatan.usulan": AUTH + CONTENT_TYPE + 1 + 3,  # read-only: post, employee, proposer
    "jabatan.keputusan": AUTH + CONTENT_TYPE + 1 + 5,  # read-only: post, employee, placement, ...
    "jabatan.suksesor": AUTH + CONTENT_TYPE + 1 + 3,  # read-only: post, employee, who set it
    "jabatan.pengaturanpetikan": AUTH + CONTENT_TYPE + 1,  # no signatory chosen yet
    "kinerja.periode": AUTH + CONTENT_TYPE + 1,
    "kinerja.skp": AUTH + CONTENT_TYPE + 1 + 5,  # read-only: employee, period, unit, ...; penilai
    "kinerja.kinerjaorganisasi": AUTH + CONTENT_TYPE + 1 + 1,  # unit kerja
    "kinerja.pengaturantalenta": AUTH + CONTENT_TYPE + 1,
    # Read-only: the SKP with, for its title, its period and employee (one query each: the admin
    # does not join them), and the user. Fixed per page.
    "kinerja.revisiskp": AUTH + CONTENT_TYPE + 1 + 4,
    "pelatihan.program": AUTH + CONTENT_TYPE + 1 + 1,  # inline: the competencies
    "pelatihan.sesi": AUTH + CONTENT_TYPE + 1 + 1,  # program
    "pelatihan.peserta": AUTH + CONTENT_TYPE + 1 + 2,  # read-only session (with its program),
    #                                                    employee
    "pelatihan.pelatihaneksternal": AUTH + CONTENT_TYPE + 1 + 1,  # read-only employee
    # unit kerja, the inline's rows, each row's program label (one row here), the approver
    "pelatihan.rencanapengembangan": AUTH + CONTENT_TYPE + 1 + 4,
    "kinerja.unitlayanan": AUTH + CONTENT_TYPE + 1 + 1,  # unit kerja
    "kinerja.responskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the service unit, its unit
    "kinerja.komentarskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the unit, the moderator
    "kinerja.kiosskm": AUTH + CONTENT_TYPE + 1 + 2,  # read-only: the service unit, its unit
    # The autocomplete's selected unit (or position), the user who mapped (read-only).
    "impor.pemetaanunit": AUTH + CONTENT_TYPE + 1 + 2,
    "impor.pemetaanjabatan": AUTH + CONTENT_TYPE + 1 + 2,
}


def _registered() -> list[str]:
    return sorted(
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in admin.site._registry
        if model._meta.app_label in ADMIN_APPS
    )


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


@pytest.fixture
def dataset(db) -> Dataset:
    """30 employees in three perangkat daerah, each with every kind of history and a placement."""
    with (
        projection.deferred()
    ):  # bulk set-up: one rebuild of the merit projection, not one per save
        return _dataset()


def _dataset() -> Dataset:
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
    survey)."""
    from kinerja.survei import KiosSkm, KomentarSkm, ResponSkm, UnitLayanan

    units = [UnitLayanan.objects.create(unit_kerja=o, kode=f"l{o.pk}") for o in opd]
    respon = ResponSkm.objects.bulk_create(
        ResponSkm(unit=units[n % 3], **{k: 3 for k in ResponSkm.KOLOM}) for n in range(30)
    )
    KomentarSkm.objects.bulk_create(KomentarSkm(respon=r, unit=r.unit, teks="Uji") for r in respon)
    KiosSkm.objects.bulk_create(
        KiosSkm(unit=u, nama="Tablet loket", token_hash=KiosSkm.sidik(u.kode)) for u in units
    )


@pytest.fixture
def superuser_client(db) -> Client:
    client = Client()  # a second client: tests may use hr_client too
    client.force_login(User.objects.create_superuser("root", password="rahasia-root-123"))
    return client


def _url(label: str, view: str, *args: object) -> str:
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


# --- Every page, bounded ---------------------------------------------------------------------


def test_it_has_a_query_bound_for_every_registered_admin() -> None:
    assert _registered() == sorted(CHANGELIST_QUERIES) == sorted(CHANGE_QUERIES)


@pytest.mark.parametrize("label", _registered())
def test_it_renders_every_changelist_for_hr_with_bounded_queries(
    label, dataset, hr_client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(CHANGELIST_QUERIES[label]):
        response = hr_client.get(_url(label, "changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) > 0


@pytest.mark.parametrize("label", sorted(ADD_QUERIES))
def test_it_renders_every_add_page_for_hr_with_bounded_queries(
    label, dataset, hr_client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(ADD_QUERIES[label]):
        response = hr_client.get(_url(label, "add"))
    assert response.status_code == 200


@pytest.mark.parametrize("label", _registered())
def test_it_renders_every_change_page_for_hr_with_bounded_queries(
    label, dataset, hr_client, django_assert_max_num_queries
) -> None:
    obj = apps.get_model(label).objects.order_by("pk").last()
    with django_assert_max_num_queries(CHANGE_QUERIES[label]):
        response = hr_client.get(_url(label, "change", obj.pk))
    assert response.status_code == 200


def test_it_renders_the_pegawai_change_page_with_histories_in_bounded_queries(
    dataset, hr_client, django_assert_max_num_queries
) -> None:
    pegawai = dataset.pegawai[0]
    with django_assert_max_num_queries(PEGAWAI_CHANGE_QUERIES):
        response = hr_client.get(_url("pegawai.pegawai", "change", pegawai.pk))
    assert response.status_code == 200
    content = response.content.decode()
    assert pegawai.nip_tercetak in content
    assert "Penata Muda (III/a)" in content
    assert "821/0/2024" in content  # the placement, read-only


def test_it_labels_formasi_autocomplete_results_in_bounded_queries(
    dataset, hr_client, django_assert_max_num_queries
) -> None:
    url = reverse("admin:autocomplete")
    params = {
        "app_label": "jabatan",
        "model_name": "penempatan",
        "field_name": "formasi",
        "term": "Analis",
    }
    # AUTH + COUNT (paginator) + the page of posts joined to position and unit.
    with django_assert_max_num_queries(AUTH + 2):
        response = hr_client.get(url, params)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 20  # a full page: per-row queries would show


# --- Search and filters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        lambda p: p.nip_tercetak,  # as printed on a decree: 19850315 201001 1 002
        lambda p: p.nip,  # plain
        lambda p: p.nip_tercetak.replace(" ", "\N{NO-BREAK SPACE}"),  # copied from the list
        lambda p: p.nip[:8],  # the birth date: a prefix
    ],
    ids=["grouped", "plain", "copied", "prefix"],
)
def test_it_finds_an_employee_by_nip(dataset, hr_client, typed) -> None:
    pegawai = dataset.pegawai[7]
    response = hr_client.get(_url("pegawai.pegawai", "changelist"), {"q": f" {typed(pegawai)} "})
    result = list(response.context["cl"].result_list)
    if len("".join(typed(pegawai).split())) == 18:
        assert result == [pegawai]
    else:
        assert pegawai in result
        assert all(p.nip.startswith(pegawai.nip[:8]) for p in result)


def test_it_finds_placements_by_grouped_nip(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[3]
    response = hr_client.get(_url("jabatan.penempatan", "changelist"), {"q": pegawai.nip_tercetak})
    assert [p.pegawai_id for p in response.context["cl"].result_list] == [pegawai.pk]


def test_it_finds_an_employee_by_name(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[5]
    response = hr_client.get(_url("pegawai.pegawai", "changelist"), {"q": pegawai.nama})
    assert pegawai in response.context["cl"].result_list


def test_it_filters_employees_by_perangkat_daerah_with_its_subtree(dataset, hr_client) -> None:
    opd = dataset.opd[1]
    response = hr_client.get(_url("pegawai.pegawai", "changelist"), {"perangkat_daerah": opd.pk})
    result = list(response.context["cl"].result_list)
    assert len(result) == JUMLAH_PEGAWAI // 3
    # Employees sit one level below the perangkat daerah.
    assert all(p.unit_kerja.parent_id == opd.pk for p in result)
    # Only depth-1 units are offered, never the whole tree.
    spec = next(
        f
        for f in response.context["cl"].filter_specs
        if getattr(f, "parameter_name", None) == "perangkat_daerah"
    )
    assert sorted(pk for pk, _nama in spec.lookup_choices) == sorted(o.pk for o in dataset.opd)


def test_it_filters_sanctions_by_tingkat(dataset, hr_client) -> None:
    response = hr_client.get(_url("pegawai.hukumandisiplin", "changelist"), {"tingkat": "berat"})
    result = list(response.context["cl"].result_list)
    assert len(result) == JUMLAH_PEGAWAI // 2
    assert {h.jenis for h in result} == {JenisHukuman.PENURUNAN_JABATAN}


def test_it_filters_vacant_posts(dataset, hr_client) -> None:
    kosong = FormasiFactory(kuota=2)
    response = hr_client.get(_url("jabatan.formasi", "changelist"), {"lowong": "ya"})
    assert list(response.context["cl"].result_list) == [kosong]


# --- Permissions and deletion ----------------------------------------------------------------


def test_it_gives_the_hr_group_exactly_the_role_permissions(db) -> None:
    group = Group.objects.get(name=ADMIN_BKPSDM)
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert granted == set(deklarasi()[ADMIN_BKPSDM])


def test_it_lets_hr_view_every_model_but_not_delete_legal_records() -> None:
    perms = set(deklarasi()[ADMIN_BKPSDM])
    for app_label in APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model in (CatatanEkspor, IndeksMerit, IndeksUrusan, IndeksJp):  # exports; projection
                continue
            for action in ("view", "add", "change"):
                assert f"{app_label}.{action}_{model._meta.model_name}" in perms
    for legal in (
        "pegawai.delete_pegawai",
        "jabatan.delete_penempatan",
        "pegawai.delete_riwayatpangkat",
        "pegawai.delete_hukumandisiplin",
    ):
        assert legal not in perms


def test_it_forbids_hr_to_delete_an_employee(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[0]
    url = _url("pegawai.pegawai", "delete", pegawai.pk)
    assert hr_client.get(url).status_code == 403
    assert hr_client.post(url, {"post": "yes"}).status_code == 403
    assert Pegawai.objects.filter(pk=pegawai.pk).exists()


def test_it_shows_the_protected_page_when_a_superuser_deletes_an_employee_with_history(
    dataset, superuser_client
) -> None:
    pegawai = dataset.pegawai[0]
    url = _url("pegawai.pegawai", "delete", pegawai.pk)
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert response.context["protected"]
    # The page says why and how to end an employee instead (templates/admin/pegawai/pegawai/).
    assert "Data pegawai tidak dapat dihapus" in response.content.decode()
    response = superuser_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert response.context["protected"]
    assert Pegawai.objects.filter(pk=pegawai.pk).exists()


def test_it_makes_the_unit_read_only_on_an_employee_change_page(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[0]
    add_form = hr_client.get(_url("pegawai.pegawai", "add")).context["adminform"].form
    change_form = (
        hr_client.get(_url("pegawai.pegawai", "change", pegawai.pk)).context["adminform"].form
    )
    assert "unit_kerja" in add_form.fields
    assert "unit_kerja" not in change_form.fields


# --- Placements through the service ----------------------------------------------------------


def _penempatan_post(pegawai: Pegawai, formasi: Formasi, **extra: str) -> dict[str, object]:
    return {
        "pegawai": pegawai.pk,
        "formasi": formasi.pk,
        "jenis": Penempatan.Jenis.DEFINITIF,
        "tmt_mulai": "2025-01-02",
        "nomor_sk": "821.2/15/BKPSDM/2025",
        "tanggal_sk": "2024-12-20",
        "keterangan": "",
        **extra,
    }


def test_it_adds_a_placement_through_the_service(hr_client) -> None:
    pegawai = PegawaiFactory()
    formasi = FormasiFactory()
    response = hr_client.post(_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi))
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan = Penempatan.objects.get(pegawai=pegawai)
    assert penempatan.formasi == formasi
    assert penempatan.nomor_sk == "821.2/15/BKPSDM/2025"
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 1
    pegawai.refresh_from_db()
    assert pegawai.unit_kerja_id == formasi.unit_kerja_id  # only the service moves the unit


def test_it_transfers_an_employee_ending_the_previous_placement(hr_client) -> None:
    lama = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 2))
    baru = FormasiFactory()
    response = hr_client.post(
        _url("jabatan.penempatan", "add"), _penempatan_post(lama.pegawai, baru)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    lama.refresh_from_db()
    assert lama.tmt_selesai == dt.date(2025, 1, 1)
    assert Penempatan.objects.get(pegawai=lama.pegawai, tmt_selesai__isnull=True).formasi == baru


def test_it_rejects_a_placement_into_a_full_post(hr_client) -> None:
    terisi = PenempatanFactory()
    formasi = terisi.formasi
    pegawai = PegawaiFactory()
    response = hr_client.post(_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert f"Formasi {formasi} sudah penuh" in " ".join(errors["formasi"])
    assert not Penempatan.objects.filter(pegawai=pegawai).exists()
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 1


def test_it_rejects_a_definitive_placement_below_the_minimum_rank(hr_client) -> None:
    formasi = FormasiFactory(jabatan=JabatanFactory(golongan_minimal="III/c"))
    pegawai = PegawaiFactory(golongan="III/a")
    response = hr_client.post(_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi))
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["pegawai"])
    assert "Penata Muda (III/a) di bawah golongan minimal" in errors
    assert not Penempatan.objects.exists()


def test_it_turns_a_refusal_at_save_time_into_a_message(hr_client, monkeypatch) -> None:
    pegawai = PegawaiFactory()
    formasi = FormasiFactory()

    def refuse(**kwargs: object) -> None:
        # What penempatan_create raises when another HR user filled the post a moment earlier.
        raise ValidationError({"formasi": "Formasi sudah penuh: baru saja disimpan."})

    monkeypatch.setattr("jabatan.admin.penempatan.penempatan_create", refuse)
    url = _url("jabatan.penempatan", "add")
    response = hr_client.post(url, _penempatan_post(pegawai, formasi), follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Formasi sudah penuh: baru saja disimpan." in [
        str(m) for m in response.context["messages"]
    ]
    assert not Penempatan.objects.exists()


def test_it_ends_a_placement_through_the_service(hr_client) -> None:
    penempatan = PenempatanFactory()
    url = _url("jabatan.penempatan", "change", penempatan.pk)
    response = hr_client.post(
        url, {"tmt_selesai": "2025-06-30", "nomor_sk": "", "tanggal_sk": "", "keterangan": "Mutasi"}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2025, 6, 30)
    assert penempatan.keterangan == "Mutasi"
    penempatan.formasi.refresh_from_db()
    assert penempatan.formasi.jumlah_terisi == 0


def test_it_refuses_to_reopen_an_ended_placement(hr_client) -> None:
    penempatan = PenempatanFactory(tmt_selesai=dt.date(2024, 6, 30))
    url = _url("jabatan.penempatan", "change", penempatan.pk)
    response = hr_client.post(
        url, {"tmt_selesai": "", "nomor_sk": "", "tanggal_sk": "", "keterangan": ""}
    )
    assert response.status_code == 200
    assert "tmt_selesai" in response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2024, 6, 30)


def test_it_rejects_a_quota_below_the_holders(hr_client) -> None:
    formasi = FormasiFactory(kuota=2)
    PenempatanFactory(formasi=formasi)
    PenempatanFactory(formasi=formasi)
    response = hr_client.post(
        _url("jabatan.formasi", "change", formasi.pk),
        {
            "jabatan": formasi.jabatan_id,
            "unit_kerja": formasi.unit_kerja_id,
            "kuota": 1,
            "keterangan": "",
        },
    )
    assert response.status_code == 200
    assert "lebih kecil dari jumlah pemangku" in " ".join(
        response.context["adminform"].form.errors["kuota"]
    )
    formasi.refresh_from_db()
    assert (formasi.kuota, formasi.jumlah_terisi) == (2, 2)


def test_it_changes_a_quota_through_the_service(hr_client) -> None:
    formasi = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=formasi)
    response = hr_client.post(
        _url("jabatan.formasi", "change", formasi.pk),
        {
            "jabatan": formasi.jabatan_id,
            "unit_kerja": formasi.unit_kerja_id,
            "kuota": 3,
            "keterangan": "Analisis beban kerja 2025",
        },
    )
    assert response.status_code == 302
    formasi.refresh_from_db()
    assert (formasi.kuota, formasi.jumlah_terisi, formasi.keterangan) == (
        3,
        1,
        "Analisis beban kerja 2025",
    )


def test_it_fills_blank_competency_standards_when_adding_a_position(hr_client) -> None:
    response = hr_client.post(
        _url("jabatan.jabatan", "add"),
        {
            "kode": "JF-ASDMA-1",
            "nama": "Analis SDM Aparatur Ahli Pertama",
            "jenis": "FUNGSIONAL",
            "jenjang": "AHLI_PERTAMA",
            "kelas_jabatan": 8,
            "eselon": "",
            "aktif": "on",
            "golongan_minimal": "III/a",
            "pendidikan_minimal": "S1",
            "bup_khusus": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    jabatan = Jabatan.objects.get(kode="JF-ASDMA-1")
    assert all(1 <= level <= 5 for level in jabatan.standar_kompetensi.values())
    assert jabatan.batas_usia_pensiun == 58


def _empty_inlines(*prefixes: str) -> dict[str, int]:
    data: dict[str, int] = {}
    for prefix in prefixes:
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}
    return data


def test_it_adds_an_employee_with_a_nip_typed_as_printed(hr_client) -> None:
    unit = UnitKerjaFactory()
    response = hr_client.post(
        _url("pegawai.pegawai", "add"),
        {
            "nip": "19850315 201001 1 002",
            "nama": "Ahmad Fauzi",
            "gelar_depan": "Dr.",
            "gelar_belakang": "S.T., M.T.",
            "status": "PNS",
            "golongan": "III/a",
            "tmt_golongan": "2014-04-01",
            "tmt_cpns": "2010-01-01",
            "pendidikan": "S3",
            "unit_kerja": unit.pk,
            "kedudukan": "aktif",
            **_empty_inlines(
                "riwayat_pangkat", "riwayat_pendidikan", "hukuman_disiplin", "asesmen"
            ),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    pegawai = Pegawai.objects.get(nip="198503152010011002")
    # Birth date and gender come from the NIP (Pegawai.clean).
    assert (pegawai.tanggal_lahir, pegawai.jenis_kelamin) == (dt.date(1985, 3, 15), "L")
    assert pegawai.nama_lengkap == "Dr. Ahmad Fauzi, S.T., M.T."


def test_it_shows_the_nip_grouped_and_saves_it_plain(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[2]
    url = _url("pegawai.pegawai", "change", pegawai.pk)
    form = hr_client.get(url).context["adminform"].form
    assert form.initial["nip"] == pegawai.nip_tercetak
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data |= {"nama": "Nama Baru", "bidang_studi": pegawai.bidang_studi_id}
    # No inline rows posted: the histories stay as they are.
    data |= _empty_inlines(
        "penempatan", "riwayat_pangkat", "riwayat_pendidikan", "hukuman_disiplin", "asesmen"
    )
    response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    pegawai.refresh_from_db()
    assert (pegawai.nama, len(pegawai.nip)) == ("Nama Baru", 18)


def test_it_frees_the_posts_of_an_employee_who_retires(hr_client) -> None:
    penempatan = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 2))
    pegawai = penempatan.pegawai
    url = _url("pegawai.pegawai", "change", pegawai.pk)
    form = hr_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data |= {"kedudukan": "pensiun", "tmt_berhenti": "2026-12-01"}
    data |= _empty_inlines(
        "penempatan", "riwayat_pangkat", "riwayat_pendidikan", "hukuman_disiplin", "asesmen"
    )
    response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2026, 11, 30)
    assert Formasi.objects.get(pk=penempatan.formasi_id).jumlah_terisi == 0
