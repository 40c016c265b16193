"""manage.py import_pegawai: a refusing run says why (row, column, reason) and points to --tolak."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from pegawai.models import Pegawai
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unit():
    return UnitKerjaFactory(kode="U-1")


def _jalankan(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_pegawai", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), ""


def test_a_refusing_run_prints_the_first_rejected_rows_and_points_to_tolak(tmp_path):
    rows = [baris(), baris(tmtGolAkhir="31-02-1990"), baris(golRuangAkhirId="77"), baris()]
    berkas = tmp_path / "pegawai.csv"
    berkas.write_bytes(ke_csv(rows))
    out, galat = _jalankan(str(berkas))
    assert galat.startswith("Tidak ada yang disimpan: 2 baris ditolak")
    assert "Baris ditolak (2):" in out
    assert (
        '  baris 3, kolom tmtGolAkhir: Tanggal "31-02-1990" tidak ada (bulan 2 tahun 1990 '
        "hanya 28 hari)."
    ) in out
    assert '  baris 4, kolom golRuangAkhirId: Golongan "77" tidak dikenal.' in out
    assert "--tolak BERKAS" in out
    assert not Pegawai.objects.exists()


def test_tolak_writes_every_rejected_row_and_says_where(tmp_path):
    rows = [baris()] + [baris(tglLahir="hari ini") for _ in range(25)]
    berkas, tolak = tmp_path / "pegawai.csv", tmp_path / "ditolak.csv"
    berkas.write_bytes(ke_csv(rows))
    out, galat = _jalankan(str(berkas), "--sebagian", "--tolak", str(tolak))
    assert galat == ""
    assert out.count(", kolom tglLahir: ") == 20  # the first twenty, then the count
    assert "... dan 5 galat lainnya." in out
    assert f"Semua baris ditolak beserta alasannya: {tolak}" in out
    assert len(tolak.read_text(encoding="utf-8").splitlines()) == 26  # header + 25 rows
    assert Pegawai.objects.count() == 1


def test_unused_columns_are_listed_once(tmp_path):
    berkas = tmp_path / "siasn.csv"
    berkas.write_bytes(ke_csv([baris(), baris()], kolom=[*baris().keys(), "NIK", "KANREG NAMA"]))
    out, galat = _jalankan(str(berkas), "--dry-run")
    assert galat == ""
    assert out.count("dibaca tetapi tidak dipakai: KANREG NAMA, NIK") == 1
