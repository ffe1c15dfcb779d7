import pytest

from miner.nlp.classify import THRESHOLD, blend_scores, load_model
from miner.nlp.language import guess_language


@pytest.mark.parametrize("text, expected", [
    ("ChatGPT no funciona en Madrid, error 503 desde hace una hora", "es"),
    ("ChatGPT est en panne à Paris, erreur 502", "fr"),
    ("Störung bei der Telekom in Berlin, kein Internet seit heute morgen", "de"),
    ("WhatsApp fora do ar em São Paulo, não consigo enviar mensagens", "pt"),
    ("is chatgpt down? error 403 again", "en"),
    ("Power outage. @ Detroit, Michigan https://www.instagram.com/p/BPHI3nUA2p_/", "en"),  # no words: English
    ("*School wide power outage* No power=no class pic.twitter.com/41gxJ", "en"),  # not "com" (pt)
    ("no signal in LA", "en"),  # LA is not Spanish "la"
    ("Fallen power cables in #Kingston on State Hwy 104 at Miller Bay Rd NE", "en"),  # NE: north-east
    ("@PSETalk power out on 235th PL SE, sammamish", "en"),  # SE is not Spanish "se"
    ("Power outage at Jewel Food Stores on Des Plaines", "en"),  # a name, not French "des"
    ("#nopower=no work at 4045 Spencer St, Las Vegas", "en"),
    ("Netflix NO FUNCIONA desde ayer", "es"),  # capitals still count where the word is long or foreign
    ("acabou a luz aqui em casa", "pt"),
    ("Stromausfall in München", "de"),
    ("la app de BBVA no me deja hacer transferencias", "es"),
])
def test_guess_language(text, expected):
    assert guess_language(text) == expected


def test_declared_language_wins():
    assert guess_language("the app is down", "pt-BR") == "pt"


def test_the_rules_decide_posts_the_model_cannot_read():
    """The model learned on English posts; a Spanish report must not sink because of it."""
    texts = ["ChatGPT no funciona en Madrid, error 503 desde hace una hora",
             "ChatGPT funciona perfectamente hoy, me encanta"]
    report, praise = blend_scores(load_model(), texts)
    assert report >= THRESHOLD > praise


def test_the_rules_decide_symptoms_the_model_has_hardly_seen():
    """Labelled real posts name an HTTP status code once; a post that does is still a report."""
    model = load_model()
    assert model.code_support_["http_error"] < 10 <= model.code_support_["power"]
    texts = ["ChatGPT keeps saying error 403 in Montréal", "Steam store giving me 502 bad gateway",
             "ChatGPT went down today with 502 errors, here is what we know https://news.example.com/x"]
    first, second, news = blend_scores(model, texts)
    assert first >= THRESHOLD and second >= THRESHOLD > news


def test_news_and_jokes_in_other_languages_are_not_reports():
    texts = ["Última hora: caída mundial de Instagram afecta a millones https://noticias.example.com/x",
             "si se cae WhatsApp me muero jaja",
             "se o WhatsApp cair eu morro kkkk",
             "Instagram no carga nada, error 500"]
    news, joke, joke_pt, report = blend_scores(load_model(), texts)
    assert max(news, joke, joke_pt) < THRESHOLD <= report
