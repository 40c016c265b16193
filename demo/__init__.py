"""The Kota Mataram demo data set (`manage.py seed_demo`) and the benchmarks (`manage.py bench`).

Above every app: it seeds all of them, so no app depends on it.
"""
