"""The load run's table (tests/beban/__main__.py): one row per page from locust's CSV, the
failures counted, each page's median against the floor measured in the same run."""

from __future__ import annotations

from tests.beban.__main__ import LANTAI, pengecualian, tabel

KOLOM = "Type,Name,Request Count,Failure Count,50%,95%"


def _csv(tmp_path, *baris: str):
    berkas = tmp_path / "locust_stats.csv"
    berkas.write_text("\n".join([KOLOM, *baris]) + "\n")
    return berkas


def test_it_writes_one_row_per_page_with_the_ratio_to_the_floor(tmp_path):
    isi, gagal = tabel(
        _csv(
            tmp_path,
            f"GET,{LANTAI},60,0,4,9",
            "GET,/transparansi/,120,0,10,40",
            "POST,/survei/[kode]/,30,0,22,80",
            ",Aggregated,210,0,9,60",
        )
    )
    baris = isi.splitlines()
    assert baris[0] == "| halaman | permintaan | galat | p50 ms | p95 ms | p50 / lantai |"
    assert "| `GET /transparansi/` | 120 | 0 | 10 | 40 | 2.5 |" in baris
    assert "| `POST /survei/[kode]/` | 30 | 0 | 22 | 80 | 5.5 |" in baris
    assert baris[-1] == "| **semua** | 210 | 0 | 9 | 60 |  |"  # the total comes last
    assert gagal == 0


def test_it_counts_the_failures_of_the_whole_run(tmp_path):
    _, gagal = tabel(
        _csv(tmp_path, f"GET,{LANTAI},60,0,4,9", "GET,/saya/,10,3,50,90", ",Aggregated,70,3,5,80")
    )
    assert gagal == 3


def test_it_leaves_the_ratio_empty_without_a_floor(tmp_path):
    isi, _ = tabel(_csv(tmp_path, "GET,/saya/,10,0,50,90", ",Aggregated,10,0,50,90"))
    assert "| `GET /saya/` | 10 | 0 | 50 | 90 |  |" in isi.splitlines()


def test_it_counts_what_the_scenario_raised_as_errors_too(tmp_path):
    berkas = tmp_path / "locust_exceptions.csv"
    assert pengecualian(berkas) == 0  # locust wrote none
    berkas.write_text(
        'Count,Message,Traceback,Nodes\n2,"AssertionError(\'no form\')","  File x",local\n'
        '1,"KeyError(\'a\')","  File y",local\n'
    )
    assert pengecualian(berkas) == 3
