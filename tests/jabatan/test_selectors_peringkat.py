"""The ranking page's selector (jabatan.selectors_peringkat.halaman_peringkat): what the page
shows, read without a request, in a number of queries that does not grow with the candidates."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jabatan import merit
from jabatan.selectors_peringkat import halaman_peringkat
from tests.factories import tutup_periode
from tests.jabatan.bantu import buat_calon, buat_lowongan

pytestmark = pytest.mark.django_db

PENGALAMAN = merit.Bobot(
    kinerja=0, kompetensi=0, kualifikasi=0, pengembangan=0, pengalaman=100, integritas=0
)


def test_it_reads_the_page_in_a_number_of_queries_that_does_not_grow(org):
    formasi, calon = buat_lowongan(org, 3)
    pada = timezone.localdate()
    halaman_peringkat(formasi, pada=pada)
    with CaptureQueriesContext(connection) as q:
        halaman_peringkat(formasi, pada=pada)
    sedikit = len(q)
    calon += [buat_calon(org.bidang_a) for _ in range(5)]
    tutup_periode()
    # the ranking (post, profile, talent bands, holders, relevance, the top fifty and their
    # inputs, the counts), decisions, proposals, the rows' titles and units; no succession
    # on a Pelaksana post
    with CaptureQueriesContext(connection) as q:
        halaman = halaman_peringkat(formasi, pada=pada)
    assert len(q) == sedikit <= 22
    assert len(halaman.teratas) == len(calon) == 8
    assert halaman.suksesi is None and halaman.suksesi_calon == []
    assert not halaman.simulasi and not halaman.terisi and halaman.beku is None


def test_what_if_weights_rank_again_and_keep_the_profiles_rank(org):
    formasi, _ = buat_lowongan(org, 3)
    halaman = halaman_peringkat(formasi, pada=timezone.localdate(), bobot=PENGALAMAN)
    assert halaman.simulasi and halaman.bobot == PENGALAMAN
    # One weighted component: one column, and the others named below the table.
    assert [label for _singkat, label, _w in halaman.kolom] == [merit.LABEL_KOMPONEN["pengalaman"]]
    assert len(halaman.tanpa_bobot) == len(merit.KOMPONEN) - 1
    assert all(b.semula is not None for b in halaman.teratas)
    assert halaman.lebar_tabel == 8 + 1 + 1


def test_the_ticks_are_the_refused_forms_or_else_the_current_proposal(org):
    formasi, calon = buat_lowongan(org, 3)
    pada = timezone.localdate()
    assert not any(b.centang for b in halaman_peringkat(formasi, pada=pada).teratas)
    halaman = halaman_peringkat(formasi, pada=pada, dicentang=[str(calon[1].pk)])
    assert {b.hasil.kandidat.pegawai_id for b in halaman.teratas if b.centang} == {calon[1].pk}
    assert set(halaman.konteks()) >= {"formasi", "peringkat", "teratas", "suksesi", "beku"}
