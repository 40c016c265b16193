"""A small organisation with one user per role, shared by the access and browser tests.

Two perangkat daerah, A (with a bidang under it) and B; an employee in each with every kind of
history, a post and a placement; and the five roles of the access issue:
anonymous, Pegawai (self-service, an employee of A), Pimpinan Unit of B (the wrong unit),
Pimpinan Unit of A (the right unit) and Admin BKPSDM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone

from jabatan.models import (
    Formasi,
    Keputusan,
    Penempatan,
    PengaturanPetikan,
    ProfilMerit,
    Suksesor,
    Usulan,
)
from kinerja.models import KinerjaOrganisasi, PengaturanTalenta, Periode, RevisiSkp, Skp
from pegawai import projection
from pegawai.disiplin import JenisHukuman
from pegawai.models import (
    Akses,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
    UnitKerja,
)
from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT
from tests.factories import (
    FormasiFactory,
    PegawaiFactory,
    PenempatanFactory,
    RiwayatPangkatFactory,
    UnitKerjaFactory,
)

SANDI = "sandi-uji-yang-panjang-2026"
ROLES = ("anonim", "pegawai", "pimpinan_lain", "pimpinan", "hr")


@dataclass
class Organisasi:
    kota: UnitKerja
    unit_a: UnitKerja
    bidang_a: UnitKerja
    unit_b: UnitKerja
    pegawai_a: Pegawai  # in bidang A: seen by Pimpinan A and HR, and by themselves
    pegawai_b: Pegawai  # in B
    formasi_a: Formasi
    penempatan_a: Penempatan
    users: dict[str, User | None]


def _histories(pegawai: Pegawai) -> None:
    RiwayatPangkatFactory(pegawai=pegawai, golongan="III/a", tmt_golongan=dt.date(2020, 4, 1))
    RiwayatPendidikan.objects.create(
        pegawai=pegawai,
        tingkat="S1",
        jurusan="Manajemen",
        nama_institusi="Universitas Mataram",
        tahun_lulus=2010,
    )
    HukumanDisiplin.objects.create(
        pegawai=pegawai,
        jenis=JenisHukuman.TEGURAN_LISAN,
        nomor_sk="800/1/2024",
        tanggal_sk=dt.date(2024, 1, 2),
        tmt_mulai=dt.date(2024, 1, 2),
    )
    HasilAsesmen.objects.create(
        pegawai=pegawai,
        tanggal=dt.date(2024, 5, 1),
        metode="ac",
        asesor="UPT Penilaian",
        **dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3),
    )


def _grup(name: str) -> Group:
    """Return the role's group (peran rebuilds the groups after every migrate and flush)."""
    return Group.objects.get(name=name)


def buat_user(username: str, group: str, *, staff: bool, **akses) -> User:
    user = User.objects.create_user(username, password=SANDI, is_staff=staff)
    user.groups.add(_grup(group))
    if akses:
        Akses.objects.create(user=user, **akses)
    return user


def klien(user: User | None, **kwargs) -> Client:
    """A test client (`kwargs`: Client's, e.g. enforce_csrf_checks) logged in as `user`, or
    anonymous for None."""
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client


def buat_organisasi() -> Organisasi:
    # Bulk set-up: one rebuild of the merit projection, not one per save.
    with projection.deferred():
        return _buat_organisasi()


def _buat_organisasi() -> Organisasi:
    kota = UnitKerjaFactory(nama="Pemerintah Kota Mataram", jenis="pemda")
    unit_a = UnitKerjaFactory(nama="Dinas Kesehatan", parent=kota)
    bidang_a = UnitKerjaFactory(nama="Bidang Pelayanan Kesehatan", parent=unit_a, jenis="bidang")
    unit_b = UnitKerjaFactory(nama="Dinas Pendidikan", parent=kota)
    pegawai_a = PegawaiFactory(nama="Baiq Nurul Aini", unit_kerja=bidang_a)
    pegawai_b = PegawaiFactory(nama="Lalu Ahmad Zaini", unit_kerja=unit_b)
    kepala_a = PegawaiFactory(nama="I Made Sudarsana", unit_kerja=unit_a)
    kepala_b = PegawaiFactory(nama="Ni Luh Putu Ayu", unit_kerja=unit_b)
    for p in (pegawai_a, pegawai_b):
        _histories(p)
    formasi_a = FormasiFactory(unit_kerja=bidang_a)
    penempatan_a = PenempatanFactory(pegawai=pegawai_a, formasi=formasi_a)
    periode = Periode.objects.get_or_create(tahun=2025, jenis="tahunan", triwulan=0)[0]
    for p, penilai in ((pegawai_a, kepala_a), (pegawai_b, kepala_b)):
        Skp.objects.create(
            pegawai=p,
            periode=periode,
            penilai=penilai,
            unit_kerja=p.unit_kerja,
            perangkat_daerah=unit_a if p is pegawai_a else unit_b,
            golongan=p.golongan,
            status="final",
            rating_hasil="Sesuai Ekspektasi",
            rating_perilaku="Sesuai Ekspektasi",
            predikat="Baik",
            difinalkan_pada=timezone.now(),
        )
    KinerjaOrganisasi.objects.create(unit_kerja=unit_a, tahun=2025, predikat="Baik")
    PenempatanFactory(pegawai=pegawai_b, formasi=FormasiFactory(unit_kerja=unit_b))
    users: dict[str, User | None] = {
        "anonim": None,
        "pegawai": buat_user("pegawai", PEGAWAI, staff=False, pegawai=pegawai_a),
        "pimpinan_lain": buat_user(
            "pimpinan.lain", PIMPINAN_UNIT, staff=True, unit_kerja=unit_b, pegawai=kepala_b
        ),
        "pimpinan": buat_user(
            "pimpinan", PIMPINAN_UNIT, staff=True, unit_kerja=unit_a, pegawai=kepala_a
        ),
        "hr": buat_user("hr.bkpsdm", ADMIN_BKPSDM, staff=True),
    }
    return Organisasi(
        kota, unit_a, bidang_a, unit_b, pegawai_a, pegawai_b, formasi_a, penempatan_a, users
    )


def _survei(org: Organisasi) -> dict[str, object]:
    """A service unit of unit A with one response, its comment and a counter kiosk (the public
    survey)."""
    from survei.models import ButirSurveiPegawai, KiosSkm, KomentarSkm, ResponSkm, UnitLayanan

    unit = UnitLayanan.objects.create(unit_kerja=org.bidang_a, kode="layanan-a")
    # Seeded by a data migration, which a transactional test's flush may have emptied.
    butir, _baru = ButirSurveiPegawai.objects.get_or_create(
        nomor=1, defaults={"pertanyaan": "Saya puas.", "dimensi": "kepuasan", "sumber": "Uji"}
    )
    respon = ResponSkm.objects.create(unit=unit, **{k: 4 for k in ResponSkm.KOLOM})
    komentar = KomentarSkm.objects.create(respon=respon, unit=unit, teks="Bagus")
    kios = KiosSkm.objects.create(unit=unit, nama="Tablet", token_hash=KiosSkm.sidik("uji"))
    from publik.models import HasilTahap, Pelamar, Seleksi, Tahap

    hr = org.users["hr"]
    seleksi = Seleksi.objects.create(judul="Seleksi", nomor_pengumuman="1", dibuka_oleh=hr)
    seleksi.formasi.set([org.formasi_a])
    # Announced from 1 January 2026: public from then on (SeleksiQuerySet.terbit).
    Tahap.objects.create(
        seleksi=seleksi, jenis="pengumuman", urutan=1, mulai="2026-01-01", selesai="2026-01-01"
    )
    tahap = Tahap.objects.create(
        seleksi=seleksi, jenis="administrasi", urutan=3, mulai="2026-01-02", selesai="2026-01-03"
    )
    pelamar = Pelamar.objects.create(seleksi=seleksi, formasi=org.formasi_a, pegawai=org.pegawai_a)
    hasil = HasilTahap.objects.create(tahap=tahap, pelamar=pelamar, lulus=True, dicatat_oleh=hr)
    return {
        "survei.unitlayanan": unit,
        "survei.responskm": respon,
        "survei.komentarskm": komentar,
        "survei.kiosskm": kios,
        "survei.butirsurveipegawai": butir,
        "publik.seleksi": seleksi,
        "publik.tahap": tahap,
        "publik.pelamar": pelamar,
        "publik.hasiltahap": hasil,
    }


def _pemetaan(org: Organisasi) -> dict[str, object]:
    """HR's saved SIASN mappings (impor): a unit and a position."""
    from impor.models import PemetaanJabatan, PemetaanUnit

    return {
        "impor.pemetaanunit": PemetaanUnit.objects.create(
            kode_siasn="A5EB03E2", nama_siasn="DINAS KESEHATAN", unit_kerja=org.unit_a
        ),
        "impor.pemetaanjabatan": PemetaanJabatan.objects.create(
            kode_siasn="8ae483c6", nama_siasn="ANALIS", jabatan=org.formasi_a.jabatan
        ),
    }


# Objects of unit A per model, for the URLs that take an id.
def _objek_pelatihan(org: Organisasi) -> dict[str, object]:
    from pelatihan.models import PelatihanEksternal, Peserta, Program, RencanaPengembangan, Sesi

    program = Program.objects.create(
        kode="UJI",
        nama="Pelatihan Uji",
        jenis="klasikal",
        bentuk="pelatihan",
        kelompok="teknis",
        sifat="hard",
        jumlah_jp=20,
    )
    sesi = Sesi.objects.create(
        program=program,
        nama="Angkatan I",
        tanggal_mulai=dt.date(2026, 3, 2),
        tanggal_selesai=dt.date(2026, 3, 6),
        moda="daring",
        kapasitas=10,
        penyelenggara="bkpsdm",
    )
    return {
        "pelatihan.program": program,
        "pelatihan.sesi": sesi,
        "pelatihan.peserta": Peserta.objects.create(sesi=sesi, pegawai=org.pegawai_a),
        "pelatihan.pelatihaneksternal": PelatihanEksternal.objects.create(
            pegawai=org.pegawai_a,
            nama="Webinar",
            penyelenggara="Kominfo",
            kelompok="teknis",
            tanggal_mulai=dt.date(2026, 1, 5),
            tanggal_selesai=dt.date(2026, 1, 5),
            jumlah_jp=4,
            nomor_sertifikat="K/1",
            # A file under the name uploads had before random names (pelatihan.bukti).
            bukti=default_storage.save("pelatihan/bukti/2026/uji.pdf", ContentFile(b"%PDF-1.4")),
            tahun_jp=2026,
        ),
        "pelatihan.rencanapengembangan": RencanaPengembangan.objects.create(
            tahun=2026, unit_kerja=org.bidang_a
        ),
    }


def _sistem_merit(org: Organisasi) -> dict[str, object]:
    """A small instrument (tests/sistem_merit/bantu.py), a year's assessment of it and a
    document kept with one of its answers (the merit-system index)."""
    from sistem_merit import services
    from sistem_merit.models import DokumenBukti
    from tests.sistem_merit import bantu

    hr = org.users["hr"]
    instrumen = bantu.buat(bantu.data_2018())
    penilaian = services.penilaian_create(
        instrumen=instrumen, tahun=2025, tanggal_data=dt.date(2025, 12, 31), oleh=hr
    )
    jawaban = penilaian.jawaban.select_related("kriteria__aspek").order_by("pk").first()
    dokumen = DokumenBukti.objects.create(
        jawaban=jawaban,
        berkas=default_storage.save("sistem-merit/uji.pdf", ContentFile(b"%PDF-1.4")),
        nama="SK tim",
        jenis_berkas="application/pdf",
        diunggah_oleh=hr,
    )
    return {
        "sistem_merit.instrumen": instrumen,
        "sistem_merit.aspek": jawaban.kriteria.aspek,
        "sistem_merit.kriteria": jawaban.kriteria,
        "sistem_merit.penilaian": penilaian,
        "sistem_merit.jawabankriteria": jawaban,
        "sistem_merit.dokumenbukti": dokumen,
    }


def objek_unit_a(org: Organisasi) -> dict[str, object]:
    from auditlog.models import LogEntry
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from pegawai.models import BidangStudi, CatatanEkspor, RumpunIlmu, UrusanPemerintahan

    hr = org.users["hr"]
    org.pegawai_a.save()  # an audit entry to look at
    pelatihan = _objek_pelatihan(org)
    return {
        **pelatihan,
        "pegawai.unitkerja": org.bidang_a,
        "pegawai.bidangstudi": BidangStudi.objects.create(kode="MAN", nama="Manajemen"),
        "pegawai.rumpunilmu": RumpunIlmu.objects.order_by("pk").first(),
        "pegawai.urusanpemerintahan": UrusanPemerintahan.objects.order_by("pk").first(),
        "pegawai.pegawai": org.pegawai_a,
        "pegawai.riwayatpangkat": RiwayatPangkat.objects.filter(pegawai=org.pegawai_a).first(),
        "pegawai.riwayatpendidikan": org.pegawai_a.riwayat_pendidikan.first(),
        "pegawai.hukumandisiplin": org.pegawai_a.hukuman_disiplin.first(),
        "pegawai.hasilasesmen": org.pegawai_a.asesmen.first(),
        "pegawai.akses": Akses.objects.get(user=org.users["pimpinan"]),
        "pegawai.catatanekspor": CatatanEkspor.objects.create(
            user=hr, data="pegawai.pegawai", jumlah_baris=1
        ),
        "jabatan.jabatan": org.formasi_a.jabatan,
        "jabatan.formasi": org.formasi_a,
        "jabatan.penempatan": org.penempatan_a,
        "jabatan.profilmerit": ProfilMerit.objects.get(jenis_jabatan="PELAKSANA"),
        "jabatan.usulan": Usulan.objects.create(
            formasi=org.formasi_a, pegawai=org.pegawai_a, diusulkan_oleh=hr, urutan=1
        ),
        "jabatan.keputusan": Keputusan.objects.create(
            formasi=org.formasi_a,
            pegawai=org.pegawai_a,
            penempatan=org.penempatan_a,
            nomor_sk="821/1/2026",
            tanggal_sk=org.penempatan_a.tmt_mulai,
            tmt=org.penempatan_a.tmt_mulai,
            metode="talent_pool",
            peringkat_terpilih=1,
            snapshot={},
            aturan_versi="uji",
            oleh=hr,
        ),
        "jabatan.suksesor": Suksesor.objects.create(
            formasi=org.formasi_a,
            pegawai=org.pegawai_a,
            kesiapan="sekarang",
            urutan=1,
            tanggal_penetapan=org.penempatan_a.tmt_mulai,
            ditetapkan_oleh=hr,
        ),
        "auth.user": hr,
        "kinerja.periode": Periode.objects.get(tahun=2025),
        "kinerja.skp": Skp.objects.get(pegawai=org.pegawai_a),
        "kinerja.kinerjaorganisasi": KinerjaOrganisasi.objects.get(unit_kerja=org.unit_a),
        "kinerja.pengaturantalenta": PengaturanTalenta.aktif(),
        "jabatan.pengaturanpetikan": PengaturanPetikan.aktif(),
        "kinerja.revisiskp": RevisiSkp.objects.create(
            skp=Skp.objects.get(pegawai=org.pegawai_a),
            alasan="Salah ketik",
            rating_hasil_lama="Sesuai Ekspektasi",
            rating_perilaku_lama="Sesuai Ekspektasi",
            predikat_lama="Baik",
            predikat_baru="Baik",
            oleh=hr,
        ),
        **_survei(org),
        **_pemetaan(org),
        **_sistem_merit(org),
        "auth.group": Group.objects.get(name=ADMIN_BKPSDM),
        "auditlog.logentry": LogEntry.objects.order_by("-pk").first(),
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="127.0.0.9", user_agent="t", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(
            username="x", ip_address="127.0.0.9", user_agent="t"
        ),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="127.0.0.9", user_agent="t"
        ),
    }


def hr_tanpa(*izin: str) -> User:
    """A staff login of every unit holding the Admin BKPSDM group's permissions except `izin`
    ("app_label.codename"): HR who may open a page but not one action on it."""
    user = User.objects.create_user(f"hr.tanpa.{len(User.objects.all())}", is_staff=True)
    kecuali = {tuple(i.split(".")) for i in izin}
    user.user_permissions.set(
        p
        for p in _grup(ADMIN_BKPSDM).permissions.select_related("content_type")
        if (p.content_type.app_label, p.codename) not in kecuali
    )
    return user
