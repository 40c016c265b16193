"""The invariants of kinerja live in the database: a raw write (queryset .update(), bulk_create,
SQL) that breaks one is refused with IntegrityError, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kinerja import rules
from kinerja.models import (
    KinerjaOrganisasi,
    PengaturanTalenta,
    Periode,
    RencanaHasilKerja,
    RevisiSkp,
    Skp,
)
from tests.factories import PegawaiFactory, PeriodeFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db
PANJANG = "x" * 2001


@pytest.fixture
def data(django_user_model):
    dinas = UnitKerjaFactory()
    pegawai = PegawaiFactory(unit_kerja=dinas)
    skp = Skp.objects.create(
        pegawai=pegawai,
        periode=PeriodeFactory(),
        unit_kerja=dinas,
        perangkat_daerah=dinas,
        golongan=pegawai.golongan,
        status=Skp.Status.FINAL,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        predikat=rules.BAIK,
        difinalkan_pada=timezone.now(),
    )
    return {
        "skp": skp,
        "periode": skp.periode,
        "rencana": RencanaHasilKerja.objects.create(
            skp=skp, hasil_kerja="Layanan", indikator="Cakupan", target="95%"
        ),
        "revisi": RevisiSkp.objects.create(
            skp=skp,
            alasan="Salah ketik",
            rating_hasil_lama=rules.SESUAI,
            rating_perilaku_lama=rules.SESUAI,
            predikat_lama=rules.BAIK,
            predikat_baru=rules.BAIK,
            oleh=django_user_model.objects.create_user("hr"),
        ),
        "organisasi": KinerjaOrganisasi.objects.create(
            unit_kerja=dinas, tahun=2026, predikat=rules.BAIK
        ),
    }


def _ditolak(constraint: str | None, write) -> None:
    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        write()
    if constraint:  # both engines name the CHECK that failed
        assert constraint in str(exc.value)


# (object, update, the constraint that refuses it)
UPDATE = [
    ("skp", {"difinalkan_pada": None}, "skp_final_punya_tanggal"),
    ("skp", {"status": "selesai"}, "skp_status_pilihan"),
    ("skp", {"golongan": "V/z"}, "skp_golongan_pilihan"),
    ("skp", {"jenis_jabatan": "RAJA"}, "skp_jenis_jabatan_pilihan"),
    ("skp", {"rating_hasil": "Hebat"}, "skp_rating_hasil_pilihan"),
    ("skp", {"rating_perilaku": "di atas ekspektasi"}, "skp_rating_perilaku_pilihan"),
    ("skp", {"predikat": "Luar Biasa"}, "skp_predikat_pilihan"),
    ("skp", {"catatan_perilaku": PANJANG}, "skp_catatan_perilaku_panjang"),
    ("skp", {"catatan_penilai": PANJANG}, "skp_catatan_penilai_panjang"),
    # Any other kind also breaks the older triwulan CHECK; which one an engine names varies.
    ("periode", {"jenis": "bulanan"}, None),
    ("organisasi", {"predikat": "Hebat"}, "kinerjaorganisasi_predikat_pilihan"),
    ("rencana", {"bukti": PANJANG}, "rencanahasilkerja_bukti_panjang"),
    ("revisi", {"predikat_baru": "Hebat"}, "revisiskp_predikat_baru_pilihan"),
    ("revisi", {"predikat_lama": ""}, "revisiskp_predikat_lama_pilihan"),
    ("revisi", {"rating_hasil_lama": "Hebat"}, "revisiskp_rating_hasil_lama_pilihan"),
    ("revisi", {"rating_perilaku_lama": ""}, "revisiskp_rating_perilaku_lama_pilihan"),
    ("revisi", {"alasan": PANJANG}, "revisiskp_alasan_panjang"),
]


@pytest.mark.parametrize(("objek", "update", "constraint"), UPDATE)
def test_a_raw_update_breaking_an_invariant_is_refused(data, objek, update, constraint):
    obj = data[objek]
    _ditolak(constraint, lambda: type(obj).objects.filter(pk=obj.pk).update(**update))
    obj.refresh_from_db()
    assert all(getattr(obj, k) != v for k, v in update.items())


def test_the_period_kind_has_its_own_check(data):
    names = connection.introspection.get_constraints(connection.cursor(), Periode._meta.db_table)
    assert "periode_jenis_pilihan" in names


@pytest.mark.parametrize("kosong", ["jenis_jabatan", "rating_hasil", "rating_perilaku"])
def test_blank_stays_allowed_where_the_field_is_optional(data, kosong):
    skp = data["skp"]
    if kosong != "jenis_jabatan":
        Skp.objects.filter(pk=skp.pk).update(status=Skp.Status.DRAFT, difinalkan_pada=None)
    Skp.objects.filter(pk=skp.pk).update(**{kosong: ""})


def test_a_final_skp_without_its_date_is_refused_by_bulk_create_and_sql(data):
    skp = data["skp"]
    lain = PegawaiFactory(unit_kerja=skp.unit_kerja)
    baru = Skp(
        pegawai=lain,
        periode=skp.periode,
        unit_kerja=skp.unit_kerja,
        perangkat_daerah=skp.unit_kerja,
        golongan=lain.golongan,
        status=Skp.Status.FINAL,
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        predikat=rules.BAIK,
    )
    _ditolak("skp_final_punya_tanggal", lambda: Skp.objects.bulk_create([baru]))

    def sql():
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Skp._meta.db_table} SET difinalkan_pada = NULL WHERE id = %s", [skp.pk]
            )

    _ditolak("skp_final_punya_tanggal", sql)
    assert Skp.objects.filter(status=Skp.Status.FINAL, difinalkan_pada__isnull=True).count() == 0


def test_there_is_one_talent_settings_row(data):
    pita = PengaturanTalenta.bawaan()
    assert PengaturanTalenta.objects.filter(pk=1).exists()  # the data migration's row
    kedua = PengaturanTalenta(pk=2, **pita)
    _ditolak(
        "pengaturan_talenta_satu_baris", lambda: PengaturanTalenta.objects.bulk_create([kedua])
    )
    satu = PengaturanTalenta.objects.filter(pk=1)
    _ditolak("pengaturan_talenta_satu_baris", lambda: satu.update(id=2))
    assert list(PengaturanTalenta.objects.values_list("pk", flat=True)) == [1]
