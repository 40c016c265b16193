"""Reads of pelatihan: JP per employee and year, completed leadership training, the JP
dashboard, open sessions, and the data the needs analysis runs on. Scoped through
`pegawai.akses`; aggregation in SQL.

Selectors for jabatan (the merit ranking reads training; jabatan may import pelatihan):
`jp_per_tahun` and `kepemimpinan_selesai`."""

from pelatihan.selectors.dasbor import (  # noqa: F401
    PER_HALAMAN,
    DasborJp,
    dasbor_filter,
    dasbor_jp,
    status_label,
    tabel_ekspor,
)
from pelatihan.selectors.eksternal import eksternal_terlihat  # noqa: F401
from pelatihan.selectors.jp import (  # noqa: F401
    DIVERIFIKASI,
    LULUS,
    BarisUnit,
    BatasPppk,
    BebanJp,
    RingkasanSaya,
    batas_pppk,
    batas_pppk_saya,
    beban_jp,
    jp_per_tahun,
    jp_per_unit,
    jp_tahun_expr,
    kelompok_unit,
    kepemimpinan_selesai,
    pegawai_dalam_lingkup,
    pegawai_dengan_jp,
    ringkasan_saya,
    sesi_terbuka,
)
from pelatihan.selectors.kebutuhan import (  # noqa: F401
    HalamanKebutuhan,
    _standar_bawaan,
    data_kebutuhan,
    data_program,
    kebutuhan_bertahap,
    kebutuhan_halaman,
    kebutuhan_untuk,
    usulan_rencana,
)
from pelatihan.selectors.peserta import (  # noqa: F401
    TAMPIL_MAKS,
    BarisUsulan,
    UsulanMassal,
    peserta_sesi,
    usulan_daftar_massal,
)
from pelatihan.selectors.rencana import (  # noqa: F401
    BarisRealisasi,
    efek_pelatihan,
    rencana_terlihat,
    rencana_vs_realisasi,
)
