"""Pure rules of the organisation structure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def atasan_langsung(
    pegawai_unit: Iterable[tuple[int, int]],
    kepala: Mapping[int, int],
    induk: Mapping[int, int | None],
    pimpinan_tertinggi: int | None = None,
) -> dict[int, int | None]:
    """Return each employee's direct superior (atasan langsung), the default evaluator.

    The superior is the head of the employee's unit, or of the nearest unit above that has one;
    a unit's head reports to the head above. At the top, the Sekretaris Daerah evaluates the
    heads of perangkat daerah (PermenPANRB 6/2022: the evaluator is the direct superior; the
    Sekda is the authorised official of a kota, docs/aturan.md §12).

    `pegawai_unit`: (employee id, unit id); `kepala`: unit id -> head's employee id;
    `induk`: unit id -> parent unit id (None at the root).
    """
    hasil: dict[int, int | None] = {}
    for pegawai, unit in pegawai_unit:
        atasan = None
        while unit is not None:
            head = kepala.get(unit)
            if head is not None and head != pegawai:
                atasan = head
                break
            unit = induk.get(unit)
        if atasan is None and pimpinan_tertinggi not in (None, pegawai):
            atasan = pimpinan_tertinggi
        hasil[pegawai] = atasan
    return hasil
