"""survei's card on the employee's own page (/saya/, pegawai.saya): while a period of the
employees' survey is open, whether they have answered, with the way to the form."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pegawai.models import Pegawai
from pegawai.saya import Kartu
from survei.pegawai.services import periode_terbuka, sudah_mengisi


def kartu_survei_pegawai(pegawai: Pegawai) -> Kartu | None:
    """Return the survey's card while a period is open (two queries), else nothing."""
    periode = periode_terbuka()
    if periode is None:
        return None
    judul = _("Survei kepuasan dan keterikatan pegawai %(tahun)s") % {"tahun": periode.tahun}
    if sudah_mengisi(periode=periode, pegawai_id=pegawai.pk):
        return Kartu(judul, _("Sudah mengisi"), _("Terima kasih. Jawaban Anda anonim."))
    return Kartu(
        judul,
        _("Belum mengisi"),
        _("Ditutup %(tanggal)s. Jawaban Anda anonim: tidak tersimpan bersama nama Anda.")
        % {"tanggal": date_format(periode.ditutup, "j F Y")},
        url=reverse("survei_pegawai:isi"),
        label_url=_("Isi survei"),
        perlu_tindakan=True,
    )
