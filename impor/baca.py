"""Streamed reading of an uploaded file: CSV (csv module), XLSX (openpyxl read-only) and JSON
(one record after another with `json.JSONDecoder.raw_decode` over a sliding text buffer), so
memory stays bounded by one record, not the file.

`periksa` refuses a file as a whole (`BerkasDitolak`, one clear message in Indonesian) before
anything is read: size, extension, content, encoding, a ZIP bomb. `baca` then yields
`Baris(nomor, nilai, riwayat)` per data row, after checking the header (missing, extra, blank or
merged column titles) — a file-level fault raises `BerkasDitolak` there too.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
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


def periksa(nama: str, jenis_konten: str, data: bytes) -> str:
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


def baca(data: bytes, fmt: str) -> Iterator[Baris]:
    """Yield the data rows of a checked file (see `periksa`)."""
    if fmt == "csv":
        return _csv(data)
    if fmt == "xlsx":
        return _xlsx(data)
    return _json(data)


def nip_saja(data: bytes, fmt: str) -> Iterator[str]:
    """Yield the raw NIP cell of every data row (the duplicate check's first pass); for CSV
    without building a dict per row."""
    if fmt != "csv":
        for baris in baca(data, fmt):
            yield baris.nilai.get("nipBaru", "")
        return
    rows = iter(baca(data, fmt))
    pertama = next(rows, None)  # checks the header and the encoding of the first row
    if pertama is None:
        return
    yield pertama.nilai.get("nipBaru", "")
    teks = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", errors="replace", newline="")
    awal = teks.readline()
    pemisah = ";" if awal.count(";") >= awal.count(",") else ","
    teks.seek(0)
    reader = csv.reader(teks, delimiter=pemisah)
    i = [h.strip() for h in next(reader)].index("nipBaru")
    next(reader, None)
    for row in reader:
        if any(v.strip() for v in row):
            yield row[i] if i < len(row) else ""


def periksa_kolom(header: list[str]) -> list[str]:
    """Check a header row; return the column names (blank trailing titles dropped)."""
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
    ganda = sorted({h for h in header if header.count(h) > 1})
    if ganda:
        raise BerkasDitolak(_("Judul kolom ganda: %(k)s.") % {"k": ", ".join(ganda)})
    asing = [h for h in header if h not in k.KOLOM and h not in k.SIASN_LAIN]
    if asing:
        raise BerkasDitolak(
            _("Kolom tidak dikenal: %(k)s. Gunakan judul kolom templat (nama field SIASN).")
            % {"k": ", ".join(asing)}
        )
    kurang = [h for h in k.WAJIB if h not in header]
    kurang += [" atau ".join(pair) for pair in k.SALAH_SATU if not set(pair) & set(header)]
    if kurang:
        raise BerkasDitolak(_("Kolom wajib tidak ada: %(k)s.") % {"k": ", ".join(kurang)})
    return header


def _teks(v: object, kolom: str) -> str:
    if type(v) is str:
        return v.strip()
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
    rows: Iterator[list], nomor_awal: int, *, teks_saja: bool = False
) -> Iterator[Baris]:
    try:
        header = next(rows)
    except StopIteration:
        raise BerkasDitolak(_("Berkas tidak berisi baris judul kolom.")) from None
    nama = periksa_kolom([_teks(h, "") for h in header])
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
            nilai = {h: row[i].strip() for i, h in pakai}
        elif teks_saja:
            nilai = {h: row[i].strip() if i < len(row) else "" for i, h in pakai}
        else:
            nilai = {h: _teks(row[i] if i < len(row) else None, h) for i, h in pakai}
        baris = Baris(nomor, nilai)
        if baris.kosong:
            kosong.append(nomor)  # a blank row counts only when data follows it
            continue
        for n in kosong:
            yield Baris(n, {})
        kosong = []
        yield baris


def _csv(data: bytes) -> Iterator[Baris]:
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

    yield from _dari_tabel(rows(), 1, teks_saja=True)


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


def _xlsx(data: bytes) -> Iterator[Baris]:
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
        yield from _dari_tabel((list(r) for r in ws.iter_rows(values_only=True)), 1)
    finally:
        wb.close()


def _json(data: bytes) -> Iterator[Baris]:
    """Decode one record after another from `[{...}, {...}]` or `{"data": [...]}`."""
    dekoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    json_dec = json.JSONDecoder()
    sumber = io.BytesIO(data)
    buf = ""
    pos = 0
    habis = False

    def isi() -> bool:
        nonlocal buf, pos, habis
        if habis:
            return False
        chunk = sumber.read(1 << 16)
        try:
            buf = buf[pos:] + dekoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise BerkasDitolak(
                _("Berkas JSON tidak tersimpan dalam UTF-8 (sekitar byte %(b)d).")
                % {"b": sumber.tell()}
            ) from exc
        pos = 0
        habis = not chunk
        return True

    def lewati_spasi() -> str:
        nonlocal pos
        while True:
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            if pos < len(buf):
                return buf[pos]
            if not isi():
                return ""

    def rusak(exc: Exception | None = None) -> BerkasDitolak:
        return BerkasDitolak(
            _("Berkas JSON rusak atau bukan daftar data pegawai SIASN (%(e)s).")
            % {"e": exc or _("struktur tidak dikenal")}
        )

    isi()
    c = lewati_spasi()
    if c == "{":
        # {"data": [...]}: find the list of the key "data" near the start.
        while len(buf) < 4096 and isi():
            pass
        m = re.match(r'\{\s*"data"\s*:\s*\[', buf[pos:])
        if not m:
            raise rusak()
        pos += m.end()
    elif c == "[":
        pos += 1
    else:
        raise rusak()
    nomor = 0
    while True:
        c = lewati_spasi()
        if c == "]":
            return
        if c == ",":
            pos += 1
            continue
        if not c:
            raise rusak(_("daftar tidak ditutup dengan ]"))
        while True:
            try:
                obj, akhir = json_dec.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                # Maybe the record runs past the buffer: read more, else it is broken.
                if not isi():
                    raise rusak(exc) from exc
        pos = akhir
        nomor += 1
        if not isinstance(obj, dict):
            raise rusak(_("data ke-%(n)d bukan objek") % {"n": nomor})
        yield _rekam(nomor, obj)


def _rekam(nomor: int, obj: dict) -> Baris:
    asing = [
        key
        for key in obj
        if key not in k.KOLOM
        and key not in k.SIASN_LAIN
        and key not in k.RIWAYAT
        and key not in ("rw-diklat", "rw-kursus")
    ]
    if asing:
        raise BerkasDitolak(
            _("Data ke-%(n)d memuat field tidak dikenal: %(k)s.")
            % {"n": nomor, "k": ", ".join(asing[:10])}
        )
    nilai = {key: _teks(obj.get(key), key) for key in k.KOLOM if key in obj}
    kurang = [key for key in k.WAJIB if key not in obj]
    kurang += [" atau ".join(p) for p in k.SALAH_SATU if not set(p) & set(obj)]
    if kurang:
        raise BerkasDitolak(
            _("Data ke-%(n)d tidak memuat field wajib: %(k)s.")
            % {"n": nomor, "k": ", ".join(kurang)}
        )
    riwayat = {}
    for key in k.RIWAYAT:
        daftar = obj.get(key) or []
        if not isinstance(daftar, list):
            raise BerkasDitolak(
                _("Data ke-%(n)d: %(k)s harus berupa daftar.") % {"n": nomor, "k": key}
            )
        riwayat[key] = [
            {a: _teks(b, a) for a, b in r.items()} for r in daftar if isinstance(r, dict)
        ]
    return Baris(nomor, nilai, riwayat)
