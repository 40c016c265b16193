"""Training catalogue, enrolment and JP: models arrive with the pelatihan issue."""
