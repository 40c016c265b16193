from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PeranConfig(AppConfig):
    name = "peran"
    verbose_name = _("Peran")

    def ready(self) -> None:
        from peran.grup import setelah_migrate

        # Sent to each app in INSTALLED_APPS order after every migrate (and after a test
        # database flush); this app is last, so every app's permissions exist by then.
        post_migrate.connect(setelah_migrate, sender=self, dispatch_uid="peran-grup")
