"""Who may see what: every URL of the project for every role, id guessing, scoped lists.

The URL walk resolves every pattern, fills ids with objects of unit A, and requests each URL as
anonymous, Pegawai, Pimpinan Unit of B (wrong unit), Pimpinan Unit of A (right unit) and Admin
BKPSDM. Every URL needs an expectation below: a new one without fails the walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from pegawai.models import CatatanEkspor
from tests.akses_data import ROLES, buat_organisasi, objek_unit_a

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Aturan:
    """What each staff role may do with a model's admin: v(iew) a(dd) c(hange) d(elete).

    `lingkup`: "unit" rows belong to units (others' are 404), "bebas" reference data everyone
    with the permission sees, "tidak" admin models outside the project's scoping (Django's own
    permission checks only).
    """

    lingkup: str
    hr: str
    pimpinan: str = ""
    audit: bool = True  # has the audit-trail and export views (the project's BaseAdmin)


MODEL = {
    "pegawai.unitkerja": Aturan("unit", hr="vacd", pimpinan="v"),
    "pegawai.bidangstudi": Aturan("bebas", hr="vacd", pimpinan="v"),
    "pegawai.rumpunilmu": Aturan("bebas", hr="vacd", pimpinan="v"),
    "pegawai.urusanpemerintahan": Aturan("bebas", hr="vacd", pimpinan="v"),
    "pegawai.pegawai": Aturan("unit", hr="vac", pimpinan="v"),
    "pegawai.riwayatpangkat": Aturan("unit", hr="vac", pimpinan="v"),
    "pegawai.riwayatpendidikan": Aturan("unit", hr="vacd", pimpinan="v"),
    "pegawai.hukumandisiplin": Aturan("unit", hr="vac", pimpinan="v"),
    "pegawai.hasilasesmen": Aturan("unit", hr="vac", pimpinan="v"),
    "pegawai.akses": Aturan("unit", hr="vac"),
    "pegawai.catatanekspor": Aturan("tidak", hr="v", audit=False),
    "jabatan.jabatan": Aturan("bebas", hr="vac", pimpinan="v"),
    "jabatan.formasi": Aturan("unit", hr="vacd", pimpinan="v"),
    "jabatan.penempatan": Aturan("unit", hr="vac", pimpinan="v"),
    "jabatan.profilmerit": Aturan("bebas", hr="vac", pimpinan="v"),
    "jabatan.usulan": Aturan("unit", hr="v", pimpinan="v"),  # written by the vacancy page only
    "jabatan.keputusan": Aturan("unit", hr="v", pimpinan="v"),  # never edited
    "jabatan.suksesor": Aturan("unit", hr="v", pimpinan="v"),  # written by the post page only
    "kinerja.periode": Aturan("bebas", hr="vac", pimpinan="v"),
    "kinerja.skp": Aturan("unit", hr="vc", pimpinan="v"),
    "kinerja.kinerjaorganisasi": Aturan("unit", hr="vac", pimpinan="v"),
    "kinerja.pengaturantalenta": Aturan("bebas", hr="vc"),  # one row; it exists already
    "jabatan.pengaturanpetikan": Aturan("bebas", hr="vc"),  # one row, as the talent bands
    "kinerja.revisiskp": Aturan("unit", hr="v", pimpinan="v"),
    "pelatihan.program": Aturan("bebas", hr="vacd", pimpinan="v"),
    "pelatihan.sesi": Aturan("bebas", hr="vacd", pimpinan="v"),
    "pelatihan.peserta": Aturan("unit", hr="vac", pimpinan="v"),
    "pelatihan.pelatihaneksternal": Aturan("unit", hr="vc", pimpinan="v"),  # recorded on /saya/
    "pelatihan.rencanapengembangan": Aturan("unit", hr="vac", pimpinan="v"),
    # The public survey: HR marks units and moderates (unit heads read results on the dashboard).
    "survei.unitlayanan": Aturan("unit", hr="vac"),
    "survei.responskm": Aturan("unit", hr="v"),  # written by the public form only
    "survei.komentarskm": Aturan("unit", hr="vc"),  # moderated by an action
    "survei.kiosskm": Aturan("unit", hr="vac"),  # switched off, never deleted
    # The employees' survey: HR edits the questionnaire (switched off, never deleted).
    "survei.butirsurveipegawai": Aturan("bebas", hr="vac"),
    # Open selections: written by publik.services, read (and acted on) in the admin.
    "publik.seleksi": Aturan("bebas", hr="v"),
    "publik.tahap": Aturan("bebas", hr="v"),
    "publik.pelamar": Aturan("unit", hr="v"),
    "publik.hasiltahap": Aturan("unit", hr="v"),
    # HR's saved SIASN mappings: HR only (a unit head imports nothing, impor.roles).
    "impor.pemetaanunit": Aturan("bebas", hr="vacd"),
    "impor.pemetaanjabatan": Aturan("bebas", hr="vacd"),
    # The merit-system index: HR edits the instrument's rows (never deletes an instrument: an
    # assessment may point at it); assessments, answers and documents change through its pages.
    "sistem_merit.instrumen": Aturan("bebas", hr="vac"),
    "sistem_merit.aspek": Aturan("bebas", hr="vacd"),
    "sistem_merit.kriteria": Aturan("bebas", hr="vacd"),
    "sistem_merit.penilaian": Aturan("bebas", hr="v"),
    "sistem_merit.jawabankriteria": Aturan("bebas", hr="v"),
    "sistem_merit.dokumenbukti": Aturan("bebas", hr="v"),
    "auth.user": Aturan("tidak", hr="v", audit=False),
    "auth.group": Aturan("tidak", hr="", audit=False),
    "auditlog.logentry": Aturan("tidak", hr="v", audit=False),
    "axes.accessattempt": Aturan("tidak", hr="vd", audit=False),
    "axes.accesslog": Aturan("tidak", hr="", audit=False),
    "axes.accessfailurelog": Aturan("tidak", hr="", audit=False),
}

# Pages outside the admin, and the admin's site-wide pages: status per role, in ROLES order
# (anonim, pegawai, pimpinan_lain, pimpinan, hr).
HALAMAN = {
    # The home sends a unit head to their unit and an employee to their own page; HR's is the
    # summary of every unit; the public portal stays at publik:beranda for everyone.
    "beranda": (200, 302, 302, 302, 200),
    "publik:beranda": (200, 200, 200, 200, 200),
    "jabatan:unit_saya": (302, 403, 200, 200, 403),  # a unit head's own unit
    "masuk": (200, 302, 302, 302, 302),  # signed-in users go on to the home page
    "keluar": (405, 405, 405, 405, 405),  # POST only
    "saya": (302, 200, 200, 200, 403),  # HR's login has no employee record
    "set_language": (302, 302, 302, 302, 302),  # GET redirects without changing anything
    "healthz": (200, 200, 200, 200, 200),
    # Readiness: the test client's 127.0.0.1 is a monitoring address; no worker beats here, so
    # the queue is "not ready" (tests/tugas/test_kesiapan.py covers each component and access).
    "kesiapan": (503, 503, 503, 503, 503),
    # Metrics: the test client's 127.0.0.1 is a monitoring address (METRICS_ALLOWED_IPS);
    # any other address gets 404 (tests/tugas/test_metrik.py).
    "metrik": (200, 200, 200, 200, 200),
    "admin:index": (302, 302, 200, 200, 200),
    "admin:login": (200, 200, 302, 302, 302),
    "admin:logout": (302, 302, 405, 405, 405),
    "admin:password_change": (302, 302, 200, 200, 200),
    "admin:password_change_done": (302, 302, 200, 200, 200),
    "admin:autocomplete": (302, 302, 403, 403, 403),  # no field named: refused
    "admin:jsi18n": (302, 302, 200, 200, 200),
    "admin:view_on_site": (302, 302, 404, 404, 404),  # employees have no public page
    "admin:auth_user_password_change": (302, 302, 403, 403, 403),  # nobody manages logins here
    "kinerja:dasbor": (302, 403, 200, 200, 200),  # unit heads and HR
    "jabatan:lowongan": (302, 403, 200, 200, 200),
    # Small downloads logged in the user's name (CatatanEkspor): POST only, the file in the
    # response (tests/tugas/test_ekspor_post.py); GET answers 405 to whoever may open the page.
    "jabatan:lowongan_daftar_ekspor": (302, 403, 405, 405, 405),
    "jabatan:lowongan_detail": (302, 403, 403, 403, 200),  # the merit ranking is HR's
    # POST only: GET answers 405 to whoever may act (HR here); who may not is refused first,
    # by the page's declared capability (pegawai.capability.page), before the method is read.
    "jabatan:lowongan_ekspor": (302, 403, 403, 403, 405),  # queues a task
    "jabatan:lowongan_usul": (302, 403, 403, 403, 405),
    "jabatan:lowongan_putus": (302, 403, 403, 403, 405),
    "jabatan:suksesor_tambah": (302, 403, 403, 403, 405),  # POST only (tests/jabatan)
    "jabatan:suksesor_ubah": (302, 403, 403, 403, 405),
    "jabatan:suksesor_hapus": (302, 403, 403, 403, 405),
    "jabatan:keputusan_petikan": (302, 403, 403, 403, 200),  # HR prints decrees, as it ranks
    "jabatan:keputusan_detail": (302, 403, 403, 403, 200),  # HR corrects or annuls decisions
    "jabatan:keputusan_koreksi": (302, 403, 403, 403, 405),  # POST only (tests/jabatan)
    "jabatan:keputusan_batalkan": (302, 403, 403, 403, 405),
    "jabatan:peluang": (302, 200, 200, 200, 403),  # an employee's own chances
    "jabatan:peluang_detail": (302, 200, 200, 200, 403),
    # The employee page: HR and unit heads; employee A is outside the other unit (nothing leaks).
    "jabatan:pegawai": (302, 403, 200, 200, 200),
    "jabatan:pegawai_detail": (302, 403, 404, 200, 200),
    # The DUK: every unit head's and HR's (scoped, tests/jabatan/test_duk.py); its old address
    # under /impor/ redirects for everyone (the new page then asks for a login).
    "jabatan:duk": (302, 403, 200, 200, 200),
    "jabatan:duk_cetak": (302, 403, 404, 404, 404),  # no unit chosen
    "jabatan:duk_ekspor": (302, 403, 405, 405, 405),  # POST only: it queues a task
    "duk_lama": (301, 301, 301, 301, 301),
    "duk_cetak_lama": (301, 301, 301, 301, 301),
    "kinerja:talenta": (302, 403, 200, 200, 200),
    "survei:dasbor": (302, 403, 200, 200, 200),  # each sees their scope's service units
    "survei:unit": (302, 403, 404, 200, 200),  # a unit outside the scope: as if absent
    "survei:unit_ekspor": (302, 403, 405, 405, 405),  # POST only: a logged download
    # The employees' survey: the form is every employee's own (HR's login has no employee
    # record); periods and results are HR's (tests/survei/test_survei_pegawai_views.py).
    "survei_pegawai:isi": (302, 200, 200, 200, 403),
    "survei_pegawai:kelola": (302, 403, 403, 403, 200),
    "survei_pegawai:buka": (302, 403, 403, 403, 405),  # POST only
    "survei_pegawai:tutup": (302, 403, 403, 403, 405),  # POST only
    "survei_pegawai:hasil": (302, 403, 403, 403, 200),
    "kinerja:ekspor": (302, 403, 405, 405, 405),  # POST only: a logged download
    # Whoever has an SKP of their own or one to rate in an open period: HR without an employee
    # record has neither (their SKPs are on the dashboard and in the admin), as the menu says.
    "kinerja:skp_list": (302, 200, 200, 200, 403),
    "kinerja:skp_detail": (302, 200, 404, 200, 200),  # the employee's own, their unit head, HR
    "kinerja:skp_cetak": (302, 200, 404, 200, 200),  # whoever may open the SKP page
    "tugas:detail": (302, 404, 404, 404, 200),  # only its starter, HR here (tests/tugas)
    "tugas:unduh": (302, 404, 404, 404, 404),  # no file before the task is done
    # The SKP page's actions: POST only (tests/kinerja/test_views.py posts to them), after the
    # login as every page.
    "kinerja:skp_rencana": (302, 405, 405, 405, 405),
    "kinerja:skp_realisasi": (302, 405, 405, 405, 405),
    "kinerja:skp_nilai": (302, 405, 405, 405, 405),
    "kinerja:skp_final": (302, 405, 405, 405, 405),
    "kinerja:skp_revisi": (302, 405, 405, 405, 405),
    "pelatihan:dasbor": (302, 403, 200, 200, 200),  # unit heads and HR
    "pelatihan:ekspor": (302, 403, 405, 405, 405),  # POST only: it queues a task
    "pelatihan:saya": (302, 200, 200, 200, 403),  # an employee's own
    "pelatihan:eksternal": (302, 405, 405, 405, 403),  # POST only; HR has no employee record
    "pelatihan:ajukan": (302, 405, 405, 405, 403),
    # The evidence of external training: its employee, their unit head, HR; others as if absent.
    "pelatihan:eksternal_bukti": (302, 200, 404, 200, 200),
    "pelatihan:kebutuhan": (302, 403, 200, 200, 200),
    "pelatihan:rencana": (302, 403, 200, 200, 200),
    "pelatihan:efek": (302, 403, 200, 200, 200),
    "pelatihan:daftar_massal": (302, 403, 403, 403, 200),  # HR only
    "pelatihan:peserta": (302, 403, 200, 200, 200),  # unit heads see their unit's rows
    "pelatihan:peserta_ekspor": (302, 403, 405, 405, 405),  # POST only: a logged download
    # The import is HR's alone.
    "impor:daftar": (302, 403, 403, 403, 200),
    "impor:unggah": (302, 403, 403, 403, 405),  # POST only
    "impor:templat": (302, 403, 403, 403, 405),  # POST only: a logged download
    "impor:contoh": (302, 403, 403, 403, 405),  # the sample SIASN file; POST only, logged
    "impor:ekspor": (302, 403, 403, 403, 405),  # POST only: it queues a task
    "impor:detail": (302, 403, 403, 403, 404),  # the id is another model's here
    "impor:petakan": (302, 403, 403, 403, 405),
    "impor:terapkan": (302, 403, 403, 403, 405),
    "impor:rekonsiliasi": (302, 403, 403, 403, 405),
    # The public pages: the same for everyone (tests/publik).
    **{
        f"publik:{n}": (200, 200, 200, 200, 200)
        for n in (
            "transparansi",
            "keputusan_detail",
            "lowong",
            "data_terbuka",
            "paket_data",
            "unduh",
            "katalog",
            "feed",
            "survei",
            "survei_form",
            "survei_terima_kasih",
            "survei_hasil",
            "survei_qr",
            "survei_png",
            "survei_cetak",
            "seleksi_list",
            "seleksi_detail",
        )
    },
    # Installing a counter kiosk: only with a registered kiosk's token (none here: 404).
    "publik:survei_kios": (404, 404, 404, 404, 404),
    "publik:seleksi_saya": (302, 200, 200, 200, 403),  # an employee's own; HR has no record
    "publik:seleksi_lamar": (302, 405, 405, 405, 403),  # POST only; HR has no employee record
    # HR's pages of the open selection (tests/publik/test_kelola.py).
    "publik:kelola_seleksi": (302, 403, 403, 403, 200),
    "publik:kelola_seleksi_ekspor": (302, 403, 403, 403, 405),  # POST only: a logged download
    "publik:kelola_seleksi_buka": (302, 403, 403, 403, 200),
    "publik:kelola_seleksi_detail": (302, 403, 403, 403, 200),
    "publik:kelola_tahap": (302, 403, 403, 403, 200),
    "publik:kelola_tahap_umumkan": (302, 403, 403, 403, 405),  # POST only
    "publik:kelola_seleksi_usulkan": (302, 403, 403, 403, 405),
    # Editing, rescheduling, cancelling (tests/publik/test_kelola_perubahan.py): the GET shows
    # the form (or why not), only a POST changes anything.
    "publik:kelola_seleksi_ubah": (302, 403, 403, 403, 200),
    "publik:kelola_seleksi_jadwal": (302, 403, 403, 403, 200),
    "publik:kelola_seleksi_batal": (302, 403, 403, 403, 200),
    # The merit-system index's assessments are HR's (tests/sistem_merit/test_views_penilaian.py);
    # every action is a POST.
    "sistem_merit:penilaian_list": (302, 403, 403, 403, 200),
    "sistem_merit:penilaian_create": (302, 403, 403, 403, 405),
    "sistem_merit:penilaian_detail": (302, 403, 403, 403, 200),
    "sistem_merit:penilaian_hitung": (302, 403, 403, 403, 405),  # queues a task
    "sistem_merit:penilaian_final": (302, 403, 403, 403, 405),
    "sistem_merit:jawaban_level": (302, 403, 403, 403, 405),
    "sistem_merit:dokumen_unggah": (302, 403, 403, 403, 405),
    "sistem_merit:dokumen_unduh": (302, 403, 403, 403, 200),  # a document kept by HR, to HR
    # The merit-system index (tests/sistem_merit): the evidence pack is HR's, a POST that queues
    # a task; the public page and its open data are everyone's. The walk has no final
    # assessment (its year 2025: 404) and fills the data set's code with a publik one (404).
    "sistem_merit:penilaian_paket": (302, 403, 403, 403, 405),
    "sistem_merit:publik": (200, 200, 200, 200, 200),
    "sistem_merit:publik_tahun": (404, 404, 404, 404, 404),
    "sistem_merit:data_paket": (200, 200, 200, 200, 200),
    "sistem_merit:data_unduh": (404, 404, 404, 404, 404),
}
APP_LIST = {  # admin:app_list per app label
    "pegawai": (302, 302, 200, 200, 200),
    "jabatan": (302, 302, 200, 200, 200),
    "kinerja": (302, 302, 200, 200, 200),
    "pelatihan": (302, 302, 200, 200, 200),
    "impor": (302, 302, 404, 404, 200),  # nothing of it for unit heads
    "survei": (302, 302, 404, 404, 200),  # HR marks units and moderates; unit heads: the dashboard
    "sistem_merit": (302, 302, 404, 404, 200),  # the instrument and assessments: HR's
    "auditlog": (302, 302, 404, 404, 200),
    "axes": (302, 302, 404, 404, 200),
    "auth": (302, 302, 404, 404, 200),
}
TANPA_NAMA = {  # unnamed admin patterns, by their route's last part
    "<path:object_id>/": (302, 302, 302, 302, 302),  # redirects to the change page
    "(?P<url>.*)$": (302, 302, 404, 404, 404),  # the admin's catch-all
}
# An app label may hold an underscore itself (sistem_merit): match the labels by name.
_LABEL = "|".join(sorted((a.label for a in apps.get_app_configs()), key=len, reverse=True))
AKSI = re.compile(
    rf"^admin:({_LABEL})_(\w+?)_(changelist|add|change|delete|history|auditlog|ekspor)$"
)


def _patterns(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield name, prefix + str(p.pattern)


def _harapan_model(aturan: Aturan, aksi: str) -> tuple[int, ...]:
    """Expected statuses of one admin model view for the five roles."""

    def staff(hak: str, unit_ini: bool) -> int:
        perlu = {
            "changelist": "v",
            "ekspor": "v",
            "add": "a",
            "change": "v",
            "history": "v",
            "delete": "d",
            "auditlog": "audit",
        }[aksi]
        dengan_id = aksi in ("change", "history", "delete")
        if aksi == "auditlog":
            return 200 if "HR" in hak else 403  # the audit trail is HR's alone
        if dengan_id and aturan.lingkup == "unit" and not unit_ini:
            return 404  # outside the scope: as if absent
        if aksi == "change":
            return 200 if ("v" in hak or "c" in hak) else 403
        if aksi == "ekspor":  # a POST queues it (test_an_admin_export_post_...); GET is refused
            return 405
        return 200 if perlu in hak else 403

    hr = aturan.hr + ("HR" if aturan.audit else "")
    return (302, 302, staff(aturan.pimpinan, False), staff(aturan.pimpinan, True), staff(hr, True))


def _url_dan_harapan(objek: dict[str, object]) -> list[tuple[str, str, tuple[int, ...]]]:
    rows = []
    for name, route in _patterns(get_resolver().url_patterns):
        if name is None:
            kunci = next(k for k in TANPA_NAMA if route.endswith(k))
            path = route.replace("(?P<url>.*)$", "tidak-ada/").replace(
                "<path:object_id>", str(objek["pegawai.pegawai"].pk)
            )
            rows.append((route, "/" + path, TANPA_NAMA[kunci]))
        elif name == "admin:app_list":
            for app_label, harapan in APP_LIST.items():
                rows.append((f"{name}:{app_label}", f"/admin/{app_label}/", harapan))
        elif name in HALAMAN:
            pegawai = objek["pegawai.pegawai"]
            isian = {
                "<path:content_type_id>": ContentType.objects.get_for_model(pegawai).pk,
                "<path:object_id>": pegawai.pk,
                "<id>": objek["auth.user"].pk,
                "<int:kotak>": 5,
                "<str:tabel>.<str:fmt>": "distribusi.csv",
                "<slug:kode>.<str:fmt>": "jabatan-terisi.csv",
                "<str:fmt>": "csv",
                "<int:pk>": objek["kinerja.skp"].pk,
                "<int:formasi_id>": objek["jabatan.formasi"].pk,
                "<int:keputusan_id>": objek["jabatan.keputusan"].pk,
                "<int:suksesor_id>": objek["jabatan.suksesor"].pk,
                "<int:pegawai_id>": pegawai.pk,
                "<uuid:pk>": objek["tugas.progres"].pk,
                "<int:sesi_id>": objek["pelatihan.sesi"].pk,
                "<int:eksternal_id>": objek["pelatihan.pelatihaneksternal"].pk,
                "<slug:kode>": objek["survei.unitlayanan"].kode,
                "<str:bagian>": "unsur",
                "<int:seleksi_id>": objek["publik.seleksi"].pk,
                "<int:tahap_id>": objek["publik.tahap"].pk,
                "<int:penilaian_id>": objek["sistem_merit.penilaian"].pk,
                "<int:jawaban_id>": objek["sistem_merit.jawabankriteria"].pk,
                "<int:dokumen_id>": objek["sistem_merit.dokumenbukti"].pk,
                "<int:tahun>": 2025,
            }
            path = "/" + route
            for placeholder, value in isian.items():
                path = path.replace(placeholder, str(value))
            rows.append((name, path, HALAMAN[name]))
        elif m := AKSI.match(name):
            app_label, model_name, aksi = m.groups()
            label = f"{app_label}.{model_name}"
            assert label in MODEL, f"no access expectation for the admin of {label}"
            obj = objek[label]
            path = "/" + route.replace("<path:object_id>", str(obj.pk))
            rows.append((name, path, _harapan_model(MODEL[label], aksi)))
        else:
            raise AssertionError(f"no access expectation for URL {name!r} ({route})")
    return rows


def _clients(org) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        client = Client()
        if org.users[role] is not None:
            client.force_login(org.users[role])
        clients[role] = client
    return clients


def _ke_login(login: str, path: str) -> str:
    return f"{login}?{urlencode({'next': path}, safe='/')}"


TUGAS = "/tugas/"


def _tujuan(role: str, name: str | None, path: str) -> str:
    """Where a 302 of `path` for `role` must lead: a login page naming the page to come back
    to, or the one page a redirecting view is for. Never elsewhere (an open redirect, a wrong
    permission check that bounces instead of refusing)."""
    masuk = role == "anonim"
    staf = role in ("pimpinan_lain", "pimpinan", "hr")
    if name == "set_language":
        return "/"  # GET changes nothing and goes home
    if name == "beranda":
        return "/saya/" if role == "pegawai" else "/jabatan/unit/"  # the landing by role
    if name in ("duk_lama", "duk_cetak_lama"):
        return path.replace("/impor/", "/jabatan/")  # the DUK's old address
    if name == "masuk":
        return "/"  # LOGIN_REDIRECT_URL for who is signed in already
    if name == "admin:logout":
        return "/admin/"  # nobody to log out: back to the admin, which asks for a login
    if path.startswith("/admin/"):
        if not staf:
            return _ke_login("/admin/login/", path)
        if name == "admin:login":
            return "/admin/"
        if name is not None and name.endswith("<path:object_id>/"):
            return f"{path}change/"  # the admin's short link to a change page
        raise AssertionError(f"no redirect expected for {role} on {path}")
    assert masuk, f"no redirect expected for {role} on {path}"
    return _ke_login("/masuk/", path)


def test_every_page_behind_a_login_declares_its_capability():
    """Every page HALAMAN sends an anonymous visitor to the login page from is declared, apart
    from the admin (Django's own checks) and tugas (below pegawai: its task pages answer 404 to
    all but the task's starter)."""
    from pegawai.capability import declared_pages

    pages = declared_pages()
    tidak = [
        name
        for name, (anonim, *_rest) in HALAMAN.items()
        if anonim == 302
        and not name.startswith(("admin:", "tugas:"))
        and name not in ("set_language",)
        and name not in pages
    ]
    assert not tidak, tidak


def test_it_answers_every_url_for_every_role_as_expected():
    from tugas.models import Progres

    org = buat_organisasi()
    objek = objek_unit_a(org)
    objek["tugas.progres"] = Progres.objects.create(jenis="uji", label="Uji", oleh=org.users["hr"])
    clients = _clients(org)
    salah = []
    catatan = CatatanEkspor.objects.count()
    rows = _url_dan_harapan(objek)
    assert len(rows) > 100  # every admin view of every model, and the pages
    for name, path, harapan in rows:
        for role, status in zip(ROLES, harapan, strict=True):
            response = clients[role].get(path)
            got = response.status_code
            if got != status:
                salah.append(f"{role:14} {path:60} expected {status}, got {got} ({name})")
            elif got in (301, 302) and not (
                response["Location"] == (ke := _tujuan(role, name, path))
                or (ke == TUGAS and response["Location"].startswith(TUGAS))
            ):
                salah.append(f"{role:14} {path:60} to {response['Location']}, expected {ke}")
    assert not salah, "\n".join(salah)
    # No GET of any address, by anyone, logs an export (an export is a POST).
    assert CatatanEkspor.objects.count() == catatan


def _ekspor_post(objek: dict[str, object]) -> list[tuple[str, str, tuple[int, ...]]]:
    """Every export that queues a task (a POST): (name, path, status per role). An admin list's
    export opens for who may view the list; the ranking's for HR."""

    def boleh(hak: str) -> int:
        return 302 if "v" in hak else 403

    rows = []
    for name, route in _patterns(get_resolver().url_patterns):
        if name and (m := AKSI.match(name)) and m[3] == "ekspor":
            aturan = MODEL[f"{m[1]}.{m[2]}"]
            harapan = (302, 302, boleh(aturan.pimpinan), boleh(aturan.pimpinan), boleh(aturan.hr))
            rows.append((name, "/" + route, harapan))
    formasi = objek["jabatan.formasi"].pk
    rows.append(("jabatan:lowongan_ekspor", f"/jabatan/lowongan/{formasi}/ekspor/", HR_SAJA))
    rows.append(("impor:ekspor", "/impor/ekspor.csv", HR_SAJA))
    # The DUK of unit A: its unit head and HR; the other unit's head as if it were absent.
    unit = objek["pegawai.unitkerja"].pk
    rows.append(
        ("jabatan:duk_ekspor", f"/jabatan/duk/ekspor.csv?unit={unit}", (302, 403, 404, 302, 302))
    )
    # The JP dashboard's tables: unit heads and HR; "distribusi" is no table of this page.
    rows.append(("pelatihan:ekspor", "/pelatihan/ekspor/pegawai.csv", (302, 403, 302, 302, 302)))
    rows.append(("pelatihan:ekspor", "/pelatihan/ekspor/distribusi.csv", (302, 403, 404, 404, 404)))
    return rows


HR_SAJA = (302, 403, 403, 403, 302)


def test_every_export_post_queues_for_who_may_see_the_list_and_refuses_the_others():
    """The exports answer a GET with 405 (the walk above); their POST keeps the list's access:
    the queued task's progress page for who may see it, 403 for the others, the login for the
    anonymous (and, in the admin, for who is not staff)."""
    org = buat_organisasi()
    clients = _clients(org)
    salah = []
    rows = _ekspor_post(objek_unit_a(org))
    assert len(rows) > 20  # every admin list of the project's BaseAdmin, and the ranking
    for name, path, harapan in rows:
        for role, status in zip(ROLES, harapan, strict=True):
            response = clients[role].post(path, {"format": "csv"})
            got = response.status_code
            if got != status:
                salah.append(f"{role:14} {path:60} expected {status}, got {got} ({name})")
            elif got == 302:
                ke = response["Location"]
                login = "/admin/login/" if path.startswith("/admin/") else "/masuk/"
                harus = TUGAS if role in ("pimpinan_lain", "pimpinan", "hr") else login
                if not ke.startswith(harus):
                    salah.append(f"{role:14} {path:60} to {ke}, expected {harus}")
    assert not salah, "\n".join(salah)


def _unduh_post(objek: dict[str, object]) -> list[tuple[str, str, tuple[int, ...]]]:
    """Every download answered in the POST's response (a small logged table): (name, path,
    status per role), as the page it belongs to opens."""
    sesi, layanan = objek["pelatihan.sesi"].pk, objek["survei.unitlayanan"].kode
    pimpinan_dan_hr = (302, 403, 200, 200, 200)
    return [
        ("jabatan:lowongan_daftar_ekspor", "/jabatan/lowongan/ekspor.csv", pimpinan_dan_hr),
        ("kinerja:ekspor", "/kinerja/ekspor/distribusi.csv", pimpinan_dan_hr),
        ("kinerja:ekspor", "/kinerja/ekspor/nama.csv", (302, 403, 404, 404, 404)),
        # The service unit of unit A: the other unit's head as if it were absent.
        (
            "survei:unit_ekspor",
            f"/kinerja/survei/{layanan}/unduh/unsur.csv",
            (302, 403, 404, 200, 200),
        ),
        ("pelatihan:peserta_ekspor", f"/pelatihan/sesi/{sesi}/peserta.xlsx", pimpinan_dan_hr),
        ("publik:kelola_seleksi_ekspor", "/kelola/seleksi/ekspor.csv", (302, 403, 403, 403, 200)),
        ("impor:templat", "/impor/templat.xlsx", (302, 403, 403, 403, 200)),
        ("impor:contoh", "/impor/contoh-siasn.json", (302, 403, 403, 403, 200)),
    ]


def test_every_download_post_answers_with_the_file_for_who_may_see_the_page():
    """The direct downloads answer a GET with 405 (the walk above); their POST keeps the page's
    access: the file for who may see it (logged), 403 or 404 for the others, the login for the
    anonymous."""
    org = buat_organisasi()
    clients = _clients(org)
    salah = []
    for name, path, harapan in _unduh_post(objek_unit_a(org)):
        for role, status in zip(ROLES, harapan, strict=True):
            n = CatatanEkspor.objects.count()
            response = clients[role].post(path)
            got = response.status_code
            if got != status:
                salah.append(f"{role:14} {path:60} expected {status}, got {got} ({name})")
            elif got == 200 and not (
                response["Content-Disposition"].startswith("attachment; ")
                and CatatanEkspor.objects.count() == n + 1
            ):
                salah.append(f"{role:14} {path:60} no logged attachment ({name})")
            elif got == 302 and not response["Location"].startswith("/masuk/"):
                salah.append(f"{role:14} {path:60} to {response['Location']} ({name})")
    assert not salah, "\n".join(salah)


# --- Guessing ids, lists, search, filters and exports --------------------------------------


def _client(org, role: str) -> Client:
    client = Client()
    client.force_login(org.users[role])
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pegawai/pegawai/{b}/change/",
        "/admin/pegawai/pegawai/{b}/history/",
        "/admin/pegawai/riwayatpangkat/{rb}/change/",
        "/admin/jabatan/penempatan/{pb}/change/",
    ],
)
def test_a_unit_head_guessing_an_id_of_another_unit_gets_404_and_no_data(org, url):
    b = org.pegawai_b
    path = url.format(b=b.pk, rb=b.riwayat_pangkat.first().pk, pb=b.penempatan.first().pk)
    response = _client(org, "pimpinan").get(path)
    assert response.status_code == 404
    assert b.nama not in response.content.decode()
    assert b.nip not in response.content.decode()


def test_a_unit_head_lists_only_their_unit_and_below(org):
    response = _client(org, "pimpinan").get("/admin/pegawai/pegawai/")
    names = {p.nama for p in response.context["cl"].result_list}
    assert names == {"Baiq Nurul Aini", "I Made Sudarsana"}  # bidang A and unit A itself


def test_search_and_filters_do_not_reach_outside_the_scope(org):
    client = _client(org, "pimpinan")
    b = org.pegawai_b
    # Each query names B's employee one way; the page must show nothing else of them.
    for query, lain in (
        ({"q": b.nip}, b.nama),
        ({"q": b.nama}, b.nip_tercetak),
        ({"perangkat_daerah": org.unit_b.pk}, b.nama),
    ):
        response = client.get("/admin/pegawai/pegawai/", query)
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            # A filter value the list does not offer: the admin's "invalid filter" page, the
            # same list with ?e=1 and no rows.
            assert response["Location"] == "/admin/pegawai/pegawai/?e=1"
        else:
            assert list(response.context["cl"].result_list) == []
            assert lain not in response.content.decode()


def test_the_unit_filter_offers_only_units_in_scope(org):
    response = _client(org, "pimpinan").get("/admin/pegawai/pegawai/")
    body = response.content.decode()
    assert "Dinas Kesehatan" in body
    assert "Dinas Pendidikan" not in body


def test_autocomplete_offers_only_employees_in_scope(org):
    response = _client(org, "pimpinan").get(
        "/admin/autocomplete/",
        {"app_label": "pegawai", "model_name": "riwayatpangkat", "field_name": "pegawai"},
    )
    assert response.status_code == 200
    names = {row["text"] for row in response.json()["results"]}
    assert any("Baiq Nurul Aini" in n for n in names)
    assert not any("Lalu Ahmad Zaini" in n for n in names)


def test_an_export_holds_only_rows_in_scope_and_is_logged(org, unduh_ekspor):
    from pegawai.models import CatatanEkspor

    client = _client(org, "pimpinan")
    body = unduh_ekspor(client, "/admin/pegawai/pegawai/ekspor/").decode("utf-8-sig")
    assert "Baiq Nurul Aini" in body
    assert "Lalu Ahmad Zaini" not in body
    assert org.pegawai_b.nip not in body
    catatan = CatatanEkspor.objects.get()
    assert (catatan.user, catatan.data, catatan.jumlah_baris) == (
        org.users["pimpinan"],
        "pegawai.pegawai",
        2,
    )
    assert catatan.alamat_ip == "127.0.0.1"


def test_an_export_follows_the_filters_on_screen(org, unduh_ekspor):
    client = _client(org, "hr")
    body = unduh_ekspor(client, "/admin/pegawai/pegawai/ekspor/", {"q": org.pegawai_b.nip}).decode(
        "utf-8-sig"
    )
    lines = body.splitlines()
    assert len(lines) == 2  # header and one employee
    assert org.pegawai_b.nip_tercetak in lines[1]


def test_an_employee_sees_their_own_record_and_nobody_elses(org):
    client = _client(org, "pegawai")
    response = client.get("/saya/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Baiq Nurul Aini" in body and org.pegawai_a.nip_tercetak in body
    assert "Lalu Ahmad Zaini" not in body
    path = f"/admin/pegawai/pegawai/{org.pegawai_b.pk}/change/"
    response = client.get(path)
    assert response.status_code == 302  # not staff: the admin asks for a staff login
    assert response["Location"] == _ke_login("/admin/login/", path)


def test_the_public_never_sees_nip_or_birth_dates(org):
    body = Client().get("/").content.decode()
    for p in (org.pegawai_a, org.pegawai_b):
        assert p.nip not in body and p.nip_tercetak not in body
        assert p.nama not in body


def test_a_unit_heads_home_page_is_their_unit_and_hrs_counts_every_unit(org):
    response = _client(org, "pimpinan").get("/", follow=True)
    assert response.redirect_chain == [("/jabatan/unit/", 302)]
    assert response.context["b"].unit == org.unit_a
    response = _client(org, "hr").get("/")
    assert response.context["ringkasan"]["pegawai_aktif"] == 4


def test_hr_links_a_login_to_the_unit_it_leads(org):
    from django.contrib.auth.models import User

    from pegawai.models import Akses

    client = _client(org, "hr")
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "pegawai", "model_name": "akses", "field_name": "user", "term": "pimp"},
    )
    assert response.status_code == 200
    assert {row["text"] for row in response.json()["results"]} >= {"pimpinan", "pimpinan.lain"}
    baru = User.objects.create_user("kepala.baru", is_staff=True)
    response = client.post(
        "/admin/pegawai/akses/add/",
        {"user": baru.pk, "unit_kerja": org.unit_b.pk, "pegawai": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pegawai/akses/"  # saved: back to the list
    assert Akses.objects.get(user=baru).unit_kerja == org.unit_b
