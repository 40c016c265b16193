"""jabatan's cards on the employee's own page (/saya/, pegawai.saya): the JP of the year, read
from pelatihan (jabatan sits above it and assembles the employee's chances, which rest on it)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pegawai.models import Pegawai
from pegawai.saya import Kartu
from pelatihan import rules
from pelatihan.selectors import jp_per_tahun


def kartu_jp(pegawai: Pegawai) -> Kartu | None:
    """Return the card of the employee's JP this year against their rule: at least 20 JP for a
    PNS (PP 11/2017 Pasal 203 ayat (4)), at most 24 JP for a PPPK (PP 49/2018 Pasal 40). Two
    queries."""
    if pegawai.status not in (Pegawai.Status.PNS, Pegawai.Status.PPPK):
        return None
    tahun = timezone.localdate().year
    jp = jp_per_tahun([pegawai.pk], tahun, tahun).get(pegawai.pk, {}).get(tahun, 0)
    s = rules.status_jp(pegawai.status, jp)
    judul = _("JP tahun %(tahun)s") % {"tahun": tahun}
    url, label = reverse("pelatihan:saya"), _("Pelatihan saya")
    angka = _("%(jp)s JP") % {"jp": jp}
    if pegawai.status == Pegawai.Status.PNS:
        if s.kurang:
            teks = _("Kurang %(k)s JP dari %(n)s JP setahun (PP 11/2017 Pasal 203 ayat (4)).") % {
                "k": s.kurang,
                "n": rules.JP_MINIMAL_PNS,
            }
            return Kartu(judul, angka, teks, url, label, perlu_tindakan=True)
        return Kartu(judul, angka, _("Sudah memenuhi 20 JP setahun."), url, label)
    sisa = rules.sisa_jatah_pppk(jp)
    teks = _("Sisa jatah %(sisa)s JP dari %(n)s JP setahun untuk PPPK (PP 49/2018 Pasal 40).") % {
        "sisa": sisa,
        "n": rules.JP_MAKSIMAL_PPPK,
    }
    return Kartu(judul, angka, teks, url, label)


def kartu_peluang(pegawai: Pegawai) -> Kartu:
    """Return the card that leads to the employee's chances for vacant posts."""
    return Kartu(
        _("Peluang jabatan"),
        "",
        _("Formasi lowong dan apakah Anda memenuhi syaratnya: kualifikasi, kinerja, kompetensi."),
        reverse("jabatan:peluang"),
        _("Lihat peluang saya"),
    )
