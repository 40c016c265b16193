"""Competency development (pengembangan kompetensi): the training catalogue, its sessions, the
enrolments that credit lesson hours (JP), external training verified by HR, and the annual plan.

PP 11/2017 jo. PP 17/2020 Pasal 203 (PNS at least 20 JP a year); PP 49/2018 Pasal 40 (PPPK);
Peraturan LAN 10/2018 (forms: klasikal and nonklasikal); PermenPANRB 38/2017 (competency groups)."""

from pelatihan.models.eksternal import PelatihanEksternal, StatusVerifikasi  # noqa: F401
from pelatihan.models.pilihan import (  # noqa: F401
    BENTUK_KLASIKAL,
    BENTUK_NONKLASIKAL,
    BentukProgram,
    JenisProgram,
    KelompokKompetensi,
    Moda,
    PelatihanWajib,
    Penyelenggara,
    SifatKeterampilan,
)
from pelatihan.models.program import KOMPETENSI_CHOICES, Program, ProgramKompetensi  # noqa: F401
from pelatihan.models.rencana import RencanaBaris, RencanaPengembangan, StatusRencana  # noqa: F401
from pelatihan.models.sesi import STATUS_MENEMPATI, Peserta, Sesi, StatusPeserta  # noqa: F401
