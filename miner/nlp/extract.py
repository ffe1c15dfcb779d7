"""`miner extract`: the NLP pipeline over posts, and storing what it decides.

Per post: services (catalogue), symptoms and HTTP codes (patterns), places (gazetteer),
time expressions; then the outage-report classifier scores the whole batch at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..progress import progress
from ..records import Extraction, Post
from ..store import Store
from . import classify, places, services, symptoms, times

PIPELINE_VERSION = "2"
THRESHOLD = 0.5


def extract_batch(posts: Sequence[Post], model=None) -> list[Extraction]:
    """Everything the pipeline decides about each post, in order."""
    model = classify.load_model() if model is None else model
    texts = [p.text or "" for p in posts]
    found = [symptoms.find_symptoms(t, p.lang) for t, p in zip(texts, posts)]
    scores = classify.blend_scores(model, texts, [codes for codes, _ in found])
    out = []
    for post, text, (codes, http_codes), score in zip(posts, texts, found, scores):
        is_report = score >= THRESHOLD
        named = services.find_services(text)
        out.append(Extraction(
            source=post.source, id=post.id, is_outage_report=is_report, outage_score=score,
            service=named[0] if named else None,
            symptoms=list(codes) if is_report else [], http_codes=list(http_codes),
            places=places.find_places(text, post.author_location),
            mentioned_at=times.mentioned_at(text, post.created_at) if is_report else None,
            pipeline_version=PIPELINE_VERSION))
    return out


def extract_store(store: Store, reprocess: bool = False, batch_size: int = 2000,
                  show_progress: bool | None = None) -> int:
    """Extract every post not yet done by this pipeline version; returns how many."""
    total = store.count_to_extract(PIPELINE_VERSION, reprocess)
    model = classify.load_model()
    done = 0
    with progress("extract", length=total, enabled=show_progress) as bar:
        for chunk in store.posts_to_extract(PIPELINE_VERSION, reprocess, batch_size):
            done += store.save_extractions(extract_batch(chunk, model))
            bar.update(len(chunk))
    return done
