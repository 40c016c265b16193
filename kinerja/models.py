"""Performance evaluation (SKP, PermenPANRB 6/2022): models arrive with the kinerja issue."""
