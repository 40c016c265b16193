"""Writes of the open selection (seleksi terbuka JPT, PermenPANRB 15/2019; docs/aturan.md §12).

Each function checks, writes in one transaction under the acting user (audit trail), and raises
`ValidationError` keyed by field, in Indonesian. The end of a selection goes through jabatan's
own services: `usulan_set` (three names per post to the PPK), then `keputusan_create`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from auditlog.context import set_actor
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.audit import audited
from jabatan.merit import jpt
from jabatan.models import Formasi, Usulan
from jabatan.peringkat import peringkat_formasi
from jabatan.services import usulan_set
from pegawai.capability import holds
from pegawai.models import Pegawai
from publik.cache import batalkan
from publik.models import (
    TAHAP_DINILAI,
    TAHAP_KOMPETENSI,
    URUTAN_TAHAP,
    AnggotaPanitia,
    HasilTahap,
    JenisPerubahan,
    JenisTahap,
    Pelamar,
    Pengumuman,
    PerubahanSeleksi,
    Seleksi,
    Tahap,
)
from publik.selectors import JPT, kelayakan_pelamar, persyaratan_formasi, seleksi_diumumkan

PANITIA_MIN = 5  # the committee: an odd number, at least five (PermenPANRB 15/2019)
# How long the vacancy is announced before registration closes, in calendar days from the
# announcement's first day to registration's last, both counted. PermenPANRB 15/2019 (pengisian
# JPT secara terbuka dan kompetitif) sets the announcement in its lampiran, but that text was not
# found in the searched sources (infoasn.id quotes only its Pasal 1-3), so neither the number nor
# whether it counts hari kerja is cited here as that regulation's [our reading]. Calendar days:
# - PP 11/2017 Pasal 22 ayat (2) announces PNS vacancies "paling singkat selama 15 hari
#   kalender" (BKN, quoted by m.antaranews.com/amp/berita/1180540): the same PP's rule for the
#   nearest kind of announcement;
# - JPT selections run 15 calendar days, both ends counted, which is 11 working days: Mahkamah
#   Agung 5-19 December 2025 as dandapala.com dates it, Kabupaten Lampung Barat 23 October-6
#   November 2023 (lampost.co), Kabupaten Penajam Paser Utara 31 May-14 June 2022, announced 30
#   May (kaltim.antaranews.com) [practice]. "15 hari kerja" would refuse the first two.
# Some ran shorter (Sekretariat Kabinet 2-8 March 2021, news-lite.ddtc.web.id; Provinsi
# Kalimantan Utara 19-24 January 2022, benuanta.co.id), in the Covid-19 years of SE MenPANRB
# 52/2020 on JPT selection (named by Pemprov Jatim, memorandum.disway.id; its text not found):
# this check refuses such a schedule. Tests: tests/publik/test_tahap_urutan.py.
PENGUMUMAN_MINIMAL_HARI = 15
USIA_WAJAR = (40, 65)  # an announced JPT age limit outside this is a typing error
TAHUN_JABATAN_MAKS = 10
PERM = "publik.add_seleksi"
PERM_UBAH = "publik.change_seleksi"  # editing, rescheduling, cancelling an opened selection
F_NILAI_DESC = F("nilai").desc(nulls_last=True)


def _tgl(d: date) -> str:
    return date_format(d, "j F Y")


def _hr(oleh: AbstractBaseUser, field: str = "seleksi", perm: str = PERM) -> None:
    """The services' own guard, on the write permission `perm` alone, refused as a form error
    on `field`. The pages ask more: `publik.view_seleksi` as well (publik.views.kelola._bkpsdm)."""
    bkpsdm = holds(perm, reason=_("Hanya BKPSDM yang mengelola seleksi terbuka."))
    if not bkpsdm.allows(oleh):
        raise ValidationError({field: bkpsdm.reason})


def _urutan(urutan: Mapping[str, int] | None, errors: dict[str, list[str]]) -> list[str] | None:
    """The selection's stage order: the fixed first three, then the competence stages as the
    committee numbers them 1 to 3 (PermenPANRB 15/2019 leaves their order to it). None, with
    the errors, when the numbers are not 1 to 3 once each."""
    if urutan is None:
        return list(URUTAN_TAHAP)
    nomor = range(1, len(TAHAP_KOMPETENSI) + 1)
    for jenis in TAHAP_KOMPETENSI:
        n = urutan.get(jenis)
        label = JenisTahap(jenis).label
        if n not in nomor:
            errors.setdefault(f"urutan_{jenis}", []).append(
                _("Urutan %(t)s harus 1 sampai %(n)s.") % {"t": label, "n": len(nomor)}
            )
        elif list(urutan.values()).count(n) > 1:
            errors.setdefault(f"urutan_{jenis}", []).append(
                _("Urutan %(n)s dipakai lebih dari satu tahap kompetensi (%(t)s).")
                % {"n": n, "t": label}
            )
    if any(k.startswith("urutan_") for k in errors):
        return None
    return [*URUTAN_TAHAP[:3], *sorted(TAHAP_KOMPETENSI, key=lambda j: urutan[j])]


def _syarat_jpt(
    formasi: Sequence[Formasi],
    usia: int | None,
    tahun: int | None,
    dasar: str,
    errors: dict[str, list[str]],
) -> None:
    """Check the JPT requirements the announcement sets: plausible values, and a basis when
    they are looser than PP 11/2017 Pasal 107 jo. PP 17/2020 for any of its posts (ayat (2):
    an exception needs the President's prior approval)."""
    if usia is not None and not USIA_WAJAR[0] <= usia <= USIA_WAJAR[1]:
        errors["usia_maksimal_jpt"] = [
            _("Usia paling tinggi antara %(a)s dan %(b)s tahun.")
            % {"a": USIA_WAJAR[0], "b": USIA_WAJAR[1]}
        ]
    if tahun is not None and not 0 <= tahun <= TAHUN_JABATAN_MAKS:
        errors["tahun_jabatan_jpt"] = [
            _("Lama menduduki jabatan antara 0 dan %(n)s tahun.") % {"n": TAHUN_JABATAN_MAKS}
        ]
    aturan = [jpt.ATURAN[f.jabatan.jenis] for f in formasi if f.jabatan.jenis in jpt.ATURAN]
    longgar = any(
        (usia is not None and usia > a.usia_maksimal) or (tahun is not None and tahun < a.tahun)
        for a in aturan
    )
    if longgar and not dasar.strip():
        errors["dasar_pengecualian"] = [
            _(
                "Batas usia atau lama jabatan lebih longgar dari PP 11/2017 Pasal 107 jo. PP "
                "17/2020: sebutkan dasar pengecualiannya (persetujuan Presiden, ayat (2))."
            )
        ]


@dataclass(frozen=True)
class IsiSeleksi:
    """What a selection announces: what `seleksi_open` opens and `seleksi_update` edits, both
    checked by `_periksa_isi`. `urutan`: the competence stages' order (1 to 3 each; None: the
    usual); `usia_maksimal_jpt` and `tahun_jabatan_jpt`: what the announcement sets instead of
    the regulation's, with its `dasar_pengecualian`."""

    judul: str
    nomor_pengumuman: str
    formasi: Sequence[Formasi]
    panitia: Sequence[tuple[str, str]]
    urutan: Mapping[str, int] | None = None
    usia_maksimal_jpt: int | None = None
    tahun_jabatan_jpt: int | None = None
    dasar_pengecualian: str = ""


def _periksa_isi(
    isi: IsiSeleksi, errors: dict[str, list[str]]
) -> tuple[list[Formasi], list[tuple[str, str]], list[str] | None]:
    """Check what a selection announces (title, number, vacant JPT posts, committee, JPT
    requirements, the committee's stage order) into `errors`; return the posts loaded, the
    committee cleaned and the stage order (None when the order is in error)."""
    if not isi.judul.strip():
        errors["judul"] = [_("Judul wajib diisi.")]
    if not isi.nomor_pengumuman.strip():
        errors["nomor_pengumuman"] = [_("Nomor pengumuman wajib diisi.")]
    formasi = list(
        Formasi.objects.select_related("jabatan", "unit_kerja")
        .prefetch_related("jabatan__bidang_studi", "jabatan__rumpun_wajib")
        .filter(pk__in=[f.pk for f in isi.formasi])
        .order_by("pk")
    )
    if not formasi:
        errors["formasi"] = [_("Pilih sedikitnya satu formasi JPT yang lowong.")]
    for f in formasi:
        if f.jabatan.jenis not in JPT:
            errors.setdefault("formasi", []).append(
                _("%(f)s bukan jabatan pimpinan tinggi: seleksi terbuka hanya untuk JPT.")
                % {"f": f}
            )
        elif f.jumlah_terisi >= f.kuota:
            errors.setdefault("formasi", []).append(_("%(f)s tidak lowong.") % {"f": f})
    panitia = [(n.strip(), p.strip()) for n, p in isi.panitia if n.strip()]
    if len(panitia) < PANITIA_MIN or len(panitia) % 2 == 0:
        errors["panitia"] = [
            _("Panitia seleksi berjumlah ganjil, sedikitnya %(n)s orang (sekarang %(k)s).")
            % {"n": PANITIA_MIN, "k": len(panitia)}
        ]
    _syarat_jpt(
        formasi, isi.usia_maksimal_jpt, isi.tahun_jabatan_jpt, isi.dasar_pengecualian, errors
    )
    return formasi, panitia, _urutan(isi.urutan, errors)


def _periksa_jadwal(
    tahap: Mapping[str, tuple[date, date]], urut: list[str] | None, errors: dict[str, list[str]]
) -> None:
    """Check a schedule into `errors`: all six stages dated; each starting no later than it
    ends and, in the selection's order `urut` (None: the order itself is in error, so not
    checked), not before the one before it ends; the vacancy announced at least
    PENGUMUMAN_MINIMAL_HARI days until registration closes."""
    hilang = [JenisTahap(j).label for j in URUTAN_TAHAP if not all(tahap.get(j) or (None,))]
    if hilang:
        errors["tahap"] = [_("Jadwal belum lengkap: %(t)s.") % {"t": ", ".join(map(str, hilang))}]
        return
    sebelumnya = None
    for jenis in urut or URUTAN_TAHAP:
        mulai, selesai = tahap[jenis]
        label = JenisTahap(jenis).label
        if mulai > selesai:
            errors.setdefault(f"tahap_{jenis}", []).append(
                _("%(t)s: tanggal mulai %(m)s sesudah tanggal selesai %(s)s.")
                % {"t": label, "m": _tgl(mulai), "s": _tgl(selesai)}
            )
        if urut and sebelumnya and mulai < sebelumnya[1]:  # an order to check against
            errors.setdefault(f"tahap_{jenis}", []).append(
                _("%(t)s dimulai %(m)s, sebelum tahap %(p)s selesai (%(s)s).")
                % {
                    "t": label,
                    "m": _tgl(mulai),
                    "p": JenisTahap(sebelumnya[0]).label,
                    "s": _tgl(sebelumnya[1]),
                }
            )
        sebelumnya = (jenis, selesai)
    umum = tahap[JenisTahap.PENGUMUMAN][0]
    tutup = tahap[JenisTahap.PENDAFTARAN][1]
    hari = (tutup - umum).days + 1
    if hari < PENGUMUMAN_MINIMAL_HARI:
        errors.setdefault("tahap_pengumuman", []).append(
            _(
                "Lowongan diumumkan %(h)s hari sampai pendaftaran ditutup (%(m)s–%(s)s); "
                "paling singkat %(n)s hari."
            )
            % {"h": hari, "m": _tgl(umum), "s": _tgl(tutup), "n": PENGUMUMAN_MINIMAL_HARI}
        )


def seleksi_open(
    *, isi: IsiSeleksi, tahap: Mapping[str, tuple[date, date]], oleh: AbstractBaseUser
) -> Seleksi:
    """Open a selection for vacant JPT posts with what it announces (`isi`: its committee among
    it) and its six stages: the first three in their order, the competence stages in the
    committee's `isi.urutan`, each after the one before; the vacancy announced at least
    PENGUMUMAN_MINIMAL_HARI days before registration closes."""
    _hr(oleh)
    errors: dict[str, list[str]] = {}
    formasi, panitia, urut = _periksa_isi(isi, errors)
    _periksa_jadwal(tahap, urut, errors)
    if errors:
        raise ValidationError(errors)
    with set_actor(oleh), transaction.atomic():
        seleksi = Seleksi.objects.create(
            judul=isi.judul.strip(),
            nomor_pengumuman=isi.nomor_pengumuman.strip(),
            dibuka_oleh=oleh,
            persyaratan=persyaratan_formasi(formasi),
            usia_maksimal_jpt=isi.usia_maksimal_jpt,
            tahun_jabatan_jpt=isi.tahun_jabatan_jpt,
            dasar_pengecualian=isi.dasar_pengecualian.strip(),
        )
        seleksi.formasi.set(formasi)
        AnggotaPanitia.objects.bulk_create(
            AnggotaPanitia(seleksi=seleksi, nama=n, peran=p) for n, p in panitia
        )
        for n, jenis in enumerate(urut, start=1):
            mulai, selesai = tahap[jenis]
            Tahap.objects.create(
                seleksi=seleksi, jenis=jenis, urutan=n, mulai=mulai, selesai=selesai
            )
    return seleksi


# --- Changing an opened selection: edit before its announcement, reschedule, cancel ----------


def _segarkan() -> None:
    """Invalidate the public pages once the change is committed. The models' save signals
    (publik/apps.py) bump the cache inside the transaction, before other connections can see
    the change: a request in between could store the old page under the new version."""
    transaction.on_commit(lambda: batalkan("seleksi", "beranda"))


def _kunci(seleksi: Seleksi) -> Seleksi:
    """Lock the selection's row for the transaction and return it as saved: two officers
    changing a selection at once go one after the other, the second seeing what the first
    did. Refuse a cancelled selection, and one already ended by its proposal to the PPK."""
    terkunci = Seleksi.objects.select_for_update().get(pk=seleksi.pk)
    _belum_batal(terkunci)
    if terkunci.selesai:
        raise ValidationError(
            {"seleksi": _("Seleksi ini sudah selesai: nama calon sudah diusulkan kepada PPK.")}
        )
    return terkunci


def _belum_batal(seleksi: Seleksi, field: str = "seleksi") -> None:
    if seleksi.dibatalkan_pada is not None:
        raise ValidationError(
            {
                field: _("Seleksi ini dibatalkan pada %(t)s: %(a)s")
                % {
                    "t": _tgl(seleksi.dibatalkan_pada),
                    "a": seleksi.alasan_pembatalan,
                }
            }
        )


def _simpan_tahap(seleksi: Seleksi, tahap: Mapping[str, tuple[date, date]], urut: list[str]):
    """Write the stages' dates and order, saving each changed row (audited, and its save
    invalidates the public cache); return the kinds of stage changed."""
    ada = {t.jenis: t for t in seleksi.tahap.all()}
    urutan_baru = any(ada[j].urutan != n for n, j in enumerate(urut, start=1))
    if urutan_baru:
        # Out of the way first, so no two stages share a number in between
        # (tahap_satu_per_urutan is checked row by row).
        Tahap.objects.filter(seleksi=seleksi).update(urutan=F("urutan") + 100)
    berubah = []
    for n, jenis in enumerate(urut, start=1):
        t = ada[jenis]
        baru = (n, *tahap[jenis])
        if (t.urutan, t.mulai, t.selesai) != baru:
            berubah.append(jenis)
        if urutan_baru or jenis in berubah:
            t.urutan, t.mulai, t.selesai = baru
            t.save(update_fields=["urutan", "mulai", "selesai", "updated_at"])
    return berubah


@audited
def seleksi_update(
    *,
    seleksi: Seleksi,
    isi: IsiSeleksi,
    tahap: Mapping[str, tuple[date, date]],
    pada: date,
    oleh: AbstractBaseUser,
) -> PerubahanSeleksi | None:
    """Edit a selection before its announcement is published (`seleksi_diumumkan`): what it
    announces and its schedule, by the rules of `seleksi_open`, the announcement not starting
    before `pada`. From its announcement on, what was announced stands: it is only
    rescheduled with a reason (`seleksi_reschedule`) or cancelled (`seleksi_cancel`).
    Return the history row, None when nothing changed."""
    _hr(oleh, perm=PERM_UBAH)
    with transaction.atomic():
        seleksi = _kunci(seleksi)
        if seleksi_diumumkan(seleksi, pada=pada):
            raise ValidationError(
                {
                    "seleksi": _(
                        "Seleksi ini sudah diumumkan: isinya tidak dapat diubah lagi. "
                        "Ubah jadwalnya dengan alasan, atau batalkan seleksi dengan alasan."
                    )
                }
            )
        errors: dict[str, list[str]] = {}
        formasi, panitia, urut = _periksa_isi(isi, errors)
        _periksa_jadwal(tahap, urut, errors)
        umum = (tahap.get(JenisTahap.PENGUMUMAN) or (None,))[0]
        if umum is not None and umum < pada:
            errors.setdefault("tahap_pengumuman", []).append(
                _(
                    "Pengumuman lowongan dimulai %(m)s, sebelum hari ini (%(p)s): seleksi yang "
                    "belum diumumkan tidak dapat diumumkan mundur."
                )
                % {"m": _tgl(umum), "p": _tgl(pada)}
            )
        dilamar = set(seleksi.pelamar.values_list("formasi_id", flat=True))
        if dilamar - {f.pk for f in formasi}:
            errors.setdefault("formasi", []).append(
                _("Formasi yang sudah dilamar tidak dapat dikeluarkan dari seleksi.")
            )
        if errors:
            raise ValidationError(errors)
        nilai = {
            "judul": isi.judul.strip(),
            "nomor_pengumuman": isi.nomor_pengumuman.strip(),
            "usia_maksimal_jpt": isi.usia_maksimal_jpt,
            "tahun_jabatan_jpt": isi.tahun_jabatan_jpt,
            "dasar_pengecualian": isi.dasar_pengecualian.strip(),
            "persyaratan": persyaratan_formasi(formasi),
        }
        berubah = [k for k, v in nilai.items() if getattr(seleksi, k) != v]
        for k, v in nilai.items():
            setattr(seleksi, k, v)
        if berubah:
            seleksi.save(update_fields=[*berubah, "updated_at"])
        if set(seleksi.formasi.values_list("pk", flat=True)) != {f.pk for f in formasi}:
            seleksi.formasi.set(formasi)
            berubah.append("formasi")
        lama = [(a.nama, a.peran) for a in seleksi.panitia.order_by("id")]
        if lama != panitia:
            seleksi.panitia.all().delete()
            for n, p in panitia:  # one by one: each row audited
                AnggotaPanitia.objects.create(seleksi=seleksi, nama=n, peran=p)
            berubah.append("panitia")
        if _simpan_tahap(seleksi, tahap, urut):
            berubah.append("tahap")
        if not berubah:
            return None
        _segarkan()
        return PerubahanSeleksi.objects.create(
            seleksi=seleksi, jenis=JenisPerubahan.UBAH, tanggal=pada, rincian=berubah, oleh=oleh
        )


@audited
def seleksi_reschedule(
    *,
    seleksi: Seleksi,
    tahap: Mapping[str, tuple[date, date]],
    alasan: str,
    pada: date,
    oleh: AbstractBaseUser,
) -> PerubahanSeleksi:
    """Reschedule stages with a reason the public page shows ("Jadwal diubah pada ...", old
    and new dates). `tahap`: the new dates of the stages named; the others keep theirs. The
    rules of the schedule hold (`_periksa_jadwal`: the committee's order, the announcement
    minimum), and what happened stays: a stage already announced keeps its dates, one that has
    begun its start, one that has ended its end, and no new date lies before `pada`."""
    _hr(oleh, perm=PERM_UBAH)
    errors: dict[str, list[str]] = {}
    alasan = alasan.strip()
    if not alasan:
        errors["alasan"] = [_("Tuliskan alasan perubahan jadwal: halaman publik menampilkannya.")]
    with transaction.atomic():
        seleksi = _kunci(seleksi)
        ada = {t.jenis: t for t in seleksi.tahap.select_related("pengumuman")}
        baru = {j: (t.mulai, t.selesai) for j, t in ada.items()}
        pindah = []
        for jenis, (mulai, selesai) in tahap.items():
            t = ada.get(jenis)
            if t is None:
                errors.setdefault("tahap", []).append(
                    _("Tahap %(t)s tidak dikenal.") % {"t": jenis}
                )
                continue
            if (mulai, selesai) == (t.mulai, t.selesai):
                continue
            salah = errors.setdefault(f"tahap_{jenis}", [])
            label = t.get_jenis_display()
            if hasattr(t, "pengumuman"):
                salah.append(
                    _("Tahap %(t)s sudah diumumkan pada %(d)s: jadwalnya tetap.")
                    % {"t": label, "d": _tgl(t.pengumuman.tanggal)}
                )
            if mulai != t.mulai and t.mulai <= pada:
                salah.append(
                    _("Tahap %(t)s sudah dimulai %(m)s: tanggal mulainya tetap.")
                    % {"t": label, "m": _tgl(t.mulai)}
                )
            elif mulai != t.mulai and mulai < pada:
                salah.append(
                    _("%(t)s: tanggal mulai baru %(m)s sudah lewat.")
                    % {"t": label, "m": _tgl(mulai)}
                )
            if selesai != t.selesai and t.selesai < pada:
                salah.append(
                    _("Tahap %(t)s sudah selesai %(s)s: tanggal selesainya tetap.")
                    % {"t": label, "s": _tgl(t.selesai)}
                )
            elif selesai != t.selesai and selesai < pada:
                salah.append(
                    _("%(t)s: tanggal selesai baru %(s)s sudah lewat.")
                    % {"t": label, "s": _tgl(selesai)}
                )
            if not salah:
                del errors[f"tahap_{jenis}"]
            baru[jenis] = (mulai, selesai)
            pindah.append(jenis)
        if not pindah and not errors:
            errors["tahap"] = [_("Tidak ada tanggal yang berubah.")]
        urut = [t.jenis for t in sorted(ada.values(), key=lambda t: t.urutan)]
        _periksa_jadwal(baru, urut, errors)
        if errors:
            raise ValidationError(errors)
        rincian = []
        for jenis in urut:
            if jenis in pindah:
                t = ada[jenis]
                rincian.append(
                    {
                        "jenis": jenis,
                        "lama": [t.mulai.isoformat(), t.selesai.isoformat()],
                        "baru": [d.isoformat() for d in baru[jenis]],
                    }
                )
                t.mulai, t.selesai = baru[jenis]
                t.save(update_fields=["mulai", "selesai", "updated_at"])
        _segarkan()
        return PerubahanSeleksi.objects.create(
            seleksi=seleksi,
            jenis=JenisPerubahan.JADWAL,
            tanggal=pada,
            alasan=alasan,
            rincian=rincian,
            oleh=oleh,
        )


@audited
def seleksi_cancel(
    *, seleksi: Seleksi, alasan: str, pada: date, oleh: AbstractBaseUser
) -> PerubahanSeleksi:
    """Cancel a selection with a reason: marked, never deleted; its public page, the public
    list, its applicants' page and the feed say "Dibatalkan pada <date>: <reason>", and no
    application, result, announcement or proposal can follow."""
    _hr(oleh, perm=PERM_UBAH)
    alasan = alasan.strip()
    if not alasan:
        raise ValidationError(
            {"alasan": _("Tuliskan alasan pembatalan: halaman publik dan pelamar membacanya.")}
        )
    with transaction.atomic():
        seleksi = _kunci(seleksi)
        seleksi.dibatalkan_pada, seleksi.alasan_pembatalan = pada, alasan
        seleksi.save(update_fields=["dibatalkan_pada", "alasan_pembatalan", "updated_at"])
        _segarkan()
        return PerubahanSeleksi.objects.create(
            seleksi=seleksi, jenis=JenisPerubahan.BATAL, tanggal=pada, alasan=alasan, oleh=oleh
        )


def kelayakan(*, seleksi: Seleksi, formasi: Formasi, pegawai: Pegawai, pada: date) -> list[str]:
    """Return why the employee may not apply for the post (empty: eligible), from jabatan's
    merit ranking rules with the JPT requirements the selection's announcement sets."""
    hasil = peringkat_formasi(
        formasi,
        pada=pada,
        teratas=0,
        pegawai_ids=[pegawai.pk],
        hitung=False,
        pengumuman=seleksi.syarat_pengumuman,
    ).dicari.get(pegawai.pk)
    if hasil is None:
        return [_("Anda tidak termasuk kandidat formasi ini (mungkin Anda pemangkunya).")]
    return [a.pesan for a in hasil.alasan] if not hasil.layak else []


def seleksi_apply(*, seleksi: Seleksi, formasi: Formasi, pegawai: Pegawai, pada: date) -> Pelamar:
    """Apply for one post of an open selection: during registration, and only when eligible."""
    _belum_batal(seleksi)
    errors: dict[str, list[str]] = {}
    daftar = seleksi.tahap.get(jenis=JenisTahap.PENDAFTARAN)
    if seleksi.selesai or not daftar.mulai <= pada <= daftar.selesai:
        errors["seleksi"] = [
            _("Pendaftaran dibuka %(m)s sampai %(s)s.")
            % {"m": _tgl(daftar.mulai), "s": _tgl(daftar.selesai)}
        ]
    if not seleksi.formasi.filter(pk=formasi.pk).exists():
        errors["formasi"] = [_("Formasi ini tidak termasuk seleksi ini.")]
    elif not errors:
        alasan = kelayakan(seleksi=seleksi, formasi=formasi, pegawai=pegawai, pada=pada)
        if alasan:
            errors["pegawai"] = [_("Anda belum memenuhi syarat: %(a)s") % {"a": "; ".join(alasan)}]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            # A cancellation committed since the check above wins (seleksi_cancel locks too).
            _belum_batal(Seleksi.objects.select_for_update().get(pk=seleksi.pk))
            return Pelamar.objects.create(seleksi=seleksi, formasi=formasi, pegawai=pegawai)
    except IntegrityError as exc:
        raise ValidationError({"formasi": _("Anda sudah melamar formasi ini.")}) from exc


def _lolos_sebelumnya(tahap: Tahap) -> set[int]:
    """Return the applicants still in the selection before this stage."""
    pelamar = set(tahap.seleksi.pelamar.values_list("pk", flat=True))
    for sebelumnya in tahap.seleksi.tahap.filter(urutan__lt=tahap.urutan, jenis__in=TAHAP_DINILAI):
        pelamar &= set(
            HasilTahap.objects.filter(tahap=sebelumnya, lulus=True).values_list(
                "pelamar_id", flat=True
            )
        )
    return pelamar


Hasil = tuple[bool, Decimal | None] | tuple[bool, Decimal | None, str]


def tahap_record_hasil(
    *,
    tahap: Tahap,
    hasil: Mapping[int, Hasil],
    pada: date,
    oleh: AbstractBaseUser,
) -> list[HasilTahap]:
    """Record a stage's results (applicant id → passed, score, note); not before the stage
    begins, only for those still in, and at the administrative check no pass for an applicant
    who no longer meets the post's requirements (the merit rules on `pada`)."""
    _hr(oleh, "tahap")
    _belum_batal(tahap.seleksi, "tahap")
    errors: dict[str, list[str]] = {}
    label = tahap.get_jenis_display()
    if tahap.jenis not in TAHAP_DINILAI:
        errors["tahap"] = [_("Tahap %(t)s tidak memiliki hasil.") % {"t": label}]
    elif pada < tahap.mulai:
        errors["tahap"] = [
            _("Tahap %(t)s baru dimulai %(m)s: hasilnya belum dapat dicatat.")
            % {"t": label, "m": _tgl(tahap.mulai)}
        ]
    elif hasattr(tahap, "pengumuman"):
        errors["tahap"] = [_("Hasil tahap %(t)s sudah diumumkan.") % {"t": label}]
    if not hasil:
        errors.setdefault("tahap", []).append(_("Isi hasil sedikitnya satu pelamar."))
    boleh = _lolos_sebelumnya(tahap)
    asing = [pk for pk in hasil if pk not in boleh]
    if asing:
        errors["pelamar"] = [_("Pelamar yang tidak lulus tahap sebelumnya tidak dapat dinilai.")]
    pelamar = {
        p.pk: p
        for p in Pelamar.objects.select_related("pegawai", "formasi").filter(pk__in=list(hasil))
    }
    for pk, (_lulus, nilai, *_rest) in hasil.items():
        if nilai is not None and not Decimal(0) <= nilai <= Decimal(100):
            nama = pelamar[pk].pegawai.nama_lengkap if pk in pelamar else pk
            errors.setdefault(f"pelamar_{pk}", []).append(
                _("Nilai %(n)s untuk %(p)s: nilai antara 0 dan 100.") % {"n": nilai, "p": nama}
            )
    if tahap.jenis == JenisTahap.ADMINISTRASI and not errors:
        lulus_adm = [pelamar[pk] for pk, (lulus, *_r) in hasil.items() if lulus]
        for p, alasan in kelayakan_pelamar(lulus_adm, pada=pada).items():
            if alasan:
                errors.setdefault(f"pelamar_{p.pk}", []).append(
                    _(
                        "%(p)s tidak memenuhi syarat %(f)s, tidak dapat dinyatakan lulus "
                        "administrasi: %(a)s"
                    )
                    % {"p": p.pegawai.nama_lengkap, "f": p.formasi, "a": "; ".join(alasan)}
                )
    if errors:
        raise ValidationError(errors)
    with set_actor(oleh), transaction.atomic():
        _belum_batal(Seleksi.objects.select_for_update().get(pk=tahap.seleksi_id), "tahap")
        HasilTahap.objects.filter(tahap=tahap).delete()
        return [
            HasilTahap.objects.create(
                tahap=tahap,
                pelamar_id=pk,
                lulus=h[0],
                nilai=h[1],
                catatan=(h[2] if len(h) > 2 else "").strip(),
                dicatat_oleh=oleh,
            )
            for pk, h in hasil.items()
        ]


def tahap_announce(*, tahap: Tahap, pada: date, oleh: AbstractBaseUser) -> Pengumuman:
    """Publish a stage's announcement: its date and, per post, the names of those who pass."""
    _hr(oleh, "tahap")
    _belum_batal(tahap.seleksi, "tahap")
    errors: dict[str, list[str]] = {}
    if hasattr(tahap, "pengumuman"):
        errors["tahap"] = [_("Tahap ini sudah diumumkan.")]
    if tahap.jenis in TAHAP_DINILAI and not tahap.hasil.exists():
        errors["tahap"] = [_("Catat hasil tahap ini sebelum mengumumkannya.")]
    if pada < tahap.mulai:
        errors["tanggal"] = [
            _("Tanggal pengumuman %(p)s sebelum tahap %(t)s dimulai (%(m)s).")
            % {"p": _tgl(pada), "t": tahap.get_jenis_display(), "m": _tgl(tahap.mulai)}
        ]
    if errors:
        raise ValidationError(errors)
    isi = []
    for f in tahap.seleksi.formasi.select_related("jabatan", "unit_kerja").order_by("pk"):
        if tahap.jenis in TAHAP_DINILAI:
            lulus = HasilTahap.objects.filter(tahap=tahap, lulus=True, pelamar__formasi=f)
            nama = sorted(
                h.pelamar.pegawai.nama_lengkap for h in lulus.select_related("pelamar__pegawai")
            )
        else:
            nama = []
        isi.append({"formasi": f"{f.jabatan.nama} — {f.unit_kerja.nama}", "lulus": nama})
    with set_actor(oleh), transaction.atomic():
        _belum_batal(Seleksi.objects.select_for_update().get(pk=tahap.seleksi_id), "tahap")
        return Pengumuman.objects.create(
            tahap=tahap,
            seleksi=tahap.seleksi,
            tanggal=pada,
            isi=isi,
            ringkasan=_("%(t)s %(s)s") % {"t": tahap.get_jenis_display(), "s": tahap.seleksi},
        )


def seleksi_propose(*, seleksi: Seleksi, pada: date, oleh: AbstractBaseUser) -> list[Usulan]:
    """End the selection: per post, the three best of the last stage go to the PPK
    (jabatan's `usulan_set`, which checks their eligibility again)."""
    _hr(oleh)
    _belum_batal(seleksi)
    if seleksi.selesai:
        raise ValidationError({"seleksi": _("Seleksi ini sudah selesai dan diusulkan.")})
    terakhir = seleksi.tahap.order_by("urutan").last()  # the committee's last stage
    if not hasattr(terakhir, "pengumuman"):
        raise ValidationError({"seleksi": _("Umumkan hasil tahap terakhir terlebih dahulu.")})
    usulan = []
    with transaction.atomic():
        for f in seleksi.formasi.all():
            terbaik = list(
                HasilTahap.objects.filter(tahap=terakhir, lulus=True, pelamar__formasi=f)
                .order_by(F_NILAI_DESC, "pelamar_id")
                .values_list("pelamar__pegawai_id", flat=True)[:3]
            )
            if len(terbaik) < 3:
                raise ValidationError(
                    {
                        "seleksi": _("%(f)s: hanya %(n)s pelamar lulus; PPK memerlukan tiga nama.")
                        % {"f": f, "n": len(terbaik)}
                    }
                )
            usulan += usulan_set(formasi=f, pegawai_ids=terbaik, pada=pada, oleh=oleh)
        seleksi.selesai = True
        with set_actor(oleh):
            seleksi.save(update_fields=["selesai", "updated_at"])
    return usulan
