"""Word lists for claims and events, as data: extend them here, not in the extractors."""

from __future__ import annotations

# Verbs that report speech or a stated position, by the stance they give by themselves.
CUES_ASSERT = frozenset(
    "say tell state claim announce report confirm add insist stress note explain describe warn accuse allege "
    "affirm assert argue maintain reiterate reveal disclose declare acknowledge admit suggest indicate emphasize "
    "emphasise underline point write tweet quote cite estimate predict complain charge testify".split()
)
CUES_DENY = frozenset("deny reject dismiss refute rebuff disown contradict dispute deny".split())
# Promises are speech; "planning to" and "aims to" describe intentions, not speech.
CUES_PLAN = frozenset("vow pledge promise".split())
CUES_CALL = frozenset("urge call demand appeal ask press request encourage".split())
CUES = CUES_ASSERT | CUES_DENY | CUES_PLAN | CUES_CALL
# A content that calls a report untrue is a denial whatever the verb ("told X that the
# news does not reflect reality").
DENIAL_PHRASES = (
    r"\b(?:does|do|did|is|are|was|were)\s+not\s+(?:reflect\s+(?:the\s+)?reality|true|correct|accurate)\b",
    r"\b(?:completely|totally|absolutely|entirely)?\s*(?:false|untrue|baseless|unfounded|fabricated|fabrication|"
    r"fake news|lies|groundless|nonsense)\b",
    r"\bno\s+(?:truth|basis)\b",
    r"\bnever\s+happened\b",
)
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

# Actor names as reported → the actor a monitor records. Keys are lower-case phrases
# matched inside a mention; the first (longest) that matches wins.
ACTORS: dict[str, str] = {
    "russian defence ministry": "Military Forces of Russia",
    "russian defense ministry": "Military Forces of Russia",
    "ministry of defense of russia": "Military Forces of Russia",
    "russian mod": "Military Forces of Russia",
    "russian jets": "Military Forces of Russia",
    "russian planes": "Military Forces of Russia",
    "russian warplanes": "Military Forces of Russia",
    "russian airstrikes": "Military Forces of Russia",
    "russian air strikes": "Military Forces of Russia",
    "russian aerospace forces": "Military Forces of Russia",
    "russian military": "Military Forces of Russia",
    "russian forces": "Military Forces of Russia",
    "russian military police": "Military Forces of Russia",
    "russian air force": "Military Forces of Russia",
    "turkish armed forces": "Military Forces of Turkey",
    "turkish military": "Military Forces of Turkey",
    "turkish forces": "Military Forces of Turkey",
    "turkish troops": "Military Forces of Turkey",
    "turkish soldiers": "Military Forces of Turkey",
    "turkish army": "Military Forces of Turkey",
    "turkish military column": "Military Forces of Turkey",
    "turkish defence ministry": "Military Forces of Turkey",
    "turkish defense ministry": "Military Forces of Turkey",
    "ankara": "Government of Turkey",
    "moscow": "Government of Russia",
    "the regime": "Military Forces of Syria",
    "syrian regime": "Military Forces of Syria",
    "regime forces": "Military Forces of Syria",
    "syrian army": "Military Forces of Syria",
    "syrian forces": "Military Forces of Syria",
    "syrian government forces": "Military Forces of Syria",
    "government forces": "Military Forces of Syria",
    "assad": "Military Forces of Syria",
    "hayat tahrir al-sham": "Hayat Tahrir al-Sham",
    "hayat tahrir sham": "Hayat Tahrir al-Sham",
    "hts": "Hayat Tahrir al-Sham",
    "national liberation front": "National Liberation Front",
    "rebels": "Syrian opposition rebels",
    "militants": "Unidentified armed group",
    "white helmets": "Syria Civil Defence",
    "syria civil defence": "Syria Civil Defence",
    "rapid support forces": "Rapid Support Forces",
    "rsf": "Rapid Support Forces",
    "sudanese armed forces": "Military Forces of Sudan",
    "sudanese army": "Military Forces of Sudan",
    "houthi": "Ansar Allah (Houthis)",
    "houthis": "Ansar Allah (Houthis)",
}

# Event triggers: (type, sub_type, pattern). First match in a sentence decides its type;
# order matters (more specific first).
EVENT_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        r"\b(?:air ?strikes?|air ?raids?|airstrikes?|drone strikes?|drone attacks?|aerial (?:bombardment|attack)s?|"
        r"bombed|bombardments?|warplanes? (?:struck|hit|bombed|targeted)|jets? (?:struck|hit|carried out|bombed|pounded)|"
        r"planes? (?:struck|hit|conducted|carried out|bombed))\b",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        r"\b(?:shelling|shelled|artillery|rockets?|missiles?|mortars?|rocket fire)\b",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        r"\b(?:roadside bomb|ied|landmine|car bomb|explosive device)\b",
    ),
    ("Violence against civilians", "Attack", r"\b(?:massacre|executed|attack(?:ed)? on civilians|gunmen killed)\b"),
    (
        "Battles",
        "Armed clash",
        r"\b(?:clash(?:es|ed)?|fighting|battles?|counter-?attack|offensive|gunfight|firefight|skirmish(?:es)?)\b",
    ),
    (
        "Protests",
        "Peaceful protest",
        r"\b(?:protests?|protesters|demonstrat(?:ion|ors|ed)|rall(?:y|ies)|march(?:ed)? through)\b",
    ),
    ("Riots", "Violent demonstration", r"\b(?:riots?|rioters)\b"),
    ("Strategic developments", "Joint patrol", r"\bjoint patrols?\b|\bpatrols? (?:began|started|begin|start)\b"),
    (
        "Strategic developments",
        "Headquarters or base established",
        r"\b(?:coordination cent(?:er|re)s?|joint cent(?:er|re)|observation (?:post|point)s?|military base|headquarters)\b"
        r"(?=.*\b(?:establish|set up|create|form|working on|build|open)|)",
    ),
    (
        "Strategic developments",
        "Troop movement or convoy",
        r"\b(?:military column|convoy|reinforcements|deployed|troops (?:crossed|entered|moved)|column[^.]{0,60}crossed|"
        r"sent (?:a )?(?:new )?(?:military )?(?:column|troops))\b",
    ),
    ("Strategic developments", "Agreement", r"\b(?:agreement|deal|accord|memorandum|signed|agreed)\b"),
    (
        "Strategic developments",
        "Ceasefire declared",
        r"\b(?:ceasefire|cease-fire|truce) (?:took effect|came into force|declared|began|was announced)\b",
    ),
    (
        "Strategic developments",
        "Ceasefire violation",
        r"\b(?:violat(?:ed|ion|ions|ing) (?:of )?the (?:ceasefire|truce|agreement|deal)|ceasefire violations?)\b",
    ),
    (
        "Strategic developments",
        "Phone call",
        r"\b(?:phone call|by phone|telephone conversation|phone conversation|spoke by (?:tele)?phone)\b",
    ),
    (
        "Strategic developments",
        "Talks or meeting",
        r"\b(?:talks|met with|meeting|summit|negotiations|round of talks|held talks|discussed)\b",
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        r"\b(?:withdr(?:ew|awn|awal|awing)|handed over|hand over|transferred (?:to|under)|took control)\b",
    ),
)
# Words that put an event in a status other than reported.
STATUS_WORDS: tuple[tuple[str, str], ...] = (
    ("denied", r"\b(?:den(?:y|ied|ies)|reject(?:ed|s)?|does not reflect reality|false)\b"),
    (
        "planned",
        r"\b(?:will|would|plan(?:s|ned|ning)?|to establish|to set up|to create|to form|working (?:on|to)|"
        r"preparing|intend(?:s|ed)?|aim(?:s|ed)? to|discussing|proposal|proposed)\b",
    ),
    ("agreed", r"\b(?:agreed|signed|reached (?:a|an) (?:deal|agreement))\b"),
    ("began", r"\b(?:began|begun|started|launched|kicked off|got under way)\b"),
)
