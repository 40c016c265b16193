"""What the pages' SVG charts share (kinerja, pelatihan, survei, sistem_merit: each draws its own
geometry in its charts module, the template renders it; no script, no CDN)."""


def koordinat(value: float, digits: int = 1) -> str:
    """Return an SVG coordinate as text, so template localisation never adds a decimal comma."""
    return f"{value:.{digits}f}"
