"""The employees' satisfaction and engagement survey (survei kepuasan dan keterikatan pegawai
ASN), weighed in the merit-system index of PermenPANRB 19/2025 (25% of the index in the draft
of August 2025; ../shared/domain/MERIT_INDEX.md).

One module per concept: `models` (periods, questions, the anonymous responses, the marks that
keep one response per employee), `terbit` (which figures may be shown), `services` (opening and
closing a period, answering, moving pending answers into responses), `selectors` (results and
the index score), `tasks`, `views`, `urls`, `grafik` (the chart's geometry), `saya` (the card on
the employee's own page), `admin` (HR edits the questions).
"""
