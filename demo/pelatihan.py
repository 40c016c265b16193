"""A realistic training catalogue and two years of sessions and enrolments for the demo,
consistent with the evaluations (demo.kinerja): most PNS reach 20 JP, employees rated Butuh
Perbaikan or lower were sent to a program for a weak competency, high performers to the next
leadership program; structural officials completed their level's leadership training; PNS
appointed from 2018 did Latsar CPNS. The current year has completions so far, enrolments in
the coming sessions, employees' requests and external training awaiting verification.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from core.bulk import next_free_id
from kinerja import rules as kinerja_rules
from kinerja.models import Skp
from pegawai.jenis_jabatan import JenisJabatan
from pelatihan.models import (
    PelatihanEksternal,
    Peserta,
    Program,
    ProgramKompetensi,
    RencanaBaris,
    RencanaPengembangan,
    Sesi,
)

# Children first: the generator empties these before its own tables.
MODELS = [
    RencanaBaris,
    RencanaPengembangan,
    PelatihanEksternal,
    Peserta,
    Sesi,
    ProgramKompetensi,
    Program,
]

J = JenisJabatan
# (kode, nama, jenis, bentuk, kelompok, sifat, JP, biaya, wajib, sasaran, kompetensi, penyelenggara,
#  kapasitas)
KATALOG = [
    (
        "LATSAR",
        "Pelatihan Dasar CPNS",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        286,
        6_500_000,
        "latsar_cpns",
        [],
        {"m01": 2, "sk01": 2, "m05": 2},
        "bpsdm_ntb",
        40,
    ),
    (
        "PKP",
        "Pelatihan Kepemimpinan Pengawas",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        270,
        14_500_000,
        "pkp",
        [J.PENGAWAS, J.PELAKSANA, J.FUNGSIONAL],
        {"m04": 3, "m06": 3, "m08": 2},
        "bpsdm_ntb",
        30,
    ),
    (
        "PKA",
        "Pelatihan Kepemimpinan Administrator",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        360,
        26_000_000,
        "pka",
        [J.ADMINISTRATOR, J.PENGAWAS],
        {"m07": 3, "m08": 3, "m06": 3},
        "lan",
        30,
    ),
    (
        "PKN2",
        "Pelatihan Kepemimpinan Nasional Tingkat II",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        420,
        55_000_000,
        "pkn_ii",
        [J.JPT_PRATAMA, J.ADMINISTRATOR],
        {"m07": 4, "m08": 4, "sk01": 4},
        "lan",
        30,
    ),
    (
        "PELAYANAN",
        "Pelayanan Publik Prima",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        24,
        1_750_000,
        "",
        [J.PELAKSANA, J.FUNGSIONAL],
        {"m05": 3, "m01": 2},
        "bkpsdm",
        35,
    ),
    (
        "KOMUNIKASI",
        "Komunikasi Efektif dan Public Speaking",
        "klasikal",
        "lokakarya",
        "manajerial",
        "soft",
        24,
        1_500_000,
        "",
        [],
        {"m03": 3, "m02": 2},
        "bkpsdm",
        35,
    ),
    (
        "KINERJA",
        "Manajemen Kinerja dan Orientasi Hasil",
        "klasikal",
        "pelatihan",
        "manajerial",
        "soft",
        32,
        2_250_000,
        "",
        [],
        {"m04": 3, "m06": 2},
        "bkpsdm",
        35,
    ),
    (
        "KEPEMIMPINAN",
        "Kepemimpinan Transformasional",
        "klasikal",
        "lokakarya",
        "manajerial",
        "soft",
        24,
        2_500_000,
        "",
        [J.PENGAWAS, J.ADMINISTRATOR],
        {"m07": 3, "m08": 3, "m06": 3},
        "bkpsdm",
        30,
    ),
    (
        "KEBANGSAAN",
        "Wawasan Kebangsaan dan Perekat Bangsa",
        "klasikal",
        "seminar",
        "sosial_kultural",
        "soft",
        16,
        600_000,
        "",
        [],
        {"sk01": 3, "m01": 3},
        "bkpsdm",
        60,
    ),
    (
        "TIK-DASAR",
        "Literasi Digital dan Office untuk Administrasi",
        "klasikal",
        "bimtek",
        "teknis",
        "hard",
        24,
        1_200_000,
        "",
        [J.PELAKSANA],
        {},
        "bkpsdm",
        30,
    ),
    (
        "TIK-DATA",
        "Analisis Data dengan Spreadsheet dan SQL",
        "klasikal",
        "pelatihan",
        "teknis",
        "hard",
        40,
        3_500_000,
        "",
        [J.PELAKSANA, J.FUNGSIONAL],
        {"m04": 2},
        "kementerian",
        25,
    ),
    (
        "SPBE",
        "Keamanan Informasi dan SPBE",
        "nonklasikal",
        "jarak_jauh",
        "teknis",
        "hard",
        20,
        900_000,
        "",
        [],
        {},
        "kementerian",
        100,
    ),
    (
        "EL-ASN",
        "E-learning Core Values ASN BerAKHLAK",
        "nonklasikal",
        "e_learning",
        "manajerial",
        "soft",
        20,
        0,
        "",
        [],
        {"m01": 3, "m02": 3, "m05": 3},
        "daring",
        1000,
    ),
    (
        "EL-ANTIKORUPSI",
        "E-learning Pencegahan Korupsi",
        "nonklasikal",
        "e_learning",
        "sosial_kultural",
        "soft",
        12,
        0,
        "",
        [],
        {"m01": 4},
        "daring",
        1000,
    ),
    (
        "COACHING",
        "Coaching Kinerja oleh Atasan Langsung",
        "nonklasikal",
        "coaching",
        "manajerial",
        "soft",
        16,
        0,
        "",
        [],
        {"m04": 3, "m06": 3},
        "bkpsdm",
        200,
    ),
    (
        "MAGANG",
        "Magang di Mal Pelayanan Publik",
        "nonklasikal",
        "magang",
        "teknis",
        "hard",
        40,
        500_000,
        "",
        [J.PELAKSANA],
        {"m05": 3},
        "bkpsdm",
        20,
    ),
]
TEMPAT = {
    "bkpsdm": "Aula BKPSDM Kota Mataram",
    "bpsdm_ntb": "Kampus BPSDM Provinsi NTB",
    "lan": "Puslatbang KDOD LAN Makassar",
    "kementerian": "Jakarta (daring-luring)",
    "daring": "https://asn-unggul.lan.go.id",
}
NAMA_PENYELENGGARA = {"kementerian": "Kementerian Komunikasi dan Digital"}
WAJIB_JENIS = {J.PENGAWAS: "PKP", J.ADMINISTRATOR: "PKA", J.JPT_PRATAMA: "PKN2"}
# The sample certificate of the demo's external training (a one-page PDF without content).
CONTOH_BUKTI = "sertifikat/contoh.pdf"
CONTOH_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
LEMAH = {"m03": "KOMUNIKASI", "m04": "KINERJA", "m05": "PELAYANAN"}
RENDAH = {kinerja_rules.BUTUH_PERBAIKAN, kinerja_rules.KURANG, kinerja_rules.SANGAT_KURANG}


class PelatihanDemo:
    def __init__(self, *, gen, orang: list) -> None:
        self.gen, self.orang = gen, orang
        self.rng = random.Random(gen.rng.random())
        self.pada: date = gen.pada

    def run(self) -> int:
        program = self._katalog()
        tahun_ini = self.pada.year
        predikat = self._predikat()
        # (program code, year) -> [(employee id, status, certificate date or None)]
        ikut: dict[tuple[str, int], list] = defaultdict(list)
        rng = self.rng
        for o in self.orang:
            pns = "/" in o.golongan
            # Required leadership training, completed some years before (most officials).
            kode = WAJIB_JENIS.get(o.jenis_jabatan)
            awal = max(o.masuk.year + 2, tahun_ini - 8)
            if kode and awal <= tahun_ini - 1 and rng.random() < 0.85:
                th = rng.randint(awal, tahun_ini - 1)
                ikut[(kode, th)].append((o.id, "lulus"))
            if pns and o.masuk.year >= 2018 and o.masuk.year < tahun_ini and rng.random() < 0.95:
                ikut[("LATSAR", o.masuk.year + (o.masuk.month > 6))].append((o.id, "lulus"))
            for th in (tahun_ini - 1, tahun_ini):
                if o.masuk.year > th:
                    continue
                p = predikat.get((o.id, th - 1), "")
                pilihan = self._program_tahun(o, p, pns)
                for kode in pilihan:
                    ikut[(kode, th)].append((o.id, "lulus"))
        return self._tulis(program, ikut)

    def _katalog(self) -> dict[str, Program]:
        program = {}
        for (
            kode,
            nama,
            jenis,
            bentuk,
            kelompok,
            sifat,
            jp,
            biaya,
            wajib,
            sasaran,
            kom,
            peny,
            kap,
        ) in KATALOG:
            program[kode] = Program(
                kode=kode,
                nama=nama,
                jenis=jenis,
                bentuk=bentuk,
                kelompok=kelompok,
                sifat=sifat,
                jumlah_jp=jp,
                biaya_per_peserta=biaya,
                pelatihan_wajib=wajib,
                jenis_jabatan_sasaran=[str(s) for s in sasaran],
                bidang_sasaran="administrasi" if kelompok == "teknis" else "",
            )
            program[kode]._demo = (kom, peny, kap)
        Program.objects.bulk_create(program.values())
        ProgramKompetensi.objects.bulk_create(
            ProgramKompetensi(program=p, kode=k, level=lv)
            for p in program.values()
            for k, lv in p._demo[0].items()
        )
        return program

    def _predikat(self) -> dict[tuple[int, int], str]:
        return {
            (pid, th): pr
            for pid, th, pr in Skp.objects.filter(periode__jenis="tahunan")
            .exclude(predikat="")
            .values_list("pegawai_id", "periode__tahun", "predikat")
        }

    def _program_tahun(self, o, predikat: str, pns: bool) -> list[str]:
        """The programs an employee completed in a year, following last year's predikat."""
        rng = self.rng
        dipilih: list[str] = []
        if predikat in RENDAH and rng.random() < 0.7:
            dipilih.append(rng.choice(list(LEMAH.values())))
        if predikat == kinerja_rules.SANGAT_BAIK and rng.random() < 0.25:
            dipilih.append("KEPEMIMPINAN" if o.jenis_jabatan != J.PELAKSANA else "TIK-DATA")
        # Most PNS reach 20 JP: an e-learning course or a short classical program.
        r = rng.random()
        if (pns and r < 0.72) or (not pns and r < 0.4):
            dipilih.append(
                rng.choice(
                    [
                        "EL-ASN",
                        "EL-ANTIKORUPSI",
                        "PELAYANAN",
                        "KOMUNIKASI",
                        "KEBANGSAAN",
                        "TIK-DASAR",
                        "SPBE",
                        "COACHING",
                    ]
                )
            )
        if pns and r < 0.3:
            dipilih.append(rng.choice(["EL-ANTIKORUPSI", "KEBANGSAAN", "MAGANG"]))
        return list(dict.fromkeys(dipilih))

    def _tulis(self, program: dict[str, Program], ikut: dict) -> int:
        rng, pada = self.rng, self.pada
        sesi_rows, peserta_rows = [], []
        sesi_id, peserta_id = next_free_id(Sesi), next_free_id(Peserta)
        for (kode, th), daftar in sorted(ikut.items()):
            p = program[kode]
            _kom, peny, kap = p._demo
            hari = max(1, min(60, p.jumlah_jp // 8))
            for i in range(0, len(daftar), kap):
                potong = daftar[i : i + kap]
                batas = (pada - timedelta(days=hari + 7)) if th == pada.year else date(th, 12, 1)
                awal = date(th, 1, 15)
                if batas <= awal:
                    continue
                mulai = awal + timedelta(days=rng.randint(0, (batas - awal).days))
                selesai = mulai + timedelta(days=hari)
                sesi_rows.append(
                    (
                        sesi_id,
                        p.pk,
                        f"Angkatan {i // kap + 1} Tahun {th}",
                        mulai,
                        selesai,
                        "daring" if p.jenis == "nonklasikal" else "tatap_muka",
                        TEMPAT[peny],
                        max(kap, len(potong)),
                        peny,
                        NAMA_PENYELENGGARA.get(peny, ""),
                        False,
                    )
                )
                for n, (pid, status) in enumerate(potong):
                    gagal = rng.random() < 0.03
                    if gagal:
                        peserta_rows.append(
                            (
                                peserta_id,
                                sesi_id,
                                pid,
                                "tidak_lulus",
                                "",
                                None,
                                0,
                                None,
                                "Tidak memenuhi kehadiran minimal",
                            )
                        )
                    else:
                        peserta_rows.append(
                            (
                                peserta_id,
                                sesi_id,
                                pid,
                                status,
                                f"{kode}/{th}/{sesi_id:04d}/{n + 1:03d}",
                                selesai,
                                p.jumlah_jp,
                                selesai.year,
                                "",
                            )
                        )
                    peserta_id += 1
                sesi_id += 1
        # Coming sessions this and next quarter: enrolments and employees' requests.
        aktif = [o.id for o in self.orang]
        for j, kode in enumerate(
            [
                "PELAYANAN",
                "KOMUNIKASI",
                "KINERJA",
                "TIK-DATA",
                "PKP",
                "KEPEMIMPINAN",
                "EL-ASN",
                "SPBE",
            ]
        ):
            p = program[kode]
            _kom, peny, kap = p._demo
            mulai = pada + timedelta(days=10 + 9 * j)
            selesai = mulai + timedelta(days=max(1, min(60, p.jumlah_jp // 8)))
            sesi_rows.append(
                (
                    sesi_id,
                    p.pk,
                    f"Angkatan {j % 3 + 1} Tahun {mulai.year}",
                    mulai,
                    selesai,
                    "daring" if p.jenis == "nonklasikal" else "tatap_muka",
                    TEMPAT[peny],
                    kap,
                    peny,
                    NAMA_PENYELENGGARA.get(peny, ""),
                    True,
                )
            )
            terpilih = rng.sample(aktif, min(len(aktif), kap // 2))
            for n, pid in enumerate(terpilih):
                status = "diajukan" if n % 4 == 3 else "terdaftar"
                peserta_rows.append((peserta_id, sesi_id, pid, status, "", None, 0, None, ""))
                peserta_id += 1
            sesi_id += 1
        w = self.gen.loader.write
        w(
            Sesi,
            [
                "id",
                "program",
                "nama",
                "tanggal_mulai",
                "tanggal_selesai",
                "moda",
                "tempat",
                "kapasitas",
                "penyelenggara",
                "nama_penyelenggara",
                "pendaftaran_dibuka",
            ],
            sesi_rows,
        )
        # Per (session, employee) once: an employee drawn twice for one program and year.
        unik, dilihat = [], set()
        for row in peserta_rows:
            if (row[1], row[2]) not in dilihat:
                dilihat.add((row[1], row[2]))
                unik.append(row)
        w(
            Peserta,
            [
                "id",
                "sesi",
                "pegawai",
                "status",
                "nomor_sertifikat",
                "tanggal_sertifikat",
                "jp_diakui",
                "tahun_jp",
                "keterangan",
            ],
            unik,
        )
        self._eksternal()
        return len(unik)

    def _eksternal(self) -> None:
        """A few employees' external training this year: most verified, some waiting; all share
        one sample certificate, stored once so that HR's download link opens it."""
        rng, pada = self.rng, self.pada
        bukti = CONTOH_BUKTI
        if not default_storage.exists(bukti):
            # The storage may store it under another name (one taken meanwhile): keep its own.
            bukti = default_storage.save(bukti, ContentFile(CONTOH_PDF))
        rows = []
        eid = next_free_id(PelatihanEksternal)
        for o in rng.sample(self.orang, min(len(self.orang), max(3, len(self.orang) // 50))):
            mulai = pada - timedelta(days=rng.randint(20, 200))
            if mulai.year != pada.year:
                mulai = date(pada.year, 1, 10)
            nama, peny, jp = rng.choice(
                [
                    ("Webinar Transformasi Digital Pemerintahan", "Kementerian PANRB", 4),
                    ("Kursus Daring Manajemen Proyek", "Coursera", 16),
                    ("Pelatihan Penyusunan Anggaran Berbasis Kinerja", "BPKP Perwakilan NTB", 24),
                    ("Bimtek Pengelolaan Arsip Dinamis", "ANRI", 12),
                ]
            )
            menunggu = rng.random() < 0.3
            rows.append(
                (
                    eid,
                    o.id,
                    nama,
                    peny,
                    "teknis",
                    mulai,
                    mulai + timedelta(days=2),
                    jp,
                    f"EXT/{pada.year}/{eid:04d}",
                    bukti,
                    "diajukan" if menunggu else "diverifikasi",
                    mulai.year,
                )
            )
            eid += 1
        self.gen.loader.write(
            PelatihanEksternal,
            [
                "id",
                "pegawai",
                "nama",
                "penyelenggara",
                "kelompok",
                "tanggal_mulai",
                "tanggal_selesai",
                "jumlah_jp",
                "nomor_sertifikat",
                "bukti",
                "status",
                "tahun_jp",
            ],
            [r for r in rows if r[10] == "diajukan"],
        )
        # Verified rows need their verifier (a CHECK): the seed's HR login when it exists.
        from django.contrib.auth.models import User

        hr = User.objects.filter(is_staff=True).order_by("pk").first()
        if hr is not None:
            waktu = self.gen.loader.now
            self.gen.loader.write(
                PelatihanEksternal,
                [
                    "id",
                    "pegawai",
                    "nama",
                    "penyelenggara",
                    "kelompok",
                    "tanggal_mulai",
                    "tanggal_selesai",
                    "jumlah_jp",
                    "nomor_sertifikat",
                    "bukti",
                    "status",
                    "tahun_jp",
                    "diverifikasi_oleh",
                    "diverifikasi_pada",
                ],
                [(*r, hr.pk, waktu) for r in rows if r[10] == "diverifikasi"],
            )
