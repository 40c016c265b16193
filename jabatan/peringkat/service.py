"""The merit ranking service: a post's ranking from the projection, explained for the rows shown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import DateField

from jabatan import indeks, merit
from jabatan.merit import pengembangan
from jabatan.models import Formasi, IndeksMerit, Penempatan
from jabatan.peringkat.sql import KOLOM_URUTAN, PITA_USIA, TERATAS, URUTAN, _Sql
from jabatan.selectors import profil_merit, syarat_formasi
from kinerja import rules as kr
from kinerja.models import PengaturanTalenta
from pegawai.models import HukumanDisiplin


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


def _kandidat(sql: _Sql, di: str, urut: str = "", batas: int | None = None) -> list[merit.Kandidat]:
    """The pure rules' view of the pool's rows where `di` holds, in the order `urut` (the
    ranking's, URUTAN) and at most `batas` of them, with their sanctions, their days in the
    post's affair and their JP of the years that count: one query, the projection row beside
    its IndeksUrusan value (the join of _Sql.dari), then, for the rows chosen, their IndeksJp
    years (_Sql.jp_tahun) and one row per sanction (a LEFT JOIN: few employees have any)."""
    kolom = ", ".join(f"m.{f}" for f in indeks.FIELDS)
    tahun = pengembangan.tahun_jendela(sql.pada)
    hari = "u.hari" if sql.s.urusan is not None else "NULL"
    if urut:
        dalam = f"SELECT * FROM {sql.baris(f'{kolom}, {hari} AS hari_urusan', di)} ORDER BY {urut}"
    else:
        dalam = f"SELECT {kolom}, {hari} AS hari_urusan FROM {sql.dari()} AND {di}"
    if batas is not None:
        dalam += f" LIMIT {int(batas)}"
    h = HukumanDisiplin._meta.db_table
    jp_join, jp = sql.jp_tahun()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.*, {', '.join(jp)}, h.jenis, h.tmt_mulai, h.tmt_selesai FROM ({dalam}) m"
            f"{jp_join} LEFT JOIN {h} h ON h.pegawai_id = m.pegawai_id "
            f"ORDER BY {urut or 'm.pegawai_id'}, h.tmt_mulai DESC, h.id",
            sql.params,
        )
        rows = cursor.fetchall()
    n = len(indeks.FIELDS)
    konversi = None if sql.pg else [IndeksMerit._meta.get_field(f).to_python for f in indeks.FIELDS]
    urutan: list[int] = []
    baris: dict[int, tuple] = {}
    hukuman: dict[int, list[merit.Hukuman]] = defaultdict(list)
    for row in rows:
        pid = row[0]
        if pid not in baris:
            urutan.append(pid)
            baris[pid] = row
        jenis, mulai, selesai = row[-3:]
        if jenis is not None:
            if konversi:
                mulai, selesai = DateField().to_python(mulai), DateField().to_python(selesai)
            hukuman[pid].append(merit.Hukuman(jenis, mulai, selesai))
    hasil = []
    for pid in urutan:
        row = baris[pid]
        nilai = row[:n]
        if konversi:
            nilai = [f(v) for f, v in zip(konversi, nilai, strict=True)]
        hari_urusan = row[n]
        jp_tahun = {t: v for t, v in zip(tahun, row[-3 - len(tahun) : -3], strict=True) if v}
        hasil.append(
            indeks.kandidat(
                IndeksMerit(**dict(zip(indeks.FIELDS, nilai, strict=True))),
                hukuman[pid],
                {sql.s.urusan: hari_urusan} if hari_urusan else None,
                jp_tahun,
            )
        )
    return hasil


def _jelaskan(kandidat: Sequence[merit.Kandidat], p: Peringkat) -> dict[int, merit.Hasil]:
    """Each candidate's reasons, components, score and box under `p`'s rules and weights."""
    hasil = merit.peringkat(
        kandidat,
        p.syarat,
        pada=p.pada,
        bobot=p.bobot,
        hanya_talent_pool=p.hanya_talent_pool,
        pita_kinerja=p.pita_talenta[0],
        pita_potensial=p.pita_talenta[1],
    )
    for h in hasil:
        h.peringkat = None  # set from the whole ranking, not from this handful
    return {h.kandidat.pegawai_id: h for h in hasil}


def _sql(p: Peringkat) -> _Sql:
    return _Sql(p.syarat, p.pada, p.bobot, p.hanya_talent_pool, p.pemangku, p.pita_talenta)


def _teratas(p: Peringkat, n: int) -> list[merit.Hasil]:
    """The top `n` eligible, explained: one query for their rows, sanctions, affair days and JP
    (_kandidat)."""
    sql = _sql(p)
    kandidat = _kandidat(sql, sql.layak(sql.alasan()), URUTAN, n)
    jelas = _jelaskan(kandidat, p)
    teratas = [jelas[k.pegawai_id] for k in kandidat]
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
    kelompok_sql, terhukum_sql = sql.hitung(alasan)
    with connection.cursor() as cursor:
        cursor.execute(kelompok_sql, sql.params)
        rows = cursor.fetchall()
        cursor.execute(terhukum_sql, sql.params)
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
    baris = sql.baris(KOLOM_URUTAN, sql.layak(sql.alasan()))
    kunci = (
        "-skor, -m.urutan_golongan, m.tmt_golongan, m.tmt_masuk, "
        "-m.tingkat_kepemimpinan, -m.urutan_pendidikan, "
        "m.tanggal_lahir, m.nip"
    )
    kolom = []
    for h in cari:
        nilai = [int(-h.skor * 100), *merit.kunci_duk(h.kandidat)]
        kolom.append(
            f"SUM(CASE WHEN ({kunci}) < ({', '.join(sql.p(v) for v in nilai)}) THEN 1 ELSE 0 END)"
        )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(kolom)} FROM {baris}", sql.params)
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
    pengumuman: Mapping[str, object] | None = None,
) -> Peringkat:
    """Rank every employee in the pool for a vacant post on `pada`.

    Returns the counts, the fairness shares, the top `teratas` eligible with their breakdowns,
    and the explanation (reasons, or rank and breakdown) of each of `pegawai_ids` and of `nip`;
    `hitung=False` skips the counts when only those explanations are needed. `pengumuman`: the
    JPT requirements an open selection's announcement sets (`usia_maksimal_jpt`,
    `tahun_jabatan_jpt`, `sumber_pengecualian` of merit.Syarat; publik.Seleksi.syarat_pengumuman).
    A fixed number of queries whatever the number of employees.
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
        syarat=replace(syarat_formasi(formasi), **(pengumuman or {})),
        bobot=bobot or profil.bobot,
        pada=pada,
        hanya_talent_pool=profil.hanya_talent_pool,
        pemangku=pemangku,
        pita_talenta=(pengaturan.pita_kinerja, pengaturan.pita_potensial),
    )
    p.teratas = _teratas(p, teratas) if teratas else []
    if hitung:
        _hitung(p)
    dicari: list[merit.Kandidat] = []
    if pegawai_ids or nip:
        sql = _sql(p)
        ids = sql.daftar(sorted(pegawai_ids)) if pegawai_ids else "(NULL)"
        dicari = _kandidat(sql, f"(m.pegawai_id IN {ids} OR m.nip = {sql.p(nip)})")
    if dicari:
        p.dicari = _jelaskan(dicari, p)
        _peringkat_dari(p, list(p.dicari.values()))
    return p


def dengan_bobot(dasar: Peringkat, bobot: merit.Bobot, teratas: int = TERATAS) -> Peringkat:
    """The same vacancy under other weights (the what-if, nothing saved). Eligibility and its
    counts do not depend on the weights; only the order is computed again."""
    p = Peringkat(
        formasi=dasar.formasi,
        syarat=dasar.syarat,
        bobot=bobot,
        pada=dasar.pada,
        hanya_talent_pool=dasar.hanya_talent_pool,
        pemangku=dasar.pemangku,
        pita_talenta=dasar.pita_talenta,
        jumlah=dasar.jumlah,
        jumlah_layak=dasar.jumlah_layak,
        alasan=dasar.alasan,
    )
    p.teratas = _teratas(p, teratas)
    p.keadilan = {**dasar.keadilan, "teratas": merit.keadilan(p.teratas[:10], p.pada)["semua"]}
    if dasar.dicari:
        p.dicari = _jelaskan([h.kandidat for h in dasar.dicari.values()], p)
        _peringkat_dari(p, list(p.dicari.values()))
    return p


def kotak_talenta(pegawai_ids: Collection[int]) -> dict[int, int | None]:
    """Return each employee's talent box as the ranking shows it (jabatan.merit.kotak over
    their IndeksMerit row, with HR's bands): None without an evaluation, an assessment or a
    projection row. Two queries (the bands, the rows) whatever the number."""
    pengaturan = PengaturanTalenta.aktif()
    pita = (pengaturan.pita_kinerja, pengaturan.pita_potensial)
    hasil: dict[int, int | None] = dict.fromkeys(pegawai_ids)
    for pid, p1, p2, jpm_sen in IndeksMerit.objects.filter(pegawai_id__in=list(hasil)).values_list(
        "pegawai_id", "predikat_1", "predikat_2", "jpm_sen"
    ):
        jpm = Decimal(jpm_sen).scaleb(-2) if jpm_sen is not None else None
        hasil[pid] = merit.kotak_dari([p for p in (p1, p2) if p], jpm, *pita)
    return hasil
