"""The needs analysis learns the post held and the proposed posts from jabatan through
pelatihan's registry (pelatihan.sumber; jabatan.kebutuhan registered in JabatanConfig.ready):
the post's standard replaces the kind's default, an active proposal adds the target post's
gaps, the needs page names the post, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jabatan.kebutuhan import jabatan_pegawai
from jabatan.models import Suksesor, Usulan
from pelatihan import selectors as sel
from pelatihan import sumber
from pelatihan.rules import DataSasaran
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory
from tests.pelatihan.factories import ProgramFactory, ProgramKompetensiFactory

pytestmark = pytest.mark.django_db
TAHUN = timezone.localdate().year


def _usulkan(org, pegawai, **std):
    """Propose `pegawai` for an Administrator post in unit A whose standard is `std`."""
    jabatan = JabatanFactory(
        nama="Kepala Bidang Uji",
        jenis="ADMINISTRATOR",
        kelas_jabatan=11,
        **{f"std_{k}": v for k, v in std.items()},
    )
    formasi = FormasiFactory(jabatan=jabatan, unit_kerja=org.unit_a)
    return Usulan.objects.create(
        formasi=formasi, pegawai=pegawai, diusulkan_oleh=org.users["hr"], urutan=1
    )


def test_jabatan_registers_its_provider():
    assert jabatan_pegawai in sumber.penyedia()


def test_the_provider_reads_the_post_held_proposals_and_successors_in_four_queries(
    org, django_assert_num_queries
):
    usulan = _usulkan(org, org.pegawai_a, m03=4)
    Usulan.objects.create(
        formasi=usulan.formasi,
        pegawai=org.pegawai_b,
        aktif=False,
        diusulkan_oleh=org.users["hr"],
        urutan=2,
    )
    lain = [PegawaiFactory(unit_kerja=org.unit_b) for _ in range(5)]
    for p in lain:
        PenempatanFactory(pegawai=p, formasi=FormasiFactory(unit_kerja=org.unit_b))
    ids = [org.pegawai_a.pk, org.pegawai_b.pk, *(p.pk for p in lain)]
    # placements' positions; those positions' standards; proposals and successors with
    # their posts
    with django_assert_num_queries(4):
        hasil = jabatan_pegawai(ids)
    a = hasil[org.pegawai_a.pk]
    assert a.jenis_jabatan == "PELAKSANA" and a.standar == org.formasi_a.jabatan.standar_kompetensi
    (s,) = a.sasaran
    assert s == DataSasaran(
        "Kepala Bidang Uji — Dinas Kesehatan",
        "ADMINISTRATOR",
        {**dict.fromkeys(s.standar, 3), "m03": 4},
        "usulan",
    )
    assert hasil[org.pegawai_b.pk].sasaran == ()  # the withdrawn proposal does not count
    assert set(hasil) == set(ids)


def test_the_post_held_replaces_the_kinds_default_standard(org):
    jabatan = org.formasi_a.jabatan
    jabatan.std_m05 = 4
    jabatan.save()
    (data,) = sel.data_kebutuhan([org.pegawai_a], TAHUN)
    assert data.standar["m05"] == 4 and data.jenis_jabatan == "PELAKSANA"
    kebutuhan = sel.kebutuhan_untuk([data])[org.pegawai_a.pk]
    assert any(k.sumber == "kompetensi" and k.kode == "m05" for k in kebutuhan)


def test_a_registry_joins_providers_targets_and_lets_the_later_post_win(monkeypatch):
    monkeypatch.setattr(sumber, "_PENYEDIA", {})
    a = DataSasaran("A", "PENGAWAS", {"m03": 3})
    b = DataSasaran("B", "ADMINISTRATOR", {"m03": 4}, "suksesi")
    sumber.daftarkan(lambda ids: {1: sumber.JabatanPegawai("PELAKSANA", {"m03": 1}, (a,))})
    sumber.daftarkan(
        lambda ids: {1: sumber.JabatanPegawai(sasaran=(b,)), 2: sumber.JabatanPegawai()}
    )
    hasil = sumber.jabatan_pegawai([1, 2])
    assert hasil[1] == sumber.JabatanPegawai("PELAKSANA", {"m03": 1}, (a, b))
    assert sumber.jabatan_pegawai([]) == {}


def test_a_candidate_sees_the_target_posts_gap_on_the_needs_page(
    org, django_assert_max_num_queries
):
    program = ProgramFactory(nama="Komunikasi Pimpinan")
    ProgramKompetensiFactory(program=program, kode="m03", level=4)
    _usulkan(org, org.pegawai_a, m03=4)
    c = Client()
    c.force_login(org.users["pimpinan"])
    # session, user, permissions (2), the scope, the employees' ids in the page's order, the
    # catalogue (2), per step of 20,000 (one here) the employees' rows and the needs' data
    # (SKPs, assessments, talent bands, JP 2, leadership 2, jabatan's provider: placements,
    # positions, proposals, successors), the page's employees, the menu's SKP check, the
    # filter's units and programs
    with django_assert_max_num_queries(24):
        r = c.get(reverse("pelatihan:kebutuhan"))
    body = r.content.decode()
    assert (
        "Kesenjangan kompetensi untuk formasi Kepala Bidang Uji — Dinas Kesehatan (usulan "
        "kandidat)" in body
    )
    assert "level 3 di bawah standar 4 formasi Kepala Bidang Uji" in body
    assert "Komunikasi Pimpinan" in body
    r = c.get(reverse("pelatihan:kebutuhan"), {"sumber": "sasaran"})
    ((p, kebutuhan),) = r.context["h"].baris
    # The Administrator post asks PKA too, which the candidate has not completed.
    assert p == org.pegawai_a and [k.kode for k in kebutuhan] == ["pka", "m03"]
    assert "Pelatihan kepemimpinan untuk formasi Kepala Bidang Uji" in r.content.decode()
    # The employee sees it on their own page too.
    c.force_login(org.users["pegawai"])
    assert "formasi Kepala Bidang Uji" in c.get(reverse("pelatihan:saya")).content.decode()


def test_the_inputs_are_the_same_by_ids_by_queryset_and_by_steps(
    org, django_assert_max_num_queries
):
    """The city's needs read their inputs for a queryset, or one Bagian (a range of ids of a
    queryset) at a time, never as a list of ids: the same inputs as for the employees listed,
    and an employee inside a step's range but outside the queryset is left out."""
    import datetime as dt

    from pegawai.kompetensi import KODE
    from pegawai.models import HasilAsesmen, Pegawai
    from pegawai.selectors import Bagian
    from tests.pelatihan.factories import PesertaFactory, SesiFactory

    _usulkan(org, org.pegawai_a, m03=4)
    sesi = SesiFactory(program=ProgramFactory(pelatihan_wajib="pkp"))
    baru = [PegawaiFactory(unit_kerja=org.unit_a if i % 2 else org.unit_b) for i in range(6)]
    for i, p in enumerate(baru):
        HasilAsesmen.objects.create(
            pegawai=p,
            tanggal=dt.date(2025, 5, 2),
            metode="ac",
            asesor="UPT",
            **dict.fromkeys(KODE, 1 + i % 3),
        )
        PesertaFactory(pegawai=p, sesi=sesi, lulus=True)
    qs = Pegawai.objects.aktif().exclude(unit_kerja=org.unit_b).order_by("pk")
    dicatat = list(qs)
    assert org.pegawai_b not in dicatat and len(dicatat) >= 4
    harapan = sel.data_kebutuhan(dicatat, TAHUN)
    assert sel.data_kebutuhan(qs, TAHUN) == harapan
    ids = [p.pk for p in Pegawai.objects.aktif().order_by("pk")]
    # A dense step reads its inputs by the range alone, a sparse one by the queryset too.
    for padat in (False, True):
        langkah = []
        for mulai in range(0, len(ids), 3):
            bagian = Bagian(qs, (ids[mulai], ids[min(mulai + 3, len(ids)) - 1]), padat)
            # employees, SKPs, assessments, talent bands, JP (2), leadership (2), jabatan's (4;
            # no positions to read when nobody in the step holds a post)
            with django_assert_max_num_queries(12):
                langkah += sel.data_kebutuhan(bagian, TAHUN)
        assert langkah == harapan
    assert {d.id for d in langkah if d.kepemimpinan_selesai} == {p.pk for p in baru} - {
        p.pk for p in baru if p.unit_kerja_id == org.unit_b.pk
    }
    assert any(d.sasaran for d in langkah)  # the proposal came through the provider too


def _suksesor(org, pegawai, formasi=None, aktif=True, urutan=1, **std):
    """Name `pegawai` a successor of a JPT post in unit B whose standard is `std` (raw rows: the
    services' rules are tested in tests/jabatan/test_suksesi.py)."""
    if formasi is None:
        jabatan = JabatanFactory(
            nama="Kepala Dinas Uji",
            jenis="JPT_PRATAMA",
            kelas_jabatan=14,
            **{f"std_{k}": v for k, v in std.items()},
        )
        formasi = FormasiFactory(jabatan=jabatan, unit_kerja=org.unit_b)
    return Suksesor.objects.create(
        formasi=formasi,
        pegawai=pegawai,
        kesiapan="1_2_tahun",
        urutan=urutan,
        tanggal_penetapan=timezone.localdate(),
        ditetapkan_oleh=org.users["hr"],
        aktif=aktif,
        alasan_berakhir="" if aktif else "Mutasi",
    )


def test_an_active_successor_is_a_succession_target_after_the_proposals(org):
    _usulkan(org, org.pegawai_a, m03=4)
    s = _suksesor(org, org.pegawai_a, m08=5)
    _suksesor(org, org.pegawai_b, formasi=s.formasi, aktif=False)  # removed: no target
    hasil = jabatan_pegawai([org.pegawai_a.pk, org.pegawai_b.pk])
    usulan, suksesi = hasil[org.pegawai_a.pk].sasaran
    assert (usulan.alasan, suksesi.alasan) == ("usulan", "suksesi")
    assert suksesi.label == "Kepala Dinas Uji — Dinas Pendidikan"
    assert suksesi.jenis_jabatan == "JPT_PRATAMA" and suksesi.standar["m08"] == 5
    assert hasil[org.pegawai_b.pk].sasaran == ()


def test_a_post_both_proposed_and_planned_is_one_target_the_proposal(org):
    usulan = _usulkan(org, org.pegawai_a, m03=4)
    _suksesor(org, org.pegawai_a, formasi=usulan.formasi)
    (s,) = jabatan_pegawai([org.pegawai_a.pk])[org.pegawai_a.pk].sasaran
    assert s.alasan == "usulan" and s.label == "Kepala Bidang Uji — Dinas Kesehatan"
    # One gap need for the post, not one per reason.
    (data,) = sel.data_kebutuhan([org.pegawai_a], TAHUN)
    kebutuhan = sel.kebutuhan_untuk([data])[org.pegawai_a.pk]
    assert [k.kode for k in kebutuhan if k.sumber == "sasaran"] == ["pka", "m03"]


def test_a_successor_sees_the_succession_need_naming_the_post(org):
    program = ProgramFactory(nama="Kepemimpinan Strategis")
    ProgramKompetensiFactory(program=program, kode="m08", level=5)
    _suksesor(org, org.pegawai_a, m08=5)
    c = Client()
    c.force_login(org.users["hr"])
    body = c.get(reverse("pelatihan:kebutuhan"), {"sumber": "sasaran"}).content.decode()
    assert (
        "Kesenjangan kompetensi untuk formasi Kepala Dinas Uji — Dinas Pendidikan (calon "
        "suksesor)" in body
    )
    assert "level 3 di bawah standar 5 formasi Kepala Dinas Uji" in body
    assert "Kepemimpinan Strategis" in body
    c.force_login(org.users["pegawai"])
    body = c.get(reverse("pelatihan:saya")).content.decode()
    assert "formasi Kepala Dinas Uji — Dinas Pendidikan (calon suksesor)" in body
