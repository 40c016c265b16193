from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and that is not about employees: the safe CSV/XLSX writer, the bulk
    writer, bulk-operation audit records, the admin mixins, middleware, the public forms'
    throttle, the login lock, logging, the start-up checks, storage and cache backends.

    Below `pegawai` and above `tugas` (pyproject.toml's import-linter layers): it imports no
    app of the project but `tugas`, and holds no model."""

    name = "core"
    label = "core"  # no verbose_name: without models, the admin never titles it

    def ready(self) -> None:
        from core import checks  # noqa: F401  (registers the start-up checks)
