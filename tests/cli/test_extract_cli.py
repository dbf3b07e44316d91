"""``rasd extract`` as a person runs it: a real subprocess, real files, exit codes and streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

AIRSTRIKE = (
    "قُتل ثلاثة مدنيين وأصيب خمسة آخرون، صباح اليوم الثلاثاء، جراء غارة جوية استهدفت سوقاً شعبياً "
    "في مدينة أريحا بريف إدلب الجنوبي، بحسب ما أفاد به الدفاع المدني.\n"
    "وقال أحد الباعة إن الطائرة الحربية نفذت غارتين متتاليتين على السوق في ساعة الذروة."
)
CLASH = (
    "اندلعت اشتباكات عنيفة، مساء أمس الاثنين، بين قوات سوريا الديمقراطية ومقاتلين من العشائر العربية "
    "في بلدة ذيبان بريف دير الزور الشرقي، أسفرت عن مقتل أربعة مقاتلين من الطرفين."
)


def rasd(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m rasd ARGS`` the way a shell would, with no terminal attached."""
    path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "COLUMNS": "200"}  # wide tables: no wrapped cells
    return subprocess.run(
        [sys.executable, "-m", "rasd", *args], check=False, cwd=cwd, env=env, input=stdin if stdin is not None else "",
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


def events_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_text_file_gives_json_lines(tmp_path: Path) -> None:
    (tmp_path / "ariha-strike.txt").write_text(AIRSTRIKE, encoding="utf-8")
    run = rasd("extract", "ariha-strike.txt", "--published", "2024-03-05", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    events = events_of(run.stdout)
    assert events, "no event extracted from a clear air strike report"
    assert {e["doc_id"] for e in events} == {"ariha-strike"}
    assert any(e["sub_event_type"] == "Air/drone strike" for e in events)
    assert all(set(e["evidence"]) and "confidence" in e for e in events)


def test_mixed_good_and_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(AIRSTRIKE, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes(AIRSTRIKE.encode("cp1256"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "nobody.html").write_text("<html><head><title>صفحة</title></head><body></body></html>", encoding="utf-8")
    feed = [json.dumps({"doc_id": "feed-1", "text": CLASH}, ensure_ascii=False), "{not json", ""]
    (tmp_path / "feed.jsonl").write_text("\n".join(feed), encoding="utf-8")
    run = rasd(
        "extract", "good.txt", "empty.txt", "photo.txt", "legacy.txt", "missing.txt", "nobody.html", "feed.jsonl",
        "--published", "2024-03-05", cwd=tmp_path,
    )
    assert run.returncode == 1
    errors = run.stderr.splitlines()
    assert [line.split(":")[1].strip() for line in errors] == ["empty.txt", "photo.txt", "missing.txt", "nobody.html", "feed.jsonl"]
    assert all(line.startswith("error: ") for line in errors)
    assert "line 2" in errors[-1] and "binary" in errors[1] and "empty" in errors[0]
    assert {e["doc_id"] for e in events_of(run.stdout)} >= {"good", "legacy"}


def test_json_format_offsets_index_into_the_cleaned_text(tmp_path: Path) -> None:
    (tmp_path / "ariha.txt").write_text(f"#إدلب #أريحا\n{AIRSTRIKE}\n\n{CLASH}\n", encoding="utf-8")
    run = rasd("extract", "ariha.txt", "--format", "json", "--published", "2024-03-05", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    [doc] = json.loads(run.stdout)
    assert doc["doc_id"] == "ariha" and doc["published"] == "2024-03-05"
    assert isinstance(doc["facts"], list) and doc["events"]
    text = doc["text"]
    spans = [span for event in doc["events"] for field in event["evidence"].values() for span in field]
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_table_and_stdin(tmp_path: Path) -> None:
    run = rasd("extract", "-", "--format", "table", "--published", "2024-03-05", cwd=tmp_path, stdin=AIRSTRIKE)
    assert run.returncode == 0, run.stderr
    assert "stdin" in run.stdout and "Air/drone strike" in run.stdout


def test_text_option_takes_the_article_itself(tmp_path: Path) -> None:
    run = rasd("extract", "--text", AIRSTRIKE, "--published", "2024-03-05", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert {e["doc_id"] for e in events_of(run.stdout)} == {"text-1"}


@pytest.mark.parametrize("args", [["--published", "05/03/2024"], ["--format", "xml"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text(AIRSTRIKE, encoding="utf-8")
    run = rasd("extract", "a.txt", *args, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""


def test_help_teaches_with_examples(tmp_path: Path) -> None:
    run = rasd("extract", "--help", cwd=tmp_path)
    assert run.returncode == 0
    for expected in ("Examples", "rasd extract article.txt --published", "--format", "jsonl", "stdin", "Exit code"):
        assert expected in run.stdout
    top = rasd("--help", cwd=tmp_path)
    assert top.returncode == 0 and "extract" in top.stdout


@pytest.mark.slow
def test_twenty_megabytes_of_text_are_processed(tmp_path: Path) -> None:
    filler = "وتحدث المشاركون في الندوة الثقافية عن أهمية التعليم في الأرياف وضرورة دعم المدارس والمكتبات العامة.\n"
    (tmp_path / "huge.txt").write_text(AIRSTRIKE + "\n" + filler * (20_000_000 // len(filler.encode()) + 1), encoding="utf-8")
    run = rasd("extract", "huge.txt", "--published", "2024-03-05", cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert events_of(run.stdout)
