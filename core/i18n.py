"""Third-party strings the project translates itself: django-auditlog ships no Indonesian.

Never imported: these `gettext_noop` calls exist so that `makemessages -l id` finds the
auditlog admin's English msgids in the project's code and keeps their Indonesian translations in
locale/id/LC_MESSAGES/django.po, instead of marking them obsolete (a msgid no scanned file uses
is commented out of the catalogue). Only for locale "id": elsewhere the project's msgids are
Indonesian. When auditlog adds or renames a string its admin shows, add it here and to the
catalogue.
"""

from django.utils.translation import gettext_noop

AUDITLOG = [
    # auditlog/apps.py, models.py: the app, the model and its fields
    gettext_noop("Audit log"),
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    gettext_noop("content type"),
    gettext_noop("object pk"),
    gettext_noop("object id"),
    gettext_noop("object representation"),
    gettext_noop("action"),
    gettext_noop("change message"),
    gettext_noop("actor"),
    gettext_noop("Correlation ID"),
    gettext_noop("remote address"),
    gettext_noop("remote port"),
    gettext_noop("timestamp"),
    gettext_noop("additional data"),
    gettext_noop("actor email"),
    gettext_noop("Created {repr:s}"),
    gettext_noop("Updated {repr:s}"),
    gettext_noop("Deleted {repr:s}"),
    gettext_noop("Logged {repr:s}"),
    # auditlog/mixins.py, admin.py, filters.py: the change list's columns, filters and links
    gettext_noop("Click to filter by records with this correlation id"),
    gettext_noop("Created"),
    gettext_noop("User"),
    gettext_noop("Resource"),
    gettext_noop("Changes"),
    gettext_noop("Audit log: %s"),
    gettext_noop("View"),
    gettext_noop("Resource Type"),
    # auditlog/render.py and templates: the change table and the history page
    gettext_noop("Field"),
    gettext_noop("From"),
    gettext_noop("To"),
    gettext_noop("Relationship"),
    gettext_noop("Action"),
    gettext_noop("Objects"),
    gettext_noop("system"),
    gettext_noop("No field changes"),
    gettext_noop("No log entries found."),
]


# Django's own Indonesian catalogue renders these awkwardly: the login error repeats the field
# name ("Masukkan nama pengguna nama pengguna ..."), and the admin index's column header reads
# "Rubah atau tampilkan tautan kunjungan". The project's locale/id overrides them (LOCALE_PATHS
# comes first).
DJANGO = [
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive."
    ),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that "
        "both fields may be case-sensitive."
    ),
    gettext_noop("Change or view list link"),
]
