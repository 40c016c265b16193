"""Succession plans (rencana suksesi, PermenPANRB 3/2020): name a successor of a key post,
change their readiness or priority, remove them with a reason.

Capacity and order are the database's (jabatan.models.suksesi): naming a successor takes the
first free slot without locking the post, so two HR staff filling the last slot at once race
on the unique slot and the loser gets a clear message, not a fourth successor.
"""

from __future__ import annotations

import copy
from datetime import date

from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.audit import audited
from jabatan.models import MAKS_SUKSESOR, Formasi, Penempatan, Suksesor
from jabatan.peringkat import kotak_talenta
from jabatan.services.base import _integrity_to_validation, _nama_constraint
from kinerja.rules import TALENT_POOL
from pegawai.jenis_jabatan import MANAJERIAL
from pegawai.models import Pegawai

PANJANG_CATATAN = Suksesor._meta.get_field("catatan").max_length


def _galat(errors: dict[str, list[str]], field: str, pesan: str) -> None:
    errors.setdefault(field, []).append(pesan)


def _cek_isian(
    errors: dict[str, list[str]], *, kesiapan: str | None, urutan: int | None, catatan: str | None
) -> None:
    if kesiapan is not None and kesiapan not in Suksesor.Kesiapan.values:
        _galat(
            errors,
            "kesiapan",
            _("Kesiapan harus salah satu dari: %(p)s.")
            % {"p": ", ".join(str(label) for label in Suksesor.Kesiapan.labels)},
        )
    if urutan is not None and not 1 <= urutan <= MAKS_SUKSESOR:
        _galat(errors, "urutan", _("Urutan prioritas 1 sampai %(m)s.") % {"m": MAKS_SUKSESOR})
    if catatan is not None and len(catatan.strip()) > PANJANG_CATATAN:
        _galat(
            errors, "catatan", _("Catatan paling panjang %(n)s karakter.") % {"n": PANJANG_CATATAN}
        )


def suksesor_validate(*, formasi: Formasi, pegawai: Pegawai) -> None:
    """Check that `pegawai` may be named a successor of `formasi`; raise field-keyed errors.

    The post is a structural (manajerial) one; the employee is active (aktif or cuti), a PNS
    (manajerial posts are filled by PNS, UU 20/2023 Pasal 13–18), not a definitive holder of
    the post, in the talent pool (boxes 7–9, PermenPANRB 3/2020) by their latest evaluation,
    and not named already. Reads only.
    """
    errors: dict[str, list[str]] = {}
    jabatan = formasi.jabatan
    if jabatan.jenis not in MANAJERIAL:
        _galat(
            errors,
            "formasi",
            _(
                "Rencana suksesi hanya untuk jabatan struktural (JPT, Administrator, Pengawas); "
                "%(j)s adalah jabatan %(k)s."
            )
            % {"j": jabatan, "k": jabatan.get_jenis_display()},
        )
    elif not jabatan.aktif:
        _galat(errors, "formasi", _("Jabatan %(j)s tidak aktif.") % {"j": jabatan})
    if pegawai.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        _galat(
            errors,
            "pegawai",
            _(
                "Hanya pegawai berkedudukan aktif atau cuti yang dapat menjadi calon suksesor "
                "(kedudukan: %(k)s)."
            )
            % {"k": pegawai.get_kedudukan_display()},
        )
    elif pegawai.status != Pegawai.Status.PNS:
        _galat(
            errors,
            "pegawai",
            _("Jabatan struktural diisi PNS (UU 20/2023 Pasal 13–18); %(n)s berstatus %(s)s.")
            % {"n": pegawai.nama, "s": pegawai.get_status_display()},
        )
    if errors:
        raise ValidationError(errors)
    if Penempatan.objects.aktif().definitif().filter(formasi=formasi, pegawai=pegawai).exists():
        _galat(
            errors,
            "pegawai",
            _("%(n)s adalah pemangku formasi ini: calon suksesor dipilih dari pegawai lain.")
            % {"n": pegawai.nama},
        )
    elif Suksesor.objects.filter(formasi=formasi, pegawai=pegawai, aktif=True).exists():
        _galat(
            errors,
            "pegawai",
            _("%(n)s sudah menjadi calon suksesor formasi ini.") % {"n": pegawai.nama},
        )
    else:
        kotak = kotak_talenta([pegawai.pk])[pegawai.pk]
        if kotak not in TALENT_POOL:
            _galat(
                errors,
                "pegawai",
                (
                    _(
                        "%(n)s berada di kotak talenta %(b)s; calon suksesor diambil dari kelompok "
                        "rencana suksesi (kotak 7, 8 atau 9, PermenPANRB 3/2020)."
                    )
                    if kotak
                    else _(
                        "%(n)s belum memiliki kotak talenta (penilaian kinerja tahunan dan hasil "
                        "asesmen kompetensi); calon suksesor diambil dari kotak 7, 8 atau 9."
                    )
                )
                % {"n": pegawai.nama, "b": kotak},
            )
    if errors:
        raise ValidationError(errors)


@audited
@transaction.atomic
def suksesor_add(
    *,
    formasi: Formasi,
    pegawai: Pegawai,
    kesiapan: str,
    pada: date,
    oleh,
    urutan: int | None = None,
    catatan: str = "",
) -> Suksesor:
    """Name `pegawai` a successor of the key post `formasi`, in slot `urutan` (default: the
    first free one). The post is not locked: the unique slot decides between two writers."""
    formasi = Formasi.objects.select_related("jabatan", "unit_kerja").get(pk=formasi.pk)
    errors: dict[str, list[str]] = {}
    _cek_isian(errors, kesiapan=kesiapan, urutan=urutan, catatan=catatan)
    try:
        suksesor_validate(formasi=formasi, pegawai=pegawai)
    except ValidationError as exc:
        for field, pesan in exc.message_dict.items():
            errors.setdefault(field, []).extend(pesan)
    if errors:
        raise ValidationError(errors)
    terpakai = dict(
        Suksesor.objects.filter(formasi=formasi, aktif=True).values_list("urutan", "pegawai__nama")
    )
    if len(terpakai) >= MAKS_SUKSESOR:
        raise ValidationError(
            {
                "formasi": _(
                    "Rencana suksesi %(f)s sudah penuh (%(m)s calon suksesor): "
                    "hapus salah satu dahulu."
                )
                % {"f": formasi, "m": MAKS_SUKSESOR}
            }
        )
    if urutan is not None and urutan in terpakai:
        raise ValidationError(
            {
                "urutan": _(
                    "Urutan %(u)s sudah diisi %(n)s: pilih urutan lain, "
                    "atau ubah urutan %(n)s dahulu."
                )
                % {"u": urutan, "n": terpakai[urutan]}
            }
        )
    dipilih = urutan or min(set(range(1, MAKS_SUKSESOR + 1)) - set(terpakai))
    try:
        with transaction.atomic():
            return Suksesor.objects.create(
                formasi=formasi,
                pegawai=pegawai,
                kesiapan=kesiapan,
                urutan=dipilih,
                tanggal_penetapan=pada,
                catatan=catatan.strip(),
                ditetapkan_oleh=oleh,
            )
    except IntegrityError as exc:
        if _nama_constraint(exc) == "suksesor_urutan_unik_per_formasi" and urutan is None:
            # The slot this writer picked was taken by another in the meantime.
            raise ValidationError(
                {
                    "formasi": _(
                        "Rencana suksesi %(f)s baru saja diisi calon suksesor lain; "
                        "urutan %(u)s tidak lagi kosong. Muat ulang halaman."
                    )
                    % {"f": formasi, "u": dipilih}
                }
            ) from exc
        raise _integrity_to_validation(exc) from exc


def _catat_perubahan(lama: Suksesor, baru: Suksesor) -> None:
    """Write the audit entry of a change made with update() (the slot swap below), as the
    signal would have for a save()."""
    LogEntry.objects.log_create(
        baru,
        action=LogEntry.Action.UPDATE,
        changes=model_instance_diff(
            lama, baru, use_json_for_changes=settings.AUDITLOG_STORE_JSON_CHANGES
        ),
    )


def _pindah_urutan(suksesor: Suksesor, urutan: int, aktif: list[Suksesor]) -> None:
    """Move `suksesor` to slot `urutan`; the successor there (if any) takes its old slot.

    The slots are unique among active rows at every statement (a partial unique index cannot
    be deferred), so the other row steps out (inactive) for the moment of the move: update()
    without signals, and its audit entry is written from its real before and after."""
    lain = next((s for s in aktif if s.urutan == urutan and s.pk != suksesor.pk), None)
    lama_urutan = suksesor.urutan
    if lain is not None:
        # Inactive rows need a reason (a CHECK): this one is back within the statement after next.
        Suksesor.objects.filter(pk=lain.pk).update(aktif=False, alasan_berakhir="pindah urutan")
    suksesor.urutan = urutan
    suksesor.save(update_fields=["urutan", "kesiapan", "catatan", "updated_at"])
    if lain is not None:
        sebelum = copy.copy(lain)
        lain.urutan = lama_urutan
        Suksesor.objects.filter(pk=lain.pk).update(
            aktif=True, alasan_berakhir="", urutan=lama_urutan
        )
        _catat_perubahan(sebelum, lain)


@audited
@transaction.atomic
def suksesor_update(
    *,
    suksesor: Suksesor,
    oleh,
    kesiapan: str | None = None,
    urutan: int | None = None,
    catatan: str | None = None,
) -> Suksesor:
    """Change a successor's readiness, note or priority; a priority already held is swapped
    with that successor. The post's active successors are locked while they move."""
    aktif = list(
        Suksesor.objects.select_for_update()
        .filter(formasi_id=suksesor.formasi_id, aktif=True)
        .order_by("urutan")
    )
    suksesor = next((s for s in aktif if s.pk == suksesor.pk), None)
    if suksesor is None:
        raise ValidationError({"suksesor": _("Calon suksesor ini sudah tidak aktif.")})
    errors: dict[str, list[str]] = {}
    _cek_isian(errors, kesiapan=kesiapan, urutan=urutan, catatan=catatan)
    if errors:
        raise ValidationError(errors)
    if kesiapan is not None:
        suksesor.kesiapan = kesiapan
    if catatan is not None:
        suksesor.catatan = catatan.strip()
    try:
        with transaction.atomic():
            if urutan is not None and urutan != suksesor.urutan:
                _pindah_urutan(suksesor, urutan, aktif)
            else:
                suksesor.save(update_fields=["kesiapan", "catatan", "updated_at"])
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc
    return suksesor


def _akhiri(suksesor: Suksesor, alasan: str) -> None:
    """Deactivate one successor with the reason and close the gap: those after move up one
    slot, in order, so the plan stays 1..n (each a save, in the audit trail)."""
    suksesor.aktif = False
    suksesor.alasan_berakhir = alasan
    suksesor.save(update_fields=["aktif", "alasan_berakhir", "updated_at"])
    for lain in (
        Suksesor.objects.select_for_update()
        .filter(formasi_id=suksesor.formasi_id, aktif=True, urutan__gt=suksesor.urutan)
        .order_by("urutan")
    ):
        lain.urutan -= 1
        lain.save(update_fields=["urutan", "updated_at"])


@audited
@transaction.atomic
def suksesor_end(*, suksesor: Suksesor, alasan: str, oleh) -> Suksesor:
    """Remove a successor from the plan (the row stays, inactive, with the reason)."""
    suksesor = Suksesor.objects.select_for_update().get(pk=suksesor.pk)
    if not suksesor.aktif:
        raise ValidationError({"suksesor": _("Calon suksesor ini sudah tidak aktif.")})
    if not alasan.strip():
        raise ValidationError({"alasan_berakhir": _("Tuliskan alasan calon suksesor dihapus.")})
    if len(alasan.strip()) > PANJANG_CATATAN:
        raise ValidationError(
            {"alasan_berakhir": _("Alasan paling panjang %(n)s karakter.") % {"n": PANJANG_CATATAN}}
        )
    _akhiri(suksesor, alasan.strip())
    return suksesor


def suksesor_end_all(*, pegawai: Pegawai, alasan: str, formasi: Formasi | None = None) -> int:
    """End the employee's active succession entries (of `formasi` only, when given): they were
    appointed to it, or left the service. Called inside the placement services' transaction
    (`alasan` is a record: the caller words it in the agency's language); return how many
    ended."""
    qs = Suksesor.objects.select_for_update().filter(pegawai=pegawai, aktif=True)
    if formasi is not None:
        qs = qs.filter(formasi=formasi)
    n = 0
    for suksesor in qs.order_by("pk"):
        _akhiri(suksesor, alasan)
        n += 1
    return n
