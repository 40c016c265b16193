"""Demo data of the public side: marked service units with a year of survey responses and
moderated comments, and recorded decisions on some recent definitive placements (so that the
transparency pages have something to show). Called once from demo/generator.py."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import slugify

from jabatan import merit
from jabatan.merit.relevansi import LAIN, kecocokan
from jabatan.models import Formasi, Keputusan, Penempatan
from jabatan.peringkat import peringkat_formasi
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai, UnitKerja
from publik.models import (
    URUTAN_TAHAP,
    AnggotaPanitia,
    HasilTahap,
    KeputusanSeleksi,
    Pelamar,
    Pengumuman,
    Seleksi,
    Tahap,
)
from publik.selectors import formasi_jpt_lowong, persyaratan_formasi
from survei.models import (
    JaringanSkm,
    KiosSkm,
    KomentarSkm,
    RekapJaringanSkm,
    ResponSkm,
    StatusKomentar,
    UnitLayanan,
)
from survei.terbit import triwulan_dari

# Children first: the generator's reset deletes these before the rows they point at.
MODELS = [
    Pengumuman,
    HasilTahap,
    Pelamar,
    Tahap,
    AnggotaPanitia,
    Seleksi.formasi.through,
    Seleksi,
    KomentarSkm,
    ResponSkm,
    JaringanSkm,
    RekapJaringanSkm,
    KiosSkm,
    UnitLayanan,
    Keputusan,
]

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
# Why HR appointed someone other than the first eligible candidate: the internal justification
# (about people, never public) beside the summary written for the public (no names, no
# personal details), one pair per reason. "{tahun}" is the decision's year. No reason claims
# what the data would contradict (an acting period, a predikat the SKPs do not show).
ALASAN: dict[str, list[tuple[str, str]]] = {
    "talent_pool": [
        (
            "Kandidat peringkat pertama sedang menjalani tugas belajar S2 sampai {tahun}; yang "
            "diangkat memiliki pengalaman langsung pada urusan ini.",
            "Kandidat di atasnya sedang tugas belajar; yang diangkat berpengalaman langsung "
            "pada urusan ini.",
        ),
        (
            "Kandidat peringkat pertama baru delapan bulan pada jabatannya sekarang dan diminta "
            "pimpinan unitnya tetap di sana untuk menuntaskan program prioritas {tahun}.",
            "Kandidat di atasnya masih dibutuhkan pada jabatannya sekarang; yang diangkat "
            "memenuhi semua syarat dengan kinerja Baik dua tahun terakhir.",
        ),
        (
            "Kandidat peringkat pertama menyatakan tidak bersedia dipindahkan ke unit ini "
            "(surat pernyataan tersimpan di berkas Baperjakat).",
            "Kandidat di atasnya tidak bersedia dipindahkan; pengangkatan mengikuti urutan "
            "kandidat berikutnya.",
        ),
        (
            "Kandidat peringkat pertama sedang diperiksa atas dugaan pelanggaran disiplin; "
            "Baperjakat tidak mengusulkannya sampai pemeriksaan selesai.",
            "Pengangkatan kandidat di atasnya ditunda sampai pemeriksaan kepegawaian selesai.",
        ),
        (
            "Yang diangkat memegang sertifikat pengelolaan barang/jasa yang dibutuhkan bidang "
            "ini; kandidat peringkat pertama belum memilikinya.",
            "Yang diangkat memiliki sertifikat kompetensi teknis yang dibutuhkan jabatan ini.",
        ),
        (
            "Kandidat peringkat pertama sudah diusulkan untuk formasi lain yang lowong pada "
            "bulan yang sama; selisih nilai yang diangkat dengannya kecil.",
            "Kandidat di atasnya sudah diusulkan untuk formasi lain pada waktu yang sama.",
        ),
    ],
    "rotasi_mutasi": [
        (
            "Rotasi antarperangkat daerah untuk pemerataan: kandidat peringkat pertama berasal "
            "dari unit yang sama dan unit itu sudah kehilangan dua pejabat tahun {tahun}.",
            "Rotasi untuk pemerataan pejabat antarperangkat daerah; yang diangkat memenuhi "
            "semua syarat jabatan.",
        ),
        (
            "Kandidat peringkat pertama akan memasuki batas usia pensiun dalam sebelas bulan; "
            "pengangkatan memilih kandidat yang dapat menjabat lebih lama.",
            "Kandidat di atasnya akan segera pensiun; yang diangkat dapat menjabat lebih lama.",
        ),
    ],
    "seleksi_terbuka": [
        (
            "Panitia seleksi mengusulkan tiga nama terbaik; Pejabat Pembina Kepegawaian memilih "
            "peringkat kedua setelah wawancara akhir karena pengalamannya memimpin unit "
            "pelayanan.",
            "Dipilih Pejabat Pembina Kepegawaian dari tiga nama terbaik usulan panitia seleksi "
            "terbuka.",
        ),
    ],
}
# Some summaries HR writes for a first-ranked appointee too.
RINGKASAN_PERTAMA = {
    "talent_pool": [
        "Kandidat layak peringkat pertama dari talent pool; memenuhi semua syarat jabatan.",
        "Peringkat merit tertinggi di antara kandidat yang memenuhi syarat.",
        "Diangkat dari talent pool sesuai rencana suksesi formasi ini.",
    ],
    "rotasi_mutasi": [
        "Rotasi pejabat dengan peringkat merit tertinggi di antara kandidat layak.",
        "Rotasi sesuai rencana pengembangan karier; peringkat merit tertinggi.",
    ],
    "seleksi_terbuka": [
        "Peringkat terbaik seleksi terbuka, diusulkan panitia seleksi.",
        "Nilai akhir tertinggi seleksi terbuka; hasil tiap tahap diumumkan di halaman seleksi.",
    ],
}
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
        return {"unit_layanan": len(units), "respon_skm": respon, "keputusan": keputusan}

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
                rows.append(
                    ResponSkm(
                        unit=unit,
                        tanggal=self.pada - timedelta(days=hari),
                        **{f"u{i}": v for i, v in enumerate(jawaban, 1)},
                        jenis_kelamin=rng.choice(["", "L", "P", "P"]),
                        usia=rng.choice(["", "<25", "25-39", "40-54", "55+"]),
                        pendidikan=rng.choice(["", "sma", "s1", "diploma", "smp"]),
                        pekerjaan=rng.choice(["", "swasta", "wirausaha", "pelajar", "lainnya"]),
                    )
                )
        ResponSkm.objects.bulk_create(rows, batch_size=2000)
        # Each demo respondent on a network of their own (survei.terbit counts distinct
        # networks); a random key stands for the keyed hash the form would store.
        JaringanSkm.objects.bulk_create(
            [
                JaringanSkm(
                    unit=r.unit,
                    tahun=r.tanggal.year,
                    triwulan=triwulan_dari(r.tanggal),
                    kunci=f"{rng.getrandbits(256):064x}",
                )
                for r in rows
            ],
            batch_size=2000,
        )
        sekarang = timezone.now()
        for respon in rng.sample(rows, min(len(rows), 6 * len(units))):
            status = rng.choice(
                [
                    StatusKomentar.TAYANG,
                    StatusKomentar.TAYANG,
                    StatusKomentar.MENUNGGU,
                    StatusKomentar.DITOLAK,
                ]
            )
            komentar.append(
                KomentarSkm(
                    respon=respon,
                    unit=respon.unit,
                    teks=rng.choice(KOMENTAR),
                    status=status,
                    dimoderasi_pada=None if status == StatusKomentar.MENUNGGU else sekarang,
                )
            )
        KomentarSkm.objects.bulk_create(komentar)
        return len(rows)

    def _keputusan(self) -> int:
        """Record decisions on recent definitive placements of managerial posts whose
        predecessor's last day is known (demo.generator: the post stood vacant one to ten
        months), so the public sees how long each post was vacant."""
        rng, oleh = self.rng, self._oleh()
        batas = self.pada - timedelta(days=2 * 365)
        pendahulu = Penempatan.objects.definitif().filter(
            formasi=OuterRef("formasi"), tmt_selesai__lt=OuterRef("tmt_mulai")
        )
        tempat = list(
            Penempatan.objects.aktif()
            .definitif()
            .filter(tmt_mulai__gte=batas, formasi__jabatan__jenis__in=list(METODE))
            .filter(Exists(pendahulu))
            .select_related("formasi__jabatan")
            .order_by("-tmt_mulai")[:60]
        )
        rows = []
        for p in tempat:
            jenis = p.formasi.jabatan.jenis
            metode = METODE[jenis]
            if metode == Keputusan.Metode.TALENT_POOL and rng.random() < 0.25:
                metode = Keputusan.Metode.ROTASI_MUTASI
            layak = rng.randint(3, 40)
            peringkat = 1 if rng.random() < 0.75 else rng.randint(2, min(3, layak))
            tahun = p.tmt_mulai.year
            justifikasi, ringkasan = "", ""
            if peringkat != 1:
                internal, publik = rng.choice(ALASAN[metode])
                justifikasi = internal.format(tahun=tahun)
                # Most of HR's public summaries are written; some are not (the page says so).
                ringkasan = "" if rng.random() < 0.2 else publik.format(tahun=tahun)
            elif rng.random() < 0.3:
                ringkasan = rng.choice(RINGKASAN_PERTAMA[metode])
            rows.append(
                Keputusan(
                    formasi=p.formasi,
                    pegawai_id=p.pegawai_id,
                    penempatan=p,
                    nomor_sk=p.nomor_sk
                    or f"800.1.3.3/{rng.randint(100, 999)}/BKPSDM/{p.tmt_mulai.year}",
                    tanggal_sk=p.tanggal_sk or p.tmt_mulai - timedelta(days=rng.randint(1, 10)),
                    tmt=p.tmt_mulai,
                    metode=metode,
                    justifikasi=justifikasi,
                    ringkasan_publik=ringkasan,
                    peringkat_terpilih=peringkat,
                    snapshot={
                        "aturan_versi": merit.ATURAN_VERSI,
                        "jumlah_kandidat": layak + 20,
                        "jumlah_layak": layak,
                        "teratas": [],
                        "terpilih": None,
                        "demo": True,
                    },
                    aturan_versi=merit.ATURAN_VERSI,
                    oleh=oleh,
                )
            )
        Keputusan.objects.bulk_create(rows)
        return len(rows)


class SeleksiDemo:
    """Open selections with plausible applicants: a finished one behind each JPT decision by
    "Seleksi terbuka" (committee, six stages, results, dated announcements) and one running for
    a vacant JPT post. The applicants are those the merit ranking finds eligible on the first
    day of registration (PP 11/2017 Pasal 107 jo. PP 17/2020 through jabatan.merit: rank,
    education, the required family of studies, an Administrator or Ahli Madya post for two
    years, at most 56 years old), whose field of study fits the post or its unit's affair
    (jabatan.merit.relevansi), never the post's holder; the winner of a finished selection is
    the appointee. Runs after the merit projection is built (seed_demo)."""

    PELAMAR = 5

    def __init__(self, *, pada: date, seed: int) -> None:
        self.pada, self.rng = pada, random.Random(seed * 13 + 5)
        self.oleh = User.objects.get(username="sistem-demo")

    def run(self) -> int:
        keputusan = (
            Keputusan.objects.filter(metode=Keputusan.Metode.SELEKSI_TERBUKA)
            .select_related("formasi__jabatan", "formasi__unit_kerja", "pegawai")
            .prefetch_related("formasi__jabatan__bidang_studi", "formasi__jabatan__rumpun_wajib")
            .order_by("tmt", "pk")
        )
        n = 0
        for k in keputusan:
            awal = k.tanggal_sk - timedelta(days=75)
            seleksi = self._buat(k.formasi, awal, pemenang=k.pegawai)
            # The decision names the selection it came from, as a recorded one must
            # (publik.keputusan): through the appointee's application.
            KeputusanSeleksi.objects.create(
                keputusan=k, pelamar=seleksi.pelamar.get(pegawai=k.pegawai, formasi=k.formasi)
            )
            n += 1
        lowong = formasi_jpt_lowong().select_related("jabatan", "unit_kerja").order_by("pk")[:1]
        formasi = next(iter(lowong), None)
        if formasi is not None:  # registration open today, the later stages ahead
            self._buat(formasi, self.pada - timedelta(days=14), pemenang=None)
            n += 1
        return n

    def _pelamar(self, formasi: Formasi, pada: date, pemenang: Pegawai | None) -> list[Pegawai]:
        """The best eligible whose field of study fits the post or its affair: a teacher with
        an Ahli Madya post may by law apply to head the fire brigade, but does not."""
        p = peringkat_formasi(formasi, pada=pada, teratas=20 * self.PELAMAR, hitung=False)
        cocok = [h for h in p.teratas if kecocokan(h.kandidat, p.syarat) != LAIN]
        ids = [h.kandidat.pegawai_id for h in cocok][: self.PELAMAR]
        if pemenang is not None:
            ids = [pemenang.pk, *[i for i in ids if i != pemenang.pk][: self.PELAMAR - 1]]
        orang = Pegawai.objects.in_bulk(ids)
        return [orang[i] for i in ids]

    def _buat(self, formasi: Formasi, awal: date, *, pemenang: Pegawai | None) -> Seleksi:
        rng, oleh = self.rng, self.oleh
        seleksi = Seleksi.objects.create(
            judul=f"Seleksi Terbuka JPT Pratama {_nama_jabatan(formasi)} {awal.year}",
            nomor_pengumuman=f"800.1.2/{rng.randint(10, 99)}/Pansel-JPT/{awal.year}",
            dibuka_oleh=oleh,
            selesai=pemenang is not None,
            persyaratan=persyaratan_formasi([formasi]),
        )
        seleksi.formasi.set([formasi])
        AnggotaPanitia.objects.bulk_create(
            AnggotaPanitia(seleksi=seleksi, nama=n, peran=p)
            for n, p in [
                ("Sekretaris Daerah Kota Mataram", "Ketua"),
                ("Asisten Administrasi Umum", "Anggota"),
                ("Inspektur Kota Mataram", "Anggota"),
                ("Akademisi Universitas Mataram", "Anggota"),
                ("Kepala BKPSDM", "Sekretaris"),
            ]
        )
        tahap = Tahap.objects.bulk_create(
            Tahap(
                seleksi=seleksi,
                jenis=jenis,
                urutan=i + 1,
                mulai=awal + timedelta(days=12 * i),
                selesai=awal + timedelta(days=12 * i + 10),
            )
            for i, jenis in enumerate(URUTAN_TAHAP)
        )
        daftar = tahap[1].mulai
        pelamar = Pelamar.objects.bulk_create(
            Pelamar(seleksi=seleksi, formasi=formasi, pegawai=p)
            for p in self._pelamar(formasi, daftar, pemenang)
        )
        pengumuman = []
        tersisa = pelamar
        for i, t in enumerate(tahap):
            if t.selesai >= self.pada:  # a running selection: results only for stages past
                break
            lulus = tersisa
            if i >= 2:
                keluar = 1 if len(tersisa) > 3 else 0
                lulus = tersisa[: len(tersisa) - keluar]
                HasilTahap.objects.bulk_create(
                    HasilTahap(
                        tahap=t, pelamar=p, lulus=p in lulus, dicatat_oleh=oleh, nilai=90 - 3 * j
                    )
                    for j, p in enumerate(tersisa)
                )
                tersisa = lulus
            pengumuman.append(
                Pengumuman(
                    tahap=t,
                    seleksi=seleksi,
                    tanggal=t.selesai,
                    isi=[
                        {
                            "formasi": f"{formasi.jabatan.nama} — {formasi.unit_kerja.nama}",
                            "lulus": sorted(p.pegawai.nama_lengkap for p in lulus)
                            if i >= 2
                            else [],
                        }
                    ],
                    ringkasan=f"{t.get_jenis_display()} {seleksi}",
                )
            )
        Pengumuman.objects.bulk_create(pengumuman)
        return seleksi


def _nama_jabatan(formasi: Formasi) -> str:
    """Return the post as an announcement names it: "Kepala Dinas" of "Dinas Pendidikan" is
    "Kepala Dinas Pendidikan"; other posts keep their unit after a dash."""
    jabatan, unit = formasi.jabatan.nama, formasi.unit_kerja.nama
    kepala = jabatan.removeprefix("Kepala ")
    if kepala != jabatan and unit.startswith(kepala):
        return f"Kepala {unit}"
    return f"{jabatan} — {unit}"
