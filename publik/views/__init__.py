"""The public pages: anonymous, Bahasa Indonesia, no JavaScript needed, phone first.

Every GET here writes nothing and sets no cookie (except the survey form's CSRF cookie, which
the form needs); pages are cached by `publik.cache.halaman_publik`.
"""
