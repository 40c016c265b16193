"""Pure rules of competency development: the JP an employee owes or may take a year, the
leadership training a level requires, and the training needs of one employee (no ORM here).

- PNS: at least 20 JP a year — PP 11/2017 Pasal 203 ayat (4), kept by PP 17/2020
  (REGULATIONS.md section 9).
- PPPK: competency development of at most 24 JP in one year of the work contract — PP 49/2018
  Pasal 39 ayat (3) (REGULATIONS.md section 9).
- Leadership training by level (PP 11/2017 jo. PP 17/2020; Peraturan LAN 1/2019 Latsar CPNS;
  Peraturan LAN 15, 16, 17/2019 on PKP, PKA, PKN): Latsar for a new civil servant, PKP for
  Pengawas, PKA for Administrator, PKN II for JPT Pratama, PKN I for JPT Madya and Utama.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja import rules as kinerja_rules
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE, KODE_RESMI, KOMPETENSI

JP_MINIMAL_PNS = 20  # PP 11/2017 Pasal 203 ayat (4)
JP_MAKSIMAL_PPPK = 24  # PP 49/2018 Pasal 39 ayat (3), per year of the contract
# Latsar CPNS replaced the old Prajabatan from 2018 (Peraturan LAN 12/2018, now 1/2019): an
# employee appointed CPNS before then completed Prajabatan, which counts as done.
TAHUN_LATSAR_MULAI = 2018

PNS = "PNS"
PPPK = "PPPK"

LATSAR_CPNS = "latsar_cpns"
PKP = "pkp"
PKA = "pka"
PKN_II = "pkn_ii"
PKN_I = "pkn_i"
KEPEMIMPINAN = (LATSAR_CPNS, PKP, PKA, PKN_II, PKN_I)  # lowest first
# Official abbreviations (not translated).
SINGKATAN = {LATSAR_CPNS: "Latsar CPNS", PKP: "PKP", PKA: "PKA", PKN_II: "PKN II", PKN_I: "PKN I"}

_WAJIB_JENIS = {
    JenisJabatan.PENGAWAS: PKP,
    JenisJabatan.ADMINISTRATOR: PKA,
    JenisJabatan.JPT_PRATAMA: PKN_II,
    JenisJabatan.JPT_MADYA: PKN_I,
    JenisJabatan.JPT_UTAMA: PKN_I,
}
# The next leadership program for a high performer with high potential (PermenPANRB 3/2020:
# box 9 "promote", development towards the next level).
_BERIKUTNYA = {
    JenisJabatan.PELAKSANA: PKP,
    JenisJabatan.FUNGSIONAL: PKP,
    JenisJabatan.PENGAWAS: PKA,
    JenisJabatan.ADMINISTRATOR: PKN_II,
    JenisJabatan.JPT_PRATAMA: PKN_I,
}

NAMA_KOMPETENSI = {kode: f"{KODE_RESMI[kode]} {nama}" for kode, nama in KOMPETENSI}


# --- JP --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusJp:
    jp: int
    memenuhi: bool  # PNS: reached 20 JP; PPPK: within the 24 JP entitlement
    kurang: int  # PNS: JP still owed this year
    lebih: int  # PPPK: JP above the entitlement


def status_jp(status: str, jp: int) -> StatusJp:
    """Return how `jp` lesson hours in one year stand against the rule for `status`."""
    if isinstance(jp, bool) or not isinstance(jp, int) or jp < 0:
        raise ValueError(f"jp must be a non-negative int, got {jp!r}")
    if status == PNS:
        kurang = max(0, JP_MINIMAL_PNS - jp)
        return StatusJp(jp=jp, memenuhi=kurang == 0, kurang=kurang, lebih=0)
    if status == PPPK:
        lebih = max(0, jp - JP_MAKSIMAL_PPPK)
        return StatusJp(jp=jp, memenuhi=lebih == 0, kurang=0, lebih=lebih)
    raise ValueError(f"Unknown status: {status!r}")


def sisa_jatah_pppk(jp: int) -> int:
    """Return the JP a PPPK may still be given this contract year (PP 49/2018 Pasal 39)."""
    return max(0, JP_MAKSIMAL_PPPK - jp)


# --- Leadership training ---------------------------------------------------------------------


def kepemimpinan_wajib(
    *, status: str, jenis_jabatan: str, tahun_cpns: int | None = None
) -> tuple[str, ...]:
    """Return the leadership trainings the employee's level requires, lowest first.

    Latsar CPNS for a PNS appointed CPNS from 2018; the level's own program for a manajerial
    position (a PPPK JPT included). A lower level's program is not required once above it.
    """
    wajib: list[str] = []
    if status == PNS and tahun_cpns is not None and tahun_cpns >= TAHUN_LATSAR_MULAI:
        wajib.append(LATSAR_CPNS)
    if jenis_jabatan in _WAJIB_JENIS:
        wajib.append(_WAJIB_JENIS[jenis_jabatan])
    return tuple(wajib)


def kepemimpinan_berikutnya(jenis_jabatan: str) -> str | None:
    """Return the next leadership program above the level, or None at the top."""
    return _BERIKUTNYA.get(jenis_jabatan)


def setara_atau_lebih_tinggi(selesai: Iterable[str], wajib: str) -> bool:
    """Whether `wajib` (or, above Latsar, a higher leadership program) was completed: a PKA
    holder placed as Pengawas does not need PKP any more."""
    selesai = set(selesai)
    if wajib in selesai:
        return True
    if wajib == LATSAR_CPNS:
        return False
    return any(
        KEPEMIMPINAN.index(s) > KEPEMIMPINAN.index(wajib) for s in selesai if s in KEPEMIMPINAN
    )


# Names of leadership training as SIASN's rw-diklat carries them (latihanStrukturalNama), onto our
# codes. The pre-2019 Diklatpim levels are the predecessors of today's programs and count as them
# (Peraturan LAN 15, 16, 17/2019 transitional provisions): Diklatpim IV = PKP, III = PKA,
# II = PKN II, I = PKN I; Prajabatan = Latsar CPNS (see TAHUN_LATSAR_MULAI).
_NAMA_KEPEMIMPINAN = (
    # (words that must all appear, code); the more specific first ("tingkat ii" before "i").
    (("pkp",), PKP),
    (("kepemimpinan", "pengawas"), PKP),
    (("pka",), PKA),
    (("kepemimpinan", "administrator"), PKA),
    (("pkn", "ii"), PKN_II),
    (("pkn", "2"), PKN_II),
    (("nasional", "ii"), PKN_II),
    (("pkn", "i"), PKN_I),
    (("pkn", "1"), PKN_I),
    (("nasional", "i"), PKN_I),
    (("pim", "iv"), PKP),
    (("pim", "4"), PKP),
    (("pim", "iii"), PKA),
    (("pim", "3"), PKA),
    (("pim", "ii"), PKN_II),
    (("pim", "2"), PKN_II),
    (("pim", "i"), PKN_I),
    (("pim", "1"), PKN_I),
    (("latsar",), LATSAR_CPNS),
    (("pelatihan", "dasar"), LATSAR_CPNS),
    (("prajabatan",), LATSAR_CPNS),
    (("pra", "jabatan"), LATSAR_CPNS),
)


def kepemimpinan_dari_nama(nama: str) -> str | None:
    """Return our leadership-training code for a training name ("DIKLATPIM TINGKAT IV",
    "Diklat PIM III", "PKA", "Pelatihan Kepemimpinan Nasional Tingkat II"), or None when the
    name is no leadership training."""
    teks = re.sub(r"[^a-z0-9]+", " ", (nama or "").lower())
    # "DIKLATPIM IV", "Diklatpim4", "Diklat PIM Tk. IV" all give the words "pim" and "iv".
    teks = re.sub(r"\bdiklat ?pim ?", " pim ", teks)
    kata = set(teks.split()) - {"tingkat", "tk"}
    if "kepemimpinan" in kata and not kata & {"pengawas", "administrator", "nasional"}:
        kata.add("pim")  # "Diklat Kepemimpinan Tingkat III": the old Diklatpim
    for perlu, kode in _NAMA_KEPEMIMPINAN:
        if all(w in kata for w in perlu):
            return kode
    return None


# --- Training needs --------------------------------------------------------------------------

SUMBER_KOMPETENSI = "kompetensi"
SUMBER_KINERJA = "kinerja"
SUMBER_TALENTA = "talenta"
SUMBER_KEPEMIMPINAN = "kepemimpinan"
SUMBER_JP = "jp"
SUMBER = (SUMBER_KEPEMIMPINAN, SUMBER_KOMPETENSI, SUMBER_KINERJA, SUMBER_TALENTA, SUMBER_JP)
LABEL_SUMBER = {
    SUMBER_KEPEMIMPINAN: gettext_lazy("Pelatihan kepemimpinan wajib"),
    SUMBER_KOMPETENSI: gettext_lazy("Kesenjangan kompetensi"),
    SUMBER_KINERJA: gettext_lazy("Kinerja rendah"),
    SUMBER_TALENTA: gettext_lazy("Talenta (Sangat Baik, potensial Tinggi)"),
    SUMBER_JP: gettext_lazy("Kurang dari 20 JP"),
}

PREDIKAT_RENDAH = frozenset(
    {kinerja_rules.BUTUH_PERBAIKAN, kinerja_rules.KURANG, kinerja_rules.SANGAT_KURANG}
)
PROGRAM_PER_KEBUTUHAN = 3


@dataclass(frozen=True)
class DataProgram:
    id: int
    nama: str
    kelompok: str
    jumlah_jp: int
    biaya: int = 0
    pelatihan_wajib: str = ""
    kompetensi: Mapping[str, int] = field(default_factory=dict)  # code -> target level
    jenis_jabatan_sasaran: tuple[str, ...] = ()

    def cocok_untuk(self, jenis_jabatan: str) -> bool:
        return not self.jenis_jabatan_sasaran or jenis_jabatan in self.jenis_jabatan_sasaran


@dataclass(frozen=True)
class DataPegawai:
    """What the needs of one employee are computed from.

    `standar`: the required level per competency of the employee's position. pelatihan cannot
    read jabatan's position catalogue, so the caller passes it in (jabatan: the position's
    `standar_kompetensi`; pelatihan's own selector: the default for the position kind).
    """

    id: int
    status: str
    jenis_jabatan: str = ""
    tahun_cpns: int | None = None
    capaian: Mapping[str, int] | None = None  # latest assessment, None when never assessed
    standar: Mapping[str, int] | None = None
    predikat: str = ""  # latest annual predikat
    potensial: str | None = None  # kinerja.rules.POTENSIAL label from the assessment's JPM
    jp_tahun_ini: int = 0
    kepemimpinan_selesai: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProgramCocok:
    id: int
    nama: str
    alasan: str


@dataclass(frozen=True)
class Kebutuhan:
    sumber: str
    kode: str  # the competency code, leadership program or "" (what exactly is needed)
    alasan: str
    program: tuple[ProgramCocok, ...] = ()

    @property
    def label_sumber(self) -> str:
        return str(LABEL_SUMBER[self.sumber])


def _gap(data: DataPegawai) -> dict[str, tuple[int, int]]:
    if not data.capaian or not data.standar:
        return {}
    return {
        kode: (data.capaian[kode], data.standar[kode])
        for kode in KODE
        if kode in data.standar and kode in data.capaian and data.capaian[kode] < data.standar[kode]
    }


def _program_kompetensi(
    kode: str, target: int, data: DataPegawai, programs: Sequence[DataProgram], gap: Mapping
) -> tuple[ProgramCocok, ...]:
    """Rank the programs that develop competency `kode`: those that reach `target` first, then
    those suited to the position kind, then the ones closing more of the employee's other gaps,
    the shorter and the cheaper first."""
    calon = [p for p in programs if kode in p.kompetensi and not p.pelatihan_wajib]

    def key(p: DataProgram):
        lain = sum(1 for k in gap if k != kode and k in p.kompetensi)
        return (p.kompetensi[kode] < target, not p.cocok_untuk(data.jenis_jabatan), -lain,
                p.biaya, p.jumlah_jp, p.nama)  # fmt: skip

    hasil = []
    for p in sorted(calon, key=key)[:PROGRAM_PER_KEBUTUHAN]:
        alasan = [
            _("mengembangkan %(k)s sampai level %(l)s")
            % {"k": NAMA_KOMPETENSI[kode], "l": p.kompetensi[kode]}
        ]
        if p.kompetensi[kode] < target:
            alasan.append(_("belum mencapai standar"))
        lain = [NAMA_KOMPETENSI[k] for k in gap if k != kode and k in p.kompetensi]
        if lain:
            alasan.append(_("juga %(k)s") % {"k": ", ".join(lain)})
        hasil.append(ProgramCocok(p.id, p.nama, "; ".join(alasan)))
    return tuple(hasil)


def _program_wajib(kode: str, programs: Sequence[DataProgram]) -> tuple[ProgramCocok, ...]:
    calon = sorted(
        (p for p in programs if p.pelatihan_wajib == kode), key=lambda p: (p.biaya, p.nama)
    )
    return tuple(
        ProgramCocok(p.id, p.nama, _("pelatihan kepemimpinan jenjang ini")) for p in calon
    )[:PROGRAM_PER_KEBUTUHAN]


def _program_jp(kurang: int, data: DataPegawai, programs: Sequence[DataProgram]):
    """Rank the programs that make up a JP shortfall: suited to the position, covering the
    shortfall in one go, the cheapest and shortest first."""
    calon = [p for p in programs if not p.pelatihan_wajib]
    calon.sort(key=lambda p: (not p.cocok_untuk(data.jenis_jabatan), p.jumlah_jp < kurang,
                              p.biaya, p.jumlah_jp, p.nama))  # fmt: skip
    return tuple(
        ProgramCocok(
            p.id,
            p.nama,
            (_("%(n)s JP") if p.jumlah_jp >= kurang else _("%(n)s JP, sebagian"))
            % {"n": p.jumlah_jp},
        )
        for p in calon[:PROGRAM_PER_KEBUTUHAN]
    )


def kebutuhan_pegawai(data: DataPegawai, programs: Sequence[DataProgram]) -> list[Kebutuhan]:
    """Return the training needs of one employee, each naming its source and the programs
    that address it, ranked (the explanation a unit head reads, as the ranking explains a
    candidate).

    Sources, in this order: missing required leadership training for the level; competency
    gaps (assessed level below the position's standard); performance (predikat Butuh Perbaikan
    or lower → programs for the weakest competencies; Sangat Baik with high potential → the
    next leadership program); a PNS short of 20 JP this year.
    """
    hasil: list[Kebutuhan] = []
    for wajib in kepemimpinan_wajib(
        status=data.status, jenis_jabatan=data.jenis_jabatan, tahun_cpns=data.tahun_cpns
    ):
        if not setara_atau_lebih_tinggi(data.kepemimpinan_selesai, wajib):
            hasil.append(
                Kebutuhan(
                    SUMBER_KEPEMIMPINAN,
                    wajib,
                    _("belum mengikuti pelatihan kepemimpinan wajib (%(p)s)")
                    % {"p": SINGKATAN[wajib]},
                    _program_wajib(wajib, programs),
                )
            )
    gap = _gap(data)
    for kode, (capaian, standar) in gap.items():
        hasil.append(
            Kebutuhan(
                SUMBER_KOMPETENSI,
                kode,
                _("%(k)s: level %(c)s di bawah standar %(s)s")
                % {"k": NAMA_KOMPETENSI[kode], "c": capaian, "s": standar},
                _program_kompetensi(kode, standar, data, programs, gap),
            )
        )
    if data.predikat in PREDIKAT_RENDAH:
        if gap:
            lemah = sorted(gap, key=lambda k: (gap[k][0] - gap[k][1], KODE.index(k)))[:2]
        elif data.capaian:
            terendah = min(data.capaian.values())
            lemah = [k for k in KODE if data.capaian.get(k) == terendah][:2]
        else:
            # No assessment to name the weak competencies: orientation to results (M.04) is
            # the competency the predikat itself measures.
            lemah = ["m04"]
        for kode in lemah:
            target = (data.standar or {}).get(kode, (data.capaian or {}).get(kode, 1) + 1)
            hasil.append(
                Kebutuhan(
                    SUMBER_KINERJA,
                    kode,
                    _("predikat %(p)s: kembangkan %(k)s")
                    % {"p": data.predikat, "k": NAMA_KOMPETENSI[kode]},
                    _program_kompetensi(kode, min(5, target), data, programs, gap),
                )
            )
    elif data.predikat == kinerja_rules.SANGAT_BAIK and data.potensial == kinerja_rules.TINGGI:
        berikut = kepemimpinan_berikutnya(data.jenis_jabatan)
        if berikut and not setara_atau_lebih_tinggi(data.kepemimpinan_selesai, berikut):
            hasil.append(
                Kebutuhan(
                    SUMBER_TALENTA,
                    berikut,
                    _(
                        "predikat Sangat Baik dan potensial Tinggi: siapkan ke jenjang "
                        "berikutnya (%(p)s)"
                    )
                    % {"p": SINGKATAN[berikut]},
                    _program_wajib(berikut, programs),
                )
            )
    if data.status == PNS:
        st = status_jp(PNS, data.jp_tahun_ini)
        if not st.memenuhi:
            hasil.append(
                Kebutuhan(
                    SUMBER_JP,
                    "",
                    _("baru %(jp)s JP tahun ini, kurang %(k)s JP dari %(min)s JP")
                    % {"jp": st.jp, "k": st.kurang, "min": JP_MINIMAL_PNS},
                    _program_jp(st.kurang, data, programs),
                )
            )
    return hasil


# --- Did it work? ----------------------------------------------------------------------------

# No figure from fewer people than this, on either side: with fewer than 10, one person moves a
# share by 10 points or more, and a small group's figure points at individuals.
MINIMAL_KELOMPOK = 10


@dataclass(frozen=True)
class Efek:
    program_id: int
    nama: str
    n_peserta: int
    n_pembanding: int
    naik_peserta: float | None  # share whose predikat improved, None below the minimum
    naik_pembanding: float | None
    tetap_baik_peserta: float | None  # share at Baik or better after

    @property
    def cukup(self) -> bool:
        return self.naik_peserta is not None and self.naik_pembanding is not None


def _skor(predikat: str) -> int:
    return kinerja_rules.skor_predikat(predikat)


def efek_program(
    program_id: int,
    nama: str,
    peserta: Mapping[int, tuple[str, str]],
    lainnya: Mapping[int, tuple[str, str]],
    minimal: int = MINIMAL_KELOMPOK,
) -> Efek:
    """Compare the participants' predikat before and after the training year with those of
    similar employees who did not attend (same predikat before, the same years).

    `peserta` / `lainnya`: {employee: (predikat before, predikat after)}. The comparison group is
    matched on the predikat before: for each participant's starting predikat, the non-attendees
    who started there. Shares are given only when each side has at least `minimal` people.
    """
    awal = {sebelum for sebelum, _s in peserta.values()}
    pembanding = {k: v for k, v in lainnya.items() if v[0] in awal and k not in peserta}

    def naik(rows) -> float | None:
        if len(rows) < minimal:
            return None
        return round(100 * sum(_skor(b) > _skor(a) for a, b in rows) / len(rows), 1)

    baik = None
    if len(peserta) >= minimal:
        ok = sum(_skor(b) >= _skor(kinerja_rules.BAIK) for _a, b in peserta.values())
        baik = round(100 * ok / len(peserta), 1)
    return Efek(program_id, nama, len(peserta), len(pembanding), naik(list(peserta.values())),
                naik(list(pembanding.values())), baik)  # fmt: skip
