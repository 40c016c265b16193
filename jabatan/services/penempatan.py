"""Writes for posts and placements: place, end, quotas, an employee leaving, assessment fit."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jabatan.models import Formasi, Penempatan
from jabatan.services.base import _integrity_to_validation
from jabatan.services.suksesi import suksesor_end_all
from pegawai import golongan as gol
from pegawai import kedudukan_hukum as kh
from pegawai import projection
from pegawai.kompetensi import jpm
from pegawai.models import HasilAsesmen, Pegawai
from pegawai.pendidikan import memenuhi_pendidikan


def penempatan_validate(
    *,
    pegawai: Pegawai,
    formasi: Formasi,
    jenis: str,
    tmt_mulai: date,
    akhiri_sebelumnya: bool = True,
) -> Penempatan | None:
    """Check a new placement against the rules; return the definitive placement it would end.

    Raise `ValidationError` keyed by field. Reads only; `penempatan_create` calls it again under
    row locks, so a form may call it for early feedback.
    """
    errors: dict[str, list[str]] = {}
    jabatan = formasi.jabatan
    if pegawai.kedudukan != Pegawai.Kedudukan.AKTIF:
        errors.setdefault("pegawai", []).append(
            _("Hanya pegawai berkedudukan aktif yang dapat ditempatkan (kedudukan: %(k)s).")
            % {"k": pegawai.get_kedudukan_display()}
        )
    elif not kh.memangku_jabatan(pegawai.kedudukan_hukum):
        # pegawai.kedudukan_hukum: e.g. tugas belajar, PP 11/2017 jo. PP 17/2020 Pasal 94(1).
        errors.setdefault("pegawai", []).append(
            _("Pegawai dengan kedudukan hukum %(k)s tidak memangku jabatan (%(d)s).")
            % {
                "k": kh.nama(pegawai.kedudukan_hukum),
                "d": kh.ID[pegawai.kedudukan_hukum].dasar,
            }
        )
    if not jabatan.aktif:
        errors.setdefault("formasi", []).append(_("Jabatan %(j)s tidak aktif.") % {"j": jabatan})
    sebelumnya = None
    if jenis == Penempatan.Jenis.DEFINITIF:
        if jabatan.golongan_minimal and gol.urutan(pegawai.golongan) < gol.urutan(
            jabatan.golongan_minimal
        ):
            errors.setdefault("pegawai", []).append(
                _(
                    "Golongan pegawai %(g)s di bawah golongan minimal jabatan %(j)s (%(m)s) "
                    "untuk penempatan definitif."
                )
                % {
                    "g": gol.label(pegawai.golongan),
                    "j": jabatan,
                    "m": gol.label(jabatan.golongan_minimal),
                }
            )
        if not memenuhi_pendidikan(pegawai.pendidikan, jabatan.pendidikan_minimal):
            errors.setdefault("pegawai", []).append(
                _("Pendidikan %(p)s di bawah pendidikan minimal jabatan %(j)s (%(m)s).")
                % {
                    "p": pegawai.get_pendidikan_display(),
                    "j": jabatan,
                    "m": jabatan.get_pendidikan_minimal_display(),
                }
            )
        if formasi.jumlah_terisi >= formasi.kuota:
            errors.setdefault("formasi", []).append(
                _("Formasi %(f)s sudah penuh (kuota %(k)s, terisi %(t)s).")
                % {"f": formasi, "k": formasi.kuota, "t": formasi.jumlah_terisi}
            )
        sebelumnya = (
            Penempatan.objects.aktif()
            .definitif()
            .filter(pegawai=pegawai)
            .select_related("formasi__jabatan")
            .first()
        )
        if sebelumnya is not None:
            if not akhiri_sebelumnya:
                errors.setdefault("pegawai", []).append(
                    _("Pegawai masih menjabat %(j)s secara definitif.")
                    % {"j": sebelumnya.formasi.jabatan}
                )
            elif sebelumnya.formasi_id == formasi.pk:
                errors.setdefault("formasi", []).append(
                    _("Pegawai sudah menempati formasi ini secara definitif.")
                )
            elif tmt_mulai <= sebelumnya.tmt_mulai:
                errors.setdefault("tmt_mulai", []).append(
                    _("TMT mulai harus setelah TMT penempatan sebelumnya (%(t)s).")
                    % {"t": date_format(sebelumnya.tmt_mulai)}
                )
    else:
        if (
            Penempatan.objects.aktif()
            .filter(formasi=formasi, jenis__in=[Penempatan.Jenis.PLT, Penempatan.Jenis.PLH])
            .exists()
        ):
            errors.setdefault("formasi", []).append(
                _("Formasi ini sudah memiliki Plt/Plh yang aktif; akhiri dahulu.")
            )
        if formasi.jumlah_terisi >= formasi.kuota:
            errors.setdefault("formasi", []).append(
                _("Plt/Plh hanya untuk formasi yang lowong; formasi ini terisi penuh.")
            )
    if errors:
        raise ValidationError(errors)
    return sebelumnya


@transaction.atomic
def penempatan_create(
    *,
    pegawai: Pegawai,
    formasi: Formasi,
    jenis: str = Penempatan.Jenis.DEFINITIF,
    tmt_mulai: date,
    nomor_sk: str = "",
    tanggal_sk: date | None = None,
    keterangan: str = "",
    akhiri_sebelumnya: bool = True,
) -> Penempatan:
    """Place an employee in a post; a definitive placement ends the previous one.

    Locks the post and the employee rows so two HR staff saving at the same moment queue up and
    the second sees the first's result. The CHECK and unique constraints stay the last word.
    """
    # Lock the post row only: locking the joined position and unit too would queue placements
    # into other posts of the same position.
    formasi = (
        Formasi.objects.select_for_update(of=("self",))
        .select_related("jabatan", "unit_kerja")
        .get(pk=formasi.pk)
    )
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    sebelumnya = penempatan_validate(
        pegawai=pegawai,
        formasi=formasi,
        jenis=jenis,
        tmt_mulai=tmt_mulai,
        akhiri_sebelumnya=akhiri_sebelumnya,
    )
    try:
        with transaction.atomic():
            if sebelumnya is not None:
                sebelumnya.tmt_selesai = tmt_mulai - timedelta(days=1)
                sebelumnya.save(update_fields=["tmt_selesai", "updated_at"])
            penempatan = Penempatan.objects.create(
                pegawai=pegawai,
                formasi=formasi,
                jenis=jenis,
                tmt_mulai=tmt_mulai,
                nomor_sk=nomor_sk,
                tanggal_sk=tanggal_sk,
                keterangan=keterangan,
            )
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc
    if jenis == Penempatan.Jenis.DEFINITIF:
        # A successor appointed to the post leaves its succession plan (a record, in the
        # agency's language).
        with translation.override(settings.LANGUAGE_CODE):
            alasan = _("Diangkat definitif pada formasi ini, TMT %(t)s.") % {
                "t": date_format(tmt_mulai)
            }
        suksesor_end_all(pegawai=pegawai, formasi=formasi, alasan=alasan)
    if jenis == Penempatan.Jenis.DEFINITIF and pegawai.unit_kerja_id != formasi.unit_kerja_id:
        # The one writer of Pegawai.unit_kerja (docs/desain.md): it follows the placement.
        # A save, not an update(), so the audit trail records the move.
        pegawai.unit_kerja = formasi.unit_kerja
        pegawai.save(update_fields=["unit_kerja", "updated_at"])
    projection.refresh([pegawai.pk])  # the merit projection reads the placements
    return penempatan


@transaction.atomic
def penempatan_end(
    *, penempatan: Penempatan, tmt_selesai: date, keterangan: str = ""
) -> Penempatan:
    """End an active placement; a definitive one frees its seat in the post."""
    penempatan = Penempatan.objects.select_for_update().get(pk=penempatan.pk)
    if penempatan.tmt_selesai is not None:
        raise ValidationError(
            {
                "tmt_selesai": _("Penempatan ini sudah berakhir pada %(t)s.")
                % {"t": date_format(penempatan.tmt_selesai)}
            }
        )
    if tmt_selesai < penempatan.tmt_mulai:
        raise ValidationError(
            {
                "tmt_selesai": _("TMT selesai tidak boleh sebelum TMT mulai (%(t)s).")
                % {"t": date_format(penempatan.tmt_mulai)}
            }
        )
    penempatan.tmt_selesai = tmt_selesai
    if keterangan:
        penempatan.keterangan = keterangan
    penempatan.save(update_fields=["tmt_selesai", "keterangan", "updated_at"])
    projection.refresh([penempatan.pegawai_id])
    return penempatan


@transaction.atomic
def formasi_set_kuota(*, formasi: Formasi, kuota: int) -> Formasi:
    """Change a post's quota; it may not drop below its current definitive holders."""
    formasi = Formasi.objects.select_for_update().get(pk=formasi.pk)
    if kuota < 1:
        raise ValidationError({"kuota": _("Kuota minimal 1.")})
    if kuota < formasi.jumlah_terisi:
        raise ValidationError(
            {
                "kuota": _("Kuota %(k)s lebih kecil dari jumlah pemangku definitif aktif (%(t)s).")
                % {"k": kuota, "t": formasi.jumlah_terisi}
            }
        )
    formasi.kuota = kuota
    formasi.save(update_fields=["kuota", "updated_at"])
    return formasi


def _penempatan_end_all(*, pegawai: Pegawai, tmt_berhenti: date, suksesi: bool) -> int:
    """End every active placement (and, with `suksesi`, succession entry) of `pegawai`; return
    how many placements ended. Only `pegawai_release_posts` calls it.

    A placement ends the day before the TMT of leaving (retirement takes effect on a first of
    the month, PP 11/2017 Pasal 239), so the post is vacant from that TMT on.
    """
    # A record, not a message: written in the agency's language whoever is logged in.
    with translation.override(settings.LANGUAGE_CODE):
        if pegawai.kedudukan in Pegawai.KEDUDUKAN_AKTIF:
            alasan = _("Melepas jabatan karena kedudukan hukum: %(k)s") % {
                "k": kh.nama(pegawai.kedudukan_hukum) or pegawai.get_kedudukan_display()
            }
        else:
            alasan = _("Pegawai berhenti: %(k)s") % {"k": pegawai.get_kedudukan_display()}
    n = 0
    for penempatan in Penempatan.objects.select_for_update().aktif().filter(pegawai=pegawai):
        penempatan.tmt_selesai = max(penempatan.tmt_mulai, tmt_berhenti - timedelta(days=1))
        if not penempatan.keterangan:
            penempatan.keterangan = alasan
        penempatan.save(update_fields=["tmt_selesai", "keterangan", "updated_at"])
        n += 1
    if suksesi:
        # Who leaves the service leaves the succession plans too.
        suksesor_end_all(pegawai=pegawai, alasan=alasan)
    # The employee's kedudukan (pegawai_end, the kedudukan hukum) and placements changed.
    projection.refresh([pegawai.pk])
    return n


@transaction.atomic
def pegawai_release_posts(*, pegawai: Pegawai, pada: date | None = None) -> int:
    """Free the posts an employee's recorded kedudukan no longer lets them hold; return how many
    placements ended. The one path of "an employee leaves", whoever recorded it: `pegawai_end`,
    the admin's employee form, the SIASN import (impor.proses) and the demo all call it after
    saving the employee.

    - Left the service (diberhentikan, pensiun, meninggal): every active
      placement ends the day before the TMT berhenti (PP 11/2017 Pasal 239), and every
      succession entry ends.
    - Still in service, but the kedudukan hukum frees the post (tugas belajar, pemberhentian
      sementara, CLTN, MPP: pegawai.kedudukan_hukum): the placements end the day before `pada`
      (when it began; today when unknown, as SIASN's data utama carries no TMT of it); the
      talent pool keeps them (the ranking leaves them out).
    - Otherwise nothing ends.
    """
    if pegawai.kedudukan not in Pegawai.KEDUDUKAN_AKTIF and pegawai.tmt_berhenti:
        return _penempatan_end_all(pegawai=pegawai, tmt_berhenti=pegawai.tmt_berhenti, suksesi=True)
    if not kh.memangku_jabatan(pegawai.kedudukan_hukum):
        return _penempatan_end_all(
            pegawai=pegawai, tmt_berhenti=pada or timezone.localdate(), suksesi=False
        )
    return 0


@transaction.atomic
def pegawai_end(*, pegawai: Pegawai, kedudukan: str, tmt_berhenti: date) -> Pegawai:
    """Record that an employee left (dismissed, retired, died) and free their posts."""
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    if kedudukan in Pegawai.KEDUDUKAN_AKTIF:
        raise ValidationError(
            {"kedudukan": _("Pilih kedudukan berhenti: diberhentikan, pensiun atau meninggal.")}
        )
    pegawai.kedudukan = kedudukan
    pegawai.tmt_berhenti = tmt_berhenti
    if not kh.sesuai(pegawai.kedudukan_hukum, kedudukan):
        pegawai.kedudukan_hukum = ""  # e.g. a PNS on tugas belajar who dies: SIASN's id is stale
    pegawai.full_clean()
    pegawai.save(update_fields=["kedudukan", "kedudukan_hukum", "tmt_berhenti", "updated_at"])
    pegawai_release_posts(pegawai=pegawai)
    return pegawai


def _standar_jabatan(pegawai_ids) -> dict[int, dict[str, int]]:
    """Return each employee's competency standard: their active definitive post's
    (PermenPANRB 38/2017); an employee without one has none (one query)."""
    return {
        p.pegawai_id: p.formasi.jabatan.standar_kompetensi
        for p in Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id__in=pegawai_ids)
        .select_related("formasi__jabatan")
    }


def _jpm_dari(asesmen: HasilAsesmen, standar: dict[int, dict[str, int]]):
    std = standar.get(asesmen.pegawai_id)
    return jpm(asesmen.capaian, std) if std else None


def asesmen_compute_jpm(*, asesmen: HasilAsesmen) -> HasilAsesmen:
    """Store the assessment's Job Person Match against the employee's current position.

    JPM = Σ achieved level (capped at the required level) ÷ Σ required level (Peraturan BKN
    26/2019); the standard is the definitive position's competency standard
    (PermenPANRB 38/2017). Without a definitive post there is no standard and no JPM. Every
    path that records an assessment calls this (the admin's assessment form and the employee
    form's inline), or `asesmen_compute_jpm_bulk` for a bulk write (the demo's seed).
    """
    asesmen.jpm = _jpm_dari(asesmen, _standar_jabatan([asesmen.pegawai_id]))
    asesmen.save(update_fields=["jpm", "updated_at"])
    projection.refresh([asesmen.pegawai_id])
    return asesmen


def asesmen_compute_jpm_bulk(asesmen: QuerySet[HasilAsesmen], *, batch_size: int = 2000) -> int:
    """Store the JPM (`asesmen_compute_jpm`'s rule) of every assessment in `asesmen`; return how
    many. One query for the ids, then per batch three (the assessments, their employees'
    standards, one UPDATE), so the demo's seed at national scale stays in memory. Unlike
    `asesmen_compute_jpm` it does not refresh the merit projection: the caller rebuilds it once
    (seed_demo does, after the generator)."""
    ids = list(asesmen.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        rows = list(HasilAsesmen.objects.filter(pk__in=ids[start : start + batch_size]))
        standar = _standar_jabatan({a.pegawai_id for a in rows})
        for a in rows:
            a.jpm = _jpm_dari(a, standar)
        HasilAsesmen.objects.bulk_update(rows, ["jpm"])
    return len(ids)
