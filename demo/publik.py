"""Demo data of the public side: marked service units with a year of survey responses and
moderated comments, and recorded decisions on some recent definitive placements (so that the
transparency pages have something to show). Called once from demo/generator.py."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.text import slugify

from jabatan import merit
from jabatan.models import Keputusan, Penempatan
from kinerja.survei import KomentarSkm, ResponSkm, StatusKomentar, UnitLayanan
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai, UnitKerja
from publik.models import (
    URUTAN_TAHAP,
    AnggotaPanitia,
    HasilTahap,
    Pelamar,
    Pengumuman,
    Seleksi,
    Tahap,
)

# Children first: the generator's reset deletes these before the rows they point at.
MODELS = [Pengumuman, HasilTahap, Pelamar, Tahap, AnggotaPanitia, Seleksi.formasi.through,
          Seleksi, KomentarSkm, ResponSkm, UnitLayanan, Keputusan]  # fmt: skip

KOMENTAR = [
    "Pelayanan cepat dan petugas ramah, terima kasih.",
    "Antrean pagi terlalu panjang, mohon tambah loket.",
    "Ruang tunggu bersih, tetapi kursinya kurang.",
    "Informasi persyaratan di papan pengumuman sudah jelas.",
    "Petugas menjelaskan dengan sabar. Sukses selalu.",
    "Mohon jam layanan diperpanjang pada hari Sabtu.",
    "Toilet perlu diperbaiki.",
    "Prosesnya mudah, selesai di hari yang sama.",
]
METODE = {
    JenisJabatan.JPT_PRATAMA: Keputusan.Metode.SELEKSI_TERBUKA,
    JenisJabatan.ADMINISTRATOR: Keputusan.Metode.TALENT_POOL,
    JenisJabatan.PENGAWAS: Keputusan.Metode.TALENT_POOL,
}


class PublikDemo:
    def __init__(self, *, pada: date, seed: int, responden_per_unit: int = 120) -> None:
        self.pada, self.rng, self.n = pada, random.Random(seed * 7 + 11), responden_per_unit

    def run(self) -> dict[str, int]:
        units = self._unit_layanan()
        respon = self._respon(units)
        keputusan = self._keputusan()
        seleksi = self._seleksi()
        return {"unit_layanan": len(units), "respon_skm": respon, "keputusan": keputusan,
                "seleksi": seleksi}  # fmt: skip

    def _oleh(self) -> User:
        user, _ = User.objects.get_or_create(
            username="sistem-demo", defaults={"is_active": False, "first_name": "Sistem"}
        )
        return user

    def _unit_layanan(self) -> list[UnitLayanan]:
        J = UnitKerja.Jenis
        pilih = list(UnitKerja.objects.filter(jenis__in=[J.PUSKESMAS, J.RUMAH_SAKIT]))
        pilih += list(UnitKerja.objects.filter(jenis=J.KELURAHAN).order_by("path")[:8])
        pilih += list(UnitKerja.objects.filter(nama__icontains="kependudukan", depth=1))
        pilih += list(UnitKerja.objects.filter(nama__icontains="perizinan", depth=1))
        kode_dipakai: set[str] = set()
        units = []
        for u in dict.fromkeys(pilih):
            kode = slugify(u.singkatan or u.nama)[:50] or f"unit-{u.pk}"
            if kode in kode_dipakai:
                kode = f"{kode}-{u.pk}"
            kode_dipakai.add(kode)
            units.append(UnitLayanan(unit_kerja=u, kode=kode, aktif=True))
        return UnitLayanan.objects.bulk_create(units)

    def _respon(self, units: list[UnitLayanan]) -> int:
        rng = self.rng
        rows, komentar = [], []
        for unit in units:
            mutu = rng.uniform(2.6, 3.7)  # the unit's quality: its answers centre here
            n = max(3, int(rng.gauss(self.n, self.n / 3)))
            if rng.random() < 0.1:
                n = rng.randint(1, 4)  # a few units with too few respondents to publish
            for _i in range(n):
                hari = rng.randint(0, 364)
                jawaban = [min(4, max(1, round(rng.gauss(mutu, 0.6)))) for _u in range(9)]
                rows.append(ResponSkm(
                    unit=unit, tanggal=self.pada - timedelta(days=hari),
                    **{f"u{i}": v for i, v in enumerate(jawaban, 1)},
                    jenis_kelamin=rng.choice(["", "L", "P", "P"]),
                    usia=rng.choice(["", "<25", "25-39", "40-54", "55+"]),
                    pendidikan=rng.choice(["", "sma", "s1", "diploma", "smp"]),
                    pekerjaan=rng.choice(["", "swasta", "wirausaha", "pelajar", "lainnya"]),
                ))  # fmt: skip
        ResponSkm.objects.bulk_create(rows, batch_size=2000)
        sekarang = timezone.now()
        for respon in rng.sample(rows, min(len(rows), 6 * len(units))):
            status = rng.choice([StatusKomentar.TAYANG, StatusKomentar.TAYANG,
                                 StatusKomentar.MENUNGGU, StatusKomentar.DITOLAK])  # fmt: skip
            komentar.append(KomentarSkm(
                respon=respon, unit=respon.unit, teks=rng.choice(KOMENTAR), status=status,
                dimoderasi_pada=None if status == StatusKomentar.MENUNGGU else sekarang,
            ))  # fmt: skip
        KomentarSkm.objects.bulk_create(komentar)
        return len(rows)

    def _keputusan(self) -> int:
        """Record decisions on recent definitive placements of managerial posts."""
        rng, oleh = self.rng, self._oleh()
        batas = self.pada - timedelta(days=2 * 365)
        tempat = list(
            Penempatan.objects.aktif().definitif()
            .filter(tmt_mulai__gte=batas, formasi__jabatan__jenis__in=list(METODE))
            .select_related("formasi__jabatan")
            .order_by("-tmt_mulai")[:60]
        )  # fmt: skip
        rows = []
        for p in tempat:
            jenis = p.formasi.jabatan.jenis
            metode = METODE[jenis]
            if metode == Keputusan.Metode.TALENT_POOL and rng.random() < 0.25:
                metode = Keputusan.Metode.ROTASI_MUTASI
            layak = rng.randint(3, 40)
            peringkat = 1 if rng.random() < 0.75 else rng.randint(2, min(3, layak))
            rows.append(Keputusan(
                formasi=p.formasi, pegawai_id=p.pegawai_id, penempatan=p,
                nomor_sk=p.nomor_sk
                or f"800.1.3.3/{rng.randint(100, 999)}/BKPSDM/{p.tmt_mulai.year}",
                tanggal_sk=p.tanggal_sk or p.tmt_mulai - timedelta(days=rng.randint(1, 10)),
                tmt=p.tmt_mulai, metode=metode,
                justifikasi="" if peringkat == 1 else (
                    "Kandidat peringkat pertama sedang menjalani tugas belajar; yang diangkat "
                    "memiliki pengalaman langsung pada urusan ini."),
                # Most of HR's public summaries are written; some are not (the page says so).
                ringkasan_publik="" if peringkat == 1 or p.pk % 3 == 0 else (
                    "Diangkat karena pengalaman langsung pada urusan ini; kandidat di atasnya "
                    "tidak tersedia pada tanggal pengangkatan."),
                peringkat_terpilih=peringkat,
                snapshot={"aturan_versi": merit.ATURAN_VERSI, "jumlah_kandidat": layak + 20,
                          "jumlah_layak": layak, "teratas": [], "terpilih": None, "demo": True},
                aturan_versi=merit.ATURAN_VERSI, oleh=oleh,
            ))  # fmt: skip
        Keputusan.objects.bulk_create(rows)
        return len(rows)

    def _seleksi(self) -> int:
        """A finished open selection behind the latest JPT decision: committee, six stages,
        applicants, results and dated announcements (names only)."""
        rng, oleh = self.rng, self._oleh()
        k = (Keputusan.objects.filter(metode=Keputusan.Metode.SELEKSI_TERBUKA)
             .select_related("formasi__jabatan", "formasi__unit_kerja", "pegawai")
             .order_by("-tmt").first())  # fmt: skip
        if k is None:
            return 0
        lain = list(Pegawai.objects.filter(golongan__startswith="IV").exclude(pk=k.pegawai_id)
                    .order_by("pk")[:5])  # fmt: skip
        pelamar_pegawai = [k.pegawai, *lain]
        seleksi = Seleksi.objects.create(
            judul=f"Seleksi Terbuka JPT Pratama {k.formasi.jabatan.nama} {k.tmt.year}",
            nomor_pengumuman=f"800.1.2/{rng.randint(10, 99)}/Pansel-JPT/{k.tmt.year}",
            dibuka_oleh=oleh, selesai=True,
        )  # fmt: skip
        seleksi.formasi.set([k.formasi])
        AnggotaPanitia.objects.bulk_create(
            AnggotaPanitia(seleksi=seleksi, nama=n, peran=p) for n, p in [
                ("Sekretaris Daerah Kota Mataram", "Ketua"),
                ("Asisten Administrasi Umum", "Anggota"),
                ("Inspektur Kota Mataram", "Anggota"), ("Akademisi Universitas Mataram", "Anggota"),
                ("Kepala BKPSDM", "Sekretaris")]
        )  # fmt: skip
        awal = k.tanggal_sk - timedelta(days=75)
        pelamar = [Pelamar.objects.create(seleksi=seleksi, formasi=k.formasi, pegawai=p)
                   for p in pelamar_pegawai]  # fmt: skip
        tersisa = pelamar
        for i, jenis in enumerate(URUTAN_TAHAP):
            mulai = awal + timedelta(days=12 * i)
            tahap = Tahap.objects.create(seleksi=seleksi, jenis=jenis, urutan=i + 1, mulai=mulai,
                                         selesai=mulai + timedelta(days=10))  # fmt: skip
            lulus = tersisa
            if i >= 2:
                keluar = 1 if len(tersisa) > 3 else 0
                lulus = tersisa[: len(tersisa) - keluar]
                HasilTahap.objects.bulk_create(
                    HasilTahap(tahap=tahap, pelamar=p, lulus=p in lulus, dicatat_oleh=oleh,
                               nilai=90 - 3 * j)
                    for j, p in enumerate(tersisa)
                )  # fmt: skip
                tersisa = lulus
            Pengumuman.objects.create(
                tahap=tahap, seleksi=seleksi, tanggal=tahap.selesai,
                isi=[{"formasi": f"{k.formasi.jabatan.nama} — {k.formasi.unit_kerja.nama}",
                      "lulus": sorted(p.pegawai.nama_lengkap for p in lulus) if i >= 2 else []}],
                ringkasan=f"{tahap.get_jenis_display()} {seleksi}",
            )  # fmt: skip
        return 1
