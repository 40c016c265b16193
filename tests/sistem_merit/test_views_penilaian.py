"""HR's pages of the merit-system index: opening an assessment, its page, setting levels,
documents, finalising, and a final assessment refusing every change.

The instrument is tests/sistem_merit/bantu.py's small 40/2018 one: criterion 1.1 evidenced by
`uji.ditentukan` (levels 2/3/4 at 50/75/100%), 1.2 and 2.1 set by HR with documents."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse

from sistem_merit import services
from sistem_merit.models import DokumenBukti, JawabanKriteria, Penilaian
from tests.akses_data import buat_user, klien
from tests.sistem_merit import bantu

pytestmark = pytest.mark.django_db

TAHUN = 2025
TANGGAL = dt.date(2025, 12, 31)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _figur():
    """`uji.ditentukan` finds 3 of 4 rows (75%: level 3 proposed for 1.1)."""
    bantu.FIGUR["nilai"] = (3, 4)
    yield
    bantu.FIGUR["nilai"] = (0, 0)


def _buka(hr, data=None) -> Penilaian:
    instrumen = bantu.buat(data or bantu.data_2018())
    return services.penilaian_create(
        instrumen=instrumen, tahun=TAHUN, tanggal_data=TANGGAL, oleh=hr
    )


def _dihitung(hr, data=None) -> Penilaian:
    penilaian = _buka(hr, data)
    services.evidence_compute(penilaian=penilaian, oleh=hr)
    return penilaian


def _jawaban(penilaian: Penilaian, kode: str) -> JawabanKriteria:
    return JawabanKriteria.objects.get(penilaian=penilaian, kriteria__kode=kode)


def _detail(penilaian: Penilaian) -> str:
    return reverse("sistem_merit:penilaian_detail", args=[penilaian.pk])


def _level(client: Client, jawaban: JawabanKriteria, aksi: str, level="", alasan=""):
    p = f"j{jawaban.pk}"
    return client.post(
        reverse("sistem_merit:jawaban_level", args=[jawaban.pk]),
        {"aksi": aksi, f"{p}-level": level, f"{p}-alasan": alasan},
    )


def _unggah(client: Client, jawaban: JawabanKriteria, isi: bytes, nama: str):
    return client.post(
        reverse("sistem_merit:dokumen_unggah", args=[jawaban.pk]),
        {f"d{jawaban.pk}-berkas": SimpleUploadedFile(nama, isi), f"d{jawaban.pk}-nama": ""},
    )


def _semua_level(penilaian: Penilaian, hr) -> None:
    for j in JawabanKriteria.objects.filter(penilaian=penilaian).select_related("kriteria"):
        if j.level_usulan is not None:
            services.jawaban_set_level(jawaban=j, level=j.level_usulan, oleh=hr)
        else:
            services.jawaban_set_level(jawaban=j, level=3, alasan="Dokumen SK terlampir", oleh=hr)


# --- Opening an assessment --------------------------------------------------------------------


def test_it_opens_an_assessment_and_goes_to_its_page(hr_client):
    instrumen = bantu.buat(bantu.data_2018())
    response = hr_client.post(
        reverse("sistem_merit:penilaian_create"),
        {"instrumen": instrumen.pk, "tahun": TAHUN, "tanggal_data": TANGGAL.isoformat()},
    )
    penilaian = Penilaian.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(penilaian)
    assert (penilaian.instrumen, penilaian.tahun, penilaian.status) == (instrumen, TAHUN, "draf")
    assert penilaian.jawaban.count() == 3  # one answer per criterion


def test_it_refuses_a_bad_year_and_date_on_their_fields_and_opens_nothing(hr_client, hr_user):
    instrumen = bantu.buat(bantu.data_2018())
    url = reverse("sistem_merit:penilaian_create")
    response = hr_client.post(
        url, {"instrumen": instrumen.pk, "tahun": 2017, "tanggal_data": "2999-01-01"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "2018" in errors["tahun"][0]
    assert "masa depan" in errors["tanggal_data"][0]
    assert not Penilaian.objects.exists()
    # The same instrument and year twice: refused on the year.
    services.penilaian_create(instrumen=instrumen, tahun=TAHUN, tanggal_data=TANGGAL, oleh=hr_user)
    response = hr_client.post(
        url, {"instrumen": instrumen.pk, "tahun": TAHUN, "tanggal_data": TANGGAL.isoformat()}
    )
    assert response.status_code == 400
    assert "sudah ada" in response.context["form"].errors["tahun"][0]
    assert Penilaian.objects.count() == 1
    # A field left empty names itself.
    response = hr_client.post(url, {"instrumen": "", "tahun": "", "tanggal_data": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"instrumen", "tahun", "tanggal_data"}


# --- The assessment's page --------------------------------------------------------------------


def test_it_shows_the_estimate_the_next_band_and_every_criterion_in_bounded_queries(
    hr_client, hr_user, django_assert_max_num_queries
):
    penilaian = _dihitung(hr_user)
    j = _jawaban(penilaian, "1.2")
    services.dokumen_add(
        jawaban=j, berkas=SimpleUploadedFile("sk.pdf", PDF), nama="SK tim", oleh=hr_user
    )
    # 4 for the login (session, user, and the scope: the user's and the group's permissions
    # read once), 1 the assessment with its instrument, 4 the selector (bands; answers with
    # their criteria, aspects and reviewer; the criteria's levels; the documents). The same
    # whatever the instrument's size.
    with django_assert_max_num_queries(9):
        response = hr_client.get(_detail(penilaian))
    assert response.status_code == 200
    body = response.content.decode()
    t = response.context["t"]
    # 1.1 at its proposal 3, 1.2 and 2.1 at the lowest level 1: (60 × 2) + (40 × 1) = 160.
    assert t.perkiraan and t.nilai == 160 and t.kategori == "I Buruk"
    assert "Nilai (perkiraan)" in body and "160,00" in body
    # The next band (II Kurang, 175) in one move: the criterion that adds most (1.2 or 1.1: 30).
    assert t.band_berikut[0] == "II Kurang" and len(t.langkah) == 1
    assert 'id="langkah"' in body and "Menuju kategori berikutnya" in body
    # Each criterion: its code, wording, the unverified badge with its source, the levels, the
    # figure with its link, the proposal, and the forms.
    assert "Kriteria 1.1" in body and "1.1 level 4" in body
    assert body.count("belum terverifikasi") >= 3 and 'title="uji"' in body
    assert "3 dari 4 baris uji" in body and "(3/4)" in body
    assert "1 baris uji kurang" in body
    assert 'href="/jabatan/lowongan/"' in body
    assert "Terima usulan (level 3)" in body
    assert reverse("sistem_merit:dokumen_unduh", args=[j.dokumen.get().pk]) in body
    assert 'enctype="multipart/form-data"' in body


def test_it_says_when_the_employees_survey_is_missing(hr_client, hr_user):
    penilaian = _dihitung(hr_user, bantu.data_2025())
    body = hr_client.get(_detail(penilaian)).content.decode()
    assert 'id="survei-kosong"' in body and "hasil survei tahun 2025 belum ada" in body


def test_it_lists_the_assessments_and_charts_the_final_ones_year_on_year(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    _semua_level(penilaian, hr_user)
    services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    response = hr_client.get(reverse("sistem_merit:penilaian_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert _detail(penilaian) in body and "Final" in body
    [grafik] = response.context["grafik"]
    assert [t.tahun for t in grafik["tahun"]] == [TAHUN]
    # Level 3 of 4 everywhere: aspect 1 scores 60 × 3 = 180 of 240, aspect 2 40 × 3 = 120 of
    # 160, each 75% of what the aspect can add.
    assert [b["persen"] for a in grafik["g"]["grup"] for b in a["batang"]] == [75, 75]
    assert "<svg" in body and "Aspek satu" in body


# --- Levels -----------------------------------------------------------------------------------


def test_it_accepts_a_proposed_level(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    j = _jawaban(penilaian, "1.1")
    response = _level(hr_client, j, "terima")
    assert response.status_code == 302
    assert response["Location"] == f"{_detail(penilaian)}?buka=1#k-{j.pk}"
    j.refresh_from_db()
    assert (j.level, j.alasan, j.ditinjau_oleh) == (3, "", hr_user)


def test_it_refuses_an_override_without_a_reason_and_saves_nothing(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    j = _jawaban(penilaian, "1.1")
    response = _level(hr_client, j, "ubah", level=2)
    assert response.status_code == 400
    [pesan] = response.context["t"].aspek[0].kriteria[0].form_level.errors["alasan"]
    assert pesan == "Kriteria 1.1: level 2 berbeda dari usulan data (3); tulis alasannya."
    assert pesan in response.content.decode()
    j.refresh_from_db()
    assert j.level is None and j.ditinjau_oleh is None


def test_it_audits_an_override_with_its_reason_and_actor(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    j = _jawaban(penilaian, "1.1")
    response = _level(hr_client, j, "ubah", level=2, alasan="Dua OPD belum mengirim data")
    assert response.status_code == 302
    j.refresh_from_db()
    assert (j.level, j.alasan) == (2, "Dua OPD belum mengirim data")
    entry = LogEntry.objects.get_for_object(j).order_by("-pk").first()
    assert entry.actor == hr_user
    assert entry.changes_dict["level"] == ["None", "2"]
    assert entry.changes_dict["alasan"][1] == "Dua OPD belum mengirim data"


# --- Documents --------------------------------------------------------------------------------


def test_it_keeps_a_pdf_by_its_content_and_refuses_html_named_pdf(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    j = _jawaban(penilaian, "2.1")
    response = _unggah(hr_client, j, PDF, "notulen rapat.pdf")
    assert response.status_code == 302
    dokumen = DokumenBukti.objects.get()
    assert (dokumen.nama, dokumen.jenis_berkas, dokumen.diunggah_oleh) == (
        "notulen rapat.pdf",
        "application/pdf",
        hr_user,
    )
    assert re.fullmatch(r"sistem-merit/[0-9a-f]{32}\.pdf", dokumen.berkas.name)
    response = _unggah(hr_client, j, b"<html><script>alert(1)</script></html>", "sk.pdf")
    assert response.status_code == 400
    [pesan] = response.context["t"].aspek[1].kriteria[0].form_dokumen.errors["berkas"]
    assert "diperiksa dari isinya" in pesan
    assert DokumenBukti.objects.count() == 1


def test_it_sends_a_document_to_hr_only(hr_client, hr_user, org):
    penilaian = _dihitung(hr_user)
    dokumen = services.dokumen_add(
        jawaban=_jawaban(penilaian, "2.1"),
        berkas=SimpleUploadedFile("sk.pdf", PDF),
        oleh=hr_user,
    )
    url = reverse("sistem_merit:dokumen_unduh", args=[dokumen.pk])
    response = hr_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; ")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF
    assert klien(org.users["pimpinan"]).get(url).status_code == 403
    anonim = Client().get(url)
    assert anonim.status_code == 302 and anonim["Location"].startswith("/masuk/")
    # A staff login without HR's scope, holding the model's view permission: still refused.
    staf = buat_user("staf.lain", "Pimpinan Unit", staff=True)
    assert klien(staf).get(url).status_code == 403


# --- Computing the evidence -------------------------------------------------------------------


def test_computing_starts_a_task_and_goes_to_its_progress(
    hr_client, hr_user, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    penilaian = _buka(hr_user)
    url = reverse("sistem_merit:penilaian_hitung", args=[penilaian.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(url)
    assert response.status_code == 302 and response["Location"].startswith("/tugas/")
    assert _jawaban(penilaian, "1.1").level_usulan == 3
    progres = hr_client.get(response["Location"])
    assert "Angka bukti 1 kriteria" in progres.content.decode()


def test_computing_twice_while_queued_shows_the_same_progress(hr_client, hr_user):
    penilaian = _buka(hr_user)
    url = reverse("sistem_merit:penilaian_hitung", args=[penilaian.pk])
    pertama, kedua = hr_client.post(url), hr_client.post(url)
    assert pertama["Location"] == kedua["Location"]


# --- Finalising and the frozen assessment -----------------------------------------------------


def test_it_refuses_to_finalise_with_a_level_missing_then_finalises(hr_client, hr_user):
    penilaian = _dihitung(hr_user)
    url = reverse("sistem_merit:penilaian_final", args=[penilaian.pk])
    response = hr_client.post(url, {"konfirmasi": "on"})
    assert response.status_code == 400
    assert "Belum ditetapkan levelnya: kriteria 1.1, 1.2, 2.1." in response.content.decode()
    assert Penilaian.objects.get().status == "draf"
    _semua_level(penilaian, hr_user)
    response = hr_client.post(url, {})  # without the confirmation: refused on its field
    assert response.status_code == 400
    assert response.context["form_final"].errors["konfirmasi"]
    response = hr_client.post(url, {"konfirmasi": "on"})
    assert response.status_code == 302
    penilaian.refresh_from_db()
    # (60 × 3) + (40 × 3) = 300: III Baik.
    assert (penilaian.status, penilaian.nilai, penilaian.kategori) == ("final", 300, "III Baik")
    assert penilaian.difinalkan_oleh == hr_user


@pytest.fixture
def final(hr_user) -> Penilaian:
    penilaian = _dihitung(hr_user)
    _semua_level(penilaian, hr_user)
    services.dokumen_add(
        jawaban=_jawaban(penilaian, "2.1"), berkas=SimpleUploadedFile("a.pdf", PDF), oleh=hr_user
    )
    return services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)


def test_a_final_assessment_refuses_every_post_with_a_message(hr_client, final):
    j = _jawaban(final, "1.1")
    sebelum = list(JawabanKriteria.objects.order_by("pk").values_list("level", "alasan"))
    posts = [
        (reverse("sistem_merit:penilaian_hitung", args=[final.pk]), {}),
        (reverse("sistem_merit:penilaian_final", args=[final.pk]), {"konfirmasi": "on"}),
        (
            reverse("sistem_merit:jawaban_level", args=[j.pk]),
            {"aksi": "ubah", f"j{j.pk}-level": 1, f"j{j.pk}-alasan": "coba"},
        ),
        (
            reverse("sistem_merit:dokumen_unggah", args=[j.pk]),
            {f"d{j.pk}-berkas": SimpleUploadedFile("b.pdf", PDF)},
        ),
    ]
    for url, data in posts:
        response = hr_client.post(url, data, follow=True)
        assert response.redirect_chain == [(_detail(final), 302)], url
        pesan = [str(m) for m in response.context["messages"]]
        assert any("sudah final dan dibekukan" in m for m in pesan), url
    assert list(JawabanKriteria.objects.order_by("pk").values_list("level", "alasan")) == sebelum
    assert DokumenBukti.objects.count() == 1
    # The page shows the frozen figures and no form to change them.
    body = hr_client.get(_detail(final)).content.decode()
    assert "Nilai final" in body and "300,00" in body
    assert "<textarea" not in body and 'type="file"' not in body
    assert "/jawaban/" not in body and "/hitung/" not in body and "/final/" not in body


def test_the_database_refuses_a_direct_update_of_a_final_assessment(final):
    with pytest.raises(DatabaseError, match=r"^penilaian_final_beku"), transaction.atomic():
        Penilaian.objects.filter(pk=final.pk).update(nilai=400)
    with pytest.raises(DatabaseError, match=r"^penilaian_final_beku"), transaction.atomic():
        JawabanKriteria.objects.filter(penilaian=final).update(level=4)
    with pytest.raises(DatabaseError, match=r"^penilaian_final_beku"), transaction.atomic():
        DokumenBukti.objects.update(nama="diganti")
    final.refresh_from_db()
    assert final.nilai == 300
