"""Streamed reading of SIASN's JSON, one record at a time (`json.JSONDecoder.raw_decode` over a
sliding text buffer), so memory stays bounded by one record, not the file.

JSON comes in the shapes public SIASN clients read and save (tests/impor/test_bentuk_siasn.py
cites them): a list of data-utama records; one web-service response `{"code": 1, "data": {...}}`;
a response holding a list `{"code": 1, "data": [...]}`; a list of responses saved in a batch; and,
inside a record, each history list (rw-golongan, rw-jabatan, ...) bare or as the endpoint's own
response `{"code": 1, "data": [...]}`. Anything else is refused with one sentence naming these.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator

from django.utils.translation import gettext as _

from impor import kolom as k
from impor.read import Baris, BerkasDitolak, teks_sel

# The keys of a web-service response around its "data" (the envelope, not a record).
_AMPLOP = frozenset({"code", "data", "message", "msg", "status", "success", "error", "meta"})


def _bentuk_salah(rincian: str = "") -> BerkasDitolak:
    pesan = _(
        "Berkas JSON tidak berbentuk data SIASN yang dikenal%(r)s: yang diterima adalah daftar "
        'data utama [{...}, ...], jawaban layanan {"code": 1, "data": {...}} atau '
        '{"code": 1, "data": [...]}, atau daftar jawaban [{"code": 1, "data": {...}}, ...], '
        'dengan riwayat (rw-golongan, rw-jabatan, ...) berupa daftar atau {"data": [...]}.'
    )
    return BerkasDitolak(pesan % {"r": f" ({rincian})" if rincian else ""})


class _Sumber:
    """A UTF-8 JSON text read in 64 KB pieces; `nilai` decodes the next value (a record, a key)."""

    def __init__(self, data: bytes) -> None:
        self.dekoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self.json = json.JSONDecoder()
        self.sumber = io.BytesIO(data)
        self.buf = ""
        self.pos = 0
        self.habis = False
        self.isi()

    def isi(self) -> bool:
        if self.habis:
            return False
        chunk = self.sumber.read(1 << 16)
        try:
            teks = self.dekoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise BerkasDitolak(
                _("Berkas JSON tidak tersimpan dalam UTF-8 (sekitar byte %(b)d).")
                % {"b": self.sumber.tell()}
            ) from exc
        self.buf = self.buf[self.pos :] + teks
        self.pos = 0
        self.habis = not chunk
        return True

    def lihat(self) -> str:
        """Return the next character that is not white space ("" at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.isi():
                return ""

    def nilai(self) -> object:
        while True:
            try:
                obj, self.pos = self.json.raw_decode(self.buf, self.pos)
                return obj
            except json.JSONDecodeError as exc:
                # Maybe the value runs past the buffer: read more, else it is broken.
                if not self.isi():
                    raise BerkasDitolak(_("Berkas JSON rusak (%(e)s).") % {"e": exc}) from exc
            except RecursionError as exc:
                raise BerkasDitolak(
                    _(
                        "Berkas JSON bersarang terlalu dalam (lebih dari %(n)d tingkat), "
                        "jadi bukan data SIASN."
                    )
                    % {"n": sys.getrecursionlimit()}
                ) from exc

    def daftar(self) -> Iterator[object]:
        """Yield the values of the list that starts here, one at a time."""
        self.pos += 1  # [
        while True:
            c = self.lihat()
            if c == "]":
                self.pos += 1
                return
            if c == ",":
                self.pos += 1
                continue
            if not c:
                raise BerkasDitolak(_("Berkas JSON rusak (daftar tidak ditutup dengan ])."))
            yield self.nilai()


def _isi_amplop(obj: dict, n: int) -> list:
    """The records of one list element: itself, or the data of a response around it."""
    if "data" not in obj or not set(obj) <= _AMPLOP:
        return [obj]
    isi = obj["data"]
    if isinstance(isi, dict):
        return [isi]
    if isinstance(isi, list):
        return isi
    raise _bentuk_salah(_('"data" jawaban ke-%(n)d bukan data pegawai') % {"n": n})


def read_json(data: bytes, diabaikan: set[str]) -> Iterator[Baris]:
    """Decode one record after another from any shape named in the module's docstring."""
    src = _Sumber(data)
    nomor = 0

    def rekam(obj: object) -> Baris:
        nonlocal nomor
        nomor += 1
        if not isinstance(obj, dict):
            raise _bentuk_salah(_("data ke-%(n)d bukan objek") % {"n": nomor})
        return _rekam(nomor, obj, diabaikan)

    c = src.lihat()
    if c == "[":
        for n, elemen in enumerate(src.daftar(), start=1):
            if not isinstance(elemen, dict):
                raise _bentuk_salah(_("data ke-%(n)d bukan objek") % {"n": n})
            for obj in _isi_amplop(elemen, n):
                yield rekam(obj)
    elif c == "{":
        # A response: its keys one by one, so the list under "data" streams.
        src.pos += 1
        ada_data = False
        while (c := src.lihat()) != "}":
            if c == ",":
                src.pos += 1
                continue
            key = src.nilai() if c == '"' else None
            if key is None or src.lihat() != ":":
                raise BerkasDitolak(_("Berkas JSON rusak (objek teratas tidak lengkap)."))
            src.pos += 1
            c = src.lihat()
            if key == "data" and c == "[":
                ada_data = True
                for obj in src.daftar():
                    yield rekam(obj)
            elif key == "data" and c == "{":
                ada_data = True
                yield rekam(src.nilai())
            else:
                src.nilai()  # code, message, ...: read and dropped
        if not ada_data:
            raise _bentuk_salah(_('tanpa "data"'))
    else:
        raise _bentuk_salah()


def _riwayat(v: object, key: str, nomor: int) -> list:
    # A history list bare, or the endpoint's response around it (one or two envelopes).
    for _i in range(3):
        if isinstance(v, dict) and "data" in v:
            v = v["data"]
    if v is None:
        return []
    if not isinstance(v, list):
        raise _bentuk_salah(_("data ke-%(n)d: %(k)s bukan daftar") % {"n": nomor, "k": key})
    return v


def _rekam(nomor: int, obj: dict, diabaikan: set[str]) -> Baris:
    nilai: dict[str, str] = {}
    riwayat: dict[str, list[dict[str, str]]] = {}
    for key, v in obj.items():
        f = key if key in k.KOLOM or key in k.RIWAYAT else k.nama_field(key)
        if f != key and f in obj:
            f = key  # "nip" beside "nipBaru": the record's own name wins, the other is ignored
        if f in k.KOLOM:
            nilai[f] = teks_sel(v, f)
        elif f in k.RIWAYAT:
            riwayat[f] = [
                {a: teks_sel(b, a) for a, b in r.items()}
                for r in _riwayat(v, key, nomor)
                if isinstance(r, dict)
            ]
        else:
            diabaikan.add(key)
    kurang = [key for key in k.WAJIB if key not in nilai]
    kurang += [" atau ".join(p) for p in k.SALAH_SATU if not set(p) & set(nilai)]
    if kurang:
        raise BerkasDitolak(
            _("Data ke-%(n)d tidak memuat field wajib: %(k)s.")
            % {"n": nomor, "k": ", ".join(kurang)}
        )
    return Baris(nomor, nilai, riwayat)
