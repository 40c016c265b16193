"""Streamed reading of an uploaded file: CSV (csv module), XLSX (openpyxl read-only) and JSON
(one record after another with `json.JSONDecoder.raw_decode` over a sliding text buffer), so
memory stays bounded by one record, not the file.

`check_file` refuses a file as a whole (`BerkasDitolak`, one clear message in Indonesian) before
anything is read: size, extension, content, encoding, a ZIP bomb (also one whose shared strings,
which openpyxl holds in memory, unpack too large). `read_rows` then yields `Baris(nomor, nilai,
riwayat)` per data row with our camelCase field names, after checking the header (missing, blank,
duplicate or merged column titles) — a file-level fault raises `BerkasDitolak` there too. Column
titles go through kolom.nama_field (SIASN's export titles, "NIP BARU"); fields we do not use are
read, dropped and collected in the caller's `diabaikan` set, never refused.

JSON is impor.read_json's (SIASN's response envelopes, streamed).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.utils.translation import gettext as _

from impor import kolom as k

UKURAN_MAKS = 64 * 1024 * 1024  # bytes of an uploaded file (settings.IMPOR_UKURAN_MAKS)
ZIP_ISI_MAKS = 512 * 1024 * 1024  # bytes an XLSX may unpack to
ZIP_RASIO_MAKS = 200  # unpacked / packed of one member: text XML packs ~10:1, bombs 1000:1
# openpyxl reads the shared strings (every distinct text cell) into memory whole, unlike the sheet,
# which it streams: about 4.3 bytes of memory per byte of XML when the strings are short (57 MB of
# them added 244 MB to the process, 31.6 MB added 136 MB). This bounds that part to about 140 MB;
# a larger workbook is refused with the advice to save it as CSV, which streams. A city's export
# (7,000 employees, a few dozen distinct texts each) holds some 5 MB (an estimate).
TEKS_BERSAMA_MAKS = 32 * 1024 * 1024

JENIS_KONTEN = {
    "csv": {"text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"},
    "xlsx": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
        "application/octet-stream",
    },
    "json": {"application/json", "text/json", "text/plain", "application/octet-stream"},
}


class BerkasDitolak(Exception):
    """The file as a whole cannot be imported; the message says why and what to do."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class Baris:
    nomor: int  # the row (spreadsheet row number, or the record's position in a JSON list)
    nilai: dict[str, str]
    riwayat: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    @property
    def kosong(self) -> bool:
        return not any(self.nilai.values()) and not any(self.riwayat.values())


def ukuran_maks() -> int:
    return getattr(settings, "IMPOR_UKURAN_MAKS", UKURAN_MAKS)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_file(nama: str, jenis_konten: str, data: bytes) -> str:
    """Return the format ("csv", "xlsx", "json") of an uploaded file, or raise BerkasDitolak."""
    if len(data) > ukuran_maks():
        raise BerkasDitolak(
            _("Berkas terlalu besar (%(u)s); batasnya %(m)s. Pecah berkas menjadi beberapa bagian.")
            % {"u": _mb(len(data)), "m": _mb(ukuran_maks())}
        )
    if not data:
        raise BerkasDitolak(_("Berkas kosong."))
    ext = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if ext not in JENIS_KONTEN:
        raise BerkasDitolak(
            _("Jenis berkas .%(ext)s tidak diterima: unggah berkas .xlsx, .csv atau .json.")
            % {"ext": ext or "?"}
        )
    jenis_konten = (jenis_konten or "").split(";")[0].strip().lower()
    if jenis_konten and jenis_konten not in JENIS_KONTEN[ext]:
        raise BerkasDitolak(
            _("Jenis isi berkas (%(j)s) tidak sesuai dengan ekstensi .%(ext)s.")
            % {"j": jenis_konten, "ext": ext}
        )
    zip_ = data[:4] == b"PK\x03\x04"
    if ext == "xlsx":
        if not zip_:
            raise BerkasDitolak(
                _("Isi berkas bukan XLSX (lembar kerja Excel), walaupun namanya berakhiran .xlsx.")
            )
        _periksa_zip(data)
    elif zip_ or b"\x00" in data[:4096]:
        raise BerkasDitolak(
            _("Isi berkas bukan teks %(ext)s (berkas biner atau terkompresi).")
            % {"ext": ext.upper()}
        )
    elif ext == "json" and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"[", b"{"):
        raise BerkasDitolak(_("Isi berkas bukan JSON: harus diawali [ atau {."))
    return ext


def _periksa_zip(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise BerkasDitolak(_("Berkas XLSX rusak (arsip ZIP tidak dapat dibuka).")) from exc
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise BerkasDitolak(
            _("Berkas ZIP ini bukan lembar kerja XLSX (tidak ada xl/workbook.xml).")
        )
    total = 0
    for info in infos:
        if info.filename == "xl/sharedStrings.xml" and info.file_size > TEKS_BERSAMA_MAKS:
            raise BerkasDitolak(
                _(
                    "Berkas XLSX ditolak: daftar teks bersamanya (xl/sharedStrings.xml) "
                    "mengembang menjadi %(i)s, melebihi batas %(m)s. Pecah berkas menjadi "
                    "beberapa bagian, atau simpan sebagai CSV UTF-8."
                )
                % {"i": _mb(info.file_size), "m": _mb(TEKS_BERSAMA_MAKS)}
            )
        total += info.file_size
        rasio = info.file_size / max(info.compress_size, 1)
        if total > ZIP_ISI_MAKS or (info.file_size > 1024 * 1024 and rasio > ZIP_RASIO_MAKS):
            raise BerkasDitolak(
                _(
                    "Berkas XLSX ditolak: isinya mengembang jauh melebihi ukurannya "
                    "(%(b)s menjadi lebih dari %(i)s), ciri bom ZIP. Simpan ulang berkas dari "
                    "aplikasi lembar kerja."
                )
                % {"b": _mb(len(data)), "i": _mb(total)}
            )


def read_rows(data: bytes, fmt: str, diabaikan: set[str] | None = None) -> Iterator[Baris]:
    """Yield the data rows of a checked file (see `check_file`); the fields read but not used are
    added to `diabaikan`."""
    if diabaikan is None:
        diabaikan = set()
    if fmt == "csv":
        return _csv(data, diabaikan)
    if fmt == "xlsx":
        return _xlsx(data, diabaikan)
    from impor.read_json import read_json

    return read_json(data, diabaikan)


def nip_saja(data: bytes, fmt: str) -> Iterator[str]:
    """Yield the raw NIP cell of every data row (the duplicate check's first pass); for CSV
    without building a dict per row."""
    if fmt != "csv":
        for baris in read_rows(data, fmt):
            yield baris.nilai.get("nipBaru", "")
        return
    rows = iter(read_rows(data, fmt))
    pertama = next(rows, None)  # checks the header and the encoding of the first row
    if pertama is None:
        return
    yield pertama.nilai.get("nipBaru", "")
    teks = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="replace", newline="")
    awal = teks.readline()
    pemisah = ";" if awal.count(";") >= awal.count(",") else ","
    teks.seek(0)
    reader = csv.reader(teks, delimiter=pemisah)
    i = [k.nama_field(h.strip()) for h in next(reader)].index("nipBaru")
    next(reader, None)
    for row in reader:
        if any(v.strip() for v in row):
            yield _sel(row[i]) if i < len(row) else ""


def check_columns(header: list[str], diabaikan: set[str]) -> list[str]:
    """Check a header row; return the field of each column (blank trailing titles dropped),
    adding the titles of the columns we do not use to `diabaikan`."""
    while header and not header[-1]:
        header.pop()
    for n, nama in enumerate(header, start=1):
        if not nama:
            raise BerkasDitolak(
                _(
                    "Kolom ke-%(n)d tidak berjudul (kolom kosong di antara kolom data). "
                    "Hapus kolom itu atau beri judul sesuai templat."
                )
                % {"n": n}
            )
    field = [k.nama_field(h) for h in header]
    ganda = sorted({f for f in field if field.count(f) > 1})
    if ganda:
        judul = [" = ".join(h for h, f in zip(header, field, strict=True) if f == g) for g in ganda]
        raise BerkasDitolak(_("Judul kolom ganda: %(k)s.") % {"k": "; ".join(judul)})
    diabaikan.update(h for h, f in zip(header, field, strict=True) if f not in k.KOLOM)
    kurang = [h for h in k.WAJIB if h not in field]
    kurang += [" atau ".join(pair) for pair in k.SALAH_SATU if not set(pair) & set(field)]
    if kurang:
        raise BerkasDitolak(_("Kolom wajib tidak ada: %(k)s.") % {"k": ", ".join(kurang)})
    return field


def _sel(v: str) -> str:
    """A text cell as SIASN's exports write it: the apostrophe that keeps a number as text in a
    spreadsheet and the word null for an empty cell are dropped (kanekescom/laravel-siasn-simpeg
    src/Imports/PegawaiImport.php reads the export the same way)."""
    v = v.strip().removeprefix("'")
    return "" if v == "null" else v


def teks_sel(v: object, kolom: str) -> str:
    """Return a cell or JSON value as the text our checks read (a date as yyyy-mm-dd)."""
    if type(v) is str:
        return _sel(v)
    if v is None:
        return ""
    if isinstance(v, datetime):
        v = v.date()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if kolom == "nipBaru":
            # 18 digits do not fit a spreadsheet number: the last ones are already lost.
            return f"#angka:{v:.0f}"
        return str(int(v)) if v.is_integer() else str(v)
    return str(v).strip()


def _dari_tabel(
    rows: Iterator[list], nomor_awal: int, diabaikan: set[str], *, teks_saja: bool = False
) -> Iterator[Baris]:
    try:
        header = next(rows)
    except StopIteration:
        raise BerkasDitolak(_("Berkas tidak berisi baris judul kolom.")) from None
    nama = check_columns([teks_sel(h, "") for h in header], diabaikan)
    lebar = len(nama)
    # Only the columns we read are kept: a whole SIASN record has a hundred-odd others, and
    # building (and stripping) them for every row was most of the reading time.
    pakai = [(i, h) for i, h in enumerate(nama) if h in k.KOLOM]
    kosong: list[int] = []
    for nomor, row in enumerate(rows, start=nomor_awal + 1):
        lebih = [v for v in row[lebar:] if v not in (None, "")]
        if lebih:
            raise BerkasDitolak(
                _("Baris %(b)d berisi data di kolom tanpa judul (sesudah kolom %(k)s).")
                % {"b": nomor, "k": nama[-1]}
            )
        if teks_saja and len(row) >= lebar:  # CSV: text already (the hot path at 100,000 rows)
            nilai = {h: _sel(row[i]) for i, h in pakai}
        elif teks_saja:
            nilai = {h: _sel(row[i]) if i < len(row) else "" for i, h in pakai}
        else:
            nilai = {h: teks_sel(row[i] if i < len(row) else None, h) for i, h in pakai}
        baris = Baris(nomor, nilai)
        if baris.kosong:
            kosong.append(nomor)  # a blank row counts only when data follows it
            continue
        for n in kosong:
            yield Baris(n, {})
        kosong = []
        yield baris


def _csv(data: bytes, diabaikan: set[str]) -> Iterator[Baris]:
    teks = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="strict", newline="")
    try:
        awal = teks.readline()
    except UnicodeDecodeError as exc:
        raise BerkasDitolak(_tidak_utf8(1)) from exc
    pemisah = ";" if awal.count(";") >= awal.count(",") else ","
    teks.seek(0)
    reader = csv.reader(teks, delimiter=pemisah)

    def rows() -> Iterator[list]:
        while True:
            try:
                yield next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise BerkasDitolak(_tidak_utf8(reader.line_num + 1)) from exc
            except csv.Error as exc:
                raise BerkasDitolak(
                    _("CSV rusak di baris %(b)d: %(e)s") % {"b": reader.line_num, "e": exc}
                ) from exc

    yield from _dari_tabel(rows(), 1, diabaikan, teks_saja=True)


def _tidak_utf8(baris: int) -> str:
    return _(
        "Berkas tidak tersimpan dalam UTF-8 (terbaca salah di sekitar baris %(b)d). Simpan ulang "
        'sebagai "CSV UTF-8".'
    ) % {"b": baris}


_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _sel_gabungan_judul(zf: zipfile.ZipFile, path: str) -> str | None:
    """Return the first merged range touching row 1 (the titles), scanning the sheet's XML in
    chunks (mergeCells follow the data; a byte search, not an XML parse)."""
    ekor = b""
    with zf.open(path) as f:
        while chunk := f.read(1 << 20):
            buf = ekor + chunk
            for m in _MERGE.finditer(buf):
                if m.group(2) == b"1":
                    return f"{m.group(1).decode()}{m.group(2).decode()}:" + (
                        f"{m.group(3).decode()}{m.group(4).decode()}"
                    )
            ekor = buf[-64:]
    return None


def _xlsx(data: bytes, diabaikan: set[str]) -> Iterator[Baris]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise BerkasDitolak(
            _("Berkas XLSX tidak dapat dibaca (%(e)s).") % {"e": type(exc).__name__}
        ) from exc
    try:
        ws = wb.worksheets[0]
        path = getattr(ws, "_worksheet_path", None)
        if path:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                gabung = _sel_gabungan_judul(zf, path.lstrip("/"))
            if gabung:
                raise BerkasDitolak(
                    _(
                        "Sel judul kolom digabung (%(r)s). Pisahkan sel gabungan: setiap kolom "
                        "harus mempunyai judulnya sendiri di baris 1."
                    )
                    % {"r": gabung}
                )
        yield from _dari_tabel(_baris_xlsx(ws), 1, diabaikan)
    finally:
        wb.close()


def _baris_xlsx(ws) -> Iterator[list]:
    """The sheet's rows; a sheet openpyxl cannot parse midway (broken XML, a character XML does
    not allow) ends as a file fault, not a traceback."""
    rows = ws.iter_rows(values_only=True)
    n = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # lxml/expat and openpyxl raise many kinds for a broken sheet
            raise BerkasDitolak(
                _("Lembar kerja XLSX rusak sesudah baris %(b)d (%(e)s).")
                % {"b": n, "e": type(exc).__name__}
            ) from exc
        n += 1
        yield list(row)
