"""One row of an import checked and mapped onto our fields, each fault with its column.

The NIP rules are pegawai's (pegawai.nip, and Pegawai.clean for the birth date, gender, TMT CPNS
and rank agreeing with status); dates are impor.tanggal's, SIASN's reference values
impor.referensi's. A blank cell means "not given": it leaves our value alone (SIASN often lacks a
field we have). A NUL character (which PostgreSQL cannot store in text) rejects the row with the
column named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.base import ModelState
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from impor import kolom as k
from impor.referensi.golongan import golongan
from impor.referensi.kedudukan import kedudukan
from impor.referensi.pendidikan import pendidikan
from impor.tanggal import TanggalSalah, tanggal
from pegawai.models import Pegawai
from pegawai.nip import normalize_nip, parse_ni_pppk, parse_nip

# Our field -> the column its faults are reported under.
KOLOM_FIELD = {
    "nip": "nipBaru",
    "nama": "nama",
    "gelar_depan": "gelarDepan",
    "gelar_belakang": "gelarBelakang",
    "tempat_lahir": "tempatLahir",
    "tanggal_lahir": "tglLahir",
    "jenis_kelamin": "jenisKelamin",
    "status": "statusPegawai",
    "kedudukan": "kedudukanPnsNama",
    "kedudukan_hukum": "kedudukanPnsId",
    "tmt_cpns": "tmtCpns",
    "tmt_pppk": "tmtCpns",
    "tmt_pns": "tmtPns",
    "golongan": "golRuangAkhir",
    "tmt_golongan": "tmtGolAkhir",
    "mk_golongan_tahun": "mkTahun",
    "mk_golongan_bulan": "mkBulan",
    "pendidikan": "tkPendidikanTerakhir",
    "unit_kerja": "unorId",
    "tmt_berhenti": "tmtBerhenti",
    "email": "email",
    "no_hp": "noHp",
}
NUL = gettext_lazy(
    "Nilai memuat karakter NUL (\\u0000), yang tidak dapat disimpan: hapus karakter itu."
)
PANJANG = {"nama": 150, "gelar_depan": 40, "gelar_belakang": 80, "tempat_lahir": 80, "no_hp": 20}


@dataclass
class Hasil:
    """A checked row: `data` holds the given fields (None: blank, keep ours)."""

    nip: str
    data: dict[str, object] = field(default_factory=dict)
    unit_kerja_id: int | None = None
    jabatan_id: int | None = None
    tmt_jabatan: date | None = None
    tmt_pensiun: date | None = None  # SIASN's, only compared with ours (impor.proses)
    galat: list[tuple[str, str]] = field(default_factory=list)  # (column, reason)

    def salah(self, kolom: str, pesan: str) -> None:
        self.galat.append((kolom, str(pesan)))


class Pemeta:
    """Units and positions of SIASN onto ours: HR's saved mappings first, then our own codes
    (an export of ours carries them), never a guess; the unknown are collected for HR."""

    def __init__(self, unit: dict[str, int], jabatan: dict[str, int]) -> None:
        self.unit = unit
        self.jabatan = jabatan
        self.unit_asing: dict[str, list] = {}
        self.jabatan_asing: dict[str, list] = {}

    def cari_unit(self, kode: str, nama: str) -> int | None:
        if kode in self.unit:
            return self.unit[kode]
        catat = self.unit_asing.setdefault(kode, [nama, 0])
        catat[1] += 1
        return None

    def cari_jabatan(self, kode: str, nama: str) -> int | None:
        key = kode or nama
        if key in self.jabatan:
            return self.jabatan[key]
        catat = self.jabatan_asing.setdefault(key, [nama, 0])
        catat[1] += 1
        return None


def periksa(nilai: dict[str, str], pemeta: Pemeta) -> Hasil:
    """Check and map one row's values (column -> text)."""
    nip = normalize_nip(nilai.get("nipBaru", ""))
    h = Hasil(nip=nip)
    d = h.data
    if "\x00" in "".join(nilai.values()):
        for kolom, v in nilai.items():
            if "\x00" in v:
                h.salah(kolom, NUL)
        nilai = {kolom: v.replace("\x00", "") for kolom, v in nilai.items()}
    ked_id, ked_nama = nilai.get("kedudukanPnsId", ""), nilai.get("kedudukanPnsNama", "")
    ked = kedudukan(ked_id, ked_nama) if ked_id or ked_nama else None  # blank: keep ours
    # Status first: it decides how the NIP reads. SIASN's export writes one letter (P, C) and
    # tells a PPPK by the kedudukan hukum (PPPK Aktif).
    status_teks = nilai.get("statusPegawai", "")
    status = k.STATUS.get(status_teks.strip().lower())
    if ked is not None and ked.pppk and len(status_teks.strip()) <= 1:
        status = "PPPK"
    elif ked is not None and ked.pppk and status == "PNS":
        h.salah(
            "kedudukanPnsNama",
            _('Kedudukan "%(k)s" hanya untuk PPPK, sedangkan status kepegawaiannya %(s)s.')
            % {"k": ked.nama, "s": status_teks},
        )
    if status is None:
        h.salah(
            "statusPegawai",
            _('Status kepegawaian harus PNS atau PPPK (diterima "%(v)s").') % {"v": status_teks},
        )
    d["status"] = status
    info = None
    if nip.startswith("#angka:"):
        h.salah(
            "nipBaru",
            _(
                "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; "
                "format kolom NIP sebagai teks."
            ),
        )
    elif not nip:
        h.salah("nipBaru", _("NIP wajib diisi."))
    else:
        try:
            info = parse_ni_pppk(nip) if status == "PPPK" else parse_nip(nip)
        except ValidationError as exc:
            for m in exc.messages:
                h.salah("nipBaru", m)
    d["nip"] = nip
    for kolom, f in (
        ("nama", "nama"),
        ("gelarDepan", "gelar_depan"),
        ("gelarBelakang", "gelar_belakang"),
        ("tempatLahir", "tempat_lahir"),
        ("noHp", "no_hp"),
    ):
        v = nilai.get(kolom, "")
        if len(v) > PANJANG[f]:
            h.salah(kolom, _("Terlalu panjang: paling banyak %(n)d karakter.") % {"n": PANJANG[f]})
        d[f] = v or None
    if not d["nama"]:
        h.salah("nama", _("Nama wajib diisi."))
    for kolom, f in (
        ("tglLahir", "tanggal_lahir"),
        ("tmtCpns", "tmt_cpns"),
        ("tmtPns", "tmt_pns"),
        ("tmtGolAkhir", "tmt_golongan"),
        ("tmtBerhenti", "tmt_berhenti"),
        ("tmtJabatan", "tmt_jabatan"),
        ("tmtPensiun", "tmt_pensiun"),
    ):
        v = nilai.get(kolom, "")
        if not v:
            d[f] = None
            continue
        try:
            d[f] = tanggal(v)
        except TanggalSalah as exc:
            d[f] = None
            h.salah(kolom, exc.pesan)
    h.tmt_jabatan = d.pop("tmt_jabatan")
    h.tmt_pensiun = d.pop("tmt_pensiun")
    if status == "PPPK":
        d["tmt_pppk"] = d.pop("tmt_cpns")
        d["tmt_cpns"] = None
    else:
        d["tmt_pppk"] = None
    if not d["tmt_golongan"] and nilai.get("tmtGolAkhir", "") == "":
        h.salah("tmtGolAkhir", _("TMT golongan wajib diisi."))
    jk_teks = nilai.get("jenisKelamin", "")
    d["jenis_kelamin"] = k.JENIS_KELAMIN.get(jk_teks.strip().lower()) if jk_teks else None
    if jk_teks and d["jenis_kelamin"] is None:
        h.salah(
            "jenisKelamin", _('Jenis kelamin harus L atau P (diterima "%(v)s").') % {"v": jk_teks}
        )
    if info is not None:
        # The NIP encodes the birth date and gender: a blank cell takes them from it.
        d["tanggal_lahir"] = d["tanggal_lahir"] or info.birth_date
        d["jenis_kelamin"] = d["jenis_kelamin"] or info.gender
    gol_id, gol_nama = nilai.get("golRuangAkhirId", ""), nilai.get("golRuangAkhir", "")
    d["golongan"] = golongan(gol_id, gol_nama)
    if d["golongan"] is None:
        h.salah(
            "golRuangAkhirId" if gol_id else "golRuangAkhir",
            _('Golongan "%(v)s" tidak dikenal.') % {"v": gol_id or gol_nama}
            if (gol_id or gol_nama)
            else _("Golongan wajib diisi."),
        )
    _masa_kerja(nilai, h)
    pend_id, pend_nama = (
        nilai.get("tkPendidikanTerakhirId", ""),
        nilai.get("tkPendidikanTerakhir", ""),
    )
    d["pendidikan"] = pendidikan(pend_id, pend_nama)
    if d["pendidikan"] is None:
        h.salah(
            "tkPendidikanTerakhirId" if pend_id else "tkPendidikanTerakhir",
            _('Tingkat pendidikan "%(v)s" tidak dikenal.') % {"v": pend_id or pend_nama}
            if (pend_id or pend_nama)
            else _("Tingkat pendidikan wajib diisi."),
        )
    d["kedudukan"] = ked.kedudukan if ked else None
    # SIASN's kedudukan hukum is kept (pegawai.kedudukan_hukum); a label alone that is also one
    # of our own kedudukan ("Aktif", "Pensiun": our export writes them) means only that, blank.
    polos = not ked_id and ked_nama.strip().lower() in _KEDUDUKAN_KITA
    d["kedudukan_hukum"] = None if ked is None else ("" if polos else ked.id)
    menurut_nama = kedudukan("", ked_nama) if ked_id and ked_nama else None
    if ked is not None and menurut_nama is not None and menurut_nama != ked:
        # The id wins when both are sent; a record whose two disagree is refused, not guessed.
        h.salah(
            "kedudukanPnsNama",
            _('Kedudukan hukum id %(i)s ("%(a)s") tidak sesuai dengan namanya "%(n)s".')
            % {"i": ked_id, "a": ked.nama, "n": ked_nama},
        )
    if ked is None and (ked_id or ked_nama):
        h.salah(
            "kedudukanPnsId" if ked_id else "kedudukanPnsNama",
            _(
                'Kedudukan hukum "%(v)s" tidak ada dalam tabel kedudukan hukum SIASN '
                "(mis. 01 Aktif, 02 CLTN, 03 Tugas Belajar, 20 Masa Persiapan Pensiun, "
                "71 PPPK Aktif, 99 Pensiun)."
            )
            % {"v": ked_id or ked_nama},
        )
    email = nilai.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            h.salah("email", _('Alamat email "%(v)s" tidak sah.') % {"v": email})
    d["email"] = email or None
    unor = nilai.get("unorId", "")
    if not unor:
        h.salah("unorId", _("Unit (unorId) wajib diisi."))
    else:
        h.unit_kerja_id = pemeta.cari_unit(unor, nilai.get("unorNama", ""))
        if h.unit_kerja_id is None:
            h.salah(
                "unorId",
                _("Unit SIASN %(k)s (%(n)s) belum dipetakan ke unit kerja kita.")
                % {"k": unor, "n": nilai.get("unorNama", "")},
            )
    kolom, jab_id, jab_nama = k.jabatan_siasn(nilai)
    if jab_id or jab_nama:
        h.jabatan_id = pemeta.cari_jabatan(jab_id, jab_nama)
        if h.jabatan_id is None:
            h.salah(kolom if jab_id else "jabatanNama", jabatan_asing(jab_nama))
    return h


def jabatan_asing(nama: str) -> str:
    """The refusal of a position HR has not mapped yet: its name, never SIASN's key."""
    return _('Jabatan SIASN "%(n)s" belum dipetakan ke jabatan kita.') % {
        "n": nama or _("tanpa nama")
    }


def _masa_kerja(nilai: dict[str, str], h: Hasil) -> None:
    """Masa kerja golongan (mkTahun, mkBulan): whole numbers, both or neither; "" keeps ours."""
    d = h.data
    d["mk_golongan_tahun"] = d["mk_golongan_bulan"] = None
    teks = {f: nilai.get(f, "") for f in ("mkTahun", "mkBulan")}
    if not any(teks.values()):
        return
    batas = {"mkTahun": 60, "mkBulan": 11}
    angka = {}
    for f, v in teks.items():
        if not v.isdigit() or int(v) > batas[f]:
            h.salah(
                f,
                _('Masa kerja golongan "%(v)s" tidak sah: bilangan bulat 0 sampai %(n)d.')
                % {"v": v, "n": batas[f]},
            )
        else:
            angka[f] = int(v)
    if len(angka) == 2:
        d["mk_golongan_tahun"], d["mk_golongan_bulan"] = angka["mkTahun"], angka["mkBulan"]


# Pegawai.Kedudukan's codes and Indonesian labels (msgids), as our export and HR write them.
_KEDUDUKAN_KITA = {*Pegawai.Kedudukan.values, "meninggal dunia"}

_NILAI_BAWAAN = {
    "gelar_depan": "",
    "gelar_belakang": "",
    "tempat_lahir": "",
    "email": "",
    "no_hp": "",
    "kedudukan": "aktif",
    "kedudukan_hukum": "",
}


def gabung(h: Hasil, lama: dict[str, object] | None) -> dict[str, object]:
    """Return the employee's fields after the import: ours overlaid with the given ones."""
    from pegawai.impor import KOLOM_UBAH

    if lama is None:
        hasil = {
            f: (h.data.get(f) if h.data.get(f) is not None else _NILAI_BAWAAN.get(f))
            for f in KOLOM_UBAH
        }
        hasil["nip"] = h.nip
        return hasil
    hasil = dict(lama)
    for f in KOLOM_UBAH:
        v = h.data.get(f)
        if v is not None:
            hasil[f] = v
    # PNS and PPPK keep one of the two appointment dates: a change of status clears the other.
    if hasil["status"] == "PNS" and h.data.get("status") == "PNS":
        hasil["tmt_pppk"] = None
    if hasil["status"] == "PPPK" and h.data.get("status") == "PPPK":
        hasil["tmt_cpns"] = None
        hasil["tmt_pns"] = None
    if hasil.get("kedudukan") in Pegawai.KEDUDUKAN_AKTIF and h.data.get("tmt_berhenti") is None:
        hasil["tmt_berhenti"] = None
    return hasil


def periksa_model(h: Hasil, hasil: dict[str, object]) -> None:
    """Run the employee model's own rules (Pegawai.clean) on the merged fields."""
    # An instance without Model.__init__ (a tenth of the cost, which counts at 100,000 rows):
    # clean() reads plain attributes only.
    pegawai = Pegawai.__new__(Pegawai)
    pegawai._state = ModelState()
    pegawai.__dict__.update({f: v for f, v in hasil.items() if f not in ("id", "unit_kerja_id")})
    try:
        pegawai.clean()
    except ValidationError as exc:
        for f, pesan in exc.message_dict.items():
            kolom = KOLOM_FIELD.get(f, f)
            for p in pesan:
                h.salah(kolom, p)


def periksa_riwayat(riwayat: dict[str, list[dict[str, str]]]) -> list[tuple[str, str]]:
    """Check the history lists of a JSON record: their dates and codes (column: list[n].field)."""
    galat: list[tuple[str, str]] = []
    if not riwayat or not any(riwayat.values()):
        return galat
    for key, daftar in riwayat.items():
        for n, r in enumerate(daftar, start=1):
            galat += [(f"{key}[{n}].{f}", str(NUL)) for f, v in r.items() if "\x00" in v]

    def tgl(key: str, n: int, r: dict[str, str], f: str, wajib: bool = False) -> None:
        v = r.get(f, "")
        if not v:
            if wajib:
                galat.append((f"{key}[{n}].{f}", _("Wajib diisi.")))
            return
        try:
            tanggal(v)
        except TanggalSalah as exc:
            galat.append((f"{key}[{n}].{f}", exc.pesan))

    for n, g in enumerate(riwayat.get("rw-golongan", []), start=1):
        if golongan(g.get("golonganId", ""), g.get("golongan", "")) is None:
            galat.append((f"rw-golongan[{n}].golonganId", _("Golongan tidak dikenal.")))
        tgl("rw-golongan", n, g, "tmtGolongan", wajib=True)
        tgl("rw-golongan", n, g, "skTanggal")
    for n, p in enumerate(riwayat.get("rw-pendidikan", []), start=1):
        if pendidikan(p.get("tkPendidikanId", ""), p.get("tkPendidikanNama", "")) is None:
            galat.append(
                (f"rw-pendidikan[{n}].tkPendidikanId", _("Tingkat pendidikan tidak dikenal."))
            )
        tahun = p.get("tahunLulus", "")
        if not (tahun.isdigit() and 1940 <= int(tahun) <= 2100):
            galat.append(
                (f"rw-pendidikan[{n}].tahunLulus", _("Tahun lulus harus antara 1940 dan 2100."))
            )
    from pegawai.disiplin import JenisHukuman

    jenis = {str(label).lower() for _kode, label in JenisHukuman.choices} | set(JenisHukuman.values)
    for n, d in enumerate(riwayat.get("rw-hukdis", []), start=1):
        if d.get("jenisHukumanNama", "").lower() not in jenis:
            galat.append(
                (f"rw-hukdis[{n}].jenisHukumanNama", _("Jenis hukuman disiplin tidak dikenal."))
            )
        tgl("rw-hukdis", n, d, "hukumanTanggal", wajib=True)
        tgl("rw-hukdis", n, d, "skTanggal", wajib=True)
    return galat
