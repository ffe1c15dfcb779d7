"""The `miner` command: a thin click layer over the Python API (one short function a command).

Data goes to stdout or files; progress, logs and summaries go to stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import click

from . import __version__
from .collectors.base import HarvestError, InputError, Summary
from .store import Store, default_db_path


class Context:
    def __init__(self, db: str, quiet: bool):
        self.db_path = db
        self.quiet = quiet
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.db_path)
        return self._store

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


pass_ctx = click.make_pass_decorator(Context)


def fail(message: str) -> None:
    """Stop with a one-line error and exit status 1."""
    raise click.ClickException(message)


class MinerGroup(click.Group):
    """Turns the errors users can act on into one-line messages instead of tracebacks."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (HarvestError, InputError) as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=MinerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="outage-miner")
@click.option("--db", default=default_db_path, show_default="outages.db, or $MINER_DB",
              type=click.Path(dir_okay=False), help="SQLite database to read and write.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("--services", type=click.Path(exists=True, dir_okay=False), envvar="MINER_SERVICES",
              help="Your own service catalogue (JSON, the shape of models/services.json), merged "
                   "with the shipped one: new services, or more names for known ones. "
                   "Env: MINER_SERVICES.")
@click.pass_context
def cli(ctx: click.Context, db: str, quiet: bool, verbose: int, services: str | None) -> None:
    """outage-miner: find service outages in social media before the status page admits them.

    \b
    A harvest database flows through four stages:
      miner harvest sample        # pull posts (sample, bluesky, reddit, mastodon) or `miner import`
      miner extract               # outage-report flag, service, symptoms, places, times
      miner detect                # time series, baselines, incidents
      miner report --out reports  # CSV reports (columns in docs/csv.md)
    or all of it on the embedded replay of the ChatGPT outages of 3-4 Feb 2026:
      miner demo
    Watch a service of your own:
      miner --services my-services.json extract --reprocess
    """
    if services:
        from .nlp import services as catalogue

        try:
            catalogue.load_catalogue(Path(services))
        except ValueError as exc:
            fail(str(exc))
        os.environ["MINER_SERVICES"] = services  # read by every stage that names services
    level = logging.ERROR if quiet else [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = Context(db, quiet)


def print_summary(ctx: Context, summary: Summary) -> None:
    ctx.say(summary.line())


# ------------------------------------------------------------------------ harvest
@cli.group()
def harvest() -> None:
    """Pull posts from a source into the database, in resumable runs.

    Every page is committed together with the run's cursor: a harvest stopped at any moment
    and started again with --resume goes on where it stopped, with every post stored once.
    """


@harvest.command("sample")
@click.option("--resume", is_flag=True, help="Go on with the last unfinished sample run.")
@pass_ctx
def harvest_sample(ctx: Context, resume: bool) -> None:
    """Load the embedded replay corpus (synthetic posts modelled on the ChatGPT outages of
    3-4 February 2026) and its status-page events.

    \b
    Example:
      miner --db demo.db harvest sample
    """
    from .collectors import sample

    summary = sample.harvest_sample(ctx.store, resume=resume)
    print_summary(ctx, summary)


def reddit_query(query: str | None, service: str | None) -> str | None:
    """--service NAME stands for that service's outage query (from miner.nlp.services)."""
    from .collectors import reddit

    return reddit.service_query(service) if service else query


@harvest.command("reddit")
@click.option("--subreddit", "-r", required=True, help="Subreddit to read, e.g. ChatGPT.")
@click.option("--query", help='Reddit search query, e.g. "down OR outage"; none: the newest posts.')
@click.option("--service", help="Use this known service's outage query instead of --query.")
@click.option("--time-filter", default="all", show_default=True,
              type=click.Choice(["hour", "day", "week", "month", "year", "all"]),
              help="How far back the search goes.")
@click.option("--sort", default="new", show_default=True,
              type=click.Choice(["new", "relevance", "hot", "top", "comments"]))
@click.option("--limit", type=click.IntRange(1), help="Stop after this many posts (submissions and comments).")
@click.option("--comments/--no-comments", default=True, show_default=True,
              help="Also read the comments of every submission found (megathreads).")
@click.option("--more", default=32, show_default=True, type=click.IntRange(0),
              help='"load more comments" links to expand per submission (each is a request).')
@click.option("--resume", is_flag=True, help="Go on with the last unfinished run of the same search.")
@pass_ctx
def harvest_reddit(ctx: Context, subreddit: str, query: str | None, service: str | None,
                   time_filter: str, sort: str, limit: int | None, comments: bool, more: int,
                   resume: bool) -> None:
    """Search a subreddit (read-only API) and store the submissions and their comments.

    Needs a Reddit "script" app: client_id and client_secret in praw.ini or in the
    environment variables praw_client_id / praw_client_secret (see the README).

    \b
    Example:
      miner harvest reddit --subreddit ChatGPT --query "down OR outage" --time-filter day
    """
    from .collectors import reddit

    summary = reddit.harvest_reddit(ctx.store, subreddit, reddit_query(query, service), sort=sort,
                                    time_filter=time_filter, comments=comments, more=more,
                                    limit=limit, resume=resume)
    print_summary(ctx, summary)


@harvest.command("mastodon")
@click.option("--instance", "instances", multiple=True, required=True,
              help="Instance URL or host, e.g. mastodon.social (repeat for several).")
@click.option("--tag", "tags", multiple=True, required=True,
              help="Hashtag without #, e.g. chatgptdown (repeat for several).")
@click.option("--limit", type=click.IntRange(1), help="Stop after this many posts.")
@click.option("--resume", is_flag=True, help="Go on with the last unfinished run of the same feeds.")
@pass_ctx
def harvest_mastodon(ctx: Context, instances: tuple[str, ...], tags: tuple[str, ...],
                     limit: int | None, resume: bool) -> None:
    """Read public hashtag timelines (no login needed) and store their statuses.

    A later run reads only the statuses newer than the last complete run saw. An access
    token (MASTODON_ACCESS_TOKEN) is only needed where an instance hides its timelines.

    \b
    Example:
      miner harvest mastodon --instance mastodon.social --instance fosstodon.org --tag chatgptdown
    """
    from .collectors import mastodon

    summary = mastodon.harvest_mastodon(ctx.store, list(instances), list(tags), limit=limit,
                                        resume=resume)
    print_summary(ctx, summary)


@harvest.command("bluesky")
@click.argument("query", required=False)
@click.option("--service", help="Search a service's usual words (e.g. chatgpt) instead of, or besides, QUERY.")
@click.option("--since", help="Only posts from this time on: 2026-02-03 or 2026-02-03T14:00:00Z (UTC unless an offset is given).")
@click.option("--until", help="Only posts before this time (same forms as --since).")
@click.option("--lang", help="Only posts in this language, e.g. en.")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many posts.")
@click.option("--resume", is_flag=True, help="Go on with the last unfinished run of the same search.")
@click.option("--base-url", help="PDS to log in and search through instead of bsky.social "
              "(else $BSKY_BASE_URL, or base_url under [bluesky] in the config file).")
@pass_ctx
def harvest_bluesky(ctx: Context, query: str | None, service: str | None, since: str | None,
                    until: str | None, lang: str | None, limit: int | None, resume: bool,
                    base_url: str | None) -> None:
    """Search Bluesky posts, newest first, for QUERY (every word must appear: no OR).

    Needs a login: $BSKY_HANDLE and $BSKY_APP_PASSWORD (an app password, made at
    https://bsky.app/settings/app-passwords), or handle and app_password under [bluesky]
    in the config file.

    \b
    Example:
      export BSKY_HANDLE=you.bsky.social BSKY_APP_PASSWORD=abcd-efgh-ijkl-mnop
      miner harvest bluesky "chatgpt down" --since 2026-02-03 --lang en
      miner harvest bluesky --service chatgpt --since 2026-02-03T14:00:00Z --resume
    """
    from .collectors import bluesky

    summary = bluesky.harvest_bluesky(ctx.store, query, service=service, since=since, until=until,
                                      lang=lang, limit=limit, resume=resume, base_url=base_url)
    print_summary(ctx, summary)


@cli.group()
def stream() -> None:
    """Follow a live source and store matching posts as they arrive (Ctrl-C stops cleanly)."""


@cli.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "jsonl", "csv", "twarc", "reddit-dump", "miner"]),
              help="File format; auto: .csv/.tsv by name, else the kind of JSON on line 1.")
@click.option("--source", help="Source of jsonl/csv posts [default: the file name]. Tweets "
              "(twarc) are 'twitter', Reddit dumps 'reddit'; our exports keep theirs.")
@click.option("--id-col", help="Column with the post id: a name or a 1-based number; "
              "'@hash' derives a stable id from time, author and text.")
@click.option("--text-col", help="Column with the text.")
@click.option("--time-col", help="Column(s) with the time, e.g. 'Date,Time'.")
@click.option("--author-col", help="Column with the author's name.")
@click.option("--location-col", help="Column(s) with the author's location, e.g. 'City,State'.")
@click.option("--time-format", help="strptime format of the time, e.g. '%d-%m-%y %I:%M:%S %p'.")
@click.option("--no-header", is_flag=True, help="The CSV has no header row (see --columns).")
@click.option("--columns", help="Comma-separated names for the CSV's columns, e.g. id,text,label.")
@click.option("--strict", is_flag=True, help="Stop at the first bad row (exit status 1).")
@click.option("--resume", is_flag=True, help="Go on with each file's unfinished import.")
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many posts.")
@pass_ctx
def import_(ctx: Context, files: tuple[str, ...], fmt: str, columns: str | None,
            resume: bool, limit: int | None, **mapping: str | bool | None) -> None:
    """Import posts from files: JSONL, CSV, twarc2 tweets, Reddit dumps (Pushshift /
    Arctic Shift, .gz or .zst) and `miner export` JSONL.

    Columns named id/tweet_id, text/tweet/content/body, created_at/date/time/timestamp,
    username/author and location are found on their own; name others with --*-col.
    Bad rows are reported as FILE:LINE and skipped. Killed imports go on with --resume.

    \b
    Examples:
      miner import tweets.jsonl RC_2024-01.zst
      miner import --no-header --columns id,text,complaint,domain complaints-data.csv
      miner import --id-col @hash wa_tweets.csv
    """
    from .collectors import files as file_import

    opts = file_import.Options(format=fmt, columns=columns.split(",") if columns else None,
                               **mapping)  # type: ignore[arg-type]
    totals = [0, 0, 0]
    for name, summary in file_import.import_files(ctx.store, files, opts, resume=resume,
                                                  limit=limit, report=ctx.say):
        how = f" (resumed run {summary.run_id})" if summary.resumed else ""
        ctx.say(f"import {name}: {summary.new} new, {summary.known} already known, "
                f"{summary.skipped} skipped{how}")
        totals = [totals[0] + summary.new, totals[1] + summary.known, totals[2] + summary.skipped]
    if len(files) > 1:
        ctx.say(f"import: {len(files)} files: {totals[0]} new, {totals[1]} already known, "
                f"{totals[2]} skipped")


@stream.command("bluesky")
@click.option("--track", help="Comma-separated words, phrases and #tags; a post with any of them is kept.")
@click.option("--service", help="Also track a service's usual words, e.g. chatgpt.")
@click.option("--jetstream", "url", help="Jetstream websocket URL.  [default: "
              "wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post]")
@click.option("--resume", is_flag=True, help="Go on from the cursor of the last run with the same words.")
@click.option("--max-posts", type=click.IntRange(min=1), help="Stop after this many matching posts.")
@click.option("--duration", type=click.FloatRange(min=0), help="Stop after this many seconds.")
@pass_ctx
def stream_bluesky(ctx: Context, track: str | None, service: str | None, url: str | None,
                   resume: bool, max_posts: int | None, duration: float | None) -> None:
    """Follow all of Bluesky live (Jetstream, no login) and store the posts that mention the
    tracked words: whole words, any case; a #tag also matches the post's tags.

    Posts are committed every 50 posts or 2 seconds together with the stream position,
    so --resume after Ctrl-C (or a crash) goes on where it stopped.

    \b
    Example:
      miner stream bluesky --track chatgpt,openai,#chatgptdown
      miner stream bluesky --service chatgpt --resume --duration 3600
    """
    from .collectors import bluesky

    terms = bluesky.track_terms(track, service)
    summary = bluesky.stream_bluesky(ctx.store, terms, url=url or bluesky.JETSTREAM_URL,
                                     resume=resume, max_posts=max_posts, duration=duration)
    print_summary(ctx, summary)
    x = summary.extra
    ctx.say(f"bluesky: {x['events']} events read, {x['matched']} matched; "
            f"cursor {x['cursor']} (go on with --resume)")


@stream.command("reddit")
@click.option("--subreddit", "-r", required=True, help="Subreddit to follow, e.g. ChatGPT.")
@click.option("--query", help='Keep only posts with one of these terms, e.g. "down OR outage".')
@click.option("--service", help="Use this known service's outage terms instead of --query.")
@click.option("--comments/--no-comments", default=True, show_default=True,
              help="Follow new comments as well as new submissions.")
@click.option("--max-posts", type=click.IntRange(1), help="Stop after storing this many posts.")
@click.option("--duration", type=click.FloatRange(0, min_open=True), help="Stop after this many seconds.")
@click.option("--poll", default=5.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between polls once nothing new arrives.")
@pass_ctx
def stream_reddit(ctx: Context, subreddit: str, query: str | None, service: str | None,
                  comments: bool, max_posts: int | None, duration: float | None,
                  poll: float) -> None:
    """Follow the new submissions and comments of a subreddit until Ctrl-C, --max-posts or
    --duration, committing every poll's posts.

    \b
    Example:
      miner stream reddit --subreddit ChatGPT --query "down OR outage" --duration 3600
    """
    from .collectors import reddit

    try:
        summary = reddit.stream_reddit(ctx.store, subreddit, reddit_query(query, service),
                                       comments=comments, max_posts=max_posts,
                                       duration=duration, poll=poll)
    except KeyboardInterrupt:
        ctx.say("reddit: stream interrupted; everything stored so far is committed")
        sys.exit(130)
    print_summary(ctx, summary)


# ------------------------------------------------------------------------ stages
@cli.command()
@click.option("--reprocess", is_flag=True, help="Extract again every post, not only new ones.")
@click.option("--ner", is_flag=True, help="Also use spaCy's statistical NER (en_core_web_sm, "
              "installed separately) to find more places.")
@pass_ctx
def extract(ctx: Context, reprocess: bool, ner: bool) -> None:
    """Decide for each post whether it is an outage report, and pull out its service,
    symptoms, places and times (into the extractions and places tables).

    Only posts without an extraction from the current pipeline version are processed,
    so running it again after a harvest is cheap.

    \b
    Example:
      miner extract && miner detect
    """
    from .nlp import extract as nlp_extract

    try:
        n = nlp_extract.extract_store(ctx.store, reprocess=reprocess, ner=ner)
    except RuntimeError as exc:
        fail(str(exc))
    ctx.say(f"extract: {n} posts processed")


@cli.command()
@click.option("--bin", "bin_minutes", default=5, show_default=True, type=click.IntRange(1, 1440),
              help="Width of a time bin in minutes.")
@click.option("--threshold", default=6.0, show_default=True, type=float,
              help="How far above the baseline (in noise units) a bin must be to open an incident.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Count only reports whose outage_score is at least this (default: every post "
                   "flagged as a report, score 0.55 or more). See the README for precision by score.")
@pass_ctx
def detect(ctx: Context, bin_minutes: int, threshold: float, min_score: float | None) -> None:
    """Build time series of outage reports per service, symptom and region, compare them with
    a baseline and declare incidents (start, peak, end, top symptoms, top places).

    Rebuilds the bins and incidents tables from the extractions. On real posts, reports scored
    0.8 or more are far more often true than those scored 0.55-0.8; --min-score 0.8 trades some
    recall for a cleaner signal.

    \b
    Examples:
      miner detect --bin 5
      miner detect --min-score 0.8
    """
    from .signals import incidents

    found = incidents.detect_store(ctx.store, bin_minutes=bin_minutes, threshold=threshold, min_score=min_score)
    for inc in found:
        ctx.say(f"incident: {inc['service']} {inc['start']} -> {inc['end']} "
                f"(peak {inc['peak']}, {inc['n_reports']} reports)")
    ctx.say(f"detect: {len(found)} incidents")


@cli.command()
@click.option("--out", "out_dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Directory to write the reports into.")
@pass_ctx
def report(ctx: Context, out_dir: str) -> None:
    """Write the reports: incidents.csv, timeline.csv, reports.csv, places.csv
    (columns documented in docs/csv.md).

    \b
    Example:
      miner report --out reports/ && column -s, -t < reports/incidents.csv
    """
    from .report import csv as csv_report

    paths = csv_report.write_reports(ctx.store, Path(out_dir))
    for path in paths:
        click.echo(str(path))


@cli.command()
@click.option("--gold", "gold_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Labelled JSONL file(s); default: every file in models/labelled/.")
@click.option("--flag-labels", "flag_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="JSONL file(s) of posts labelled for the flag alone (`text`, `is_outage_report`); "
                   "default: every file in models/flag_labels/.")
@click.option("--no-flag-labels", is_flag=True, help="Train on the gold alone.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              help="Where to save the model (its MODEL_CARD.md goes beside it); "
                   "default: models/outage_classifier.skops, the one the pipeline loads.")
@pass_ctx
def train(ctx: Context, gold_paths: tuple[str, ...], flag_paths: tuple[str, ...], no_flag_labels: bool,
          out_path: str | None) -> None:
    """Train the outage-report classifier on labelled posts and save it with its model card
    (MODEL_CARD.md).

    Posts are split by a hash of their text: 1 in 5 is held out and measured. Posts labelled for
    the flag alone (real posts judged in audits) train it too, at a fifth of a gold post's weight;
    their held-out fifth is measured apart.

    \b
    Example:
      miner train && miner evaluate --gold models/labelled/batch_a.jsonl
      miner train --gold mine.jsonl --no-flag-labels --out /tmp/mine.skops
    """
    from .nlp import classify

    paths = [Path(p) for p in gold_paths] or classify.labelled_files()
    extra = [] if no_flag_labels else classify.load_gold([Path(p) for p in flag_paths] or classify.flag_label_files())
    result = classify.train(classify.load_gold(paths), Path(out_path) if out_path else None, extra)
    m = result.metrics
    ctx.say(f"train: {result.n_train} posts, held out {result.n_test}: precision {m['precision']:.3f}"
            f" recall {m['recall']:.3f} F1 {m['f1']:.3f}")
    if (x := result.flag_only_metrics) is not None:
        ctx.say(f"flag-only labels: {result.n_flag_only} trained on, held out {x['n']}: precision "
                f"{x['precision']:.3f} recall {x['recall']:.3f} F1 {x['f1']:.3f}")
    click.echo(str(result.path))


@cli.command()
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="JSONL, one labelled post a line (gold format: models/README.md).")
@click.option("--predictions", "predictions_path", type=click.Path(dir_okay=False),
              help="Write the pipeline's output for each gold line, in order, as JSONL.")
@click.option("--split", type=click.Choice(["all", "test", "train"]), default="all", show_default=True,
              help="Score only the held-out (test) or training part, split as `miner train` does.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False),
              help="A classifier saved by `miner train --out` instead of the shipped one.")
@click.option("--ner", is_flag=True, help="Measure with spaCy's statistical NER added (as `miner extract --ner`).")
@click.option("--by", "by_field", metavar="FIELD",
              help="Also score each value of this gold field apart, e.g. `--by dataset` or `--by lang`.")
@pass_ctx
def evaluate(ctx: Context, gold_path: str, predictions_path: str | None, split: str, as_json: bool,
             model_path: str | None, ner: bool, by_field: str | None) -> None:
    """Measure the NLP pipeline on labelled posts: precision, recall and F1 of the outage
    flag; per-symptom and micro P/R/F1; HTTP-code accuracy; place precision and recall
    (a place is found when name and country match, without regard to case,
    accents or spelling the gazetteer knows: Montreal is Montréal, Cologne is Köln); service accuracy.

    \b
    Example:
      miner evaluate --gold models/labelled/batch_c.jsonl --split test --predictions out.jsonl
      miner evaluate --gold models/labelled/batch_c.jsonl --by dataset
    """
    import json

    from .nlp import classify
    from .nlp import evaluate as ev

    try:
        gold = ev.read_gold(Path(gold_path))
    except ValueError as exc:
        fail(str(exc))
    if split != "all":
        gold = [g for g in gold if classify.split_of(g) == split]
    try:
        predicted = ev.predict(gold, model_path, ner)
    except RuntimeError as exc:  # --ner without the model installed
        fail(str(exc))
    if predictions_path:
        with open(predictions_path, "w", encoding="utf-8") as fh:
            for g, p in zip(gold, predicted):  # the gold post's text and time first, to read beside it
                line = {"text": g["text"], "created_at": g.get("created_at"), **p}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    metrics = ev.score(gold, predicted)
    by = ev.score_by(gold, predicted, by_field) if by_field else None
    if as_json:
        click.echo(json.dumps({**metrics, **({"by": {by_field: by}} if by else {})}, indent=1))
    else:
        click.echo(ev.format_metrics(metrics) + (ev.format_by(by, by_field) if by else ""))


@cli.command()
@click.argument("table", type=click.Choice(["posts", "extractions", "places", "runs", "bins",
                                            "incidents", "status_events"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--where", help="SQL condition on the table's columns, e.g. \"source = 'bluesky'\".")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write [default: stdout].")
@pass_ctx
def export(ctx: Context, table: str, fmt: str, where: str | None, output) -> None:
    """Write a table of the database as JSONL or CSV (columns: docs/schema.md).

    Exported posts keep their raw JSON and import back with `miner import`.

    \b
    Examples:
      miner export posts --where "created_at >= '2026-02-04'" -o posts.jsonl
      miner export incidents --format csv
    """
    from .report import export as exporter

    write = exporter.write_jsonl if fmt == "jsonl" else exporter.write_csv
    n = write(exporter.rows(ctx.store, table, where), output)
    ctx.say(f"export: {n} rows of {table}")


@cli.command()
@click.option("--out", "out_dir", default="reports", show_default=True,
              type=click.Path(file_okay=False), help="Directory for the reports.")
@click.pass_context
def demo(click_ctx: click.Context, out_dir: str) -> None:
    """Run everything on the embedded replay: harvest sample -> extract -> detect -> report.

    Safe to run again: posts are upserted, extraction skips what is done, detect rebuilds.

    \b
    Example:
      miner --db demo.db demo --out demo-reports
    """
    ctx: Context = click_ctx.obj
    click_ctx.invoke(harvest_sample, resume=False)
    click_ctx.invoke(extract, reprocess=False, ner=False)
    click_ctx.invoke(detect)
    ctx.say(f"demo: database {ctx.db_path}; reports in {out_dir}/:")
    click_ctx.invoke(report, out_dir=out_dir)


