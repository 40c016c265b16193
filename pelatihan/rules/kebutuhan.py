"""Pure rules of the training needs of one employee: each need names its source and the
programs that address it, ranked (no ORM here).

Sources: missing required leadership training (PP 11/2017 jo. PP 17/2020, rules.jp); competency
gaps against the standard of the post held and of the posts the employee is proposed for or a
successor to (PermenPANRB 38/2017); performance (PermenPANRB 6/2022 predikat); talent
(PermenPANRB 3/2020, box 9); a PNS short of 20 JP (PP 11/2017 Pasal 203 ayat (4)).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext, gettext_lazy

from kinerja import rules as kinerja_rules
from pegawai.kompetensi import KODE, KODE_RESMI, KOMPETENSI
from pelatihan.rules.jp import (
    JP_MINIMAL_PNS,
    PNS,
    SINGKATAN,
    kepemimpinan_berikutnya,
    kepemimpinan_wajib,
    setara_atau_lebih_tinggi,
    status_jp,
)

NAMA_KOMPETENSI = {kode: f"{KODE_RESMI[kode]} {nama}" for kode, nama in KOMPETENSI}

# The city's needs word a few hundred thousand explanations from a dozen messages: each
# message is looked up once per language (the catalogues do not change while running), and
# kebutuhan_banyak asks Django for the active language once for all its employees (asking
# it per message was half of the rules' time).
_TERJEMAHAN: dict[tuple[str | None, str], str] = {}
_BAHASA: ContextVar[str | None] = ContextVar("bahasa_kebutuhan", default=None)


def _bahasa() -> str | None:
    bahasa = _BAHASA.get()
    return get_language() if bahasa is None else bahasa


def _(pesan: str) -> str:
    kunci = (_bahasa(), pesan)
    hasil = _TERJEMAHAN.get(kunci)
    if hasil is None:
        hasil = _TERJEMAHAN[kunci] = gettext(pesan)
    return hasil


# --- Training needs --------------------------------------------------------------------------

SUMBER_KOMPETENSI = "kompetensi"
SUMBER_KINERJA = "kinerja"
SUMBER_TALENTA = "talenta"
SUMBER_KEPEMIMPINAN = "kepemimpinan"
SUMBER_JP = "jp"
SUMBER_SASARAN = "sasaran"  # a gap against a post one is proposed for or a successor to
SUMBER = (
    SUMBER_KEPEMIMPINAN,
    SUMBER_KOMPETENSI,
    SUMBER_SASARAN,
    SUMBER_KINERJA,
    SUMBER_TALENTA,
    SUMBER_JP,
)
LABEL_SUMBER = {
    SUMBER_KEPEMIMPINAN: gettext_lazy("Pelatihan kepemimpinan wajib"),
    SUMBER_KOMPETENSI: gettext_lazy("Kesenjangan kompetensi"),
    SUMBER_SASARAN: gettext_lazy("Kesenjangan kompetensi untuk formasi sasaran"),
    SUMBER_KINERJA: gettext_lazy("Kinerja rendah"),
    SUMBER_TALENTA: gettext_lazy("Talenta (Sangat Baik, potensial Tinggi)"),
    SUMBER_JP: gettext_lazy("Kurang dari 20 JP"),
}

PREDIKAT_RENDAH = frozenset(
    {kinerja_rules.BUTUH_PERBAIKAN, kinerja_rules.KURANG, kinerja_rules.SANGAT_KURANG}
)
PROGRAM_PER_KEBUTUHAN = 3

# Why a post is a target of the employee's development.
USULAN = "usulan"  # an active proposal to the PPK (jabatan.Usulan)
SUKSESI = "suksesi"  # a successor named in a succession plan
LABEL_ALASAN_SASARAN = {
    USULAN: gettext_lazy("usulan kandidat"),
    SUKSESI: gettext_lazy("calon suksesor"),
}


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


class Katalog(tuple):
    """The catalogue as the rules read it, remembering what it worked out: the programs it
    ranked for a need, and (kebutuhan_banyak) the needs of an employee's inputs.

    A ranking depends only on the need (competency, target level, position kind, the other
    gaps; a leadership code; a JP shortfall), the catalogue and the language, so the city's
    100,000 employees share a few hundred rankings instead of ranking the catalogue for each
    of their needs. A plain sequence of DataProgram works too, without the memory. A Katalog
    lives as long as one page or one task run (pelatihan.selectors.data_program)."""

    def __new__(cls, programs: Sequence[DataProgram] = ()) -> Katalog:
        katalog = super().__new__(cls, programs)
        katalog._ingatan = {}
        return katalog


def _ingat(programs: Sequence[DataProgram], kunci: tuple[Hashable, ...], hitung: Callable):
    ingatan = getattr(programs, "_ingatan", None)
    if ingatan is None:
        return hitung()
    kunci = (_bahasa(), *kunci)
    hasil = ingatan.get(kunci)
    if hasil is None:
        hasil = ingatan[kunci] = hitung()
    return hasil


@dataclass(frozen=True)
class DataSasaran:
    """A post the employee is an active candidate for, or a successor to: its label (the
    position and unit, as the explanation names it), kind and competency standard."""

    label: str
    jenis_jabatan: str
    standar: Mapping[str, int]
    alasan: str = USULAN  # USULAN or SUKSESI


@dataclass(slots=True)  # not frozen: a city builds 100,000, and frozen ones cost twice as much
class DataPegawai:
    """What the needs of one employee are computed from (the rules never change it).

    `standar`: the required level per competency of the employee's position; `sasaran`: the
    posts they are proposed for or a successor to. pelatihan cannot read jabatan's position
    catalogue, so both come from the provider jabatan registers (pelatihan.sumber); without
    one, the default standard for the position kind.
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
    sasaran: tuple[DataSasaran, ...] = ()


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
    sasaran: DataSasaran | None = None  # the target post of a SUMBER_SASARAN need

    @property
    def label_sumber(self) -> str:
        if self.sasaran is not None:
            alasan = LABEL_ALASAN_SASARAN[self.sasaran.alasan]
            if self.kode in SINGKATAN:
                return _("Pelatihan kepemimpinan untuk formasi %(f)s (%(a)s)") % {
                    "f": self.sasaran.label,
                    "a": alasan,
                }
            return _("Kesenjangan kompetensi untuk formasi %(f)s (%(a)s)") % {
                "f": self.sasaran.label,
                "a": alasan,
            }
        return str(LABEL_SUMBER[self.sumber])


def _gap(
    capaian: Mapping[str, int] | None, standar: Mapping[str, int] | None
) -> dict[str, tuple[int, int]]:
    if not capaian or not standar:
        return {}
    return {
        kode: (capaian[kode], standar[kode])
        for kode in KODE
        if kode in standar and kode in capaian and capaian[kode] < standar[kode]
    }


def _program_kompetensi(
    kode: str,
    target: int,
    data: DataPegawai,
    programs: Sequence[DataProgram],
    gap: Mapping,
    jenis_jabatan: str | None = None,
) -> tuple[ProgramCocok, ...]:
    """Rank the programs that develop competency `kode`: those that reach `target` first, then
    those suited to the position kind (`jenis_jabatan`, by default the employee's own), then
    the ones closing more of the employee's other gaps, the shorter and the cheaper first."""
    jenis = data.jenis_jabatan if jenis_jabatan is None else jenis_jabatan
    lain = frozenset(k for k in gap if k != kode)
    return _ingat(
        programs,
        ("kompetensi", kode, target, jenis, lain),
        lambda: _peringkat_kompetensi(kode, target, jenis, lain, programs),
    )


def _peringkat_kompetensi(
    kode: str, target: int, jenis: str, gap: frozenset[str], programs: Sequence[DataProgram]
) -> tuple[ProgramCocok, ...]:
    calon = [p for p in programs if kode in p.kompetensi and not p.pelatihan_wajib]

    def key(p: DataProgram):
        lain = sum(1 for k in gap if k in p.kompetensi)
        return (
            p.kompetensi[kode] < target,
            not p.cocok_untuk(jenis),
            -lain,
            p.biaya,
            p.jumlah_jp,
            p.nama,
        )

    hasil = []
    for p in sorted(calon, key=key)[:PROGRAM_PER_KEBUTUHAN]:
        alasan = [
            _("mengembangkan %(k)s sampai level %(l)s")
            % {"k": NAMA_KOMPETENSI[kode], "l": p.kompetensi[kode]}
        ]
        if p.kompetensi[kode] < target:
            alasan.append(_("belum mencapai standar"))
        lain = [NAMA_KOMPETENSI[k] for k in KODE if k in gap and k in p.kompetensi]
        if lain:
            alasan.append(_("juga %(k)s") % {"k": ", ".join(lain)})
        hasil.append(ProgramCocok(p.id, p.nama, "; ".join(alasan)))
    return tuple(hasil)


def _program_wajib(kode: str, programs: Sequence[DataProgram]) -> tuple[ProgramCocok, ...]:
    return _ingat(programs, ("wajib", kode), lambda: _peringkat_wajib(kode, programs))


def _peringkat_wajib(kode: str, programs: Sequence[DataProgram]) -> tuple[ProgramCocok, ...]:
    calon = sorted(
        (p for p in programs if p.pelatihan_wajib == kode), key=lambda p: (p.biaya, p.nama)
    )
    return tuple(
        ProgramCocok(p.id, p.nama, _("pelatihan kepemimpinan jenjang ini")) for p in calon
    )[:PROGRAM_PER_KEBUTUHAN]


def _program_jp(kurang: int, data: DataPegawai, programs: Sequence[DataProgram]):
    """Rank the programs that make up a JP shortfall: suited to the position, covering the
    shortfall in one go, the cheapest and shortest first."""
    jenis = data.jenis_jabatan
    return _ingat(programs, ("jp", kurang, jenis), lambda: _peringkat_jp(kurang, jenis, programs))


def _peringkat_jp(kurang: int, jenis: str, programs: Sequence[DataProgram]):
    calon = [p for p in programs if not p.pelatihan_wajib]
    calon.sort(
        key=lambda p: (not p.cocok_untuk(jenis), p.jumlah_jp < kurang, p.biaya, p.jumlah_jp, p.nama)
    )
    return tuple(
        ProgramCocok(
            p.id,
            p.nama,
            (_("%(n)s JP") if p.jumlah_jp >= kurang else _("%(n)s JP, sebagian"))
            % {"n": p.jumlah_jp},
        )
        for p in calon[:PROGRAM_PER_KEBUTUHAN]
    )


def _kebutuhan_sasaran(
    data: DataPegawai, programs: Sequence[DataProgram], gap: Mapping[str, tuple[int, int]]
) -> list[Kebutuhan]:
    """The leadership training and the gaps of each target post. Its level's leadership
    program (PKP, PKA, PKN) when neither it nor a higher one was completed and the post held
    does not already ask it; a gap the post held already names at the same or a higher
    standard is not repeated; the programs are ranked for the target post's kind, to reach its
    standard."""
    hasil = []
    sendiri = set(kepemimpinan_wajib(status=data.status, jenis_jabatan=data.jenis_jabatan))
    for sasaran in data.sasaran:
        for wajib in kepemimpinan_wajib(status="", jenis_jabatan=sasaran.jenis_jabatan):
            if wajib in sendiri or setara_atau_lebih_tinggi(data.kepemimpinan_selesai, wajib):
                continue
            sendiri.add(wajib)  # two target posts of one level: one need
            hasil.append(
                Kebutuhan(
                    SUMBER_SASARAN,
                    wajib,
                    _("belum mengikuti %(p)s, pelatihan kepemimpinan jenjang formasi %(f)s (%(a)s)")
                    % {
                        "p": SINGKATAN[wajib],
                        "f": sasaran.label,
                        "a": LABEL_ALASAN_SASARAN[sasaran.alasan],
                    },
                    _program_wajib(wajib, programs),
                    sasaran,
                )
            )
        gap_sasaran = _gap(data.capaian, sasaran.standar)
        for kode, (capaian, standar) in gap_sasaran.items():
            if kode in gap and gap[kode][1] >= standar:
                continue
            hasil.append(
                Kebutuhan(
                    SUMBER_SASARAN,
                    kode,
                    _("%(k)s: level %(c)s di bawah standar %(s)s formasi %(f)s (%(a)s)")
                    % {
                        "k": NAMA_KOMPETENSI[kode],
                        "c": capaian,
                        "s": standar,
                        "f": sasaran.label,
                        "a": LABEL_ALASAN_SASARAN[sasaran.alasan],
                    },
                    _program_kompetensi(
                        kode, standar, data, programs, gap_sasaran, sasaran.jenis_jabatan
                    ),
                    sasaran,
                )
            )
    return hasil


def kebutuhan_pegawai(data: DataPegawai, programs: Sequence[DataProgram]) -> list[Kebutuhan]:
    """Return the training needs of one employee, each naming its source and the programs
    that address it, ranked (the explanation a unit head reads, as the ranking explains a
    candidate).

    Sources, in this order: missing required leadership training for the level; competency
    gaps (assessed level below the position's standard); competency gaps against each target
    post's standard (a post the employee is proposed for or a successor to) where it asks more
    than the post held, the need naming the post; performance (predikat Butuh Perbaikan
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
    gap = _gap(data.capaian, data.standar)
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
    hasil.extend(_kebutuhan_sasaran(data, programs, gap))
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


def _kunci(d: DataPegawai) -> tuple | None:
    """What an employee's needs depend on, hashable: all of DataPegawai but the id (None for
    an employee with target posts, whose standards are mappings inside dataclasses — a few
    hundred in a city, computed one by one)."""
    if d.sasaran:
        return None
    return (
        d.status,
        d.jenis_jabatan,
        d.tahun_cpns,
        d.predikat,
        d.potensial,
        d.jp_tahun_ini,
        d.kepemimpinan_selesai,
        tuple(d.capaian.items()) if d.capaian is not None else None,
        tuple(d.standar.items()) if d.standar is not None else None,
    )


def kebutuhan_banyak(
    data: Iterable[DataPegawai], programs: Sequence[DataProgram]
) -> dict[int, list[Kebutuhan]]:
    """Return {employee id: kebutuhan_pegawai} for many employees, in the active language.

    The needs are a pure function of the inputs, and in a city many employees share them all
    (same kind of post, standard, levels, predikat, JP): against a Katalog each distinct input
    is worked out once — for all the steps of a city's run — and its needs (immutable) given
    to every employee who has it, each in a list of their own."""
    token = _BAHASA.set(get_language())
    hasil: dict[int, list[Kebutuhan]] = {}
    try:
        for d in data:
            kunci = _kunci(d) if isinstance(programs, Katalog) else None
            if kunci is None:
                hasil[d.id] = kebutuhan_pegawai(d, programs)
            else:
                hasil[d.id] = list(
                    _ingat(programs, ("pegawai", kunci), lambda d=d: kebutuhan_pegawai(d, programs))
                )
        return hasil
    finally:
        _BAHASA.reset(token)
