"""The merit ranking of one vacancy: the one service pages, exports, commands and benchmarks call.

Eligibility, scores and the top of the order are computed in SQL over IndeksMerit (one row per
employee, kept current by jabatan.indeks), so ranking is a scan of one table, not per-candidate
queries; the sanctions that matter on the date (a few rows) join as a hash. No correlated
subquery, so PostgreSQL can spread the scan and the counting over parallel workers. Python then
explains the few rows the page shows (the top candidates and anyone searched) with the pure rules
of jabatan.merit, from the same projected inputs.

The SQL computes every score in whole hundredths with integer arithmetic (each component rounded
half up once, as jabatan.merit does), so PostgreSQL, SQLite and Python agree to the last digit and
the order is the same whichever computes it. tests/jabatan/test_peringkat.py checks that on random
data against the pure rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Q

from jabatan import indeks, merit
from jabatan.models import Formasi, IndeksMerit, Penempatan
from jabatan.selectors import profil_merit, syarat_formasi, tambah_bulan
from kinerja import rules as kr
from kinerja.models import PengaturanTalenta
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.jenis_jabatan import MANAJERIAL, JenisJabatan
from pegawai.models import HukumanDisiplin
from pegawai.pensiun import lahir_sebelum_untuk_pensiun

TERATAS = 50
PITA_USIA = ("<30", "30–39", "40–49", "50+")
BERAT = sorted(j for j, t in TINGKAT.items() if t != TingkatHukuman.RINGAN)


class _Sql:
    """The SQL pieces of one ranking (pool, exclusion rules, score, age band) for one post,
    date and weights, with named parameters (the same text may appear more than once)."""

    def __init__(self, syarat: merit.Syarat, pada: date, bobot: merit.Bobot, talent_pool: bool,
                 kecuali: Collection[int], pita: tuple[kr.Pita, kr.Pita]):  # fmt: skip
        self.pg = connection.vendor == "postgresql"
        self.params: dict[str, object] = {}
        self.s, self.pada, self.bobot, self.talent_pool = syarat, pada, bobot, talent_pool
        self.kecuali = sorted(kecuali)
        self.pita_kinerja, self.pita_potensial = pita

    # Dialect: scalar min/max and days between a date parameter and a date column.
    def least(self, *a: str) -> str:
        return f"{'LEAST' if self.pg else 'MIN'}({', '.join(a)})"

    def greatest(self, *a: str) -> str:
        return f"{'GREATEST' if self.pg else 'MAX'}({', '.join(a)})"

    def hari_sejak(self, kolom: str) -> str:
        """Whole days from `kolom` to the ranking date (negative when it lies after)."""
        if self.pg:
            return f"(CAST({self.p(self.pada)} AS date) - {kolom})"
        return f"CAST(julianday({self.p(self.pada)}) - julianday({kolom}) AS INTEGER)"

    def p(self, value) -> str:
        """A named parameter: the same text may appear twice in the statement."""
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"%({name})s"

    def daftar(self, values: Sequence) -> str:
        return "(" + ", ".join(self.p(v) for v in values) + ")"

    # The eligibility rules of jabatan.merit.kelayakan: the condition under which each excludes.
    def alasan(self) -> dict[str, str]:
        s, pada = self.s, self.pada
        x: dict[str, str] = {}
        if s.golongan_minimal:
            x["GOLONGAN"] = f"m.urutan_golongan < {self.p(merit.gol.urutan(s.golongan_minimal))}"
        if s.jenis_jabatan in MANAJERIAL:
            x["STATUS"] = f"m.status <> {self.p('PNS')}"
        x["KINERJA"] = "NOT m.kinerja_lulus"
        x["PENDIDIKAN"] = f"m.urutan_pendidikan < {self.p(s.pendidikan_minimal)}"
        x["TIDAK_AKTIF"] = "NOT m.aktif"
        if s.bidang_studi:
            x["BIDANG_STUDI"] = (
                "m.bidang_studi_id IS NULL OR m.bidang_studi_id NOT IN "
                + self.daftar(sorted(s.bidang_studi))
            )
        if s.jenis_jabatan in (JenisJabatan.JPT_PRATAMA, JenisJabatan.JPT_MADYA):
            # Older than USIA_MAKSIMAL_JPT: born on or before the day one turns a year more.
            batas = merit.tambah_tahun(pada, -merit.USIA_MAKSIMAL_JPT - 1)
            x["USIA"] = f"m.tanggal_lahir <= {self.p(batas)}"
        else:
            # Retiring less than SISA_MASA_KERJA_BULAN months after the ranking month.
            terakhir = tambah_bulan(pada.replace(day=1), merit.SISA_MASA_KERJA_BULAN - 1)
            lahir = lahir_sebelum_untuk_pensiun(terakhir, s.batas_usia_pensiun)
            x["MASA_PENSIUN"] = f"m.tanggal_lahir < {self.p(lahir)}"
        if s.jenis_jabatan in merit.PENGALAMAN:
            kolom = indeks.KOLOM_CUKUP[s.jenis_jabatan]
            x["PENGALAMAN"] = f"m.{kolom} IS NULL OR m.{kolom} > {self.p(pada)}"
        if self.talent_pool:
            # NULL (no evaluation or no assessment: no box) is outside the pool too.
            x["TALENT_POOL"] = f"NOT COALESCE({self.talent()}, FALSE)"
        return x

    def terhukum(self) -> str:
        """Serving a sedang/berat sanction on the date (HUKUMAN_DISIPLIN). Kept out of alasan():
        the index on hukuman_sampai finds the few rows concerned, so the big scans never join."""
        h = HukumanDisiplin._meta.db_table
        pada = self.p(self.pada)
        return (
            f"m.hukuman_sampai >= {pada} AND m.pegawai_id IN (SELECT pegawai_id FROM {h} "
            f"WHERE jenis IN {self.daftar(BERAT)} AND tmt_mulai <= {pada} "
            f"AND (tmt_selesai IS NULL OR tmt_selesai >= {pada}))"
        )

    def jpm_sen(self) -> str | None:
        """JPM in hundredths of a percent, rounded half up (pegawai.kompetensi.jpm)."""
        standar = {k: v for k, v in self.s.standar.items() if v}
        if not standar:
            return None
        total = sum(standar.values())
        capai = " + ".join(
            self.least(f"COALESCE(m.level_{k}, 0)", self.p(v)) for k, v in sorted(standar.items())
        )
        return f"((20000 * ({capai}) + {self.p(total)}) / {self.p(2 * total)})"

    def kinerja_sen(self) -> str:
        return (
            "CASE WHEN m.skor_1 IS NULL THEN 0 WHEN m.skor_2 IS NULL THEN 100 * m.skor_1 "
            "ELSE 50 * (m.skor_1 + m.skor_2) END"
        )

    def talent(self) -> str:
        """The talent box is in the pool: kinerja_rules.kotak_talenta of both axes, banded by
        HR's PengaturanTalenta, in hundredths (the bands have two decimals) so SQL and
        jabatan.merit.kotak agree exactly. NULL (no evaluation or no JPM) is no box."""

        def band(expr: str, pita: kr.Pita, n: int) -> str:
            rendah = self.p(int(pita.batas_rendah * 100))
            menengah = self.p(int(pita.batas_menengah * 100))
            return (
                f"{expr} <= {rendah}",
                f"{expr} > {rendah} AND {expr} <= {menengah}",
                f"{expr} > {menengah}",
            )[n]

        kin = f"(CASE WHEN m.skor_1 IS NULL THEN NULL ELSE {self.kinerja_sen()} END)"
        pk, pp, jpm = self.pita_kinerja, self.pita_potensial, "m.jpm_sen"
        return " OR ".join(
            f"({band(kin, pk, i)} AND {band(jpm, pp, j)})"
            for i, sumbu_k in enumerate((kr.DI_BAWAH, kr.SESUAI, kr.DI_ATAS))
            for j, sumbu_p in enumerate((kr.RENDAH, kr.MENENGAH, kr.TINGGI))
            if kr.kotak_talenta(sumbu_k, sumbu_p) in kr.TALENT_POOL
        )

    def komponen(self) -> dict[str, str]:
        """The six components of jabatan.merit.komponen, in hundredths."""
        s = self.s
        jpm = self.jpm_sen()
        semua_hari = " + ".join(f"m.{c}" for c in indeks.KOLOM_HARI.values())
        kini = (
            f"CASE WHEN m.jabatan_kini_mulai IS NULL THEN 0 "
            f"ELSE {self.greatest('0', self.hari_sejak('m.jabatan_kini_mulai'))} END"
        )
        pangkat = self.greatest("0", self.hari_sejak("m.tmt_golongan"))
        lebih = self.greatest("0", f"m.urutan_pendidikan - {self.p(s.pendidikan_minimal)}")
        return {
            "kinerja": self.kinerja_sen(),
            "kompetensi": f"CASE WHEN m.asesmen THEN {jpm} ELSE 0 END" if jpm else "0",
            "kualifikasi": "100 * "
            + self.least(
                "100",
                f"70 + 15 * {lebih}",
            ),
            "pengembangan": "100 * "
            + self.least(
                "100",
                f"{self.least('100', '5 * m.jp_pelatihan')} "
                "+ CASE WHEN m.diklat_kepemimpinan THEN 20 ELSE 0 END",
            ),
            "pengalaman": self.least(
                "10000", f"((5 * {pangkat} + 2 * ({semua_hari} + {kini})) * 2000 + 1461) / 2922"
            ),
            "integritas": self.integritas(),
        }

    def skor(self) -> str:
        """The weighted score in hundredths, rounded half up (jabatan.merit.skor)."""
        komponen = self.komponen()
        w = self.bobot.sebagai_dict()
        jumlah = " + ".join(f"({komponen[n]}) * {w[n]}" for n in merit.KOMPONEN if w[n])
        return f"((({jumlah or '0'}) + 50) / 100)"

    def pita(self) -> str:
        """Age band 0–3 of PITA_USIA on the ranking date."""
        usia = [merit.tambah_tahun(self.pada, -a) for a in (30, 40, 50)]
        return (
            f"CASE WHEN m.tanggal_lahir > {self.p(usia[0])} THEN 0 "
            f"WHEN m.tanggal_lahir > {self.p(usia[1])} THEN 1 "
            f"WHEN m.tanggal_lahir > {self.p(usia[2])} THEN 2 ELSE 3 END"
        )

    def integritas(self) -> str:
        """30 points off per sedang/berat sanction begun in TAHUN_INTEGRITAS years, 10 per ringan
        one in two (jabatan.merit.komponen); only rows with a recent sanction look them up."""
        h = HukumanDisiplin._meta.db_table
        lima = self.p(merit.tambah_tahun(self.pada, -merit.TAHUN_INTEGRITAS))
        dua = self.p(merit.tambah_tahun(self.pada, -2))
        potong = (
            f"(SELECT COALESCE(SUM(CASE WHEN jenis IN {self.daftar(BERAT)} THEN 30 "
            f"WHEN tmt_mulai >= {dua} THEN 10 ELSE 0 END), 0) FROM {h} "
            f"WHERE pegawai_id = m.pegawai_id AND tmt_mulai >= {lima})"
        )
        return (
            f"CASE WHEN m.hukuman_terakhir IS NULL OR m.hukuman_terakhir < {lima} THEN 10000 "
            f"ELSE 100 * {self.greatest('0', f'100 - {potong}')} END"
        )

    def dari(self) -> str:
        """The candidate pool: every projected employee but the post's holders."""
        tabel = IndeksMerit._meta.db_table
        if self.kecuali:
            return f"{tabel} m WHERE m.pegawai_id NOT IN {self.daftar(self.kecuali)}"
        return f"{tabel} m WHERE 1 = 1"

    def layak(self, alasan: dict[str, str], *, hukuman: bool = True) -> str:
        """Eligible: no rule excludes (cheap tests first; AND stops at the first that fails).
        `hukuman=False` leaves the sanctions out (the counts add them from their own query)."""
        syarat = [f"NOT ({c})" for c in alasan.values()]  # none of them is ever NULL
        if hukuman:
            syarat.append(f"NOT COALESCE(({self.terhukum()}), FALSE)")
        return " AND ".join(syarat)


URUTAN = (
    "skor DESC, m.urutan_golongan DESC, m.tmt_golongan, m.tmt_masuk, "
    "m.diklat_kepemimpinan DESC, m.urutan_pendidikan DESC, m.tanggal_lahir, m.nip"
)


@dataclass
class Peringkat:
    """The ranking of one vacancy with everything its page, exports and decisions need."""

    formasi: Formasi
    syarat: merit.Syarat
    bobot: merit.Bobot
    pada: date
    hanya_talent_pool: bool
    pemangku: frozenset[int]
    # The talent grid's bands in force (kinerja.models.PengaturanTalenta): kinerja, potensial.
    pita_talenta: tuple[kr.Pita, kr.Pita] = (kr.PITA_BAKU, kr.PITA_BAKU)
    jumlah: int = 0
    jumlah_layak: int = 0
    alasan: dict[str, int] = field(default_factory=dict)
    keadilan: dict[str, dict] = field(default_factory=dict)
    teratas: list[merit.Hasil] = field(default_factory=list)
    dicari: dict[int, merit.Hasil] = field(default_factory=dict)

    def untuk(self, nip: str) -> merit.Hasil | None:
        return next((h for h in self.dicari.values() if h.kandidat.nip == nip), None)


def _kandidat(rows: Sequence[IndeksMerit]) -> list[merit.Kandidat]:
    """The pure rules' view of projected rows, with their sanctions (one query)."""
    hukuman: dict[int, list[merit.Hukuman]] = defaultdict(list)
    for pid, jenis, mulai, selesai in HukumanDisiplin.objects.filter(
        pegawai_id__in=[r.pegawai_id for r in rows]
    ).values_list("pegawai_id", "jenis", "tmt_mulai", "tmt_selesai"):
        hukuman[pid].append(merit.Hukuman(jenis, mulai, selesai))
    return [indeks.kandidat(r, hukuman[r.pegawai_id]) for r in rows]


def _jelaskan(kandidat: Sequence[merit.Kandidat], p: Peringkat) -> dict[int, merit.Hasil]:
    """Each candidate's reasons, components, score and box under `p`'s rules and weights."""
    hasil = merit.peringkat(
        kandidat, p.syarat, pada=p.pada, bobot=p.bobot, hanya_talent_pool=p.hanya_talent_pool,
        pita_kinerja=p.pita_talenta[0], pita_potensial=p.pita_talenta[1],
    )  # fmt: skip
    for h in hasil:
        h.peringkat = None  # set from the whole ranking, not from this handful
    return {h.kandidat.pegawai_id: h for h in hasil}


def _sql(p: Peringkat) -> _Sql:
    return _Sql(p.syarat, p.pada, p.bobot, p.hanya_talent_pool, p.pemangku, p.pita_talenta)


def _teratas(p: Peringkat, n: int) -> list[merit.Hasil]:
    """The top `n` eligible, explained: one scan for their ids, then their rows."""
    sql = _sql(p)
    dari, layak, skor = sql.dari(), sql.layak(sql.alasan()), sql.skor()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.pegawai_id, {skor} AS skor FROM {dari} AND {layak} "
            f"ORDER BY {URUTAN} LIMIT {int(n)}",
            sql.params,
        )
        ids = [r[0] for r in cursor.fetchall()]
    rows = IndeksMerit.objects.in_bulk(ids)
    jelas = _jelaskan(_kandidat([rows[i] for i in ids]), p)
    teratas = [jelas[i] for i in ids]
    for n_, h in enumerate(teratas, start=1):
        h.peringkat = n_
    return teratas


def _hitung(p: Peringkat) -> None:
    """Counts: the pool, the eligible, the excluded by reason, and the fairness shares.

    One grouped scan counts every rule but the sanctions (PostgreSQL spreads it over parallel
    workers); a second query, through the index on hukuman_sampai, lists the few employees
    serving a sanction on the date with whether the other rules let them through, and Python
    moves them from eligible to excluded.
    """
    sql = _sql(p)
    alasan = sql.alasan()
    pita, dari = sql.pita(), sql.dari()
    lolos = sql.layak(alasan, hukuman=False)
    kolom = ", ".join(f"SUM(CASE WHEN {c} THEN 1 ELSE 0 END)" for c in alasan.values())
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.jenis_kelamin, {pita} AS pita, COUNT(*), "
            f"SUM(CASE WHEN {lolos} THEN 1 ELSE 0 END), {kolom} "
            f"FROM {dari} GROUP BY m.jenis_kelamin, pita",
            sql.params,
        )
        rows = cursor.fetchall()
        cursor.execute(
            f"SELECT m.jenis_kelamin, {pita}, CASE WHEN {lolos} THEN 1 ELSE 0 END "
            f"FROM {dari} AND {sql.terhukum()}",
            sql.params,
        )
        terhukum = cursor.fetchall()
    jumlah = dict.fromkeys([*alasan, "HUKUMAN_DISIPLIN"], 0)
    kelompok = {
        nama: {"jumlah": 0, "jenis_kelamin": {"L": 0, "P": 0}, "usia": dict.fromkeys(PITA_USIA, 0)}
        for nama in ("semua", "layak")
    }

    def tambah(nama: str, jk: str, pita_: int, n: int) -> None:
        kelompok[nama]["jumlah"] += n
        kelompok[nama]["jenis_kelamin"][jk] = kelompok[nama]["jenis_kelamin"].get(jk, 0) + n
        kelompok[nama]["usia"][PITA_USIA[pita_]] += n

    for jk, pita_, semua, layak, *per_alasan in rows:
        tambah("semua", jk, pita_, semua)
        tambah("layak", jk, pita_, layak or 0)
        for kode, n in zip(alasan, per_alasan, strict=True):
            jumlah[kode] += n or 0
    for jk, pita_, lolos_lain in terhukum:
        jumlah["HUKUMAN_DISIPLIN"] += 1
        if lolos_lain:
            tambah("layak", jk, pita_, -1)
    p.jumlah, p.jumlah_layak = kelompok["semua"]["jumlah"], kelompok["layak"]["jumlah"]
    p.alasan = dict(sorted(((k, v) for k, v in jumlah.items() if v), key=lambda t: -t[1]))
    p.keadilan = {**kelompok, "teratas": merit.keadilan(p.teratas[:10], p.pada)["semua"]}


def _peringkat_dari(p: Peringkat, hasil: Sequence[merit.Hasil]) -> None:
    """Set the whole-ranking position of eligible searched rows: one scan counts, for each, the
    eligible rows that come before it."""
    dikenal = {h.kandidat.pegawai_id: h.peringkat for h in p.teratas}
    cari = [h for h in hasil if h.layak and h.kandidat.pegawai_id not in dikenal]
    for h in hasil:
        h.peringkat = dikenal.get(h.kandidat.pegawai_id) if h.layak else None
    if not cari:
        return
    sql = _sql(p)
    dari, layak, skor = sql.dari(), sql.layak(sql.alasan()), sql.skor()
    kunci = (
        f"-{skor}, -m.urutan_golongan, m.tmt_golongan, m.tmt_masuk, "
        "CASE WHEN m.diklat_kepemimpinan THEN 0 ELSE 1 END, -m.urutan_pendidikan, "
        "m.tanggal_lahir, m.nip"
    )
    kolom = []
    for h in cari:
        nilai = [int(-h.skor * 100), *merit.kunci_duk(h.kandidat)]
        nilai[4] = int(nilai[4])  # without leadership training: 1
        kolom.append(
            f"SUM(CASE WHEN ({kunci}) < ({', '.join(sql.p(v) for v in nilai)}) THEN 1 ELSE 0 END)"
        )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(kolom)} FROM {dari} AND {layak}", sql.params)
        sebelum = cursor.fetchone()
    for h, n in zip(cari, sebelum, strict=True):
        h.peringkat = (n or 0) + 1


def peringkat_formasi(
    formasi: Formasi,
    *,
    pada: date,
    bobot: merit.Bobot | None = None,
    teratas: int = TERATAS,
    pegawai_ids: Collection[int] = (),
    nip: str = "",
    hitung: bool = True,
) -> Peringkat:
    """Rank every employee in the pool for a vacant post on `pada`.

    Returns the counts, the fairness shares, the top `teratas` eligible with their breakdowns,
    and the explanation (reasons, or rank and breakdown) of each of `pegawai_ids` and of `nip`;
    `hitung=False` skips the counts when only those explanations are needed. A fixed number of
    queries whatever the number of employees.
    """
    formasi = Formasi.objects.select_related("jabatan", "unit_kerja").get(pk=formasi.pk)
    profil = profil_merit(formasi.jabatan.jenis)
    pengaturan = PengaturanTalenta.aktif()
    # The holders of this post compete for it no more.
    pemangku = frozenset(
        Penempatan.objects.aktif()
        .definitif()
        .filter(formasi=formasi)
        .values_list("pegawai_id", flat=True)
    )
    p = Peringkat(
        formasi=formasi,
        syarat=syarat_formasi(formasi),
        bobot=bobot or profil.bobot,
        pada=pada,
        hanya_talent_pool=profil.hanya_talent_pool,
        pemangku=pemangku,
        pita_talenta=(pengaturan.pita_kinerja, pengaturan.pita_potensial),
    )
    p.teratas = _teratas(p, teratas) if teratas else []
    if hitung:
        _hitung(p)
    dicari = (
        list(
            IndeksMerit.objects.exclude(pegawai_id__in=pemangku).filter(
                Q(pegawai_id__in=list(pegawai_ids)) | Q(nip=nip)
            )
        )
        if pegawai_ids or nip
        else []
    )
    if dicari:
        p.dicari = _jelaskan(_kandidat(dicari), p)
        _peringkat_dari(p, list(p.dicari.values()))
    return p


def dengan_bobot(dasar: Peringkat, bobot: merit.Bobot, teratas: int = TERATAS) -> Peringkat:
    """The same vacancy under other weights (the what-if, nothing saved). Eligibility and its
    counts do not depend on the weights; only the order is computed again."""
    p = Peringkat(
        formasi=dasar.formasi, syarat=dasar.syarat, bobot=bobot, pada=dasar.pada,
        hanya_talent_pool=dasar.hanya_talent_pool, pemangku=dasar.pemangku,
        pita_talenta=dasar.pita_talenta, jumlah=dasar.jumlah, jumlah_layak=dasar.jumlah_layak,
        alasan=dasar.alasan,
    )  # fmt: skip
    p.teratas = _teratas(p, teratas)
    p.keadilan = {**dasar.keadilan, "teratas": merit.keadilan(p.teratas[:10], p.pada)["semua"]}
    if dasar.dicari:
        p.dicari = _jelaskan([h.kandidat for h in dasar.dicari.values()], p)
        _peringkat_dari(p, list(p.dicari.values()))
    return p
