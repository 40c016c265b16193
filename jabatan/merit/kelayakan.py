"""Who may be appointed: a post's requirements, each failure with its reason and the day it
passes."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from jabatan.merit import jpt, pengembangan
from jabatan.merit.base import (
    PENGALAMAN,
    PREDIKAT_LULUS,
    SISA_MASA_KERJA_BULAN,
    Alasan,
    Kandidat,
    Syarat,
    hari_minimal,
    hari_pengalaman,
    tahun_dari_hari,
)
from pegawai import golongan as gol
from pegawai import kedudukan_hukum as kh
from pegawai.bulan import calendar_months
from pegawai.disiplin import (
    berakhir_menghalangi,
    menghalangi_promosi,
)
from pegawai.jenis_jabatan import MANAJERIAL
from pegawai.pensiun import tanggal_pensiun
from pelatihan import rules as pelatihan_rules


def _pesan_pensiun(pensiun: date, batas_usia: int, pada: date) -> str:
    """Explain the retirement reason by the target post's retirement age, which may differ
    from the one of the employee's current position (shown elsewhere): UU 20/2023 Pasal 55."""
    konteks = {
        "u": batas_usia,
        "t": date_format(pensiun, "j F Y"),
        "b": SISA_MASA_KERJA_BULAN,
    }
    if pensiun <= pada:
        # The age was reached in an earlier month: the post's limit is already behind them.
        pesan = _(
            "Batas usia pensiun jabatan yang dituju %(u)s tahun (UU 20/2023 Pasal 55) sudah "
            "terlampaui: menurut jabatan ini pensiun sejak %(t)s."
        )
    else:
        pesan = _(
            "Batas usia pensiun jabatan yang dituju %(u)s tahun (UU 20/2023 Pasal 55): menurut "
            "jabatan ini pensiun %(t)s, kurang dari %(b)s bulan lagi."
        )
    return pesan % konteks


def _pesan_bidang(k: Kandidat, s: Syarat) -> str:
    """Explain BIDANG_STUDI: the fields or families the position requires and the rule that
    requires them (e.g. Permenkes 49/2016 for a health office's head), and the candidate's."""
    nama = s.nama_bidang.get(k.bidang_studi) if k.bidang_studi is not None else None
    konteks = {"b": nama or _("tidak tercatat")}
    if not s.bidang_wajib:
        return _("Bidang studi %(b)s tidak termasuk yang diterima jabatan.") % konteks
    return _(
        "Jabatan ini mensyaratkan bidang studi %(w)s (%(d)s); bidang studi pegawai: %(b)s."
    ) % {
        **konteks,
        "w": ", ".join(s.bidang_wajib),
        "d": s.dasar_bidang_studi or _("persyaratan jabatan"),
    }


def kelayakan(k: Kandidat, s: Syarat, pada: date) -> list[Alasan]:
    """Return the reasons the candidate may not fill the post on `pada` (empty: eligible)."""
    alasan: list[Alasan] = []
    if not k.aktif:
        alasan.append(Alasan("TIDAK_AKTIF", _("Bukan pegawai berkedudukan aktif.")))
    if k.kedudukan_hukum in kh.TIDAK_DIPERINGKAT:
        # Tugas belajar, pemberhentian sementara, CLTN, MPP, a pending appeal: the table of
        # pegawai.kedudukan_hukum, each with its regulation.
        alasan.append(
            Alasan(
                "KEDUDUKAN_HUKUM",
                _("Kedudukan hukum %(k)s: tidak dapat diperingkat untuk jabatan (%(d)s).")
                % {"k": kh.nama(k.kedudukan_hukum), "d": kh.ID[k.kedudukan_hukum].dasar},
            )
        )
    if s.jenis_jabatan in MANAJERIAL and k.status != "PNS":
        alasan.append(
            Alasan(
                "STATUS",
                _("Jabatan manajerial diisi PNS (UU 20/2023 Pasal 13–18); pegawai ini PPPK."),
            )
        )
    if s.golongan_minimal and gol.urutan(k.golongan) < gol.urutan(s.golongan_minimal):
        alasan.append(
            Alasan(
                "GOLONGAN",
                _("%(g)s di bawah golongan minimal %(m)s.")  # g: "Golongan IX" for a PPPK
                % {"g": gol.label(k.golongan), "m": gol.label(s.golongan_minimal)},
            )
        )
    if k.pendidikan < s.pendidikan_minimal:
        alasan.append(Alasan("PENDIDIKAN", _("Pendidikan di bawah pendidikan minimal jabatan.")))
    if s.bidang_studi and k.bidang_studi not in s.bidang_studi:
        alasan.append(Alasan("BIDANG_STUDI", _pesan_bidang(k, s)))
    # The one rule of pegawai.disiplin (PP 94/2021), as the SQL ranking reads it.
    berjalan = [h for h in k.hukuman if menghalangi_promosi(h.jenis, h.mulai, h.selesai, pada)]
    if berjalan:
        # Passes the day after the last running sanction ends; never by time when one is open
        # (or a dismissal).
        akhir_semua = [berakhir_menghalangi(h.jenis, h.selesai) for h in berjalan]
        akhir = None if None in akhir_semua else max(akhir_semua)
        alasan.append(
            Alasan(
                "HUKUMAN_DISIPLIN",
                _("Sedang menjalani hukuman disiplin tingkat sedang/berat (PP 94/2021)."),
                date.fromordinal(akhir.toordinal() + 1) if akhir else None,
            )
        )
    pensiun = tanggal_pensiun(k.tanggal_lahir, s.batas_usia_pensiun)
    if s.jenis_jabatan in jpt.ATURAN:
        alasan += jpt.alasan(k, s, pada)
    elif calendar_months(pada, pensiun) < SISA_MASA_KERJA_BULAN:
        alasan.append(Alasan("MASA_PENSIUN", _pesan_pensiun(pensiun, s.batas_usia_pensiun, pada)))
    if s.jenis_jabatan in PENGALAMAN:
        tahun, jenis = PENGALAMAN[s.jenis_jabatan]
        punya = hari_pengalaman(k, pada, jenis)
        perlu = hari_minimal(tahun)
        if punya < perlu:
            # Time resolves it when the current post counts: it accrues day by day.
            berjalan = k.jabatan_kini in jenis and k.jabatan_kini_mulai is not None
            lulus = date.fromordinal(pada.toordinal() + perlu - punya) if berjalan else None
            alasan.append(
                Alasan(
                    "PENGALAMAN",
                    _("Pengalaman jabatan terkait %(p)s tahun; minimal %(m)s tahun.")
                    % {"p": number_format(tahun_dari_hari(punya), 2), "m": tahun},
                    lulus,
                )
            )
    if s.kepemimpinan_syarat and not pengembangan.memenuhi(k, s):
        alasan.append(
            Alasan(
                "KEPEMIMPINAN",
                _(
                    "Belum lulus %(p)s, yang disyaratkan profil merit jabatan ini; program yang "
                    "memenuhinya: %(n)s."
                )
                % {
                    "p": pelatihan_rules.SINGKATAN[pengembangan.wajib(s.jenis_jabatan)],
                    "n": pengembangan.nama_program(s),
                },
            )
        )
    terakhir = k.predikat_tahunan[:2]
    if len(terakhir) < 2 or not set(terakhir) <= PREDIKAT_LULUS:
        alasan.append(
            Alasan(
                "KINERJA",
                _(
                    "Predikat kinerja dua tahun terakhir: %(p)s; keduanya harus minimal Baik "
                    "(PermenPANRB 6/2022)."
                )
                % {"p": ", ".join([*terakhir, *[_("belum dinilai")] * (2 - len(terakhir))])},
            )
        )
    return alasan
