import json
from collections import Counter

import pytest

from miner.config import models_path
from miner.nlp import services
from miner.nlp.services import canonical, expand_query, find_services, load_catalogue


def test_catalogue_shape_and_size():
    data = json.loads(models_path("services.json").read_text(encoding="utf-8"))
    entries = data["services"]
    names = [e["name"] for e in entries]
    assert len(entries) >= 150
    assert len(names) == len(set(names))
    allowed = {"ai_assistant", "social", "cloud", "productivity", "telecom", "isp", "streaming",
               "gaming", "bank", "payment", "utility", "commerce", "travel", "other"}
    for e in entries:
        assert e["category"] in allowed, e["name"]
        for key in ("aliases", "case_sensitive_aliases", "hashtags", "handles", "domains"):
            assert isinstance(e[key], list), (e["name"], key)
        assert all(not h.startswith("@") for h in e["handles"]), e["name"]
        assert all(t == t.lower() and not t.startswith("#") for t in e["hashtags"]), e["name"]
    counts = Counter(e["category"] for e in entries)
    for category in ("ai_assistant", "social", "cloud", "telecom", "isp", "streaming", "gaming",
                     "bank", "payment", "utility"):
        assert counts[category] >= 5, category


def test_ambiguous_names_are_never_plain_aliases():
    """Common words and short names must not match case-insensitively on their own."""
    cat = load_catalogue()
    for word in ("ee", "o2", "three", "x", "sky", "orange", "signal", "threads", "chase", "delta",
                 "steam", "teams", "zoom", "power", "target", "visa", "box", "line", "free"):
        assert word not in cat.aliases, word


@pytest.mark.parametrize("text, expected", [
    ("is chatgpt down for anyone else?", ["chatgpt"]),
    ("Chat GPT keeps failing", ["chatgpt"]),
    ("OpenAI API returning errors", ["chatgpt"]),
    ("Claude is down again", ["claude"]),
    # model names, as status pages and developers write them
    ("elevated 502 error rates affecting our text-davinci-003 model", ["chatgpt"]),
    ("gpt-3.5-turbo fine-tuning jobs are failing", ["chatgpt"]),
    ("claude 3.5 sonnet keeps timing out", ["claude"]),
    ("my Xfinity internet is out", ["comcast"]),
    ("AT&amp;T no service in Dallas", ["att"]),
    ("T-Mobile no signal", ["t_mobile"]),
    ("Disney+ won't play anything", ["disney_plus"]),
    ("PG&E cut our power", ["pge"]),
    ("Sky Broadband is down", ["sky"]),
    ("Orange France en panne", ["orange"]),
    ("Xbox Live down?", ["xbox_live"]),
    ("the Chase app won't let me log in", ["chase"]),
    ("Delta Air Lines app crashed", ["delta"]),
    ("Microsoft Teams meeting won't connect", ["teams"]),
])
def test_aliases(text, expected):
    assert find_services(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("@OpenAI what is going on", ["chatgpt"]),
    ("@VodafoneUK no network in Leeds", ["vodafone"]),
    ("@ThreeUKSupport still no signal", ["three"]),       # listed handle
    ("@AskPlayStation psn is down", ["playstation_network"]),  # "ask" + a known name
    ("@VodafoneIN @VodafoneUK no network", ["vodafone"]),
    ("@BofA_Help the app is broken", ["bank_of_america"]),
    ("@SpotifyCares songs won't play", ["spotify"]),
    ("@someone_random hello", []),
    ("@115911 why no service", []),
    ("@PSETalk no power in Seabeck", ["pse", "power"]),    # utilities' reply handles
    ("@NammaBESCOM no power since 7.30 am", ["bescom", "power"]),
    ("@NJTRANSIT stuck on the train, they lost power", ["nj_transit", "power"]),
])
def test_handles(text, expected):
    assert find_services(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("#ChatGPTDown again", ["chatgpt"]),
    ("#chatgpt_down", ["chatgpt"]),
    ("#ChatGPTIsDown", ["chatgpt"]),
    ("#VirginMediaOutage all evening", ["virgin_media"]),   # only the plain name is listed
    ("#NetflixDown", ["netflix"]),
    ("#EEdown since 6am", ["ee"]),                          # an outage suffix makes "EE" safe
    ("#netflix tonight", ["netflix"]),
    ("#three #orange", []),                                 # bare ambiguous words stay out
    ("#poweroutage in Leeds", ["power"]),
    ("#mboutage Winnipeg outage affecting 1300 customers", ["manitoba_hydro"]),  # the utility's outage tag
])
def test_hashtags(text, expected):
    assert find_services(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("No school today due to an electrical outage", ["power"]),
    ("the storm knocked out our power", ["power"]),
    ("Finally got power again!", ["power"]),
    ("Luckily I still have power", ["power"]),
    ("I just power off and on now", []),                   # a device switched off, not the supply
    ("Endgame = power off phone", []),
])
def test_power_said_without_outage_words(text, expected):
    assert find_services(text) == expected


def test_domains_count_but_links_do_not():
    assert find_services("chatgpt.com won't load") == ["chatgpt"]
    assert find_services("status.openai.com says all good") == ["chatgpt"]
    # A share link is not a post about Instagram, nor pic.twitter.com one about X.
    assert find_services("Power outage. @ Detroit https://www.instagram.com/p/BPHI3nUA2p_/") == ["power"]
    assert find_services("no power at all pic.twitter.com/Ksy8CtEIqb") == ["power"]


@pytest.mark.parametrize("text, expected", [
    ("xhttps://netflix.com is down", []),  # a URL starts anywhere, even inside a word
    ("see my-netflix.com/x", []),  # a link after a hyphen is still a link
    ("go.netflix.com/x spotify", ["spotify"]),
    ("Netflix down (netflix.com/help)", ["netflix"]),
    ("foo-netflix down", ["netflix"]),  # a name may follow a hyphen, not a word character
    ("netflix_down", []),
    ("a@netflix", []),
    ("x#netflix", []),
    ("&#netflix", []),  # an HTML entity, not a hashtag
    ("@netflix", ["netflix"]),
])
def test_left_context_of_each_kind_of_match(text, expected):
    assert find_services(text) == expected
    assert find_services(text + " /") == expected  # the same with the URL alternatives in play


def test_ambiguous_operators():
    assert find_services("EE signal is gone") == ["ee"]
    assert find_services("I see you, ee, see you") == []
    assert find_services("O2 network down in London") == ["o2"]
    assert find_services("Three days without signal") == []
    assert find_services("Three network down again") == ["three"]
    assert find_services("Orange County power outage") == ["power"]
    assert find_services("the sky is falling") == []
    assert find_services("no signal at all") == []
    assert find_services("Signal app won't send messages") == ["signal"]
    assert find_services("I ordered three threads and a delta of steam") == []


@pytest.mark.parametrize("text, lang, expected", [
    ("Orange en panne à Marseille, plus de réseau", None, ["orange"]),
    ("Free ne marche plus, pas d'internet à Paris", None, ["free"]),
    ("Impossible de me connecter à mon compte Free", None, ["free"]),  # "à", "mon": French
    ("Vivo sem sinal no Rio de Janeiro", None, ["vivo"]),
    ("Orange sin cobertura", "es", ["orange"]),  # the declared language counts
    ("Free shipping on every order today", None, []),  # the same words in English are words
    ("Orange is the new black and my wifi is down", None, []),
    ("Vivo sem sinal no Rio", "en", []),
])
def test_names_that_are_words_elsewhere_count_in_their_language(text, lang, expected):
    assert find_services(text, lang=lang) == expected


@pytest.mark.parametrize("text, expected", [
    ("claude is down", ["claude"]),
    ("gemini not working again", ["gemini"]),
    ("grok down?", ["grok"]),
    ("teams keeps crashing", ["teams"]),
    ("x is down for everyone", ["x"]),
    ("gemini is down bad for him", []),  # slang, not a failure
    ("both teams down to ten men", []),
    ("scrolled my cursor down the page", []),
    ("i'm a gemini, obviously", []),
    ("a claude monet print", []),
    ("anyone else having trouble with claude?", ["claude"]),  # ... or right after one
    ("Problems with Teams again this morning", ["teams"]),
    ("issues with x-ray results", []),
    ("grok not responding at all", ["grok"]),
    ("claude can't read attachments rn", ["claude"]),  # anywhere, with one of its context words
    ("zoom keeps kicking me out of meetings", ["zoom"]),
    ("stripe dashboard won't load, API calls still fine", ["stripe"]),
    ("my friend claude is sick", []),
    ("zoom in on the picture", []),
    ("you wouldn't chase a refund if the app was not working", []),  # a verb, whatever the context
    ("can chase fix their app already", ["chase"]),
])
def test_words_that_are_names_count_right_before_a_failure(text, expected):
    assert find_services(text) == expected


def test_order_of_first_mention_and_generic_utilities_last():
    assert find_services("Netflix and Hulu both down") == ["netflix", "hulu"]
    assert find_services("@Hulu and @netflix both down") == ["hulu", "netflix"]
    # "power outage" says what failed, the handle says whose: the named one first.
    assert find_services("power out again and @DTE_Energy has no eta") == ["dte", "power"]
    assert find_services("Power outage in Cupertino") == ["power"]
    assert find_services("lost power, no water either") == ["power", "water"]
    assert find_services("chatgpt chatgpt ChatGPT") == ["chatgpt"]


def test_canonical():
    assert canonical("chatgpt") == "chatgpt"
    assert canonical("ChatGPT") == "chatgpt"
    assert canonical("openai") == "chatgpt"
    assert canonical("anthropic") == "claude"
    assert canonical("twitter") == "x"
    assert canonical("@VodafoneUK") == "vodafone"
    assert canonical("#chatgptdown") == "chatgpt"
    assert canonical("T-Mobile") == "t_mobile"
    assert canonical("tmobile") == "t_mobile"
    assert canonical("Xfinity") == "comcast"
    assert canonical("playstation") == "playstation_network"
    assert canonical("chatgpt.com") == "chatgpt"
    assert canonical("Disney Plus") == "disney_plus"
    assert canonical("no_such_service") is None
    assert canonical("") is None


def test_expand_query():
    terms = expand_query("chatgpt")
    assert terms[0] == "ChatGPT"
    assert "openai" in terms and "#chatgptdown" in terms and "@openai" in terms
    assert len(terms) == len({t.lower() for t in terms})
    assert expand_query("OpenAI") == terms  # any alias names the service
    with pytest.raises(KeyError):
        expand_query("no_such_service")


def test_user_catalogue_extends_and_adds(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"services": [
        {"name": "chatgpt", "aliases": ["chatbot of doom"], "handles": ["gptfan"], "display": "GPT!"},
        {"name": "acme_cloud", "display": "Acme Cloud", "category": "cloud",
         "aliases": ["acme cloud"], "case_sensitive_aliases": ["ACME"], "hashtags": ["acmedown"],
         "handles": ["acmestatus"], "domains": ["acme.example"]},
    ]}), encoding="utf-8")
    cat = load_catalogue(extra)
    assert find_services("the chatbot of doom is down", cat) == ["chatgpt"]
    assert find_services("@gptfan help", cat) == ["chatgpt"]
    assert find_services("openai down", cat) == ["chatgpt"]          # old aliases kept
    assert cat.services["chatgpt"]["display"] == "GPT!"              # scalars overridden
    assert find_services("ACME is down, acme.example too", cat) == ["acme_cloud"]
    assert find_services("acme is a word", cat) == []
    assert find_services("#AcmeDown", cat) == ["acme_cloud"]
    assert canonical("Acme Cloud", cat) == "acme_cloud"
    # the default catalogue is untouched
    assert find_services("the chatbot of doom is down") == []


def test_user_catalogue_from_environment(tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([{"name": "zorg", "display": "Zorg", "category": "other",
                                  "aliases": ["zorg net"]}]), encoding="utf-8")
    monkeypatch.setenv("MINER_SERVICES", str(extra))
    assert find_services("zorg net down") == ["zorg"]


def test_bad_user_catalogue_is_refused(tmp_path):
    extra = tmp_path / "bad.json"
    extra.write_text(json.dumps({"services": [{"display": "no name"}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="no name"):
        load_catalogue(extra)
