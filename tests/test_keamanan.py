"""Audit trail, login lockout and the security headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from jabatan.models import Penempatan
from pegawai.ekspor import export_download
from pegawai.models import BidangStudi, Pegawai
from tests.akses_data import SANDI, buat_organisasi
from tests.factories import PenempatanFactory

pytestmark = pytest.mark.django_db


def test_a_placement_changed_by_hr_is_in_the_audit_trail_with_before_and_after(hr_client, hr_user):
    penempatan = PenempatanFactory()
    response = hr_client.post(
        f"/admin/jabatan/penempatan/{penempatan.pk}/change/",
        {
            "tmt_selesai": "2025-06-30",
            "nomor_sk": "821/7/2025",
            "tanggal_sk": "",
            "keterangan": "Mutasi",
        },
        REMOTE_ADDR="10.20.30.40",
    )
    assert response.status_code == 302
    # Ending (the service) and the decree number (the form) may be two saves: read them all.
    entries = LogEntry.objects.get_for_object(penempatan).filter(action=LogEntry.Action.UPDATE)
    assert entries and all(e.actor == hr_user for e in entries)
    assert all(e.remote_addr == "10.20.30.40" for e in entries)
    changes = {k: v for e in entries for k, v in e.changes_dict.items()}
    assert changes["tmt_selesai"] == ["None", "2025-06-30"]
    assert changes["keterangan"] == ["", "Mutasi"]
    assert changes["nomor_sk"] == ["", "821/7/2025"]


def test_hr_reads_and_searches_the_audit_log_but_cannot_change_it(hr_client, hr_user):
    penempatan = PenempatanFactory(nomor_sk="821/99/2025")
    hr_client.post(
        f"/admin/jabatan/penempatan/{penempatan.pk}/change/",
        {
            "tmt_selesai": "2025-06-30",
            "nomor_sk": "821/99/2025",
            "tanggal_sk": "",
            "keterangan": "Pensiun dini",
        },
    )
    response = hr_client.get("/admin/auditlog/logentry/", {"q": "Pensiun dini"})
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 1
    entry = response.context["cl"].result_list[0]
    assert hr_client.get(f"/admin/auditlog/logentry/{entry.pk}/delete/").status_code == 403
    assert hr_client.post(f"/admin/auditlog/logentry/{entry.pk}/change/", {}).status_code == 403
    history = hr_client.get(f"/admin/jabatan/penempatan/{penempatan.pk}/auditlog/")
    assert history.status_code == 200
    assert "Pensiun dini" in history.content.decode()


def test_the_placement_service_records_the_employee_moving_unit(hr_user):
    from jabatan.services import penempatan_create
    from tests.factories import FormasiFactory, PegawaiFactory

    pegawai = PegawaiFactory()
    formasi = FormasiFactory()
    penempatan_create(pegawai=pegawai, formasi=formasi, tmt_mulai=dt.date(2025, 1, 2))
    entry = LogEntry.objects.get_for_object(pegawai).latest("timestamp")
    assert entry.changes_dict["unit_kerja"][1] == str(formasi.unit_kerja_id)
    assert LogEntry.objects.get_for_object(Penempatan.objects.get(pegawai=pegawai)).exists()


def test_five_wrong_passwords_lock_the_login_and_say_so():
    org = buat_organisasi()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/masuk/", {"username": "pimpinan", "password": "salah"})
        assert response.status_code == 200  # the form again, with an error
    response = client.post("/masuk/", {"username": "pimpinan", "password": "salah"})
    assert response.status_code == 429
    assert "terkunci" in response.content.decode()
    # Now even the right password is refused until the lock ends or HR lifts it.
    response = client.post("/masuk/", {"username": "pimpinan", "password": SANDI})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another login from the same address is not locked.
    response = client.post("/masuk/", {"username": "hr.bkpsdm", "password": SANDI})
    assert response.status_code == 302
    assert org.users["pimpinan"].is_active


def test_every_page_sends_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert script_src.strip() == "'self'"
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_template_of_ours_has_an_inline_script():
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
    offenders = [
        str(path)
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if inline.search(path.read_text())
    ]
    assert offenders == []


def test_production_settings_protect_cookies_and_transport():
    # The values `check --deploy` insists on, as computed for DEBUG off (the test default).
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


# --- Exports: no formula from the data (CSV injection) ------------------------------------

RUMUS = '=HYPERLINK("http://x","y")'
RUMUS_AT = "@SUM(1)"


def _org_dengan_nama_rumus():
    org = buat_organisasi()
    # The unit head A evaluates employee A: their name reaches the evaluator export.
    penilai = org.pegawai_a.skp.get().penilai
    Pegawai.objects.filter(pk=penilai.pk).update(nama=RUMUS)
    Pegawai.objects.filter(pk=org.pegawai_a.pk).update(nama=RUMUS_AT)
    return org


def _csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_admin_csv_export_writes_formula_like_names_as_text(hr_client, unduh_ekspor):
    _org_dengan_nama_rumus()
    rows = _csv_rows(unduh_ekspor(hr_client, "/admin/pegawai/pegawai/ekspor/"))
    cells = {cell for row in rows for cell in row}
    assert "'" + RUMUS in cells and "'" + RUMUS_AT in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)


def test_the_dashboard_exports_write_formula_like_names_as_text(hr_client, unduh_langsung):
    from openpyxl import load_workbook

    _org_dengan_nama_rumus()
    rows = _csv_rows(unduh_langsung(hr_client, "/kinerja/ekspor/penilai.csv").content)
    assert ["'" + RUMUS, "1", "1", "0"] in rows
    wb = load_workbook(
        io.BytesIO(unduh_langsung(hr_client, "/kinerja/ekspor/penilai.xlsx").content)
    )
    cells = {c.value: c for row in wb.active.iter_rows() for c in row}
    assert cells[RUMUS].data_type == "s"  # text, as typed: never a formula
    assert all(c.data_type != "f" for c in cells.values())
    # Counts stay numbers.
    row = next(r for r in wb.active.iter_rows() if r[0].value == RUMUS)
    assert [c.value for c in row[1:]] == [1, 1, 0]
    assert row[1].data_type == "n"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_unduh_tabel_keeps_numbers_and_dates_and_neutralises_text(fmt, hr_user):
    from openpyxl import load_workbook

    request = RequestFactory().get("/")
    request.user = hr_user
    bad = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"]
    response = export_download(
        request,
        data="uji",
        nama_berkas="uji",
        fmt=fmt,
        header=["a", "b", "c"],
        rows=[[text, -5, dt.date(2025, 1, 2)] for text in bad],
    )
    if fmt == "csv":
        rows = _csv_rows(response.content)[1:]
        assert [r[0] for r in rows] == ["'" + text for text in bad]
        assert {r[1] for r in rows} == {"-5"}  # a negative number is no formula
    else:
        ws = load_workbook(io.BytesIO(response.content)).active
        rows = list(ws.iter_rows(min_row=2))
        # XML reads a lone CR back as LF; the text is otherwise as written.
        assert [r[0].value for r in rows] == [text.replace("\r", "\n") for text in bad]
        assert {r[0].data_type for r in rows} == {"s"}
        assert {(r[1].value, r[1].data_type) for r in rows} == {(-5, "n")}
        assert rows[0][2].is_date and rows[0][2].value.date() == dt.date(2025, 1, 2)


# --- Cache-Control: nothing a logged-in user sees is stored --------------------------------


def test_every_page_for_a_logged_in_user_and_every_export_send_no_store(unduh_ekspor):
    org = buat_organisasi()
    skp = org.pegawai_a.skp.get()
    halaman = {
        # "/" sends them on to /saya/; the public portal, logged in, is theirs alone too.
        "pegawai": [
            "/beranda/",
            "/saya/",
            "/kinerja/skp/",
            f"/kinerja/skp/{skp.pk}/",
            "/jabatan/peluang/",
        ],
        "pimpinan": [
            "/jabatan/unit/",
            "/kinerja/",
            "/kinerja/talenta/5/",
            "/jabatan/lowongan/",
            "/admin/",
            "/admin/pegawai/pegawai/",
            f"/admin/pegawai/pegawai/{org.pegawai_a.pk}/change/",
        ],
        "hr": [
            f"/jabatan/lowongan/{org.formasi_a.pk}/",  # the merit ranking
            "/admin/auditlog/logentry/",
        ],
    }
    # Small downloads: a POST answered with the file.
    langsung = {
        "pimpinan": [
            "/kinerja/ekspor/distribusi.csv",
            "/kinerja/ekspor/penilai.xlsx",
            "/jabatan/lowongan/ekspor.csv",
        ],
    }
    # Exports queued as tasks: their progress page and their file (unduh_ekspor asserts the
    # file's no-store).
    antre = {
        "pimpinan": [("/admin/pegawai/pegawai/ekspor/", {})],
        "hr": [(f"/jabatan/lowongan/{org.formasi_a.pk}/ekspor/", {"format": "xlsx"})],
    }
    salah = []
    for role, urls in halaman.items():
        client = Client()
        client.force_login(org.users[role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (role, url, response.status_code)
            directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
            if not {"no-store", "private"} <= directives:
                salah.append(f"{role} {url}: {response.get('Cache-Control')!r}")
        for url in langsung.get(role, []):
            response = client.post(url)
            assert response.status_code == 200, (role, url, response.status_code)
            directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
            if not {"no-store", "private"} <= directives:
                salah.append(f"{role} POST {url}: {response.get('Cache-Control')!r}")
        for url, data in antre.get(role, []):
            assert unduh_ekspor(client, url, data=data)
            progres = client.get(client.post(url, data)["Location"])
            if "no-store" not in progres.get("Cache-Control", ""):
                salah.append(f"{role} {url}: progress page {progres.get('Cache-Control')!r}")
    assert salah == []


def test_public_pages_for_anonymous_visitors_stay_cacheable(client):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_view_can_opt_out_of_no_store(rf, hr_user):
    from core.middleware import NoStoreMiddleware, cacheable

    def view(request):
        return HttpResponse("sama untuk semua")

    middleware = NoStoreMiddleware(lambda request: view(request))
    for func, expected in ((view, True), (cacheable(lambda r: view(r)), False)):
        request = rf.get("/")
        request.user = hr_user
        middleware.process_view(request, func, (), {})
        response = middleware(request)
        assert ("no-store" in response.get("Cache-Control", "")) is expected


# --- Proxy headers: believed only from the proxies we run ----------------------------------

KLIEN = "203.0.113.7"  # the address our proxy saw
PALSU = "6.6.6.6"  # what the client wrote into X-Forwarded-For itself
PROXY = "10.0.0.1"


def _audit_addr(hr_client, kode: str, **meta) -> str:
    response = hr_client.post(
        "/admin/pegawai/bidangstudi/add/", {"kode": kode, "nama": "Uji"}, **meta
    )
    assert response.status_code == 302
    bidang = BidangStudi.objects.get(kode=kode)
    return LogEntry.objects.get_for_object(bidang).get().remote_addr


def _attempt_addr(username: str, **meta) -> str:
    Client().post("/masuk/", {"username": username, "password": "salah"}, **meta)
    return AccessAttempt.objects.get(username=username).ip_address


def test_without_trusted_proxies_a_forged_forwarded_for_is_ignored(hr_client):
    assert settings.TRUSTED_PROXY_COUNT == 0  # the default
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": PALSU}
    assert _audit_addr(hr_client, "UJI1", **meta) == PROXY
    assert _attempt_addr("siapa.saja", **meta) == PROXY
    # Nor does a forged X-Forwarded-Proto make the request secure.
    assert settings.SECURE_PROXY_SSL_HEADER is None


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_address_it_saw_is_recorded(hr_client):
    # The client forged the first entry; our proxy appended the address it saw.
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{PALSU}, {KLIEN}"}
    assert _audit_addr(hr_client, "UJI2", **meta) == KLIEN
    assert _attempt_addr("siapa.saja", **meta) == KLIEN


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_ones_view_counts_and_garbage_is_ignored(hr_client):
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{PALSU}, {KLIEN}, 10.0.0.2"}
    assert _audit_addr(hr_client, "UJI3", **meta) == KLIEN
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "bukan-alamat, 10.0.0.2"}
    assert _attempt_addr("lain.lagi", **meta) == PROXY


# --- Password spraying: one address, many usernames ----------------------------------------


@override_settings(LOGIN_FAILURE_LIMIT_PER_ADDRESS=8)
def test_many_usernames_from_one_address_lock_that_address_only():
    org = buat_organisasi()
    penyerang = {"REMOTE_ADDR": "198.51.100.9"}
    client = Client()
    # Fewer than AXES_FAILURE_LIMIT tries per username: the per-user lock never triggers.
    statuses = [
        client.post(
            "/masuk/", {"username": f"tebakan{n}", "password": "Rahasia123"}, **penyerang
        ).status_code
        for n in range(8)
    ]
    assert statuses == [200] * 7 + [429]  # the eighth failure reaches the address's limit
    # Now the address is refused, even with a real account's right password.
    response = client.post("/masuk/", {"username": "pimpinan", "password": SANDI}, **penyerang)
    assert response.status_code == 429
    assert "terkunci" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address logs in as usual.
    other = Client()
    response = other.post(
        "/masuk/", {"username": "pimpinan", "password": SANDI}, REMOTE_ADDR="192.0.2.44"
    )
    assert response.status_code == 302
    assert int(other.session["_auth_user_id"]) == org.users["pimpinan"].pk


def test_the_per_address_limit_is_above_the_per_user_limit():
    # An office behind one NAT address must survive a few people's typos.
    assert settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS > 3 * settings.AXES_FAILURE_LIMIT
