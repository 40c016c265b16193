"""Reads of the public pages: filled posts (from jabatan's recorded decisions), open posts and
their figures. Only what is public by law leaves here: no NIP, birth date, evaluation or
individual exclusion reason (the frozen ranking's snapshot holds them; only its counts are read).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils.text import Truncator

from jabatan.models import Formasi, Keputusan, Penempatan
from jabatan.selectors import daftar_lowongan
from pegawai.akses import Lingkup
from pegawai.models import UnitKerja

# Figures about fewer people than this are not shown (a share or a median of one or two
# decisions would describe identifiable persons, not the practice).
MIN_ORANG = 3
PANJANG_JUSTIFIKASI = 280


def perangkat_daerah() -> QuerySet[UnitKerja]:
    """Return the units offered in the public filters: the perangkat daerah (depth 1)."""
    return UnitKerja.objects.filter(depth=1).only("id", "nama", "path").order_by("nama")


def keputusan_publik() -> QuerySet[Keputusan]:
    """Return the decisions in force (annulled ones left out), with what the public pages print.

    `lowong_sejak` is the end of the post's previous definitive placement, if any.
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
        Keputusan.objects.filter(dibatalkan_oleh__isnull=True)
        .select_related("formasi__jabatan", "formasi__unit_kerja", "pegawai")
        .only(
            "id", "nomor_sk", "tanggal_sk", "tmt", "metode", "justifikasi",
            "peringkat_terpilih", "snapshot", "created_at", "formasi__jabatan__nama",
            "formasi__jabatan__jenis", "formasi__unit_kerja__nama", "formasi__unit_kerja__path",
            "formasi__created_at", "pegawai__nama", "pegawai__gelar_depan",
            "pegawai__gelar_belakang",
        )
        .annotate(
            lowong_sejak=Coalesce(
                Subquery(sebelumnya, output_field=DateField()),
                TruncDate("formasi__created_at"),
            )
        )
    )  # fmt: skip


@dataclass(frozen=True)
class BarisKeputusan:
    """One filled post as the public sees it."""

    id: int
    jabatan: str
    jenis_jabatan: str
    unit: str
    unit_path: str
    nomor_sk: str
    tanggal_sk: date
    tmt: date
    metode: str
    metode_label: str
    nama: str
    jumlah_layak: int | None
    peringkat: int | None
    justifikasi: str
    hari_lowong: int | None


def baris_keputusan(k: Keputusan) -> BarisKeputusan:
    """Return the public fields of a decision (the snapshot gives only its counts)."""
    snapshot = k.snapshot or {}
    hari = (k.tmt - k.lowong_sejak).days if getattr(k, "lowong_sejak", None) else None
    return BarisKeputusan(
        id=k.pk,
        jabatan=k.formasi.jabatan.nama,
        jenis_jabatan=k.formasi.jabatan.get_jenis_display(),
        unit=k.formasi.unit_kerja.nama,
        unit_path=k.formasi.unit_kerja.path,
        nomor_sk=k.nomor_sk,
        tanggal_sk=k.tanggal_sk,
        tmt=k.tmt,
        metode=k.metode,
        metode_label=str(k.get_metode_display()),
        nama=k.pegawai.nama_lengkap,
        jumlah_layak=snapshot.get("jumlah_layak"),
        peringkat=k.peringkat_terpilih,
        justifikasi=(
            Truncator(k.justifikasi).chars(PANJANG_JUSTIFIKASI) if k.peringkat_terpilih != 1 else ""
        ),
        hari_lowong=hari if hari is not None and hari >= 0 else None,
    )


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
    keputusan = [baris_keputusan(k) for k in keputusan_publik()]
    awal = date(pada.year - (1 if pada.month < bulan else 0), (pada.month - bulan) % 12 + 1, 1)
    bulan_ini = Counter(k.tanggal_sk.strftime("%Y-%m") for k in keputusan if k.tanggal_sk >= awal)
    per_bulan = []
    y, m = awal.year, awal.month
    for _i in range(bulan):
        kunci = f"{y:04d}-{m:02d}"
        per_bulan.append((kunci, bulan_ini.get(kunci, 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
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
    nama_opd = {f"{u.path}": u.nama for u in perangkat_daerah()}

    def opd(path: str) -> str:
        bagian = path.split("/")
        return nama_opd.get("/".join(bagian[:2]) + "/", nama_opd.get(path, "—"))

    unit: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for k in keputusan:
        unit[opd(k.unit_path)][0] += 1
    for f in lowong:
        unit[opd(f.unit_kerja.path)][1] += f.kuota - f.jumlah_terisi
        if f.plt_mulai:
            unit[opd(f.unit_kerja.path)][2] += 1
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
    k = Keputusan.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    return k
