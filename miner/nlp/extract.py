"""`miner extract`: the NLP pipeline (miner/nlp/pipeline.py) over posts, and storing what it decides."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache

from spacy.language import Language

from ..progress import progress
from ..records import Extraction, Post
from ..store import Store
from . import classify, pipeline, places
from .pipeline import get

PIPELINE_VERSION = "12"
VOCABULARY_KEPT = 100_000  # strings (see extract_batch)


@lru_cache(maxsize=2)
def default_pipeline(ner: bool = False) -> Language:
    """The pipeline, with everything its components load on first use already loaded (`settle`)."""
    nlp = pipeline.build(ner=ner)
    settle(nlp)
    return nlp


WARM_UP = Post("warm-up", "0", "ChatGPT is down, error 403 in Toronto since 9:26 #outage",
               datetime(2026, 1, 1, 12, tzinfo=timezone.utc), author_location="Toronto")


def settle(nlp: Language) -> None:
    """Load what the components build on first use (gazetteer, catalogue, patterns), then set
    the loaded objects aside from the garbage collector (`gc.freeze`): they live as long as the
    process, and every full collection walked all of them again (the gazetteer's and model's
    350,000 objects: a quarter of a second each time, every few thousand posts, 30-40 us a real
    tweet). What was alive then is never collected as cyclic garbage, which for models and
    tables loaded once is no loss."""
    places.gazetteer()
    nlp(pipeline.make_doc(nlp, WARM_UP))
    gc.collect()
    gc.freeze()


def extract_batch(posts: Sequence[Post], nlp: Language | None = None) -> list[Extraction]:
    """Everything the pipeline decides about each post, in order.

    The words of the first posts stay in spaCy's vocabulary for good (a word known is a
    third cheaper to make a token of); once it holds VOCABULARY_KEPT strings, each batch runs
    in a memory zone that frees the words new to it (mostly handles and links) at its end. Left
    alone, the vocabulary grew by 4 strings a tweet, 175,000 for 43k tweets, without end."""
    nlp = nlp or default_pipeline()
    if len(nlp.vocab.strings) < VOCABULARY_KEPT:
        return _extract(posts, nlp)
    with nlp.memory_zone():
        return _extract(posts, nlp)


def _extract(posts: Sequence[Post], nlp: Language) -> list[Extraction]:
    docs = nlp.pipe((pipeline.make_doc(nlp, p) for p in posts), batch_size=max(1, len(posts)))
    out = []
    version = PIPELINE_VERSION + ("+ner" if "ner" in nlp.pipe_names else "")
    for post, doc in zip(posts, docs):
        score, found, codes = get(doc, "outage_score"), get(doc, "services"), get(doc, "symptoms")
        is_report = score >= classify.THRESHOLD
        out.append(Extraction(
            source=post.source, id=post.id, is_outage_report=is_report, outage_score=score,
            # a power cut with no company named is the generic "power" service, as the guideline says
            service=found[0] if found else ("power" if "power" in codes else None),
            symptoms=list(codes) if is_report else [], http_codes=list(get(doc, "http_codes")),
            places=get(doc, "places"), mentioned_at=get(doc, "mentioned_at") if is_report else None,
            pipeline_version=version))
    return out


def extract_store(store: Store, reprocess: bool = False, batch_size: int = 2000, ner: bool = False,
                  show_progress: bool | None = None) -> int:
    """Extract every post not yet done by this pipeline version; returns how many."""
    nlp = default_pipeline(ner)
    version = PIPELINE_VERSION + ("+ner" if ner else "")
    total = store.count_to_extract(version, reprocess)
    done = 0
    with progress("extract", length=total, enabled=show_progress) as bar:
        for chunk in store.posts_to_extract(version, reprocess, batch_size):
            done += store.save_extractions(extract_batch(chunk, nlp))
            bar.update(len(chunk))
    return done
