"""Pure rules of competency development (no ORM here), one module per sub-domain:

- `jp`: the JP an employee owes or may take a year (PP 11/2017 Pasal 203 ayat (4); PP 49/2018
  Pasal 40 ayat (1)) and the leadership training a level requires;
- `kebutuhan`: the training needs of one employee, each naming its source and its programs;
- `efek`: did it work (predikat and assessed levels, against similar non-attendees).

The names are re-exported here: callers write `rules.status_jp`, `rules.kebutuhan_pegawai`.
"""

from pelatihan.rules.efek import (  # noqa: F401
    MINIMAL_KELOMPOK,
    Efek,
    EfekKompetensi,
    efek_kompetensi,
    efek_program,
)
from pelatihan.rules.jp import (  # noqa: F401
    _BERIKUTNYA,
    _WAJIB_JENIS,
    JP_MAKSIMAL_PPPK,
    JP_MINIMAL_PNS,
    KEPEMIMPINAN,
    LATSAR_CPNS,
    PKA,
    PKN_I,
    PKN_II,
    PKP,
    PNS,
    PPPK,
    SINGKATAN,
    TAHUN_LATSAR_MULAI,
    StatusJp,
    kepemimpinan_berikutnya,
    kepemimpinan_dari_nama,
    kepemimpinan_wajib,
    lebih_batas_pppk,
    setara_atau_lebih_tinggi,
    sisa_jatah_pppk,
    status_jp,
)
from pelatihan.rules.kebutuhan import (  # noqa: F401
    LABEL_ALASAN_SASARAN,
    LABEL_SUMBER,
    NAMA_KOMPETENSI,
    PREDIKAT_RENDAH,
    PROGRAM_PER_KEBUTUHAN,
    SUKSESI,
    SUMBER,
    SUMBER_JP,
    SUMBER_KEPEMIMPINAN,
    SUMBER_KINERJA,
    SUMBER_KOMPETENSI,
    SUMBER_SASARAN,
    SUMBER_TALENTA,
    USULAN,
    DataPegawai,
    DataProgram,
    DataSasaran,
    Katalog,
    Kebutuhan,
    ProgramCocok,
    kebutuhan_banyak,
    kebutuhan_pegawai,
)
