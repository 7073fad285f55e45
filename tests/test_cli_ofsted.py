"""``relcom import --ofsted FILE [--add-all] [--skip-rejected]``: the dialog's rules from the
command line, exit 0 or 2 with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from relcom_desktop.cli import main
from relcom_desktop.core import providers
from relcom_desktop.core.store.db import open_store
from tests.core.factories import a_provider, a_setting

OFSTED_2024 = Path(__file__).parent / "core" / "data" / "Provider_level_at_31_Aug_2024.csv"


def test_update_only_by_default_then_add_all(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = tmp_path / "data"
    store = open_store(data)
    mine = a_provider(store, "Affinity Fostering Services Ltd")
    a_setting(store, mine.id, "Affinity", urn="SC469688")
    a_setting(store, mine.id, "Brook House", urn="2587047")
    store.close()
    args = ["--data-dir", str(data), "import", "--ofsted", str(OFSTED_2024)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "settings: 0 new, 2 updated, 0 unchanged, 3,874 left out" in out
    assert main(args) == 0
    assert "Nothing to import" in capsys.readouterr().out
    only = [*args, "--add-all", "--local-authority", "Essex", "--provision-type", "Children's home"]
    assert main(only) == 0
    assert "settings: 53 new, 0 updated" in capsys.readouterr().out
    store = open_store(data)
    try:
        names = [s.name for p in providers.list_providers(store, limit=None)
                 for s in providers.settings_of(store, p.id)]  # fmt: skip
    finally:
        store.close()
    assert "Brook House" in names and not [n for n in names if "REDACTED" in n]
    assert len(names) == 55


def test_rejected_rows_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "list.csv"
    path.write_text("URN,Name,Places\nSC100001,Oak,4\nSC100002,Elm,lots\n")
    args = ["--data-dir", str(tmp_path / "data"), "import", "--ofsted", str(path), "--add-all"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 3" in err and "--skip-rejected" in err
    assert main([*args, "--skip-rejected"]) == 0
    assert "settings: 1 new" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--ofsted", "missing.csv"], "could not be read"),
        (["--json", "x.json", "--add-all"], "go with --ofsted"),
    ],
)
def test_a_bad_request_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture, extra: list[str], message: str
) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "import", *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
