"""The history lists of a SIASN record that other apps own: rw-jabatan (past placements,
jabatan's placement service), rw-skp22 (annual SKP results, kinerja's services), rw-diklat and
rw-kursus (training taken, pelatihan's services).

Two steps, both in the dry run and the confirmed import, so the preview shows what happens:

- `periksa`, per record, while the main record is checked: dates, codes and labels, and every
  unit and position mapped (an unknown one goes to the list HR maps, impor.models, and rejects
  the record, as an unknown unit of the main record does: never created, never dropped);
- `jalankan`, per chunk of accepted records: each app's import function compares the rows with
  what the employees have (new, changed, unchanged per list, `Ringkasan.riwayat_rinci`) and,
  when applied, writes them. A row that app refuses (an overlapping placement, say) rejects the
  record with the list, row and field named.

Field names as SIASN's web services and public client code use them (docs/data.md §1);
our own template's names (`jabatanId`, `jabatanNama`) are accepted too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from impor import kolom as k
from impor.referensi import skp as skp_ref
from impor.tanggal import TanggalSalah, tanggal
from impor.validasi import Pemeta, jabatan_asing
from kinerja import rules as kinerja_rules
from pelatihan import rules as pelatihan_rules
from pelatihan.models import KelompokKompetensi

LAIN = ("rw-jabatan", "rw-skp22", "rw-diklat", "rw-kursus")
LABEL = {
    "rw-jabatan": gettext_lazy("Riwayat jabatan (penempatan)"),
    "rw-skp22": gettext_lazy("Riwayat SKP tahunan"),
    "rw-diklat": gettext_lazy("Riwayat diklat kepemimpinan"),
    "rw-kursus": gettext_lazy("Riwayat kursus/pelatihan"),
}


def _pertama(r: dict[str, str], keys: tuple[str, ...]) -> tuple[str, str]:
    for key in keys:
        if r.get(key):
            return key, r[key]
    return keys[0], ""


class _Periksa:
    """The checks of one list; `galat` collects (column, reason), `hasil` the mapped rows (each
    with its 1-based row number `n`)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.galat: list[tuple[str, str]] = []

    def salah(self, n: int, f: str, pesan: str) -> None:
        self.galat.append((f"{self.key}[{n}].{f}", str(pesan)))

    def tgl(self, n: int, r: dict[str, str], f: str, wajib: bool = False) -> date | None:
        v = r.get(f, "")
        if not v:
            if wajib:
                self.salah(n, f, _("Wajib diisi."))
            return None
        try:
            return tanggal(v)
        except TanggalSalah as exc:
            self.salah(n, f, exc.pesan)
            return None


def _jabatan(
    daftar: list[dict[str, str]], peta: Pemeta, formasi: dict, *, catat: bool
) -> tuple[list[dict], list[tuple[str, str]]]:
    p = _Periksa("rw-jabatan")
    hasil = []
    for n, r in enumerate(daftar, start=1):
        tmt = p.tgl(n, r, "tmtJabatan", wajib=True)
        tgl_sk = p.tgl(n, r, "tanggalSk")
        unor, unor_nama = r.get("unorId", ""), r.get("unorNama", "")
        unit = None
        if not unor:
            p.salah(n, "unorId", _("Unit (unorId) wajib diisi."))
        else:
            unit = peta.cari_unit(unor, unor_nama) if catat else peta.unit.get(unor)
            if unit is None:
                p.salah(
                    n,
                    "unorId",
                    _("Unit SIASN %(k)s (%(n)s) belum dipetakan ke unit kerja kita.")
                    % {"k": unor, "n": unor_nama},
                )
        kolom, jab_id, jab_nama = k.jabatan_siasn(r)
        jabatan = None
        if not (jab_id or jab_nama):
            p.salah(n, kolom, _("Jabatan wajib diisi (id atau nama jabatan)."))
        else:
            jabatan = (
                peta.cari_jabatan(jab_id, jab_nama)
                if catat
                else peta.jabatan.get(jab_id or jab_nama)
            )
            if jabatan is None:
                p.salah(n, kolom if jab_id else "namaJabatan", jabatan_asing(jab_nama))
        fid = formasi.get((jabatan, unit)) if jabatan and unit else None
        if jabatan and unit and fid is None:
            p.salah(
                n,
                kolom,
                _("Tidak ada formasi jabatan ini di unit tersebut: buat formasinya dulu."),
            )
        if tmt and any(h["tmt_mulai"] == tmt for h in hasil):
            p.salah(n, "tmtJabatan", _("Dua jabatan dengan TMT yang sama dalam riwayat."))
        hasil.append(
            {
                "n": n,
                "formasi_id": fid,
                "tmt_mulai": tmt,
                "nomor_sk": r.get("nomorSk", "")[:100],
                "tanggal_sk": tgl_sk,
                "nama": jab_nama,
            }
        )
    return hasil, p.galat


def _skp(daftar: list[dict[str, str]]) -> tuple[list[dict], list[tuple[str, str]]]:
    p = _Periksa("rw-skp22")
    hasil = []
    for n, r in enumerate(daftar, start=1):
        teks = r.get("tahun", "")
        tahun = int(teks) if teks.isdigit() else None
        if tahun is None or not 2000 <= tahun <= 2100:
            p.salah(n, "tahun", _("Tahun harus antara 2000 dan 2100."))
        elif any(h["tahun"] == tahun for h in hasil):
            p.salah(n, "tahun", _("Dua SKP untuk tahun yang sama."))
        nilai = {}
        for f, ours in (("hasilKinerja", "rating_hasil"), ("perilakuKerja", "rating_perilaku")):
            # The numeric id: "perilakuKerjaNilai" as sent, "PerilakuKerjaNilai" as some
            # clients store it (kanekescom/laravel-siasn-simpeg's rw_skp22 table).
            id_ = r.get(f"{f}Nilai") or r.get(f"{f[0].upper()}{f[1:]}Nilai", "")
            nilai[ours] = skp_ref.rating(r.get(f, ""), id_)
            if nilai[ours] is None:
                p.salah(
                    n,
                    f,
                    _('Rating "%(v)s" tidak dikenal: %(p)s (PermenPANRB 6/2022).')
                    % {"v": r.get(f, "") or id_, "p": ", ".join(kinerja_rules.RATING)},
                )
        kuadran = r.get("kuadranKinerja", "")
        if kuadran and None not in nilai.values():
            ours = kinerja_rules.predikat(nilai["rating_hasil"], nilai["rating_perilaku"])
            if skp_ref.predikat(kuadran) != ours:
                p.salah(
                    n,
                    "kuadranKinerja",
                    _(
                        'Predikat "%(v)s" tidak sesuai matriks PermenPANRB 6/2022: hasil kerja '
                        "dan perilaku kerja ini memberi predikat %(p)s."
                    )
                    % {"v": kuadran, "p": ours},
                )
        hasil.append({"n": n, "tahun": tahun, **nilai})
    return hasil, p.galat


def _pelatihan(key: str, daftar: list[dict[str, str]]) -> tuple[list[dict], list[tuple[str, str]]]:
    """rw-diklat (SIASN's latihan struktural: leadership training) or rw-kursus (courses and
    technical training)."""
    p = _Periksa(key)
    diklat = key == "rw-diklat"
    f_nama = ("latihanStrukturalNama", "namaDiklat", "nama") if diklat else ("namaKursus", "nama")
    f_mulai = "tanggal" if diklat else "tanggalKursus"
    f_selesai = "tanggalSelesai" if diklat else "tanggalSelesaiKursus"
    f_nomor = ("nomor", "nomorSertifikat") if diklat else ("nomorSertipikat", "nomorSertifikat")
    hari_ini = timezone.localdate()
    hasil = []
    for n, r in enumerate(daftar, start=1):
        kolom, nama = _pertama(r, f_nama)
        if not nama:
            p.salah(n, kolom, _("Nama pelatihan wajib diisi."))
        elif len(nama) > 200:
            p.salah(n, kolom, _("Terlalu panjang: paling banyak %(n)d karakter.") % {"n": 200})
        mulai = p.tgl(n, r, f_mulai, wajib=True)
        selesai = p.tgl(n, r, f_selesai) or mulai
        if mulai and selesai and selesai < mulai:
            p.salah(n, f_selesai, _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        elif selesai and selesai > hari_ini:
            p.salah(n, f_selesai, _("Pelatihan yang belum selesai belum dapat dicatat."))
        jam = r.get("jumlahJam", "")
        jp = int(jam) if jam.isdigit() else None
        if jp is None or not 1 <= jp <= 1000:
            p.salah(n, "jumlahJam", _("Jumlah JP harus bilangan bulat 1 sampai 1.000."))
        wajib = pelatihan_rules.kepemimpinan_dari_nama(nama) if diklat else None
        if (
            nama
            and mulai
            and any(
                h["nama"].casefold() == nama.casefold() and h["tanggal_mulai"] == mulai
                for h in hasil
            )
        ):
            p.salah(n, kolom, _("Pelatihan ganda dalam berkas: nama dan tanggal mulai sama."))
        hasil.append(
            {
                "n": n,
                "nama": " ".join(nama.split()),
                "penyelenggara": r.get("institusiPenyelenggara", "")[:150] or "-",
                # Leadership training builds managerial competency (PermenPANRB 38/2017);
                # SIASN's courses are mostly technical, and carry no group of their own.
                "kelompok": KelompokKompetensi.MANAJERIAL if diklat else KelompokKompetensi.TEKNIS,
                "pelatihan_wajib": wajib or "",
                "tanggal_mulai": mulai,
                "tanggal_selesai": selesai,
                "jumlah_jp": jp,
                "nomor_sertifikat": _pertama(r, f_nomor)[1][:100],
            }
        )
    return hasil, p.galat


def _baca(
    riwayat: dict[str, list[dict[str, str]]], peta: Pemeta, formasi: dict, *, catat: bool
) -> tuple[dict[str, list[dict]], list[tuple[str, str]]]:
    hasil: dict[str, list[dict]] = {}
    galat: list[tuple[str, str]] = []
    for key in LAIN:
        daftar = riwayat.get(key) or []
        if not daftar:
            continue
        if key == "rw-jabatan":
            rows, g = _jabatan(daftar, peta, formasi, catat=catat)
        elif key == "rw-skp22":
            rows, g = _skp(daftar)
        else:
            rows, g = _pelatihan(key, daftar)
        hasil[key] = rows
        galat += g
    return hasil, galat


def periksa(
    riwayat: dict[str, list[dict[str, str]]], peta: Pemeta, formasi: dict
) -> list[tuple[str, str]]:
    """Return the faults (column `list[n].field`, reason) of a record's history lists; unknown
    units and positions are collected on `peta` for HR to map."""
    if not riwayat or not any(riwayat.get(key) for key in LAIN):
        return []
    return _baca(riwayat, peta, formasi, catat=True)[1]


def jalankan(
    r,
    rows: list,
    ids: dict[str, int],
    peta: Pemeta,
    formasi: dict,
    *,
    terapkan: bool,
    oleh,
    tolak: Callable[[object, str, str, str], None],
) -> None:
    """Compare (and with `terapkan`, write) the history lists of the accepted records `rows`
    ((nip, Baris) pairs) through each app's import function; add the counts to
    `r.riwayat_rinci` and reject, through `tolak(baris, nip, column, reason)`, what an app
    refuses. `ids` maps the NIPs to our employees (those not yet created are missing)."""
    from jabatan.models import Penempatan
    from jabatan.services import penempatan_riwayat_import
    from kinerja.services.impor import skp_import
    from pelatihan.services.impor import eksternal_import

    per_jenis: dict[str, list[tuple[dict, str, object]]] = defaultdict(list)
    kini_tmt: dict[int, date] = {}
    bacaan = []
    for nip, baris in rows:
        if any(baris.riwayat.get(key) for key in LAIN):
            bacaan.append((nip, baris, _baca(baris.riwayat, peta, formasi, catat=False)[0]))
    if not bacaan:
        return
    if any("rw-jabatan" in b for _n, _b, b in bacaan):
        kini_tmt = dict(
            Penempatan.objects.aktif()
            .definitif()
            .filter(pegawai_id__in=[ids[n] for n, _b, _r in bacaan if n in ids])
            .values_list("pegawai_id", "tmt_mulai")
        )
    rinci = r.riwayat_rinci
    for nip, baris, bacaan_ in bacaan:
        pid = ids.get(nip)
        for key, daftar in bacaan_.items():
            if key == "rw-jabatan":
                daftar = _jabatan_berakhir(daftar, baris, kini_tmt.get(pid), rinci)
            for d in daftar:
                per_jenis[key].append(({**d, "pegawai_id": pid}, nip, baris))
    layanan = {
        "rw-jabatan": lambda b: penempatan_riwayat_import(baris=b, terapkan=terapkan),
        "rw-skp22": lambda b: skp_import(baris=b, oleh=oleh, terapkan=terapkan),
        "rw-diklat": lambda b: eksternal_import(baris=b, oleh=oleh, terapkan=terapkan),
        "rw-kursus": lambda b: eksternal_import(baris=b, oleh=oleh, terapkan=terapkan),
    }
    for key in LAIN:
        butir = per_jenis.get(key)
        if not butir:
            continue
        try:
            h = layanan[key]([d for d, _n, _b in butir])
        except ValueError:
            # Only a confirmed import by an HR officer records verified training or revises
            # a final SKP (the command line: --oleh).
            pesan = _(
                "Riwayat ini dicatat atas nama petugas BKPSDM yang menerapkan impor: terapkan "
                "dari halaman impor, atau dari baris perintah dengan --oleh."
            )
            for baris_, nip in {id(b): (b, n) for _d, n, b in butir}.values():
                tolak(baris_, nip, key, pesan)
            continue
        c = rinci.setdefault(key, {"baru": 0, "ubah": 0, "sama": 0, "kini": 0})
        c["baru"] += h.baru
        c["ubah"] += h.ubah
        c["sama"] += h.sama
        for i, f, pesan in h.galat:
            d, nip, baris = butir[i]
            tolak(baris, nip, f"{key}[{d['n']}].{_KOLOM.get(f, f)}", pesan)


# Our field -> the SIASN field a refusal is reported under.
_KOLOM = {"tmt_mulai": "tmtJabatan", "nama": "nama"}


def _jabatan_berakhir(daftar: list[dict], baris, kini_kita: date | None, rinci: dict) -> list[dict]:
    """The ended placements of a position history: each row ends the day before the next one's
    TMT, the last the day before the current position's (the main record's tmtJabatan, else
    our open definitive placement). The current position itself (a row from that TMT on, or the
    latest row when none is known) is written from the main record, not here: counted as
    `kini`."""
    try:
        kini = tanggal(baris.nilai.get("tmtJabatan", "")) if baris.nilai.get("tmtJabatan") else None
    except TanggalSalah:
        kini = None
    kini = kini or kini_kita
    urut = sorted(daftar, key=lambda d: d["tmt_mulai"])
    c = rinci.setdefault("rw-jabatan", {"baru": 0, "ubah": 0, "sama": 0, "kini": 0})
    if kini is None:
        c["kini"] += 1
        urut, kini = urut[:-1], urut[-1]["tmt_mulai"]
    selesai = [d for d in urut if d["tmt_mulai"] < kini]
    c["kini"] += len(urut) - len(selesai)
    batas = [d["tmt_mulai"] for d in selesai[1:]] + [kini]
    return [
        {**d, "tmt_selesai": b - timedelta(days=1)} for d, b in zip(selesai, batas, strict=True)
    ]


def riwayat_tampil(rinci: dict[str, dict[str, int]]) -> list[tuple[str, str, dict[str, int]]]:
    """The preview's rows: (list, its label, counts), in the lists' order."""
    return [(key, str(LABEL[key]), rinci[key]) for key in LAIN if key in rinci]
