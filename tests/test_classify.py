"""`miner train` end to end: a model trained on labelled posts, saved with skops, loaded back."""

import json

import pytest
from click.testing import CliRunner

from miner.cli import cli
from miner.nlp import classify


def _labelled(n: int) -> list[dict]:
    """The first n of each committed batch: both classes, every kind of source."""
    rows = []
    for path in classify.labelled_files():
        with open(path, encoding="utf-8") as fh:
            rows += [json.loads(line) for _, line in zip(range(n), fh)]
    return rows


def test_train_saves_a_model_that_loads_and_scores(tmp_path):
    result = classify.train(_labelled(120), tmp_path / "m.skops")
    assert result.path.exists() and result.n_train > result.n_test > 0
    assert 0.5 < result.metrics["f1"] <= 1.0
    card = (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert f"{result.n_train} training and {result.n_test} held-out posts" in card
    model = classify.load_model(str(result.path))
    # the vocabulary travels as one array and comes back as the dict scikit-learn reads
    words = model.named_steps["features"].transformer_list[0][1]
    assert words.vocabulary_ and len(words.vocabulary_) == len(words.terms_)
    report, chatter = classify.blend_scores(model, ["no signal at all since this morning, @EE sort it out",
                                                    "Thanks for the lovely flowers, see you Friday"])
    assert report >= classify.THRESHOLD > chatter


def test_cached_character_ngrams_score_as_scikit_learn_does(tmp_path):
    """load_model makes char_wb n-grams once per word; the scores must not move."""
    import skops.io as sio

    result = classify.train(_labelled(60), tmp_path / "m.skops")
    fast = classify.load_model(str(result.path))
    plain = sio.load(result.path)
    classify._unpack(plain)
    texts = [r["text"] for r in _labelled(20)] + ["a", "", "  spaced\tout\n words ", "é💥 ok"]
    inputs = [classify.model_input(t, []) for t in texts]
    assert (fast.predict_proba(inputs) == plain.predict_proba(inputs)).all()


def test_train_and_evaluate_another_model_from_the_cli(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in _labelled(60)), encoding="utf-8")
    model = tmp_path / "mine.skops"
    trained = CliRunner().invoke(cli, ["train", "--gold", str(gold), "--out", str(model)])
    assert trained.exit_code == 0, trained.output
    assert model.exists() and str(model) in trained.output
    evaluated = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), "--model", str(model), "--json"])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.output)["n"] == 360


def test_flag_only_posts_train_the_model_and_are_measured_apart(tmp_path):
    gold = _labelled(60)
    # real posts judged for the flag alone: a phrasing the gold never shows, said to be no report
    flag_only = [{"text": f"power outage at the blorvik fair number {i}, zorp", "is_outage_report": False}
                 for i in range(60)]
    plain = classify.train(gold, tmp_path / "plain.skops")
    both = classify.train(gold, tmp_path / "both.skops", flag_only)
    assert plain.n_flag_only == 0 and plain.flag_only_metrics is None
    held_out = [r for r in flag_only if classify.split_of(r) == "test"]
    assert both.n_flag_only == len(flag_only) - len(held_out) > 0
    assert both.flag_only_metrics["n"] == len(held_out)
    assert "labelled for the flag alone" in (tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    # the gold's held-out posts stay the gold's
    assert both.n_test == plain.n_test and both.n_train == plain.n_train
    text = classify.model_input("power outage at the blorvik fair, zorp", ["power"])
    p_plain = classify.load_model(str(plain.path)).predict_proba([text])[0, 1]
    p_both = classify.load_model(str(both.path)).predict_proba([text])[0, 1]
    assert p_both < p_plain


def test_the_committed_flag_labels_are_real_posts_with_provenance_and_not_gold():
    rows = classify.load_gold(classify.flag_label_files())
    assert len(rows) > 1000 and {True, False} == {r["is_outage_report"] for r in rows}
    assert all(r["dataset"] and r["ref"] for r in rows)
    gold = {r["text"].strip().lower() for r in classify.load_gold(classify.labelled_files())}
    assert not gold & {r["text"].strip().lower() for r in rows}


@pytest.mark.parametrize("line, error", [
    ('{"text": "no power", "is_outage_report": "yes"}', "x.jsonl:2: field 'is_outage_report'"),
    ('{"is_outage_report": true}', "x.jsonl:2: field 'text'"),
    ("not json", "x.jsonl:2: not JSON"),
])
def test_a_bad_labelled_line_is_named_by_file_and_line(tmp_path, line, error):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "no power", "is_outage_report": true}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        classify.load_gold([path])


def test_train_without_the_flag_labels_from_the_cli(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in _labelled(60)), encoding="utf-8")
    flags = tmp_path / "flags.jsonl"
    flags.write_text("".join(json.dumps({"text": f"no power on elm street {i}", "is_outage_report": True}) + "\n"
                             for i in range(40)), encoding="utf-8")
    args = ["train", "--gold", str(gold), "--out", str(tmp_path / "m.skops")]
    alone = CliRunner().invoke(cli, [*args, "--no-flag-labels"])
    assert alone.exit_code == 0, alone.output
    assert "flag-only labels" not in alone.output
    mine = CliRunner().invoke(cli, [*args, "--flag-labels", str(flags)])
    assert mine.exit_code == 0, mine.output
    assert "flag-only labels: 3" in mine.output  # 40 posts less their held-out fifth


def test_the_model_is_asked_only_about_posts_where_the_rules_read_a_failure():
    model = classify.load_model()
    texts = ["Thanks for the lovely flowers, see you Friday", "my internet is down again @Virgin",
             "outage outage outage #outage"]
    codes = [[], ["connectivity"], []]
    scores = classify.blend_scores(model, texts, codes)
    assert scores[0] == scores[2] == classify.rule_score(texts[0], []) < classify.THRESHOLD
    # a post with a symptom gets the blend, which is not the rules' score alone
    assert scores[1] != classify.rule_score(texts[1], codes[1]) and scores[1] >= classify.THRESHOLD


@pytest.mark.parametrize("text, signed", [
    ("Crews continue to work. No ETR at this present time. ^pa", True),
    ("Gas leaks can be reported 24/7. Thanks. -AC", True),
    ("There's no ETR, but our techs will continue to work on this. *VA", True),
    ("no signal at all - UK", False),
    ("my internet is down again -EE is rubbish", False),
    # a first name signing it
    ("@SteveBellow There is an outage. Thanks for your patience while we work to restore service.  -Erica", True),
    ("there is no outage in your area- I would call tech support. Thanks #Cogeco ^Jodi", True),
    ("This is an area outage Tara, no services will work until this is resolved. ^Lindsey", True),
    ("Comcast-Billing", False),
    ("no power on our street since 6am - Bristol", False),
    # one initial after "^", a full name run together after "*"
    ("we are not aware of any outage. Please inbox us street name and house ^H", True),
    ("Let's try again! Tap the link and then the box. *MikeVance", True),
    ("power is out in the whole street ^^", False),
    ("Harvey took our power out again ^_^ Houston", False),  # a face, then the author's own place
    ("my internet is down *again*", False),
    # a name with its surname's initial after "^"
    ("There seems to be an outage in your area! Please bare with us as we work hard to fix this! ^JonW", True),
    ("Hey Mark! We'er sorry. There is no ETA please bare with us as we work on this known outage? ^SharondaM.", True),
    # a name set off by a space after a word, in a desk's words
    ("@zinniedog Apologies, the outage has been extended as more work is required, no ETR at this stage - Esther",
     True),
    ("you can report it by visiting our outage map or by calling us at 1-888-225-5773. Thanks, -Greg", True),
    ("@EE still no signal in the whole village since 6am - Bristol", False),
    ("The more isolated a person is, the more destructive will be the power of sin over him - Bonhoeffer", False),
])
def test_an_agents_initials_signing_a_reply_are_a_provider_speaking(text, signed):
    assert classify.cues(text).provider is signed


@pytest.mark.parametrize("text, provider", [
    # a support desk offering help
    ("@117135 I would be happy to help you with your connectivity issues. DM us and I can get started.", True),
    ("@116735 Hey there, are you having issues with your WWII code? Shoot me a DM, I'll be happy to help!", True),
    ("@116759 PSN is Online. Please let us know the error code or message you receive when you try to sign in.", True),
    ("@O2 no signal in Leeds since 6am, would be happy to get any update", False),
    ("@EE DM us? I did and still no internet", False),
    # or asking about the error the customer sees
    ("@116887 Are you getting any error messages when it happens? Is it happening with earphones? /PL", True),
    ("@116092 Sorry you're still having trouble! What error are you seeing when you try to use the app?", True),
    ("@116759 Do you receive this error when accessing a specific game?", True),
    ("@Netflix are you getting an error too? mine says error 500", False),
    ("@116342 We'd like to help. What is going on with the app?", True),
    ("@116514 That's odd. PSN is online. Please power cycle your network devices and try again", True),
    ("@117089 I'd recommend restarting your Fire Stick by unplugging it from the TV and wall outlet.", True),
    ("Due to the power outage today, advisors will be in the lobby. We are here to help you register!", False),
    # a utility saying its crews work to restore
    ("Del City outage affecting approx. 2,000 customers. Lightning and flooding in the area. "
     "Crews will work safely to restore power. No ETR.", True),
    ("@shanadawn1 So sorry for the lengthy outage. No ETR update. We appreciate your patience as our crews "
     "work diligently to get power restored.", True),
    ("3:48 AM: SaskPower is aware of an outage affecting customers in Warman. Crews continue to work to "
     "restore the power. Currently there is no ETR. #skoutage", True),
    ("LCEC is aware of an outage in the Lehigh area and working to restore as quickly as possible.", True),
    ("In Laurel, crews are responding to an outage in the Laurel High School area. No details yet on cause.", True),
    ("Update 1: Outage in Southend and Brabant. Crews continue to work on the outage. No ETR. #skoutage", True),
    ("Web mail outage update: Engineers continue to work to resolve the issue.", True),
    ('5th day with an outage. Now: "Our technicians continue to work to resolve the problem"', False),  # quoted
    ("no power since 6am, no crews in sight and no ETR @DukeEnergy", False),
    ("@CenturyLinkHelp they are aware of the outage, but have no timeline for repair", False),
    # a department or a utility's feed saying its crews are at it
    ("POWER OUTAGE: The Light Dept continues to work on power outages in Winn Brook area. No further update", True),
    ("Power outage on San Juan island. Crews at work. No estimate on restoration yet. #OPALCOoutages", True),
    ("We are continue to work on an outage in Vancouver. No ETA at this point.", True),
    ('9 hours, still no power. The status changed from "Work assigned" to "Crew at work".', False),  # quoted
    # a utility on its own crews, and on its own outage page
    ("Hello. Sorry for the outage. Our crews are still at work. No ETA as yet.", True),
    ("There is still no power because this did not work. Rest assured, our crews have been and still are "
     "working on it.", True),
    ("NOTICE - Planned Outage Thurs June 7 @ 10am. Crews will be onsite for planned maintenance.", True),
    ("Check our outages page to see if your service interruptions are as a result of planned maintenance work.",
     True),
    ("@jjpk We checked and found no issues with our mobile outage site. It should work for you.", True),
    ('@hydroottawa "Our crews are hard at work" NOT good enough! No power for 20 hours', False),  # quoted
    ("@cpsenergy thank you for getting the power back on! Our crew off Pinecrest worked all night", False),
    ("@Telstra no cable internet at Elm st, nothing on the outage page. Is this planned work?", False),
    # the provider's stock answer quoted by a customer
    ('Speed guarantee claim fails: the app says "we\'re looking into it" then next day it resets', False),
    ("Still no home internet here. Any answers other than \u201cwe are working on it\u201d?", False),
    ("We're looking into it and will update you shortly.", True),
    # a utility or an ISP asking for patience while it repairs, and a desk explaining the trouble
    ("10:38 AM: Outage in Melfort. No ETR at this time. Thank you for your patience as we work safely to "
     "restore power. #skoutage", True),
    ("Apologies for the delays while we work to resolve the outage in your area - Jimmy", True),
    ("we're on it - thanks for your patience while we work to get you back online asap.", True),
    ("Hi there, I see that your address is currently in an outage which will result in the intermittent "
     "to no service that you're experiencing.", True),
    ("@117141 Can you try calling back and asking for the manager? We're so sorry the call was disconnected!", True),
    ("@116277 The busy area fee helps us maintain the reliability & speed of our service.", True),
    # a business hit by an outage works to restore its own services: an eyewitness
    ("We are currently experiencing a power outage with no phone service. Thank you for your patience "
     "while we work to restore services.", False),
    ("Springdale Branch is currently experiencing a connection outage. No internet or phone access. "
     "We appreciate your ongoing patience as we work to resolve this issue.", False),
])
def test_a_support_desk_or_a_utility_crew_update_is_a_provider_speaking(text, provider):
    assert classify.cues(text).provider is provider


@pytest.mark.parametrize("text, notice", [
    # work to come, announced: not failing now
    ("The City of Ada is scheduled to have a temporary power outage on Monday (8/26), beginning at 8am.", True),
    ("Starting tomorrow 8/6/19 9:30 AM for about 4 hours Davis Elementary will have no internet or phone access.",
     True),
    ("IREA work on the Manor House. We will have no power on Monday, April 2nd and Tuesday, April 3rd", True),
    ("Cumberland has a scheduled power outage tomorrow=no work for me!", True),
    ("There will be no school at Dunbar Intermediate tomorrow due to a scheduled power outage,", True),
    ("Planned power outage at work tonight. As if working at night didn't make me tired", True),
    ("Notice: An unforeseen ATM outage due to power loss as early as 5:30pm is expected tonight.", True),
    ("I might miss it! Power outage is expected, probably no school tomorrow either.", True),
    # work announced with no outage to come
    ("Network engineers carrying out work tonight as scheduled. No outage expected however speeds may be reduced",
     True),
    ("Upgrade work is due to start on our network at 9am. No outage is expected but there is a risk to service.",
     True),
    # a utility's text to its customers
    ("@RajKSinghIndia we regret to inform that you may face power outage from 16-JUN-19 01:56 hrs to "
     "16-JUN-19 02:56 hrs in your area", True),
    ("@EE you may have fixed it but I still have no signal from 6am", False),
    # happening now, or past
    ("school district phones and servers will be down until 4:30 pm", False),
    ("Hour 3 of no power in my building as part of a planned outage. Really fun when you work from home", False),
    ("Inexcusable. Scheduled 8 hr outage my area on Friday. No warning or notice. Food goes bad", False),
    ("@comcastcares scheduled outage for oh the next 10 hours or so no biggie", False),
    ("I have no idea how long we will be without internet", False),
    ("I think the school actually planned this power outage since midterms r tmr", False),
    ("Planned power outage at work today. No lights. Tomorrow is another day", False),
    ("outage on my street and power is expected back at 5", False),
    ("@CoxHelp curious when the outage is expected to be resolved for the 02919 area code", False),
])
def test_a_notice_of_work_to_come_reads_like_a_provider(text, notice):
    assert classify.cues(text).provider is notice


@pytest.mark.parametrize("text, news", [
    # "just in" opening a post
    ("JUST IN: No school at Chapel Glen Elementary in Wayne Twp. due to power outage.", True),
    ("CLOSING JUST IN: West Seneca West Middle School closed because of power outage.", True),
    ("JUST IN | Cleveland's Collinwood High School is CLOSED today due to no power.", True),
    ("just in time for dinner the power went out", False),
    # a newsroom's tag
    ("No school today at Westwood Middle School due to power outage #wajrnews", True),
    ("No school today at Walled Lake Western HS due to a power outage.  #schoolclosings", True),
    ("#CLOSINGS: Sheldon Pines School: Closed Due to power outage.", True),
    ("Huge power outage in columbus, sitting at work with no power #ohio #aep #news", False),  # a bare #news
    ("#SCHOOLDELAY Ravena Coeymans Selkirk School District on a 2-hour delay because of a power outage.", True),
    ("Red River Valley Sch div closed b/c of poor driving & power outage. No school in Fort La Bosse  #cbcmb", True),
    ("No summer enrichment at Fairview Elementary School in Columbia due to power outage. #abc17", True),
    ("Mary M Knight School is CLOSING due to a power outage. No preschool. #wawx #liveonkomo", True),
    ("Just lost power here for a few minutes. #Houston #txwx", False),  # a weather tag: people add it too
    # the tag glued to the link after it
    ("No classes today at Deer Island Community School because of power outage.#chsjnewspic.twitter.com/12jFa0fiO4", True),
    ("power out again #nopowerpic.twitter.com/x", False),
    # a listing's alert relaying closures and closed roads
    ("SCHOOL ALERT: All classes are cancelled in the @southallegheny school district because of a water outage.", True),
    ("Traffic alert: there is a power outage at the intersection of Sunflower Avenue and Bristol Street", True),
    ("the school alert system is down so nobody knows about the power outage", False),
    # a newsroom's voice, or its feed
    ("Sanford school officials say due to a partial power outage and no heat, students will be dismissed early", True),
    ("Wilbur School District says they are experiencing a power outage, but school will start on time.", True),
    ("No school Monday at Moore Elementary due to power outage  STORY: http://www.wfaa.com/story/news/x", True),
    ("LISTEN | Supporters at the ground can't buy food with cash if another power outage knocks out the system", True),
    ("Power outage, no school in Prue, OK http://dlvr.it/P36SK1 pic.twitter.com/uCnvPOwjYk", True),
    ("Learn more: http://bit.ly/x about our outage alerts, or the power outage map I'm checking", False),
    ("my school district says no outage but our power is off at home", False),
    # a short post with nobody in it, shared with its link
    ("Crash leads to power outage in northeast Salem http://rssfeeds.statesmanjournal.com/~/591111844/0/salem/", True),
    ("Power Outage http://bit.ly/2Mk6EyW", True),
    ("No School for East on 9/8 due to Power Outage:  http://bit.ly/1rqTXz8 #news4", True),
    # a news story's link, however long the post
    ("A power outage forces El Paso Community College to close the Valle Verde campus. Extra officers are "
     "patrolling the school. http://www.kvia.com/news/el-paso/power-outage-forces-closure-of-epcc-campus/709880786", True),
    ("Nearly 4,400 students in Graves County had no school today after a power outage. "
     "http://www.wpsdlocal6.com/story/32943701/no-school pic.twitter.com/vuPj7CnAtZ", True),
    ("Power outage at work so I got off 2 hours early. http://www.seattletimes.com/seattle-news/no-injuries/", False),
    ("Yes I'm affected. BBC News - No end in sight for O2 data outage https://www.bbc.co.uk/news/business-46464730", False),
    ("Power is out here in Granite Falls. (@ Kubu in Granite Falls, WA) https://www.swarmapp.com/c/92R7NO", False),
    ("Power outage. @ Detroit, Michigan https://www.instagram.com/p/BPHI3nUA2p_/", False),  # the author's photo
    ("no power since 6am, when will it be back? http://bit.ly/x", False),  # someone asks
    ("Our power has been out all night http://bit.ly/x", False),
    ("Power outage in Cupertino #BayArea #Traffic", False),  # no link
    ("chatgpt down again https://downdetector.com/status/openai", False),  # a status page: the author's evidence
    ("Claude not loading https://status.anthropic.com", False),
    ("discord is down https://bsky.app/profile/x.bsky.social/post/3k", False),  # quoting another post
    # news words said by the author of their own case, or in another sense
    ("BREAKING: power outage across downtown Tulsa", True),
    ("Power outage across the city, according to officials", True),
    ("@comcastcares no internet in 42718, according to your outage map everything should be fine", False),
    ("@EE the signal in DE11 is rubbish. According to you it's fine, clearly it's not!", False),
    ("My Kindle not working is breaking my heart", False),
    ("Now I can't even report that the power is still off!!!", False),
    # a headline's verbs, others' reports relayed, someone else's updates pointed to
    ("Power outage hits #Sudan", True),
    ("Major power outage plunges parts of New York City into darkness", True),
    ("Power outage reported at Ruiru, Kenya.(ruiru)", True),
    ("Power outages being reported, it begins!", True),
    ("Update on power outage in #SantaClara. Follow @SantaClaraPower for the most up to date information.", True),
    ("The curse of the sunny day power outage strikes again!", False),  # the author's own, again
    ("No outage reported but my internet is down", False),
    ("Outage reported & error on line. Why does my service keep going out?", False),  # reported by the author
    ("no status update @MyBGE and power has been out for 3 hrs", False),
])
def test_headlines_newsroom_tags_and_bare_shared_links_are_news(text, news):
    assert classify.cues(text).news is news


@pytest.mark.parametrize("text, news", [
    ("Over 120k customers are without power in #Texas due to severe #Thunderstorms.", True),
    ("Power outage at the top of Young Street in Truro, affecting 415 customers. No ETR.", True),
    ("85,000 people without power and everyone is mad at the utility for what?", True),  # nobody asked
    # a count the customer cites or disputes: their own report
    ("Power outage, joy. And @nationalgridus is claiming &gt;5 customers affected but my entire condo "
     "assoc. is without power.", False),
    ("@bchydro when might crews get to the outage affecting 1,161 customers in Jingle Pot area?", False),
    ("Hey PSE, your outage map shows 80 customers impacted but did you know one is a school with no power?", False),
])
def test_outage_counts_are_news_unless_a_customer_cites_them(text, news):
    assert classify.cues(text).news is news


@pytest.mark.parametrize("text, advice", [
    ("Is food in refrigerator safe in power outage? It's safe if power is out no more than 4 hours. "
     "Keep door closed AMAP!", True),
    ("Power Outage Tips: Food should be safe if the power has been out for no more than 4 hours", True),
    ("Check out these tips for {healthyish} meals during a power outage.", True),
    ("With the Generac Generator, you no longer need to worry whenever there's a power outage. "
     "Learn more about how it works >> https://bit.ly/x", True),
    ("Frequent Power Outage? No Problem!! Work longer with our range of UPS. Shop now on our store", True),
    # a sale named after an outage, not the people at a sale hit by one
    ("Power Outage #Cash and #Carry Sale Today!  Get a #Great #deal on #Commercial #Carpet Tile!", True),
    ("power outage at the sale today, no lights at all", False),
    ("no power since 6am and the food in my freezer is going bad", False),
    ("@O2, Hi there, I tried to use my code but the site crashed", False),
    ("Light brown tips on her ears. Her contact info is out of service.", False),
    # a preparedness tag
    ("How long can your household exist assuming a power outage of 2 weeks? (no power for heat) #preparedness", True),
    ("no power since 6am, glad I was prepared #stormprep", False),
])
def test_tips_and_ads_are_not_reports(text, advice):
    assert classify.cues(text).advice is advice
    if advice:
        assert classify.blend_scores(classify.load_model(), [text])[0] < classify.THRESHOLD
