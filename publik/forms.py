"""The public forms: the satisfaction questionnaire (PermenPANRB 14/2017); HR's forms of the
open selection (PermenPANRB 15/2019)."""
# ruff: noqa: E501  (the regulation's questions are long sentences)

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jabatan.models import Formasi
from publik.models import (
    TAHAP_KOMPETENSI,
    URUTAN_TAHAP,
    HasilTahap,
    JenisTahap,
    Pelamar,
    Seleksi,
    Tahap,
)
from publik.services import (
    IsiSeleksi,
    seleksi_cancel,
    seleksi_open,
    seleksi_reschedule,
    seleksi_update,
    tahap_record_hasil,
)
from survei import rules
from survei.models import PANJANG_KOMENTAR, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan

# The questions and answer labels of the regulation's sample questionnaire (PermenPANRB 14/2017,
# lampiran), one per element of `rules.UNSUR_SKM`, answers 1 (worst) to 4 (best).
PERTANYAAN = {
    "persyaratan": (
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    "prosedur": (
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    "waktu": (
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    "biaya": (
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    "produk": (
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    "kompetensi": (
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    "perilaku": (
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"
        ),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    "pengaduan": (
        _("Bagaimana pendapat Saudara tentang kualitas penanganan pengaduan, saran dan masukan?"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
    "sarana": (
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
}

KOSONG = [("", _("— tidak diisi —"))]


class SurveiForm(forms.Form):
    """The nine elements (required), the optional profile, an optional comment, a honeypot."""

    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=KOSONG + JenisKelamin.choices, required=False
    )
    usia = forms.ChoiceField(label=_("Usia"), choices=KOSONG + KelompokUsia.choices, required=False)
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=KOSONG + Pendidikan.choices, required=False
    )
    pekerjaan = forms.ChoiceField(
        label=_("Pekerjaan"), choices=KOSONG + Pekerjaan.choices, required=False
    )
    komentar = forms.CharField(
        label=_("Saran atau komentar (tidak wajib)"),
        required=False,
        max_length=PANJANG_KOMENTAR,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Jangan tulis nama, nomor telepon atau alamat. Komentar tampil setelah diperiksa BKPSDM."
        ),
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled by bots that fill every field.
    situs_web = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        unsur = {}
        for nomor, (kode, nama) in enumerate(rules.UNSUR_SKM, 1):
            pertanyaan, label = PERTANYAAN[kode]
            unsur[kode] = forms.TypedChoiceField(
                label=pertanyaan,
                choices=[(str(i), f"{i}. {label[i - 1]}") for i in rules.NILAI_SKM],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
            unsur[kode].unsur = f"{nomor}. {nama}"
        # The nine elements first, in the regulation's order.
        self.fields = {**unsur, **self.fields}

    @property
    def unsur_fields(self):
        return [self[kode] for kode, _nama in rules.UNSUR_SKM]

    @property
    def profil_fields(self):
        return [self[f] for f in ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")]

    @property
    def jebakan_terisi(self) -> bool:
        return bool(self.data.get("situs_web"))

    def jawaban(self) -> list[int]:
        return [self.cleaned_data[kode] for kode, _nama in rules.UNSUR_SKM]

    def profil(self) -> dict[str, str]:
        return {
            f: self.cleaned_data.get(f, "")
            for f in ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")
        }


# --- HR's forms of the open selection (seleksi terbuka JPT, PermenPANRB 15/2019) ----------------

GALAT_TANGGAL = _("Tanggal harus berformat TTTT-BB-HH.")


class _SeleksiForm(forms.Form):
    """A state-changing form of the open selection: `simpan()` calls one service and puts its
    field-keyed errors on the form (keys `tahap_<jenis>` on that stage's start date, keys
    `pelamar_<id>` on that applicant's result)."""

    def simpan(self, **kwargs: Any) -> Any:
        try:
            return self._simpan(**kwargs)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                self.add_error(None, exc)
                return None
            for key, pesan in exc.message_dict.items():
                for nama in (key, f"{key}_mulai", key.replace("pelamar_", "hasil_")):
                    if nama in self.fields:
                        self.add_error(nama, pesan)
                        break
                else:
                    self.add_error(None, pesan)
            return None

    def _simpan(self, **kwargs: Any) -> Any:
        raise NotImplementedError


class SeleksiBukaForm(_SeleksiForm):
    """Open a selection for vacant JPT posts: committee, the six stages' dates, the committee's
    order of the competence stages, and the JPT requirements the announcement sets
    (publik.services.seleksi_open)."""

    judul = forms.CharField(
        label=_("Judul seleksi"),
        max_length=200,
        error_messages={"required": _("Judul wajib diisi.")},
    )
    nomor_pengumuman = forms.CharField(
        label=_("Nomor pengumuman"),
        max_length=100,
        error_messages={"required": _("Nomor pengumuman wajib diisi.")},
    )
    formasi = forms.ModelMultipleChoiceField(
        label=_("Formasi JPT yang lowong"),
        queryset=Formasi.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Pilih sedikitnya satu formasi JPT yang lowong."),
            "invalid_choice": _("Formasi %(value)s bukan formasi JPT yang lowong."),
            "invalid_pk_value": _("“%(pk)s” bukan nomor formasi."),
        },
    )
    usia_maksimal_jpt = forms.IntegerField(
        label=Seleksi._meta.get_field("usia_maksimal_jpt").verbose_name,
        help_text=Seleksi._meta.get_field("usia_maksimal_jpt").help_text,
        required=False,
        error_messages={"invalid": _("Usia paling tinggi berupa bilangan bulat.")},
    )
    tahun_jabatan_jpt = forms.IntegerField(
        label=Seleksi._meta.get_field("tahun_jabatan_jpt").verbose_name,
        help_text=Seleksi._meta.get_field("tahun_jabatan_jpt").help_text,
        required=False,
        min_value=0,
        error_messages={"invalid": _("Lama menduduki jabatan berupa bilangan bulat.")},
    )
    dasar_pengecualian = forms.CharField(
        label=Seleksi._meta.get_field("dasar_pengecualian").verbose_name,
        help_text=Seleksi._meta.get_field("dasar_pengecualian").help_text,
        required=False,
        max_length=200,
    )
    panitia = forms.CharField(
        label=_("Panitia seleksi"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Satu anggota per baris: nama; peran (misalnya “Sekretaris Daerah; ketua”). "
            "Berjumlah ganjil, sedikitnya lima orang."
        ),
        error_messages={"required": _("Panitia seleksi wajib diisi.")},
    )

    def __init__(self, *args: Any, formasi: QuerySet[Formasi], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["formasi"].queryset = formasi
        self.fields["formasi"].label_from_instance = lambda f: (
            f"{f.jabatan.nama} — {f.unit_kerja.nama}"
        )
        for jenis, label in JenisTahap.choices:
            for ujung, nama in (("mulai", _("mulai")), ("selesai", _("selesai"))):
                self.fields[f"tahap_{jenis}_{ujung}"] = forms.DateField(
                    label=f"{label}: {nama}",
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                    error_messages={
                        "required": _("%(t)s: tanggal %(u)s wajib diisi.")
                        % {"t": label, "u": nama},
                        "invalid": GALAT_TANGGAL,
                    },
                )

        # The committee's order of the competence stages (PermenPANRB 15/2019), 1 to 3.
        nomor = [(n, str(n)) for n in range(1, len(TAHAP_KOMPETENSI) + 1)]
        for n, jenis in enumerate(TAHAP_KOMPETENSI, start=1):
            label = JenisTahap(jenis).label
            # Not sent (an older client): the usual place.
            self.fields[f"urutan_{jenis}"] = forms.TypedChoiceField(
                label=_("%(t)s: urutan") % {"t": label},
                choices=nomor,
                coerce=int,
                initial=n,
                required=False,
                empty_value=n,
            )

    def syarat_jpt(self) -> list[forms.BoundField]:
        """The JPT requirements the announcement may set, for the template."""
        return [self[n] for n in ("usia_maksimal_jpt", "tahun_jabatan_jpt", "dasar_pengecualian")]

    def jadwal(
        self,
    ) -> list[tuple[str, forms.BoundField | None, forms.BoundField, forms.BoundField]]:
        """The stages in the usual order with their order field (competence stages only) and
        date fields, for the template's table."""
        return [
            (
                label,
                self[f"urutan_{j}"] if j in TAHAP_KOMPETENSI else None,
                self[f"tahap_{j}_mulai"],
                self[f"tahap_{j}_selesai"],
            )
            for j, label in JenisTahap.choices
        ]

    def clean_panitia(self) -> list[tuple[str, str]]:
        baris = []
        for i, line in enumerate(self.cleaned_data["panitia"].splitlines(), start=1):
            if not line.strip():
                continue
            nama, _sep, peran = line.partition(";")
            if not nama.strip() or not peran.strip():
                raise ValidationError(
                    _("Panitia baris %(i)s: tulis “nama; peran”."), code="format", params={"i": i}
                )
            baris.append((nama.strip(), peran.strip()))
        return baris

    def _isi(self) -> IsiSeleksi:
        """What the selection announces, as the services take it."""
        d = self.cleaned_data
        return IsiSeleksi(
            judul=d["judul"],
            nomor_pengumuman=d["nomor_pengumuman"],
            formasi=list(d["formasi"]),
            panitia=d["panitia"],
            urutan={j: d[f"urutan_{j}"] for j in TAHAP_KOMPETENSI},
            usia_maksimal_jpt=d["usia_maksimal_jpt"],
            tahun_jabatan_jpt=d["tahun_jabatan_jpt"],
            dasar_pengecualian=d["dasar_pengecualian"],
        )

    def _tahap(self) -> dict[str, tuple[date, date]]:
        d = self.cleaned_data
        return {j: (d[f"tahap_{j}_mulai"], d[f"tahap_{j}_selesai"]) for j in URUTAN_TAHAP}

    def _simpan(self, *, oleh) -> Seleksi:
        return seleksi_open(isi=self._isi(), tahap=self._tahap(), oleh=oleh)


class SeleksiUbahForm(SeleksiBukaForm):
    """Edit a selection before its announcement: the opening form, filled with what the
    selection holds (publik.services.seleksi_update)."""

    @staticmethod
    def awal(seleksi: Seleksi) -> dict[str, Any]:
        """Return the form's initial values from the selection."""
        data: dict[str, Any] = {
            "judul": seleksi.judul,
            "nomor_pengumuman": seleksi.nomor_pengumuman,
            "formasi": [f.pk for f in seleksi.formasi.all()],
            "panitia": "\n".join(f"{a.nama}; {a.peran}" for a in seleksi.panitia.all()),
            "usia_maksimal_jpt": seleksi.usia_maksimal_jpt,
            "tahun_jabatan_jpt": seleksi.tahun_jabatan_jpt,
            "dasar_pengecualian": seleksi.dasar_pengecualian,
        }
        kompetensi = sorted(
            (t for t in seleksi.tahap.all() if t.jenis in TAHAP_KOMPETENSI), key=lambda t: t.urutan
        )
        for t in seleksi.tahap.all():
            data[f"tahap_{t.jenis}_mulai"], data[f"tahap_{t.jenis}_selesai"] = t.mulai, t.selesai
        for n, t in enumerate(kompetensi, start=1):
            data[f"urutan_{t.jenis}"] = n
        return data

    def _simpan(self, *, seleksi: Seleksi, pada: date, oleh) -> str:
        """Return "diubah", or "tetap" when the form held what the selection holds."""
        perubahan = seleksi_update(
            seleksi=seleksi, isi=self._isi(), tahap=self._tahap(), pada=pada, oleh=oleh
        )
        return "diubah" if perubahan else "tetap"


class _AlasanForm(_SeleksiForm):
    """A change of a selection that needs its reason (the service checks it is written)."""

    alasan = forms.CharField(
        label=_("Alasan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class JadwalUbahForm(_AlasanForm):
    """Reschedule a selection's stages with a reason (publik.services.seleksi_reschedule):
    each stage's dates in the committee's order; what has happened is shown, not editable (a
    stage announced or ended, the start of one that has begun)."""

    def __init__(self, *args: Any, seleksi: Seleksi, pada: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alasan"].label = _("Alasan perubahan jadwal")
        self.fields["alasan"].help_text = _("Ditampilkan di halaman publik seleksi.")
        self.tahap = sorted(seleksi.tahap.all(), key=lambda t: t.urutan)
        for t in self.tahap:
            label = t.get_jenis_display()
            tetap = hasattr(t, "pengumuman") or t.selesai < pada
            for ujung, nama in (("mulai", _("mulai")), ("selesai", _("selesai"))):
                self.fields[f"tahap_{t.jenis}_{ujung}"] = forms.DateField(
                    label=f"{label}: {nama}",
                    initial=getattr(t, ujung),
                    disabled=tetap or (ujung == "mulai" and t.mulai <= pada),
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                    error_messages={
                        "required": _("%(t)s: tanggal %(u)s wajib diisi.")
                        % {"t": label, "u": nama},
                        "invalid": GALAT_TANGGAL,
                    },
                )
        alasan = self.fields.pop("alasan")
        self.fields["alasan"] = alasan  # after the dates, as the page shows it

    def jadwal(self) -> list[tuple[Tahap, forms.BoundField, forms.BoundField]]:
        return [
            (t, self[f"tahap_{t.jenis}_mulai"], self[f"tahap_{t.jenis}_selesai"])
            for t in self.tahap
        ]

    def _simpan(self, *, seleksi: Seleksi, pada: date, oleh):
        d = self.cleaned_data
        tahap = {
            t.jenis: (d[f"tahap_{t.jenis}_mulai"], d[f"tahap_{t.jenis}_selesai"])
            for t in self.tahap
        }
        return seleksi_reschedule(
            seleksi=seleksi, tahap=tahap, alasan=d["alasan"], pada=pada, oleh=oleh
        )


class BatalForm(_AlasanForm):
    """Cancel a selection with a reason (publik.services.seleksi_cancel)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alasan"].label = _("Alasan pembatalan")
        self.fields["alasan"].help_text = _(
            "Ditampilkan di halaman publik seleksi dan di halaman pelamar."
        )

    def _simpan(self, *, seleksi: Seleksi, pada: date, oleh):
        return seleksi_cancel(
            seleksi=seleksi, alasan=self.cleaned_data["alasan"], pada=pada, oleh=oleh
        )


class HasilTahapForm(_SeleksiForm):
    """Record a stage's result per applicant still in: pass or fail, score, note
    (publik.services.tahap_record_hasil). An applicant left blank is not recorded."""

    PILIHAN = [("", _("— belum dinilai —")), ("lulus", _("Lulus")), ("gagal", _("Tidak lulus"))]

    def __init__(self, *args: Any, baris: list[tuple[Pelamar, HasilTahap | None]], **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = baris
        for p, h in baris:
            nama = p.pegawai.nama_lengkap
            self.fields[f"hasil_{p.pk}"] = forms.ChoiceField(
                label=_("Hasil %(p)s") % {"p": nama},
                choices=self.PILIHAN,
                required=False,
                initial=("lulus" if h.lulus else "gagal") if h else "",
            )
            self.fields[f"nilai_{p.pk}"] = forms.DecimalField(
                label=_("Nilai %(p)s") % {"p": nama},
                required=False,
                min_value=0,
                max_value=100,
                max_digits=5,
                decimal_places=2,
                initial=h.nilai if h else None,
                error_messages={
                    "invalid": _("Nilai %(p)s harus berupa angka.") % {"p": nama},
                    "min_value": _("Nilai %(p)s antara 0 dan 100.") % {"p": nama},
                    "max_value": _("Nilai %(p)s antara 0 dan 100.") % {"p": nama},
                    "max_decimal_places": _("Nilai %(p)s paling banyak dua desimal.") % {"p": nama},
                },
            )
            self.fields[f"catatan_{p.pk}"] = forms.CharField(
                label=_("Catatan %(p)s") % {"p": nama},
                required=False,
                max_length=500,
                initial=h.catatan if h else "",
            )

    def rows(self) -> list[tuple[Pelamar, forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (p, self[f"hasil_{p.pk}"], self[f"nilai_{p.pk}"], self[f"catatan_{p.pk}"])
            for p, _h in self.baris
        ]

    def clean(self) -> dict:
        d = super().clean()
        for p, _h in self.baris:
            if not d.get(f"hasil_{p.pk}") and d.get(f"nilai_{p.pk}") is not None:
                self.add_error(
                    f"hasil_{p.pk}",
                    _("Hasil %(p)s: pilih lulus atau tidak lulus untuk nilai yang diisi.")
                    % {"p": p.pegawai.nama_lengkap},
                )
        return d

    def _simpan(self, *, tahap: Tahap, pada: date, oleh) -> list[HasilTahap]:
        d = self.cleaned_data
        hasil = {
            p.pk: (d[f"hasil_{p.pk}"] == "lulus", d[f"nilai_{p.pk}"], d[f"catatan_{p.pk}"])
            for p, _h in self.baris
            if d.get(f"hasil_{p.pk}")
        }
        return tahap_record_hasil(tahap=tahap, hasil=hasil, pada=pada, oleh=oleh)
