"""`miner import`: posts from files (JSONL, CSV, twarc2 tweets, Reddit dumps, our own export).

Each format has one mapping function into `Post`. Files are streamed (plain, .gz or .zst)
line by line and saved in batches through `harvest()`, one run per file. The run's cursor
is `path:line:offset` (lines and decompressed bytes consumed), so an import killed at any
moment and started again with `--resume` goes on right after the last committed batch.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO

import zstandard

from ..progress import progress
from ..records import Post, to_utc
from ..store import Store
from .base import Batch, InputError, Summary, harvest

log = logging.getLogger(__name__)

FORMATS = ("auto", "jsonl", "csv", "twarc", "reddit-dump", "miner")
BATCH_SIZE = 2000
MAX_MESSAGES = 100  # bad-row messages shown per file; the rest are only counted

TWITTER_EPOCH_MS = 1288834974657
# Snowflake ids start at the epoch (2010-11-04); the old sequential ids stayed below ~3e10,
# far under this id of one hour after the epoch.
SNOWFLAKE_MIN_ID = 3_600_000 << 22
EXCEL_EPOCH = datetime(1899, 12, 30, tzinfo=timezone.utc)
TIME_FORMATS = (
    "%a %b %d %H:%M:%S %z %Y",  # Twitter v1.1: Tue Oct 31 22:10:47 +0000 2017
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y", "%d-%b-%y %I:%M:%S %p", "%d-%b-%y", "%d-%b-%Y", "%d %b %Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d",
)

# Column names looked for when no --*-col option names one (compared after `_norm`).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "tweet", "content", "body", "full_text", "tweet_text", "message"),
    "id": ("id", "tweet_id", "status_id", "id_str", "post_id"),
    "time": ("created_at", "date", "time", "timestamp", "datetime", "tweet_date",
             "created_utc", "created"),
    "author": ("username", "user", "author", "screen_name", "user_name", "user_screen_name",
               "author_id"),
    "location": ("location", "user_location", "author_location"),
    "lang": ("lang", "language"),
    "url": ("url", "permalink"),
}
HASH_ID = "@hash"
READ_ERRORS = (OSError, EOFError, zstandard.ZstdError)  # gzip.BadGzipFile is an OSError


class BadRow(Exception):
    """A row that cannot become a post: reason and the field (column) to blame."""

    def __init__(self, reason: str, field: str | None = None):
        super().__init__(f"{reason} (field {field})" if field else reason)


@dataclass
class Options:
    """What `miner import` was told; the *_col fields name columns (or keys) of jsonl/csv."""

    format: str = "auto"
    source: str | None = None
    id_col: str | None = None
    text_col: str | None = None
    time_col: str | None = None
    author_col: str | None = None
    location_col: str | None = None
    time_format: str | None = None
    no_header: bool = False
    columns: list[str] | None = None
    strict: bool = False


@dataclass
class Columns:
    """Where each Post field is: csv indexes, JSON keys or key paths (tuples); one or more."""

    keys: dict[str, list[Any]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # field -> column name for messages
    hash_id: bool = False


@dataclass
class Plan:
    """One file, checked and ready to import."""

    name: str  # as given, for messages
    path: Path
    fmt: str
    source: str
    size: int  # bytes on disk: the progress bar's length
    strict: bool
    time_format: str | None = None
    columns: Columns | None = None
    header: list[str] | None = None  # csv: the names that key `raw`
    delimiter: str = ","
    start: tuple[int, int] = (0, 0)  # (line, offset) where the data begins
    query: str = ""  # the absolute path: the run's query and the cursor's prefix

    def __post_init__(self) -> None:
        self.query = str(self.path.resolve())


# ------------------------------------------------------------------------ times and ids
def parse_time(value: Any, fmt: str | None = None) -> datetime | None:
    """A UTC datetime from ISO 8601, Twitter's 'Tue Oct 31 22:10:47 +0000 2017', unix
    seconds or milliseconds, Excel serial days, US 'm/d/Y H:M' and a few more (or from
    `fmt`, a strptime format); None for empty. ValueError when it is none of these."""
    if value is None or value == "" or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return _parse_time(value, fmt)
    except (ValueError, OverflowError, OSError, TypeError):
        raise ValueError(f"unparseable time {str(value)[:40]!r}") from None


def _parse_time(value: Any, fmt: str | None) -> datetime:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return _from_number(float(value))
    text = str(value).strip()
    if fmt:
        return to_utc(datetime.strptime(text, fmt))
    if text.isascii() and text.replace(".", "", 1).isdigit():
        return _from_number(float(text))
    try:
        return to_utc(text)
    except ValueError:
        pass
    for form in TIME_FORMATS:
        try:
            return to_utc(datetime.strptime(text, form))
        except ValueError:
            continue
    raise ValueError(text)


def _from_number(n: float) -> datetime:
    """Excel serial days (10,000-99,999: 1927-2173), unix milliseconds (>= 1e11) or seconds."""
    if 1e4 <= n < 1e5:
        return EXCEL_EPOCH + timedelta(days=n)
    if n >= 1e11:
        n /= 1000
    return datetime.fromtimestamp(n, timezone.utc)


def snowflake_time(post_id: str) -> datetime | None:
    """The creation time a Twitter Snowflake id carries, or None if it is no Snowflake."""
    if not (post_id.isascii() and post_id.isdigit()):
        return None
    n = int(post_id)
    if n < SNOWFLAKE_MIN_ID:
        return None
    ms = (n >> 22) + TWITTER_EPOCH_MS
    if ms > (datetime.now(timezone.utc).timestamp() + 86400) * 1000:
        return None
    return datetime.fromtimestamp(ms / 1000, timezone.utc)


def _time(value: Any, label: str, fmt: str | None = None) -> datetime | None:
    try:
        return parse_time(value, fmt)
    except ValueError as exc:
        raise BadRow(str(exc), label) from None


# ------------------------------------------------------------------------ mapping functions
def map_columns(rec: Any, cols: Columns, source: str, time_format: str | None) -> Post:
    """A generic jsonl object or csv row (list) -> Post, through the resolved columns."""
    keys, labels = cols.keys, cols.labels
    text = _pick(rec, keys["text"], "\n")
    if not text:
        raise BadRow("missing text", labels["text"])
    time_keys = keys.get("time")
    time_value = _pick(rec, time_keys, " ", raw=True) if time_keys else None
    author = _pick(rec, keys["author"]) if "author" in keys else None
    if cols.hash_id:
        digest = hashlib.blake2b(f"{time_value}\x1f{author}\x1f{text}".encode(), digest_size=8)
        pid = digest.hexdigest()
    else:
        pid = _pick(rec, keys["id"])
        if not pid:
            raise BadRow("missing id", labels["id"])
    created = _time(time_value, labels.get("time"), time_format) if time_keys else None
    if created is None:
        created = snowflake_time(pid)
    return Post(
        source=source, id=pid, text=text, created_at=created,
        url=_pick(rec, keys["url"]) if "url" in keys else None,
        author=author,
        lang=_pick(rec, keys["lang"]) if "lang" in keys else None,
        author_location=_pick(rec, keys["location"], ", ") if "location" in keys else None,
        raw=rec if isinstance(rec, dict) else {},
    )


def map_tweet(tweet: dict[str, Any], users: dict[str, dict[str, Any]] | None = None) -> Post:
    """A twarc2 tweet (flattened, or from a response page with `includes.users`) or a v1.1
    tweet -> Post. The author from `includes` is kept in `raw` as `author`, as twarc does."""
    pid = str(tweet.get("id_str") or tweet.get("id") or "")
    if not pid:
        raise BadRow("missing id", "id")
    text = ((tweet.get("note_tweet") or {}).get("text") or tweet.get("full_text")
            or (tweet.get("extended_tweet") or {}).get("full_text") or tweet.get("text"))
    if not text:
        raise BadRow("missing text", "text")
    raw = tweet
    user = tweet.get("author") if isinstance(tweet.get("author"), dict) else None
    if user is None and users:
        user = users.get(str(tweet.get("author_id")))
        if user is not None:
            raw = {**tweet, "author": user}
    if user is None and isinstance(tweet.get("user"), dict):
        user = tweet["user"]
    user = user or {}
    username = user.get("username") or user.get("screen_name")
    created = _time(tweet.get("created_at"), "created_at") or snowflake_time(pid)
    return Post(
        source="twitter", id=pid, text=text, created_at=created,
        url=f"https://twitter.com/{username or 'i/web'}/status/{pid}",
        author=username, lang=tweet.get("lang"),
        author_location=user.get("location") or None, raw=raw,
    )


def map_reddit(obj: dict[str, Any]) -> Post | None:
    """A Pushshift / Arctic Shift submission or comment -> Post (id: the fullname, t3_/t1_).
    Deleted and removed comments give None (skipped)."""
    is_submission = "title" in obj
    pid = obj.get("name") or (obj.get("id") and f"{'t3' if is_submission else 't1'}_{obj['id']}")
    if not pid:
        raise BadRow("missing id", "id")
    if is_submission:
        body = obj.get("selftext") or ""
        text = obj["title"] or ""
        if body and body.strip() not in ("[removed]", "[deleted]"):
            text = f"{text}\n\n{body}"
    else:
        text = obj.get("body") or ""
        if text.strip() in ("[removed]", "[deleted]"):
            return None
    if not text:
        raise BadRow("missing text", "title" if is_submission else "body")
    author = obj.get("author")
    permalink = obj.get("permalink")
    return Post(
        source="reddit", id=pid, text=text,
        created_at=_time(obj.get("created_utc"), "created_utc"),
        url=f"https://www.reddit.com{permalink}" if permalink else None,
        author=None if author in (None, "[deleted]") else author,
        raw=obj,
    )


def map_miner(obj: dict[str, Any], default_source: str) -> Post:
    """A line of our own export (the Post fields, `raw` as an object or JSON text) -> Post."""
    for key in ("id", "text"):
        if not obj.get(key):
            raise BadRow(f"missing {key}", key)
    raw = obj.get("raw")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw else {}
        except ValueError:
            raise BadRow("invalid JSON", "raw") from None
    return Post(
        source=obj.get("source") or default_source, id=obj["id"], text=obj["text"],
        created_at=_time(obj.get("created_at"), "created_at"), url=obj.get("url"),
        author=obj.get("author"), lang=obj.get("lang"),
        author_location=obj.get("author_location"), raw=raw or {},
    )


def _pick(rec: Any, keys: list[Any], sep: str = ", ", raw: bool = False) -> Any:
    """The value at `keys` (one or more) of a row or object; None when empty."""
    if len(keys) == 1:
        value = _get(rec, keys[0])
        if raw or value is None or isinstance(value, str):
            return value if value != "" else None
        return str(value) if isinstance(value, (int, float)) else None
    parts = [_get(rec, k) for k in keys]
    return sep.join(str(p) for p in parts if p not in (None, "")) or None


def _get(rec: Any, key: Any) -> Any:
    """rec[key]: a csv row by index, a JSON object by key or by key path (a tuple)."""
    if type(key) is str:
        return rec.get(key)
    if type(key) is int:
        return rec[key] if key < len(rec) else None
    for part in key:  # a key path into nested JSON
        if not isinstance(rec, dict):
            return None
        rec = rec.get(part)
    return rec


# ------------------------------------------------------------------------ reading
def open_binary(path: Path) -> tuple[BinaryIO, BinaryIO]:
    """The decompressed bytes of a plain, gzip or zstd file (told by magic bytes), and the
    file itself (the same object when it is not compressed)."""
    fh = open(path, "rb", buffering=1 << 20)
    magic = fh.peek(4)[:4]
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=fh, mode="rb"), fh  # type: ignore[return-value]
    if magic == b"\x28\xb5\x2f\xfd":
        reader = zstandard.ZstdDecompressor(max_window_size=2**31).stream_reader(
            fh, read_across_frames=True, closefd=True)
        return io.BufferedReader(reader, 1 << 20), fh  # type: ignore[arg-type]
    return fh, fh


def _open_at(plan: Plan, offset: int) -> tuple[BinaryIO, BinaryIO]:
    f, fh = open_binary(plan.path)
    if offset and f is fh:
        f.seek(offset)
    else:
        left = offset
        while left > 0:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                f.close()
                fh.close()
                raise InputError(f"{plan.name}: shorter than when the import was interrupted; "
                                 "import it again without --resume")
            left -= len(chunk)
    return f, fh


Unit = tuple[int, int, int | None, Any]  # start line, lines read, bytes read (None: mid-line), item


def _json_units(f: BinaryIO, line: int, offset: int) -> Iterator[Unit]:
    """One parsed object (or a BadRow) per non-blank line."""
    loads = json.loads
    for raw in f:
        line += 1
        offset += len(raw)
        if raw.isspace():
            continue
        try:
            obj = loads(raw)
        except UnicodeDecodeError:
            obj = BadRow("invalid JSON (not UTF-8)")
        except ValueError as exc:
            obj = BadRow(f"invalid JSON ({getattr(exc, 'msg', exc)})")
        if not isinstance(obj, (dict, BadRow)):
            obj = BadRow("not a JSON object")
        yield line, line, offset, obj


def _twarc_units(f: BinaryIO, line: int, offset: int) -> Iterator[Unit]:
    """(tweet, users by id) per tweet: a response page gives many, a flattened line one."""
    for start, end, off, obj in _json_units(f, line, offset):
        data = obj.get("data") if isinstance(obj, dict) else None
        if data is None:
            yield start, end, off, obj if isinstance(obj, BadRow) else (obj, None)
            continue
        tweets = data if isinstance(data, list) else [data]
        users = {str(u.get("id")): u for u in (obj.get("includes") or {}).get("users", [])}
        for i, tweet in enumerate(tweets):
            yield start, end, off if i == len(tweets) - 1 else None, (tweet, users)


def _csv_units(f: BinaryIO, line: int, offset: int, delimiter: str = ",") -> Iterator[Unit]:
    """One row (list of strings, or a BadRow) per CSV record; a record may span lines."""
    pos = [line, offset]

    def lines() -> Iterator[str]:
        for raw in f:
            if pos[1] == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
                pos[1] += 3
            pos[0] += 1
            pos[1] += len(raw)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield raw.decode("cp1252", "replace")

    reader = csv.reader(lines(), delimiter=delimiter)
    while True:
        start = pos[0] + 1
        try:
            row: Any = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = BadRow(f"bad CSV ({exc})")
        if row:
            yield start, pos[0], pos[1], row


# ------------------------------------------------------------------------ planning
def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")


def _first_line(f: BinaryIO) -> bytes:
    for raw in f:
        if not raw.isspace():
            return raw
    return b""


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".zst", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def detect_format(name: str, first: bytes) -> str:
    """csv by the name (.csv/.tsv, maybe .gz/.zst), else the kind of JSON on the first line."""
    lower = re.sub(r"\.(gz|zst)$", "", name.lower())
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    try:
        obj = json.loads(first)
    except ValueError:
        if first.lstrip()[:1] in (b"{", b"["):
            raise InputError(f"{name}: one JSON document, not JSON lines of posts (status-page "
                             "and incident JSON is not imported)") from None
        raise InputError(f"{name}: unknown format (neither JSON lines nor .csv); "
                         "pass --format csv or --format jsonl") from None
    if not isinstance(obj, dict):
        raise InputError(f"{name}: line 1 is not a JSON object; not JSON lines of posts")
    if isinstance(obj.get("data"), (list, dict)) or "__twarc" in obj or (
            "author_id" in obj and ("conversation_id" in obj or isinstance(obj.get("author"), dict))
    ) or ("id_str" in obj and isinstance(obj.get("user"), dict)):
        return "twarc"
    if "subreddit" in obj and "created_utc" in obj:
        return "reddit-dump"
    if {"source", "id", "text", "raw"} <= obj.keys():
        return "miner"
    return "jsonl"


def _resolve(name: str, opts: Options, names: list[str], keys: list[Any]) -> Columns:
    """Find each field's column(s) from the options, else from the common names."""
    normed = [_norm(n) for n in names]
    cols = Columns()
    given = {"id": opts.id_col, "text": opts.text_col, "time": opts.time_col,
             "author": opts.author_col, "location": opts.location_col}
    for fld, candidates in CANDIDATES.items():
        spec = given.get(fld)
        if fld == "id" and spec == HASH_ID:
            cols.hash_id = True
            continue
        if spec:
            found = []
            for part in spec.split(","):
                i = _column_index(part, normed, names)
                if i is None:
                    raise InputError(f"{name}: no column {part!r} for --{fld}-col "
                                     f"(columns: {_show(names)})")
                found.append(i)
        else:
            found = [normed.index(c) for c in candidates if c in normed][:1]
            if not found and fld == "time":  # e.g. created_at_utc_guess
                found = [i for i, n in enumerate(normed)
                         if any(n.startswith(c + "_") for c in candidates)][:1]
        if found:
            cols.keys[fld] = [keys[i] for i in found]
            cols.labels[fld] = ",".join(names[i] or str(i + 1) for i in found)
        elif fld == "id":
            cols.hash_id = True  # decided below, once the text column is known
        elif fld == "text":
            raise InputError(
                f"{name}: no text column found (looked for {', '.join(candidates)}; columns: "
                f"{_show(names)}); name it with --text-col NAME|NUMBER, "
                "or pass --no-header --columns if the file has no header row")
    if cols.hash_id and not given["id"]:
        log.warning("%s: no id column (looked for %s); ids are a hash of time, author and text "
                    "(name one with --id-col)", name, ", ".join(CANDIDATES["id"]))
    return cols


def _show(names: list[str]) -> str:
    return ", ".join(repr(n if len(n) <= 30 else n[:27] + "...") for n in names)


def _column_index(part: str, normed: list[str], names: list[str]) -> int | None:
    part = part.strip()
    if part in names:
        return names.index(part)
    if _norm(part) in normed and _norm(part):
        return normed.index(_norm(part))
    if part.isdigit() and 1 <= int(part) <= len(names):
        return int(part) - 1
    return None


def plan_file(name: str, opts: Options) -> Plan:
    """Check that `name` is readable and of a known format; find its columns."""
    path = Path(name)
    try:
        f, fh = open_binary(path)
        with f, fh:
            first = _first_line(f)
    except READ_ERRORS as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise InputError(f"{name}: cannot read ({reason})") from None
    if not first:
        raise InputError(f"{name}: empty file")
    fmt = opts.format if opts.format != "auto" else detect_format(name, first)
    if fmt not in FORMATS[1:]:
        raise InputError(f"{name}: unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    source = {"twarc": "twitter", "reddit-dump": "reddit"}.get(fmt) or opts.source or _stem(path)
    plan = Plan(name=name, path=path, fmt=fmt, source=source, size=path.stat().st_size,
                strict=opts.strict, time_format=opts.time_format)
    if fmt == "jsonl":
        obj = next(_json_units(io.BytesIO(first), 0, 0))[3]
        if not isinstance(obj, dict):
            raise InputError(f"{name}: the first line is not a JSON object ({obj})")
        names = list(obj)
        extra = [s for o in (opts.id_col, opts.text_col, opts.time_col, opts.author_col,
                             opts.location_col) if o for s in o.split(",") if "." in s]
        names += [s for s in extra if s not in names]  # key paths into nested objects
        plan.columns = _resolve(name, opts, names, [tuple(n.split(".")) if n in extra else n
                                                    for n in names])
    elif fmt == "csv":
        plan.delimiter = "\t" if re.search(r"\.tsv(\.gz|\.zst)?$", name.lower()) else ","
        f, fh = open_binary(path)
        with f, fh:
            unit = next(_csv_units(f, 0, 0, plan.delimiter), None)
        if unit is None or isinstance(unit[3], BadRow):
            raise InputError(f"{name}:1: cannot read a CSV header row")
        first_row = unit[3]
        if opts.no_header:
            header = opts.columns or [str(i + 1) for i in range(len(first_row))]
        else:
            header = opts.columns or first_row
            plan.start = (unit[1], unit[2])
        if opts.columns and len(opts.columns) != len(first_row):
            raise InputError(f"{name}: --columns names {len(opts.columns)} columns, "
                             f"the file has {len(first_row)}")
        plan.header = header
        plan.columns = _resolve(name, opts, header, list(range(len(header))))
    return plan


# ------------------------------------------------------------------------ importing
def _mapper(plan: Plan) -> Callable[[Any], Post | None]:
    source, cols, fmt = plan.source, plan.columns, plan.time_format
    if plan.fmt == "twarc":
        return lambda item: map_tweet(*item)
    if plan.fmt == "reddit-dump":
        return map_reddit
    if plan.fmt == "miner":
        return lambda obj: map_miner(obj, source)
    if plan.fmt == "jsonl":
        return lambda obj: map_columns(obj, cols, source, fmt)
    header, width = plan.header or [], len(plan.header or [])

    def csv_row(row: list[str]) -> Post:
        if len(row) != width:
            raise BadRow(f"{len(row)} fields where the header has {width}")
        post = map_columns(row, cols, source, fmt)
        post.raw = dict(zip(header, row))
        return post

    return csv_row


def _units(plan: Plan, f: BinaryIO, line: int, offset: int) -> Iterator[Unit]:
    if plan.fmt == "csv":
        return _csv_units(f, line, offset, plan.delimiter)
    if plan.fmt == "twarc":
        return _twarc_units(f, line, offset)
    return _json_units(f, line, offset)


def _cursor(plan: Plan, line: int, offset: int) -> str:
    return f"{plan.query}:{line}:{offset}"


def read_batches(plan: Plan, cursor: str | None = None, limit: int | None = None,
                 report: Callable[[str], None] | None = None,
                 at: Callable[[int], None] | None = None) -> Iterator[Batch]:
    """Batches of about BATCH_SIZE posts from `plan`'s file, starting after `cursor`.

    Bad rows go to `report` as `FILE:LINE: reason (field X)` and are counted as skipped;
    with `plan.strict` the first one raises InputError (its batch is not yielded).
    `at(n)` hears how many bytes of the file (on disk) have been read, batch by batch.
    """
    line, offset = plan.start
    if cursor:
        line, offset = (int(x) for x in cursor.rsplit(":", 2)[1:])
    mapper = _mapper(plan)
    posts: list[Post] = []
    skipped = shown = total = 0
    last = (line, offset)
    f, fh = _open_at(plan, offset)
    at = at or (lambda n: None)
    at(fh.tell())
    try:
        for start, end_line, end_offset, item in _units(plan, f, line, offset):
            try:
                if isinstance(item, BadRow):
                    raise item
                try:
                    post = mapper(item)
                except (AttributeError, TypeError, KeyError, ValueError) as exc:
                    raise BadRow(f"unexpected structure ({type(exc).__name__}: {exc})") from None
            except BadRow as bad:
                message = f"{plan.name}:{start}: {bad}"
                if plan.strict:
                    raise InputError(message) from None
                skipped += 1
                shown += 1
                if report and shown <= MAX_MESSAGES:
                    report(message)
                elif report and shown == MAX_MESSAGES + 1:
                    report(f"{plan.name}: more bad rows not shown (see the skipped count)")
                post = None
            else:
                if post is None:
                    skipped += 1
                else:
                    posts.append(post)
                    total += 1
            if end_offset is not None:
                last = (end_line, end_offset)
                if len(posts) >= BATCH_SIZE:
                    at(fh.tell())
                    yield Batch(posts, _cursor(plan, *last), skipped)
                    posts, skipped = [], 0
            if limit is not None and total >= limit:
                break
    except READ_ERRORS as exc:
        raise InputError(f"{plan.name}: cannot read further ({exc})") from None
    finally:
        f.close()
        fh.close()
    at(plan.size)
    if posts or skipped:
        yield Batch(posts, _cursor(plan, *last), skipped)


def import_files(store: Store, names: list[str] | tuple[str, ...], opts: Options, *,
                 resume: bool = False, limit: int | None = None,
                 show_progress: bool | None = None,
                 report: Callable[[str], None] | None = None) -> Iterator[tuple[str, Summary]]:
    """Import each file in its own resumable run; yield (file, summary) as each finishes.

    Every file is checked (readable, known format, columns found) before any is imported.
    `limit` caps the posts read over all files.
    """
    if opts.format not in FORMATS:
        raise InputError(f"unknown format {opts.format!r} (one of {', '.join(FORMATS)})")
    plans = [plan_file(name, opts) for name in names]
    left = limit
    for plan in plans:
        if left is not None and left <= 0:
            break
        with progress(f"import {plan.path.name}", length=plan.size, enabled=show_progress) as bar:
            summary = _import_one(store, plan, opts, resume, left, report, _bytes_to(bar))
        yield plan.name, summary
        if left is not None:
            left -= summary.new + summary.known


def _import_one(store: Store, plan: Plan, opts: Options, resume: bool, limit: int | None,
                report: Callable[[str], None] | None, at: Callable[[int], None]) -> Summary:
    """One file in one run (resumable: the same file with the same options)."""
    params = {"format": plan.fmt, "source": plan.source, "time_format": opts.time_format,
              "id_col": opts.id_col, "text_col": opts.text_col, "time_col": opts.time_col,
              "author_col": opts.author_col, "location_col": opts.location_col,
              "no_header": opts.no_header, "columns": opts.columns}
    params = {k: v for k, v in params.items() if v not in (None, False)}
    return harvest(store, "import", lambda cursor: read_batches(plan, cursor, limit, report, at),
                   query=plan.query, params=params, resume=resume, limit=limit,
                   show_progress=False)  # the bar above counts bytes: the number of posts is unknown


def _bytes_to(bar: Any) -> Callable[[int], None]:
    """`at(n)` for read_batches: moves a progress bar (counting bytes) on to byte n."""
    done = [0]

    def at(n: int) -> None:
        if n > done[0]:
            bar.update(n - done[0])
            done[0] = n

    return at
