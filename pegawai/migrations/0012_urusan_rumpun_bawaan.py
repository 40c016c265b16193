"""Families of fields of study and government affairs: what counts as a fitting education and
related experience for a post (the merit ranking's relevance, jabatan.merit).

Families (rumpun) follow the rumpun and sub-rumpun of Permendikbud 154/2014 on Rumpun Ilmu
Pengetahuan dan Teknologi serta Gelar Lulusan Perguruan Tinggi (UU 12/2012 Pasal 10), grouped
the way position requirements name them (ilmu kesehatan and ilmu pendidikan are sub-rumpun of
ilmu terapan there, kept apart here because posts ask for them by name).

Government affairs (urusan pemerintahan) are those of UU 23/2014 Pasal 12 (concurrent affairs of
a kota: wajib pelayanan dasar, wajib non-pelayanan dasar, pilihan) and the supporting functions
of Pasal 232 jo. PP 18/2016 Pasal 5 (perencanaan, keuangan, kepegawaian, pengawasan, ...), each
with the families that fit it by default [practice: a post's usual requirements]. HR edits both
in the admin (pegawai.models.RumpunIlmu, UrusanPemerintahan); this migration writes the defaults
(a new database only: rows that exist are left as HR made them).
"""

from django.db import migrations

RUMPUN = {
    "AGAMA": "Ilmu Agama",
    "HUMANIORA": "Humaniora (bahasa, sejarah, seni, filsafat)",
    "SOSPOL": "Ilmu Sosial dan Politik (pemerintahan, administrasi publik, sosiologi, komunikasi)",
    "PSIKOLOGI": "Psikologi",
    "EKONOMI": "Ekonomi dan Bisnis (ekonomi, akuntansi, manajemen)",
    "HUKUM": "Ilmu Hukum",
    "MIPA": "Ilmu Alam dan Formal (matematika, statistika, fisika, kimia, biologi)",
    "KOMPUTER": "Ilmu Komputer dan Informatika",
    "TEKNIK": "Teknik dan Perencanaan (sipil, arsitektur, wilayah dan kota, lingkungan)",
    "PERTANIAN": "Pertanian, Peternakan, Perikanan dan Kehutanan",
    "KESEHATAN": "Ilmu Kesehatan (kedokteran, keperawatan, kebidanan, farmasi, gizi, kesmas)",
    "PENDIDIKAN": "Ilmu Pendidikan (keguruan)",
    "PERPUSTAKAAN": "Ilmu Perpustakaan, Informasi dan Kearsipan",
}


# code → (name, default families)
URUSAN = {
    "PENDIDIKAN": ("Pendidikan", ("PENDIDIKAN",)),
    "KESEHATAN": ("Kesehatan", ("KESEHATAN",)),
    "PU_PR": ("Pekerjaan umum dan penataan ruang", ("TEKNIK",)),
    "PERKIM": ("Perumahan rakyat dan kawasan permukiman", ("TEKNIK",)),
    "TRANTIBUM": ("Ketenteraman, ketertiban umum dan pelindungan masyarakat", ("HUKUM", "SOSPOL")),
    "SOSIAL": ("Sosial", ("SOSPOL", "PSIKOLOGI")),
    "TENAGA_KERJA": ("Tenaga kerja", ("SOSPOL", "HUKUM", "EKONOMI", "PSIKOLOGI")),
    "PPPA": ("Pemberdayaan perempuan dan pelindungan anak", ("SOSPOL", "PSIKOLOGI", "HUKUM")),
    "PANGAN": ("Pangan", ("PERTANIAN", "KESEHATAN")),
    "LINGKUNGAN_HIDUP": ("Lingkungan hidup", ("TEKNIK", "MIPA")),
    "ADMINDUK": ("Administrasi kependudukan dan pencatatan sipil", ("SOSPOL", "HUKUM", "KOMPUTER")),
    "PENGENDALIAN_PENDUDUK": (
        "Pengendalian penduduk dan keluarga berencana",
        ("KESEHATAN", "SOSPOL"),
    ),
    "PERHUBUNGAN": ("Perhubungan", ("TEKNIK",)),
    "KOMINFO": (
        "Komunikasi, informatika, statistik dan persandian",
        ("KOMPUTER", "MIPA", "SOSPOL"),
    ),
    "KOPERASI_UKM": ("Koperasi, usaha kecil dan menengah", ("EKONOMI",)),
    "PENANAMAN_MODAL": ("Penanaman modal", ("EKONOMI", "HUKUM")),
    "PEMUDA_OLAHRAGA": ("Kepemudaan dan olahraga", ("PENDIDIKAN", "SOSPOL")),
    "KEBUDAYAAN": ("Kebudayaan", ("HUMANIORA",)),
    "PERPUSTAKAAN": ("Perpustakaan dan kearsipan", ("PERPUSTAKAAN",)),
    "PARIWISATA": ("Pariwisata", ("EKONOMI", "HUMANIORA")),
    "PERTANIAN": ("Pertanian", ("PERTANIAN",)),
    "PERDAGANGAN": ("Perdagangan", ("EKONOMI",)),
    "PERINDUSTRIAN": ("Perindustrian", ("TEKNIK", "EKONOMI")),
    "PEMERINTAHAN_UMUM": (
        "Pemerintahan umum dan kewilayahan (kecamatan, kelurahan)",
        ("SOSPOL", "HUKUM"),
    ),
    "KESEKRETARIATAN": ("Kesekretariatan, organisasi dan hukum", ("SOSPOL", "HUKUM", "EKONOMI")),
    "PERENCANAAN": ("Perencanaan, penelitian dan pengembangan", ("TEKNIK", "EKONOMI", "SOSPOL")),
    "KEUANGAN": ("Keuangan dan pendapatan", ("EKONOMI",)),
    "KEPEGAWAIAN": (
        "Kepegawaian dan pengembangan sumber daya manusia",
        ("SOSPOL", "PSIKOLOGI", "HUKUM"),
    ),
    "PENGAWASAN": ("Pengawasan", ("EKONOMI", "HUKUM")),
    "KEBENCANAAN": ("Penanggulangan bencana dan kebakaran", ("TEKNIK", "MIPA")),
    "KESBANGPOL": ("Kesatuan bangsa dan politik", ("SOSPOL",)),
}


def isi(apps, schema_editor):
    Rumpun = apps.get_model("pegawai", "RumpunIlmu")
    Urusan = apps.get_model("pegawai", "UrusanPemerintahan")
    rumpun = {
        kode: Rumpun.objects.get_or_create(kode=kode, defaults={"nama": nama})[0]
        for kode, nama in RUMPUN.items()
    }
    for kode, (nama, keluarga) in URUSAN.items():
        urusan, baru = Urusan.objects.get_or_create(kode=kode, defaults={"nama": nama})
        if baru:
            urusan.rumpun.set([rumpun[k] for k in keluarga])


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0011_urusan_rumpun")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
