"""Roles: the groups "Admin BKPSDM", "Pimpinan Unit" and "Pegawai", assembled from every app.

Above all apps: each app declares in its own `roles.py` what its models give each role
(`IZIN`), and this app turns the declarations into groups after every `migrate`, so no app lists
another's models and no migration of one app depends on another's for the sake of roles.
"""
