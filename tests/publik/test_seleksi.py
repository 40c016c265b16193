"""The open selection for JPT posts (PermenPANRB 15/2019), end to end from opening to the
decision on the transparency page; the clear errors on wrong dates, early results and
ineligible applicants; the employee's page from /saya/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Keputusan, Usulan
from jabatan.services import keputusan_create
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Akses
from publik.models import URUTAN_TAHAP, JenisTahap, Pelamar, Pengumuman, Seleksi
from publik.services import (
    seleksi_apply,
    seleksi_propose,
    tahap_announce,
    tahap_record_hasil,
)
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    PenempatanFactory,
)
from tests.publik.bantu import JADWAL, PANITIA, buka

pytestmark = pytest.mark.django_db
D = dt.date


def test_an_open_selection_from_opening_to_the_decision_on_the_transparency_page(
    client, jpt, hr_user
):
    seleksi = buka(jpt, hr_user)
    tahap = {t.jenis: t for t in seleksi.tahap.all()}
    tahap_announce(tahap=tahap["pengumuman"], pada=D(2026, 10, 1), oleh=hr_user)
    pelamar = [
        seleksi_apply(seleksi=seleksi, formasi=jpt["formasi"], pegawai=p, pada=D(2026, 10, 10))
        for p in jpt["calon"]
    ]
    tahap_announce(tahap=tahap["pendaftaran"], pada=D(2026, 10, 15), oleh=hr_user)
    # Everyone passes the administrative check; the fourth fails the competency assessment.
    nilai = {pelamar[0].pk: "90", pelamar[1].pk: "85", pelamar[2].pk: "80", pelamar[3].pk: "60"}
    for jenis in URUTAN_TAHAP[2:]:
        t = tahap[jenis]
        ikut = pelamar if jenis == "administrasi" else pelamar[:3]
        hasil = {
            p.pk: (jenis == "administrasi" or p != pelamar[3], Decimal(nilai[p.pk])) for p in ikut
        }
        if jenis == "kompetensi":
            hasil[pelamar[3].pk] = (False, Decimal("60"))
        tahap_record_hasil(tahap=t, hasil=hasil, pada=t.mulai, oleh=hr_user)
        tahap_announce(tahap=t, pada=t.selesai, oleh=hr_user)
    html = client.get(reverse("publik:seleksi_detail", args=[seleksi.pk])).content.decode()
    assert "Diumumkan 20 Oktober 2026" in html
    assert jpt["calon"][3].nama_lengkap in html  # passed the administrative check
    for p in jpt["calon"]:
        assert p.nip not in html
    usulan = seleksi_propose(seleksi=seleksi, pada=D(2026, 11, 21), oleh=hr_user)
    assert [u.pegawai for u in usulan] == jpt["calon"][:3]
    keputusan = keputusan_create(
        formasi=jpt["formasi"],
        pegawai=jpt["calon"][0],
        nomor_sk="800.1.3.3/7/2026",
        tanggal_sk=D(2026, 11, 27),
        tmt=D(2026, 11, 28),
        metode="seleksi_terbuka",
        oleh=hr_user,
        seleksi_id=seleksi.pk,
    )
    assert keputusan.asal_seleksi.pelamar.seleksi == seleksi
    html = client.get(reverse("publik:transparansi")).content.decode()
    assert "Kepala Dinas Komunikasi" in html and jpt["calon"][0].nama_lengkap in html
    assert "Seleksi terbuka" in html
    feed = client.get(reverse("publik:feed")).content.decode()
    assert "Kepala Dinas Komunikasi" in feed and "Penelusuran rekam jejak" in feed
    # Every step audited, with the acting user.
    for obj in (seleksi, Pelamar.objects.first(), Pengumuman.objects.first(), keputusan):
        assert LogEntry.objects.get_for_object(obj).exists(), obj
    assert LogEntry.objects.get_for_object(seleksi).first().actor == hr_user
    assert Seleksi.objects.get().selesai and Keputusan.objects.count() == 1
    assert not Usulan.objects.filter(aktif=True).exists()  # withdrawn by the decision


@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        (
            {"tahap": {**JADWAL, "kompetensi": (D(2026, 10, 31), D(2026, 10, 21))}},
            "tahap_kompetensi",
        ),
        ({"tahap": {**JADWAL, "wawancara": (D(2026, 10, 25), D(2026, 11, 10))}}, "tahap_wawancara"),
        ({"tahap": {k: v for k, v in JADWAL.items() if k != "rekam_jejak"}}, "tahap"),
        ({"panitia": PANITIA[:4]}, "panitia"),
        ({"judul": " "}, "judul"),
        ({"formasi": []}, "formasi"),
    ],
)
def test_opening_refuses_wrong_dates_and_an_incomplete_committee(jpt, hr_user, ubah, field):
    with pytest.raises(ValidationError) as info:
        buka(jpt, hr_user, **ubah)
    assert field in info.value.message_dict
    assert not Seleksi.objects.exists()


def test_opening_refuses_a_post_that_is_not_jpt_or_not_vacant(jpt, hr_user):
    bukan = FormasiFactory()
    terisi = FormasiFactory(jabatan=JabatanFactory(jenis=JenisJabatan.JPT_PRATAMA))
    PenempatanFactory(formasi=terisi)
    with pytest.raises(ValidationError) as info:
        buka(jpt, hr_user, formasi=[bukan, terisi])
    assert len(info.value.message_dict["formasi"]) == 2


def test_only_hr_opens(jpt, django_user_model):
    with pytest.raises(ValidationError):
        buka(jpt, django_user_model.objects.create_user("x"))


def test_an_ineligible_applicant_is_told_why(jpt, hr_user):
    seleksi = buka(jpt, hr_user)
    with pytest.raises(ValidationError) as info:
        seleksi_apply(
            seleksi=seleksi,
            formasi=jpt["formasi"],
            pegawai=jpt["tidak_layak"],
            pada=D(2026, 10, 10),
        )
    assert "pegawai" in info.value.message_dict
    assert "memenuhi syarat" in info.value.message_dict["pegawai"][0]


def test_applying_outside_registration_or_twice_is_refused(jpt, hr_user):
    seleksi = buka(jpt, hr_user)
    with pytest.raises(ValidationError) as info:
        seleksi_apply(
            seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][0], pada=D(2026, 10, 16)
        )
    assert "seleksi" in info.value.message_dict
    seleksi_apply(
        seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][0], pada=D(2026, 10, 10)
    )
    with pytest.raises(ValidationError) as info:
        seleksi_apply(
            seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][0], pada=D(2026, 10, 11)
        )
    assert "formasi" in info.value.message_dict


def test_a_result_before_its_stage_or_for_someone_out_is_refused(jpt, hr_user):
    seleksi = buka(jpt, hr_user)
    p = seleksi_apply(
        seleksi=seleksi, formasi=jpt["formasi"], pegawai=jpt["calon"][0], pada=D(2026, 10, 10)
    )
    adm = seleksi.tahap.get(jenis=JenisTahap.ADMINISTRASI)
    with pytest.raises(ValidationError) as info:
        tahap_record_hasil(
            tahap=adm, hasil={p.pk: (True, None)}, pada=D(2026, 10, 15), oleh=hr_user
        )
    assert "tahap" in info.value.message_dict
    tahap_record_hasil(tahap=adm, hasil={p.pk: (False, None)}, pada=D(2026, 10, 16), oleh=hr_user)
    kompetensi = seleksi.tahap.get(jenis=JenisTahap.KOMPETENSI)
    with pytest.raises(ValidationError) as info:
        tahap_record_hasil(
            tahap=kompetensi, hasil={p.pk: (True, None)}, pada=D(2026, 10, 21), oleh=hr_user
        )
    assert "pelamar" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        tahap_announce(tahap=kompetensi, pada=D(2026, 10, 22), oleh=hr_user)
    assert "tahap" in info.value.message_dict  # no results yet


def test_the_employee_applies_from_their_page(client, jpt, hr_user):
    hari_ini = timezone.localdate()
    jadwal = {
        j: (hari_ini + dt.timedelta(days=2 * i - 2), hari_ini + dt.timedelta(days=2 * i - 1))
        for i, j in enumerate(URUTAN_TAHAP)
    }
    jadwal["pendaftaran"] = (hari_ini, hari_ini + dt.timedelta(days=1))
    jadwal["pengumuman"] = (hari_ini - dt.timedelta(days=14), hari_ini - dt.timedelta(days=1))
    jadwal = {j: (a, b) for j, (a, b) in jadwal.items()}
    seleksi = buka(jpt, hr_user, tahap=jadwal)
    for pegawai, layak in ((jpt["calon"][0], True), (jpt["tidak_layak"], False)):
        user = User.objects.create_user(f"u{pegawai.pk}")
        user.groups.add(Group.objects.get(name="Pegawai"))
        Akses.objects.create(user=user, pegawai=pegawai)
        client.force_login(user)
        assert reverse("publik:seleksi_saya") in client.get(reverse("saya")).content.decode()
        html = client.get(reverse("publik:seleksi_saya")).content.decode()
        assert "Kepala Dinas Komunikasi" in html
        assert ("Lamar formasi ini" in html) is layak
        if layak:
            url = reverse("publik:seleksi_lamar", args=[seleksi.pk, jpt["formasi"].pk])
            client.post(url)
            assert Pelamar.objects.filter(pegawai=pegawai).exists()
            assert "sudah melamar" in client.get(reverse("publik:seleksi_saya")).content.decode()
        else:
            assert "belum memenuhi syarat" in html
