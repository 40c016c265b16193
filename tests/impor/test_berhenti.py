"""Leaving through an import: a SIASN record whose kedudukan or tmtBerhenti says the person left
(pension, death, dismissal) ends their active placements and succession entries through
jabatan's one service (pegawai_release_posts, the one the admin's employee form calls), in the
import's transaction, so the post shows as vacant."""

from __future__ import annotations

from datetime import date

import pytest

from impor import proses
from pegawai.models import Pegawai
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.impor.bantu import baris, baris_pegawai, ke_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


def _baris_dari(p: Pegawai, **ubah) -> dict[str, str]:
    return baris_pegawai(p, **ubah)


def test_a_pension_row_for_an_employee_we_hold_is_applied_not_a_crash(unit):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    row = _baris_dari(p, kedudukanPnsNama="Pensiun", tmtBerhenti="01-12-2026")
    pratinjau = proses.jalankan(ke_csv([row]), "csv")
    assert (pratinjau.ubah, pratinjau.tolak) == (1, 0)
    r = proses.jalankan(ke_csv([row]), "csv", terapkan=True)
    assert (r.ubah, r.tolak) == (1, 0)
    p.refresh_from_db()
    assert (p.kedudukan, p.tmt_berhenti) == ("pensiun", date(2026, 12, 1))


def test_leaving_ends_the_placements_and_succession_so_the_post_is_vacant(unit, hr_user):
    from jabatan.models import Penempatan, Suksesor
    from tests.factories import FormasiFactory, JabatanFactory, PenempatanFactory

    kepala = FormasiFactory(
        jabatan=JabatanFactory(jenis="ADMINISTRATOR", kelas_jabatan=12), unit_kerja=unit
    )
    staf = FormasiFactory(unit_kerja=unit, kuota=3)
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    lain = PegawaiFactory(unit_kerja=unit, golongan="III/b")
    PenempatanFactory(pegawai=p, formasi=staf, tmt_mulai=date(2020, 1, 2))
    PenempatanFactory(pegawai=lain, formasi=staf, tmt_mulai=date(2020, 1, 2))
    # A raw succession row: the succession service's talent rules are not what this tests.
    Suksesor.objects.create(
        formasi=kepala,
        pegawai=p,
        kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
        urutan=1,
        tanggal_penetapan=date(2025, 1, 2),
        ditetapkan_oleh=hr_user,
    )
    rows = [
        _baris_dari(p, kedudukanPnsNama="Meninggal Dunia", tmtBerhenti="2026-11-01"),
        _baris_dari(lain),
    ]
    pratinjau = proses.jalankan(ke_csv(rows), "csv")
    assert (pratinjau.berhenti, pratinjau.penempatan_berakhir) == (1, 1)
    assert Penempatan.objects.aktif().filter(pegawai=p).count() == 1  # nothing written yet
    r = proses.jalankan(ke_csv(rows), "csv", terapkan=True, oleh=hr_user)
    assert (r.ubah, r.sama, r.berhenti, r.penempatan_berakhir, r.tolak) == (1, 1, 1, 1, 0)
    pen = Penempatan.objects.get(pegawai=p)
    assert pen.tmt_selesai == date(2026, 10, 31)  # the day before the TMT of leaving
    assert "Meninggal dunia" in pen.keterangan
    assert Penempatan.objects.aktif().filter(pegawai=lain).count() == 1  # the other stays
    s = Suksesor.objects.get(pegawai=p)
    assert not s.aktif and "Meninggal dunia" in s.alasan_berakhir
    staf.refresh_from_db()
    assert staf.jumlah_terisi == 1  # a seat is free again


def test_a_leaving_row_is_all_or_nothing_with_the_rest_of_the_file(unit):
    from jabatan.models import Penempatan
    from tests.factories import FormasiFactory, PenempatanFactory

    p = PegawaiFactory(unit_kerja=unit)
    PenempatanFactory(pegawai=p, formasi=FormasiFactory(unit_kerja=unit))
    rows = [
        _baris_dari(p, kedudukanPnsNama="Pensiun", tmtBerhenti="01-12-2026"),
        baris(golRuangAkhirId="99"),  # rejected: the whole import keeps nothing
    ]
    with pytest.raises(proses.DibatalkanAdaGalat):
        proses.jalankan(ke_csv(rows), "csv", terapkan=True)
    p.refresh_from_db()
    assert p.kedudukan == "aktif" and Penempatan.objects.aktif().filter(pegawai=p).exists()


def test_a_pension_without_its_tmt_is_refused_with_the_field_named(unit):
    p = PegawaiFactory(unit_kerja=unit)
    r = proses.jalankan(
        ke_csv([_baris_dari(p, kedudukanPnsNama="Pensiun")]), "csv", terapkan=True, sebagian=True
    )
    assert r.tolak == 1 and r.ditolak[0]["kolom"] == "tmtBerhenti"
    assert "TMT berhenti wajib diisi" in r.ditolak[0]["alasan"]
    p.refresh_from_db()
    assert p.kedudukan == "aktif"


def test_the_task_message_counts_who_left():
    from impor.tasks import _pesan

    r = proses.Ringkasan(total=2, ubah=1, sama=1, berhenti=1, penempatan_berakhir=2)
    assert _pesan(r).endswith("1 pegawai berhenti; 2 penempatan aktifnya diakhiri.")
    assert "berhenti" not in _pesan(proses.Ringkasan(total=1, sama=1))
