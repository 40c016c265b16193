"""The merit ranking: who may fill a vacant post, how well each fits, and why.

A pure module (docs/gaya.md): dataclasses in, ordered explained results out; no ORM. The
selector in jabatan/selectors.py loads the inputs in a fixed number of queries, and the decision
service freezes the result with `ATURAN_VERSI`.

Rules (docs/aturan.md; UU 20/2023 on the merit system, PP 11/2017 jo. PP 17/2020):
- eligibility is hard: each rule has a stable code, an Indonesian message, and, when time alone
  resolves it (a sanction ending, years of experience accruing), the date from which it passes;
- the score is soft: six components on 0–100, weighted by the merit profile of the position kind;
- ties follow the DUK order (Daftar Urut Kepangkatan, PP 11/2017 jo. Peraturan BKN on DUK):
  rank, TMT of rank, years of service, leadership training, education, age — then NIP, so the
  same data always gives the same order."""

from jabatan.merit import jpt, pengembangan, relevansi
from jabatan.merit.base import (
    ATURAN_VERSI,
    DUA,
    KOMPONEN,
    LABEL_ALASAN,
    LABEL_KOMPONEN,
    LABEL_KOMPONEN_SINGKAT,
    PENGALAMAN,
    PREDIKAT_LULUS,
    SISA_MASA_KERJA_BULAN,
    TAHUN_INTEGRITAS,
    Alasan,
    Bobot,
    Hasil,
    Hukuman,
    Kandidat,
    Syarat,
    _usia,
    hari_minimal,
    hari_pengalaman,
    tahun_dari_hari,
    tambah_tahun,
)
from jabatan.merit.kelayakan import kelayakan
from jabatan.merit.skor import komponen, kotak, kotak_dari, kunci_duk, nilai_pengalaman, skor
from jabatan.merit.urutan import dengan_bobot, hitung_alasan, keadilan, peringkat, pita_usia

__all__ = [
    "ATURAN_VERSI",
    "DUA",
    "KOMPONEN",
    "LABEL_ALASAN",
    "LABEL_KOMPONEN",
    "LABEL_KOMPONEN_SINGKAT",
    "PENGALAMAN",
    "PREDIKAT_LULUS",
    "SISA_MASA_KERJA_BULAN",
    "TAHUN_INTEGRITAS",
    "Alasan",
    "Bobot",
    "Hasil",
    "Hukuman",
    "Kandidat",
    "Syarat",
    "_usia",
    "dengan_bobot",
    "hari_minimal",
    "hari_pengalaman",
    "hitung_alasan",
    "jpt",
    "keadilan",
    "kelayakan",
    "komponen",
    "kotak",
    "kotak_dari",
    "kunci_duk",
    "nilai_pengalaman",
    "pengembangan",
    "peringkat",
    "pita_usia",
    "relevansi",
    "skor",
    "tahun_dari_hari",
    "tambah_tahun",
]
