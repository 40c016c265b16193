"""The import template: our columns (SIASN's field names) with one example row, the instructions
(what each column takes, in which format, what is required) and the unit and position codes in
the user's scope to choose from, as drop-down lists on the data sheet's unit and position columns.

The data sheet stays the first one (the import reads the first sheet, impor.read); the workbook
opens on the instructions. The CSV template is the data sheet alone."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.export import DropDown, Sheet, sheet_range
from impor import kolom as k
from jabatan.duk import unit_terlihat
from jabatan.models import Jabatan
from pegawai import golongan as gol
from pegawai.akses import Lingkup
from pegawai.pendidikan import TingkatPendidikan

LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_UNIT = "Kode unit"
LEMBAR_JABATAN = "Kode jabatan"

_TANGGAL = gettext_lazy("dd-mm-yyyy (31-12-1985) atau sel tanggal; yyyy-mm-dd juga dibaca")


def _isi() -> dict[str, str]:
    """What each column takes; a column not named here is one of SIASN's position fields."""
    return {
        "nipBaru": _(
            "NIP 18 digit (PPPK: NI PPPK). Format kolom sebagai teks agar digit terakhir tidak "
            "hilang. Pegawai dengan NIP yang sudah ada diperbarui, yang belum ada ditambahkan."
        ),
        "nama": _("Nama tanpa gelar."),
        "gelarDepan": _("Gelar di depan nama, mis. Dr. atau Ir."),
        "gelarBelakang": _("Gelar di belakang nama, dipisah koma, mis. S.T., M.T."),
        "tempatLahir": _("Kota atau kabupaten tempat lahir."),
        "tglLahir": _("Tanggal lahir: %(f)s. Kosong: diambil dari NIP.") % {"f": _TANGGAL},
        "jenisKelamin": _("L atau P. Kosong: diambil dari NIP."),
        "statusPegawai": _("PNS atau PPPK (CPNS ditulis PNS)."),
        "kedudukanPnsNama": _(
            "Kedudukan hukum menurut SIASN, mis. Aktif, CLTN, Pensiun. Kosong: tidak diubah."
        ),
        "kedudukanPnsId": _("Id kedudukan hukum SIASN; boleh kosong bila namanya diisi."),
        "tmtCpns": _("TMT CPNS (PPPK: TMT PPPK): %(f)s.") % {"f": _TANGGAL},
        "tmtPns": _("TMT PNS: %(f)s.") % {"f": _TANGGAL},
        "golRuangAkhirId": _("Id golongan SIASN (mis. 32 untuk III/b); atau isi golRuangAkhir."),
        "golRuangAkhir": _("Golongan/ruang, mis. III/b; PPPK: I sampai XVII."),
        "tmtGolAkhir": _("TMT golongan: %(f)s. Wajib.") % {"f": _TANGGAL},
        "mkTahun": _("Masa kerja golongan, tahun (bilangan bulat); isi bersama mkBulan."),
        "mkBulan": _("Masa kerja golongan, bulan (0 sampai 11); isi bersama mkTahun."),
        "tkPendidikanTerakhirId": _(
            "Id tingkat pendidikan SIASN (mis. 40 untuk S-1); atau isi tkPendidikanTerakhir."
        ),
        "tkPendidikanTerakhir": _("Tingkat pendidikan, mis. SMA, D-III, S-1, S-2."),
        "unorId": _(
            'Kode unit kerja: pilih dari lembar "%(l)s". Id unit SIASN yang sudah dipetakan '
            "juga diterima. Wajib."
        )
        % {"l": LEMBAR_UNIT},
        "unorNama": _("Nama unit (hanya untuk dibaca; kodenya yang dipakai)."),
        "jabatanId": _(
            'Kode jabatan: pilih dari lembar "%(l)s". Id jabatan SIASN yang sudah dipetakan '
            "juga diterima. Kosong: jabatan tidak diubah."
        )
        % {"l": LEMBAR_JABATAN},
        "jabatanNama": _("Nama jabatan (hanya untuk dibaca bila kodenya diisi)."),
        "tmtJabatan": _("TMT jabatan: %(f)s.") % {"f": _TANGGAL},
        "eselon": _("Eselon menurut SIASN, mis. III.a; hanya dibandingkan."),
        "tmtBerhenti": _(
            "TMT berhenti (pensiun, meninggal dunia, diberhentikan): %(f)s. Penempatan aktifnya "
            "diakhiri sehari sebelumnya."
        )
        % {"f": _TANGGAL},
        "tmtPensiun": _("TMT pensiun menurut SIASN: %(f)s; hanya dibandingkan dengan aturan kita.")
        % {"f": _TANGGAL},
        "email": _("Alamat email dinas."),
        "noHp": _("Nomor HP, tulis sebagai teks (mis. 081234567890)."),
    }


def _wajib(kolom: str) -> str:
    if kolom in k.WAJIB:
        return _("wajib")
    for pasangan in k.SALAH_SATU:
        if kolom in pasangan:
            lain = next(p for p in pasangan if p != kolom)
            return _("wajib salah satu (atau %(k)s)") % {"k": lain}
    return _("boleh kosong")


def petunjuk() -> Sheet:
    """The instructions sheet: the rules, then one line per column."""
    isi = _isi()
    umum = [
        _("Isi satu pegawai per baris pada lembar pertama, mulai baris 2; baris 2 adalah contoh."),
        _("Jangan mengubah judul kolom pada baris 1; kolom lain yang ditambahkan diabaikan."),
        _("Sel kosong berarti tidak diubah: data yang sudah ada di aplikasi tetap."),
        _(
            "Tanggal: %(f)s. Tanggal yang tidak ada (31-02-1990) ditolak dengan nama baris dan "
            "kolomnya."
        )
        % {"f": _TANGGAL},
        _(
            'Unit dan jabatan memakai kode dari lembar "%(u)s" dan "%(j)s" (daftar pilihan pada '
            "kolom unorId dan jabatanId)."
        )
        % {"u": LEMBAR_UNIT, "j": LEMBAR_JABATAN},
        _(
            "Unggah berkas di halaman Impor data: pratinjau menampilkan pegawai baru, yang "
            "berubah dan baris yang ditolak beserta alasannya; tidak ada yang disimpan sebelum "
            "Anda menerapkannya."
        ),
    ]
    rows: list[list[object]] = [[_("Aturan"), "", t] for t in umum]
    rows.append(["", "", ""])
    rows.append([_("Kolom"), _("Wajib?"), _("Isi dan format")])
    jabatan_siasn = _(
        "Id dan nama jabatan menurut SIASN (untuk berkas dari SIASN); templat ini memakai "
        "jabatanId."
    )
    for kolom in k.KOLOM:
        label = str(k.LABEL.get(kolom, ""))
        rows.append(
            [f"{kolom} ({label})" if label else kolom, _wajib(kolom), isi.get(kolom, jabatan_siasn)]
        )
    return Sheet(
        title=LEMBAR_PETUNJUK, header=[_("Petunjuk pengisian templat impor pegawai")], rows=rows
    )


def templat(scope: Lingkup) -> dict:
    """The template's header, example row and, for XLSX, its further sheets and lists."""
    units = list(unit_terlihat(scope).order_by("kode").values_list("kode", "nama"))
    jabatans = list(
        Jabatan.objects.filter(aktif=True).order_by("kode").values_list("kode", "nama", "jenis")
    )
    jenis = dict(Jabatan._meta.get_field("jenis").flatchoices)
    unit_contoh = units[0] if units else (_("(kode unit)"), _("(nama unit)"))
    # Dates as dates: date cells in XLSX, dd-mm-yyyy in CSV (core.export); the import reads
    # both.
    contoh = {
        "nipBaru": "198503152010011002",
        "nama": "Ahmad Fauzi",
        "gelarDepan": "Dr.",
        "gelarBelakang": "S.T., M.T.",
        "tempatLahir": "Mataram",
        "tglLahir": date(1985, 3, 15),
        "jenisKelamin": "L",
        "statusPegawai": "PNS",
        "kedudukanPnsNama": "Aktif",
        "tmtCpns": date(2010, 1, 1),
        "tmtPns": date(2011, 1, 1),
        "golRuangAkhirId": "32",
        "golRuangAkhir": "III/b",
        "tmtGolAkhir": date(2018, 4, 1),
        "tkPendidikanTerakhirId": "40",
        "tkPendidikanTerakhir": "S-1",
        "unorId": unit_contoh[0],
        "unorNama": unit_contoh[1],
    }
    pilihan = [
        DropDown("statusPegawai", '"PNS,PPPK"', _("Status kepegawaian: PNS atau PPPK.")),
        DropDown("jenisKelamin", '"L,P"', _("Jenis kelamin: L atau P.")),
        DropDown(
            "golRuangAkhir",
            '"' + ",".join(kode for kode, _pangkat in gol.PNS) + '"',
            _("Golongan/ruang PNS, mis. III/b (PPPK: I sampai XVII)."),
        ),
        DropDown(
            "tkPendidikanTerakhir",
            '"' + ",".join(str(label) for label in TingkatPendidikan.labels) + '"',
            _("Tingkat pendidikan dari daftar."),
        ),
    ]
    if units:
        pilihan.append(
            DropDown(
                "unorId",
                sheet_range(LEMBAR_UNIT, len(units)),
                _(
                    'Kode unit tidak ada di lembar "%(l)s" (id SIASN yang sudah dipetakan tetap '
                    "diterima)."
                )
                % {"l": LEMBAR_UNIT},
            )
        )
    if jabatans:
        pilihan.append(
            DropDown(
                "jabatanId",
                sheet_range(LEMBAR_JABATAN, len(jabatans)),
                _(
                    'Kode jabatan tidak ada di lembar "%(l)s" (id SIASN yang sudah dipetakan tetap '
                    "diterima)."
                )
                % {"l": LEMBAR_JABATAN},
            )
        )
    return {
        "header": list(k.KOLOM),
        "rows": [[contoh.get(c, "") for c in k.KOLOM]],
        "sheets": [
            petunjuk(),
            Sheet(LEMBAR_UNIT, [_("Kode unit (unorId)"), _("Nama unit")], units),
            Sheet(
                LEMBAR_JABATAN,
                [_("Kode jabatan (jabatanId)"), _("Nama jabatan"), _("Jenis jabatan")],
                [(kode, nama, str(jenis.get(j, j))) for kode, nama, j in jabatans],
            ),
        ],
        "drop_downs": pilihan,
        "active": 1,
    }
