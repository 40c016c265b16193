"""A handful of employees with a SIASN kedudukan hukum that frees their post (pegawai.
kedudukan_hukum): a few PNS on tugas belajar, one under pemberhentian sementara, and those in
the last year before their retirement age on masa persiapan pensiun (MPP). Their placements end
through jabatan's one service (pegawai_release_posts) on the day the kedudukan began, so the posts
show vacant and no one without a post holds one. Runs at the end of the generator, inside its
deferred projection; deterministic for the generator's random state.

Only staff posts (fungsional and pelaksana) of PNS who head no unit, were appointed by no
recorded decision and act in no Plt post: the demo's structural posts, decisions and Plt keep
their own stories (demo.generator._riwayat, demo.publik).
"""

from __future__ import annotations

from datetime import date, timedelta

from jabatan.models import Penempatan
from jabatan.services import pegawai_release_posts
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai
from pegawai.pensiun import tanggal_pensiun

TUGAS_BELAJAR = 3  # young graduates gone for a master's degree (S1 only)
PEMBERHENTIAN_SEMENTARA = 1
MPP = 3


def _bulan(d: date) -> date:
    return d.replace(day=1)


def kedudukan_hukum(gen) -> int:
    """Give the chosen employees their kedudukan hukum and end their placements; return how
    many."""
    rng, pada = gen.rng, gen.pada
    kepala = {pid for pid, _rank in gen.kepala.values()}
    calon = list(
        Penempatan.objects.aktif()
        .definitif()
        .filter(
            pegawai__status=Pegawai.Status.PNS,
            formasi__jabatan__jenis__in=[JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA],
            pegawai__keputusan__isnull=True,
        )
        .exclude(pegawai__penempatan__jenis="plt", pegawai__penempatan__tmt_selesai__isnull=True)
        .exclude(pegawai_id__in=kepala)
        .select_related("pegawai", "formasi__jabatan")
        .order_by("pegawai_id")
    )
    pilih: dict[int, tuple[str, date]] = {}
    # MPP: at most a year before the retirement age of the post (BUP, UU 20/2023 Pasal 55).
    mpp = []
    for p in calon:
        pensiun = tanggal_pensiun(p.pegawai.tanggal_lahir, p.formasi.jabatan.batas_usia_pensiun)
        mulai = _bulan(pensiun - timedelta(days=365))
        if pensiun > pada and mulai <= pada and mulai > p.tmt_mulai:
            mpp.append((p, mulai))
    for p, mulai in rng.sample(mpp, min(MPP, len(mpp))):
        pilih[p.pegawai_id] = ("20", mulai)
    # Tugas belajar: a PNS under 40 with a first degree, for two years from a new academic year.
    muda = [
        p
        for p in calon
        if p.pegawai_id not in pilih
        and p.pegawai.pendidikan == "S1"
        and (pada - p.pegawai.tanggal_lahir).days < 40 * 365
    ]
    for p in rng.sample(muda, min(TUGAS_BELAJAR, len(muda))):
        mulai = date(pada.year if pada.month >= 9 else pada.year - 1, 9, 1)
        if mulai > p.tmt_mulai:
            pilih[p.pegawai_id] = ("03", mulai)
    lain = [p for p in calon if p.pegawai_id not in pilih]
    for p in rng.sample(lain, min(PEMBERHENTIAN_SEMENTARA, len(lain))):
        mulai = max(p.tmt_mulai + timedelta(days=1), pada - timedelta(days=rng.randint(30, 200)))
        pilih[p.pegawai_id] = ("04", mulai)
    for pegawai in Pegawai.objects.filter(pk__in=list(pilih)).order_by("pk"):
        kode, mulai = pilih[pegawai.pk]
        pegawai.kedudukan_hukum = kode
        pegawai.save(update_fields=["kedudukan_hukum", "updated_at"])
        pegawai_release_posts(pegawai=pegawai, pada=mulai)
    return len(pilih)
