"""Whether one employee meets the requirements of many vacant posts: the employee's chances list.

The same rules as the ranking's explanation (jabatan.merit.peringkat over the employee's
IndeksMerit row, with the profile's talent-pool rule and HR's talent bands), so the list says
what the post's own page says. One candidate against many posts: a fixed number of queries
whatever the number of posts (the posts with their requirements, the profiles, the bands, the
employee's row, sanctions and holdings), then pure Python per post.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.db.models import Prefetch

from jabatan import indeks, merit
from jabatan.models import Formasi, IndeksMerit, Penempatan, ProfilMerit
from jabatan.selectors import Relevansi, syarat_formasi
from kinerja.models import PengaturanTalenta
from pegawai.models import BidangStudi, HukumanDisiplin


def kandidat_pegawai(pegawai_id: int) -> merit.Kandidat | None:
    """Return the pure rules' view of one employee from the projection (four queries), None for
    an employee without a projection row (not an active employee)."""
    row = IndeksMerit.objects.filter(pegawai_id=pegawai_id).first()
    if row is None:
        return None
    # Every affair's days and every year's JP: the posts asked about differ in both.
    hukuman = [
        merit.Hukuman(jenis, mulai, selesai)
        for jenis, mulai, selesai in HukumanDisiplin.objects.filter(
            pegawai_id=pegawai_id
        ).values_list("jenis", "tmt_mulai", "tmt_selesai")
    ]
    ids = [pegawai_id]
    urusan, jp = indeks.hari_urusan(ids), indeks.jp_tahun(ids)
    return indeks.kandidat(row, hukuman, urusan.get(pegawai_id), jp.get(pegawai_id))


def jelaskan_formasi(
    kandidat: merit.Kandidat, *, formasi_ids: Collection[int], pada: date
) -> dict[int, merit.Hasil | None]:
    """Return, for each of `formasi_ids`, the candidate's explained result for it on `pada`
    (eligibility and reasons, components and score under the post's profile weights), None
    for a post the candidate holds (a holder does not compete for it, as in the ranking)."""
    ids = list(formasi_ids)
    if not ids:
        return {}
    # Full rows here: the list's own query defers the requirement columns.
    formasi_list = (
        Formasi.objects.select_related("jabatan", "unit_kerja")
        .prefetch_related(
            Prefetch("jabatan__bidang_studi", queryset=BidangStudi.objects.only("pk", "nama")),
            "jabatan__rumpun_wajib",
        )
        .filter(pk__in=ids)
    )
    formasi = list(formasi_list)
    profil = {
        p.jenis_jabatan: p
        for p in ProfilMerit.objects.filter(jenis_jabatan__in={f.jabatan.jenis for f in formasi})
    }
    pengaturan = PengaturanTalenta.aktif()
    dipangku = set(
        Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id=kandidat.pegawai_id, formasi_id__in=ids)
        .values_list("formasi_id", flat=True)
    )
    hasil: dict[int, merit.Hasil | None] = dict.fromkeys(ids)
    relevansi = Relevansi.muat()
    for f in formasi:
        if f.pk in dipangku:
            continue
        p = profil.get(f.jabatan.jenis) or ProfilMerit(jenis_jabatan=f.jabatan.jenis)
        (hasil[f.pk],) = merit.peringkat(
            [kandidat],
            syarat_formasi(f, relevansi),
            pada=pada,
            bobot=p.bobot,
            hanya_talent_pool=p.hanya_talent_pool,
            pita_kinerja=pengaturan.pita_kinerja,
            pita_potensial=pengaturan.pita_potensial,
        )
    return hasil


def memenuhi_syarat(
    *, pegawai_id: int, formasi_ids: Collection[int], pada: date
) -> dict[int, bool]:
    """Return, for each of `formasi_ids`, whether the employee is eligible for it on `pada`.

    An employee without a projection row (not an active employee) meets none; a holder of the
    post does not compete for it (as in the ranking).
    """
    ids = list(formasi_ids)
    if not ids:
        return {}
    kandidat = kandidat_pegawai(pegawai_id)
    if kandidat is None:
        return dict.fromkeys(ids, False)
    hasil = jelaskan_formasi(kandidat, formasi_ids=ids, pada=pada)
    return {pk: h is not None and h.layak for pk, h in hasil.items()}
