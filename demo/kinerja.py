"""Two years of realistic performance evaluations for the demo, consistent with the curve.

Each perangkat daerah gets an organisational predikat per year (mostly Baik, some Istimewa, a few
Butuh Perbaikan), and its employees' predikat are dealt from exact shares that respect that
predikat's distribution curve (docs/aturan.md §6): most Baik, a few Sangat Baik, some
Butuh Perbaikan, rare Kurang. The current year is open, with SKPs in every state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from core.bulk import next_free_id
from kinerja import rules
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, Skp

WITA = ZoneInfo("Asia/Makassar")

# Employee predikat shares per organisational predikat, each inside the curve.
SEBARAN = {
    rules.ISTIMEWA: [
        (rules.SANGAT_BAIK, 35),
        (rules.BAIK, 55),
        (rules.BUTUH_PERBAIKAN, 8),
        (rules.KURANG, 2),
    ],
    rules.ORG_BAIK: [
        (rules.SANGAT_BAIK, 15),
        (rules.BAIK, 68),
        (rules.BUTUH_PERBAIKAN, 13),
        (rules.KURANG, 3),
        (rules.SANGAT_KURANG, 1),
    ],
    rules.ORG_BUTUH_PERBAIKAN: [
        (rules.BUTUH_PERBAIKAN, 62),
        (rules.BAIK, 28),
        (rules.SANGAT_BAIK, 5),
        (rules.KURANG, 5),
    ],
}
# The pairs of ratings that give each predikat (the official matrix), the usual one first.
RATING = {
    rules.SANGAT_BAIK: [(rules.DI_ATAS, rules.DI_ATAS)],
    rules.BAIK: [(rules.SESUAI, rules.SESUAI)] * 4
    + [(rules.DI_ATAS, rules.SESUAI), (rules.SESUAI, rules.DI_ATAS)],
    rules.BUTUH_PERBAIKAN: [(rules.DI_BAWAH, rules.SESUAI), (rules.DI_BAWAH, rules.DI_ATAS)],
    rules.KURANG: [(rules.SESUAI, rules.DI_BAWAH), (rules.DI_ATAS, rules.DI_BAWAH)],
    rules.SANGAT_KURANG: [(rules.DI_BAWAH, rules.DI_BAWAH)],
}
# The evaluator's note behind a Butuh Perbaikan or lower (required before final: PermenPANRB
# 6/2022, kinerja.rules.perlu_catatan): what fell short and what to do about it.
CATATAN_RENDAH = [
    "Target hasil kerja tidak tercapai pada dua triwulan; perlu rencana aksi bulanan yang "
    "dipantau atasan langsung.",
    "Laporan kegiatan sering terlambat dari tenggat; ikuti bimbingan kinerja dan susun jadwal "
    "kerja mingguan.",
    "Kehadiran dan ketepatan waktu di bawah standar unit; konseling kinerja dijadwalkan pada "
    "triwulan I.",
    "Beberapa keluhan layanan belum ditindaklanjuti; perlu pendampingan oleh pejabat "
    "fungsional senior.",
    "Kerja sama dengan rekan satu tim kurang; ikuti pembinaan perilaku kerja (BerAKHLAK: "
    "Harmonis, Kolaboratif).",
]
# Share of the open year's planned SKPs whose employee has already reported the realisation,
# waiting for the evaluator's rating (the unit head's "Menunggu penilaian saya").
REALISASI_TERISI = 0.5
# Plan rows (hasil kerja, indikator, target) that fit the position: a teacher's SKP is about
# learning, a midwife's about mothers and babies, a head's about the unit's programme.
RENCANA_UMUM = [
    ("Layanan administrasi unit sesuai standar pelayanan", "Persentase layanan tepat waktu", "95%"),
    ("Dokumen kerja unit tersusun", "Jumlah dokumen yang disahkan", "4 dokumen"),
    ("Arsip dan surat unit tertata", "Persentase surat diproses dalam 2 hari kerja", "90%"),
]
RENCANA_PIMPINAN = [
    ("Program kerja unit terlaksana", "Persentase realisasi program dan kegiatan", "90%"),
    ("Anggaran unit terserap sesuai rencana", "Persentase realisasi anggaran", "95%"),
    ("Kinerja bawahan terkelola", "Persentase SKP bawahan dinilai tepat waktu", "100%"),
    ("Rekomendasi pengawasan ditindaklanjuti", "Persentase temuan selesai ditindaklanjuti", "90%"),
]
RENCANA: dict[str, list[tuple[str, str, str]]] = {
    "GURU": [
        ("Pembelajaran terlaksana sesuai kurikulum", "Persentase modul ajar terlaksana", "100%"),
        (
            "Hasil belajar peserta didik meningkat",
            "Persentase peserta didik mencapai kriteria ketercapaian",
            "85%",
        ),
        ("Asesmen pembelajaran terlaksana", "Jumlah asesmen sumatif dinilai", "4 asesmen"),
    ],
    "PENGAWAS_SEKOLAH": [
        ("Sekolah binaan terdampingi", "Jumlah sekolah binaan didampingi", "10 sekolah"),
        ("Rapor pendidikan sekolah binaan membaik", "Persentase indikator membaik", "60%"),
    ],
    "DOKTER": [
        ("Pelayanan medis sesuai standar", "Jumlah pasien terlayani sesuai SOP", "2.400 pasien"),
        ("Rujukan tepat indikasi", "Persentase rujukan sesuai indikasi medis", "95%"),
    ],
    "PERAWAT": [
        ("Asuhan keperawatan sesuai standar", "Persentase asuhan terdokumentasi lengkap", "95%"),
        ("Keselamatan pasien terjaga", "Jumlah kejadian tidak diharapkan", "0 kejadian"),
    ],
    "BIDAN": [
        ("Pelayanan kesehatan ibu hamil", "Persentase ibu hamil mendapat layanan K6", "90%"),
        ("Persalinan di fasilitas kesehatan", "Persentase persalinan ditolong nakes", "98%"),
    ],
    "APOTEKER": [
        ("Pelayanan kefarmasian sesuai standar", "Persentase resep dikaji", "100%"),
        ("Ketersediaan obat esensial", "Persentase obat esensial tersedia", "95%"),
    ],
    "PLK": [("Pemeriksaan laboratorium tepat waktu", "Persentase hasil keluar < 2 jam", "90%")],
    "NUTRISIONIS": [
        ("Balita gizi kurang tertangani", "Persentase balita gizi kurang mendapat PMT", "95%"),
    ],
    "AUDITOR": [
        ("Audit kinerja perangkat daerah", "Jumlah laporan hasil audit", "6 laporan"),
        ("Reviu laporan keuangan", "Persentase reviu selesai tepat waktu", "100%"),
    ],
    "PRAKOM": [
        ("Layanan aplikasi pemerintah tersedia", "Persentase ketersediaan layanan", "99%"),
        ("Gangguan jaringan tertangani", "Persentase tiket selesai dalam 1 hari", "90%"),
    ],
    "ASDMA": [
        ("Data kepegawaian mutakhir", "Persentase data SIASN tervalidasi", "100%"),
        ("Usul kenaikan pangkat tepat waktu", "Persentase usul diproses sebelum periode", "100%"),
    ],
    "ANALIS_KEUANGAN": [
        ("Laporan keuangan tersusun", "Jumlah laporan keuangan tepat waktu", "12 laporan"),
    ],
    "PERENCANA": [("Dokumen perencanaan tersusun", "Jumlah dokumen Renja/RKA", "3 dokumen")],
    "PEKSOS": [
        ("Rehabilitasi sosial terlaksana", "Jumlah penerima manfaat didampingi", "60 orang"),
    ],
    "PENYULUH_PERTANIAN": [
        ("Kelompok tani terbina", "Jumlah kelompok tani didampingi", "12 kelompok"),
    ],
    "PUSTAKAWAN": [("Koleksi perpustakaan terolah", "Jumlah bahan pustaka diolah", "1.200 judul")],
    "ARSIPARIS": [("Arsip inaktif tertata", "Jumlah berkas dinilai dan ditata", "800 berkas")],
    "POLPP": [("Perda ditegakkan", "Jumlah operasi penertiban terlaksana", "24 operasi")],
    "DAMKAR": [("Kebakaran tertangani cepat", "Persentase respons < 15 menit", "90%")],
    "PPBJ": [("Paket pengadaan selesai", "Persentase paket tender selesai tepat waktu", "95%")],
    "TEKNIK_JALAN": [("Jalan kota mantap", "Persentase jalan kondisi mantap", "85%")],
    "PEDAL": [("Pencemaran terpantau", "Jumlah titik pantau kualitas air", "24 titik")],
}


def rencana(keluarga: str, jenis_jabatan: str) -> list[tuple[str, str, str]]:
    """The plan rows that fit a position family (or a structural post, or the rest)."""
    if keluarga in RENCANA:
        return RENCANA[keluarga]
    if jenis_jabatan in ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"):
        return RENCANA_PIMPINAN
    return RENCANA_UMUM


@dataclass(frozen=True)
class Orang:
    """What the evaluations need to know of one generated employee."""

    id: int
    unit_id: int
    opd_id: int
    golongan: str
    jenis_jabatan: str
    masuk: date
    keluarga: str = ""  # the catalogue family (GURU, BIDAN, ...) or the post's code


def _kuota(sebaran: list[tuple[str, int]], n: int, rng: random.Random) -> list[str]:
    """Deal `n` predikat in exact shares (largest remainder), shuffled."""
    raw = [(p, n * share / 100) for p, share in sebaran]
    counts = {p: int(x) for p, x in raw}
    for p, _x in sorted(raw, key=lambda t: t[1] - int(t[1]), reverse=True)[
        : n - sum(counts.values())
    ]:
        counts[p] += 1
    out = [p for p, c in counts.items() for _ in range(c)]
    rng.shuffle(out)
    return out


class KinerjaDemo:
    def __init__(self, *, gen, orang: list[Orang], atasan: dict[int, int | None]) -> None:
        self.gen, self.orang, self.atasan = gen, orang, atasan
        self.rng = random.Random(gen.rng.random())

    def run(self) -> int:
        tahun_ini = self.gen.pada.year
        opd_ids = sorted({o.opd_id for o in self.orang})
        n = 0
        for tahun in (tahun_ini - 2, tahun_ini - 1, tahun_ini):
            periode = Periode.objects.create(
                tahun=tahun, jenis=Periode.Jenis.TAHUNAN, terbuka=tahun == tahun_ini
            )
            if tahun < tahun_ini:
                org = self._organisasi(opd_ids, tahun)
            n += self._skp(periode, org if tahun < tahun_ini else None)
        return n

    def _organisasi(self, opd_ids: list[int], tahun: int) -> dict[int, str]:
        org = {}
        for opd in opd_ids:
            r = self.rng.random()
            org[opd] = (
                rules.ISTIMEWA
                if r < 0.15
                else (rules.ORG_BUTUH_PERBAIKAN if r > 0.92 else rules.ORG_BAIK)
            )
        KinerjaOrganisasi.objects.bulk_create(
            KinerjaOrganisasi(unit_kerja_id=u, tahun=tahun, predikat=p) for u, p in org.items()
        )
        return org

    def _skp(self, periode: Periode, org: dict[int, str] | None) -> int:
        gen, rng = self.gen, self.rng
        akhir = date(periode.tahun, 12, 31)
        peserta = [o for o in self.orang if o.masuk <= akhir]
        predikat: dict[int, str] = {}
        if org is not None:
            per_opd: dict[int, list[Orang]] = {}
            for o in peserta:
                per_opd.setdefault(o.opd_id, []).append(o)
            for opd, anggota in per_opd.items():
                for o, p in zip(anggota, _kuota(SEBARAN[org[opd]], len(anggota), rng), strict=True):
                    predikat[o.id] = p
        dinilai = datetime.combine(date(periode.tahun + 1, 1, 15), time(10), WITA)
        if not gen.loader.postgres:  # Django keeps naive UTC in SQLite
            dinilai = dinilai.astimezone(UTC).replace(tzinfo=None)
        skp_rows, rencana_rows = [], []
        skp_id, rencana_id = next_free_id(Skp), next_free_id(RencanaHasilKerja)
        for o in peserta:
            if org is not None:
                p = predikat[o.id]
                hasil, perilaku = rng.choice(RATING[p])
                status, waktu = Skp.Status.FINAL, dinilai
            else:  # the open year: every state of the workflow
                r = rng.random()
                status = (
                    Skp.Status.DRAFT
                    if r < 0.35
                    else Skp.Status.DIRENCANAKAN
                    if r < 0.8
                    else Skp.Status.DIEVALUASI
                )
                p, hasil, perilaku, waktu = "", "", "", None
                if status == Skp.Status.DIEVALUASI:
                    p = rng.choice([rules.BAIK] * 7 + [rules.SANGAT_BAIK, rules.BUTUH_PERBAIKAN])
                    hasil, perilaku = rng.choice(RATING[p])
                    waktu = gen.loader.now
            catatan = rng.choice(CATATAN_RENDAH) if rules.perlu_catatan(p) else ""
            skp_rows.append(
                (
                    skp_id,
                    o.id,
                    periode.pk,
                    self.atasan.get(o.id),
                    o.unit_id,
                    o.opd_id,
                    o.golongan,
                    o.jenis_jabatan,
                    status,
                    hasil,
                    perilaku,
                    p,
                    catatan,
                    waktu,
                    waktu if status == Skp.Status.FINAL else None,
                )
            )
            if status != Skp.Status.DRAFT:
                # Reported: every past year's, the open year's rated ones, and about half of
                # the open year's planned ones (the employee filled it in before the rating).
                lapor = (
                    org is not None
                    or status == Skp.Status.DIEVALUASI
                    or (rng.random() < REALISASI_TERISI)
                )
                baris = rencana(o.keluarga, o.jenis_jabatan)
                for urutan, (h, i, t) in enumerate(rng.sample(baris, min(2, len(baris))), 1):
                    realisasi = t if lapor else ""
                    rencana_rows.append((rencana_id, skp_id, urutan, h, i, t, realisasi))
                    rencana_id += 1
            skp_id += 1
        w = gen.loader.write
        w(
            Skp,
            [
                "id",
                "pegawai",
                "periode",
                "penilai",
                "unit_kerja",
                "perangkat_daerah",
                "golongan",
                "jenis_jabatan",
                "status",
                "rating_hasil",
                "rating_perilaku",
                "predikat",
                "catatan_penilai",
                "dinilai_pada",
                "difinalkan_pada",
            ],
            skp_rows,
        )
        w(
            RencanaHasilKerja,
            ["id", "skp", "urutan", "hasil_kerja", "indikator", "target", "realisasi"],
            rencana_rows,
        )
        return len(skp_rows)
