"""The admin site's titles (jabatan, the highest app with admin pages, names the site)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("SIMPEG Merit — BKPSDM Kota Mataram")
admin.site.site_title = _("SIMPEG Merit")
admin.site.index_title = _("Administrasi kepegawaian")
