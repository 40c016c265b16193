"""Writes for positions and placements. Views, the admin, commands and tests all call these."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from functools import wraps
from typing import TypeVar

from auditlog.context import auditlog_value, set_extra_data
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jabatan import merit
from jabatan.models import Formasi, Keputusan, Penempatan, Usulan
from jabatan.peringkat import Peringkat, peringkat_formasi
from jabatan.rules import atasan_langsung
from kinerja import services as kinerja_services
from kinerja.models import Periode
from pegawai import golongan as gol
from pegawai.jenis_jabatan import MANAJERIAL
from pegawai.kompetensi import jpm
from pegawai.models import HasilAsesmen, Pegawai, UnitKerja
from pegawai.pendidikan import memenuhi_pendidikan

T = TypeVar("T")

# Constraint names (jabatan/models.py) → the field and message a user sees when the database,
# not the pre-check, catches a conflicting write (two HR staff saving at the same moment).
_CONSTRAINT_ERRORS = {
    "formasi_terisi_tidak_melebihi_kuota": (
        "formasi",
        gettext_lazy(
            "Formasi sudah penuh: kuota terisi oleh penempatan lain yang baru saja disimpan."
        ),
    ),
    "penempatan_satu_definitif_aktif_per_pegawai": (
        "pegawai",
        gettext_lazy(
            "Pegawai sudah memiliki penempatan definitif yang aktif (baru saja disimpan)."
        ),
    ),
    "penempatan_satu_pelaksana_tugas_per_formasi": (
        "formasi",
        gettext_lazy("Formasi ini sudah memiliki Plt/Plh yang aktif (baru saja disimpan)."),
    ),
    "penempatan_jenis_pilihan": ("jenis", gettext_lazy("Jenis penempatan tidak dikenal.")),
    "usulan_satu_per_pegawai_formasi": (
        "pegawai",
        gettext_lazy("Pegawai ini sudah diusulkan untuk formasi ini (baru saja disimpan)."),
    ),
    "usulan_tiga_slot_per_formasi": (
        "pegawai",
        gettext_lazy(
            "Formasi ini sudah memiliki tiga usulan aktif: usulan lain baru saja disimpan."
        ),
    ),
    "usulan_urutan_1_3": ("pegawai", gettext_lazy("Usulkan satu sampai tiga kandidat.")),
    "keputusan_nomor_sk_wajib": ("nomor_sk", gettext_lazy("Nomor SK wajib diisi.")),
    "keputusan_justifikasi_bila_bukan_pertama": (
        "justifikasi",
        gettext_lazy(
            "Yang diangkat bukan kandidat layak peringkat pertama: tuliskan justifikasinya."
        ),
    ),
    "keputusan_alasan_bila_membatalkan": (
        "alasan_pembatalan",
        gettext_lazy("Alasan pembatalan wajib diisi."),
    ),
    "keputusan_metode_pilihan": ("metode", gettext_lazy("Metode pengisian tidak dikenal.")),
}
# SQLite names the columns of a violated unique index, not the constraint.
_SQLITE_UNIQUE = {
    "jabatan_penempatan.pegawai_id": "penempatan_satu_definitif_aktif_per_pegawai",
    "jabatan_penempatan.formasi_id": "penempatan_satu_pelaksana_tugas_per_formasi",
    "jabatan_usulan.formasi_id, jabatan_usulan.pegawai_id": "usulan_satu_per_pegawai_formasi",
    "jabatan_usulan.formasi_id, jabatan_usulan.urutan": "usulan_tiga_slot_per_formasi",
}


def _integrity_to_validation(exc: IntegrityError) -> ValidationError:
    text = str(exc)
    if text.startswith("UNIQUE constraint failed: "):
        name = _SQLITE_UNIQUE.get(text.removeprefix("UNIQUE constraint failed: "), "")
        text = f"{text} {name}"
    for name, (field, message) in _CONSTRAINT_ERRORS.items():
        if name in text:
            return ValidationError({field: message}, code=name)
    # SQLite names no CHECK constraint in a trigger-raised error; the quota is the only
    # CHECK a placement insert can trip.
    if "CHECK constraint failed" in text:
        field, message = _CONSTRAINT_ERRORS["formasi_terisi_tidak_melebihi_kuota"]
        return ValidationError({field: message}, code="formasi_penuh")
    raise exc


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
                    % {"t": sebelumnya.tmt_mulai.strftime("%d-%m-%Y")}
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
    if jenis == Penempatan.Jenis.DEFINITIF and pegawai.unit_kerja_id != formasi.unit_kerja_id:
        # The one writer of Pegawai.unit_kerja (shared/DESIGN.md): it follows the placement.
        # A save, not an update(), so the audit trail records the move.
        pegawai.unit_kerja = formasi.unit_kerja
        pegawai.save(update_fields=["unit_kerja", "updated_at"])
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
                % {"t": penempatan.tmt_selesai.strftime("%d-%m-%Y")}
            }
        )
    if tmt_selesai < penempatan.tmt_mulai:
        raise ValidationError(
            {
                "tmt_selesai": _("TMT selesai tidak boleh sebelum TMT mulai (%(t)s).")
                % {"t": penempatan.tmt_mulai.strftime("%d-%m-%Y")}
            }
        )
    penempatan.tmt_selesai = tmt_selesai
    if keterangan:
        penempatan.keterangan = keterangan
    penempatan.save(update_fields=["tmt_selesai", "keterangan", "updated_at"])
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


@transaction.atomic
def penempatan_end_all(*, pegawai: Pegawai, tmt_berhenti: date) -> int:
    """End every active placement of an employee who leaves the service; return how many.

    A placement ends the day before the TMT of leaving (retirement takes effect on a first of
    the month, PP 11/2017 Pasal 239), so the post is vacant from that TMT on.
    """
    n = 0
    for penempatan in Penempatan.objects.select_for_update().aktif().filter(pegawai=pegawai):
        penempatan.tmt_selesai = max(penempatan.tmt_mulai, tmt_berhenti - timedelta(days=1))
        if not penempatan.keterangan:
            # A record, not a message: written in the agency's language whoever is logged in.
            with translation.override(settings.LANGUAGE_CODE):
                penempatan.keterangan = _("Pegawai berhenti: %(k)s") % {
                    "k": pegawai.get_kedudukan_display()
                }
        penempatan.save(update_fields=["tmt_selesai", "keterangan", "updated_at"])
        n += 1
    return n


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
    pegawai.full_clean()
    pegawai.save(update_fields=["kedudukan", "tmt_berhenti", "updated_at"])
    penempatan_end_all(pegawai=pegawai, tmt_berhenti=tmt_berhenti)
    return pegawai


def asesmen_hitung_jpm(*, asesmen: HasilAsesmen) -> HasilAsesmen:
    """Store the assessment's Job Person Match against the employee's current position.

    JPM = Σ achieved level (capped at the required level) ÷ Σ required level (Peraturan BKN
    26/2019); the standard is the definitive position's competency standard
    (PermenPANRB 38/2017). Without a definitive post there is no standard and no JPM.
    """
    penempatan = (
        Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id=asesmen.pegawai_id)
        .select_related("formasi__jabatan")
        .first()
    )
    asesmen.jpm = (
        jpm(asesmen.capaian, penempatan.formasi.jabatan.standar_kompetensi) if penempatan else None
    )
    asesmen.save(update_fields=["jpm", "updated_at"])
    return asesmen


def atasan_dan_jenis_jabatan() -> tuple[dict[int, int | None], dict[int, str]]:
    """Return each active employee's direct superior (pejabat penilai) and position kind.

    The superior comes from the organisation structure (jabatan.rules): the holder of the
    highest managerial post of the employee's unit, or of the nearest unit above. A fixed
    number of queries whatever the number of employees.
    """
    kepala: dict[int, tuple[int, int]] = {}
    for unit_id, pegawai_id, eselon_min in (
        Penempatan.objects.aktif()
        .definitif()
        .filter(formasi__jabatan__jenis__in=MANAJERIAL)
        .values_list("formasi__unit_kerja_id", "pegawai_id", "formasi__jabatan__golongan_minimal")
    ):
        rank = gol.urutan(eselon_min) if eselon_min else 0
        if unit_id not in kepala or rank > kepala[unit_id][1]:
            kepala[unit_id] = (pegawai_id, rank)
    induk = dict(UnitKerja.objects.values_list("pk", "parent_id"))
    akar = [pk for pk, parent in induk.items() if parent is None]
    sekda = max(
        (v for k, v in kepala.items() if induk.get(k) in akar and k not in akar),
        key=lambda v: v[1],
        default=(None, 0),
    )[0]
    jenis = dict(
        Penempatan.objects.aktif().definitif().values_list("pegawai_id", "formasi__jabatan__jenis")
    )
    atasan = atasan_langsung(
        Pegawai.objects.aktif().values_list("pk", "unit_kerja_id").iterator(),
        {unit: head for unit, (head, _r) in kepala.items()},
        induk,
        sekda,
    )
    return atasan, jenis


def periode_buka_skp(
    *, periode: Periode, saat_maju: Callable[[int, int], None] | None = None
) -> int:
    """Open the period's SKPs (kinerja.services.periode_buka_skp) for every active employee,
    each with their direct superior from the organisation structure as evaluator; HR can
    reassign afterwards. Return how many were opened."""
    penilai, jenis = atasan_dan_jenis_jabatan()
    return kinerja_services.periode_buka_skp(
        periode=periode, penilai=penilai, jenis_jabatan=jenis, saat_maju=saat_maju
    )


@contextmanager
def _diaudit_oleh(oleh) -> Iterator[None]:
    """Attribute the audit entries written inside to `oleh`, the acting user the service was
    given, on every path (a command or the shell has no request for the audit middleware to
    name). Inside a request the request's other details (the address) are kept, and the
    request's context is restored afterwards."""
    try:
        sebelumnya = auditlog_value.get()
    except LookupError:
        sebelumnya = None
    data = {k: v for k, v in (sebelumnya or {}).items() if k != "signal_duid"}
    with set_extra_data({**data, "actor": oleh}):
        yield
    if sebelumnya is not None:
        auditlog_value.set(sebelumnya)


def _diaudit(service: Callable[..., T]) -> Callable[..., T]:
    """Write the service's audit entries as its `oleh` (the acting user)."""

    @wraps(service)
    def call(*args, oleh, **kwargs) -> T:
        with _diaudit_oleh(oleh):
            return service(*args, oleh=oleh, **kwargs)

    return call


def _tarik_usulan(formasi: Formasi) -> None:
    """Withdraw the post's active proposals (three at most), one save each for the audit trail."""
    for usulan in Usulan.objects.filter(formasi=formasi, aktif=True):
        usulan.aktif = False
        usulan.save(update_fields=["aktif", "updated_at"])


def _snapshot(peringkat: Peringkat, terpilih: int | None = None, teratas: int = 50) -> dict:
    """Freeze a ranking: inputs' summary, weights, requirements, scores, rule version."""

    def baris(h) -> dict:
        return {
            "peringkat": h.peringkat,
            "pegawai_id": h.kandidat.pegawai_id,
            "nip": h.kandidat.nip,
            "nama": h.kandidat.nama,
            "skor": str(h.skor),
            "komponen": {k: str(v) for k, v in h.komponen.items()},
            "kotak_talenta": h.kotak_talenta,
            "alasan": [a.kode for a in h.alasan],
        }

    s = peringkat.syarat
    pilihan = peringkat.dicari.get(terpilih) if terpilih else None
    return {
        "aturan_versi": merit.ATURAN_VERSI,
        "pada": peringkat.pada.isoformat(),
        "bobot": peringkat.bobot.sebagai_dict(),
        "syarat": {
            "jenis_jabatan": s.jenis_jabatan,
            "golongan_minimal": s.golongan_minimal,
            "pendidikan_minimal": s.pendidikan_minimal,
            "bidang_studi": sorted(s.bidang_studi),
            "standar": dict(s.standar),
            "batas_usia_pensiun": s.batas_usia_pensiun,
        },
        "jumlah_kandidat": peringkat.jumlah,
        "jumlah_layak": peringkat.jumlah_layak,
        "alasan": peringkat.alasan,
        "keadilan": peringkat.keadilan,
        "teratas": [baris(h) for h in peringkat.teratas[:teratas]],
        "terpilih": baris(pilihan) if pilihan else None,
    }


@_diaudit
@transaction.atomic
def usulan_set(*, formasi: Formasi, pegawai_ids: Sequence[int], pada: date, oleh) -> list[Usulan]:
    """Propose up to three eligible candidates to the appointing official (PPK), replacing the
    post's earlier proposals."""
    formasi = Formasi.objects.select_for_update(of=("self",)).get(pk=formasi.pk)
    if not 1 <= len(set(pegawai_ids)) <= 3:
        raise ValidationError({"pegawai": _("Usulkan satu sampai tiga kandidat.")})
    peringkat = peringkat_formasi(
        formasi, pada=pada, teratas=0, pegawai_ids=pegawai_ids, hitung=False
    )
    hasil = peringkat.dicari
    tidak_layak = [hasil[p].kandidat.nama for p in pegawai_ids if p in hasil and not hasil[p].layak]
    if tidak_layak or any(p not in hasil for p in pegawai_ids):
        raise ValidationError(
            {
                "pegawai": _("Hanya kandidat yang memenuhi syarat dapat diusulkan: %(n)s.")
                % {"n": ", ".join(tidak_layak) or _("pegawai tidak dikenal")}
            }
        )
    try:
        with transaction.atomic():
            _tarik_usulan(formasi)
            # Slots 1–3 (Usulan.urutan): the database refuses a fourth active proposal from
            # any writer, this one included.
            return [
                Usulan.objects.create(
                    formasi=formasi,
                    pegawai_id=p,
                    urutan=urutan,
                    peringkat=hasil[p].peringkat,
                    skor=hasil[p].skor,
                    diusulkan_oleh=oleh,
                )
                for urutan, p in enumerate(dict.fromkeys(pegawai_ids), start=1)
            ]
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc


@_diaudit
@transaction.atomic
def keputusan_create(
    *,
    formasi: Formasi,
    pegawai: Pegawai,
    nomor_sk: str,
    tanggal_sk: date,
    tmt: date,
    metode: str,
    justifikasi: str = "",
    oleh,
    membatalkan: Keputusan | None = None,
    alasan_pembatalan: str = "",
) -> Keputusan:
    """Record the PPK's decision: freeze the ranking, place the appointee (ending their previous
    post, which becomes vacant), all in one transaction. Two HR staff deciding the same vacancy
    at once queue on the post's row lock; the second finds it filled."""
    formasi = (
        Formasi.objects.select_for_update(of=("self",)).select_related("jabatan").get(pk=formasi.pk)
    )
    errors: dict[str, list[str]] = {}
    if not nomor_sk.strip():
        errors["nomor_sk"] = [_("Nomor SK wajib diisi.")]
    if metode not in Keputusan.Metode.values:
        errors["metode"] = [_("Metode pengisian tidak dikenal.")]
    if membatalkan is not None:
        if not alasan_pembatalan.strip():
            errors["alasan_pembatalan"] = [_("Alasan pembatalan wajib diisi.")]
        if hasattr(membatalkan, "dibatalkan_oleh"):
            errors["membatalkan"] = [_("Keputusan itu sudah dibatalkan.")]
        elif errors == {}:
            penempatan_end(
                penempatan=membatalkan.penempatan,
                tmt_selesai=max(membatalkan.penempatan.tmt_mulai, tmt - timedelta(days=1)),
                keterangan=_("Dibatalkan: %(a)s") % {"a": alasan_pembatalan.strip()},
            )
            formasi.refresh_from_db()
    if formasi.jumlah_terisi >= formasi.kuota:
        errors.setdefault("formasi", []).append(
            _("Formasi %(f)s sudah terisi; keputusan lain mungkin baru saja dicatat.")
            % {"f": formasi}
        )
    if errors:
        raise ValidationError(errors)
    usulan = set(
        Usulan.objects.filter(formasi=formasi, aktif=True).values_list("pegawai_id", flat=True)
    )
    if membatalkan is None and pegawai.pk not in usulan:
        raise ValidationError(
            {"pegawai": _("Yang diangkat harus salah satu kandidat yang diusulkan kepada PPK.")}
        )
    peringkat = peringkat_formasi(formasi, pada=tmt, pegawai_ids=[pegawai.pk])
    hasil = peringkat.dicari.get(pegawai.pk)
    if hasil is None or not hasil.layak:
        alasan = "; ".join(a.pesan for a in hasil.alasan) if hasil else ""
        raise ValidationError(
            {"pegawai": _("%(n)s tidak memenuhi syarat: %(a)s") % {"n": pegawai.nama, "a": alasan}}
        )
    if hasil.peringkat != 1 and not justifikasi.strip():
        raise ValidationError(
            {
                "justifikasi": _(
                    "Yang diangkat bukan kandidat layak peringkat pertama (peringkat %(p)s): "
                    "tuliskan justifikasinya."
                )
                % {"p": hasil.peringkat}
            }
        )
    penempatan = penempatan_create(
        pegawai=pegawai,
        formasi=formasi,
        tmt_mulai=tmt,
        nomor_sk=nomor_sk,
        tanggal_sk=tanggal_sk,
        keterangan=str(Keputusan.Metode(metode).label),
    )
    try:
        with transaction.atomic():
            keputusan = Keputusan.objects.create(
                formasi=formasi,
                pegawai=pegawai,
                penempatan=penempatan,
                nomor_sk=nomor_sk.strip(),
                tanggal_sk=tanggal_sk,
                tmt=tmt,
                metode=metode,
                justifikasi=justifikasi.strip(),
                peringkat_terpilih=hasil.peringkat,
                snapshot=_snapshot(peringkat, pegawai.pk),
                aturan_versi=merit.ATURAN_VERSI,
                oleh=oleh,
                membatalkan=membatalkan,
                alasan_pembatalan=alasan_pembatalan.strip(),
            )
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc
    _tarik_usulan(formasi)
    return keputusan
