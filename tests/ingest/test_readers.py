"""Readers on real files: every kind of bad input yields one error and reading goes on."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.ingest import RawDocument, read_inputs

ARTICLE = (
    "قُتل ثلاثة مدنيين وأصيب خمسة آخرون، صباح اليوم الثلاثاء، جراء قصف مدفعي استهدف "
    "الأحياء السكنية في بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد به الدفاع المدني.\n"
    "وقال أحد سكان البلدة إن القذائف سقطت قرب سوق الخضار في ساعات الذروة."
)

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>قصف مدفعي على كفرنبل | شبكة الخبر</title>
  <meta property="og:title" content="مقتل ثلاثة مدنيين بقصف مدفعي على كفرنبل">
</head>
<body>
  <nav class="main-menu"><ul>
    <li><a href="/">الرئيسية</a></li><li><a href="/syria">أخبار سوريا</a></li>
    <li><a href="/economy">اقتصاد وأعمال</a></li><li><a href="/sport">رياضة</a></li>
  </ul></nav>
  <header class="site-header"><a href="/" class="logo">شبكة الخبر</a></header>
  <main>
    <article>
      <h1>مقتل ثلاثة مدنيين بقصف مدفعي على كفرنبل</h1>
      <div class="byline">إدلب - مراسل الشبكة</div>
      <div class="entry-content">
        <p>قُتل ثلاثة مدنيين وأصيب خمسة آخرون، صباح اليوم الثلاثاء، جراء قصف مدفعي استهدف الأحياء السكنية في بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد به الدفاع المدني في بيان نشره على معرفاته الرسمية.</p>
        <p>وقال أحد سكان البلدة إن القذائف سقطت قرب سوق الخضار في ساعات الذروة، ما تسبب بحالة من الذعر بين الأهالي الذين هرعوا لإسعاف المصابين ونقلهم إلى المشفى الميداني.</p>
        <p>وتشهد المنطقة منذ أسابيع تصعيداً متكرراً في وتيرة القصف، دفع عشرات العائلات إلى النزوح نحو المخيمات القريبة من الحدود التركية.</p>
      </div>
    </article>
  </main>
  <aside class="most-read">
    <h3>الأكثر قراءة</h3>
    <ol>
      <li><a href="/a/1">ارتفاع أسعار الخبز في أسواق حلب للمرة الثالثة</a></li>
      <li><a href="/a/2">منتخب الشباب يتأهل إلى نهائي البطولة العربية</a></li>
    </ol>
  </aside>
  <div class="newsletter-box">
    <h4>النشرة البريدية</h4>
    <p>اشترك في نشرتنا البريدية ليصلك ملخص الأخبار كل صباح</p>
    <form><input type="email" placeholder="بريدك الإلكتروني"><button>اشترك</button></form>
  </div>
  <footer><p>جميع الحقوق محفوظة لشبكة الخبر ٢٠٢٤</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body>
</html>
"""


def read_all(*paths: Path | str, **options: object) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]


def only_doc(items: list[RawDocument | InputError]) -> RawDocument:
    assert len(items) == 1 and isinstance(items[0], RawDocument), items
    return items[0]


def only_error(items: list[RawDocument | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b" \n\t\r\n  \n" + "\u200f\ufeff".encode(), "empty document"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file (looks like PNG)"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary file (looks like PDF)"),
        ("noise.txt", bytes(range(256)) * 40, "binary file"),
        ("empty.html", b"", "empty document"),
        ("nobody.html", b"<html><head><title>\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86</title></head></html>", "no article text found"),
        ("emptybody.html", b"<!DOCTYPE html><html><head><title>x</title></head><body>\n</body></html>", "no article text found"),
        ("empty.jsonl", b"\n\n", "empty document"),
    ],
)
def test_bad_file_is_one_error_naming_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = only_error(read_all(path))
    assert message in error.message
    assert error.source == str(path)


def test_random_bytes_with_nuls_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(os.urandom(4096) + b"\x00" + os.urandom(4096))
    assert "binary file" in only_error(read_all(path)).message


def test_missing_file(tmp_path: Path) -> None:
    error = only_error(read_all(tmp_path / "nowhere.txt"))
    assert error.message == "no such file or directory"


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_legacy_arabic_encodings_decode_exactly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    doc = only_doc(read_all(path))
    assert doc.text == ARTICLE
    assert doc.encoding == encoding


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    doc = only_doc(read_all(path))
    assert doc.text == ARTICLE and doc.encoding == "utf-8"


def test_plain_text_document(tmp_path: Path) -> None:
    path = tmp_path / "kafranbel-shelling.txt"
    data = ARTICLE.encode()
    path.write_bytes(data)
    doc = only_doc(read_all(path, published=date(2024, 3, 5), source="شبكة الخبر"))
    assert (doc.doc_id, doc.text, doc.published, doc.source, doc.html) == (
        "kafranbel-shelling", ARTICLE, date(2024, 3, 5), "شبكة الخبر", False,
    )
    assert doc.origin == str(path)
    assert len(doc.raw_sha256) == 64


def test_twenty_megabytes_of_text_read_by_default(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = (ARTICLE + "\n").encode()
    path.write_bytes(paragraph * (20_000_000 // len(paragraph) + 1))
    doc = only_doc(read_all(path))
    assert len(doc.text.encode()) > 20_000_000
    assert doc.text.startswith(ARTICLE)


def test_over_the_limit_names_the_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(ARTICLE.encode() * 10)
    error = only_error(read_all(path, max_bytes=1000))
    assert "too large" in error.message and f"{path.stat().st_size:,} bytes" in error.message


def test_saved_page_keeps_the_article_and_drops_the_page(tmp_path: Path) -> None:
    path = tmp_path / "kafranbel.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = only_doc(read_all(path))
    assert doc.html and doc.doc_id == "kafranbel"
    assert doc.title == "مقتل ثلاثة مدنيين بقصف مدفعي على كفرنبل"
    for kept in ("جراء قصف مدفعي استهدف الأحياء السكنية", "قرب سوق الخضار", "نحو المخيمات القريبة"):
        assert kept in doc.text
    for dropped in ("الرئيسية", "اقتصاد وأعمال", "الأكثر قراءة", "أسعار الخبز", "اشترك في نشرتنا", "جميع الحقوق"):
        assert dropped not in doc.text
    paragraphs = [line for line in doc.text.splitlines() if line.strip()]
    assert len(paragraphs) >= 3  # one paragraph a line, not one run-on block


def test_malformed_jsonl_line_among_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"doc_id": "a1", "text": ARTICLE, "published": "2024-03-05", "source": "شبكة الخبر"}, ensure_ascii=False),
        '{"doc_id": "a2", "text": "نص مقطوع',
        "",
        json.dumps({"text": "اعتقلت قوات الأمن شابين في مدينة درعا"}, ensure_ascii=False),
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "a5", "title": "بلا نص"}, ensure_ascii=False),
        json.dumps({"doc_id": "a6", "text": "نص", "published": "5 آذار"}, ensure_ascii=False),
        json.dumps({"doc_id": 7, "html": PAGE, "published": "2024-03-05T09:30:00+03:00"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.doc_id for d in docs] == ["a1", "batch-4", "7"]
    assert docs[0].published == date(2024, 3, 5) and docs[0].source == "شبكة الخبر"
    assert docs[0].origin == f"{path}:line 1"
    assert docs[2].html and "قرب سوق الخضار" in docs[2].text and "الأكثر قراءة" not in docs[2].text
    assert docs[2].published == date(2024, 3, 5)
    assert [e.source for e in errors] == [f"{path}:line {n}" for n in (2, 5, 6, 7)]
    assert "malformed JSON" in errors[0].message
    assert "expected a JSON object" in errors[1].message
    assert '"text" or "html"' in errors[2].message
    assert "published" in errors[3].message


def test_meta_json_sibling_supplies_fields_and_options_override(tmp_path: Path) -> None:
    path = tmp_path / "kafranbel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    meta = {"doc_id": "khabar-2024-03-05", "published": "2024-03-05", "source": "شبكة الخبر", "title": "قصف على كفرنبل", "note": "ignored"}
    (tmp_path / "kafranbel.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    doc = only_doc(read_all(path))
    assert (doc.doc_id, doc.published, doc.source, doc.title) == ("khabar-2024-03-05", date(2024, 3, 5), "شبكة الخبر", "قصف على كفرنبل")
    doc = only_doc(read_all(path, published=date(2024, 3, 6), source="مصدر آخر"))
    assert (doc.published, doc.source) == (date(2024, 3, 6), "مصدر آخر")


def test_broken_meta_json_is_an_error_for_that_document(tmp_path: Path) -> None:
    path = tmp_path / "kafranbel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "kafranbel.meta.json").write_text('{"published": ', encoding="utf-8")
    error = only_error(read_all(path))
    assert error.source == str(tmp_path / "kafranbel.meta.json") and "malformed" in error.message


def test_directory_reads_its_documents_sorted_and_reports_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "b-page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a-article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c-feed.jsonl").write_text(json.dumps({"doc_id": "c1", "text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "d-empty.txt").write_bytes(b"")
    (tmp_path / "a-article.meta.json").write_text('{"source": "شبكة الخبر"}', encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub").mkdir()
    items = read_all(tmp_path)
    assert [i.doc_id if isinstance(i, RawDocument) else i.source for i in items] == [
        "a-article", "b-page", "c1", str(tmp_path / "d-empty.txt"),
    ]
    assert items[0].source == "شبكة الخبر"  # type: ignore[union-attr]


def test_directory_without_documents(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert "no .txt" in only_error(read_all(tmp_path)).message


def test_one_bad_item_does_not_stop_the_others(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_bytes(b"\x00\x01\x02")
    items = read_all(bad, tmp_path / "missing.txt", good)
    assert [type(i) for i in items] == [InputError, InputError, RawDocument]


@pytest.mark.parametrize(
    ("data", "is_html", "expected"),
    [
        (ARTICLE.encode(), False, ARTICLE),
        (ARTICLE.encode("cp1256"), False, ARTICLE),
        (PAGE.encode(), True, "قرب سوق الخضار"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, is_html: bool, expected: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = only_doc(list(read_inputs(["-"], published=date(2024, 3, 5))))
    assert (doc.origin, doc.doc_id, doc.html, doc.published) == ("<stdin>", "stdin", is_html, date(2024, 3, 5))
    assert expected in doc.text


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    error = only_error(list(read_inputs(["-"])))
    assert (error.source, error.message) == ("<stdin>", "empty document")


@pytest.mark.shared
def test_shared_example_takes_its_meta_json(shared_dir: Path) -> None:
    doc = only_doc(read_all(shared_dir / "examples" / "alhal-2021-04-06-liwa-al-quds.txt"))
    assert (doc.doc_id, doc.published, doc.source) == ("alhal-2021-04-06-liwa-al-quds", date(2021, 4, 6), "Al-Hal Net (7al.net)")
    assert doc.title and "لواء القدس" in doc.title


@pytest.mark.shared
def test_shared_corpus_reads_without_errors(shared_dir: Path) -> None:
    items = read_all(shared_dir / "corpus" / "aljazeera-leads.jsonl")
    assert len(items) > 1000
    assert not [i for i in items if isinstance(i, InputError)]
    assert all(isinstance(i, RawDocument) and i.published and i.source for i in items)


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked, good = tmp_path / "locked.txt", tmp_path / "good.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    good.write_text(ARTICLE, encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # CI runs as root, which chmod cannot lock out
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    items = read_all(locked, good)
    assert isinstance(items[0], InputError) and items[0].message == "Permission denied"
    assert isinstance(items[1], RawDocument)
