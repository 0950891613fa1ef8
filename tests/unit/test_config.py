"""config.toml is checked: typed areas, unknown keys and tables named with the nearest
known one, true is not a number, numbers within bounds; one sentence, exit status 1."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.config import AREAS, Config, area_class, load_config
from cockpit.core.errors import ConfigError


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_area_is_typed_and_every_setting_documented() -> None:
    for name in AREAS:
        cls = area_class(name)
        source = inspect.getsource(inspect.getmodule(cls))  # type: ignore[arg-type]
        assert isinstance(getattr(Config(), name), cls)
        for f in dataclasses.fields(cls):
            # a docstring right under the field, as posting's settings have
            assert f"{f.name}: " in source
            after = source.split(f"    {f.name}: ", 1)[1].splitlines()[1].strip()
            assert after.startswith('"""'), f"{cls.__name__}.{f.name} has no docstring"


def test_a_full_config_loads_into_its_areas(tmp_path: Path) -> None:
    cfg = load_config(
        config(
            tmp_path,
            'language = "zh"\ntimezone = "Asia/Shanghai"\n'
            "[customers]\ntop_untouched_days = 10\n"
            "[storage]\narchive_after_weeks = 8\nbackups_keep = 3\n"
            "[feeds]\nrefresh_minutes = 0\nconcurrency = 8\ntimeout = 5\n"
            '[calendar]\nsubscribe = ["team.ics"]\ndays = 5\n'
            '[caldav]\nurl = "https://dav.example/pm/"\nusername = "pm"\n'
            "[metrics]\nthreshold = 0.3\n"
            '[report]\nlanguage = "en"\n'
            '[keys]\ndone = "z"\n',
        )
    )
    assert (cfg.language, cfg.timezone, cfg.keys) == ("zh", "Asia/Shanghai", {"done": "z"})
    assert cfg.customers.top_untouched_days == 10
    assert (cfg.storage.archive_after_weeks, cfg.storage.backups_keep) == (8, 3)
    assert (cfg.feeds.refresh_minutes, cfg.feeds.concurrency, cfg.feeds.keep) == (0, 8, 200)
    assert cfg.feeds.timeout == 5.0 and isinstance(cfg.feeds.timeout, float)
    assert (cfg.calendar.subscribe, cfg.calendar.days) == (["team.ics"], 5)
    assert (cfg.caldav.url, cfg.caldav.username) == ("https://dav.example/pm/", "pm")
    assert cfg.metrics.threshold == 0.3 and cfg.report.language == "en"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        # unknown keys and tables, with the nearest known name
        ('[caldav]\nurl = "https://x/"\nusrname = "pm"', "[caldav] has no setting 'usrname' "
         "(did you mean 'username'?)"),
        ('[cladav]\nurl = "https://x/"', "there is no table [cladav] (did you mean 'caldav'?)"),
        ('langauge = "zh"', "there is no setting 'langauge' (did you mean 'language'?)"),
        ("[feeds]\nwhatever = 1", "[feeds] has no setting 'whatever'; it knows refresh_minutes"),
        # bool is not a number; numbers have bounds
        ("[feeds]\nconcurrency = true", "[feeds] concurrency must be a whole number, not true"),
        ("[feeds]\nconcurrency = 100000000",
         "[feeds] concurrency must be from 1 to 256, not 100_000_000"),
        ("[feeds]\ntimeout = false", "[feeds] timeout must be a number, not false"),
        ("[feeds]\ntimeout = 0", "[feeds] timeout must be from 0.5 to 300, not 0"),
        ("[feeds]\nconcurrency = 2.5", "[feeds] concurrency must be a whole number, not 2.5"),
        ("[storage]\nbackups_keep = 0", "[storage] backups_keep must be from 1 to 365, not 0"),
        ("[customers]\ntop_untouched_days = \"14\"",
         '[customers] top_untouched_days must be a whole number, not "14"'),
        ("[metrics]\nthreshold = 50", "[metrics] threshold must be from 0.001 to 10, not 50"),
        ('[report]\nlanguage = "fr"', '[report] language must be one of en, zh, not "fr"'),
        ("[caldav]\nurl = 1", '[caldav] url must be text in quotes, like "…", not 1'),
        ("[calendar]\nsubscribe = \"team.ics\"",
         '[calendar] subscribe must be a list of texts like ["a", "b"], not "team.ics"'),
        ("feeds = 3", "[feeds] must be a table"),
        ('language = "fr"', "language must be one of en, zh, not 'fr'"),
        ('timezone = "Mars/Olympus"', "unknown timezone 'Mars/Olympus'"),
    ],
)  # fmt: skip
def test_mistakes_are_one_sentence_naming_file_and_setting(
    tmp_path: Path, text: str, sentence: str
) -> None:
    path = config(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"config {path}: {sentence}" or (
        str(info.value).startswith(f"config {path}: {sentence}")
    )


def test_the_cli_refuses_a_bad_config_with_one_sentence_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = config(tmp_path, "[feeds]\nconcurrency = true\n")
    code = main(["--config", str(path), "--data-dir", str(tmp_path / "ws"), "ls"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"cockpit: config {path}: [feeds] concurrency must be a whole number, not true.\n"
    assert not (tmp_path / "ws").exists()  # refused before the workspace was touched
