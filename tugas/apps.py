from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TugasConfig(AppConfig):
    """Background tasks and the running of the installation: task progress, the worker's
    heartbeat, the readiness check, backup and restore. The bottom layer: it depends on no app
    of the project."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tugas"
    verbose_name = _("Tugas latar belakang")

    def ready(self) -> None:
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        # The project's admin is HR's; users follow their tasks on /tugas/<id>/, and a failed
        # task's traceback is in the worker's log. (django-tasks-db registers its result table.)
        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)
