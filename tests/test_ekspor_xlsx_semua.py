"""Every XLSX export of the project, opened with openpyxl: a date is a date cell shown
dd-mm-yyyy, a number a number, and no text cell holds a date or a number a spreadsheet could
not sort (issue 20). The list of exports is found, not typed: every `export_download(...)` call in
the code (by its `data=` key), every admin list with an export (the admin registry); a new export
that this file does not fetch fails `test_every_export_in_the_code_is_checked_here`."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.management import call_command
from openpyxl import load_workbook

from jabatan.models import Formasi
from kinerja.views import TABEL as TABEL_KINERJA
from pegawai.models import UnitKerja
from pelatihan.models import Sesi
from pelatihan.views import TABEL as TABEL_PELATIHAN
from survei.models import UnitLayanan
from survei.views import BAGIAN as BAGIAN_SURVEI

pytestmark = pytest.mark.django_db

AKAR = Path(settings.BASE_DIR)
# The only writers of XLSX: the table download (which every view and task goes through) and the
# admin list export. A third writer would escape the discovery below.
# The evidence pack of the merit-system index writes one workbook per criterion into a ZIP
# (`_paket_bukti` opens each).
PENULIS_XLSX = {"pegawai/ekspor.py", "pegawai/admin_base.py", "sistem_merit/paket.py"}
TANGGAL_TEKS = re.compile(r"^\s*(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b")
ANGKA_TEKS = re.compile(r"^-?\d+([.,]\d+)?$")
# Digits that are identifiers, not quantities, may stay text: a NIP keeps its 18 digits and its
# leading zeros; SIASN's reference ids and codes; phone numbers; a year of graduation (the admin
# prints it without a thousands separator; four digits sort as text as they do as numbers).
KODE = re.compile(r"NIP|nip|Id$|kode|Kode|noHp|HP|tahun lulus")
FORMAT_TANGGAL = {"DD-MM-YYYY", "DD-MM-YYYY HH:MM"}


def _sumber_python() -> list[Path]:
    """The project's code, without the log's own writer (pegawai/ekspor.py passes `data` on)."""
    lewati = {".venv", "tests", "migrations", "node_modules", "locale", "static"}
    return [
        p
        for p in AKAR.rglob("*.py")
        if not lewati.intersection(p.relative_to(AKAR).parts)
        and p.relative_to(AKAR) != Path("pegawai/ekspor.py")
    ]


def _nama_panggilan(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def ekspor_di_kode() -> tuple[set[str], set[str]]:
    """Return the `data=` keys of every `export_download` and `export_file` call (an f-string's
    literal prefix + `*`) and the modules that call `write_xlsx`."""
    kunci, penulis = set(), set()
    for path in _sumber_python():
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(pohon):
            if not isinstance(node, ast.Call):
                continue
            nama = _nama_panggilan(node)
            if nama == "write_xlsx":
                penulis.add(str(path.relative_to(AKAR)))
            if nama not in ("export_download", "export_file"):
                continue
            data = next((k.value for k in node.keywords if k.arg == "data"), None)
            if isinstance(data, ast.Constant):
                kunci.add(data.value)
            elif isinstance(data, ast.JoinedStr):
                awal = data.values[0]
                kunci.add((awal.value if isinstance(awal, ast.Constant) else "") + "*")
            else:
                kunci.add(f"<{path.relative_to(AKAR)}:{node.lineno}: data= not a literal>")
    return kunci, penulis


def _admin_ekspor() -> list[str]:
    """The admin lists that offer an export (pegawai.admin_base.BaseAdmin.ekspor_view)."""
    return sorted(
        f"/admin/{m._meta.app_label}/{m._meta.model_name}/ekspor/"
        for m, ma in admin.site._registry.items()
        if hasattr(ma, "ekspor_view")
    )


def _langsung() -> dict[str, str]:
    """The synchronous table downloads (POSTs answered with the file), by their `data=` key:
    URL with the XLSX format."""
    layanan = UnitLayanan.objects.filter(respon__isnull=False).order_by("pk").first()
    sesi = Sesi.objects.filter(peserta__isnull=False).order_by("pk").first()
    return {
        "jabatan.lowongan": "/jabatan/lowongan/ekspor.xlsx",
        "publik.seleksi": "/kelola/seleksi/ekspor.xlsx",
        "impor.templat": "/impor/templat.xlsx",
        **{f"kinerja.{t}": f"/kinerja/ekspor/{t}.xlsx" for t in TABEL_KINERJA},
        "pelatihan.peserta": f"/pelatihan/sesi/{sesi.pk}/peserta.xlsx",
        **{
            f"kinerja.survei.{b}": f"/kinerja/survei/{layanan.kode}/unduh/{b}.xlsx"
            for b in BAGIAN_SURVEI
        },
    }


def _lewat_tugas() -> dict[str, tuple[str, dict]]:
    """The downloads that run as a background task: URL and POST data, by their `data=` key."""
    formasi = Formasi.objects.filter(jumlah_terisi__lt=1).order_by("pk").first()
    unit = UnitKerja.objects.filter(depth=1, pegawai__isnull=False).order_by("pk").first()
    return {
        "jabatan.peringkat": (f"/jabatan/lowongan/{formasi.pk}/ekspor/", {"format": "xlsx"}),
        "impor.pegawai": ("/impor/ekspor.xlsx", {}),
        "impor.duk": (f"/jabatan/duk/ekspor.xlsx?unit={unit.pk}", {}),
        **{f"pelatihan.{t}": (f"/pelatihan/ekspor/{t}.xlsx", {}) for t in TABEL_PELATIHAN},
    }


def _paket_bukti(client, unduh_ekspor) -> dict[str, int]:
    """The evidence pack of the demo's draft assessment: each criterion's rows workbook."""
    from sistem_merit.models import Penilaian

    draf = Penilaian.objects.get(status=Penilaian.Status.DRAF)
    isi = unduh_ekspor(client, f"/sistem-merit/penilaian/{draf.pk}/paket/", data={})
    with zipfile.ZipFile(io.BytesIO(isi)) as paket:
        return {
            f"sistem_merit.paket:{nama}": periksa(nama, paket.read(nama))
            for nama in paket.namelist()
            if nama.endswith(".xlsx")
        }


def _cocok(kunci: str, dikenal: set[str]) -> bool:
    if kunci.endswith("*"):
        return any(k.startswith(kunci[:-1]) for k in dikenal)
    return kunci in dikenal


def periksa(nama: str, isi: bytes) -> int:
    """Open one XLSX and check every column's cells; return the number of data rows."""
    ws = load_workbook(io.BytesIO(isi)).worksheets[0]
    baris = list(ws.iter_rows())
    assert baris, f"{nama}: empty workbook"
    header = [str(c.value) for c in baris[0]]
    for r, row in enumerate(baris[1:], start=2):
        for judul, c in zip(header, row, strict=False):
            if c.value is None or c.value == "":
                continue
            tempat = f"{nama}, column {judul!r}, row {r}: {c.value!r}"
            if c.is_date:
                assert c.number_format in FORMAT_TANGGAL, f"{tempat}: {c.number_format}"
                assert isinstance(c.value, dt.datetime), tempat
            elif c.data_type == "n":
                assert isinstance(c.value, int | float), tempat
                assert not isinstance(c.value, bool), tempat
            else:
                assert c.data_type == "s", f"{tempat}: type {c.data_type}"
                assert not TANGGAL_TEKS.match(c.value), f"{tempat}: a date written as text"
                if not KODE.search(judul):
                    assert not ANGKA_TEKS.match(c.value), f"{tempat}: a number written as text"
    return len(baris) - 1


@pytest.fixture
def kota(db) -> User:
    """A small Mataram from the demo generator (every app seeded); its HR user."""
    call_command("seed_demo", "--pegawai", "150", "--tanggal", "2026-11-28", stdout=io.StringIO())
    return User.objects.get(username="admin.bkpsdm")


def test_every_export_in_the_code_is_checked_here(kota):
    kunci, penulis = ekspor_di_kode()
    assert penulis <= PENULIS_XLSX, f"a new XLSX writer: {penulis - PENULIS_XLSX}"
    dikenal = set(_langsung()) | set(_lewat_tugas()) | {"sistem_merit.paket"}
    lupa = sorted(k for k in kunci if not _cocok(k, dikenal))
    assert not lupa, (
        f"exports not checked by this file (add them to _langsung/_lewat_tugas): {lupa}"
    )
    assert len(_admin_ekspor()) >= 20  # the registry is walked, not listed


def test_every_xlsx_export_types_its_cells(kota, client, unduh_ekspor, unduh_langsung):
    client.force_login(kota)
    diperiksa = {}
    for kunci, url in _langsung().items():
        response = unduh_langsung(client, url)
        assert response["Content-Type"].startswith("application/vnd.openxmlformats"), kunci
        diperiksa[kunci] = periksa(kunci, response.content)
    for kunci, (url, data) in _lewat_tugas().items():
        diperiksa[kunci] = periksa(kunci, unduh_ekspor(client, url, data=data))
    for url in _admin_ekspor():
        diperiksa[url] = periksa(url, unduh_ekspor(client, url, data={"format": "xlsx"}))
    paket = _paket_bukti(client, unduh_ekspor)
    assert sum(1 for n in paket.values() if n) >= 5, paket  # the evidenced criteria's rows
    diperiksa |= paket
    # The checks ran on rows, not on empty sheets: the demo city fills these.
    for kunci in (
        "jabatan.lowongan",
        "impor.pegawai",
        "impor.duk",
        "publik.seleksi",
        "jabatan.peringkat",
        "/admin/pegawai/pegawai/ekspor/",
    ):
        assert diperiksa[kunci] > 0, kunci
    assert sum(1 for n in diperiksa.values() if n) >= 25, diperiksa


def test_the_check_catches_a_date_or_a_number_written_as_text():
    from core.export import write_xlsx

    with pytest.raises(AssertionError, match="a date written as text"):
        periksa("uji", write_xlsx(["Lowong sejak"], [["01-02-2026"]]))
    with pytest.raises(AssertionError, match="a number written as text"):
        periksa("uji", write_xlsx(["Hari"], [["12"]]))
    assert (
        periksa(
            "uji", write_xlsx(["NIP", "Tanggal"], [["198503152010011002", dt.date(2026, 2, 1)]])
        )
        == 1
    )
