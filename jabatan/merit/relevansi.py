"""Relevance to the post: does the field of study fit, and how much experience is related.

UU 20/2023 Pasal 27 and PP 11/2017 Pasal 107 ask that a post be filled by competence and
qualification fitting it, and that related experience count (docs/aturan.md §5 and §6);
the seed's first example: an employee with a health education is placed in the health office.

- The field of study fits exactly (`SESUAI`) when it is one the position accepts or, when the
  position names none, one of the fields of the government affair (urusan pemerintahan, UU
  23/2014) of the post's unit; it is of the same family (`SERUMPUN`, the rumpun of Permendikbud
  154/2014) when its family is one of those fields' families or of the affair's own families;
  any other field, or none recorded, is `LAIN`. When neither the position nor an affair names a
  field, the fit is not determined (`TIDAK_DITENTUKAN`) and scores as an exact fit, so nobody
  is marked down for data HR has not entered.
- The qualification component is the fit's base (80, 60, 20) plus 10 per education level above
  the position's minimum, at most 100 [practice, documented in README: a fitting S1 for an S1
  post is 80, a fitting S2 90, an unrelated S2 30].
- Experience in definitive posts in units of the post's affair is related experience: it counts
  three times as much as other post experience (jabatan.merit.skor.nilai_pengalaman).
"""

from __future__ import annotations

from datetime import date

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from jabatan.merit.base import Kandidat, Syarat, tahun_dari_hari

SESUAI = "SESUAI"
SERUMPUN = "SERUMPUN"
LAIN = "LAIN"
TIDAK_DITENTUKAN = "TIDAK_DITENTUKAN"

# The qualification component's base per fit; 10 points per level above the minimum.
DASAR_KUALIFIKASI = {SESUAI: 80, TIDAK_DITENTUKAN: 80, SERUMPUN: 60, LAIN: 20}
PER_JENJANG = 10


def kecocokan(k: Kandidat, s: Syarat) -> str:
    """How the candidate's field of study fits the post: SESUAI, SERUMPUN, LAIN or
    TIDAK_DITENTUKAN (the post names no field)."""
    if not s.sumber_relevansi:
        return TIDAK_DITENTUKAN
    if k.bidang_studi is not None and k.bidang_studi in s.bidang_sesuai:
        return SESUAI
    if k.bidang_studi is not None and k.bidang_studi in s.bidang_serumpun:
        return SERUMPUN
    return LAIN


def hari_terkait(k: Kandidat, s: Syarat, pada: date) -> int:
    """Days of definitive posts in units of the post's government affair up to `pada`."""
    if s.urusan is None:
        return 0
    hari = k.pengalaman_urusan_hari.get(s.urusan, 0)
    if k.urusan_kini == s.urusan and k.jabatan_kini_mulai is not None:
        hari += max(0, (pada - k.jabatan_kini_mulai).days)
    return hari


def keterangan(k: Kandidat, s: Syarat, pada: date) -> list[str]:
    """The fit of field of study and the related experience, in words for the breakdown."""
    cocok = kecocokan(k, s)
    nama = s.nama_bidang.get(k.bidang_studi) if k.bidang_studi is not None else None
    bidang = nama or _("Bidang studi tidak tercatat")
    if s.sumber_relevansi == "jabatan":
        dasar = _("bidang studi yang diterima jabatan")
    else:
        dasar = _("urusan %(u)s") % {"u": s.nama_urusan}
    # Only the fit's own sentence is translated: this runs for every row a ranking shows.
    if cocok == SESUAI:
        teks = _("%(b)s — sesuai (%(d)s)")
    elif cocok == SERUMPUN:
        teks = _("%(b)s — serumpun (%(d)s)")
    elif cocok == LAIN:
        teks = _("%(b)s — tidak serumpun (%(d)s)")
    else:
        teks = _(
            "%(b)s — kesesuaian tidak ditentukan (jabatan dan urusannya belum "
            "menyebut bidang studi)"
        )
    hasil = [teks % {"b": bidang, "d": dasar}]
    if s.urusan is not None:
        hari = hari_terkait(k, s, pada)
        hasil.append(
            _("Pengalaman di unit urusan %(u)s: %(t)s tahun — terkait")
            % {"u": s.nama_urusan, "t": number_format(tahun_dari_hari(hari), 2)}
            if hari
            else _("Belum pernah menjabat di unit urusan %(u)s") % {"u": s.nama_urusan}
        )
    return hasil
