"""Word lists for claims, as data: extend them here, not in the extractor (events: event_lexicon)."""

from __future__ import annotations

# Verbs that report speech or a stated position, by the stance they give by themselves.
CUES_ASSERT = frozenset(
    "say tell state claim announce report confirm add insist stress note explain describe warn accuse allege "
    "affirm assert argue maintain reiterate reveal disclose declare acknowledge admit suggest indicate emphasize "
    "stipulate envisage specify "
    "emphasise underline point write tweet quote cite estimate predict complain charge testify "
    "mention recall respond reply answer echo highlight detail concede conclude continue joke boast brag "
    "speak talk remark observe comment recount caution contend counter object protest lament "
    "criticize criticise condemn denounce slam praise blame question welcome thank "
    "call label dub brand term "
    "show find rule determine forecast project learn discover signal express".split()
)
CUES_DENY = frozenset("deny reject dismiss refute rebuff disown contradict dispute refuse".split())
# Promises and proposals are speech; stated intentions ("wants to", "plans to", "decided
# to") are a position the speaker holds: a claim with stance "plans" when a clause follows.
CUES_PLAN = frozenset("vow pledge promise propose offer threaten agree want plan intend seek decide".split())
CUES_CALL = frozenset("urge call demand appeal ask press request encourage implore exhort plead".split())
# Auxiliaries of a reported clause: a future announces ("will begin"), an obligation
# appeals ("must be respected"). "would" is the future of a past report ("said it would").
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would"})
OBLIGATION_MODALS = frozenset({"must", "should", "ought", "need"})
# Stated beliefs: a claim only with a clause ("officials believe the attack was planned").
CUES_BELIEF = frozenset("believe think know feel fear hope worry expect suspect doubt".split())
# Stance verbs that also name physical acts ("tanks backed the infantry"): a stance only
# with a named speaker (a person, group or country) or a pronoun.
CUES_STANCE_NAMED = frozenset("support back blast".split())
# A stance voiced on something, reported by its object ("endorsed the plan", "mocked the
# proposal", "likened the tax to theft").
CUES_STANCE = (
    frozenset(
        "endorse oppose tout champion advocate favor favour decry deride mock ridicule bemoan downplay chastise "
        "rebuke scold berate castigate lambaste assail fault hail applaud laud commend discuss reference liken "
        "invoke rail lash weigh disparage belittle insult".split()
    )
    | CUES_STANCE_NAMED
)
CUES = CUES_ASSERT | CUES_DENY | CUES_PLAN | CUES_CALL | CUES_BELIEF | CUES_STANCE
# Adverbs that belong to a cue when next to it ("also said", "then ruled").
CUE_ADVERBS = frozenset("also then now again even further later previously repeatedly publicly".split())
# Verbs whose object speaks through the cue that follows: "forced Stumpf to admit that ...".
OBJECT_CONTROL = frozenset("force compel pressure push prompt persuade convince lead get invite".split())
# Verbs under which a cue reports no statement made: "requiring candidates to disclose",
# "let them know", "refused to say", "was expected to announce".
NOT_ASSERTING = frozenset(
    "require let allow permit dare need want try attempt hope refuse decline fail expect plan intend seek aim "
    "prepare wish like love hate prefer threaten promise vow pledge agree must".split()
)
# Subjects that are nobody in particular: "you know", "let's say".
NOT_SPEAKERS = frozenset("you 's us one".split())
# Cited phrases that name a source ("citing a military source"), not evidence.
SOURCE_NOUNS = frozenset(
    "source sources official officials ministry spokesman spokeswoman spokesperson agency media report reports "
    "statement statements witness witnesses resident residents activist activists monitor observatory "
    "television tv radio newspaper website channel police army military government authorities".split()
)
# Headlines: past forms of cues, verbs that end a headline ("..., Doctor Says"), and
# capitalised words that look like cues but are nouns there ("Calls", "Reports", "Plans").
IRREGULAR_CUES = {"said": "say", "told": "tell", "says": "say", "thought": "think", "knew": "know", "found": "find"}
CUES_SPEECH_HEADLINE = frozenset("say tell claim warn insist admit deny confirm report".split())
HEADLINE_NOT_VERBS = frozenset(
    "reports plans claims calls charges promises threats views findings support back blast insult rail champion "
    "reference fault favor favour mock weigh lash".split()
)
# Speech verbs that report a clause, looked for when the parser hung it elsewhere:
# "told a meeting that ...", "Talks resume Monday, he said."
CUES_CLAUSE = frozenset("say tell add write state explain note insist argue warn recall reply respond answer".split())
# Cues that report only a quotation or what follows their colon ("she continued: ...").
CUES_QUOTE_ONLY = frozenset({"continue"})
# Verbs that report speech only in a fixed form: "as the minister put it".
CUES_AS_ONLY = frozenset({"put"})
# Cues that do not introduce a quotation by themselves ("called", "found"): they report
# only their clause or object, never a quotation nearby.
CUES_NO_QUOTE = (
    frozenset(
        "show find rule determine forecast project learn put call label dub brand term criticize criticise condemn "
        "denounce slam praise blame question welcome thank cite quote estimate predict indicate suggest "
        "believe think know feel fear hope worry expect suspect doubt want plan intend seek decide".split()
    )
    | CUES_STANCE
)
# Cues that report what a document or an inquiry shows: "a study found 31 cases", with
# their object as content only when the subject is one of EVIDENCE_SOURCES.
CUES_EVIDENCE = frozenset("show find reveal indicate suggest conclude note discover".split())
EVIDENCE_SOURCES = frozenset(
    "study report poll survey analysis investigation inquiry review audit data figure figures statistics "
    "video footage image images photo photos document documents letter memo email records record census "
    "court judge panel research researcher researchers probe assessment estimate estimates".split()
)
# "In the latest poll, X leads": sources whose figures a sentence gives with "in".
POLL_SOURCES = frozenset("poll polls survey surveys".split())
# Cues whose object is what is said: "condemned the attack", "called Trump a liar", "cited the report".
CUES_OBJECT = (
    frozenset(
        "deny reject dismiss refute dispute claim announce confirm cite mention recall echo highlight detail "
        "criticize criticise condemn denounce slam praise blame question welcome thank accuse "
        "call label dub brand term describe propose offer predict forecast estimate reveal disclose "
        "acknowledge admit concede promise pledge vow demand request urge report tweet "
        "note explain express signal stress emphasize emphasise underline reiterate declare protest answer charge "
        "allege affirm assert write suggest indicate lament recount".split()
    )
    | CUES_STANCE
)
# Cues that report through a preposition: "called for calm", "spoke about the truce".
CUE_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "call": ("for",),
    "appeal": ("for",),
    "press": ("for",),
    "plead": ("for",),
    "ask": ("for",),
    "speak": ("about", "of", "on", "against"),
    "respond": ("to", "with"),
    "reply": ("to", "with"),
    "write": ("about", "of"),
    "argue": ("for", "against"),
    "rail": ("against",),
    "lash": ("at",),
    "weigh": ("in",),
    "talk": ("about", "of"),
    "warn": ("of", "about", "against"),
    "complain": ("about", "of"),
    "comment": ("on",),
    "agree": ("to", "on"),
    "testify": ("about", "to"),
    "protest": ("against",),
    "point": ("to",),
    "joke": ("about",),
}
# Nouns that carry a claim with its owner and a that-clause ("Trump's claim that ...",
# "a statement by the ministry that ..."), with the verb whose stance they share.
CUE_NOUNS: dict[str, str] = {
    "claim": "claim",
    "statement": "state",
    "assertion": "assert",
    "allegation": "allege",
    "accusation": "accuse",
    "charge": "charge",
    "warning": "warn",
    "announcement": "announce",
    "assurance": "assert",
    "insistence": "insist",
    "argument": "argue",
    "suggestion": "suggest",
    "denial": "deny",
    "promise": "promise",
    "pledge": "pledge",
    "vow": "vow",
    "threat": "threaten",
    "demand": "demand",
    "call": "call",
    "appeal": "appeal",
    "remark": "say",
    "comment": "say",
    "admission": "admit",
    "acknowledgment": "acknowledge",
    "acknowledgement": "acknowledge",
    "belief": "believe",
    "view": "believe",
    "recognition": "acknowledge",
    "report": "report",
    "finding": "find",
    "conclusion": "conclude",
    "estimate": "estimate",
    "prediction": "predict",
}
# A quotation that goes on after its cue ("“...,” he said. “...”") starts within this many characters.
QUOTE_CONTINUATION = 220
# "X: ..." at the start of a line names a speaker only when X is a person, an organisation or one of these.
COLON_SPEAKER_WORDS = frozenset(
    "poll survey study report officials police army military witnesses sources source residents activists".split()
)
COLON_NOT_SPEAKERS = frozenset(
    "update breaking exclusive analysis watch live video photos note correction clarification editor's note "
    "the latest read more more related see also opinion comment".split(" ")
)
# A content that calls a report untrue is a denial whatever the verb ("told X that the
# news does not reflect reality").
DENIAL_PHRASES = (
    r"\b(?:does|do|did|is|are|was|were)\s+not\s+(?:reflect\s+(?:the\s+)?reality|true|correct|accurate)\b",
    r"\b(?:completely|totally|absolutely|entirely)?\s*(?:false|untrue|baseless|unfounded|fabricated|fabrication|"
    r"fake news|lies|groundless|nonsense)\b",
    r"\bno\s+(?:truth|basis)\b",
    r"\bnever\s+happened\b",
)
# A possessive owner of a claim ("his claim that ...") is the pronoun to resolve.
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# Words that make a speaker a description rather than a pronoun to resolve.
PRONOUNS = frozenset("he she they it we i".split())
# Outlets and agencies through which claims reach a page (for chains).
OUTLET_WORDS = (
    "agency",
    "news",
    "tv",
    "television",
    "radio",
    "channel",
    "newspaper",
    "daily",
    "times",
    "post",
    "world",
    "press",
    "reuters",
    "afp",
    "sputnik",
    "anadolu",
    "tass",
    "ria",
    "interfax",
    "xinhua",
    "sana",
    "al jazeera",
    "al arabiya",
    "trt",
    "rt",
    "bbc",
    "cnn",
    "ap",
)
