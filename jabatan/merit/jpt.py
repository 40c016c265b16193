"""Appointment to a JPT post from among PNS: the post one must have held, and for how long, and
the age limit (PP 11/2017 Pasal 107 as amended by PP 17/2020).

Sources, as read (each number below is checked against one of them; tests/jabatan/test_jpt.py):
- PP 17/2020 rewrote Pasal 107 in two ayat. Ayat (1) huruf c (JPT pratama), page 12
  of the PP (online.flipbuilder.com/abgzo/wiyr/files/basic-html/page12.html): "4. sedang atau
  pernah menduduki Jabatan administrator atau JF jenjang ahli madya paling singkat 2 (dua)
  tahun; ... 6. usia paling tinggi 56 (lima puluh enam) tahun"; ayat (2): "Ketentuan
  persyaratan sebagaimana dimaksud pada ayat (1) dapat dikecualikan dengan terlebih dahulu
  mendapatkan persetujuan Presiden." That is the only exception the text states.
- Huruf a (JPT utama) in PP 11/2017 as first enacted (BKPSDM Parigi Moutong,
  dirbkpsdm.parigimoutongkab.go.id/index.php/pangkat-jab/jabatan-pimpinan-tinggi/
  persyaratan-jabatan-pimpinan-tinggi): "4. sedang atau pernah menduduki JPT madya atau JF
  jenjang ahli utama paling singkat 2 (dua) tahun; ... 6. usia paling tinggi 58 (lima puluh
  delapan) tahun". The amended huruf a (page 11 of PP 17/2020) was not found in the searched
  sources; our reading is that the amendment kept these numbers.
- Huruf b (JPT madya): not found in the searched sources (the Parigi Moutong page breaks off
  before its numbers). JPT pratama or JF ahli utama for two years and 58 years are what the JPT
  madya announcements state [practice]: Sekretariat Kabinet PENG.1/ADM/3/2021
  (news-lite.ddtc.web.id), Mahkamah Agung 2025 ("paling singkat dua tahun sebagai pejabat
  pimpinan tinggi pratama atau fungsional ahli utama", dandapala.com) and Provinsi Sumatera
  Selatan 2024 (palpres.disway.id).
- UU 20/2023 (which replaced UU 5/2014) was not found to set these numbers itself; the PP is
  read as the rule in force [our reading].

The age: the PP words it "usia paling tinggi 56 (lima puluh enam) tahun" and names no day.
MenPANRB's circular 68/S.SM.99/2017 reads it as the limit "untuk mengikuti seleksi" (depoknet.com,
"Ini penegasan MenPAN-RB soal pengisian JPT Pratama") and the announcements of Sekretariat
Kabinet (2021) and BPN ("berusia setinggi-tingginya 58 tahun pada saat pendaftaran", uns.ac.id)
count it "pada saat pendaftaran": so the age counts on the day of registration (the ranking
date), in whole years — 56 years and 11 months is still 56. Where an announcement differs, or
the President approved an exception (ayat (2)), the selection's own announcement sets the age
and the years (publik.Seleksi), and the explanation names it. It cannot set the day the age
counts on: Sumatera Selatan's 2024 announcement counts 58 "pada saat pelantikan", which this
rule does not express.

The years are the days served, cumulated over every definitive post of a counting kind or
fungsional level (the position history's level: pegawai.jenis_jabatan.Jenjang), 365.25 days a
year as for the other experience rules.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from jabatan.merit.base import Alasan, Kandidat, Syarat, _usia, hari_minimal, tahun_dari_hari
from pegawai.jenis_jabatan import JenisJabatan, Jenjang


@dataclass(frozen=True)
class AturanJpt:
    """What PP 11/2017 Pasal 107 asks of a PNS for one JPT level."""

    # The position kinds (JenisJabatan) and fungsional levels (Jenjang) that count.
    jabatan: frozenset[str]
    tahun: int
    usia_maksimal: int
    pasal: str


ATURAN: dict[str, AturanJpt] = {
    JenisJabatan.JPT_UTAMA: AturanJpt(
        frozenset({JenisJabatan.JPT_MADYA, Jenjang.AHLI_UTAMA}),
        2,
        58,
        "PP 11/2017 Pasal 107 ayat (1) huruf a jo. PP 17/2020",
    ),
    JenisJabatan.JPT_MADYA: AturanJpt(
        frozenset({JenisJabatan.JPT_PRATAMA, Jenjang.AHLI_UTAMA}),
        2,
        58,
        "PP 11/2017 Pasal 107 ayat (1) huruf b jo. PP 17/2020",
    ),
    JenisJabatan.JPT_PRATAMA: AturanJpt(
        frozenset({JenisJabatan.ADMINISTRATOR, Jenjang.AHLI_MADYA}),
        2,
        56,
        "PP 11/2017 Pasal 107 ayat (1) huruf c jo. PP 17/2020",
    ),
}

# The fungsional levels some rule counts: the projection keeps their days (jabatan.indeks).
JENJANG_DIHITUNG: frozenset[str] = frozenset(
    j for a in ATURAN.values() for j in a.jabatan if j in Jenjang.values
)


def batas(s: Syarat) -> tuple[int, int]:
    """The age limit and the years in a counting post that apply to `s`: the selection's
    announcement where it sets them, else the regulation's."""
    a = ATURAN[s.jenis_jabatan]
    usia = s.usia_maksimal_jpt if s.usia_maksimal_jpt is not None else a.usia_maksimal
    tahun = s.tahun_jabatan_jpt if s.tahun_jabatan_jpt is not None else a.tahun
    return usia, tahun


def kini_dihitung(k: Kandidat, jabatan: Collection[str]) -> bool:
    """The running post is of a counting kind or, when fungsional, of a counting level."""
    if k.jabatan_kini_mulai is None or not k.jabatan_kini:
        return False
    if k.jabatan_kini == JenisJabatan.FUNGSIONAL:
        return k.jenjang_kini in jabatan
    return k.jabatan_kini in jabatan


def hari_menduduki(k: Kandidat, pada: date, jabatan: Collection[str]) -> int:
    """Days in definitive posts of the kinds or fungsional levels `jabatan` up to `pada`."""
    hari = sum(v for j, v in k.pengalaman_hari.items() if j in jabatan)
    hari += sum(v for j, v in k.pengalaman_jenjang_hari.items() if j in jabatan)
    if kini_dihitung(k, jabatan):
        hari += max(0, (pada - k.jabatan_kini_mulai).days)
    return hari


def _nama_jabatan(jabatan: Collection[str]) -> str:
    label = {**dict(JenisJabatan.choices), **dict(Jenjang.choices)}
    nama = [
        str(label[j]) if j in JenisJabatan.values else _("JF %(j)s") % {"j": label[j]}
        for j in sorted(jabatan, key=lambda j: (j in Jenjang.values, j))
    ]
    return _(" atau ").join(nama)


def _dasar(s: Syarat, a: AturanJpt, diubah: bool) -> str:
    return s.sumber_pengecualian if diubah and s.sumber_pengecualian else a.pasal


def alasan(k: Kandidat, s: Syarat, pada: date) -> list[Alasan]:
    """The JPT rules the candidate fails on `pada` (the registration day): USIA, JABATAN_JPT."""
    a = ATURAN.get(s.jenis_jabatan)
    if a is None:
        return []
    usia_maks, tahun = batas(s)
    hasil = []
    usia = _usia(k.tanggal_lahir, pada)
    if usia > usia_maks:
        hasil.append(
            Alasan(
                "USIA",
                _(
                    "Usia %(u)s tahun pada %(t)s; paling tinggi %(m)s tahun pada saat "
                    "pendaftaran (%(d)s)."
                )
                % {
                    "u": usia,
                    "t": date_format(pada, "j F Y"),
                    "m": usia_maks,
                    "d": _dasar(s, a, s.usia_maksimal_jpt is not None),
                },
            )
        )
    perlu = hari_minimal(tahun)
    punya = hari_menduduki(k, pada, a.jabatan)
    if punya < perlu:
        lulus = (
            date.fromordinal(pada.toordinal() + perlu - punya)
            if kini_dihitung(k, a.jabatan)
            else None
        )
        hasil.append(
            Alasan(
                "JABATAN_JPT",
                _(
                    "Sedang atau pernah menduduki %(j)s selama %(p)s tahun; paling singkat "
                    "%(m)s tahun (%(d)s)."
                )
                % {
                    "j": _nama_jabatan(a.jabatan),
                    "p": number_format(tahun_dari_hari(punya), 2),
                    "m": tahun,
                    "d": _dasar(s, a, s.tahun_jabatan_jpt is not None),
                },
                lulus,
            )
        )
    return hasil
