"""Evidence of the employee data itself: how complete each record's mandatory fields are
(PP 11/2017 Pasal 134 ayat (2) huruf i: an integrated information system). The helpers every
evidence module shares are in sistem_merit/bukti/ukur.py."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pegawai.pendidikan import TingkatPendidikan
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.ukur import (
    KOLOM_PEGAWAI,
    Baris,
    angka,
    asn_pada,
    bendera,
    hitung_qs,
    kolom_pegawai,
    persen,
    ya_tidak,
)

# --- kelengkapan_data ------------------------------------------------------------------------

# The fields of SIASN's main record (data utama, /work/shared/domain/SIASN.md) that our record
# may leave blank, with the test for blank and the label the rows and the text name. The other
# mandatory fields of data utama (nipBaru, nama, tglLahir, jenisKelamin, statusPegawai,
# golRuangAkhir and tmtGolAkhir, tmtCpns or the PPPK's TMT, tkPendidikanTerakhir, unorId) are
# NOT NULL or checked by the database (pegawai.Pegawai), so they are never missing.
# SD and SMP have no field of study (SIASN names the school level alone).
TANPA_BIDANG_STUDI = (TingkatPendidikan.SD, TingkatPendidikan.SMP)
KOLOM_WAJIB: tuple[tuple[str, Q, str], ...] = (
    ("tempatLahir", Q(tempat_lahir=""), _("tempat lahir")),
    (
        "pendidikanTerakhirNama",
        Q(bidang_studi__isnull=True) & ~Q(pendidikan__in=TANPA_BIDANG_STUDI),
        _("bidang studi"),
    ),
    ("masaKerja", Q(mk_golongan_tahun__isnull=True), _("masa kerja golongan")),
    ("kedudukanPnsNama", Q(kedudukan_hukum=""), _("kedudukan hukum")),
    ("email", Q(email=""), _("email")),
    ("noHp", Q(no_hp=""), _("nomor HP")),
)


def _kosong_salah_satu() -> Q:
    hasil = Q()
    for _siasn, kosong, _label in KOLOM_WAJIB:
        hasil |= kosong
    return hasil


def kelengkapan_data(tanggal: dt.date) -> Angka:
    """Count the employees (PNS and PPPK) in service on `tanggal` (asn_pada) whose record has
    every mandatory field of SIASN's data utama filled (KOLOM_WAJIB); the denominator is all
    of them. The record is the current one (no history of its fields is kept), so the figure
    is as complete as the data is now, over the employees in service then. `kurang` names the
    employees missing each field. One query.

    Evidences PP 11/2017 Pasal 134 ayat (2) huruf i (sistem informasi) and the data-quality
    criterion of the merit index (PermenPANRB 40/2018, aspect Sistem Informasi)."""
    per_kolom = {
        f"kosong_{i}": Count("pk", filter=kosong) for i, (_s, kosong, _l) in enumerate(KOLOM_WAJIB)
    }
    n = hitung_qs(asn_pada(tanggal), ~_kosong_salah_satu(), **per_kolom)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada pegawai pada tanggal ini."))
    uraian = gettext("%(n)s dari %(d)s pegawai (%(p)s%%) berdata wajib lengkap") % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
    }
    kurang = [
        gettext("%(n)s pegawai tanpa %(kolom)s") % {"n": angka(n[f"kosong_{i}"]), "kolom": label}
        for i, (_s, _k, label) in enumerate(KOLOM_WAJIB)
        if n[f"kosong_{i}"]
    ]
    return Angka(pembilang, penyebut, uraian, "; ".join(kurang))


def kelengkapan_data_baris(tanggal: dt.date) -> Baris:
    """Return every employee counted by kelengkapan_data: NIP, name, unit, the blank fields,
    complete or not."""
    kolom = [f"kosong_{i}" for i in range(len(KOLOM_WAJIB))]
    qs = (
        asn_pada(tanggal)
        .annotate(
            lengkap=bendera(~_kosong_salah_satu()),
            **{k: bendera(kosong) for k, (_s, kosong, _l) in zip(kolom, KOLOM_WAJIB, strict=True)},
        )
        .order_by("unit_kerja__nama", "nama", "nip")
        .values_list(*KOLOM_PEGAWAI, "lengkap", *kolom)
    )
    label = [str(lab) for _s, _k, lab in KOLOM_WAJIB]
    rows = [
        (
            nip,
            nama,
            unit,
            ", ".join(lab for lab, kosong in zip(label, flags, strict=True) if kosong),
            ya_tidak(lengkap),
        )
        for nip, nama, unit, lengkap, *flags in qs
    ]
    return [*kolom_pegawai(), gettext("Data yang kosong"), gettext("Data lengkap")], rows


daftar(
    Bukti(
        kode="kelengkapan_data",
        judul=_("Kelengkapan data wajib pegawai"),
        hitung=kelengkapan_data,
        baris=kelengkapan_data_baris,
        tautan="admin:pegawai_pegawai_changelist",
        sumber="PP 11/2017 Pasal 134 ayat (2) huruf i",
    )
)
