"""Reads for posts and vacancies. Vacancies are queries over placements, never hand-kept flags."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import reduce
from operator import or_

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _

from jabatan import merit
from jabatan.merit import pengembangan
from jabatan.models import Formasi, Jabatan, Keputusan, Penempatan, ProfilMerit, Usulan
from kinerja.models import Skp
from kinerja.selectors import periode_tahunan_tertutup
from kinerja.services import perangkat_daerah_dari
from pegawai.akses import Lingkup
from pegawai.bulan import add_months
from pegawai.kompetensi import KODE
from pegawai.models import (
    BidangStudi,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    UnitKerja,
    UrusanPemerintahan,
)
from pegawai.pendidikan import urutan_pendidikan
from pegawai.pensiun import lahir_sebelum_untuk_pensiun, tanggal_pensiun
from pegawai.selectors import PilihanPegawai, saring_pegawai
from pelatihan.models import Program
from pelatihan.selectors import jp_per_tahun, kepemimpinan_selesai


def formasi_lowong(*, scope: Lingkup) -> QuerySet[Formasi]:
    """Return the posts in scope with fewer active definitive holders than their quota.

    `jumlah_terisi` is the database-maintained count of active definitive placements (triggers in
    jabatan/migrations/0002), so this is one indexed scan with no join to placements.
    """
    qs = scope.filter(Formasi.objects.lowong(), path="unit_kerja__path", pegawai=None)
    return (
        qs.select_related("jabatan", "unit_kerja")
        .only(
            "kuota",
            "jumlah_terisi",
            "keterangan",
            "jabatan__kode",
            "jabatan__nama",
            "jabatan__jenis",
            "jabatan__jenjang",
            "unit_kerja__kode",
            "unit_kerja__nama",
            "unit_kerja__path",
        )
        .annotate(lowong=F("kuota") - F("jumlah_terisi"))
    )


@dataclass(frozen=True)
class ProyeksiLowong:
    penempatan: Penempatan
    tanggal_pensiun: date


def proyeksi_lowong(*, scope: Lingkup, pada: date, bulan: int = 12) -> list[ProyeksiLowong]:
    """Return the definitive holders in scope who reach retirement age within `bulan` months.

    Retirement takes effect on the first of the month after the age is reached (UU 20/2023
    Pasal 55; PP 11/2017 Pasal 239), which `lahir_sebelum_untuk_pensiun` turns into a plain
    birth-date cutoff per retirement age — one query, whatever the number of employees.
    """
    batas = add_months(pada, bulan)
    usia = (
        Jabatan.objects.filter(formasi__penempatan__tmt_selesai__isnull=True)
        .values_list("batas_usia_pensiun", flat=True)
        .distinct()
    )
    kondisi = [
        Q(
            formasi__jabatan__batas_usia_pensiun=u,
            pegawai__tanggal_lahir__lt=lahir_sebelum_untuk_pensiun(batas, u),
        )
        for u in usia
    ]
    if not kondisi:
        return []
    rows = (
        scope.filter(
            Penempatan.objects.aktif().definitif(),
            path="formasi__unit_kerja__path",
            pegawai="pegawai_id",
        )
        .filter(reduce(or_, kondisi), pegawai__kedudukan__in=["aktif", "cuti"])
        .select_related("pegawai", "formasi__jabatan", "formasi__unit_kerja")
        .order_by("pegawai__tanggal_lahir")
    )
    hasil = [
        ProyeksiLowong(
            p, tanggal_pensiun(p.pegawai.tanggal_lahir, p.formasi.jabatan.batas_usia_pensiun)
        )
        for p in rows
    ]
    # Already past retirement but not yet ended count too: they are the most urgent.
    return sorted(hasil, key=lambda r: r.tanggal_pensiun)


def ringkasan_formasi(*, scope: Lingkup) -> dict[str, int]:
    """Return the head counts of the summary page in two aggregate queries."""
    formasi = scope.filter(Formasi.objects.all(), path="unit_kerja__path", pegawai=None).aggregate(
        jumlah_formasi=Count("pk"),
        jumlah_kursi=Coalesce(Sum("kuota"), 0),
        jumlah_lowong=Coalesce(Sum(F("kuota") - F("jumlah_terisi")), 0),
    )
    pegawai = scope.filter(Pegawai.objects.aktif(), path="unit_kerja__path", pegawai="pk")
    return {**formasi, "pegawai_aktif": pegawai.count()}


def profil_merit(jenis_jabatan: str) -> ProfilMerit:
    """Return the merit profile of a position kind (defaults when HR has not saved one)."""
    return ProfilMerit.objects.filter(jenis_jabatan=jenis_jabatan).first() or ProfilMerit(
        jenis_jabatan=jenis_jabatan
    )


@dataclass(frozen=True)
class Relevansi:
    """What relevance needs to know of the organisation (jabatan.merit.relevansi): each unit's
    government affair, each affair's fitting fields and families, each field's family and
    name — and, for the development rule (jabatan.merit.pengembangan), the position kinds whose
    merit profile requires the level's leadership training and the catalogue programs of each
    leadership training. Five small queries, shared by every post a page looks at; for one
    post (`unit`: its unit), the units read are that unit and those above it and the affairs
    read its own, not the whole organisation."""

    urusan_unit: dict[int, int | None]
    urusan: dict[int, tuple[str, frozenset[int], frozenset[int]]]  # name, fields, families
    rumpun_bidang: dict[int, int | None]
    nama_bidang: dict[int, str]
    kepemimpinan_syarat: frozenset[str] = frozenset()
    program_kepemimpinan: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def muat(cls, unit: UnitKerja | None = None) -> Relevansi:
        bidang = list(BidangStudi.objects.order_by().values_list("pk", "rumpun_id", "nama"))
        units = UnitKerja.objects.all() if unit is None else UnitKerja.objects.with_ancestors(unit)
        urusan_unit = units.urusan_efektif()
        urusan = UrusanPemerintahan.objects.order_by()
        if unit is not None:
            urusan = urusan.filter(pk=urusan_unit.get(unit.pk))
        nama: dict[int, str] = {}
        sesuai: dict[int, set[int]] = defaultdict(set)
        rumpun: dict[int, set[int]] = defaultdict(set)
        # One join: an affair's rows are its fields × families (a few each).
        for pk, nama_u, bid, rid in urusan.values_list("pk", "nama", "bidang_studi", "rumpun"):
            nama[pk] = nama_u
            if bid is not None:
                sesuai[pk].add(bid)
            if rid is not None:
                rumpun[pk].add(rid)
        return cls(
            urusan_unit=urusan_unit,
            urusan={
                pk: (n, frozenset(sesuai[pk]), frozenset(rumpun[pk])) for pk, n in nama.items()
            },
            rumpun_bidang={pk: r for pk, r, _n in bidang},
            nama_bidang={pk: n for pk, _r, n in bidang},
            kepemimpinan_syarat=frozenset(
                ProfilMerit.objects.filter(wajib_kepemimpinan=True).values_list(
                    "jenis_jabatan", flat=True
                )
            ),
            program_kepemimpinan=program_kepemimpinan(),
        )

    def serumpun(self, bidang: frozenset[int], rumpun: frozenset[int]) -> frozenset[int]:
        """The fields of the families of `bidang` and of `rumpun`, but `bidang` themselves."""
        keluarga = set(rumpun) | ({self.rumpun_bidang.get(b) for b in bidang} - {None})
        return frozenset(
            b for b, r in self.rumpun_bidang.items() if r in keluarga and b not in bidang
        )


def program_kepemimpinan() -> dict[str, tuple[str, ...]]:
    """The active catalogue programs of each leadership training, by name (one query)."""
    hasil: dict[str, list[str]] = defaultdict(list)
    for kode, nama in (
        Program.objects.filter(aktif=True)
        .exclude(pelatihan_wajib="")
        .order_by("nama")
        .values_list("pelatihan_wajib", "nama")
    ):
        hasil[kode].append(nama)
    return {k: tuple(v) for k, v in hasil.items()}


def syarat_formasi(formasi: Formasi, relevansi: Relevansi | None = None) -> merit.Syarat:
    """The post's requirements for the merit rules. `relevansi` (Relevansi.muat()) serves many
    posts; without it, it is loaded for this one."""
    r = relevansi or Relevansi.muat(unit=formasi.unit_kerja)
    jabatan = formasi.jabatan
    # .all(): a prefetch of the fields of study serves many posts in one query. A family the
    # position requires by regulation accepts each of its fields.
    wajib = list(jabatan.rumpun_wajib.all())
    rumpun = {w.pk for w in wajib}
    bidang = list(jabatan.bidang_studi.all())
    diterima = frozenset(
        {b.pk for b in bidang} | {b for b, rid in r.rumpun_bidang.items() if rid in rumpun}
    )
    if wajib or jabatan.dasar_bidang_studi:
        bidang_wajib = tuple(
            [_("rumpun %(r)s") % {"r": w.nama} for w in wajib] + [b.nama for b in bidang]
        )
    else:
        bidang_wajib = ()
    urusan = r.urusan_unit.get(formasi.unit_kerja_id)
    nama_urusan, bidang_urusan, rumpun_urusan = r.urusan.get(urusan, ("", frozenset(), frozenset()))
    if diterima:
        sumber, sesuai, serumpun = "jabatan", diterima, r.serumpun(diterima, frozenset())
    elif bidang_urusan or rumpun_urusan:
        sumber, sesuai = "urusan", bidang_urusan
        serumpun = r.serumpun(bidang_urusan, rumpun_urusan)
    else:
        sumber, sesuai, serumpun = "", frozenset(), frozenset()
    return merit.Syarat(
        jenis_jabatan=jabatan.jenis,
        golongan_minimal=jabatan.golongan_minimal,
        pendidikan_minimal=urutan_pendidikan(jabatan.pendidikan_minimal),
        bidang_studi=diterima,
        bidang_wajib=bidang_wajib,
        dasar_bidang_studi=jabatan.dasar_bidang_studi,
        standar=jabatan.standar_kompetensi,
        batas_usia_pensiun=jabatan.batas_usia_pensiun,
        bidang_sesuai=sesuai,
        bidang_serumpun=serumpun,
        sumber_relevansi=sumber,
        urusan=urusan,
        nama_urusan=nama_urusan,
        nama_bidang=r.nama_bidang,
        kepemimpinan_syarat=jabatan.jenis in r.kepemimpinan_syarat,
        program_kepemimpinan=r.program_kepemimpinan.get(pengembangan.wajib(jabatan.jenis), ()),
    )


def kandidat_merit(*, pegawai_ids: PilihanPegawai = None) -> list[merit.Kandidat]:
    """Load the merit inputs of the candidate pool (all active employees, or those of
    `pegawai_ids` as pegawai.selectors.saring_pegawai takes them: ids, a queryset, a Bagian of
    a rebuild) from the live tables, in ten queries whatever their number.

    Rows, not model instances: employees, their predikat in the last two closed annual periods,
    their sanctions, their latest assessment, their definitive placements, their JP per year
    and leadership training (two queries each). This is what `jabatan.indeks` projects into
    IndeksMerit; the ranking itself reads the projection.
    """

    def saring(qs: QuerySet, field: str = "pegawai_id") -> QuerySet:
        return saring_pegawai(qs, pegawai_ids, field)

    predikat: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pid, tahun, p in saring(
        Skp.objects.dinilai().filter(periode_id__in=periode_tahunan_tertutup())
    ).values_list("pegawai_id", "periode__tahun", "predikat"):
        predikat[pid].append((tahun, p))
    hukuman: dict[int, list[merit.Hukuman]] = defaultdict(list)
    for pid, jenis, mulai, selesai in saring(HukumanDisiplin.objects.order_by()).values_list(
        "pegawai_id", "jenis", "tmt_mulai", "tmt_selesai"
    ):
        hukuman[pid].append(merit.Hukuman(jenis, mulai, selesai))
    capaian: dict[int, dict[str, int]] = {}
    jpm: dict[int, Decimal] = {}
    for row in saring(HasilAsesmen.objects.order_by("pegawai_id", "tanggal", "pk")).values_list(
        "pegawai_id", "jpm", *KODE
    ):
        capaian[row[0]] = dict(zip(KODE, row[2:], strict=True))  # the latest wins
        if row[1] is not None:  # the latest with a JPM, as the kinerja dashboard reads it
            jpm[row[0]] = row[1]
    hari: dict[int, dict[str, int]] = defaultdict(dict)
    hari_jenjang: dict[int, dict[str, int]] = defaultdict(dict)
    hari_urusan: dict[int, dict[int, int]] = defaultdict(dict)
    kini: dict[int, tuple[str, str, date, int | None]] = {}
    urusan_unit = UnitKerja.objects.urusan_efektif()
    penempatan = saring(Penempatan.objects.definitif().order_by()).values_list(
        "pegawai_id",
        "formasi__jabatan__jenis",
        "formasi__jabatan__jenjang",
        "formasi__unit_kerja_id",
        "tmt_mulai",
        "tmt_selesai",
    )
    for pid, jenis, jenjang, unit, mulai, selesai in penempatan:
        urusan = urusan_unit.get(unit)
        if selesai is None:
            kini[pid] = (jenis, jenjang, mulai, urusan)
        else:
            lama = max(0, (selesai - mulai).days)
            hari[pid][jenis] = hari[pid].get(jenis, 0) + lama
            if jenjang in merit.jpt.JENJANG_DIHITUNG:  # the levels the projection keeps
                hari_jenjang[pid][jenjang] = hari_jenjang[pid].get(jenjang, 0) + lama
            if urusan is not None and lama:
                hari_urusan[pid][urusan] = hari_urusan[pid].get(urusan, 0) + lama
    jp = jp_per_tahun(pegawai_ids, 1, 9999)
    kepemimpinan = kepemimpinan_selesai(pegawai_ids)
    hasil = []
    for row in (
        saring(Pegawai.objects.aktif(), "pk")
        .order_by()
        .values_list(
            "pk",
            "nip",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "jenis_kelamin",
            "tanggal_lahir",
            "status",
            "kedudukan",
            "golongan",
            "tmt_golongan",
            "tmt_cpns",
            "tmt_pppk",
            "pendidikan",
            "bidang_studi_id",
            "kedudukan_hukum",
            named=True,  # a row by field name, not by position
        )
    ):
        pid = row.pk
        nama_lengkap = f"{row.gelar_depan} {row.nama}".strip() + (
            f", {row.gelar_belakang}" if row.gelar_belakang else ""
        )
        jenis_kini, jenjang_kini, mulai_kini, urusan_kini = kini.get(pid, ("", "", None, None))
        hasil.append(
            merit.Kandidat(
                pegawai_id=pid,
                nip=row.nip,
                nama=nama_lengkap,
                jenis_kelamin=row.jenis_kelamin,
                tanggal_lahir=row.tanggal_lahir,
                status=row.status,
                aktif=row.kedudukan == Pegawai.Kedudukan.AKTIF,
                golongan=row.golongan,
                tmt_golongan=row.tmt_golongan,
                tmt_masuk=row.tmt_cpns or row.tmt_pppk or row.tmt_golongan,
                pendidikan=urutan_pendidikan(row.pendidikan),
                bidang_studi=row.bidang_studi_id,
                predikat_tahunan=tuple(p for _t, p in sorted(predikat[pid], reverse=True)),
                hukuman=tuple(hukuman[pid]),
                capaian=capaian.get(pid),
                pengalaman_hari=hari[pid],
                jabatan_kini=jenis_kini,
                jabatan_kini_mulai=mulai_kini,
                jenjang_kini=jenjang_kini,
                pengalaman_jenjang_hari=hari_jenjang[pid],
                pengalaman_urusan_hari=hari_urusan[pid],
                urusan_kini=urusan_kini,
                jpm=jpm.get(pid),
                jp_per_tahun=jp.get(pid, {}),
                tingkat_kepemimpinan=pengembangan.tingkat(kepemimpinan.get(pid, ())),
                kedudukan_hukum=row.kedudukan_hukum,
            )
        )
    return hasil


def daftar_lowongan(*, scope: Lingkup) -> QuerySet[Formasi]:
    """Vacant posts in scope with days vacant and the acting holder, in one query.

    Days vacant count from the end of the last definitive placement (or from the post's creation
    when it was never filled).
    """
    terakhir = (
        Penempatan.objects.filter(formasi=OuterRef("pk"), jenis=Penempatan.Jenis.DEFINITIF)
        .exclude(tmt_selesai__isnull=True)
        .order_by("-tmt_selesai")
        .values("tmt_selesai")[:1]
    )
    plt = (
        Penempatan.objects.aktif()
        .filter(formasi=OuterRef("pk"), jenis__in=[Penempatan.Jenis.PLT, Penempatan.Jenis.PLH])
        .values("pegawai__nama")[:1]
    )
    return (
        formasi_lowong(scope=scope)
        .annotate(
            lowong_sejak=Coalesce(Subquery(terakhir), TruncDate("created_at")),
            pelaksana_tugas=Subquery(plt),
        )
        .order_by("lowong_sejak", "unit_kerja__path")
    )


def halaman_lowongan(
    rows: QuerySet[Formasi] | list[Formasi], nomor: object, *, pada: date, per_halaman: int = 50
) -> Page:
    """Return page `nomor` of the vacant posts `rows` (daftar_lowongan's, filtered or not), each
    with `hari`, its days vacant on `pada`: one count and one query for the page's rows, whatever
    the number of vacant posts (a list, already judged row by row, is paged in memory)."""
    halaman = Paginator(rows, per_halaman).get_page(nomor)
    for f in halaman:
        f.hari = (pada - f.lowong_sejak).days
    return halaman


def formasi_dalam_lingkup(*, scope: Lingkup) -> QuerySet[Formasi]:
    """Return the posts in scope, with the position and unit their pages print."""
    return scope.filter(
        Formasi.objects.select_related("jabatan", "unit_kerja"),
        path="unit_kerja__path",
        pegawai=None,
    )


def pegawai_dalam_lingkup(*, scope: Lingkup) -> QuerySet[Pegawai]:
    """Return the active employees in scope: who a page may propose or appoint."""
    return scope.filter(Pegawai.objects.aktif(), path="unit_kerja__path", pegawai="pk")


def pegawai_ringkas(pegawai_ids: Collection[int]) -> dict[int, Pegawai]:
    """Return the employees of a ranking's rows by id, with what a row prints beside the
    projection's own columns: the academic titles and the unit (one query)."""
    return (
        Pegawai.objects.select_related("unit_kerja")
        .only("nama", "gelar_depan", "gelar_belakang", "golongan", "unit_kerja__nama")
        .in_bulk(list(pegawai_ids))
    )


def usulan_aktif(*, formasi: Formasi) -> QuerySet[Usulan]:
    """Return the post's active proposals, best ranked first, with the employees."""
    return (
        Usulan.objects.filter(formasi=formasi, aktif=True)
        .select_related("pegawai")
        .order_by("peringkat", "urutan")
    )


def keputusan_formasi(*, formasi: Formasi) -> QuerySet[Keputusan]:
    """Return the post's decisions, newest first, with the appointees."""
    return Keputusan.objects.filter(formasi=formasi).select_related("pegawai")


def formasi_dengan_usulan(formasi_ids: Collection[int]) -> set[int]:
    """Return which of the posts have active proposals (one query)."""
    return set(
        Usulan.objects.filter(aktif=True, formasi_id__in=list(formasi_ids))
        .values_list("formasi_id", flat=True)
        .distinct()
    )


def usulan_pegawai(*, pegawai_id: int, n: int = 10) -> QuerySet[Usulan]:
    """Return the employee's own latest active proposals, with their posts."""
    return (
        Usulan.objects.filter(pegawai_id=pegawai_id, aktif=True)
        .select_related("formasi__jabatan", "formasi__unit_kerja")
        .order_by("-created_at")[:n]
    )


def perangkat_daerah_petikan(keputusan: Keputusan) -> UnitKerja:
    """Return the perangkat daerah (OPD, the depth-1 unit) of the decision's post: the office
    its extract names, since a post's own unit ("Subbagian Umum dan Kepegawaian") does not say
    which office it belongs to. One query."""
    return UnitKerja.objects.only("nama", "kode").get(
        pk=perangkat_daerah_dari(keputusan.formasi.unit_kerja.path)
    )


def keputusan_hr(*, scope: Lingkup, pk: int) -> Keputusan | None:
    """Return one decision on a post in scope with its placement, what replaced it and what
    it annulled, for HR's page of the decision, else None."""
    return (
        scope.filter(
            Keputusan.objects.select_related(
                "formasi__jabatan",
                "formasi__unit_kerja",
                "pegawai",
                "penempatan",
                "oleh",
                "membatalkan",
                "dibatalkan_oleh",
            ),
            path="formasi__unit_kerja__path",
            pegawai=None,
        )
        .filter(pk=pk)
        .first()
    )


def keputusan_petikan(*, scope: Lingkup, pk: int) -> Keputusan | None:
    """Return one decision on a post in scope, with what its decree extract prints, else None."""
    return (
        scope.filter(
            Keputusan.objects.select_related("formasi__jabatan", "formasi__unit_kerja", "pegawai"),
            path="formasi__unit_kerja__path",
            pegawai=None,
        )
        .filter(pk=pk)
        .first()
    )
