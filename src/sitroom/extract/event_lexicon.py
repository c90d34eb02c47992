"""Word lists for events, as data: actors, event triggers, refinements, statuses, the map to ACLED.

Extend them here, not in the extractor (:mod:`sitroom.extract.events`). The word lists for
claims are in :mod:`sitroom.extract.lexicon`.
"""

from __future__ import annotations

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

# Event triggers. Each rule is (type, sub_type, pattern, unless): the pattern must match in
# the sentence and ``unless`` (when not empty) must not. The first rule that fits decides
# the sentence's type, so the order matters: the most specific first (a suicide bomb before
# an explosion, a protest met with force before a protest, shelling before a clash).
# Fragments shared by several rules:
_PROTEST = (
    r"(?:protest(?:s|ed|ers?|ors?|ing)?|demonstrat(?:ion|ions|ors?|ed|ing|e)|rall(?:y|ies|ied)|"
    r"(?-i:march(?:ed|es|ers|ing)?)\b|(?:Pride|protest|peace|Women's|solidarity|silent) March|Marche[ds]|Marchers|"
    r"sit-ins?|picket(?:s|ed|ing)?|vigil|took to the streets|"
    r"(?:went|go|going|are|were|is|was|be|been) on (?:a |an )?(?:\w+ )?strike|general strikes?|strike action|strikers|"
    r"(?:staged|held|called|launched|began|started|declared|announced|observed|joined) (?:a |an |the )?(?:\w+ ){0,2}"
    r"(?:strikes?|walkouts?|stoppages?)|sit-down|work stoppages?|walk-?outs?|"
    r"(?:gathered|assembled|blocked|occupied|blockaded|walked|convened|drove)\b[^.;]{0,160}?\b(?:to (?:protest|demand|denounce|"
    r"call|oppose|express|condemn|show|commemorate|mark|complain|request|reject|support|urge|ask|claim|raise)|demanding|"
    r"denouncing|protesting|calling (?:for|on)|against|in (?:support|solidarity|memory) of|called by)|"
    r"press conferences? with (?:a |the )?banners?|banners?|"
    r"chant(?:ed|ing) slogans|placards|boycott(?:ed)?)"
)
_FORCES = (
    r"(?:police|policemen|officers|security forces|forces|soldiers|troops|military|army|gendarme\w*|guards?|"
    r"riot police|authorities|militia\w*|militants|gunmen|armed men)"
)
_CIVILIANS = (
    r"(?:civilians?|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|dozens of) "
    r"(?:\w+ ){0,3}(?:man|men|woman|women|child(?:ren)?|boys?|girls?|farmers?|residents?|villagers?|persons?|"
    r"people|journalists?|teachers?|students?|traders?|worshippers|pastors?|priests?|imams?|herders?|"
    r"passengers|motorists?|drivers?|shopkeepers?|businessm[ae]n|family|families|relatives|miners?|"
    r"fishermen|IDPs|refugees|migrants|activists?|politicians?|candidates?|councillors?|chiefs?|leaders?|"
    r"members? of the public|individuals?|inmates?|prisoners?|detainees?|suspects?|thieves|thief)|"
    r"(?:the |a |an )?(?:residents|villagers|worshippers|mourners|passengers|family|couple|mayor|administrator|"
    r"occupants|victim|victims))"
)
_CIVILIAN_PLACES = (
    r"(?:the |a |an )?(?:village|home|homes|house|houses|market|car|vehicle|bus|residential \w+|shop|church|mosque|"
    r"school|hospital|camp for (?:displaced|idps)|idp camp)"
)
# Harm done to someone, not a toll: "a man was shot dead", not "14 people were killed".
_HARM = (
    r"(?:shot (?:dead|to death|and (?:killed|injured|wounded)|at)?|stabbed|hacked|beheaded|murdered|assassinated|"
    r"executed|beat(?:en)?(?: up| to death)?|tortured|assaulted|ambushed|burned alive|lynched|abused|whipped|flogged|"
    r"mutilated|massacred)"
)
_KILL = (
    r"(?:killed|shot (?:and (?:killed|injured|wounded) |dead |to death |at )?|shot dead|shot to death|stabbed|hacked|"
    r"beheaded|murdered|assassinated|executed|beat(?:en)?(?: up| to death)?|tortured|assaulted|attacked|ambushed|"
    r"injured|wounded|burned alive|lynched|opened fire (?:on|at)|fired (?:\w+ ){0,2}(?:at|on)|kill(?:ing)?|shooting|"
    r"massacred?|abused|whipped|flogged|mutilated)"
)
_ARMED = (
    r"(?:soldiers|troops|military|army|forces|police(?:men)?|officers|militants|fighters|rebels|insurgents|"
    r"militia(?:men|s)?|gunmen|armed (?:men|group|groups|individuals)|positions?|bases?|barracks|checkpoints?|"
    r"outposts?|posts?|convoys?|patrols?|camps?|stations?|jihadists|combatants|guerrillas?|terrorists|bandits|"
    r"(?:military|army|police|security|armed|rebel|militia|\w+ forces?) (?:\w+ )?(?:vehicles?|members?|personnel|units?)|"
    r"(?:a|an|the|one|two|three|\d+) (?:\w+ ){0,2}(?:soldiers?|militants?|fighters?|rebels?|members? of (?:the )?\w+ "
    r"(?:group|militia|forces|army|movement)))"
)

# What protesters do that makes a protest a riot, what forces do that kills, and how
# forces step in.
_RIOTING = (
    r"(?:threw (?:\w+ ){0,2}(?:stones|rocks|bottles|objects|eggs|projectiles|fireworks|bricks|petrol bombs|molotov)|"
    r"pelted|stone-?pelting|vandali[sz](?:ed|ing)|ransacked|set (?:\w+ ){0,3}(?:on fire|ablaze)|set(?:ting)? fire|torched|"
    r"burn(?:ed|t|ing)(?: down)? (?:\w+ ){0,3}(?:tyres|tires|vehicles?|cars?|buses|buildings?|offices?|effigy|property|"
    r"houses?|huts?|barricades|obstacles)|burning (?:tyres|tires|barricades|obstacles)|(?:erected|set up) barricades|"
    r"barricades|stormed|damag(?:ed|ing)|smashed|clash(?:ed|es)|looted|attacked|assaulted|brawl|pyrotechnics|rioted|"
    r"riots?|violent(?:ly)?|fought|scuffled?|broke into|forced (?:their way|entry)|hurled)"
)
_LETHAL = (
    r"(?:killed|shot dead|shooting dead|live (?:ammunition|bullets|rounds|fire)|opened fire|"
    r"fired (?:live |shots )?(?:at|on|into)|shot (?:at|and killed|and wounded)|died|fatally|beat(?:en)? to death)"
)
_POLICING = (
    r"(?:dispers(?:ed|e|ing|al)|tear ?gas|water cannons?|rubber bullets|pepper spray|batons?|baton-charged|"
    r"lathi-?charged?|cane-charged|arrest(?:ed|s|ing)?|detain(?:ed|ing)?|apprehended|taken into custody|intervened|"
    r"interrupted|broke up|cracked down|crackdown|pushed back|prevented (?:them|the)|beat(?:en)?|clubbed|"
    r"forcibly (?:removed|evicted|dispersed)|kettled|stun grenades|used force|physically (?:removed|assaulted)|"
    r"obstructed|scuffled? with (?:the )?police)"
)

_ORDNANCE = (
    r"(?:ieds?|improvised explosive devices?|(?:\w+-)?borne improvised explosive devices?|bombs?|mines?|landmines?|"
    r"explosives?|explosive devices?|devices?|rockets?|uxos?|unexploded ordnance|ordnance|shells?|grenades?)"
)
_ARMS = (
    r"(?:weapons|arms|rifles|guns|firearms|pistols|revolvers|ammunition|ammo|rounds|magazines|explosives|cartridges|"
    r"grenades|bomb-making|ieds|munitions|(?:weapons?|arms|firearms) caches?|caches? of (?:\w+ ){0,2}(?:weapons|arms|firearms))"
)

# Who takes ground decides the class: state forces regain territory, anyone else overtakes
# it (ACLED's coding); a verb of retaking says "government" only when no actor is named.
_STATE = (
    r"government|army|military|troops|soldiers|armed forces|security forces|national (?:army|guard)|regime|"
    r"pro-government|police|defen[cs]e forces|marines|special forces|state forces"
)
_NON_STATE = (
    r"(?:rebels?|militants?|insurgents?|jihadists?|fighters|islamists?|separatists?|militias?|militiamen|guerrillas?|"
    r"terrorists?|gunmen|islamic state|isis|isil|daesh|taliban|(?:al-)?shabaab|boko haram|al-qaeda|aqap|jnim|hts|"
    r"houthis?|opposition|armed groups?|insurgency)"
)
_RETAKE = (
    r"regain(?:ed|s|ing)?|recaptur(?:ed|e|es|ing)|retook|retake|retaken|took back|liberat(?:ed|e|es|ing)|"
    r"reclaim(?:ed|s)?|restored (?:\w+ ){0,2}control|wrested (?:back )?control|(?:re)?gained control"
)
_TAKE = (
    r"(?:took|take|taken|taking|seized|seize|seizing|gained|established|assumed|wrested) (?:\w+ ){0,3}control|"
    r"captur(?:ed|e|es|ing)|overr(?:an|un|unning)|overt(?:ook|ake|aken)|"
    r"seized (?:the )?(?:town|village|city|district|area|base|territory|positions?|airport|port|hill)|"
    r"took over|fell (?:in)?to|under (?:the |their )?control|advanced (?:into|on)|entered and (?:took|seized)"
)
_NOT_TERRITORY = (
    r"\b(?:captur(?:ed|e|ing) (?:\w+ ){0,3}(?:alive|suspects?|fighters|members|soldiers|commander|leader|militants|"
    r"him|her|them|men|women|weapons|arms|images?|footage|attention|hearts)|camera|captured on (?:video|camera|film)|"
    r"took control of (?:the )?(?:situation|crowd|fire))\b"
)

EVENT_RULES: tuple[tuple[str, str, str, str], ...] = (
    (
        "Strategic developments",
        "Responsibility claimed",
        r"\b(?:claim(?:ed|s|ing)? (?:the )?responsibility|(?:took|takes|take|assumed|accepted|admitted) "
        r"responsibility|claimed (?:the |that it carried out the )(?:attack|bombing|killing|assault)|"
        r"(?:blam(?:ed|es|ing)|held responsible|accus(?:ed|es|ing)) (?:\w+ ){0,6}for (?:the |a |an )?"
        r"(?:\w+ ){0,3}(?:attack|bombing|blast|explosion|killing|assassination|shelling|strike|massacre|expulsion))",
        "",
    ),
    (
        "Explosions/Remote violence",
        "Chemical weapon",
        r"\b(?:chemical (?:weapons?|attacks?|agents?|munitions?|strikes?)|chlorine|sarin|mustard gas|nerve agents?|"
        r"poison(?:ous)? gas|toxic gas|novichok)\b",
        r"\btear ?gas\b(?!.*\bchemical)",
    ),
    (
        "Explosions/Remote violence",
        "Suicide bomb",
        r"\b(?:suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|vest|car|truck|blast|explosion|mission)|"
        r"self-detonat\w+|blew (?:himself|herself|themselves) up|suicide-bomb\w*)\b",
        "",
    ),
    (
        "Strategic developments",
        "Disrupted weapons use",
        r"\b(?:(?:shot|shoot|shooting) down|intercept(?:ed|s|ing)|downed|defus(?:ed|al|ing)|"
        r"(?:dismantled|disarmed|neutrali[sz]ed|deactivated|removed|destroyed|detonated in a controlled|disposed of|"
        r"cleared|found|discovered|recovered|seized|uncovered|located) (?:\w+ ){0,5}"
        + _ORDNANCE
        + r"|"
        + _ORDNANCE
        + r" (?:\w+ ){0,4}(?:(?:were|was|have been|has been|had been) )?(?:found|discovered|recovered|seized|"
        r"defused|removed|cleared|dismantled|confiscated|uncovered|located)|"
        r"(?:seized|confiscated|recovered|found|discovered|uncovered|captured|dismantled|seizure of|seizure) (?:\w+ ){0,6}"
        + _ARMS
        + r"|"
        + _ARMS
        + r"\b[^.;]{0,80}?\b(?:were|was|have been|has been|had been) (?:\w+ )?(?:seized|found|recovered|confiscated|"
        r"discovered|uncovered)|(?:weapons?|arms) (?:caches?|seizures?)|bomb (?:disposal|squad)|"
        r"controlled explosion|suspicious (?:packages?|devices?|objects?))\b",
        r"\b(?:air ?strikes?|shell(?:ed|ing)|warplanes?|drugs|narcotics|cocaine|heroin|smuggl\w*|traffick\w*)\b",
    ),
    (
        "Non-conflict",
        "Man-made disaster",
        r"\b(?:(?:plane|aircraft|jet|airliner|helicopter|train|bus|car|truck|lorry|boat|ferry|ship|vessel|road|traffic|"
        r"mining|industrial|workplace) (?:\w+ ){0,2}(?:crash(?:ed|es)?|accidents?|collisions?|derail\w*|capsiz\w*|sank|"
        r"sinking|disasters?)|crash(?:ed)? (?:into|landed|landing)|accidents?|accidentally|derail(?:ed|ment)|"
        r"capsiz(?:ed|es|ing)|shipwreck|(?:gas|cylinder|boiler|chemical|fuel|oil|tanker|factory|plant|refinery|pipeline|"
        r"fireworks?|transformer|reactor|warehouse|industrial) (?:\w+ ){0,2}(?:explosions?|blasts?|leaks?|spills?|"
        r"fires?|exploded|caught fire|collapsed?)|(?:building|bridge|roof|wall|dam|mine|structure|stadium|tunnel) "
        r"(?:\w+ ){0,2}collaps\w*|collapse of (?:a |the )?(?:\w+ ){0,2}(?:building|bridge|roof|dam|mine)|"
        r"fire (?:broke out|engulfed|gutted|ravaged|raged)|blaze|gutted by fire|stampedes?|(?:oil|chemical|toxic) "
        r"(?:spills?|leaks?)|gas leaks?|explosion (?:at|in) (?:a |the )?(?:\w+ ){0,2}(?:plant|factory|refinery|"
        r"warehouse|depot|mine|port|facility))\b",
        r"\b(?:bomb\w*|ieds?|explosive devices?|suicide|militants?|insurgents?|attack(?:ed|ers|s)?|terror\w*|arson\w*|"
        r"set (?:fire|ablaze)|rebels?|shell(?:ed|ing)|air ?strikes?|drones?|missiles?|rockets?|gunmen|sabotage|"
        r"incendiary|landmines?|planted)\b|\b" + _PROTEST + r"\b",
    ),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        r"\b(?:air ?strikes?|air-strikes?|air ?raids?|airstrikes?|drone (?:strikes?|attacks?)|"
        r"(?:drones?|uavs?|warplanes?|war ?planes?|jets?|fighter jets?|aircraft|helicopters?|gunships?|bombers?|"
        r"air ?force|aviation) (?:\w+ ){0,4}(?:struck|hit|targeted|bombed|pounded|attacked|fired|dropped|"
        r"carried out|conducted|launched|raided|shelled|strafed)|aerial (?:bombardments?|attacks?|strikes?|bombing)|"
        r"bombed from the air|dropped (?:\w+ ){0,3}bombs?|barrel bombs?|kamikaze drones?|loitering munitions?|"
        r"bombing raids?|(?:armed|attack|combat) drones?|(?:warplanes|jets|drones) (?:bombed|struck|hit)|"
        r"(?:planes?|warplanes?|jets?|aircraft|helicopters?|drones?)\b[^.]{0,120}\b(?:bombard\w*|bombed|bombing|"
        r"struck|pounded|raids?|strikes?))",
        "",
    ),
    (
        "Explosions/Remote violence",
        "Grenade",
        r"\b(?:grenades?|(?:hurled|threw|thrown|lobbed|tossed|hurling|throwing) (?:\w+ ){0,4}"
        r"(?:bombs?|explosives?|explosive devices?|hand-?bombs?|crude bombs?|petrol bombs?|molotov cocktails?))\b",
        r"\b(?:rocket-propelled grenades?|rpgs?|stun grenades?|tear ?gas grenades?)\b",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        r"\b(?:ieds?|vbieds?|improvised explosive|roadside bombs?|(?:land ?)?mines? (?:exploded|blast|explosion)|"
        r"landmines?|land mines?|car bombs?|bomb-laden|booby-?trap\w*|explosive devices?|sticky bombs?|"
        r"magnetic bombs?|remote(?:ly)?[- ]controlled (?:bombs?|explosives?|devices?|mines?)|"
        r"(?:bombs?|explosives?|explosions?|blasts?) (?:\w+ ){0,3}(?:exploded|went off|detonated|ripped|hit|struck|targeted|killed)|"
        r"(?:detonated|planted) (?:\w+ ){0,3}(?:bombs?|explosives?|devices?|mines?|charges?)|"
        r"(?:stepped on|struck|hit|ran over) (?:\w+ ){0,2}(?:landmines?|mines?|explosives?)|(?:bomb|explosive) attacks?|bombings?|"
        r"explosion (?:hit|targeted|struck|killed|occurred|took place))\b",
        r"\b(?:tear ?gas|gas (?:cylinder|tank|leak)|transformer)\b",
    ),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        r"\b(?:shell(?:ed|ing|s)?|artillery|mortars?|rockets?|missiles?|katyushas?|grads?|mlrs|howitzers?|"
        r"heavy (?:weapons|guns|arms)|projectiles|rocket fire|tank (?:fire|rounds|shells)|bombard(?:ed|ment|ments)|"
        r"cannons?|(?:fired|launched) (?:\w+ ){0,3}(?:shells|rounds))\b",
        r"\b(?:rocket-propelled grenades?|rpgs?|shell compan\w+|shell casings?|anti-aircraft)\b",
    ),
    (
        "Violence against civilians",
        "Sexual violence",
        r"\b(?:rap(?:ed|es|ing|e|ist|ists)|gang-?rap\w*|sexual(?:ly)? (?:assault\w*|violen\w*|abus\w*|harass\w*|"
        r"exploit\w*|attack\w*)|sexual slavery|molest\w*|forced (?:to undress|nudity|marriage))\b",
        "",
    ),
    (
        "Riots",
        "Violent demonstration",
        r"\b" + _PROTEST + r"\b.*\b" + _RIOTING + r"\b|\b" + _RIOTING + r"\b.*\b" + _PROTEST + r"\b",
        "",
    ),
    (
        "Protests",
        "Excessive force against protesters",
        r"\b"
        + _PROTEST
        + r"\b.*\b"
        + _LETHAL
        + r"\b|\b"
        + _FORCES
        + r"\b[^.;]{0,60}\b"
        + _LETHAL
        + r"\b.*\b"
        + _PROTEST
        + r"\b",
        "",
    ),
    (
        "Protests",
        "Protest with intervention",
        r"\b" + _PROTEST + r"\b.*\b" + _POLICING + r"\b|\b" + _POLICING + r"\b.*\b" + _PROTEST + r"\b",
        "",
    ),
    (
        "Riots",
        "Mob violence",
        r"\b(?:rioters|riot(?:s|ed|ing)?|mobs?|lynch(?:ed|ing|ings)?|mob justice|jungle justice|vigilantes?|"
        r"angry (?:crowd|residents|villagers|youths?|locals|mob)|(?:residents|villagers|locals|a crowd|youths|"
        r"community members|a group of (?:\w+ ){0,2}(?:people|residents|locals|youths)) (?:\w+ ){0,6}"
        r"(?:beat|lynched|attacked|set fire|burned|stoned|assaulted|killed|clashed|fought|torched)|"
        r"clash(?:ed|es)? (?:\w+ ){0,2}between (?:\w+ ){0,4}(?:supporters|students|communities|villagers|groups of|residents|"
        r"youths|factions|members|fans|families|clans|tribes|cadres|activists|workers|villages)|"
        r"(?:supporters|students|villagers|residents|youths|families|cadres|activists|locals|members of (?:the )?"
        r"(?:\w+ ){0,3}(?:party|league|congress|union)|(?:party|league|congress) (?:members|supporters|workers|activists)) "
        r"(?:\w+ ){0,12}clash(?:ed|es)?)\b",
        "",
    ),
    (
        "Protests",
        "Peaceful protest",
        r"\b" + _PROTEST + r"\b",
        r"\b(?:protest(?:ed|s)? (?:by|from|of) (?:the )?(?:government|ministry|embassy)|lodged a protest|diplomatic protest|"
        r"in protest at the (?:killing|arrest)|hunger strike)\b",
    ),
    (
        "Non-conflict",
        "Natural disaster",
        r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|flash floods?|floodwaters?|landslides?|mudslides?|"
        r"cyclones?|hurricanes?|typhoons?|tornado(?:es)?|storms?|tsunamis?|droughts?|famine|wildfires?|bushfires?|"
        r"forest fires?|heat ?waves?|cold (?:wave|snap)s?|avalanches?|volcan\w+|eruptions?|heavy (?:rains?|rainfall|"
        r"snow|snowfall)|monsoon|lightning|locusts?|pandemic|epidemic|outbreaks?|cholera|ebola|measles|"
        r"(?:covid(?:-19)?|coronavirus|virus) (?:\w+ ){0,2}(?:cases|infections|deaths|outbreak|spread|wave)|"
        r"infections?|infected)\b",
        r"\b(?:desert storm|storm (?:water|drain)|brainstorm\w*|(?:covid|coronavirus)[- ]related)\b",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        r"\b" + _NON_STATE + r"\b(?:(?!\b(?:" + _STATE + r")\b)[^.;]){0,80}?\b(?:" + _RETAKE + r"|" + _TAKE + r")\b",
        _NOT_TERRITORY,
    ),
    (
        "Battles",
        "Government regains territory",
        r"\b(?:(?:"
        + _STATE
        + r")\b(?:(?!\b"
        + _NON_STATE
        + r"\b)[^.;]){0,80}?\b(?:"
        + _RETAKE
        + r"|"
        + _TAKE
        + r")|"
        + _RETAKE
        + r")\b",
        r"\b(?:liberation (?:front|army|movement)|regained consciousness|liberate (?:the )?(?:country|people))\b|"
        + _NOT_TERRITORY,
    ),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
        r"\b(?:(?:took|take|taken|assumed|handed|hand|handing) (?:over )?(?:\w+ ){0,2}control|took over|handed over|"
        r"hand(?:ed|ing)? over|withdr(?:ew|awn|awal|awing)|pulled out|evacuated (?:their|its) (?:positions|bases?)|"
        r"left (?:the|their) (?:area|positions|town|city|village|base)|vacated|abandoned (?:their|its) "
        r"(?:positions|bases?)|transferred (?:to|under))\b",
        r"\b(?:clash\w*|fight\w*|battle\w*|attack\w*|captur\w*|overran|seiz\w*|assault\w*|offensive)\b",
    ),
    (
        "Battles",
        "Non-state actor overtakes territory",
        r"\b(?:" + _TAKE + r")\b",
        _NOT_TERRITORY,
    ),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
        r"\b(?:abduct(?:ed|s|ing|ion|ions|ors)|kidnap(?:ped|ping|pings|pers|s)?|taken hostage|held hostage|"
        r"hostages?|forcibly disappeared|enforced disappearance|forced disappearance|disappeared|"
        r"went missing|whereabouts (?:are|remain) unknown|(?:took|taken) away|ransom)\b",
        "",
    ),
    (
        "Battles",
        "Armed clash",
        r"\b(?:clash(?:es|ed|ing)?|fighting|fought|fight|battl(?:es?|ed|ing)|gun ?fights?|firefights?|fire ?fights?|"
        r"skirmish(?:es|ed)?|exchang(?:ed|e|es|ing) (?:of )?(?:\w+ )?(?:gun)?fire|exchanged shots|shoot-?outs?|gun ?battles?|"
        r"counter-?attack(?:s|ed)?|offensive|engaged|confronted|ambush(?:ed|es)?|repelled|repulsed|"
        r"(?:attack(?:ed|s|ing)?|raid(?:ed|s)?|assault(?:ed|s)?|stormed|target(?:ed|ing)|fired (?:at|on)|opened fire on|"
        r"shot at|killed|kill(?:ing)?|ambush(?:ed)?) (?:\w+ ){0,8}" + _ARMED + r"|"
        r"(?:killed|neutrali[sz]ed|eliminated) (?:\w+ ){0,3}(?:in|during) (?:an? |the )?(?:\w+ )?(?:operation|raid|encounter)|"
        r"(?:operation|raid|encounter|offensive) (?:\w+ ){0,3}(?:by|of) (?:the )?(?:\w+ ){0,2}(?:forces|army|military|police|troops)|"
        r"(?:militants?|fighters?|rebels?|insurgents?|soldiers?|terrorists?|members?) (?:\w+ ){0,4}(?:was|were) "
        r"(?:\w+ )?(?:killed|shot|injured|wounded)|"
        + _ARMED
        + r" (?:\w+ ){0,4}(?:came under (?:attack|fire)|were attacked|was attacked|"
        r"were ambushed|was ambushed|killed (?:\d+|two|three|four|five|several|a number of|dozens of) "
        r"(?:\w+ ){0,2}(?:militants|fighters|rebels|insurgents|gunmen|terrorists|bandits)))\b",
        r"\b(?:clash(?:es|ed)? of (?:opinions|views)|fighting (?:corruption|crime|poverty|for (?:rights|justice))|"
        r"fight against (?:corruption|poverty))\b",
    ),
    (
        "Violence against civilians",
        "Attack",
        r"\b(?:"
        + _KILL
        + r" (?!(?:in|at|during|when|after|on|near|by|and|or|as|while|since)\b)(?:\w+ ){0,4}"
        + _CIVILIANS
        + r"|(?:attacked|raided|stormed|torched|opened fire (?:on|at|towards)|fired (?:\w+ ){0,2}(?:at|on|towards)|shot at) "
        r"(?:\w+ ){0,3}" + _CIVILIAN_PLACES + r"|" + _CIVILIANS + r" (?:\w+ ){0,5}(?:was|were|had been|has been|got) "
        r"(?:\w+ ){0,2}" + _HARM + r"|massacre[ds]?|"
        r"(?:drive-by|mass) shootings?|(?:bod(?:y|ies) of|corpses? of) (?:\w+ ){0,5}(?:was|were) found|"
        r"found (?:dead|murdered|killed)|gunmen (?:\w+ ){0,3}(?:killed|shot|attacked|opened fire|stormed|raided)|"
        r"(?:killed|shot dead|murdered|assassinated|stabbed|executed|beheaded) (?:a|an|the|one|two|three|\d+) "
        r"(?:\w+ ){0,3}(?:who|in|at|near|on)|attack(?:ed|s)? on civilians|(?:set|sets) (?:\w+ ){0,3}(?:on fire|ablaze) "
        r"(?:\w+ ){0,3}(?:alive|inside)|hacked to death|beaten to death|stabbed to death|shot and killed|"
        r"(?:armed (?:men|individuals|assailants)|assailants|unknown (?:men|assailants|persons|individuals)|"
        r"perpetrators|attackers|bandits|militiamen|militia|(?:an? )?(?:unidentified|unknown) (?:\w+ ){0,2}"
        r"(?:group|man|men|person|persons|individuals?))\b[^.;]{0,60}?\b(?:killed|shot|attacked|injured|"
        r"wounded|beat|stabbed|hacked|raided|assaulted|opened fire|fired)|(?:was|were) (?:\w+ ){0,2}"
        r"(?:killed|shot dead|shot to death|beaten|tortured|stabbed|hacked|murdered|assassinated|executed|shot|attacked|"
        r"assaulted|injured|wounded) (?:\w+ ){0,3}by|(?:tortured|beaten|stabbed|shot) and (?:killed|injured|wounded))\b",
        r"\b(?:in self-defen[cs]e|accident(?:ally)?|road accident|collision|crash)\b",
    ),
    (
        "Non-conflict",
        "Organised crime",
        r"\b(?:robber(?:y|ies)|robbed (?:a |the )?(?:\w+ ){0,2}(?:bank|store|shop|jewel\w*|petrol station|post office)|"
        r"heists?|burglar(?:y|ies)|smuggl(?:ing|ed)|(?:drug|human|arms|people) traffick(?:ing|ed)|drug (?:busts?|"
        r"seizures?|rings?)|(?:cocaine|heroin|methamphetamine|meth|cannabis|marijuana|narcotics|drugs|"
        r"contraband) (?:\w+ ){0,3}(?:seized|smuggled|confiscated|found|haul)|(?:seized|confiscated|intercepted) "
        r"(?:\w+ ){0,4}(?:cocaine|heroin|methamphetamine|cannabis|marijuana|narcotics|drugs|contraband)|"
        r"money laundering|fraud|embezzl\w*|counterfeit\w*|crime (?:rings?|syndicates?)|poaching)\b",
        "",
    ),
    (
        "Strategic developments",
        "Looting/property destruction",
        r"\b(?:loot(?:ed|ing|ers|s)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|ransack(?:ed|ing)|"
        r"(?:burn(?:ed|t|ing)|torch(?:ed|ing)|set (?:fire to|ablaze|on fire)|destroy(?:ed|ing)|demolish(?:ed|ing)|"
        r"razed|vandali[sz](?:ed|ing)|damag(?:ed|ing)|bulldoz(?:ed|ing)|blew up) (?:\w+ ){0,5}"
        r"(?:houses?|homes?|huts?|shops?|stores?|property|properties|vehicles?|cars?|trucks?|village|church(?:es)?|"
        r"mosques?|schools?|crops|farms?|buildings?|offices?|markets?|granar(?:y|ies)|tents?|motorcycles?|"
        r"infrastructure|towers?|bridges?|pipelines?|equipment|businesses)|stole|stolen|robbed|rustl(?:ed|ing)|"
        r"(?:seized|confiscated|took|stole|raided) (?:\w+ ){0,4}(?:livestock|cattle|cows|goats|sheep|camels|"
        r"food|supplies|belongings|valuables|money|land|harvest|crops)|land (?:seizure|grab)|extort(?:ed|ion|ing))\b",
        "",
    ),
    (
        "Strategic developments",
        "Arrests",
        r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)|apprehend(?:ed|s|ing)|(?:taken|took) (?:\w+ ){0,2}into custody|"
        r"rounded up|handcuffed|remanded|jailed|imprisoned|sentenced|charged with|indicted|convicted|"
        r"placed under (?:house )?arrest)\b",
        r"\b(?:arrest warrants?|resisting arrest|escaped)\b",
    ),
    ("Strategic developments", "Joint patrol", r"\bjoint patrols?\b|\bpatrols? (?:began|started|begin|start)\b", ""),
    (
        "Strategic developments",
        "Headquarters or base established",
        r"\b(?:(?:establish(?:ed|es|ing)?|set(?:ting)? up|creat(?:ed|e|ing)|buil(?:t|d|ding)|open(?:ed|ing)?|"
        r"construct(?:ed|ing)|install(?:ed|ing)|form(?:ed|ing)?|working on) (?:\w+ ){0,4}"
        r"(?:coordination cent(?:er|re)s?|joint cent(?:er|re)|observation (?:post|point)s?|(?:military |army |new )?bases?|"
        r"headquarters|hq|outposts?|camps?|checkpoints?|command cent(?:er|re)s?|garrison|barracks)|"
        r"(?:coordination cent(?:er|re)s?|joint cent(?:er|re)|observation (?:post|point)s?|headquarters)\b"
        r"(?=.*\b(?:establish|set up|create|form|working on|build|open)))\b",
        "",
    ),
    (
        "Strategic developments",
        "Troop movement or convoy",
        r"\b(?:military column|convoys?|reinforcements|deploy(?:ed|s|ing|ment)|redeploy\w*|troops (?:crossed|entered|moved|arrived)|"
        r"column[^.]{0,60}crossed|(?:sent|dispatched|moved|mobili[sz]ed) (?:\w+ ){0,4}(?:column|troops|forces|soldiers|units|tanks)|"
        r"(?:movement|build-?up|arrival) of (?:\w+ ){0,3}(?:forces|troops)|entered (?:\w+ ){0,3}(?:via|through)|"
        r"(?:forces|troops|soldiers|fighters) (?:\w+ ){0,3}(?:arrived|crossed|entered|withdrew to|moved|advanced|"
        r"headed|relocated|redeployed))\b",
        "",
    ),
    (
        "Strategic developments",
        "Ceasefire violation",
        r"\b(?:violat(?:ed|ion|ions|ing|e|es) (?:of )?(?:the )?(?:\w+ )?(?:ceasefire|cease-fire|truce|agreement|deal)|"
        r"(?:ceasefire|truce) violations?|breach(?:ed|es)? (?:of )?(?:the )?(?:ceasefire|truce))\b",
        "",
    ),
    (
        "Strategic developments",
        "Ceasefire declared",
        r"\b(?:(?:ceasefire|cease-fire|truce)(?: [\w-]+){0,5}? (?:took|takes|went|goes|came|comes|entered|enters) "
        r"into (?:force|effect)|(?:ceasefire|cease-fire|truce),? (?:that |which )?(?:began|started|took effect)|"
        r"(?:ceasefire|cease-fire|truce) (?:took effect|came into (?:force|effect)|declared|began|was announced|"
        r"(?:was|has been) (?:agreed|reached|signed|declared))|(?:declared|announced|agreed (?:to|on)|reached|signed) "
        r"(?:a |an |the )?(?:\w+ )?(?:ceasefire|cease-fire|truce))\b",
        "",
    ),
    (
        "Strategic developments",
        "Agreement",
        r"\b(?:agreements?|deals?|accords?|memorandum|signed|agreed|surrender(?:ed|s|ing)?|laid down (?:their|his) "
        r"(?:weapons|arms)|prisoner (?:exchange|swap)s?|exchange of (?:prisoners|bodies)|peace (?:pact|treaty|plan)|"
        r"release of (?:\w+ ){0,2}(?:hostages|prisoners|detainees)|released (?:\w+ ){0,3}(?:hostages|prisoners|"
        r"detainees)|reconciliation|amnesty|disarm(?:ed|ament))\b",
        "",
    ),
    (
        "Strategic developments",
        "Diplomatic measure",
        r"\b(?:sanctions?|expel(?:led|s|ling)? (?:\w+ ){0,3}(?:diplomats?|ambassadors?|envoys?|attach[eé]s?)|"
        r"(?:recalled|summoned) (?:\w+ ){0,4}(?:ambassador|envoy|charg[eé] d'affaires|diplomats?)|persona non grata|"
        r"(?:cut|severed|broke off|suspended|restored|downgraded) (?:\w+ ){0,3}(?:diplomatic )?(?:ties|relations)|"
        r"diplomatic (?:row|spat|relations|ties|crisis|mission)|embargo|travel ban|expulsions? of (?:\w+ ){0,2}diplomats)\b",
        "",
    ),
    (
        "Strategic developments",
        "Phone call",
        r"\b(?:phone call|by (?:tele)?phone|telephone (?:conversation|call)|phone conversation|spoke (?:by|on the) (?:tele)?phone|"
        r"video ?(?:call|conference|link))\b",
        "",
    ),
    (
        "Strategic developments",
        "Talks or meeting",
        # Words for the happening only: a role ("envoy", "foreign minister") or an
        # institution ("the peace process") names who or what, not that anyone met.
        r"\b(?:talks|met with|meeting|met|summit|negotiations?|negotiated|round of talks|held talks|discussed|"
        r"visit(?:ed|s)?|mediat(?:ion|ed)|peace conference)\b",
        "",
    ),
    (
        "Strategic developments",
        "Change to group/activity",
        r"\b(?:(?:announced|announce|announces) (?:\w+ ){0,3}(?:formation|creation|establishment|merger|dissolution)|"
        r"form(?:ed|ation of) (?:a |an |the )?(?:new )?(?:\w+ ){0,3}(?:group|militia|brigade|force|alliance|coalition|"
        r"battalion|unit|council|committee|party|front|movement)|merg(?:ed|er|ing)|splinter|defect(?:ed|ion|ions|ors?)|"
        r"disband(?:ed|ment)?|dissolv(?:ed|e)|recruit(?:ed|ment|ing|s)|conscript\w*|mobili[sz]ation|"
        r"graduat(?:ed|ion)|training (?:camp|course|session)|trained|(?:military )?drills?|(?:military )?exercises?|"
        r"military parade|security (?:measures?|operations?|plan|forces were deployed|was (?:tightened|increased|heightened))|"
        r"curfew|state of emergency|martial law|lockdown|closed (?:\w+ ){0,3}(?:border|crossing|roads?)|"
        r"(?:new|appointed) (?:\w+ ){0,2}commander|appointed|changed (?:its|their) name|rebrand\w*|"
        r"suspend(?:ed|s)? (?:\w+ ){0,3}(?:activities|operations)|resumed (?:\w+ ){0,3}(?:activities|operations)|"
        r"banned|outlawed|joined (?:the )?(?:\w+ ){0,3}(?:group|ranks|forces|militia))\b",
        "",
    ),
    (
        "Strategic developments",
        "Other",
        r"\b(?:displac(?:ed|ement|ing)|fled (?:their|the|from)|flee(?:ing)?|evacuat(?:ed|ion|ing)|refugees? (?:arrived|crossed|fled)|"
        r"exodus|(?:bod(?:y|ies)|corpses?|remains|mass graves?) (?:\w+ ){0,4}(?:found|discovered|exhumed|recovered)|"
        r"(?:found|discovered|exhumed|recovered) (?:\w+ ){0,3}(?:bod(?:y|ies)|corpses?|remains|mass graves?)|"
        r"unexploded|humanitarian (?:corridor|aid|convoy))\b",
        "",
    ),
)

# In a sentence about a protest, what the protest is about is not what happened at it:
# "marched to denounce gun violence" is a peaceful protest. Events are typed with the
# protest's topic (from one of these words to the next comma or full stop) blanked out.
PROTEST_CONTEXT = _PROTEST
PROTEST_TOPIC = (
    r"\b(?:to (?:protest|denounce|demand|call|condemn|commemorate|mark|remember|honou?r|raise awareness|express|show|"
    r"oppose|reject|mourn|complain|request|urge|ask|claim|support|demonstrate|decry|draw attention)|protesting|"
    r"denouncing|demanding|condemning|calling (?:for|on)|commemorating|against|over|about|in (?:solidarity|support|"
    r"memory|protest|honou?r) (?:of|with|at|against)|for (?:the )?victims|following|after|because of|due to|"
    r"in response to|on the anniversary|to pay tribute|(?:seeking|demand(?:ing)?) justice|justice for|to against)\b[^,.;]*"
)
# Sub-types read from the whole sentence, topic included ("gathered to protest" is a protest).
READ_WITH_TOPIC = frozenset({"Peaceful protest"})
# A toll without an attacker ("at least 14 people were killed"): after a violent event of
# the article it is that event's toll and makes no event of its own; read alone (the first
# violence an article reports) it is an attack on civilians.
TOLL = (
    r"\b(?:" + _CIVILIANS + r" (?:\w+ ){0,5}(?:was|were|had been|has been|got) (?:\w+ ){0,2}" + _KILL + r"|"
    r"(?:killed|injured|wounded) (?:in|at|during) (?:the |a |an )?(?:\w+ ){0,2}" + _CIVILIAN_PLACES + r")\b"
)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
# What a following sentence of the same paragraph says can change an event's type:
# (sub-type it had, pattern, new type, new sub-type); the first that fits wins. A protest
# turns violent, is met with lethal force, or is broken up.
EVENT_REFINEMENTS: tuple[tuple[str, str, str, str], ...] = (
    (
        "Peaceful protest",
        r"\b(?:threw (?:stones|rocks|bottles|objects|projectiles|fireworks|petrol bombs)|pelted|stone-?pelting|"
        r"vandali[sz]ed|ransacked|set (?:\w+ ){0,3}(?:on fire|ablaze)|set fire|torched|burn(?:ed|t|ing) (?:\w+ ){0,3}"
        r"(?:tyres|tires|vehicles?|cars?|buildings?|offices?|property)|stormed|smashed|looted|pyrotechnics|rioted|"
        r"(?:protesters|demonstrators|protestors|crowd) (?:\w+ ){0,3}(?:attacked|assaulted|injured|clashed|damaged))\b",
        "Riots",
        "Violent demonstration",
    ),
    (
        "Peaceful protest",
        r"\b(?:killed|shot dead|live (?:ammunition|bullets|rounds|fire)|opened fire|fatally|beaten to death)\b",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Peaceful protest",
        r"\b(?:dispers(?:ed|e|ing)|tear ?gas|water cannons?|rubber bullets|pepper spray|batons?|arrest(?:ed|s)|"
        r"detain(?:ed|s)|intervened|broke up|cracked down|clashed with (?:the )?police|forcibly removed)\b",
        "Protests",
        "Protest with intervention",
    ),
)
# How many following sentences of its paragraph may refine an event.
REFINE_REACH = 3
# The sub-types outside ACLED's taxonomy: the ceasefire desk's own, and the non-conflict
# events named so that a disaster, an accident or ordinary crime is not read as an attack.
# Each with the ACLED (type, sub-type) it falls under:
# a ceasefire declared is an agreement, a violation is fighting, patrols and movements of
# forces are a change to a group's activity, the rest ACLED codes as "Other".
DESK_TO_ACLED: dict[str, tuple[str, str]] = {
    "Joint patrol": ("Strategic developments", "Change to group/activity"),
    "Troop movement or convoy": ("Strategic developments", "Change to group/activity"),
    "Ceasefire declared": ("Strategic developments", "Agreement"),
    "Ceasefire violation": ("Battles", "Armed clash"),
    "Talks or meeting": ("Strategic developments", "Other"),
    "Phone call": ("Strategic developments", "Other"),
    "Diplomatic measure": ("Strategic developments", "Other"),
    "Responsibility claimed": ("Strategic developments", "Other"),
    "Natural disaster": ("Strategic developments", "Other"),
    "Man-made disaster": ("Strategic developments", "Other"),
    "Organised crime": ("Strategic developments", "Other"),
}
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
