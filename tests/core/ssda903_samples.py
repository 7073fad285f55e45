"""Synthetic SSDA903 returns for tests: a clean one, and helpers to write any rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = [
    "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN",
]  # fmt: skip

CLEAN_HEADER = [
    ["1001", "1", "15/03/2012", "WBRI", "A123456789012", "", ""],
    ["1002", "2", "02/11/2009", "MWBC", "", "", ""],
    ["1003", "2", "20/07/2006", "BAFR", "", "", ""],
    ["1004", "1", "01/01/2015", "WBRI", "", "", ""],
]
CLEAN_EPISODES = [
    # 1001: fostered (s20, then an interim care order), moved to a children's home, then
    # a full care order in the same home
    ["1001", "01/04/2021", "S", "V2", "N1", "U6", "PR4", "15/06/2021", "X1", "", "ME1 2AB",
     "CT1 1AA", "1234567"],
    ["1001", "15/06/2021", "L", "C1", "N1", "U6", "PR4", "01/09/2021", "X1", "CARPL",
     "ME1 2AB", "CT1 1AA", "1234567"],
    ["1001", "01/09/2021", "P", "C1", "N1", "K2", "PR4", "10/01/2022", "X1", "", "ME1 2AB",
     "CT2 2BB", "SC111111"],
    ["1001", "10/01/2022", "L", "C2", "N1", "K2", "PR4", "", "", "", "ME1 2AB", "CT2 2BB",
     "SC111111"],
    # 1002: a children's home, returned home, later placed with parents (no URN)
    ["1002", "05/05/2020", "S", "C2", "N2", "K2", "PR4", "20/02/2023", "E4A", "", "", "",
     "SC222222"],
    ["1002", "01/08/2023", "S", "V2", "N2", "P1", "PR0", "", "", "", "", "", "XXXXXXX"],
    # 1003: semi-independent living, still open
    ["1003", "10/10/2022", "S", "V2", "N8", "H5", "PR4", "", "", "", "", "", "SC333333"],
    # 1004: two moves between children's homes, the second because of an allegation
    ["1004", "03/03/2022", "S", "C1", "N1", "K2", "PR4", "04/04/2022", "X1", "CARPL", "", "",
     "SC111111"],
    ["1004", "04/04/2022", "P", "C1", "N1", "K2", "PR4", "05/05/2023", "X1", "ALLEG", "", "",
     "SC222222"],
    ["1004", "05/05/2023", "P", "C1", "N1", "K2", "PR5", "", "", "", "", "", "SC444444"],
]  # fmt: skip


def csv_text(headings: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headings)
    writer.writerows(rows)
    return out.getvalue()


def write_return(
    folder: Path,
    header: Sequence[Sequence[str]] = CLEAN_HEADER,
    episodes: Sequence[Sequence[str]] = CLEAN_EPISODES,
    *,
    header_columns: Sequence[str] = HEADER,
    episode_columns: Sequence[str] = EPISODES,
    encoding: str = "utf-8",
) -> tuple[Path, Path]:
    """Write header.csv and episodes.csv into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    header_path, episodes_path = folder / "header.csv", folder / "episodes.csv"
    header_path.write_bytes(csv_text(header_columns, header).encode(encoding))
    episodes_path.write_bytes(csv_text(episode_columns, episodes).encode(encoding))
    return header_path, episodes_path
