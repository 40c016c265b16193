"""The ranking page's layout as HR works in it: one table line per candidate (name with titles,
NIP, unit, golongan, score, components, box, status) with its explanation in the line below,
every action before the table, a panel opened where a refused form or an answer waits, and a
number of queries that does not grow with the candidates."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.akses_data import klien
from tests.factories import tutup_periode
from tests.jabatan.bantu import buat_calon, buat_lowongan

pytestmark = pytest.mark.django_db


def _url(formasi) -> str:
    return f"/jabatan/lowongan/{formasi.pk}/"


def _panel_terbuka(body: str, panel: str) -> bool:
    tag = re.search(rf'<details class="aksi" id="{panel}"[^>]*>', body)
    assert tag, panel
    return " open" in tag.group(0)


def test_it_shows_one_line_per_candidate_in_a_fixed_number_of_queries(
    org, django_assert_max_num_queries
):
    formasi, calon = buat_lowongan(org, 3)
    hr = klien(org.users["hr"])
    hr.get(_url(formasi))
    with CaptureQueriesContext(connection) as q:
        hr.get(_url(formasi))
    sedikit = len(q)
    calon += [buat_calon(org.bidang_a) for _ in range(5)]
    calon[0].gelar_depan, calon[0].gelar_belakang = "dr.", "M.Kes."
    calon[0].save()
    tutup_periode()
    # session, user, permissions (2), the post (the page's, the ranking's fresh one), profile,
    # talent bands, holders, relevance (fields, affairs, units, leadership profiles and
    # programs, families, fields of study), the top fifty with their sanctions, affair days and
    # JP years (one query), counts (the scan, the sanctioned), decisions, proposals, the rows'
    # titles and units: 22; no succession on a Pelaksana post.
    with django_assert_max_num_queries(sedikit) as q:
        r = hr.get(_url(formasi))
    assert len(q) == sedikit <= 22
    body = r.content.decode()
    assert body.count('<tbody class="kandidat">') == len(calon) == 8
    assert body.count('<tr class="penjelasan"') == len(calon)
    for p in calon:
        baris = body[body.index(f'id="kandidat-{p.pk}"') :]
        baris = baris[: baris.index('<tr class="penjelasan"')]
        # Name with titles, NIP as printed, unit, golongan: one line each.
        assert p.nama_lengkap in baris and p.nip_tercetak in baris
        assert org.bidang_a.nama in baris and f">{p.golongan}<" in baris
    assert "dr. " + calon[0].nama + ", M.Kes." in body
    # The explanation below the row: the score as its weighted sum, and the fit with the post.
    rincian = body[body.index(f'id="rincian-{calon[0].pk}"') :]
    assert "Kinerja 80 × 25%" in rincian[: rincian.index("</tr>")]


def test_it_puts_every_action_before_the_table(org):
    formasi, _ = buat_lowongan(org, 2, kunci=True)
    body = klien(org.users["hr"]).get(_url(formasi)).content.decode()
    tabel = body.index('id="tabel-peringkat"')
    for penanda in (
        'id="aksi-keputusan"',
        'id="aksi-suksesi"',
        f'action="/jabatan/lowongan/{formasi.pk}/suksesi/"',
        'id="mengapa-tidak"',
        'id="simulasi-bobot"',
        "Usulkan kepada PPK (maksimal 3)",
        'form="form-ekspor" name="format" value="csv"',
    ):
        assert body.index(penanda) < tabel, penanda
    # Nothing waits for HR: every panel folded, the table comes first on screen.
    for panel in ("aksi-keputusan", "aksi-suksesi", "mengapa-tidak", "simulasi-bobot"):
        assert not _panel_terbuka(body, panel), panel


def test_the_current_proposal_starts_ticked_and_a_refused_one_keeps_its_ticks(org):
    formasi, calon = buat_lowongan(org, 5)
    hr = klien(org.users["hr"])
    assert (
        hr.post(_url(formasi) + "usulan/", {"pegawai": [calon[0].pk, calon[1].pk]}).status_code
        == 302
    )
    r = hr.get(_url(formasi))
    baris = {b.hasil.kandidat.pegawai_id: b for b in r.context["teratas"]}
    assert {i for i, b in baris.items() if b.centang} == {calon[0].pk, calon[1].pk}
    assert {i for i, b in baris.items() if b.diusulkan} == {calon[0].pk, calon[1].pk}
    body = r.content.decode()
    assert body.count('class="diusulkan"') == 2
    # The decision comes next: its panel is open with the two proposed.
    assert _panel_terbuka(body, "aksi-keputusan")
    # Four ticked is refused (at most three): what was sent stays ticked, nothing replaced.
    empat = [p.pk for p in calon[1:]]
    r = hr.post(_url(formasi) + "usulan/", {"pegawai": empat})
    assert r.status_code == 400
    assert {b.hasil.kandidat.pegawai_id for b in r.context["teratas"] if b.centang} == set(empat)
    assert {b.hasil.kandidat.pegawai_id for b in r.context["teratas"] if b.diusulkan} == {
        calon[0].pk,
        calon[1].pk,
    }


def test_a_refused_form_or_an_answer_opens_its_panel(org):
    formasi, calon = buat_lowongan(org, 2, kunci=True)
    hr = klien(org.users["hr"])
    hr.post(_url(formasi) + "usulan/", {"pegawai": [calon[1].pk]})
    hari_ini = timezone.localdate().isoformat()
    r = hr.post(
        _url(formasi) + "keputusan/",
        {
            "pegawai": calon[1].pk,
            "nomor_sk": "",
            "tanggal_sk": hari_ini,
            "tmt": hari_ini,
            "metode": "talent_pool",
        },
    )
    assert r.status_code == 400 and _panel_terbuka(r.content.decode(), "aksi-keputusan")
    r = hr.post(_url(formasi) + "suksesi/", {"kesiapan": "sekarang"})
    body = r.content.decode()
    assert r.status_code == 400 and _panel_terbuka(body, "aksi-suksesi")
    assert "Pilih kandidat dari daftar atau isi NIP-nya." in body
    # Why not? and the what-if weights answer in their own open panel, reached by its anchor.
    body = hr.get(_url(formasi), {"nip": calon[0].nip}).content.decode()
    assert _panel_terbuka(body, "mengapa-tidak") and 'action="#mengapa-tidak"' in body
    assert not _panel_terbuka(body, "simulasi-bobot")
    bobot = {f"w_{k}": 0 for k in ("kompetensi", "kualifikasi", "pengembangan", "integritas")}
    r = hr.get(_url(formasi), {**bobot, "w_kinerja": 50, "w_pengalaman": 50})
    body = r.content.decode()
    assert _panel_terbuka(body, "simulasi-bobot")
    # The explanation under the what-if weights: the weighted sum, then what weighs nothing.
    rincian = body[body.index(f'id="rincian-{calon[0].pk}"') :]
    rincian = rincian[: rincian.index("</tr>")]
    assert re.search(r"= Kinerja [\d,]+ × 50% \+ Pengalaman [\d,]+ × 50%; Kompetensi", rincian)
    assert "Integritas 100 (bobot 0)" in rincian
    r = hr.get(_url(formasi), {**bobot, "w_kinerja": 500, "w_pengalaman": 50})
    assert r.status_code == 400 and _panel_terbuka(r.content.decode(), "simulasi-bobot")


def test_hr_opens_each_candidates_employee_page_from_the_explanation(org):
    """The explanation of a candidate leads to their employee page (jabatan.views_pegawai),
    which HR's city-wide scope may open."""
    formasi, calon = buat_lowongan(org, 2)
    hr = klien(org.users["hr"])
    body = hr.get(_url(formasi)).content.decode()
    for c in calon:
        assert f'href="/jabatan/pegawai/{c.pk}/"' in body
    assert hr.get(f"/jabatan/pegawai/{calon[0].pk}/").status_code == 200
