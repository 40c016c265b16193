"""The run of an import: read, check, compare with our data, and (when applied) write.

One function, `jalankan`, serves the dry run (preview, nothing written) and the confirmed
import, so what HR saw is what happens. Rows go through in chunks of `POTONG`: the existing
employees of a chunk are read in one query, new and changed ones written by pegawai's own bulk
function (pegawai.impor), placements only through jabatan's placement service, histories through
pegawai.impor.riwayat_impor. The merit projection is rebuilt once, at the end
(pegawai.projection.deferred). A confirmed import is one transaction: all-or-nothing unless HR chose
"the valid rows only", and one audit record (core.audit.record_operation).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from impor import kolom as k
from impor import read
from impor import riwayat as riwayat_lain
from impor.models import PemetaanJabatan, PemetaanUnit
from impor.preview import _PenulisSelisih, _PenulisTolak, _tampil, label_field
from impor.referensi import golongan as golongan_ref
from impor.referensi import pendidikan as pendidikan_ref
from impor.tanggal import tanggal
from impor.validasi import Hasil, Pemeta, gabung, periksa, periksa_model, periksa_riwayat
from jabatan.models import Formasi, Jabatan, Penempatan
from pegawai import kedudukan_hukum as kh
from pegawai.disiplin import JenisHukuman
from pegawai.impor import KOLOM_UBAH, Perubahan, pegawai_impor, per_nip, riwayat_impor
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai, RiwayatPangkat, UnitKerja
from pegawai.nip import normalize_nip
from pegawai.pensiun import tanggal_pensiun

POTONG = 5000  # rows per chunk: one query for their existing employees, one bulk write
CONTOH = 200  # changed/new rows kept for the preview page
GALAT_TAMPIL = 500  # rejected rows kept for the preview page (the file of rejects has them all)


class DibatalkanAdaGalat(Exception):
    """All-or-nothing: rows were rejected, so nothing is kept."""


@dataclass
class Ringkasan:
    total: int = 0
    baru: int = 0
    ubah: int = 0
    sama: int = 0
    tolak: int = 0
    penempatan: int = 0
    # Employees the file says left (pension, death, dismissal) and their active placements
    # ended through jabatan's service (the post becomes vacant).
    berhenti: int = 0
    penempatan_berakhir: int = 0
    # Employees still in service whose kedudukan hukum says they no longer hold the post
    # (pegawai.kedudukan_hukum: tugas belajar, pemberhentian sementara, CLTN, MPP...) and who
    # held one: count per "id label", and their placements ended through the same service.
    lepas: dict[str, int] = field(default_factory=dict)
    lepas_pegawai: int = 0
    lepas_penempatan: int = 0
    # TMT pensiun differing from our rule (pegawai.pensiun): count and the first examples.
    pensiun_beda: int = 0
    contoh_pensiun: list[dict] = field(default_factory=list)
    # SIASN's eselon not matching the kind of the position we map it to (kolom.jenis_dari_eselon).
    eselon_beda: int = 0
    riwayat: dict[str, int] = field(default_factory=dict)
    riwayat_rinci: dict[str, dict[str, int]] = field(default_factory=dict)  # impor.riwayat
    contoh_baru: list[dict] = field(default_factory=list)
    contoh_ubah: list[dict] = field(default_factory=list)
    ditolak: list[dict] = field(default_factory=list)
    unit_asing: dict[str, list] = field(default_factory=dict)
    jabatan_asing: dict[str, list] = field(default_factory=dict)
    diabaikan: list[str] = field(default_factory=list)  # fields read but not used, listed once
    berkas_tolak: str = ""  # CSV of the rejected rows with the reasons
    disentuh: set[int] = field(default_factory=set)  # employees written (the projection's)
    indeks_ditunda: bool = False  # the projection's rebuild was queued as a task
    selisih: _PenulisSelisih | None = None  # reconciliation: every difference, when asked

    def sebagai_dict(self) -> dict:
        d = dict(self.__dict__)
        d.pop("berkas_tolak")
        d.pop("disentuh")
        d.pop("selisih")
        return d


def pemeta() -> Pemeta:
    """HR's saved mappings and our own codes (two small queries)."""
    unit = dict(UnitKerja.objects.values_list("kode", "pk"))
    unit |= dict(PemetaanUnit.objects.values_list("kode_siasn", "unit_kerja_id"))
    jabatan = dict(Jabatan.objects.values_list("kode", "pk"))
    jabatan |= dict(PemetaanJabatan.objects.values_list("kode_siasn", "jabatan_id"))
    return Pemeta(unit, jabatan)


def _nip_ganda(data: bytes, fmt: str) -> tuple[set[str], int]:
    """First pass: the NIPs that occur more than once, and the number of rows."""
    hitung: Counter[str] = Counter()
    n = 0
    for teks in read.nip_saja(data, fmt):
        n += 1
        nip = normalize_nip(teks)
        if nip:
            hitung[nip] += 1
    return {nip for nip, c in hitung.items() if c > 1}, n


def _potong(rows: Iterator[read.Baris], n: int) -> Iterator[list[read.Baris]]:
    chunk: list[read.Baris] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def jalankan(
    data: bytes,
    fmt: str,
    *,
    terapkan: bool = False,
    sebagian: bool = False,
    oleh=None,
    sumber: str = "",
    maju: Callable[[int, int], None] | None = None,
    selisih: bool = False,
) -> Ringkasan:
    """Read and compare the file (a dry run), or apply it (`terapkan`). A file fault raises
    read.BerkasDitolak before anything is written; with rows rejected and not `sebagian`, an
    applied run raises DibatalkanAdaGalat and nothing is kept."""
    ganda, total = _nip_ganda(data, fmt)
    r = Ringkasan(total=total)
    if maju:
        maju(0, total)
    peta = pemeta()
    semua_formasi = list(Formasi.objects.values_list("pk", "jabatan_id", "unit_kerja_id"))
    formasi = {(j, u): pk for pk, j, u in semua_formasi}
    formasi_jabatan = {pk: j for pk, j, _u in semua_formasi}
    jabatan_info = {
        pk: (bup, jenis)
        for pk, bup, jenis in Jabatan.objects.values_list("pk", "batas_usia_pensiun", "jenis")
    }
    tolak = _PenulisTolak()
    if selisih:
        r.selisih = _PenulisSelisih()

    diabaikan: set[str] = set()

    def kerja() -> None:
        selesai = 0
        for chunk in _potong(read.read_rows(data, fmt, diabaikan), POTONG):
            _chunk(
                chunk,
                r,
                peta,
                formasi,
                formasi_jabatan,
                ganda,
                tolak,
                jabatan_info=jabatan_info,
                terapkan=terapkan,
                oleh=oleh,
                sumber=sumber,
            )
            selesai += len(chunk)
            if maju:
                maju(selesai, total)
        if terapkan and r.tolak and not sebagian:
            raise DibatalkanAdaGalat

    if terapkan:
        from pegawai import projection

        def disentuh() -> set[int]:
            # A large import's projection rows are rebuilt by a task queued on commit: at a
            # province's scale the rebuild alone takes longer than the import (BENCH lines).
            if len(r.disentuh) <= projection.BATCH:
                return r.disentuh
            from jabatan.tasks import merit_index_refresh_start

            merit_index_refresh_start(oleh)
            r.indeks_ditunda = True
            return set()

        with transaction.atomic(), projection.deferred(disentuh):
            kerja()
    else:
        kerja()
    r.diabaikan = sorted(diabaikan, key=str.lower)
    r.unit_asing = peta.unit_asing
    r.jabatan_asing = peta.jabatan_asing
    r.berkas_tolak = tolak.buf.getvalue() if r.tolak else ""
    return r


def _chunk(
    chunk,
    r: Ringkasan,
    peta,
    formasi,
    formasi_jabatan,
    ganda,
    tolak,
    *,
    jabatan_info: dict[int, tuple[int, str]],
    terapkan,
    oleh,
    sumber,
) -> None:
    nips = [normalize_nip(b.nilai.get("nipBaru", "")) for b in chunk]
    lama = {
        row["nip"]: row
        for row in per_nip([n for n in nips if n], ("id", "nip", "unit_kerja_id", *KOLOM_UBAH))
    }
    jabatan_kini = _jabatan_kini([row["id"] for row in lama.values()])
    baru: list[dict] = []
    ubah: list[Perubahan] = []
    tempatkan: list[tuple[str, int, date | None, read.Baris]] = []
    riwayat: list[tuple[str, read.Baris]] = []
    berhenti: list[tuple[int, date]] = []
    lepas: dict[int, str] = {}  # employee -> kedudukan hukum that frees their post
    for baris in chunk:
        if baris.kosong:
            h = Hasil(nip="")
            h.salah("", _("Baris kosong di tengah data: hapus baris ini."))
        else:
            h = periksa(baris.nilai, peta)
            h.galat += periksa_riwayat(baris.riwayat)
            h.galat += riwayat_lain.periksa(baris.riwayat, peta, formasi)
        if h.nip in ganda:
            h.salah(
                "nipBaru", _("NIP %(nip)s muncul lebih dari sekali dalam berkas.") % {"nip": h.nip}
            )
        ada = lama.get(h.nip)
        if not h.galat:
            hasil = gabung(h, ada)
            if ada is None:
                hasil["unit_kerja_id"] = h.unit_kerja_id
            periksa_model(h, hasil)
        if h.galat:
            r.tolak += 1
            tolak.tulis(baris, h.galat)
            for kolom, pesan in h.galat:
                if len(r.ditolak) < GALAT_TAMPIL:
                    r.ditolak.append(
                        {"baris": baris.nomor, "nip": h.nip, "kolom": kolom, "alasan": pesan}
                    )
            continue
        fid = formasi.get((h.jabatan_id, h.unit_kerja_id)) if h.jabatan_id else None
        if h.jabatan_id and fid is None:
            _tolak(
                r,
                tolak,
                baris,
                h,
                "jabatanId",
                _("Tidak ada formasi jabatan ini di unit tersebut: buat formasinya dulu."),
            )
            continue
        keluar = hasil["kedudukan"] not in Pegawai.KEDUDUKAN_AKTIF
        # Still in service but not holding the post (tugas belajar, CLTN, MPP...): placed
        # nowhere either, and their posts are freed below like a leaver's.
        melepas = not keluar and not kh.memangku_jabatan(hasil["kedudukan_hukum"])
        # Who leaves is placed nowhere; who was active and leaves frees their posts below.
        pindah = (
            not keluar
            and not melepas
            and fid is not None
            and (ada is None or jabatan_kini.get(ada["id"]) != fid)
        )
        if ada is not None and keluar and ada["kedudukan"] in Pegawai.KEDUDUKAN_AKTIF:
            berhenti.append((ada["id"], hasil["tmt_berhenti"]))
        if ada is not None and melepas:
            lepas[ada["id"]] = hasil["kedudukan_hukum"]
        kini = formasi_jabatan.get(jabatan_kini.get(ada["id"])) if ada else None
        bup, jenis = jabatan_info.get(h.jabatan_id or kini, (None, ""))
        pensiun = _pensiun_beda(r, h, hasil, bup)
        eselon = baris.nilai.get("eselon", "")
        eselon_beda = bool(jenis and k.jenis_dari_eselon(eselon) not in (None, jenis))
        r.eselon_beda += eselon_beda
        if r.selisih is not None:
            _catat_selisih(r.selisih, h, ada, hasil, baris, jabatan_kini, formasi_jabatan)
            if pensiun:
                r.selisih.tulis(h.nip, hasil["nama"], _("TMT pensiun"), *pensiun)
            if eselon_beda:
                r.selisih.tulis(
                    h.nip, hasil["nama"], _("eselon"), eselon, JenisJabatan(jenis).label
                )
        if ada is None:
            r.baru += 1
            baru.append(hasil)
            if len(r.contoh_baru) < CONTOH:
                r.contoh_baru.append(
                    {
                        "baris": baris.nomor,
                        "nip": h.nip,
                        "nama": hasil["nama"],
                        "golongan": _tampil("golongan", hasil["golongan"]),
                    }
                )
        else:
            beda = {f: (ada[f], hasil[f]) for f in KOLOM_UBAH if ada[f] != hasil[f]}
            if beda or pindah:
                r.ubah += 1
                if beda:
                    ubah.append(Perubahan(ada["id"], h.nip, str(hasil["nama"]), beda))
                if len(r.contoh_ubah) < CONTOH:
                    tampil = [
                        (label_field(f), _tampil(f, a), _tampil(f, b)) for f, (a, b) in beda.items()
                    ]
                    if pindah:
                        tampil.append(
                            (label_field("jabatan"), "", baris.nilai.get("jabatanNama", ""))
                        )
                    r.contoh_ubah.append(
                        {"baris": baris.nomor, "nip": h.nip, "nama": hasil["nama"], "beda": tampil}
                    )
            else:
                r.sama += 1
        if pindah:
            tempatkan.append((h.nip, fid, h.tmt_jabatan, baris))
        if any(baris.riwayat.values()):
            riwayat.append((h.nip, baris))
    for _nip, b in riwayat:
        for key, daftar in b.riwayat.items():
            if daftar:
                r.riwayat[key] = r.riwayat.get(key, 0) + len(daftar)
    r.penempatan += len(tempatkan)
    r.berhenti += len(berhenti)

    def lain(ids: dict[str, int]) -> None:
        riwayat_lain.jalankan(
            r,
            riwayat,
            ids,
            peta,
            formasi,
            terapkan=terapkan,
            oleh=oleh,
            tolak=lambda b, nip, kolom, pesan: _tolak(r, tolak, b, Hasil(nip=nip), kolom, pesan),
        )

    if lepas:
        # Only who holds a post now is listed: the placements the import ends.
        ditempatkan = Counter(
            Penempatan.objects.aktif()
            .filter(pegawai_id__in=list(lepas))
            .values_list("pegawai_id", flat=True)
        )
        lepas = {pid: v for pid, v in lepas.items() if pid in ditempatkan}
        r.lepas_pegawai += len(lepas)
        for pid, v in lepas.items():
            r.lepas[kh.nama(v)] = r.lepas.get(kh.nama(v), 0) + 1
            if not terapkan:
                r.lepas_penempatan += ditempatkan[pid]
    if not terapkan:
        if berhenti:
            r.penempatan_berakhir += (
                Penempatan.objects.aktif().filter(pegawai_id__in=[b[0] for b in berhenti]).count()
            )
        lain({nip: row["id"] for nip, row in lama.items()})
        return
    pegawai_impor(baru=baru, ubah=ubah, oleh=oleh, sumber=sumber, dibuat=r.disentuh)
    r.disentuh.update(p.pegawai_id for p in ubah)
    if berhenti:
        r.penempatan_berakhir += _akhiri(b[0] for b in berhenti)
    if lepas:
        r.lepas_penempatan += _akhiri(lepas)
    if tempatkan or riwayat:
        ids = dict(
            Pegawai.objects.filter(
                nip__in=[t[0] for t in tempatkan] + [t[0] for t in riwayat]
            ).values_list("nip", "pk")
        )
        _tempatkan(r, tolak, tempatkan, ids)
        r.disentuh.update(ids.values())
        if riwayat:
            _riwayat(riwayat, ids)
            lain(ids)


def _akhiri(pegawai_ids: Iterable[int]) -> int:
    """Free the posts of the employees who left, or whose kedudukan hukum frees the post,
    through the one service every path of "an employee leaves" calls
    (jabatan.services.pegawai_release_posts), inside the import's transaction; return how many
    placements ended. A leaver's placements end the day before their TMT berhenti and their
    succession entries end; SIASN's data utama carries no TMT of a kedudukan hukum, so such a
    post is vacant from the import's day, when we learn of it, and the talent pool keeps them."""
    from jabatan.services import pegawai_release_posts

    n = 0
    for pegawai in Pegawai.objects.filter(pk__in=list(pegawai_ids)).order_by("pk"):
        n += pegawai_release_posts(pegawai=pegawai)
    return n


def _pensiun_beda(r: Ringkasan, h: Hasil, hasil: dict, batas_usia: int | None):
    """Compare SIASN's tmtPensiun with our rule (pegawai.pensiun: the first of the month after
    the retirement age of the position, UU 20/2023 Pasal 55 jo. PP 11/2017 Pasal 239); count a
    difference on `r` and return (SIASN's, ours) as text, or None. Only for PNS whose position
    we know (the file's, or their current post): without a position there is no age to apply."""
    if not (h.tmt_pensiun and batas_usia and hasil["status"] == Pegawai.Status.PNS):
        return None
    kita = tanggal_pensiun(hasil["tanggal_lahir"], batas_usia)
    if kita == h.tmt_pensiun:
        return None
    r.pensiun_beda += 1
    if len(r.contoh_pensiun) < CONTOH:
        r.contoh_pensiun.append(
            {
                "nip": h.nip,
                "nama": hasil["nama"],
                "siasn": h.tmt_pensiun.isoformat(),
                "kita": kita.isoformat(),
                "bup": batas_usia,
            }
        )
    return _tampil("tmt", h.tmt_pensiun), _tampil("tmt", kita)


def _jabatan_kini(ids: list[int]) -> dict[int, int]:
    """The current definitive post (formasi id) of the employees `ids`. On PostgreSQL the ids
    go as one array parameter: thousands of placeholders cost more than the query."""
    if not ids:
        return {}
    qs = Penempatan.objects.aktif().definitif()
    if connection.vendor == "postgresql":
        qs = qs.filter(pegawai_id__in=RawSQL("SELECT unnest(%s::bigint[])", [ids]))
    else:
        qs = qs.filter(pegawai_id__in=ids)
    return dict(qs.values_list("pegawai_id", "formasi_id"))


def _catat_selisih(w, h, ada, hasil, baris, jabatan_kini, formasi_jabatan) -> None:
    if ada is None:
        w.tulis(h.nip, hasil["nama"], _("pegawai"), _("ada"), _("tidak ada"))
        return
    for f in w.KOLOM:
        if f == "kedudukan_hukum" and kh.sama_arti(ada[f], hasil[f], hasil["kedudukan"]):
            continue  # ours blank, SIASN's "01 Aktif": no difference worth HR's time
        if ada[f] != hasil[f]:
            w.tulis(h.nip, hasil["nama"], label_field(f), _tampil(f, hasil[f]), _tampil(f, ada[f]))
    if h.unit_kerja_id != ada["unit_kerja_id"]:
        w.tulis(
            h.nip,
            hasil["nama"],
            _("unit kerja"),
            baris.nilai.get("unorNama", ""),
            _nama_unit(ada["unit_kerja_id"]),
        )
    kini = formasi_jabatan.get(jabatan_kini.get(ada["id"]))
    if h.jabatan_id and h.jabatan_id != kini:
        w.tulis(
            h.nip,
            hasil["nama"],
            _("jabatan"),
            baris.nilai.get("jabatanNama", ""),
            _nama_jabatan(kini),
        )


def _nama_unit(pk) -> str:
    return UnitKerja.objects.filter(pk=pk).values_list("nama", flat=True).first() or ""


def _nama_jabatan(pk) -> str:
    if not pk:
        return ""
    return Jabatan.objects.filter(pk=pk).values_list("nama", flat=True).first() or ""


def _tolak(
    r: Ringkasan, tolak: _PenulisTolak, baris: read.Baris, h: Hasil, kolom: str, pesan: str
) -> None:
    h.salah(kolom, pesan)
    r.tolak += 1
    tolak.tulis(baris, h.galat)
    if len(r.ditolak) < GALAT_TAMPIL:
        r.ditolak.append({"baris": baris.nomor, "nip": h.nip, "kolom": kolom, "alasan": str(pesan)})


def _tempatkan(r: Ringkasan, tolak, tempatkan, ids) -> None:
    from jabatan.services import penempatan_create

    for nip, fid, tmt, baris in tempatkan:
        pegawai = Pegawai.objects.get(pk=ids[nip])
        try:
            penempatan_create(
                pegawai=pegawai,
                formasi=Formasi(pk=fid),
                tmt_mulai=tmt or timezone.localdate(),
                keterangan=_("Impor data pegawai"),
            )
        except ValidationError as exc:
            h = Hasil(nip=nip)
            _tolak(r, tolak, baris, h, "jabatanId", " ".join(exc.messages))
            r.penempatan -= 1


def _riwayat(riwayat: list[tuple[str, read.Baris]], ids: dict[str, int]) -> None:
    jenis_hukuman = {str(label).lower(): kode for kode, label in JenisHukuman.choices}
    jenis_hukuman |= {kode: kode for kode in JenisHukuman.values}
    pangkat, pendidikan, hukuman = [], [], []
    for nip, b in riwayat:
        pid = ids[nip]
        for g in b.riwayat.get("rw-golongan", []):
            kode = golongan_ref.golongan(g.get("golonganId", ""), g.get("golongan", ""))
            if kode and g.get("tmtGolongan"):
                pangkat.append(
                    {
                        "pegawai_id": pid,
                        "golongan": kode,
                        "tmt_golongan": tanggal(g["tmtGolongan"]),
                        "jenis_kenaikan": RiwayatPangkat.JenisKenaikan.REGULER,
                        "nomor_sk": g.get("skNomor", "")[:100],
                        "tanggal_sk": tanggal(g["skTanggal"]) if g.get("skTanggal") else None,
                    }
                )
        for p in b.riwayat.get("rw-pendidikan", []):
            tingkat = pendidikan_ref.pendidikan(
                p.get("tkPendidikanId", ""), p.get("tkPendidikanNama", "")
            )
            if tingkat and p.get("tahunLulus", "").isdigit():
                pendidikan.append(
                    {
                        "pegawai_id": pid,
                        "tingkat": tingkat,
                        "tahun_lulus": int(p["tahunLulus"]),
                        "jurusan": p.get("pendidikanNama", "")[:150],
                        "nama_institusi": (p.get("namaSekolah") or "-")[:200],
                        "nomor_ijazah": p.get("nomorIjasah", "")[:100],
                    }
                )
        for d in b.riwayat.get("rw-hukdis", []):
            jenis = jenis_hukuman.get(d.get("jenisHukumanNama", "").lower())
            if jenis and d.get("hukumanTanggal") and d.get("skTanggal"):
                hukuman.append(
                    {
                        "pegawai_id": pid,
                        "jenis": jenis,
                        "nomor_sk": d.get("skNomor", "-")[:100],
                        "tanggal_sk": tanggal(d["skTanggal"]),
                        "tmt_mulai": tanggal(d["hukumanTanggal"]),
                    }
                )
    riwayat_impor(pangkat=pangkat, pendidikan=pendidikan, hukuman=hukuman)
