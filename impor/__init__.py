"""Getting real data in and out: SIASN and spreadsheet import with a dry run, reconciliation.

Above jabatan in the layers: it calls each app's own import functions and services."""
