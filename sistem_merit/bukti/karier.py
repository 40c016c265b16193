"""Evidence of career management and filling posts: named successors of key posts, JPT posts
filled by open selection, decisions that cite the merit ranking and performance.

Every decision figure reads the decisions (jabatan Keputusan) signed in the 12 months up to and
including `tanggal` (`tanggal_sk`, the decree's date, in that window) and not annulled on
`tanggal` (never annulled, or annulled after it): the assessment looks back one year from its
date, whatever the calendar year.
"""

from __future__ import annotations

from datetime import date

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from jabatan.models import Formasi, Keputusan, Suksesor
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.nip import format_nip
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.ukur import (
    Baris,
    akhir_hari,
    angka,
    hitung_qs,
    jendela_12_bulan,
    uraian_angka,
    ya_tidak,
)

JENIS_JPT = (JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA)
# The key posts the merit index asks succession plans for: the JPT and Administrator posts
# (PermenPANRB 3/2020, the talent-management target posts of the higher levels). jabatan lets
# HR name successors on every manajerial post (jabatan.suksesi.formasi_kunci, Pengawas
# included); a Pengawas plan is welcome but not asked here.
JENIS_KUNCI = (*JENIS_JPT, JenisJabatan.ADMINISTRATOR)


def keputusan_pada(tanggal: date) -> QuerySet[Keputusan]:
    """Return the decisions signed in the 12 months up to `tanggal` and in force on it
    (not annulled, or annulled after `tanggal`)."""
    awal, akhir = jendela_12_bulan(tanggal)
    return Keputusan.objects.filter(tanggal_sk__range=(awal, akhir)).filter(
        Q(dibatalkan_pada__isnull=True) | Q(dibatalkan_pada__gt=tanggal)
    )


def _label_jenis(jenis: str) -> str:
    return str(JenisJabatan(jenis).label) if jenis in JenisJabatan.values else jenis


# --- Named successors of key posts --------------------------------------------------------------


def _suksesor_pada(tanggal: date) -> QuerySet[Suksesor]:
    """The successors named on or before `tanggal` and still named on it: active now, or
    removed after `tanggal` (a removed row is not edited again, so its last change is the
    removal: jabatan.services.suksesi)."""
    return Suksesor.objects.filter(tanggal_penetapan__lte=tanggal).filter(
        Q(aktif=True) | Q(updated_at__gte=akhir_hari(tanggal))
    )


def _formasi_kunci(tanggal: date) -> QuerySet[Formasi]:
    """The key posts of active positions that existed on `tanggal`."""
    return Formasi.objects.filter(
        jabatan__jenis__in=JENIS_KUNCI, jabatan__aktif=True, created_at__lt=akhir_hari(tanggal)
    )


def suksesor_jabatan_kunci(tanggal: date) -> Angka:
    """Count the key posts (formasi of an active JPT or Administrator position, existing on
    `tanggal`) with at least one named successor (jabatan Suksesor) on `tanggal`.

    Denominator: those key posts. As of `tanggal`: posts created by then; successors named by
    then and not removed by then. Evidences PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf d
    (succession groups from talent management) and PermenPANRB 3/2020 (rencana suksesi).
    One query."""
    ada = Exists(_suksesor_pada(tanggal).filter(formasi=OuterRef("pk")))
    hasil = (
        _formasi_kunci(tanggal)
        .annotate(ada=ada)
        .aggregate(n_total=Count("pk"), n_ada=Count("pk", filter=Q(ada=True)))
    )
    total, punya = hasil["n_total"], hasil["n_ada"]
    tanpa = total - punya
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s jabatan kunci (JPT dan Administrator) tanpa suksesor",
            "%(n)s jabatan kunci (JPT dan Administrator) tanpa suksesor",
            tanpa,
        ) % {"n": angka(tanpa)}
    return Angka(
        punya,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s jabatan kunci memiliki calon suksesor"), punya, total
        ),
        kurang,
    )


def suksesor_jabatan_kunci_baris(tanggal: date) -> Baris:
    """Return every key post counted, with its number of successors on `tanggal`. One query
    (the same posts and successors as `suksesor_jabatan_kunci`)."""
    kepala = [
        gettext("Kode unit"),
        gettext("Unit kerja"),
        gettext("Jabatan"),
        gettext("Jenis jabatan"),
        gettext("Jumlah calon suksesor"),
        gettext("Memiliki calon suksesor"),
    ]
    jumlah = (
        _suksesor_pada(tanggal)
        .filter(formasi=OuterRef("pk"))
        .order_by()
        .values("formasi")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        _formasi_kunci(tanggal)
        .annotate(n=Coalesce(Subquery(jumlah), 0))
        .order_by("unit_kerja__path", "jabatan__nama", "pk")
        .values_list("unit_kerja__kode", "unit_kerja__nama", "jabatan__nama", "jabatan__jenis", "n")
    )
    return kepala, [
        (k, u, j, _label_jenis(jenis), n, ya_tidak(n > 0)) for k, u, j, jenis, n in rows
    ]


daftar(
    Bukti(
        kode="suksesor_jabatan_kunci",
        judul=_("Jabatan kunci dengan calon suksesor"),
        hitung=suksesor_jabatan_kunci,
        baris=suksesor_jabatan_kunci_baris,
        tautan="admin:jabatan_suksesor_changelist",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf d; PermenPANRB 3/2020",
    )
)


# --- Decisions: the rows behind the decision figures ---------------------------------------------


def baris_keputusan(qs: QuerySet[Keputusan], judul: str, memenuhi: Q) -> Baris:
    """Return the decisions of `qs`, oldest first, each with whether it meets `memenuhi`
    (column `judul`): the rows behind a decision figure. One query."""
    kepala = [
        gettext("Nomor SK"),
        gettext("Tanggal SK"),
        gettext("Kode unit"),
        gettext("Unit kerja"),
        gettext("Jabatan"),
        gettext("NIP"),
        gettext("Nama"),
        gettext("Metode pengisian"),
        judul,
    ]
    rows = (
        qs.annotate(memenuhi=ExpressionWrapper(memenuhi, output_field=BooleanField()))
        .order_by("tanggal_sk", "pk")
        .values_list(
            "nomor_sk",
            "tanggal_sk",
            "formasi__unit_kerja__kode",
            "formasi__unit_kerja__nama",
            "formasi__jabatan__nama",
            "pegawai__nip",
            "pegawai__status",
            "pegawai__nama",
            "metode",
            "memenuhi",
        )
    )
    metode = dict(Keputusan.Metode.choices)
    return kepala, [
        (
            sk,
            tgl,
            kode,
            unit,
            jabatan,
            format_nip(nip, pppk=status == "PPPK"),
            nama,
            str(metode.get(m, m)),
            ya_tidak(ok),
        )
        for sk, tgl, kode, unit, jabatan, nip, status, nama, m, ok in rows
    ]


# --- JPT posts filled by open selection ----------------------------------------------------------

# A decision by "Seleksi terbuka" is recorded only with the open selection it came from, which
# publik's recorder checks is past its public announcement (or finished) and links
# (jabatan.asal_seleksi; jabatan.services.keputusan_create), and a correction cannot change a
# decision's method to or from it (jabatan.services.koreksi). So the method is the evidence;
# the link row itself lives in publik, which this app does not read (docs/desain.md).
SELEKSI_TERBUKA = Q(metode=Keputusan.Metode.SELEKSI_TERBUKA)


def _keputusan_jpt(tanggal: date) -> QuerySet[Keputusan]:
    return keputusan_pada(tanggal).filter(formasi__jabatan__jenis__in=JENIS_JPT)


def seleksi_terbuka_jpt(tanggal: date) -> Angka:
    """Count the JPT posts filled in the 12 months up to `tanggal` (decisions on a JPT post,
    signed in that window, in force on `tanggal`) whose decision came from an open selection
    announced to the public (method "Seleksi terbuka": see SELEKSI_TERBUKA for why the method
    proves the selection and its announcement).

    Denominator: those decisions (each filling of a post counts once). Evidences PP 11/2017 jo.
    PP 17/2020 Pasal 134 ayat (2) huruf c (open selection and promotion) and PermenPANRB
    15/2019 (pengisian JPT secara terbuka). One query."""
    n = hitung_qs(_keputusan_jpt(tanggal), SELEKSI_TERBUKA)
    ya, total = n["pembilang"], n["penyebut"]
    tanpa = total - ya
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s pengisian JPT dalam 12 bulan terakhir tidak melalui seleksi terbuka",
            "%(n)s pengisian JPT dalam 12 bulan terakhir tidak melalui seleksi terbuka",
            tanpa,
        ) % {"n": angka(tanpa)}
    return Angka(
        ya,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s pengisian JPT melalui seleksi terbuka yang diumumkan"),
            ya,
            total,
        ),
        kurang,
    )


def seleksi_terbuka_jpt_baris(tanggal: date) -> Baris:
    """Return the JPT decisions counted, each with whether it came from an open selection."""
    return baris_keputusan(_keputusan_jpt(tanggal), gettext("Seleksi terbuka"), SELEKSI_TERBUKA)


daftar(
    Bukti(
        kode="seleksi_terbuka_jpt",
        judul=_("Pengisian JPT melalui seleksi terbuka"),
        hitung=seleksi_terbuka_jpt,
        baris=seleksi_terbuka_jpt_baris,
        tautan="admin:jabatan_keputusan_changelist",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf c; PermenPANRB 15/2019",
    )
)


# --- Decisions that cite the ranking and performance ----------------------------------------------

# The decision froze the merit ranking with the appointee's place in it (peringkat_terpilih and
# the appointee's scored row, snapshot["terpilih"]), and that ranking weighed performance: the
# appointee's row has a performance component and the frozen weights give it a share
# (jabatan.services.keputusan._snapshot; jabatan.merit.KOMPONEN "kinerja"). Decisions recorded
# without a ranking (the demo's history, a bare placement) have neither.
BERBASIS_MERIT = Q(
    peringkat_terpilih__isnull=False,
    snapshot__terpilih__komponen__has_key="kinerja",
    snapshot__bobot__kinerja__gt=0,
)


def keputusan_berbasis_merit(tanggal: date) -> Angka:
    """Count the placement decisions (jabatan Keputusan) signed in the 12 months up to
    `tanggal` and in force on it that cite the merit ranking and performance: the appointee's
    rank and scored row, with a performance component of non-zero weight, frozen with the
    decision (BERBASIS_MERIT).

    Denominator: those decisions, every method and kind of post. Evidences PP 11/2017 jo.
    PP 17/2020 Pasal 134 ayat (2) huruf c and e (promotion on qualification, competency and
    performance, objectively and openly). One query."""
    n = hitung_qs(keputusan_pada(tanggal), BERBASIS_MERIT)
    ya, total = n["pembilang"], n["penyebut"]
    tanpa = total - ya
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s keputusan pengisian jabatan tanpa peringkat merit dan nilai kinerja",
            "%(n)s keputusan pengisian jabatan tanpa peringkat merit dan nilai kinerja",
            tanpa,
        ) % {"n": angka(tanpa)}
    return Angka(
        ya,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s keputusan pengisian jabatan berdasarkan peringkat merit"),
            ya,
            total,
        ),
        kurang,
    )


def keputusan_berbasis_merit_baris(tanggal: date) -> Baris:
    """Return the decisions counted, each with whether it cites the ranking and performance."""
    return baris_keputusan(
        keputusan_pada(tanggal), gettext("Peringkat merit dan kinerja"), BERBASIS_MERIT
    )


daftar(
    Bukti(
        kode="keputusan_berbasis_merit",
        judul=_("Keputusan pengisian jabatan berdasarkan peringkat merit dan kinerja"),
        hitung=keputusan_berbasis_merit,
        baris=keputusan_berbasis_merit_baris,
        tautan="admin:jabatan_keputusan_changelist",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf c dan e",
    )
)
