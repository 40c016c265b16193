"""The Atom feed of new decisions and open-selection announcements (RFC 4287).

- atom:author once at feed level (§4.1.1: a feed MUST have one unless every entry has one):
  the data producer, settings.DATA_TERBUKA_PENERBIT.
- atom:id: tag URIs (RFC 4151) from SITE_URL's host and the item's own date, so an entry keeps
  its id whatever host a request named and however often the feed is rebuilt (§4.2.6).
- atom:published and atom:updated are the decision's SK date and the announcement's date
  (§4.2.9, §4.2.15), not when a row was saved; the feed's atom:updated is the latest of them.
- Every link is absolute under SITE_URL (core.alamat.absolut), never the request's Host.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from core.alamat import absolut
from pegawai.capability import PUBLIC, page
from publik.cache import halaman_publik
from publik.models import JenisPerubahan, Pengumuman, PerubahanSeleksi, Seleksi
from publik.selectors import BarisKeputusan, daftar_baris, keputusan_publik, rincian_perubahan

JUMLAH = 30


def _waktu(tanggal: dt.date) -> dt.datetime:
    """Return the start of a date in the site's time zone (WITA), as Atom's date-time needs."""
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time()))


def tag_uri(tanggal: dt.date, jalur: str) -> str:
    """Return an RFC 4151 tag URI under SITE_URL's host name, e.g.
    `tag:bkpsdm.mataramkota.go.id,2026-03-02:/transparansi/12/`."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"tag:{host},{tanggal.isoformat()}:{jalur}"


def _tanggal(item) -> dt.date:
    return item.tanggal_sk if isinstance(item, BarisKeputusan) else item.tanggal


class UmpanPublik(Feed):
    """New decisions (and, from the open selections, announcements) as an Atom feed."""

    feed_type = Atom1Feed
    title = gettext_lazy("Transparansi pengisian jabatan — Pemerintah Kota Mataram")
    subtitle = gettext_lazy("Keputusan pengisian jabatan dan pengumuman seleksi terbuka.")

    def author_name(self) -> str:
        return settings.DATA_TERBUKA_PENERBIT

    def author_link(self) -> str:
        return absolut(reverse("beranda"))

    def link(self) -> str:
        return absolut(reverse("publik:transparansi"))

    def feed_url(self) -> str:
        return absolut(reverse("publik:feed"))

    def feed_guid(self) -> str:
        # The date is when the feed first existed under this name (RFC 4151 §2.1).
        return tag_uri(dt.date(2026, 1, 1), reverse("publik:feed"))

    def items(self) -> list:
        """Return the latest decisions, announcements and selection changes, newest first (four
        queries)."""
        keputusan = daftar_baris(keputusan_publik().order_by("-tanggal_sk", "-id")[:JUMLAH])
        # Only what the public may see today: no announcement of a selection not yet opened by
        # its announcement stage, none dated in the future (PengumumanQuerySet.terbit).
        terbit = Pengumuman.objects.terbit(timezone.localdate())
        pengumuman = list(
            terbit.select_related("seleksi", "tahap").order_by("-tanggal", "-id")[:JUMLAH]
        )
        # A selection's new schedule and its cancellation, dated, once it is public.
        perubahan = list(
            PerubahanSeleksi.objects.filter(
                jenis__in=[JenisPerubahan.JADWAL, JenisPerubahan.BATAL],
                tanggal__lte=timezone.localdate(),
                seleksi__in=Seleksi.objects.terbit(timezone.localdate()),
            )
            .select_related("seleksi")
            .order_by("-tanggal", "-id")[:JUMLAH]
        )
        items = [*keputusan, *pengumuman, *perubahan]
        items.sort(key=_tanggal, reverse=True)
        return items[:JUMLAH]

    def item_title(self, item) -> str:
        if isinstance(item, PerubahanSeleksi):
            if item.jenis == JenisPerubahan.BATAL:
                return _("Dibatalkan: %(s)s") % {"s": item.seleksi}
            return _("Jadwal diubah: %(s)s") % {"s": item.seleksi}
        if isinstance(item, BarisKeputusan):
            judul = _("%(jabatan)s, %(unit)s (%(opd)s): %(nama)s") % {
                "jabatan": item.jabatan,
                "unit": item.unit,
                "opd": item.perangkat_daerah or "—",
                "nama": item.nama,
            }
            return _("[DIBATALKAN] %(j)s") % {"j": judul} if item.batal else judul
        return str(item)

    def item_description(self, item) -> str:
        if isinstance(item, PerubahanSeleksi):
            if item.jenis == JenisPerubahan.BATAL:
                return _("Dibatalkan pada %(t)s: %(a)s") % {
                    "t": item.tanggal.isoformat(),
                    "a": item.alasan,
                }
            pindah = "; ".join(
                f"{t.label}: {t.lama[0].isoformat()}–{t.lama[1].isoformat()} → "
                f"{t.baru[0].isoformat()}–{t.baru[1].isoformat()}"
                for t in rincian_perubahan(item).pindah
            )
            return _("Jadwal diubah pada %(t)s: %(a)s. %(p)s") % {
                "t": item.tanggal.isoformat(),
                "a": item.alasan,
                "p": pindah,
            }
        if isinstance(item, BarisKeputusan):
            teks = _("SK %(nomor)s tanggal %(tanggal)s, %(metode)s.") % {
                "nomor": item.nomor_sk,
                "tanggal": item.tanggal_sk.isoformat(),
                "metode": item.metode_label,
            }
            if item.peringkat:
                teks += " " + _("Peringkat merit %(p)s dari %(n)s kandidat layak.") % {
                    "p": item.peringkat,
                    "n": item.jumlah_layak if item.jumlah_layak is not None else "—",
                }
            if item.ringkasan_publik:
                teks += " " + _("Ringkasan justifikasi: %(r)s") % {"r": item.ringkasan_publik}
            for k in item.koreksi:
                teks += " " + _("Dikoreksi pada %(t)s: %(y)s.") % {
                    "t": k.pada.isoformat(),
                    "y": k.yang,
                }
            if item.batal:
                teks += " " + _("Dibatalkan pada %(t)s: %(a)s") % {
                    "t": item.dibatalkan_pada.isoformat(),
                    "a": item.alasan_pembatalan,
                }
            return teks
        return _("Diumumkan %(t)s. Yang lulus: %(n)s") % {
            "t": item.tanggal.isoformat(),
            "n": "; ".join(f"{b['formasi']}: {', '.join(b['lulus']) or '—'}" for b in item.isi),
        }

    def _jalur(self, item) -> str:
        if isinstance(item, BarisKeputusan):
            return reverse("publik:keputusan_detail", kwargs={"keputusan_id": item.id})
        if isinstance(item, PerubahanSeleksi):
            return (
                reverse("publik:seleksi_detail", args=[item.seleksi_id]) + f"#perubahan-{item.pk}"
            )
        return reverse("publik:seleksi_detail", args=[item.seleksi_id]) + f"#tahap-{item.tahap_id}"

    def item_link(self, item) -> str:
        return absolut(self._jalur(item))

    def item_guid(self, item) -> str:
        return tag_uri(_tanggal(item), self._jalur(item))

    def item_pubdate(self, item) -> dt.datetime:
        return _waktu(_tanggal(item))

    def item_updateddate(self, item) -> dt.datetime:
        """A corrected or annulled decision is updated on the day of its latest change, so
        feed readers show the entry again."""
        if isinstance(item, BarisKeputusan):
            ubah = [k.pada for k in item.koreksi]
            ubah += [item.dibatalkan_pada] if item.batal else []
            return _waktu(max([_tanggal(item), *ubah]))
        return _waktu(_tanggal(item))


umpan = page(PUBLIC)(require_safe(halaman_publik("transparansi", "seleksi")(UmpanPublik())))
