"""SIASN's reference tables, one module per table, each citing the public source it was read from.

Every table maps SIASN's ids and labels (as SIASN spells them) onto our values; a value that is
in no table is refused with the row and column named, never guessed. The sources are public
SIASN client code that ships or reads these tables (tests/impor/test_referensi.py lists them):

- rumahASN: github.com/taufiqurrohmansuwarto/rumahASN (docs/siasn/*.csv, utils/*.js), a
  provincial BKD's SIASN client;
- kanekescom/laravel-siasn-simpeg (database/migrations/*: the fields of data utama, the
  spreadsheet export and the history endpoints).
"""
