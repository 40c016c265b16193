"""Reference data for the Kota Mataram demo (docs/data.md §2).

The unit list follows the usual structure of a kota; check it against the current Perwal on
organisation structure before production use.
"""

from __future__ import annotations

KECAMATAN: dict[str, list[str]] = {
    # Perda Kota Mataram 3/2007: 6 kecamatan, 50 kelurahan.
    "Ampenan": [
        "Ampenan Selatan",
        "Ampenan Tengah",
        "Ampenan Utara",
        "Banjar",
        "Bintaro",
        "Dayan Peken",
        "Kebun Sari",
        "Pejarakan Karya",
        "Pejeruk",
        "Taman Sari",
    ],
    "Sekarbela": [
        "Jempong Baru",
        "Karang Pule",
        "Kekalik Jaya",
        "Tanjung Karang",
        "Tanjung Karang Permai",
    ],
    "Mataram": [
        "Mataram Timur",
        "Pagesangan",
        "Pagesangan Barat",
        "Pagesangan Timur",
        "Pagutan",
        "Pagutan Barat",
        "Pagutan Timur",
        "Pejanggik",
        "Punia",
    ],
    "Selaparang": [
        "Dasan Agung",
        "Dasan Agung Baru",
        "Gomong",
        "Karang Baru",
        "Mataram Barat",
        "Monjok",
        "Monjok Barat",
        "Monjok Timur",
        "Rembiga",
    ],
    "Cakranegara": [
        "Cakranegara Barat",
        "Cakranegara Selatan",
        "Cakranegara Selatan Baru",
        "Cakranegara Timur",
        "Cakranegara Utara",
        "Cilinaya",
        "Karang Taliwang",
        "Mayura",
        "Sapta Marga",
        "Sayang-Sayang",
    ],
    "Sandubaya": [
        "Abian Tubuh Baru",
        "Babakan",
        "Bertais",
        "Dasan Cermen",
        "Mandalika",
        "Selagalas",
        "Turida",
    ],
}

# Sekretariat Daerah: asisten → bagian.
ASISTEN: dict[str, list[str]] = {
    "Asisten Pemerintahan dan Kesejahteraan Rakyat": [
        "Bagian Tata Pemerintahan",
        "Bagian Hukum",
        "Bagian Kesejahteraan Rakyat",
    ],
    "Asisten Perekonomian dan Pembangunan": [
        "Bagian Perekonomian",
        "Bagian Administrasi Pembangunan",
        "Bagian Pengadaan Barang dan Jasa",
    ],
    "Asisten Administrasi Umum": [
        "Bagian Umum",
        "Bagian Organisasi",
        "Bagian Protokol dan Komunikasi Pimpinan",
    ],
}

# (jenis, name, abbreviation, bidang) — the perangkat daerah.
PERANGKAT_DAERAH: list[tuple[str, str, str, list[str]]] = [
    (
        "sekretariat",
        "Sekretariat DPRD",
        "Setwan",
        [
            "Bagian Umum dan Keuangan",
            "Bagian Persidangan dan Perundang-undangan",
            "Bagian Fasilitasi Penganggaran dan Pengawasan",
        ],
    ),
    (
        "inspektorat",
        "Inspektorat",
        "Inspektorat",
        [
            "Inspektur Pembantu Wilayah I",
            "Inspektur Pembantu Wilayah II",
            "Inspektur Pembantu Wilayah III",
            "Inspektur Pembantu Khusus",
        ],
    ),
    (
        "badan",
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
        "Bapperida",
        [
            "Bidang Perencanaan Pemerintahan dan Pembangunan Manusia",
            "Bidang Perencanaan Perekonomian dan Infrastruktur",
            "Bidang Riset dan Inovasi",
        ],
    ),
    (
        "badan",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
        [
            "Bidang Pengadaan, Pemberhentian dan Informasi",
            "Bidang Mutasi dan Promosi",
            "Bidang Pengembangan Kompetensi Aparatur",
            "Bidang Penilaian Kinerja dan Penghargaan",
        ],
    ),
    (
        "badan",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        ["Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset"],
    ),
    (
        "badan",
        "Badan Pendapatan Daerah",
        "Bapenda",
        ["Bidang Pendataan dan Penetapan", "Bidang Penagihan", "Bidang Pengendalian Pendapatan"],
    ),
    (
        "badan",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        [
            "Bidang Pencegahan dan Kesiapsiagaan",
            "Bidang Kedaruratan dan Logistik",
            "Bidang Rehabilitasi dan Rekonstruksi",
        ],
    ),
    (
        "badan",
        "Badan Kesatuan Bangsa dan Politik",
        "Bakesbangpol",
        ["Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Politik Dalam Negeri"],
    ),
    (
        "dinas",
        "Dinas Pendidikan",
        "Dikbud",
        [
            "Bidang Pembinaan Sekolah Dasar",
            "Bidang Pembinaan Sekolah Menengah Pertama",
            "Bidang Pendidikan Anak Usia Dini dan Nonformal",
            "Bidang Ketenagaan",
        ],
    ),
    (
        "dinas",
        "Dinas Kesehatan",
        "Dikes",
        [
            "Bidang Kesehatan Masyarakat",
            "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Pelayanan Kesehatan",
            "Bidang Sumber Daya Kesehatan",
        ],
    ),
    (
        "dinas",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "PUPR",
        [
            "Bidang Bina Marga",
            "Bidang Sumber Daya Air",
            "Bidang Penataan Ruang",
            "Bidang Cipta Karya",
        ],
    ),
    (
        "dinas",
        "Dinas Perumahan dan Kawasan Permukiman",
        "Perkim",
        ["Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertamanan"],
    ),
    (
        "dinas",
        "Dinas Sosial",
        "Dinsos",
        [
            "Bidang Rehabilitasi Sosial",
            "Bidang Perlindungan dan Jaminan Sosial",
            "Bidang Pemberdayaan Sosial",
        ],
    ),
    (
        "dinas",
        "Dinas Tenaga Kerja",
        "Disnaker",
        ["Bidang Pelatihan dan Penempatan", "Bidang Hubungan Industrial"],
    ),
    (
        "dinas",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "DP3A",
        ["Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Anak"],
    ),
    (
        "dinas",
        "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "DPPKB",
        ["Bidang Pengendalian Penduduk", "Bidang Keluarga Berencana"],
    ),
    (
        "dinas",
        "Dinas Ketahanan Pangan",
        "DKP",
        ["Bidang Ketersediaan dan Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan"],
    ),
    (
        "dinas",
        "Dinas Lingkungan Hidup",
        "DLH",
        [
            "Bidang Pengelolaan Sampah",
            "Bidang Pengendalian Pencemaran",
            "Bidang Penataan dan Penaatan Lingkungan",
        ],
    ),
    (
        "dinas",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dukcapil",
        [
            "Bidang Pelayanan Pendaftaran Penduduk",
            "Bidang Pelayanan Pencatatan Sipil",
            "Bidang Pengelolaan Informasi Administrasi Kependudukan",
        ],
    ),
    (
        "dinas",
        "Dinas Perhubungan",
        "Dishub",
        ["Bidang Lalu Lintas", "Bidang Angkutan", "Bidang Perparkiran"],
    ),
    (
        "dinas",
        "Dinas Komunikasi dan Informatika",
        "Diskominfo",
        [
            "Bidang Aplikasi Informatika",
            "Bidang Informasi dan Komunikasi Publik",
            "Bidang Persandian dan Statistik",
        ],
    ),
    (
        "dinas",
        "Dinas Koperasi dan Usaha Kecil Menengah",
        "Diskop UKM",
        ["Bidang Koperasi", "Bidang Usaha Mikro"],
    ),
    (
        "dinas",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        ["Bidang Penanaman Modal", "Bidang Pelayanan Perizinan"],
    ),
    ("dinas", "Dinas Pemuda dan Olahraga", "Dispora", ["Bidang Kepemudaan", "Bidang Olahraga"]),
    (
        "dinas",
        "Dinas Kebudayaan",
        "Disbud",
        ["Bidang Cagar Budaya dan Permuseuman", "Bidang Kesenian dan Tradisi"],
    ),
    (
        "dinas",
        "Dinas Pariwisata",
        "Dispar",
        ["Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata"],
    ),
    (
        "dinas",
        "Dinas Perpustakaan dan Kearsipan",
        "Dispusip",
        ["Bidang Perpustakaan", "Bidang Kearsipan"],
    ),
    (
        "dinas",
        "Dinas Pertanian",
        "Distan",
        ["Bidang Tanaman Pangan dan Hortikultura", "Bidang Peternakan", "Bidang Penyuluhan"],
    ),
    (
        "dinas",
        "Dinas Perdagangan",
        "Disdag",
        ["Bidang Perdagangan", "Bidang Pengelolaan Pasar", "Bidang Metrologi Legal"],
    ),
    (
        "dinas",
        "Dinas Perindustrian",
        "Disperin",
        ["Bidang Industri Agro dan Kimia", "Bidang Industri Logam dan Aneka"],
    ),
    (
        "dinas",
        "Dinas Pemadam Kebakaran",
        "Damkar",
        ["Bidang Pemadaman dan Penyelamatan", "Bidang Pencegahan Kebakaran"],
    ),
    (
        "satuan",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        [
            "Bidang Penegakan Peraturan Daerah",
            "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
            "Bidang Perlindungan Masyarakat",
        ],
    ),
    (
        "rsud",
        "Rumah Sakit Umum Daerah Kota Mataram",
        "RSUD",
        ["Bidang Pelayanan Medis", "Bidang Keperawatan", "Bidang Penunjang Medis"],
    ),
]

SUBBAGIAN_SEKRETARIAT = ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan dan Aset"]
SEKSI_KECAMATAN = [
    "Seksi Pemerintahan",
    "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Pemberdayaan Masyarakat",
]

JUMLAH_SD = 110  # SD negeri at the default size
JUMLAH_SMP = 23
JUMLAH_PUSKESMAS = 11
PUSKESMAS = [
    "Ampenan",
    "Tanjung Karang",
    "Karang Pule",
    "Mataram",
    "Pagesangan",
    "Selaparang",
    "Dasan Agung",
    "Cakranegara",
    "Karang Taliwang",
    "Babakan",
    "Dasan Cermen",
]

# Fields of study (bidang studi): code → name.
BIDANG_STUDI: dict[str, str] = {
    "PEND": "Pendidikan / Keguruan",
    "DOK": "Kedokteran",
    "KEP": "Keperawatan",
    "BID": "Kebidanan",
    "FAR": "Farmasi",
    "GIZ": "Gizi",
    "ANK": "Analis Kesehatan / Teknologi Laboratorium Medis",
    "KESMAS": "Kesehatan Masyarakat",
    "IP": "Ilmu Pemerintahan",
    "AN": "Administrasi Publik",
    "HUK": "Ilmu Hukum",
    "EKO": "Ekonomi / Akuntansi",
    "MAN": "Manajemen",
    "TS": "Teknik Sipil",
    "PWK": "Perencanaan Wilayah dan Kota",
    "TI": "Teknik Informatika / Ilmu Komputer",
    "TAN": "Pertanian",
    "SOS": "Ilmu Sosial",
    "PSI": "Psikologi",
    "LING": "Teknik Lingkungan",
    "PERPUS": "Ilmu Perpustakaan / Kearsipan",
    "KESOS": "Ilmu Kesejahteraan Sosial",
    "KOM": "Ilmu Komunikasi",
    "UMUM": "Umum (SLTA)",
}

# Each field's family (RUMPUN of pegawai/migrations/0012_urusan_rumpun_bawaan.py).
RUMPUN_BIDANG: dict[str, str] = {
    "PEND": "PENDIDIKAN",
    "DOK": "KESEHATAN",
    "KEP": "KESEHATAN",
    "BID": "KESEHATAN",
    "FAR": "KESEHATAN",
    "GIZ": "KESEHATAN",
    "ANK": "KESEHATAN",
    "KESMAS": "KESEHATAN",
    "IP": "SOSPOL",
    "AN": "SOSPOL",
    "SOS": "SOSPOL",
    "KESOS": "SOSPOL",
    "KOM": "SOSPOL",
    "HUK": "HUKUM",
    "EKO": "EKONOMI",
    "MAN": "EKONOMI",
    "TS": "TEKNIK",
    "PWK": "TEKNIK",
    "LING": "TEKNIK",
    "TI": "KOMPUTER",
    "TAN": "PERTANIAN",
    "PSI": "PSIKOLOGI",
    "PERPUS": "PERPUSTAKAAN",
}

# The government affair of each perangkat daerah by abbreviation (the codes of URUSAN in
# pegawai/migrations/0012_urusan_rumpun_bawaan.py); kecamatan and kelurahan are
# PEMERINTAHAN_UMUM. Units below inherit it.
URUSAN_OPD: dict[str, str] = {
    "Setda": "KESEKRETARIATAN",
    "Setwan": "KESEKRETARIATAN",
    "Inspektorat": "PENGAWASAN",
    "Bapperida": "PERENCANAAN",
    "BKPSDM": "KEPEGAWAIAN",
    "BPKAD": "KEUANGAN",
    "Bapenda": "KEUANGAN",
    "BPBD": "KEBENCANAAN",
    "Bakesbangpol": "KESBANGPOL",
    "Dikbud": "PENDIDIKAN",
    "Dikes": "KESEHATAN",
    "PUPR": "PU_PR",
    "Perkim": "PERKIM",
    "Dinsos": "SOSIAL",
    "Disnaker": "TENAGA_KERJA",
    "DP3A": "PPPA",
    "DPPKB": "PENGENDALIAN_PENDUDUK",
    "DKP": "PANGAN",
    "DLH": "LINGKUNGAN_HIDUP",
    "Dukcapil": "ADMINDUK",
    "Dishub": "PERHUBUNGAN",
    "Diskominfo": "KOMINFO",
    "Diskop UKM": "KOPERASI_UKM",
    "DPMPTSP": "PENANAMAN_MODAL",
    "Dispora": "PEMUDA_OLAHRAGA",
    "Disbud": "KEBUDAYAAN",
    "Dispar": "PARIWISATA",
    "Dispusip": "PERPUSTAKAAN",
    "Distan": "PERTANIAN",
    "Disdag": "PERDAGANGAN",
    "Disperin": "PERINDUSTRIAN",
    "Damkar": "KEBENCANAAN",
    "Satpol PP": "TRANTIBUM",
    "RSUD": "KESEHATAN",
}

# The fields that fit each affair's posts exactly, as BKPSDM would enter them [practice]; the
# families come from the migration's defaults.
BIDANG_URUSAN: dict[str, tuple[str, ...]] = {
    "PENDIDIKAN": ("PEND",),
    "KESEHATAN": ("KESMAS", "DOK", "KEP"),
    "PU_PR": ("TS", "PWK"),
    "PERKIM": ("TS", "PWK"),
    "TRANTIBUM": ("HUK", "IP"),
    "SOSIAL": ("KESOS", "SOS"),
    "TENAGA_KERJA": ("HUK", "MAN", "SOS"),
    "PPPA": ("KESOS", "PSI", "SOS"),
    "PANGAN": ("TAN", "GIZ"),
    "LINGKUNGAN_HIDUP": ("LING",),
    "ADMINDUK": ("AN", "IP"),
    "PENGENDALIAN_PENDUDUK": ("KESMAS", "BID"),
    "PERHUBUNGAN": ("TS",),
    "KOMINFO": ("TI", "KOM"),
    "KOPERASI_UKM": ("EKO", "MAN"),
    "PENANAMAN_MODAL": ("EKO", "HUK"),
    "PEMUDA_OLAHRAGA": ("PEND",),
    "KEBUDAYAAN": (),
    "PERPUSTAKAAN": ("PERPUS",),
    "PARIWISATA": ("MAN",),
    "PERTANIAN": ("TAN",),
    "PERDAGANGAN": ("EKO", "MAN"),
    "PERINDUSTRIAN": ("TS", "EKO"),
    "PEMERINTAHAN_UMUM": ("IP", "AN"),
    "KESEKRETARIATAN": ("AN", "HUK", "IP"),
    "PERENCANAAN": ("PWK", "EKO"),
    "KEUANGAN": ("EKO",),
    "KEPEGAWAIAN": ("AN", "PSI"),
    "PENGAWASAN": ("EKO", "HUK"),
    "KEBENCANAAN": ("TS", "LING"),
    "KESBANGPOL": ("IP", "SOS"),
}

# The fields a structural official or administrator of a unit of this affair studied, besides
# the exact ones [practice]: a health office's heads are mostly health graduates, a few from
# public administration or economics.
BIDANG_URUSAN_LAIN: dict[str, tuple[str, ...]] = {
    "KESEHATAN": ("BID", "FAR", "GIZ", "KEP", "KESMAS"),
    "PENDIDIKAN": ("PEND", "PEND"),
    "PEMERINTAHAN_UMUM": ("IP", "IP", "HUK"),
}

# Back titles by (education, field of study); front titles handled by the generator.
GELAR: dict[tuple[str, str], str] = {
    ("S1", "PEND"): "S.Pd.",
    ("S2", "PEND"): "M.Pd.",
    ("S1", "DOK"): "",
    ("S2", "DOK"): "M.Kes.",
    ("D3", "KEP"): "A.Md.Kep.",
    ("S1", "KEP"): "S.Kep., Ns.",
    ("S2", "KEP"): "M.Kep.",
    ("D3", "BID"): "A.Md.Keb.",
    ("D4", "BID"): "S.Tr.Keb.",
    ("S1", "BID"): "S.Keb., Bd.",
    ("D3", "FAR"): "A.Md.Farm.",
    ("S1", "FAR"): "S.Farm.",
    ("D3", "GIZ"): "A.Md.Gz.",
    ("S1", "GIZ"): "S.Gz.",
    ("D3", "ANK"): "A.Md.AK.",
    ("S1", "ANK"): "S.Tr.Kes.",
    ("S1", "KESMAS"): "S.K.M.",
    ("S2", "KESMAS"): "M.Kes.",
    ("S1", "IP"): "S.IP.",
    ("S2", "IP"): "M.Si.",
    ("S1", "AN"): "S.Sos.",
    ("S2", "AN"): "M.AP.",
    ("S1", "HUK"): "S.H.",
    ("S2", "HUK"): "M.H.",
    ("D3", "EKO"): "A.Md.",
    ("S1", "EKO"): "S.E.",
    ("S2", "EKO"): "M.Ak.",
    ("S1", "MAN"): "S.E.",
    ("S2", "MAN"): "M.M.",
    ("D3", "TS"): "A.Md.T.",
    ("S1", "TS"): "S.T.",
    ("S2", "TS"): "M.T.",
    ("S1", "PWK"): "S.T.",
    ("S2", "PWK"): "M.T.",
    ("D3", "TI"): "A.Md.Kom.",
    ("S1", "TI"): "S.Kom.",
    ("S2", "TI"): "M.Kom.",
    ("S1", "TAN"): "S.P.",
    ("S2", "TAN"): "M.P.",
    ("S1", "SOS"): "S.Sos.",
    ("S2", "SOS"): "M.Si.",
    ("S1", "PSI"): "S.Psi.",
    ("S1", "LING"): "S.T.",
    ("D3", "PERPUS"): "A.Md.",
    ("S1", "PERPUS"): "S.IP.",
    ("S1", "KESOS"): "S.Sos.",
    ("S2", "KESOS"): "M.Si.",
    ("S1", "KOM"): "S.I.Kom.",
    ("S2", "KOM"): "M.I.Kom.",
    ("D4", "KEP"): "S.Tr.Kep.",
    ("D4", "ANK"): "S.Tr.Kes.",
}

# IPDN (and STPDN before it) graduates in government science: the applied degree S.STP. until
# the 2019 change to S.Tr.IP. (Permenristekdikti 63/2016 on gelar vokasi) [practice].
GELAR_IPDN = (2019, "S.STP.", "S.Tr.IP.")

# Where people of each field studied (the demo's institutions), so that an IPDN graduate is in
# government science and a nurse studied at a health polytechnic.
INSTITUSI_BIDANG: dict[str, list[str]] = {
    "IP": ["IPDN", "IPDN", "IPDN", "Universitas Mataram", "Universitas Muhammadiyah Mataram"],
    "KEP": ["Poltekkes Kemenkes Mataram", "STIKES Yarsi Mataram", "Universitas Mataram"],
    "BID": ["Poltekkes Kemenkes Mataram", "STIKES Yarsi Mataram"],
    "ANK": ["Poltekkes Kemenkes Mataram"],
    "GIZ": ["Poltekkes Kemenkes Mataram"],
    "FAR": ["Universitas Mataram", "Universitas Airlangga", "Universitas Gadjah Mada"],
    "DOK": [
        "Universitas Mataram",
        "Universitas Udayana",
        "Universitas Airlangga",
        "Universitas Gadjah Mada",
        "Universitas Brawijaya",
    ],
    "KESMAS": ["Universitas Mataram", "Universitas Airlangga", "STIKES Yarsi Mataram"],
    "PEND": [
        "Universitas Mataram",
        "Universitas Pendidikan Mandalika",
        "UIN Mataram",
        "Universitas Muhammadiyah Mataram",
    ],
}

# Sasak and Balinese name prefixes, common in Mataram.
PREFIX_L = ["Lalu", "I Made", "I Wayan", "I Ketut", "I Gusti Ngurah", "I Nyoman"]
PREFIX_P = ["Baiq", "Ni Made", "Ni Luh", "Ni Wayan", "Ni Ketut"]
