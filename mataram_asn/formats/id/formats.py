# Dates in pages in Indonesian long form ("28 November 2026"), times in WITA with a dot
# ("14.05"), as HR staff expect (docs/gaya.md, display conventions). Other formats fall back to
# Django's Indonesian locale.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H.i"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
