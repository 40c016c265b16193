"""The public side: transparency of filled posts, open selections, the public satisfaction survey.

Above jabatan in the layers: it may read every app; no app imports it."""
