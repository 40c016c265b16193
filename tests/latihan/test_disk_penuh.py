"""Drill: the disk fills while uploads are saved (issue 22, "Faults").

    CI=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/mataram_asn \\
        .venv/bin/python -m pytest -p no:cacheprovider tests/latihan/test_disk_penuh.py -s

A PostgreSQL cluster and a Redis of the drill's own, the app under gunicorn as
mataram-asn-web.service runs it, its MEDIA_ROOT (certificates) and TMPDIR (where Django spools
large uploads) on a real 1 MB tmpfs. Public traffic runs throughout. The disk is filled to
100 KB free, then through HTTP, as a browser does:

- an employee uploads a 400 KB training certificate: the form comes back saying the server's
  storage is full, no row is recorded, no file (whole or partial) is on the disk;
- HR uploads a 3 MB import file (spooled to TMPDIR): a 507 page saying the same, no import
  recorded, no temporary file left;
- the disk freed, the same certificate is saved whole.
"""

from __future__ import annotations

import time

import pytest

from tests.latihan.alat import (
    Lalu,
    berkas_di,
    disk_kecil,
    gunicorn,
    isi_disk,
    kirim_berkas,
    postgres_sendiri,
    redis_sendiri,
    sesi_masuk,
    siapkan,
    tulis_hasil,
    tumpukan,
)

pytestmark = [pytest.mark.latihan, pytest.mark.postgres, pytest.mark.lambat]

PESAN = "Ruang penyimpanan server penuh: berkas tidak tersimpan dan tidak ada yang berubah."
SERTIFIKAT = {
    "nama": "Kursus Python",
    "penyelenggara": "Digitalent",
    "kelompok": "teknis",
    "tanggal_mulai": "2026-01-05",
    "tanggal_selesai": "2026-01-09",
    "jumlah_jp": "16",
    "nomor_sertifikat": "DTS/1",
}
ORGANISASI = "from tests.akses_data import buat_organisasi; buat_organisasi()"


def test_a_full_disk_refuses_uploads_in_words_and_leaves_nothing_half_written(tmp_path):
    with postgres_sendiri() as pg, redis_sendiri() as redis, disk_kecil("1m") as disk:
        (disk / "tmp").mkdir()
        t = tumpukan(tmp_path, pg, redis)
        env = siapkan(t, MEDIA_ROOT=str(disk / "media"), TMPDIR=str(disk / "tmp"))
        t.manage(env, "shell", "-c", ORGANISASI)  # tests.akses_data: units, people, roles
        pegawai = sesi_masuk(t, env, "pegawai")
        hr = sesi_masuk(t, env, "hr.bkpsdm")

        def hitung(tabel: str) -> int:
            return t.sql(f"SELECT count(*) FROM {tabel}")[0][0]

        hasil: dict = {}
        with gunicorn(t, env) as port, Lalu(port, ["/transparansi/", "/"], n=1) as lalu:
            time.sleep(2)
            lalu.ke("disk_penuh")
            isi_disk(disk, sisa=100_000)
            sertifikat = ("bukti", "sertifikat.pdf", b"%PDF-1.4\n" + b"0" * 400_000)
            status, body = kirim_berkas(
                port,
                "/pelatihan/saya/eksternal/",
                "/pelatihan/saya/",
                pegawai,
                SERTIFIKAT,
                sertifikat,
            )
            hasil["sertifikat_saat_penuh"] = {
                "status": status,
                "pesan_tampil": PESAN in body,
                "baris": hitung("pelatihan_pelatihaneksternal"),
                "berkas_di_disk": berkas_di(disk),
            }
            besar = ("berkas", "siasn.csv", b"nipBaru;nama\n" + b"1;x\n" * 800_000)
            status, body = kirim_berkas(port, "/impor/unggah/", "/impor/", hr, {}, besar)
            hasil["impor_saat_penuh"] = {
                "status": status,
                "pesan_tampil": PESAN in body,
                "baris": hitung("impor_impor"),
                "berkas_di_disk": berkas_di(disk),
            }
            lalu.ke("disk_lega")
            (disk / "pengisi").unlink()
            status, body = kirim_berkas(
                port,
                "/pelatihan/saya/eksternal/",
                "/pelatihan/saya/",
                pegawai,
                SERTIFIKAT,
                sertifikat,
            )
            hasil["sertifikat_setelah_lega"] = {
                "status": status,
                "baris": hitung("pelatihan_pelatihaneksternal"),
                "berkas_di_disk": berkas_di(disk),
            }
            ukuran = [(disk / b).stat().st_size for b in berkas_di(disk)]
            time.sleep(1)
    hasil["publik"] = lalu.ringkas()
    p, i, s = (
        hasil["sertifikat_saat_penuh"],
        hasil["impor_saat_penuh"],
        hasil["sertifikat_setelah_lega"],
    )
    lulus = {
        "sertifikat: pesan di formulir, tanpa baris, tanpa berkas": p
        == {"status": 400, "pesan_tampil": True, "baris": 0, "berkas_di_disk": []},
        "impor: halaman 507, tanpa baris, tanpa berkas sementara": i
        == {"status": 507, "pesan_tampil": True, "baris": 0, "berkas_di_disk": []},
        "setelah lega: tersimpan utuh": s["status"] == 302
        and s["baris"] == 1
        and ukuran == [len(sertifikat[2])],
        "halaman publik tetap 200": all(set(c) == {"200"} for c in hasil["publik"].values()),
    }
    hasil["lulus"] = lulus
    tulis_hasil("disk_penuh", hasil)
    assert all(lulus.values()), lulus
