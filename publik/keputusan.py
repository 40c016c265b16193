"""The recorder jabatan's decision service calls for a decision by "Seleksi terbuka"
(registered in jabatan.asal_seleksi from PublikConfig.ready()): it names the selections a
decision on a post may come from, and links a decision to its selection's applicant row."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jabatan.models import Formasi, Keputusan
from publik.models import KeputusanSeleksi, Pelamar, Seleksi


def seleksi_asal(formasi: Formasi) -> QuerySet[Seleksi]:
    """Return the selections a decision on this post may come from: those that include it and
    are past their announcement (published, PermenPANRB 15/2019) or finished."""
    terbit = Seleksi.objects.terbit(timezone.localdate()).values("pk")
    return (
        Seleksi.objects.filter(formasi=formasi)
        .filter(Q(selesai=True) | Q(pk__in=terbit))
        .distinct()
        .order_by("-created_at")
    )


class AsalSeleksiPublik:
    def pilihan(self, formasi: Formasi) -> list[tuple[int, str]]:
        return [
            (s.pk, self.label_seleksi(s))
            for s in seleksi_asal(formasi).only("id", "judul", "nomor_pengumuman")
        ]

    def label(self, seleksi_id: int) -> str:
        s = Seleksi.objects.filter(pk=seleksi_id).only("judul", "nomor_pengumuman").first()
        return self.label_seleksi(s) if s else ""

    def asal(self, keputusan: Keputusan) -> str:
        link = (
            KeputusanSeleksi.objects.filter(keputusan=keputusan)
            .select_related("pelamar__seleksi")
            .first()
        )
        return self.label_seleksi(link.pelamar.seleksi) if link else ""

    @staticmethod
    def label_seleksi(s: Seleksi) -> str:
        return f"{s.nomor_pengumuman} — {s.judul}"

    def catat(self, *, keputusan: Keputusan, seleksi_id: int) -> None:
        """Link the decision to the appointee's application in the selection, or refuse."""
        if not seleksi_asal(keputusan.formasi).filter(pk=seleksi_id).exists():
            raise ValidationError(
                {
                    "seleksi": _(
                        "Seleksi itu tidak memuat formasi ini, atau belum diumumkan dan belum "
                        "selesai."
                    )
                }
            )
        pelamar = Pelamar.objects.filter(
            seleksi_id=seleksi_id, formasi_id=keputusan.formasi_id, pegawai_id=keputusan.pegawai_id
        ).first()
        if pelamar is None:
            raise ValidationError(
                {
                    "seleksi": _("%(n)s tidak melamar formasi ini pada seleksi itu.")
                    % {"n": keputusan.pegawai.nama}
                }
            )
        KeputusanSeleksi.objects.create(keputusan=keputusan, pelamar=pelamar)
