"""The bulk enrolment's review (who is proposed for a session and why) and a session's
participant list. Scoped through `pegawai.akses`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from pelatihan import rules
from pelatihan.models import Peserta, Sesi
from pelatihan.selectors.jp import BatasPppk, BebanJp, batas_pppk, beban_jp
from pelatihan.selectors.kebutuhan import kebutuhan_halaman
from pelatihan.services.base import alasan_tidak_dapat_didaftar

# The review lists at most this many rows (each with its checkbox); a larger proposal is
# narrowed by unit or source first, which the page says.
TAMPIL_MAKS = 1000


@dataclass
class BarisUsulan:
    """One proposed employee: why, their JP of the session's year, and what stops enrolling."""

    pegawai: Pegawai
    alasan: list[str]
    jp: BebanJp
    batas: BatasPppk | None = None  # a PPPK's position against the 24 JP ceiling
    yang_ada: Peserta | None = None  # their request or enrolment on this session
    tolak: str = ""  # why they cannot be enrolled (already enrolled, ...); unticked
    tahun: int = 0  # the session's year, in which its JP would count
    jp_disebut: bool = False  # a "less than 20 JP" need already states the JP of the year

    @property
    def jp_teks(self) -> str:
        if self.pegawai.status == Pegawai.Status.PNS:
            return _("JP %(t)s: %(n)s dari minimal %(m)s") % {
                "t": self.tahun,
                "n": self.jp.diakui,
                "m": rules.JP_MINIMAL_PNS,
            }
        return _("JP %(t)s: %(n)s dari paling lama %(m)s (PPPK)") % {
            "t": self.tahun,
            "n": self.jp.diakui,
            "m": rules.JP_MAKSIMAL_PPPK,
        }


@dataclass
class UsulanMassal:
    form: object
    sesi: Sesi
    baris: list[BarisUsulan] = field(default_factory=list)
    ids: frozenset[int] = frozenset()  # every proposed employee, shown or not
    valid: bool = True

    @property
    def terpotong(self) -> bool:
        return len(self.ids) > len(self.baris)


def usulan_daftar_massal(scope: Lingkup, sesi: Sesi, data: QueryDict) -> UsulanMassal:
    """Return who is proposed for `sesi` under the needs page's filters (unit, source, name):
    every employee in scope with a need the session's program answers, and everyone in scope
    who asked to join it, each with the reasons, their JP of the session's year, the PPPK
    ceiling, and what would refuse their enrolment.

    Queries: the needs analysis' (fixed, kebutuhan_halaman), the employees of the rows (one per
    2,000), this session's enrolments of the filtered employees (1), JP (3) and the PPPK
    ceiling's (3): a fixed number whatever the number of rows.
    """
    q = QueryDict(mutable=True)
    for k in ("unit", "sumber", "q"):
        if data.get(k):
            q[k] = data[k]
    q["program"] = str(sesi.program_id)
    h = kebutuhan_halaman(scope, q)
    if h.baris is None:
        return UsulanMassal(form=h.form, sesi=sesi, valid=False)
    per_pegawai: dict[int, tuple[Pegawai, list[str]]] = {}
    sudah_jp: set[int] = set()
    for p, kebutuhan in h.baris:
        alasan = [f"{k.label_sumber}: {k.alasan}" for k in kebutuhan]
        per_pegawai[p.pk] = (p, alasan)
        if any(k.sumber == rules.SUMBER_JP for k in kebutuhan):
            sudah_jp.add(p.pk)  # the need already says the JP of the year
    yang_ada = {
        y.pegawai_id: y
        for y in Peserta.objects.filter(sesi=sesi, pegawai__in=h.pegawai.order_by().values("pk"))
        .select_related("pegawai__unit_kerja")
        .order_by()
    }
    for y in yang_ada.values():
        if y.status == Peserta.Status.DIAJUKAN:
            p, alasan = per_pegawai.setdefault(y.pegawai_id, (y.pegawai, []))
            alasan.insert(
                0, _("Mengajukan diri ikut sesi ini (%(t)s)") % {"t": _tanggal(y.updated_at)}
            )
    urut = sorted(per_pegawai.values(), key=lambda r: (r[0].nama, r[0].nip))
    ids = frozenset(per_pegawai)
    tampil = urut[:TAMPIL_MAKS]
    tahun = sesi.tanggal_selesai.year
    pegawai = [p for p, _a in tampil]
    jp = beban_jp([p.pk for p in pegawai], tahun, kecuali_sesi=sesi.pk) if pegawai else {}
    batas = batas_pppk(pegawai, sesi)
    hari_ini = timezone.localdate()
    baris = []
    for p, alasan in tampil:
        ada = yang_ada.get(p.pk)
        tolak = " ".join(
            m
            for _f, m in alasan_tidak_dapat_didaftar(
                sesi=sesi, pegawai=p, yang_ada=ada, hari_ini=hari_ini, cek_kapasitas=False
            )
        )
        baris.append(
            BarisUsulan(
                pegawai=p,
                alasan=alasan,
                jp=jp.get(p.pk, BebanJp()),
                batas=batas.get(p.pk),
                yang_ada=ada,
                tolak=tolak,
                tahun=tahun,
                jp_disebut=p.pk in sudah_jp,
            )
        )
    return UsulanMassal(form=h.form, sesi=sesi, baris=baris, ids=ids)


def _tanggal(waktu) -> str:
    return date_format(timezone.localtime(waktu).date())


# --- A session's participants ----------------------------------------------------------------


def peserta_sesi(scope: Lingkup, sesi: Sesi) -> QuerySet[Peserta]:
    """Return the enrolments and requests of `sesi` in scope, with the employee and unit."""
    return scope.filter(
        Peserta.objects.filter(sesi=sesi), path="pegawai__unit_kerja__path", pegawai="pegawai_id"
    ).select_related("pegawai__unit_kerja")
