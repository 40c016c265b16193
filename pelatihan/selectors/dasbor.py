"""The JP dashboard: compliance per unit, the employees page by page, the plan against
its realisation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import (
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from pelatihan import rules
from pelatihan.selectors.jp import BarisUnit, jp_per_unit, kelompok_unit, pegawai_dengan_jp
from pelatihan.selectors.rencana import rencana_vs_realisasi

if TYPE_CHECKING:
    from pelatihan.filters import JpFilter

PER_HALAMAN = 50


@dataclass
class DasborJp:
    filterset: object
    tahun: int
    unit: list[BarisUnit] = field(default_factory=list)
    pegawai: QuerySet | None = None  # filtered, ordered, not yet paged
    rencana: list = field(default_factory=list)  # plan against realisation

    @property
    def pns(self) -> int:
        return sum(b.pns for b in self.unit)

    @property
    def pns_memenuhi(self) -> int:
        return sum(b.pns_memenuhi for b in self.unit)

    @property
    def persen(self) -> float:
        return round(100 * self.pns_memenuhi / self.pns, 1) if self.pns else 0.0

    @property
    def pppk(self) -> int:
        return sum(b.pppk for b in self.unit)

    @property
    def pppk_lebih(self) -> int:
        return sum(b.pppk_lebih for b in self.unit)


def dasbor_filter(scope: Lingkup, data) -> JpFilter:
    """The JP dashboard's filters bound to `data` (a query string), this year by default: the
    dashboard and its exports check the same filters."""
    from pelatihan.filters import JpFilter

    data = data.copy() if data is not None else {}
    if not data.get("tahun"):
        data["tahun"] = str(timezone.localdate().year)
    return JpFilter(data, queryset=Pegawai.objects.none(), scope=scope)


def dasbor_jp(scope: Lingkup, data) -> DasborJp:
    """Return the JP dashboard of the scope: per unit the share of PNS meeting 20 JP (and PPPK
    above 24 JP), and the employees with their JP of the year, filtered and ordered."""
    fs = dasbor_filter(scope, data)
    if not fs.is_valid():
        return DasborJp(filterset=fs, tahun=timezone.localdate().year)
    tahun = int(fs.form.cleaned_data["tahun"])
    unit = fs.form.cleaned_data.get("unit")
    fs.queryset = pegawai_dengan_jp(scope, tahun)
    qs = fs.qs
    if not fs.form.cleaned_data.get("urut"):
        qs = qs.order_by("nama", "nip")
    kelompok = kelompok_unit(scope, unit)
    # The unit table ignores the "meets the rule" filter and the name search: it is the share.
    dasar = pegawai_dengan_jp(scope, tahun)
    if unit is not None:
        dasar = dasar.filter(unit_kerja__path__startswith=unit.path)
    if fs.form.cleaned_data.get("status"):
        dasar = dasar.filter(status=fs.form.cleaned_data["status"])
    return DasborJp(
        filterset=fs,
        tahun=tahun,
        unit=jp_per_unit(dasar, tahun, kelompok),
        pegawai=qs,
        rencana=rencana_vs_realisasi(scope, tahun, unit),
    )


# --- The data the training needs are computed from ------------------------------------------


def status_label(p: Pegawai) -> str:
    """Return the employee's JP against the rule of their status, in words
    (pelatihan.rules.status_jp)."""
    st = rules.status_jp(p.status, p.jp)
    if p.status == Pegawai.Status.PNS:
        return _("Memenuhi") if st.memenuhi else _("Kurang %(n)s JP") % {"n": st.kurang}
    return _("Dalam batas") if st.memenuhi else _("Melebihi %(n)s JP") % {"n": st.lebih}


def tabel_ekspor(d: DasborJp, tabel: str) -> tuple[list[str], Iterable[tuple]]:
    """Return the header and rows of one of the dashboard's tables ("unit" or "pegawai"); the
    employees' rows are read in chunks as they are written."""
    if tabel == "unit":
        header = [
            _("Unit kerja"),
            _("PNS"),
            _("PNS memenuhi 20 JP"),
            _("Persen"),
            _("PPPK"),
            _("PPPK di atas 24 JP"),
            _("Jumlah JP"),
        ]
        return header, [
            (b.unit.nama, b.pns, b.pns_memenuhi, b.persen, b.pppk, b.pppk_lebih, b.jp_total)
            for b in d.unit
        ]
    header = [
        _("NIP"),
        _("Nama"),
        _("Status"),
        _("Unit kerja"),
        _("JP %(t)s") % {"t": d.tahun},
        _("Keterangan"),
    ]
    return header, (
        (p.nip, p.nama_lengkap, p.status, p.unit_kerja.nama, p.jp, status_label(p))
        for p in d.pegawai.iterator(chunk_size=2000)
    )
