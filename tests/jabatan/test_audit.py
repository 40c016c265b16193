"""Merit profiles, proposals and decisions are in the audit trail, with who did it.

A weight changed in the admin, proposals and a decision recorded through the services (with no
request around them, as a command would) each write a LogEntry naming the acting user; the
decision's frozen ranking stays out of the trail (it is its own record).
"""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from jabatan.models import Keputusan, Penempatan, ProfilMerit, Usulan
from jabatan.services import usulan_set
from tests.jabatan.bantu import PADA, putuskan

pytestmark = pytest.mark.django_db


def _log(obj) -> list[LogEntry]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        ).order_by("pk")
    )


def test_a_weight_changed_in_the_admin_is_audited_with_the_actor(hr_client, hr_user):
    profil = ProfilMerit.objects.get(jenis_jabatan="PELAKSANA")
    data = {
        "jenis_jabatan": "PELAKSANA",
        "hanya_talent_pool": "",
        **{
            f"bobot_{k}": getattr(profil, f"bobot_{k}")
            for k in ("kompetensi", "kualifikasi", "pengembangan", "pengalaman")
        },
        "bobot_kinerja": profil.bobot_kinerja + 5,
        "bobot_integritas": profil.bobot_integritas - 5,
    }
    response = hr_client.post(f"/admin/jabatan/profilmerit/{profil.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (entri,) = _log(profil)
    assert entri.actor == hr_user and entri.action == LogEntry.Action.UPDATE
    assert entri.changes_dict["bobot_kinerja"] == [
        str(profil.bobot_kinerja),
        str(profil.bobot_kinerja + 5),
    ]
    assert entri.remote_addr == "127.0.0.1"


def test_a_weight_sum_refused_in_the_admin_writes_nothing(hr_client):
    profil = ProfilMerit.objects.get(jenis_jabatan="PELAKSANA")
    data = {
        "jenis_jabatan": "PELAKSANA",
        **{
            f"bobot_{k}": 10
            for k in (
                "kinerja",
                "kompetensi",
                "kualifikasi",
                "pengembangan",
                "pengalaman",
                "integritas",
            )
        },
    }
    response = hr_client.post(f"/admin/jabatan/profilmerit/{profil.pk}/change/", data)
    assert response.status_code == 200
    assert "Jumlah bobot harus 100% (sekarang 60%)." in response.content.decode()
    assert not _log(profil)


def test_proposals_and_a_decision_through_the_services_are_audited_with_the_actor(lowongan):
    lw = lowongan
    ids = [lw["terbaik"].pk, lw["kedua"].pk]
    pertama = usulan_set(formasi=lw["formasi"], pegawai_ids=ids, pada=PADA, oleh=lw["hr"])
    for usulan in pertama:
        (entri,) = _log(usulan)
        assert entri.actor == lw["hr"] and entri.action == LogEntry.Action.CREATE
    # Proposing again withdraws the first proposals: each withdrawal is audited too.
    usulan_set(formasi=lw["formasi"], pegawai_ids=ids[:1], pada=PADA, oleh=lw["hr"])
    tarik = _log(pertama[1])[-1]
    assert tarik.action == LogEntry.Action.UPDATE and tarik.changes_dict["aktif"] == [
        "True",
        "False",
    ]
    assert tarik.actor == lw["hr"]
    keputusan = putuskan(lw, lw["terbaik"])
    (entri,) = _log(keputusan)
    assert entri.actor == lw["hr"] and entri.action == LogEntry.Action.CREATE
    assert "snapshot" not in entri.changes_dict and "nomor_sk" in entri.changes_dict
    (penempatan,) = _log(Penempatan.objects.get(keputusan=keputusan))
    assert penempatan.actor == lw["hr"]
    # The decision withdrew the remaining proposal, audited as well.
    terakhir = Usulan.objects.filter(formasi=lw["formasi"], pegawai=lw["terbaik"]).latest("pk")
    assert not terakhir.aktif and _log(terakhir)[-1].changes_dict["aktif"] == ["True", "False"]
    assert Keputusan.objects.count() == 1


def test_a_proposal_from_the_page_keeps_the_requests_address(lowongan, client):
    lw = lowongan
    client.force_login(lw["hr"])
    response = client.post(
        f"/jabatan/lowongan/{lw['formasi'].pk}/usulan/", {"pegawai": [lw["terbaik"].pk]}
    )
    assert response.status_code == 302
    (entri,) = _log(Usulan.objects.get(formasi=lw["formasi"]))
    assert entri.actor == lw["hr"] and entri.remote_addr == "127.0.0.1"
