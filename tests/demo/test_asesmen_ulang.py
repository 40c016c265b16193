"""The demo's repeat competency assessments: "did the training work?" shows competency
figures, computed from the seeded assessments, and the rest of the app reads them as the latest."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from jabatan.models import IndeksMerit, Penempatan
from pegawai.akses import Lingkup
from pegawai.kompetensi import KODE, jpm
from pegawai.models import HasilAsesmen
from pelatihan.models import Peserta, ProgramKompetensi
from pelatihan.rules import MINIMAL_KELOMPOK
from pelatihan.selectors.rencana import efek_pelatihan

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)
TAHUN = PADA.year - 1  # the page's default year: the last full training year


@pytest.fixture
def demo():
    call_command("seed_demo", pegawai=2000, seed=2026, tanggal=PADA, stdout=StringIO())


def _levels() -> dict[int, list[HasilAsesmen]]:
    per: dict[int, list[HasilAsesmen]] = defaultdict(list)
    for h in HasilAsesmen.objects.order_by("pegawai_id", "tanggal", "pk"):
        per[h.pegawai_id].append(h)
    return per


def _cukup(efek) -> list[tuple]:
    return [
        (e, k)
        for e in efek
        for k in e.kompetensi
        if k.cukup and min(k.n_peserta, k.n_pembanding) >= MINIMAL_KELOMPOK
    ]


def _dari_data(program_id: int, kode: str) -> tuple[int, float, float, float]:
    """Recompute a participants' figure straight from the rows: how many, mean level before and
    after the year, share whose level rose."""
    ikut = set(
        Peserta.objects.filter(
            status="lulus", tahun_jp=TAHUN, sesi__program_id=program_id
        ).values_list("pegawai_id", flat=True)
    )
    pasangan = []
    for pid, daftar in _levels().items():
        sebelum = [h for h in daftar if h.tanggal < dt.date(TAHUN, 1, 1)]
        sesudah = [h for h in daftar if h.tanggal > dt.date(TAHUN, 12, 31)]
        if pid in ikut and sebelum and sesudah:
            pasangan.append((getattr(sebelum[-1], kode), getattr(sesudah[0], kode)))
    n = len(pasangan)
    awal, akhir = sum(a for a, _b in pasangan), sum(b for _a, b in pasangan)
    naik = sum(b > a for a, b in pasangan)
    return n, round(awal / n, 2), round(akhir / n, 2), round(100 * naik / n, 1)


def test_the_did_it_work_page_shows_competency_figures_from_enough_people(demo, client):
    client.force_login(User.objects.get(username="admin.bkpsdm"))
    r = client.get(reverse("pelatihan:efek"), {"tahun": str(TAHUN)})
    assert r.status_code == 200
    cukup = _cukup(r.context["efek"])
    assert cukup, "no program has competency figures from enough people on both sides"
    e, k = cukup[0]
    html = r.content.decode()  # in Indonesian, with its decimal comma
    assert f"{k.awal_peserta:.2f} → {k.akhir_peserta:.2f}".replace(".", ",") in html
    assert f"{k.naik_peserta}% naik".replace(".", ",") in html
    # The participants' figure is the data's: recomputed from the assessment rows.
    assert _dari_data(e.program_id, k.kode) == (
        k.n_peserta,
        k.awal_peserta,
        k.akhir_peserta,
        k.naik_peserta,
    )


def test_the_figures_follow_the_assessments(demo):
    """Change the participants' second assessments and the page's figure changes with them."""
    e, k = _cukup(efek_pelatihan(Lingkup(semua=True), TAHUN))[0]
    ikut = Peserta.objects.filter(status="lulus", tahun_jp=TAHUN, sesi__program_id=e.program_id)
    sesudah = HasilAsesmen.objects.filter(
        pegawai__in=ikut.values("pegawai_id"), tanggal__gt=dt.date(TAHUN, 12, 31)
    )
    sesudah.update(**{k.kode: 1})  # everyone falls to the lowest level: nobody rose
    (baru,) = [
        b
        for x in efek_pelatihan(Lingkup(semua=True), TAHUN)
        if x.program_id == e.program_id
        for b in x.kompetensi
        if b.kode == k.kode
    ]
    assert (baru.n_peserta, baru.naik_peserta, baru.akhir_peserta) == (k.n_peserta, 0.0, 1.0)
    assert baru.naik_pembanding == k.naik_pembanding  # the non-attendees' rows are untouched


def test_repeat_assessments_move_plausibly_and_carry_the_post_jpm(demo):
    per = _levels()
    ulang = {pid: d for pid, d in per.items() if len(d) > 1}
    assert 0.1 < len(ulang) / len(per) < 0.6  # a share of the assessed, not everyone
    standar = {
        p.pegawai_id: p.formasi.jabatan.standar_kompetensi
        for p in Penempatan.objects.aktif().definitif().select_related("formasi__jabatan")
    }
    target: dict[int, set[str]] = defaultdict(set)
    for prog, kode in ProgramKompetensi.objects.values_list("program_id", "kode"):
        target[prog].add(kode)
    lulus: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for pid, prog, tanggal in Peserta.objects.filter(status="lulus").values_list(
        "pegawai_id", "sesi__program_id", "tanggal_sertifikat"
    ):
        lulus[pid].append((tanggal, prog))
    gerak = {True: [0, 0, 0], False: [0, 0, 0]}  # developed? -> [up, same, down]
    for pid, (a, b, *lain) in ulang.items():
        assert not lain  # one repeat
        assert a.tanggal + dt.timedelta(days=365) <= b.tanggal < PADA
        assert b.jpm == jpm(b.capaian, standar[pid])  # as jabatan.services.asesmen_compute_jpm
        dikembangkan = {
            kode for t, prog in lulus[pid] if a.tanggal < t < b.tanggal for kode in target[prog]
        }
        for kode in KODE:
            beda = getattr(b, kode) - getattr(a, kode)
            assert beda in (-1, 0, 1)
            gerak[kode in dikembangkan][{1: 0, 0: 1, -1: 2}[beda]] += 1

    def share(i: int, ya: bool) -> float:
        return gerak[ya][i] / sum(gerak[ya])

    assert share(0, True) > 1.5 * share(0, False)  # trained competencies rise more often
    assert share(1, True) > 0.4 and share(1, False) > 0.7  # many stay where they were
    assert share(2, True) < 0.08 and share(2, False) < 0.08  # rarely down


def test_the_merit_projection_reads_the_repeat_assessment_as_the_latest(demo):
    call_command("indeks_merit", "--periksa", stdout=StringIO())  # raises when out of step
    b = HasilAsesmen.objects.order_by("-pk").first()  # the seed writes the repeats last
    assert HasilAsesmen.objects.filter(pegawai=b.pegawai_id, tanggal__lt=b.tanggal).exists()
    m = IndeksMerit.objects.get(pegawai_id=b.pegawai_id)
    assert {kode: getattr(m, f"level_{kode}") for kode in KODE} == b.capaian
    assert m.jpm_sen == int(b.jpm * 100)


def test_the_repeat_assessments_are_deterministic_for_a_seed():
    def asesmen() -> list[tuple]:
        return list(
            HasilAsesmen.objects.order_by("pegawai__nip", "tanggal").values_list(
                "pegawai__nip", "tanggal", "metode", "jpm", *KODE
            )
        )

    call_command("seed_demo", pegawai=400, seed=7, tanggal=PADA, stdout=StringIO())
    first = asesmen()
    assert len(first) > len({row[0] for row in first})  # some employees assessed twice
    call_command("seed_demo", pegawai=400, seed=7, tanggal=PADA, reset=True, stdout=StringIO())
    assert asesmen() == first


def test_every_seeded_assessment_carries_the_services_jpm():
    """Each of the seed's assessments, first or repeat, has the JPM jabatan's service stores
    (jabatan.services.asesmen_compute_jpm): the post's standard, none without a post."""
    from jabatan.services import asesmen_compute_jpm
    from pegawai.kedudukan_hukum import TIDAK_MEMANGKU
    from pegawai.models import Pegawai

    call_command("seed_demo", pegawai=400, seed=7, tanggal=PADA, stdout=StringIO())
    seeded = list(HasilAsesmen.objects.order_by("pk"))
    assert seeded and any(a.jpm is not None for a in seeded)
    # The kedudukan hukum that frees a post comes after the JPM (the post held when assessed).
    bebas = set(
        Pegawai.objects.filter(kedudukan_hukum__in=TIDAK_MEMANGKU).values_list("pk", flat=True)
    )
    for a in seeded:
        if a.pegawai_id not in bebas:
            assert a.jpm == asesmen_compute_jpm(asesmen=HasilAsesmen(**_kolom(a))).jpm, a.pk


def _kolom(a: HasilAsesmen) -> dict:
    return {f.attname: getattr(a, f.attname) for f in HasilAsesmen._meta.concrete_fields}
