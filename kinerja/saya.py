"""kinerja's card on the employee's own page (/saya/, pegawai.saya): the SKP of the open
period and what the employee has to do with it (fill in the realisation before the rating)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.models import Skp
from pegawai.models import Pegawai
from pegawai.saya import Kartu


def skp_terbuka(pegawai: Pegawai) -> Skp | None:
    """Return the employee's SKP of the newest open period, with `baris` (plan rows) and
    `kosong` (rows without a realisation): one query."""
    return (
        Skp.objects.filter(pegawai=pegawai, periode__terbuka=True)
        .select_related("periode")
        .annotate(
            baris=Count("rencana"),
            kosong=Count("rencana", filter=Q(rencana__realisasi="")),
        )
        .order_by("-periode__tahun", "periode__triwulan")
        .first()
    )


def kartu_skp(pegawai: Pegawai) -> Kartu | None:
    """Return the card of the employee's open SKP: its state, and a call to fill in the
    realisation while the SKP waits for the rating."""
    skp = skp_terbuka(pegawai)
    if skp is None:
        return None
    judul = _("SKP %(periode)s") % {"periode": skp.periode}
    kartu = {"url": reverse("kinerja:skp_detail", args=[skp.pk]), "label_url": _("Lihat SKP")}
    if skp.status == Skp.Status.DIRENCANAKAN and skp.kosong:
        kartu.update(label_url=_("Isi realisasi"), perlu_tindakan=True)
        angka = _("%(n)s dari %(m)s") % {"n": skp.kosong, "m": skp.baris}
        teks = _(
            "baris rencana belum ada realisasinya. Isi realisasi dan bukti dukung sebelum "
            "pejabat penilai menilai."
        )
    elif skp.status == Skp.Status.DRAFT:
        angka = skp.get_status_display()
        teks = _("Rencana hasil kerja belum ditetapkan pejabat penilai.")
    elif skp.status == Skp.Status.DIRENCANAKAN:
        angka, teks = _("Realisasi lengkap"), _("Menunggu penilaian pejabat penilai.")
    elif skp.status == Skp.Status.DIEVALUASI:
        angka, teks = skp.predikat, _("Sudah dinilai; menunggu finalisasi.")
    else:
        angka, teks = skp.predikat, _("SKP final. Baca catatan pejabat penilai.")
    return Kartu(judul, angka, teks, **kartu)
