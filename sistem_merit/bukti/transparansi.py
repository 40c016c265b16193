"""Evidence of the public transparency of filling posts: decisions published with a public
summary of their reasons.

The figure chosen: of the placement decisions signed in the 12 months up to `tanggal` and in
force on it, those published with HR's public summary of the justification
(`Keputusan.ringkasan_publik`). Every decision is on the public transparency page, feed and open
data from the moment it is recorded (publik.selectors.keputusan_publik, annulled ones marked);
what HR may leave out is the public reason, in which case the public reads only a fixed sentence
that a written justification exists. So the share with a summary is what tells a transparent
practice from a bare list. The open selections' announcements are publik's data, which this
app does not read (docs/desain.md, dependency rule); the JPT posts filled by an announced open
selection are `seleksi_terbuka_jpt` (sistem_merit.bukti.karier).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.karier import baris_keputusan, keputusan_pada
from sistem_merit.bukti.ukur import Baris, angka, hitung_qs, uraian_angka

# A summary of blanks is no summary.
BERRINGKASAN = Q(GreaterThan(Length(Trim("ringkasan_publik")), 0))


def transparansi_publik(tanggal: date) -> Angka:
    """Count the placement decisions (jabatan Keputusan) signed in the 12 months up to
    `tanggal` and in force on it that are published with a public summary of their reasons
    (`ringkasan_publik`, not blank).

    Denominator: those decisions, every method and kind of post. The summary read is the
    current one (a correction after `tanggal` that added it counts; corrections are rare and
    kept in KoreksiKeputusan). Evidences PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf c
    (selection and promotion done openly) and PermenPANRB 15/2019 (results announced). One
    query."""
    n = hitung_qs(keputusan_pada(tanggal), BERRINGKASAN)
    ya, total = n["pembilang"], n["penyebut"]
    tanpa = total - ya
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s keputusan pengisian jabatan diumumkan tanpa ringkasan alasan untuk publik",
            "%(n)s keputusan pengisian jabatan diumumkan tanpa ringkasan alasan untuk publik",
            tanpa,
        ) % {"n": angka(tanpa)}
    return Angka(
        ya,
        total,
        uraian_angka(
            gettext(
                "%(p)s dari %(n)s keputusan pengisian jabatan diumumkan dengan ringkasan alasan"
            ),
            ya,
            total,
        ),
        kurang,
    )


def transparansi_publik_baris(tanggal: date) -> Baris:
    """Return the decisions counted, each with whether it has a public summary."""
    return baris_keputusan(
        keputusan_pada(tanggal), gettext("Ringkasan alasan untuk publik"), BERRINGKASAN
    )


daftar(
    Bukti(
        kode="transparansi_publik",
        judul=_("Keputusan pengisian jabatan yang diumumkan dengan alasannya"),
        hitung=transparansi_publik,
        baris=transparansi_publik_baris,
        tautan="admin:jabatan_keputusan_changelist",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf c; PermenPANRB 15/2019",
    )
)
