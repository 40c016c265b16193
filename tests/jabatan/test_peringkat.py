"""The SQL ranking over IndeksMerit gives exactly what the pure rules give on the live records.

The demo generator builds a small city (sanctions, assessments, evaluations, placements,
training); saves through the ORM then add the awkward cases (sanctions of every level starting
and ending around the ranking date, ended posts of every kind, employees on leave or retired,
PPPK, SIASN kedudukan hukum that may and may not be ranked, accepted fields of study, training
of years around the ranking date with and without the leadership programs, a profile requiring
leadership training). For several posts, dates and
profiles, the service's counts, order, scores, ranks and reasons must equal jabatan.merit run in
Python over jabatan.selectors.kandidat_merit.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from io import StringIO
from types import SimpleNamespace

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone

from jabatan import indeks, merit
from jabatan.merit import pengembangan
from jabatan.models import (
    Formasi,
    IndeksJp,
    IndeksMerit,
    IndeksUrusan,
    Jabatan,
    Penempatan,
    ProfilMerit,
)
from jabatan.peringkat import dengan_bobot, peringkat_formasi
from jabatan.selectors import formasi_lowong, kandidat_merit, syarat_formasi
from pegawai import projection
from pegawai.akses import Lingkup
from pegawai.disiplin import JenisHukuman
from pegawai.jenis_jabatan import JenisJabatan, Jenjang
from pegawai.models import BidangStudi, HasilAsesmen, HukumanDisiplin, Pegawai
from tests.factories import PenempatanFactory
from tests.pelatihan.factories import EksternalFactory

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)


def _hari(rng: random.Random, awal: dt.date, akhir: dt.date) -> dt.date:
    return awal + dt.timedelta(days=rng.randrange((akhir - awal).days))


@pytest.fixture
def kota():
    # Set-up through the ORM, as bulk work: one rebuild of the projection at the end.
    with projection.deferred():
        call_command("seed_demo", pegawai=400, seed=11, tanggal=PADA, stdout=StringIO())
        rng = random.Random(3)
        orang = list(Pegawai.objects.order_by("pk"))
        jenis_hukuman = list(JenisHukuman.values)
        for p in rng.sample(orang, 60):
            mulai = _hari(rng, PADA - dt.timedelta(days=6 * 365), PADA + dt.timedelta(days=400))
            HukumanDisiplin.objects.create(
                pegawai=p,
                jenis=rng.choice(jenis_hukuman),
                nomor_sk="800/1",
                tanggal_sk=mulai,
                tmt_mulai=mulai,
                tmt_selesai=rng.choice([None, mulai + dt.timedelta(days=rng.randrange(1, 400))]),
            )
        formasi = list(Formasi.objects.select_related("jabatan"))
        for p in rng.sample(orang, 80):
            for _ in range(rng.randrange(1, 3)):
                mulai = _hari(rng, dt.date(2000, 1, 1), dt.date(2020, 1, 1))
                PenempatanFactory(
                    pegawai=p,
                    formasi=rng.choice(formasi),
                    tmt_mulai=mulai,
                    tmt_selesai=mulai + dt.timedelta(days=rng.randrange(30, 3000)),
                )
        for p in rng.sample(orang, 15):
            if rng.random() < 0.5:
                p.kedudukan = Pegawai.Kedudukan.CUTI
            else:
                p.kedudukan, p.tmt_berhenti = Pegawai.Kedudukan.PENSIUN, PADA
            p.save()
        for asesmen in rng.sample(list(HasilAsesmen.objects.all()), 10):
            asesmen.delete()
        bidang = list(  # the commonest fields, so that some are accepted and some are not
            BidangStudi.objects.annotate(n=Count("pegawai")).order_by("-n", "pk")[:6]
        )
        for jabatan in Jabatan.objects.filter(jenis=JenisJabatan.PENGAWAS)[:3]:
            jabatan.bidang_studi.set(bidang)
        ProfilMerit.objects.update_or_create(
            jenis_jabatan=JenisJabatan.PENGAWAS, defaults={"hanya_talent_pool": True}
        )
        # Training (merit-2026.5): verified external training of random years, some of it the
        # leadership programs, and an Administrator profile that requires PKA.
        hr = User.objects.create_user("verifikator")
        for p in rng.sample(orang, 120):
            for _ in range(rng.randrange(1, 4)):
                tahun = rng.randrange(2023, 2029)
                EksternalFactory(
                    pegawai=p,
                    tanggal_mulai=dt.date(tahun, 3, 1),
                    tanggal_selesai=dt.date(tahun, 3, 5),
                    tahun_jp=tahun,
                    jumlah_jp=rng.randrange(1, 45),
                    pelatihan_wajib=rng.choice(["", "", "latsar_cpns", *pengembangan.TINGKAT]),
                    status="diverifikasi",
                    diverifikasi_oleh=hr,
                    diverifikasi_pada=timezone.now(),
                )
        ProfilMerit.objects.update_or_create(
            jenis_jabatan=JenisJabatan.ADMINISTRATOR, defaults={"wajib_kepemimpinan": True}
        )
        # SIASN's kedudukan hukum (pegawai.kedudukan_hukum): some that may be ranked, some not.
        for p in rng.sample([p for p in orang if p.kedudukan == "aktif" and p.status == "PNS"], 30):
            p.refresh_from_db()
            if p.kedudukan == "aktif":
                p.kedudukan_hukum = rng.choice(["01", "03", "04", "09", "11", "15", "20", "90"])
                p.save()
    return orang


def _oracle_sama() -> None:
    """The stored projection equals the pure rules' reading of the live records
    (jabatan.selectors.kandidat_merit through jabatan.indeks.rows), row by row."""
    semua = kandidat_merit()
    oracle = {k.pegawai_id: indeks.nilai_baris(k) for k in semua}
    ada = {r["pegawai_id"]: r for r in IndeksMerit.objects.values(*indeks.FIELDS)}
    assert set(ada) == set(oracle)
    for pid, row in oracle.items():
        assert ada[pid] == row, pid
    urusan = {r for k in semua for r in indeks.nilai_urusan(k)}
    assert set(IndeksUrusan.objects.values_list(*indeks.FIELDS_URUSAN)) == urusan
    jp = {r for k in semua for r in indeks.nilai_jp(k)}
    assert set(IndeksJp.objects.values_list(*indeks.FIELDS_JP)) == jp


def test_the_sql_rebuild_equals_the_pure_rules(kota):
    """The SQL (jabatan.indeks.sql) against the independent Python oracle, whole and by ids."""
    _oracle_sama()
    assert indeks.selisih() == []
    ids = [p.pk for p in kota[:50]]
    IndeksMerit.objects.filter(pegawai_id__in=ids).update(nama="x", hari_pelaksana=7)
    assert set(ids) & set(indeks.selisih())
    indeks.index_refresh(ids)
    _oracle_sama()
    assert indeks.selisih() == []


def _referensi(formasi: Formasi, pada: dt.date, bobot: merit.Bobot, talent: bool, ubah=None):
    pemangku = set(
        Penempatan.objects.aktif().definitif().filter(formasi=formasi).values_list("pegawai_id")
    )
    pemangku = {p for (p,) in pemangku}
    kandidat = [k for k in kandidat_merit() if k.pegawai_id not in pemangku]
    syarat = replace(syarat_formasi(formasi), **(ubah or {}))
    return merit.peringkat(kandidat, syarat, pada=pada, bobot=bobot, hanya_talent_pool=talent)


def _lowong(jenis: str) -> Formasi:
    formasi = formasi_lowong(scope=Lingkup(semua=True)).filter(jabatan__jenis=jenis).first()
    if formasi is None:  # a filled post of that kind serves as well: its holders are left out
        formasi = Formasi.objects.filter(jabatan__jenis=jenis).first()
    return formasi


def _sama(p, ref, pada: dt.date) -> None:
    layak = [h for h in ref if h.layak]
    assert p.jumlah == len(ref) and p.jumlah_layak == len(layak)
    assert [(h.kandidat.pegawai_id, h.skor) for h in p.teratas] == [
        (h.kandidat.pegawai_id, h.skor) for h in layak[: len(p.teratas)]
    ]
    assert p.alasan == merit.hitung_alasan(ref)
    adil = merit.keadilan(ref, pada)
    assert p.keadilan["semua"] == adil["semua"] and p.keadilan["layak"] == adil["layak"]
    assert p.keadilan["teratas"] == adil["teratas"]
    for h in ref:
        d = p.dicari[h.kandidat.pegawai_id]
        assert (d.layak, d.peringkat, d.skor, d.komponen, d.kotak_talenta) == (
            h.layak,
            h.peringkat,
            h.skor,
            h.komponen,
            h.kotak_talenta,
        ), h.kandidat.nip
        assert [(a.kode, a.lulus_pada) for a in d.alasan] == [
            (a.kode, a.lulus_pada) for a in h.alasan
        ]


@pytest.mark.parametrize(
    ("jenis", "geser", "teratas", "ubah"),
    [
        (JenisJabatan.ADMINISTRATOR, 0, 10_000, None),
        (JenisJabatan.ADMINISTRATOR, 400, 12, None),
        (JenisJabatan.JPT_PRATAMA, 0, 12, None),
        # A selection's announcement sets the JPT age and years (jabatan.merit.jpt).
        (JenisJabatan.JPT_PRATAMA, 0, 12, {"usia_maksimal_jpt": 58, "tahun_jabatan_jpt": 1}),
        (JenisJabatan.PENGAWAS, -30, 12, None),  # accepted fields of study, talent pool only
        (JenisJabatan.FUNGSIONAL, 0, 12, None),
        (JenisJabatan.PELAKSANA, 900, 50, None),
    ],
)
def test_the_sql_ranking_equals_the_pure_rules(kota, jenis, geser, teratas, ubah):
    assert indeks.selisih() == []  # every save above kept the projection current
    formasi = _lowong(jenis)
    pada = PADA + dt.timedelta(days=geser)
    profil = ProfilMerit.objects.filter(jenis_jabatan=jenis).first()
    talent = bool(profil and profil.hanya_talent_pool)
    bobot = profil.bobot if profil else merit.Bobot()
    ref = _referensi(formasi, pada, bobot, talent, ubah)
    assert any(h.layak for h in ref) or jenis == JenisJabatan.JPT_PRATAMA  # not a vacuous order
    semua = [h.kandidat.pegawai_id for h in ref]
    p = peringkat_formasi(formasi, pada=pada, teratas=teratas, pegawai_ids=semua, pengumuman=ubah)
    _sama(p, ref, pada)
    assert p.alasan.get("KEDUDUKAN_HUKUM"), p.alasan  # the kedudukan hukum rule is exercised
    if jenis == JenisJabatan.JPT_PRATAMA:  # the JPT rules are exercised, not vacuous
        assert p.alasan.get("USIA") and p.alasan.get("JABATAN_JPT"), p.alasan
    # Other weights: the same order as the pure what-if.
    lain = merit.Bobot(
        kinerja=10, kompetensi=10, kualifikasi=10, pengembangan=30, pengalaman=30, integritas=10
    )
    coba = dengan_bobot(p, lain, teratas=teratas)
    _sama(coba, merit.dengan_bobot(ref, lain), pada)


def test_rows_written_in_another_year_rank_by_their_indeksjp_rows(kota):
    """A row written before the year turned holds the JP of another window (IndeksMerit.
    jp_jendela_tahun): the ranking sums its IndeksJp rows of its own window instead."""
    formasi = _lowong(JenisJabatan.ADMINISTRATOR)
    profil = ProfilMerit.objects.get(jenis_jabatan=JenisJabatan.ADMINISTRATOR)
    ref = _referensi(formasi, PADA, profil.bobot, profil.hanya_talent_pool)
    ids = [h.kandidat.pegawai_id for h in ref]
    basi = ids[::2]  # as last year's rebuild left them, with a sum no window gives
    tahun = pengembangan.tahun_jendela(PADA)
    assert IndeksJp.objects.filter(pegawai_id__in=basi, tahun__in=tahun).exists()
    IndeksMerit.objects.filter(pegawai_id__in=basi).update(
        jp_jendela_tahun=PADA.year - 1, jp_jendela=999
    )
    p = peringkat_formasi(formasi, pada=PADA, teratas=10_000, pegawai_ids=ids)
    _sama(p, ref, PADA)


def test_the_daily_task_rebuilds_the_rows_of_another_window(kota):
    """`indeks_merit --jendela` (the daily clean-up) rebuilds the rows written before the year
    turned, and only those."""
    ids = list(IndeksMerit.objects.order_by("pk").values_list("pegawai_id", flat=True)[:5])
    IndeksMerit.objects.filter(pegawai_id__in=ids).update(jp_jendela_tahun=PADA.year - 1)
    assert set(indeks.jendela_basi()) == set(ids) <= set(indeks.selisih())
    out = StringIO()
    call_command("indeks_merit", "--jendela", stdout=out)
    assert "5 baris" in out.getvalue()
    assert indeks.jendela_basi() == [] and indeks.selisih() == []
    _oracle_sama()


def test_the_ranking_takes_a_fixed_number_of_queries(kota, django_assert_max_num_queries):
    formasi = _lowong(JenisJabatan.ADMINISTRATOR)
    nip = Pegawai.objects.order_by("pk").first().nip
    # post, profile, talent bands, holders, families required, fields of study, relevance
    # (fields, affairs, units, profiles requiring leadership training, leadership programs), the
    # top 50 with their sanctions, affair days and JP (one query), counts (the scan, the
    # sanctioned), the searched row with the same (one query), its rank
    with django_assert_max_num_queries(16):
        p = peringkat_formasi(formasi, pada=PADA, nip=nip)
    assert p.untuk(nip) is not None


def _admin(model, user):
    """The model's registered admin and a request of `user`: the admin's own save hooks."""
    from django.contrib import admin
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.user, request.session = user, {}
    request._messages = FallbackStorage(request)  # the queued task's link is a message
    return admin.site._registry[model], request


def _form(*changed: str) -> SimpleNamespace:
    """What the admin's save hooks read of a bound form: the fields that changed."""
    return SimpleNamespace(changed_data=list(changed), has_changed=lambda: bool(changed))


def test_the_projection_follows_every_change(
    kota, hr_user, settings, django_capture_on_commit_callbacks
):
    """Services and admin saves keep IndeksMerit equal to the pure rules over the live records
    (no signals: each path refreshes the employees it touched, in its transaction)."""
    from jabatan.services import pegawai_end, penempatan_end
    from kinerja.models import Periode, Skp
    from kinerja.services import skp_revise
    from pelatihan.models import Peserta, Program
    from pelatihan.services import eksternal_record, eksternal_verify, peserta_pass
    from tests.factories import PegawaiFactory
    from tests.pelatihan.factories import PesertaFactory

    rng = random.Random(9)
    orang = list(Pegawai.objects.aktif().order_by("pk"))
    # an evaluation of a closed year is revised (HR's alone)
    skp = Skp.objects.filter(status="final", periode__terbuka=False).order_by("pk").first()
    skp_revise(
        skp=skp,
        rating_hasil="Di Bawah Ekspektasi",
        rating_perilaku="Di Bawah Ekspektasi",
        alasan="Keberatan diputus.",
        catatan_penilai="Target layanan tidak tercapai.",  # required for a low predikat
        oleh=hr_user,
    )
    _oracle_sama()
    # a placement ends, an employee retires
    aktif = Penempatan.objects.aktif().definitif().order_by("pk")
    penempatan_end(penempatan=aktif.first(), tmt_selesai=PADA)
    pegawai_end(pegawai=rng.choice(orang), kedudukan="pensiun", tmt_berhenti=PADA)
    _oracle_sama()
    # a sanction is lifted (deleted in its admin)
    admin_hukuman, request = _admin(HukumanDisiplin, hr_user)
    admin_hukuman.delete_model(request, HukumanDisiplin.objects.order_by("pk").first())
    # A sanction entered on the wrong employee moves to the right one: both rows change.
    pindah = (
        HukumanDisiplin.objects.filter(pegawai__indeks_merit__isnull=False)
        .annotate(n=Count("pegawai__hukuman_disiplin"))
        .filter(n=1)
        .order_by("pk")
        .first()
    )
    pindah.pegawai = next(p for p in orang if p.pk != pindah.pegawai_id)
    admin_hukuman.save_model(request, pindah, _form("pegawai"), change=True)
    _oracle_sama()
    # a position changes kind (its admin)
    jabatan = aktif.last().formasi.jabatan
    jabatan.jenis = JenisJabatan.FUNGSIONAL if jabatan.jenis != "FUNGSIONAL" else "PELAKSANA"
    jabatan.jenjang = Jenjang.AHLI_MUDA if jabatan.jenis == JenisJabatan.FUNGSIONAL else ""
    admin_jabatan, request = _admin(Jabatan, hr_user)
    admin_jabatan.save_model(request, jabatan, _form("jenis", "jenjang"), change=True)
    _oracle_sama()
    # training: external training verified, a catalogue enrolment completed, a program
    # becoming a leadership training (its graduates' level changes)
    eks = eksternal_record(
        pegawai=orang[3],
        nama="PKA Angkatan II",
        penyelenggara="BPSDM NTB",
        kelompok="manajerial",
        tanggal_mulai=dt.date(2026, 3, 1),
        tanggal_selesai=dt.date(2026, 6, 30),
        jumlah_jp=385,
        nomor_sertifikat="PKA/2026/7",
        bukti=SimpleUploadedFile("pka.pdf", b"%PDF-1.4 uji"),
        pelatihan_wajib="pka",
        oleh=hr_user,
        hari_ini=PADA,
    )
    eksternal_verify(eksternal=eks, setuju=True, oleh=hr_user)
    hadir = PesertaFactory(pegawai=orang[4], status=Peserta.Status.HADIR)
    peserta_pass(
        peserta=hadir, nomor_sertifikat="S/1", tanggal_sertifikat=PADA, oleh=hr_user, hari_ini=PADA
    )
    _oracle_sama()
    program = hadir.sesi.program
    program.pelatihan_wajib = "pkn_ii"
    admin_program, request = _admin(Program, hr_user)
    admin_program.save_model(request, program, _form("pelatihan_wajib"), change=True)
    assert IndeksMerit.objects.get(pegawai=orang[4]).tingkat_kepemimpinan == 3
    _oracle_sama()
    # a new employee, and one deleted with their records
    baru = PegawaiFactory(unit_kerja=orang[0].unit_kerja)
    assert IndeksMerit.objects.filter(pegawai=baru).exists()
    admin_pegawai, request = _admin(Pegawai, hr_user)
    baru_id = baru.pk
    admin_pegawai.delete_model(request, baru)  # the one delete path: the employee's admin
    assert not IndeksMerit.objects.filter(pegawai_id=baru_id).exists()
    # an employee's record edited in their admin: only the fields the projection reads count
    diubah = Pegawai.objects.get(pk=orang[2].pk)
    diubah.golongan, diubah.tmt_golongan = "IV/e", dt.date(2026, 4, 1)
    admin_pegawai.save_model(request, diubah, _form("golongan", "tmt_golongan"), change=True)
    assert IndeksMerit.objects.get(pegawai=diubah).golongan == "IV/e"
    _oracle_sama()
    # the latest annual period opens again (its admin): the last two closed ones are others now
    # The refresh is a background task queued on commit: the immediate backend runs it when
    # the captured on-commit callbacks run, as a worker would after the commit.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    periode = Periode.objects.filter(jenis="tahunan", terbuka=False).order_by("-tahun").first()
    periode.terbuka = True
    admin_periode, request = _admin(Periode, hr_user)
    with django_capture_on_commit_callbacks(execute=True):
        admin_periode.save_model(request, periode, _form("terbuka"), change=True)
    assert indeks.selisih() == []
    _oracle_sama()
    periode.terbuka = False  # and closes again
    with django_capture_on_commit_callbacks(execute=True):
        admin_periode.save_model(request, periode, _form("terbuka"), change=True)
    assert indeks.selisih() == []
    _oracle_sama()
    # A bulk update outside any service: the check names it and a rebuild mends it.
    Pegawai.objects.filter(pk=orang[1].pk).update(golongan="I/a")
    with pytest.raises(CommandError, match=f"pegawai id {orang[1].pk}"):
        call_command("indeks_merit", "--periksa", stdout=StringIO())
    out = StringIO()
    call_command("indeks_merit", stdout=out)
    assert "dibangun ulang" in out.getvalue()
    # One audit record of the rebuild, with its count (the rows are not logged one by one).
    log = LogEntry.objects.filter(content_type__model="indeksmerit").get()
    assert log.changes["pegawai"][1] == IndeksMerit.objects.count() > 0
    call_command("indeks_merit", "--periksa", stdout=StringIO())
    _oracle_sama()


def test_a_refresh_of_many_employees_rebuilds_the_whole_table(kota, monkeypatch):
    """Above BATCH employees a refresh is the whole rebuild (one statement per table, no
    batches: the SQL reads each source table once); it reports its count at its end."""
    monkeypatch.setattr(indeks.refresh, "BATCH", 150)
    IndeksMerit.objects.filter(pegawai__in=kota[300:]).delete()  # rows the ids below omit
    laporan = []
    n = indeks.index_refresh(
        [p.pk for p in kota[:200]], laporan=lambda selesai, semua: laporan.append((selesai, semua))
    )
    assert n == IndeksMerit.objects.count() == Pegawai.objects.aktif().count()
    assert laporan == [(n, n)]
    assert indeks.selisih() == []
    _oracle_sama()


def test_a_refresh_takes_a_fixed_number_of_queries(kota, django_assert_num_queries):
    """Three DELETEs and three INSERT … SELECTs, whatever the number of employees (and the
    savepoint of its atomic block): ten, a hundred and every one alike."""
    for n in (10, 100):
        with django_assert_num_queries(8):
            indeks.index_refresh([p.pk for p in kota[:n]])
    with django_assert_num_queries(8):
        indeks.index_refresh()
    _oracle_sama()
