# No models: the module exists so that Django sends this app the post_migrate signal, which it
# only sends to apps with a models module (django.core.management.sql.emit_post_migrate_signal).
