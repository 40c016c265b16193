"""Admin for employees, the organisation tree and the employees' histories.

Sized for 7,000 to 1,000,000 employees and ~1,000 units (docs/gaya.md, "What a peer got
wrong"): no foreign key is ever rendered as a dropdown (autocomplete in every form; the unit
filter offers only the ~50 perangkat daerah), every foreign key a list prints is joined, lists skip
the second, unfiltered COUNT, and facet counts (one COUNT per filter choice) are off.

`jabatan.admin` extends `PegawaiAdmin` with the placements inline: `pegawai` must not import
`jabatan` (docs/desain.md, dependency rule)."""

from pegawai.admin.pegawai import (  # noqa: F401
    AksesAdmin,
    HasilAsesmenAdmin,
    HasilAsesmenInline,
    HukumanDisiplinAdmin,
    HukumanDisiplinInline,
    PegawaiAdmin,
    PegawaiForm,
    RiwayatAdmin,
    RiwayatPangkatAdmin,
    RiwayatPangkatInline,
    RiwayatPendidikanAdmin,
    RiwayatPendidikanInline,
)
from pegawai.admin.referensi import (  # noqa: F401
    BidangStudiAdmin,
    NipSearchMixin,
    PerangkatDaerahFilter,
    RumpunIlmuAdmin,
    TingkatHukumanFilter,
    UnitKerjaAdmin,
    UrusanPemerintahanAdmin,
    _tanpa_putus,
    pegawai_nama,
    pegawai_nip,
    perangkat_daerah_filter,
)
