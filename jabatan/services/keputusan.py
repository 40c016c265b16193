"""Merit decisions: proposals to the PPK and the recorded decision with its frozen ranking."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.audit import audited
from jabatan import merit
from jabatan.asal_seleksi import asal_seleksi
from jabatan.models import Formasi, Keputusan, Usulan
from jabatan.peringkat import Peringkat, peringkat_formasi
from jabatan.services.base import _integrity_to_validation
from jabatan.services.koreksi import _batalkan
from jabatan.services.penempatan import penempatan_create
from pegawai.models import Pegawai


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
            "keterangan": list(h.keterangan),
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
            "bidang_sesuai": sorted(s.bidang_sesuai),
            "bidang_serumpun": sorted(s.bidang_serumpun),
            "sumber_relevansi": s.sumber_relevansi,
            "urusan": s.urusan,
            "nama_urusan": s.nama_urusan,
        },
        "jumlah_kandidat": peringkat.jumlah,
        "jumlah_layak": peringkat.jumlah_layak,
        "alasan": peringkat.alasan,
        "keadilan": peringkat.keadilan,
        "teratas": [baris(h) for h in peringkat.teratas[:teratas]],
        "terpilih": baris(pilihan) if pilihan else None,
    }


@audited
@transaction.atomic
def usulan_set(*, formasi: Formasi, pegawai_ids: Sequence[int], pada: date, oleh) -> list[Usulan]:
    """Propose up to three eligible candidates to the appointing official (PPK), replacing the
    post's earlier proposals."""
    formasi = Formasi.objects.select_for_update(of=("self",)).get(pk=formasi.pk)
    if formasi.jumlah_terisi >= formasi.kuota:
        raise ValidationError(
            {
                "formasi": _(
                    "Formasi %(f)s sudah terisi (kuota %(k)s, terisi %(t)s): tidak menerima "
                    "usulan baru."
                )
                % {"f": formasi, "k": formasi.kuota, "t": formasi.jumlah_terisi}
            }
        )
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


@audited
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
    ringkasan_publik: str = "",
    oleh,
    membatalkan: Keputusan | None = None,
    alasan_pembatalan: str = "",
    seleksi_id: int | None = None,
) -> Keputusan:
    """Record the PPK's decision: freeze the ranking, place the appointee (ending their previous
    post, which becomes vacant), all in one transaction. Two HR staff deciding the same vacancy
    at once queue on the post's row lock; the second finds it filled.

    `membatalkan` names an earlier decision on this post that this one annuls (with
    `alasan_pembatalan`): it is annulled as by `keputusan_cancel`, its placement ending the
    day before this TMT. A decision by "Seleksi terbuka" must name the selection it came from
    (`seleksi_id`), which the recorder publik registers checks and links
    (jabatan.asal_seleksi); any other method names none.
    """
    formasi = (
        Formasi.objects.select_for_update(of=("self",)).select_related("jabatan").get(pk=formasi.pk)
    )
    errors: dict[str, list[str]] = {}
    if not nomor_sk.strip():
        errors["nomor_sk"] = [_("Nomor SK wajib diisi.")]
    if metode not in Keputusan.Metode.values:
        errors["metode"] = [_("Metode pengisian tidak dikenal.")]
    errors.update(_galat_seleksi(metode, seleksi_id))
    if membatalkan is not None:
        membatalkan = Keputusan.objects.select_for_update(of=("self",)).get(pk=membatalkan.pk)
        if not alasan_pembatalan.strip():
            errors["alasan_pembatalan"] = [_("Alasan pembatalan wajib diisi.")]
        if membatalkan.batal:
            errors["membatalkan"] = [_("Keputusan itu sudah dibatalkan.")]
        elif membatalkan.formasi_id != formasi.pk:
            errors["membatalkan"] = [_("Keputusan yang dibatalkan harus untuk formasi yang sama.")]
        elif errors == {}:
            _batalkan(
                membatalkan,
                alasan=alasan_pembatalan,
                pada=tanggal_sk,
                tmt_selesai=tmt - timedelta(days=1),
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
    ringkasan_publik = ringkasan_publik.strip()
    if ringkasan_publik and ringkasan_publik.casefold() == justifikasi.strip().casefold():
        raise ValidationError(
            {
                "ringkasan_publik": _(
                    "Ringkasan untuk publik tidak boleh menyalin justifikasi internal: tulis "
                    "ringkasan tanpa data pribadi."
                )
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
                ringkasan_publik=ringkasan_publik,
                peringkat_terpilih=hasil.peringkat,
                snapshot=_snapshot(peringkat, pegawai.pk),
                aturan_versi=merit.ATURAN_VERSI,
                oleh=oleh,
                membatalkan=membatalkan,
            )
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc
    if seleksi_id is not None:
        asal_seleksi().catat(keputusan=keputusan, seleksi_id=seleksi_id)
    _tarik_usulan(formasi)
    return keputusan


def _galat_seleksi(metode: str, seleksi_id: int | None) -> dict[str, list[str]]:
    """A decision by open selection names its selection (and a recorder must be there to check
    it); a decision by any other method names none."""
    if metode == Keputusan.Metode.SELEKSI_TERBUKA:
        if asal_seleksi() is None:
            return {"metode": [_("Keputusan melalui seleksi terbuka tidak dapat dicatat di sini.")]}
        if seleksi_id is None:
            return {
                "seleksi": [_("Metode Seleksi terbuka: pilih seleksi terbuka asal keputusan ini.")]
            }
    elif seleksi_id is not None:
        return {"seleksi": [_("Seleksi asal hanya untuk metode Seleksi terbuka.")]}
    return {}
