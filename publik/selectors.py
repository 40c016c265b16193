"""Reads of the public pages: filled posts (from jabatan's recorded decisions), open posts and
their figures. Only what is public by law leaves here: no NIP, birth date, evaluation or
individual exclusion reason (the frozen ranking's snapshot holds them; only its counts are read).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DateField, Max, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jabatan.models import Formasi, Keputusan, KoreksiKeputusan, Penempatan
from jabatan.peringkat import peringkat_formasi
from jabatan.selectors import daftar_lowongan
from jabatan.services.koreksi import label_field
from kinerja.services.base import perangkat_daerah_dari
from pegawai.akses import Lingkup
from pegawai.bulan import add_months
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import UnitKerja
from publik.models import (
    TAHAP_DINILAI,
    HasilTahap,
    JenisPerubahan,
    JenisTahap,
    Pelamar,
    PerubahanSeleksi,
    Seleksi,
    Tahap,
)

JPT = (JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA)

# Figures about fewer people than this are not shown (a share or a median of one or two
# decisions would describe identifiable persons, not the practice).
MIN_ORANG = 3


def perangkat_daerah_unit(unit: UnitKerja) -> UnitKerja:
    """Return the perangkat daerah (OPD) a unit belongs to: its depth-1 ancestor, or the unit
    itself when it is one (a Dinas serving the public at its own counter). One query at most."""
    pk = perangkat_daerah_dari(unit.path)
    return unit if pk == unit.pk else UnitKerja.objects.only("id", "nama", "kode").get(pk=pk)


def keputusan_publik() -> QuerySet[Keputusan]:
    """Return every recorded decision with what the public pages print, annulled ones included
    (marked, with the day and reason: a decision never silently disappears) and each one's
    corrections (one more query, for their dates and the fields they changed).

    `lowong_sejak` is the end of the post's previous definitive placement, if any. The internal
    `justifikasi` is not even loaded: only HR's public summary (`ringkasan_publik`) is.
    """
    sebelumnya = (
        Penempatan.objects.filter(
            formasi=OuterRef("formasi_id"),
            jenis=Penempatan.Jenis.DEFINITIF,
            tmt_selesai__isnull=False,
            tmt_selesai__lte=OuterRef("tmt"),
        )
        .order_by("-tmt_selesai")
        .values("tmt_selesai")[:1]
    )
    return (
        Keputusan.objects.select_related("formasi__jabatan", "formasi__unit_kerja", "pegawai")
        .prefetch_related(
            Prefetch(
                "koreksi",
                queryset=KoreksiKeputusan.objects.only(
                    "id", "keputusan_id", "created_at", "perubahan"
                ).order_by("created_at", "id"),
            )
        )
        .only(
            "id",
            "nomor_sk",
            "tanggal_sk",
            "tmt",
            "metode",
            "ringkasan_publik",
            "dibatalkan_pada",
            "alasan_pembatalan",
            "peringkat_terpilih",
            "snapshot",
            "created_at",
            "formasi__jabatan__nama",
            "formasi__jabatan__jenis",
            "formasi__unit_kerja__nama",
            "formasi__unit_kerja__kode",
            "formasi__unit_kerja__path",
            "formasi__created_at",
            "pegawai__nama",
            "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
        )
        .annotate(
            lowong_sejak=Coalesce(
                Subquery(sebelumnya, output_field=DateField()),
                TruncDate("formasi__created_at"),
            )
        )
    )


def keputusan_berlaku() -> QuerySet[Keputusan]:
    """Return the decisions in force (annulled ones left out): what the figures count."""
    return keputusan_publik().filter(dibatalkan_pada__isnull=True)


@dataclass(frozen=True)
class KoreksiPublik:
    """A correction as the public reads it: the day and which particulars changed (their
    names; the new values are on the decision itself). Never the reason, which may name
    people."""

    pada: date
    yang: str


@dataclass(frozen=True)
class BarisKeputusan:
    """One filled post as the public sees it."""

    id: int
    jabatan: str
    jenis_jabatan: str
    unit: str
    kode_unit: str
    perangkat_daerah: str
    kode_perangkat_daerah: str
    nomor_sk: str
    tanggal_sk: date
    tmt: date
    metode: str
    metode_label: str
    nama: str
    jumlah_layak: int | None
    peringkat: int | None
    ringkasan_publik: str
    hari_lowong: int | None
    dibatalkan_pada: date | None = None
    alasan_pembatalan: str = ""
    koreksi: tuple[KoreksiPublik, ...] = ()

    @property
    def batal(self) -> bool:
        return self.dibatalkan_pada is not None

    @property
    def bukan_pertama(self) -> bool:
        """The appointee was not the first eligible candidate (or the rank is unknown): a
        written justification exists, kept by HR."""
        return self.peringkat != 1


def baris_keputusan(k: Keputusan, opd: UnitKerja | None = None) -> BarisKeputusan:
    """Return the public fields of a decision (the snapshot gives only its counts); `opd` is
    the post's perangkat daerah (`daftar_baris` reads them for a list in one query)."""
    snapshot = k.snapshot or {}
    hari = (k.tmt - k.lowong_sejak).days if getattr(k, "lowong_sejak", None) else None
    unit = k.formasi.unit_kerja
    return BarisKeputusan(
        id=k.pk,
        jabatan=k.formasi.jabatan.nama,
        jenis_jabatan=k.formasi.jabatan.get_jenis_display(),
        unit=unit.nama,
        kode_unit=unit.kode,
        perangkat_daerah=opd.nama if opd else "",
        kode_perangkat_daerah=opd.kode if opd else "",
        nomor_sk=k.nomor_sk,
        tanggal_sk=k.tanggal_sk,
        tmt=k.tmt,
        metode=k.metode,
        metode_label=str(k.get_metode_display()),
        nama=k.pegawai.nama_lengkap,
        jumlah_layak=snapshot.get("jumlah_layak"),
        peringkat=k.peringkat_terpilih,
        ringkasan_publik=k.ringkasan_publik,
        hari_lowong=hari if hari is not None and hari >= 0 else None,
        dibatalkan_pada=k.dibatalkan_pada,
        alasan_pembatalan=k.alasan_pembatalan if k.dibatalkan_pada else "",
        koreksi=tuple(
            KoreksiPublik(
                pada=timezone.localdate(kr.created_at),
                yang=", ".join(label_field(f) for f in kr.perubahan),
            )
            for kr in k.koreksi.all()
        ),
    )


def daftar_baris(keputusan: Iterable[Keputusan]) -> list[BarisKeputusan]:
    """Return the public rows of these decisions with each post's perangkat daerah (one query
    for the perangkat daerah, besides the decisions' own)."""
    keputusan = list(keputusan)
    opd = UnitKerja.objects.perangkat_daerah_dari(k.formasi.unit_kerja.path for k in keputusan)
    return [baris_keputusan(k, opd.get(k.formasi.unit_kerja.path)) for k in keputusan]


def lowong_publik() -> QuerySet[Formasi]:
    """Return the vacant posts with the day they fell vacant and the acting holder's start."""
    plt_mulai = (
        Penempatan.objects.aktif()
        .filter(formasi=OuterRef("pk"), jenis__in=[Penempatan.Jenis.PLT, Penempatan.Jenis.PLH])
        .values("tmt_mulai")[:1]
    )
    return daftar_lowongan(scope=Lingkup(semua=True)).annotate(
        plt_mulai=Subquery(plt_mulai, output_field=DateField())
    )


@dataclass
class Angka:
    """The figures of the transparency page; None where fewer than MIN_ORANG stand behind."""

    per_bulan: list[tuple[str, int]]
    median_hari_lowong: float | None
    n_hari_lowong: int
    persen_teratas: float | None
    n_peringkat: int
    plt_durasi: list[tuple[str, int | None]]
    per_unit: list[tuple[str, int, int, int | None]]  # unit, filled, vacant, acting (hidden <3)
    jumlah_keputusan: int
    jumlah_lowong: int


DURASI_PLT = (
    (90, "≤ 3 bulan"),
    (180, "3–6 bulan"),
    (365, "6–12 bulan"),
    (None, "> 12 bulan"),
)


def _sembunyi(n: int) -> int | None:
    return n if n >= MIN_ORANG else None


def angka_transparansi(*, pada: date, bulan: int = 12) -> Angka:
    """Return the figures: posts filled per month, median days vacant, share of top-ranked
    appointees, acting holders by duration, by perangkat daerah (four queries)."""
    keputusan = daftar_baris(keputusan_berlaku())
    awal = add_months(pada.replace(day=1), 1 - bulan)
    bulan_ini = Counter(k.tanggal_sk.strftime("%Y-%m") for k in keputusan if k.tanggal_sk >= awal)
    per_bulan = [
        (kunci, bulan_ini.get(kunci, 0))
        for kunci in (add_months(awal, i).strftime("%Y-%m") for i in range(bulan))
    ]
    hari = [k.hari_lowong for k in keputusan if k.hari_lowong is not None]
    berperingkat = [k for k in keputusan if k.peringkat is not None]
    teratas = sum(1 for k in berperingkat if k.peringkat == 1)
    lowong = list(lowong_publik())
    durasi = Counter()
    for f in lowong:
        if f.plt_mulai:
            hari_plt = (pada - f.plt_mulai).days
            for batas, label in DURASI_PLT:
                if batas is None or hari_plt <= batas:
                    durasi[label] += 1
                    break
    # By perangkat daerah (the depth-1 unit of each post's path).
    opd_lowong = UnitKerja.objects.perangkat_daerah_dari(f.unit_kerja.path for f in lowong)
    unit: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for k in keputusan:
        unit[k.perangkat_daerah or "—"][0] += 1
    for f in lowong:
        nama = opd_lowong[f.unit_kerja.path].nama if f.unit_kerja.path in opd_lowong else "—"
        unit[nama][1] += f.kuota - f.jumlah_terisi
        if f.plt_mulai:
            unit[nama][2] += 1
    return Angka(
        per_bulan=per_bulan,
        median_hari_lowong=statistics.median(hari) if len(hari) >= MIN_ORANG else None,
        n_hari_lowong=len(hari),
        persen_teratas=(
            round(100 * teratas / len(berperingkat), 1) if len(berperingkat) >= MIN_ORANG else None
        ),
        n_peringkat=len(berperingkat),
        plt_durasi=[(label, _sembunyi(durasi.get(label, 0))) for _b, label in DURASI_PLT],
        per_unit=sorted(
            ((u, a, b, _sembunyi(c)) for u, (a, b, c) in unit.items()),
            key=lambda r: (-r[1] - r[2], r[0]),
        ),
        jumlah_keputusan=len(keputusan),
        jumlah_lowong=sum(f.kuota - f.jumlah_terisi for f in lowong),
    )


def terakhir_diubah() -> date | None:
    """Return when the decisions last changed (the open data's update time)."""
    # A correction or an annulment saves the decision: `updated_at` moves with them.
    return Keputusan.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()


# --- The open selection, for HR -----------------------------------------------------------------


def persyaratan_formasi(formasi: Iterable[Formasi]) -> list[dict]:
    """Return the requirements of each post taken from its position, as the selection's
    announcement states them (frozen in `Seleksi.persyaratan`). Expects `jabatan`, `unit_kerja`,
    `jabatan__bidang_studi` and `jabatan__rumpun_wajib` loaded."""
    return [
        {
            "formasi_id": f.pk,
            "formasi": f"{f.jabatan.nama} — {f.unit_kerja.nama}",
            "jenis_jabatan": str(f.jabatan.get_jenis_display()),
            "kelas_jabatan": f.jabatan.kelas_jabatan,
            "golongan_minimal": str(f.jabatan.get_golongan_minimal_display() or ""),
            "pendidikan_minimal": str(f.jabatan.get_pendidikan_minimal_display()),
            # Fields of study a regulation requires come first, as families.
            "bidang_studi": [
                *(_("rumpun %(r)s") % {"r": r.nama} for r in f.jabatan.rumpun_wajib.all()),
                *sorted(b.nama for b in f.jabatan.bidang_studi.all()),
            ],
        }
        for f in formasi
    ]


def formasi_jpt_lowong() -> QuerySet[Formasi]:
    """Return the vacant JPT posts a selection may be opened for, with their requirements."""
    return (
        daftar_lowongan(scope=Lingkup(semua=True))
        .filter(jabatan__jenis__in=JPT)
        .prefetch_related("jabatan__bidang_studi", "jabatan__rumpun_wajib")
        .order_by("jabatan__nama", "unit_kerja__nama")
    )


def seleksi_kelola() -> QuerySet[Seleksi]:
    """Return the selections for HR's list: posts and stages prefetched, applicants counted,
    the announced stages counted (three queries for a page); newest first unless the filter
    sorts otherwise (a stable order for the pages)."""
    return (
        Seleksi.objects.order_by("-created_at", "-id")
        .annotate(
            jumlah_pelamar=Count("pelamar", distinct=True),
            jumlah_diumumkan=Count("pengumuman", distinct=True),
            mulai=Min("tahap__mulai"),
            akhir=Max("tahap__selesai"),
        )
        .prefetch_related(
            Prefetch("formasi", Formasi.objects.select_related("jabatan", "unit_kerja")),
        )
    )


def kelayakan_pelamar(pelamar: Sequence[Pelamar], *, pada: date) -> dict[Pelamar, list[str]]:
    """Return, per applicant, why they do not meet their post's requirements on `pada` (empty:
    they do), by jabatan's merit rules: one ranking per post, a fixed number of queries each."""
    per_formasi: dict[tuple[int, int], list[Pelamar]] = defaultdict(list)
    for p in pelamar:
        per_formasi[(p.seleksi_id, p.formasi_id)].append(p)
    hasil: dict[Pelamar, list[str]] = {}
    for daftar in per_formasi.values():
        peringkat = peringkat_formasi(
            daftar[0].formasi,
            pada=pada,
            teratas=0,
            pegawai_ids=[p.pegawai_id for p in daftar],
            hitung=False,
            pengumuman=daftar[0].seleksi.syarat_pengumuman,
        ).dicari
        for p in daftar:
            h = peringkat.get(p.pegawai_id)
            if h is None:
                hasil[p] = [_("sudah memangku jabatan ini atau tidak termasuk kandidat")]
            else:
                hasil[p] = [] if h.layak else [a.pesan for a in h.alasan]
    return hasil


@dataclass
class BarisPelamar:
    """One applicant on HR's selection page: eligibility and each graded stage's result."""

    pelamar: Pelamar
    alasan: list[str]
    hasil: list[HasilTahap | None]
    masih_ikut: bool


def seleksi_rinci(seleksi: Seleksi, *, pada: date) -> dict:
    """Return HR's view of a selection: stages with their announcement, and per post the
    applicants with their eligibility and results (a fixed number of queries per post)."""
    tahap = list(seleksi.tahap.select_related("pengumuman").order_by("urutan", "id"))
    dinilai = [t for t in tahap if t.jenis in TAHAP_DINILAI]
    pelamar = list(
        seleksi.pelamar.select_related(
            "seleksi", "pegawai", "formasi__jabatan", "formasi__unit_kerja"
        )
        .prefetch_related("hasil")
        .order_by("formasi_id", "pegawai__nama")
    )
    alasan = kelayakan_pelamar(pelamar, pada=pada)
    per_formasi: dict[int, list[BarisPelamar]] = defaultdict(list)
    for p in pelamar:
        hasil = {h.tahap_id: h for h in p.hasil.all()}
        baris = [hasil.get(t.pk) for t in dinilai]
        ikut = all(h is None or h.lulus for h in baris)
        per_formasi[p.formasi_id].append(BarisPelamar(p, alasan[p], baris, ikut))
    formasi = list(seleksi.formasi.select_related("jabatan", "unit_kerja").order_by("pk"))
    syarat = {s["formasi_id"]: s for s in seleksi.persyaratan or []}
    return {
        "tahap": tahap,
        "dinilai": dinilai,
        "formasi": [(f, syarat.get(f.pk), per_formasi.get(f.pk, [])) for f in formasi],
        "jumlah_pelamar": len(pelamar),
    }


def pelamar_tahap(tahap: Tahap) -> list[tuple[Pelamar, HasilTahap | None]]:
    """Return the applicants a stage grades (those who passed every earlier graded stage), with
    their recorded result of this stage if any (three queries)."""
    seleksi = tahap.seleksi
    # The graded stages before this one in the committee's order (Tahap.urutan).
    sebelumnya = [
        t.pk for t in seleksi.tahap.all() if t.urutan < tahap.urutan and t.jenis in TAHAP_DINILAI
    ]
    gugur = HasilTahap.objects.filter(tahap_id__in=sebelumnya, lulus=False).values("pelamar_id")
    qs = seleksi.pelamar.exclude(pk__in=gugur)
    for pk in sebelumnya:
        qs = qs.filter(hasil__tahap_id=pk, hasil__lulus=True)
    pelamar = list(
        qs.select_related("pegawai", "formasi__jabatan", "formasi__unit_kerja")
        .order_by("formasi_id", "pegawai__nama")
        .distinct()
    )
    hasil = {h.pelamar_id: h for h in HasilTahap.objects.filter(tahap=tahap)}
    return [(p, hasil.get(p.pk)) for p in pelamar]


def seleksi_diumumkan(seleksi: Seleksi, *, pada: date) -> bool:
    """Return whether the selection is public on `pada`: its announcement stage has begun
    (SeleksiQuerySet.terbit) or a stage's announcement is out. From then on what it announced
    stands (publik.services.seleksi_update refuses); stages prefetched: one query at most."""
    umum = next((t for t in seleksi.tahap.all() if t.jenis == JenisTahap.PENGUMUMAN), None)
    return (umum is not None and umum.mulai <= pada) or seleksi.pengumuman.exists()


@dataclass(frozen=True)
class KeadaanSeleksi:
    """Where a selection stands on a day, as its public list shows it."""

    status: str
    tahap: Tahap | None  # the stage running that day, else the next one; None when none is left
    batas: date | None  # the running stage's last day, else the next stage's first day
    berjalan: bool  # `tahap` runs that day (else it is still to come)
    dibatalkan: bool = False


def keadaan_seleksi(seleksi: Seleksi, *, pada: date) -> KeadaanSeleksi:
    """Return the selection's status, current stage and deadline on `pada`, from its stages
    (prefetched: no query). Registration is named apart: it is the deadline applicants need."""
    if seleksi.dibatalkan_pada is not None:
        status = _("Dibatalkan pada %(t)s: %(a)s") % {
            "t": date_format(seleksi.dibatalkan_pada, "j F Y"),
            "a": seleksi.alasan_pembatalan,
        }
        return KeadaanSeleksi(status, None, None, False, dibatalkan=True)
    if seleksi.selesai:
        return KeadaanSeleksi(_("Selesai: nama calon diusulkan kepada PPK"), None, None, False)
    tahap = sorted(seleksi.tahap.all(), key=lambda t: (t.mulai, t.pk))
    for t in tahap:
        if t.mulai <= pada <= t.selesai:
            status = (
                _("Pendaftaran dibuka") if t.jenis == JenisTahap.PENDAFTARAN else _("Berlangsung")
            )
            return KeadaanSeleksi(status, t, t.selesai, True)
        if pada < t.mulai:
            return KeadaanSeleksi(_("Menunggu tahap berikutnya"), t, t.mulai, False)
    return KeadaanSeleksi(_("Semua tahap selesai; menunggu usulan kepada PPK"), None, None, False)


@dataclass(frozen=True)
class TahapPindah:
    """One stage a schedule change moved: its name, its old and its new dates."""

    label: str
    lama: tuple[date, date]
    baru: tuple[date, date]


@dataclass(frozen=True)
class PerubahanTampil:
    """A change the public sees on a selection's page and in the feed: a new schedule (with
    the stages moved) or the cancellation, dated, with its reason."""

    perubahan: PerubahanSeleksi
    pindah: list[TahapPindah]

    @property
    def dibatalkan(self) -> bool:
        return self.perubahan.jenis == JenisPerubahan.BATAL


def perubahan_tampil(perubahan: Iterable[PerubahanSeleksi]) -> list[PerubahanTampil]:
    """Return the public changes among `perubahan` (schedule changes and the cancellation; an
    edit before the announcement is HR's), newest first (a cancellation on top), with each
    moved stage's dates."""
    urut = sorted(perubahan, key=lambda p: (p.tanggal, p.pk), reverse=True)
    return [rincian_perubahan(p) for p in urut if p.jenis != JenisPerubahan.UBAH]


def rincian_perubahan(p: PerubahanSeleksi) -> PerubahanTampil:
    """Return a change with the stages it moved (a schedule change's `rincian`) as dates."""
    pindah = (
        []
        if p.jenis != JenisPerubahan.JADWAL
        else [
            TahapPindah(
                JenisTahap(r["jenis"]).label,
                tuple(date.fromisoformat(d) for d in r["lama"]),
                tuple(date.fromisoformat(d) for d in r["baru"]),
            )
            for r in p.rincian
        ]
    )
    return PerubahanTampil(p, pindah)
