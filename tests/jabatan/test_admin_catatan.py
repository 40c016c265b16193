"""A unit head reads proposals and decisions only for candidates of their own unit.

The rows name the candidate, their score and their rank: a candidate from another unit proposed
for a post of the unit head's unit stays with HR (not in the list, 404 on the page, not in the
export).
"""

from __future__ import annotations

import pytest

from jabatan.models import Keputusan, Usulan
from tests.akses_data import klien
from tests.factories import PenempatanFactory

pytestmark = pytest.mark.django_db


def _catatan(org):
    """A proposal and a decision for the unit A post: one for A's employee, one for B's."""
    hr = org.users["hr"]
    rows = {}
    for nama, pegawai, urutan in (("a", org.pegawai_a, 1), ("b", org.pegawai_b, 2)):
        penempatan = PenempatanFactory(
            pegawai=pegawai, formasi=org.formasi_a, jenis="plt" if nama == "b" else "plh"
        )
        rows[nama] = (
            Usulan.objects.create(
                formasi=org.formasi_a,
                pegawai=pegawai,
                urutan=urutan,
                diusulkan_oleh=hr,
                peringkat=urutan,
                skor="88.50",
            ),
            Keputusan.objects.create(
                formasi=org.formasi_a,
                pegawai=pegawai,
                penempatan=penempatan,
                nomor_sk=f"821/{urutan}/2026",
                tanggal_sk=penempatan.tmt_mulai,
                tmt=penempatan.tmt_mulai,
                metode="talent_pool",
                peringkat_terpilih=1,
                snapshot={},
                aturan_versi="uji",
                oleh=hr,
            ),
        )
        if nama == "a":  # one acting holder at a time: end A's before B's begins
            penempatan.tmt_selesai = penempatan.tmt_mulai
            penempatan.save()
    return rows


@pytest.mark.parametrize("model", ["usulan", "keputusan"])
def test_a_unit_head_sees_no_candidate_of_another_unit(org, model, unduh_ekspor):
    rows = _catatan(org)
    i = 0 if model == "usulan" else 1
    sendiri, lain = rows["a"][i], rows["b"][i]
    pimpinan = klien(org.users["pimpinan"])
    daftar = pimpinan.get(f"/admin/jabatan/{model}/")
    assert daftar.status_code == 200
    assert [o.pk for o in daftar.context["cl"].result_list] == [sendiri.pk]
    body = daftar.content.decode()
    assert org.pegawai_a.nama in body and org.pegawai_b.nama not in body
    assert pimpinan.get(f"/admin/jabatan/{model}/{sendiri.pk}/change/").status_code == 200
    assert pimpinan.get(f"/admin/jabatan/{model}/{lain.pk}/change/").status_code == 404
    assert pimpinan.get(f"/admin/jabatan/{model}/{lain.pk}/history/").status_code == 404
    ekspor = unduh_ekspor(pimpinan, f"/admin/jabatan/{model}/ekspor/").decode("utf-8-sig")
    assert org.pegawai_a.nama in ekspor and org.pegawai_b.nama not in ekspor
    # HR sees both.
    hr = klien(org.users["hr"])
    hasil = hr.get(f"/admin/jabatan/{model}/").context["cl"].result_list
    assert {o.pk for o in hasil} == {sendiri.pk, lain.pk}
    # The unit head of B sees neither: B's employee is proposed for a post of A.
    hasil = klien(org.users["pimpinan_lain"]).get(f"/admin/jabatan/{model}/")
    assert list(hasil.context["cl"].result_list) == []
