"""`miner extract`: the NLP pipeline (miner/nlp/pipeline.py) over posts, and storing what it decides."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language

from ..progress import progress
from ..records import Extraction, Post
from ..store import Store
from . import pipeline

PIPELINE_VERSION = "3"
THRESHOLD = 0.5


@lru_cache(maxsize=2)
def default_pipeline(ner: bool = False) -> Language:
    return pipeline.build(ner=ner)


def extract_batch(posts: Sequence[Post], nlp: Language | None = None) -> list[Extraction]:
    """Everything the pipeline decides about each post, in order."""
    nlp = nlp or default_pipeline()
    docs = nlp.pipe((pipeline.make_doc(nlp, p) for p in posts), batch_size=max(1, len(posts)))
    out = []
    for post, doc in zip(posts, docs):
        is_report = doc._.outage_score >= THRESHOLD
        out.append(Extraction(
            source=post.source, id=post.id, is_outage_report=is_report, outage_score=doc._.outage_score,
            service=doc._.services[0] if doc._.services else None,
            symptoms=list(doc._.symptoms) if is_report else [], http_codes=list(doc._.http_codes),
            places=doc._.places, mentioned_at=doc._.mentioned_at if is_report else None,
            pipeline_version=PIPELINE_VERSION + ("+ner" if "ner" in nlp.pipe_names else "")))
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
