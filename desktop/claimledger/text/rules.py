"""Rule tables for recognising the parts of a news page that are not claims.

Each rule is a (name, pattern) pair so that a suggestion can be explained to the
reviewer ("not a claim: photo credit"). Patterns are matched against one stripped line
or statement with ``fullmatch`` unless said otherwise. Shared by classify and metadata.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: A line or statement that ends like a sentence (or a clause).
TERMINAL_END = re.compile(r"[.!?…:;,][\"'”’»)\]*_]*\Z")
#: A sentence end inside a line.
SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s")

#: Advertising markers.
ADVERTISEMENT_RULES = (
    ("advertisement", re.compile(r"advertisement|advertising|ad|sponsored(?: content)?|"
                                 r"promoted|paid (?:content|post|partner)|partner content", _I)),
    ("advertisement", re.compile(r"(?:story|article) continues below(?: advertisement)?|"
                                 r"scroll to continue(?: with content)?", _I)),
)

#: Page furniture: sharing, navigation, newsletter prompts, timestamps.
FURNITURE_RULES = (
    ("sharing button", re.compile(r"share(?: this)?(?: article| story| page| post)?"
                                  r"(?: (?:on|via) \w+)?|tweet|e-?mail|print|copy link|"
                                  r"save(?: article| for later)?|facebook|twitter|x|whatsapp|"
                                  r"linkedin|reddit", _I)),
    ("sharing button", re.compile(r"(?:(?:share|facebook|twitter|x|e-?mail|whatsapp|linkedin|"
                                  r"reddit|copy link|print|bluesky|threads)\b\W*){2,}", _I)),
    ("contact line", re.compile(r".{0,80}\bcan be (?:reached|contacted) (?:at|on)\b.{0,120}", _I)),
    ("comments", re.compile(r"(?:\d[\d,]* )?comments?(?:\s*\(\d[\d,]*\))?|"
                            r"(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments|"
                            r"leave a comment|no comments(?: yet)?\W*.{0,80}|"
                            r"be the first to comment.{0,60}|comments are closed.{0,60}|"
                            r"join the (?:conversation|discussion).{0,60}", _I)),
    ("related links", re.compile(r"related(?: articles?| stories| content| coverage| topics)?|"
                                 r"(?:more|most) (?:read|popular|viewed|shared)|more stories|"
                                 r"recommended(?: for you)?|trending(?: now)?|read next|up next|"
                                 r"you (?:may|might) also like|more (?:on|from|about) .{1,60}|"
                                 r"see also:?.{0,80}|(?:tags|topics):.{0,200}", _I)),
    ("read more link", re.compile(r"(?:read|see) more\b.{0,120}|continue reading.{0,40}|"
                                  r"click here\b.{0,120}|listen to (?:this )?(?:article|story)"
                                  r".{0,40}", _I)),
    ("newsletter prompt", re.compile(r"(?:sign up|subscribe|register)\b.{0,160}|"
                                     r"(?:get|receive|try) (?:our|the) .{0,60}newsletters?.{0,80}|"
                                     r"(?:follow us|like us) on .{1,60}|log ?in|sign ?in", _I)),
    ("timestamp", re.compile(r"(?:(?:updated|posted|published|last updated)\s*:?\s*)?"
                             r"(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|"
                             r"weeks?|months?) ago|(?:last )?updated:?\s+(?:\d|an?\b|on\b|at\b|"
                             r"[A-Z][a-z]+\.? \d).{0,60}", _I)),
    ("reading time", re.compile(r"\d+[ -]min(?:ute)?s?(?: read| listen)?", _I)),
    ("copyright notice", re.compile(r"(?:copyright\s*(?:©\s*)?\d{4}|©).{0,160}|"
                                    r".{0,120}all rights reserved\.?", _I)),
    ("image control", re.compile(r"(?:enlarge|expand|view|open|close) (?:this )?(?:image|"
                                 r"photo|picture)|(?:hide|show|toggle) caption", _I)),
    ("newsletter box end", re.compile(r"(?:after|skip past|skip) newsletter promotion", _I)),
    ("video length", re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")),
    ("navigation", re.compile(r"skip to (?:main )?content|back to top|menu|home|search|"
                              r"image \d+ of \d+|\d+ of \d+|previous|next", _I)),
)

#: A word of a written-out date or time: "Nov. 4, 2019, 3:04 PM ET", "10:22 EST".
_DATE_TIME_WORD = (
    r"(?:\d[\d:/.]*(?:st|nd|rd|th|am|pm|h)?|[ap]\.?m\.?|(?:mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?|at|on|by|utc|gmt|[ecmp][sd]?t|"
    r"bst|cet|cest|ist|aest|local|time|updated|published|hours?|minutes?|ago)"
)

#: Clutter that may stand as one statement among others on a line (web pages often
#: run a prompt, an address or a notice into the paragraph next to it).
CLUTTER_RULES = (
    ("bare address", re.compile(
        r"(?:(?:e-?mail|twitter|x|instagram|facebook|web(?:site)?|contact|follow(?: \w+){0,4}"
        r"(?: on \w+)?)\s*:?\s*)?"
        r"(?:<?(?:https?://|www\.)\S+>?|<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?|@\w{2,30}|"
        r"pic\.twitter\.com/\S+)(?:\s*(?:and|or|,|\|)?\s*(?:https?://\S+|@\w{2,30}|"
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+))*\.?", _I)),
    ("newsletter prompt", re.compile(
        r"(?:thanks?(?: you)? for (?:signing up|subscribing|registering)|you'?re (?:all set|"
        r"subscribed|signed up)|check your inbox|please (?:enter|provide) a valid e-?mail|"
        r"invalid e-?mail|by (?:signing up|subscribing|clicking)\b|"
        r"(?:get|receive) (?:the |our )?(?:free |daily |weekly )?.{0,40}newsletter|"
        r"(?:the )?(?:free |daily |weekly )?newsletters? (?:delivered|sent)\b).{0,200}", _I)),
    ("reporting credit", re.compile(
        r"\(?(?:(?:additional )?reporting|writing|editing|compiled|produced|graphics?|"
        r"fact-checking|research) by\b.{1,400}|"
        r".{0,160}\bcontributed (?:reporting|research|to (?:this|the) (?:report|story|"
        r"article))\b.{0,160}|\(?(?:this|the) (?:story|article|report) (?:was|has been) "
        r"(?:updated|corrected|produced|written|edited)\b.{0,200}", _I)),
    ("source line", re.compile(r"(?:source|sources|quelle|quellen|fuente|fonte|źródło)\s*:"
                               r"\s*[^.!?]{1,120}[.]?", _I)),
    ("copyright notice", re.compile(
        r"(?:copyright\b|©|\(c\) \d{4}).{0,200}|.{0,160}all rights reserved\b.{0,80}|"
        r".{0,80}\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)\b.{0,200}|"
        r"(?:reprints?|republish)(?: and| &)? permissions?.{0,60}|our standards:.{0,120}|"
        r".{0,40}\btrust principles\.?", _I)),
    ("timestamp", re.compile(
        r"(?:(?:first |last )?(?:published|posted|updated|modified|last modified|"
        r"last updated|date|dated|aktualisiert|veröffentlicht|publicado|actualizado|publié|"
        r"mis à jour|opublikowano|aggiornato|pubblicato)(?: on| at| am| le| el| il)?\s*:?\s*)"
        rf"(?=[^.!?]{{0,80}}\d)(?:{_DATE_TIME_WORD}[\s,|·.-]*){{1,14}}", _I)),
    ("share prompt", re.compile(
        r"(?:click to )?(?:share|tweet|pin|email|post)(?: this)?(?: (?:article|story|page|"
        r"post|link))?(?: (?:on|via|to|with) [\w ]{1,30})?(?: \(opens in new window\))?[.!:]?|"
        r"(?:share|send) (?:this )?(?:article|story) (?:with|to) .{1,60}|"
        r"(?:share|comment)(?: (?:or|and|&) (?:share|comment))? on this (?:article|story)"
        r"\s*[:.!]?|"
        r"opens in (?:a )?new window\.?", _I)),
    ("related links", re.compile(
        r"\[?(?:related|read more|read also|more|see also|also read|also on|watch|"
        r"listen|recommended)\s*[:|]\s*.{1,200}?\]?|\[related\b.{0,200}\]|"
        r"also on .{1,60}", _I)),
    ("related links", re.compile(
        r"(?:read also|also read|see also|lesen sie auch|mehr zum thema|weitere informationen|"
        r"(?:le |te )?puede interesar|puede interesarte|também pode interessar|"
        r"vous aimerez aussi|das könnte sie auch interessieren|articoli correlati|"
        r"artículos relacionados|articles liés|ähnliche artikel|verwandte artikel|"
        r"powiązane artykuły|"
        r"czytaj (?:też|także)|vea también|lee también|leia também|voir aussi|(?:à )?lire aussi|"
        r"leggi anche|zie ook|läs också|se også)\b\s*:?.{0,200}", _I)),
    ("shortcode", re.compile(r"\[/?[a-z_-]{2,30}(?:\s[^\]\n]{0,200})?\]", _I)),
    ("newsletter prompt", re.compile(
        r".{0,120}\bnever miss\b.{0,160}|.{0,120}\b(?:sign(?:ing)? up|subscrib(?:e|ing))\b"
        r".{0,60}\b(?:newsletters?|daily edition|briefing|updates|alerts)\b.{0,120}|"
        r".{0,60}\bplease subscribe\b.{0,160}|.{0,100}\balready a (?:subscriber|member)\b.{0,160}|"
        r"(?:first-time |new )?subscribers (?:also )?(?:get|receive|enjoy)\b.{0,160}|"
        r".{0,40}\bto (?:view|read|continue reading|keep reading) (?:the full|this|the rest of "
        r"(?:the|this)) (?:story|article)\b.{0,160}", _I)),
    ("app promotion", re.compile(
        r".{0,120}\bdownload (?:the|our) .{0,60}\bapps?\b.{0,120}|"
        r".{0,120}\bfor (?:ios|iphone) and android\b.{0,60}", _I)),
    ("advertising disclosure", re.compile(
        r".{0,120}\b(?:this (?:post|article|page|story) (?:contains|includes|may contain)\b"
        r".{0,60}\b(?:advertisers?|affiliate|sponsored|partners?)|we (?:may )?(?:earn|receive|"
        r"get) (?:a )?(?:small )?commission|affiliate links?|advertisers do not influence|"
        r"paid partnership)\b.{0,200}", _I)),
    ("reader prompt", re.compile(
        r".{0,40}\bwe want to hear (?:from you|what you think)\b.{0,120}|"
        r"(?:what do you think|tell us what you think|share your (?:thoughts|views))\b.{0,120}|"
        r".{0,60}\b(?:submit|send us) a letter to the editor\b.{0,120}|"
        r"(?:contact|call|e-?mail|write to) us (?:at|on)\b.{0,160}", _I)),
    ("copyright notice", re.compile(
        r".{0,120}\b(?:copyrighted|is the (?:copyright|property) of|written permission|"
        r"without (?:prior )?permission|reprint(?:ed|s)? (?:in|without|rights))\b.{0,200}", _I)),
    ("product promotion", re.compile(
        r"(?:discover|see|find out|learn) (?:what|how) (?:our|the) .{1,60}\bcan do for you\b"
        r".{0,60}|(?:try|explore|meet|discover) (?:our|the) (?:new )?[\w'’ -]{0,40}\b(?:AI|"
        r"assistant|summar(?:y|ies)|podcasts?|puzzles|games|crossword)\b.{0,120}", _I)),
    ("share prompt", re.compile(r"(?:gift|save) (?:this )?(?:article|story)(?: for later)?"
                                r"[.!]?", _I)),
    ("editor's note", re.compile(r"(?:correction|clarification|editor'?s'? note)\s*:\s*\S.{0,600}",
                                 _I)),
    ("funding note", re.compile(
        r".{0,120}\breceives (?:financial )?(?:support|funding) from\b.{0,240}|"
        r".{0,60}\bis solely responsible for (?:all|this) content\b.{0,40}", _I)),
    ("privacy notice", re.compile(
        r"privacy (?:notice|policy)\s*:.{0,400}|.{0,160}\b(?:our privacy policy|"
        r"google privacy policy|terms of service apply|recaptcha|cookie policy)\b.{0,200}", _I)),
    ("label", re.compile(r"#?[^\W\d_][\w'’-]{0,20}(?: [\w'’-]{1,20}){0,2}:", _I)),

    ("page code", re.compile(
        r"[a-z0-9]+(?:[-_][a-z0-9]+){1,6}|[.#]?[\w-]+\s*\{[^}]*\}.*|"
        r"(?:function|var|window\.|document\.)\W.{0,300}", _I)),
    ("tweet attribution", re.compile(
        r"[—–-]{1,2}\s*.{1,80}\(@\w{1,30}\)\s*.{0,40}\d{4}\.?|"
        r".{0,280}\bpic\.twitter\.com/\w+.{0,120}", _I)),
    ("gallery control", re.compile(
        r"\d{1,3}\s*(?:of|/)\s*/?\s*\d{1,3}|\d{1,3}of/?\d{1,3}|(?:\.\.\.|…)?\s*(?:more|less)|"
        r"(?:view|open|launch|see) (?:the )?(?:gallery|slideshow|photos?)\b.{0,60}|"
        r"(?:image|photo|slide) \d{1,3}(?: of \d{1,3})?", _I)),
)

_AGENCY = (r"AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Getty Images|Getty|PA|PA Media|Bloomberg|"
           r"Shutterstock|Alamy|Associated Press|Xinhua|dpa|ANSA|EFE")

#: Newsletter and app promotions, which may run longer than a button.
PROMO_RULES = (
    ("newsletter prompt", re.compile(
        r"(?:sign up|subscribe)\b.{0,240}|.{0,120}\b(?:sign up|subscribe) (?:to|for) (?:our|the)"
        r" .{0,40}newsletters?.{0,120}|.{0,80}\bnewsletters?\b.{0,60}\b(?:inbox|sign up|"
        r"subscribe)\b.{0,80}|(?:get|receive) .{0,60}(?:delivered )?(?:straight |direct(?:ly)? )?"
        r"(?:to|in|into) your inbox.{0,80}", _I)),
    ("app promotion", re.compile(
        r"(?:download|get|install|try) (?:our|the) (?:free )?(?:[\w'’ ]{0,30} )?app\b.{0,160}|"
        r".{0,80}\b(?:on|in) (?:our|the) [\w'’ ]{0,30}app\b.{0,60}(?:download|available|"
        r"get it)\b.{0,80}|(?:get|turn on|enable) (?:breaking[- ]news )?(?:alerts|"
        r"notifications)\b.{0,120}|never miss a (?:story|thing|headline).{0,120}|"
        r".{0,40}\b(?:tap|click) here to add .{1,60}\bhome ?screen\b.{0,40}|"
        r"(?:get|receive) (?:our|the) (?:top|latest|breaking|biggest) (?:stories|news|headlines)"
        r"(?: of the day)? (?:delivered|sent|straight)\b.{0,80}", _I)),
    ("author note", re.compile(
        r"(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+ (?:is|was) (?:an? |the )?[^.]{0,100}\b(?:columnist|"
        r"correspondent|contributor|contributing writer|freelance|writer|reporter|editor|"
        r"author of)\b[^.]{0,100}\.?|(?:the )?views expressed (?:here |in this \w+ )?are "
        r"(?:the author'?s'?|those of the author|(?:his|her|their) own).{0,80}|"
        r"this (?:is an? )?(?:opinion|comment) (?:piece|column|article).{0,120}", _I)),
    ("support appeal", re.compile(
        r"(?:support|donate to|help fund|fund) (?:our|independent|local|quality|public|"
        r"nonprofit) (?:journalism|news|reporting|newsroom)\b.{0,200}|"
        r"(?:enjoyed|liked) this (?:article|story)\?.{0,200}|"
        r".{0,120}\b(?:readers|members|subscribers) like you\b.{0,120}|"
        r".{0,80}\bour (?:journalism|reporting|newsroom|coverage|content) (?:is|are|will "
        r"(?:always )?be|remains?|stays?) (?:\w+ ){0,3}(?:free|supported|funded|possible|"
        r"independent)\b.{0,120}|"
        r".{0,40}\b(?:your|our) content is delivered\b.{0,120}", _I)),
    ("outlet promotion", re.compile(
        r"(?!.*[\"“”„«»]).{0,60}\b(?:our|nuestro|nuestra|unser(?:em|en|er|e)?|notre|nosso|"
        r"nossa|nostro|nostra) (?:(?:youtube|facebook|instagram|tiktok|whatsapp|telegram) "
        r"(?:channel|page|account|feed)|(?:youtube|whatsapp|telegram|video)?\s?(?:channel|"
        r"canal|kanal|chaîne))\b.{0,120}|"
        r"(?:check out|take a look at|don'?t forget to (?:check|follow|visit)|mira|"
        r"schau(?:en sie)?) (?:what|our|lo que|unser).{0,120}", _I)),
    ("correction notice", re.compile(
        r"(?:an? )?(?:earlier|previous) version of this (?:story|article|report|post)\b.{1,300}",
        _I)),
    ("republication credit", re.compile(
        r".{0,40}\b(?:this|the) (?:article|story|post|piece|column|essay|interview)\b.{0,40}"
        r"\b(?:(?:was )?(?:originally|first) (?:published|appeared|ran)|(?:is )?republished)\b"
        r".{0,160}|a version of this (?:article|story|piece) (?:first )?(?:appeared|ran|was "
        r"published)\b.{0,160}|(?:originally|first) (?:published|appeared) (?:by|in|on|at) "
        r".{1,120}|read the original (?:article|story|post)(?: here| on .{1,60})?\.?", _I)),
    ("reader prompt", re.compile(
        r"(?!.*[\"“”„«»])(?:e-?mail|call|contact|write to|text|message) us\b"
        r"(?: (?:at|on|or|with|via|by))?.{0,120}", _I)),
    ("footnote", re.compile(r"\*[^\W\d_][^*?؟!:]{10,300}\.")),
    ("browser notice", re.compile(
        r"(?!.*[\"“”„«»])(?:.{0,60}\b(?:your browser (?:does not|doesn'?t|cannot|can'?t) "
        r"(?:support|play|display)|(?:please )?(?:enable|turn on|activate) javascript|"
        r"javascript (?:is )?(?:required|disabled|needed))\b.{0,120}|(?:sorry, )?(?:this )?"
        r"(?:content|video|media|page) is (?:not|no longer|currently not) available"
        r"(?: in your (?:region|country|location))?\.?)", _I)),
    ("cookie notice", re.compile(
        r"(?!.*[\"“”„«»]).{0,20}\b(?:we use cookies|this (?:site|website) uses cookies|"
        r"by (?:continuing to )?(?:use|using|browse|browsing) (?:this|our) (?:site|website)|"
        r"(?:accept|manage|reject) (?:all )?cookies|cookie (?:settings|preferences)|"
        r"our terms of (?:service|use))\b.{0,200}", _I)),
    ("paywall prompt", re.compile(
        r"(?!.*[\"“”„«»]).{0,60}\b(?:create an? (?:free )?account|you(?:'ve| have) "
        r"(?:reached|used) (?:your|all"
        r"|the)\b.{0,30}\b(?:limit|free)|free (?:articles?|stories) (?:left|remaining|this "
        r"month)|subscribe (?:now )?to (?:continue|read|unlock|keep reading)|unlock (?:this|"
        r"unlimited|full) (?:article|story|access))\b.{0,160}", _I)),
    ("login notice", re.compile(
        r"(?:you are|you're|sie sind|du bist|vous n'êtes|no estás|usted no está) (?:currently |"
        r"aktuell |derzeit |gerade |pas |)(?:not |nicht |)(?:logged|signed|eingeloggt|"
        r"angemeldet|connecté|conectado)(?: in| an)?(?: pas)?\.?", _I)),
    ("link teaser", re.compile(
        r"(?!.*[\"“”„«»]).{0,100}\b(?:findest du|finden sie|gibt es|lesen sie|erfahren sie|"
        r"find out more|learn more|more information|read (?:it|the \w+)|you can (?:find|read)"
        r"|trouverez|encontrarás|encuentra)\b.{0,60}\b(?:hier|here|ici|aquí)\b[.!:]?", _I)),
    ("navigation", re.compile(
        r"(?:\.\.\.|…)?\s*(?:weiter zu|weiter:|next:|suivant\s*:|siguiente\s*:)\s.{1,80}|"
        r"(?:back|return|continue) to (?:top|home|homepage|the (?:top|homepage|home page|index|"
        r"overview|list|article|story|gallery)|(?:all )?(?:articles|stories|news|results))\b"
        r".{0,40}", _I)),
    ("media pointer", re.compile(
        r"(?:watch|listen to|see|view) (?:the )?(?:full |whole |our )?(?:video|interview|clip|"
        r"report|segment|chart|graphic|map|gallery|photos)? ?(?:above|below)\.?", _I)),
)

#: A line that opens the tail of a pasted page: other stories follow it to the end.
TAIL_RULES = (
    ("related links", re.compile(
        r"related(?: articles?| stories| content| coverage| news| reading)?|"
        r"(?:more|most) (?:read|popular|viewed|shared)(?: stories| articles| now)?|"
        r"more (?:stories|articles|news)(?: (?:from|on|about) .{1,60})?|"
        r"more (?:from|on|in) .{1,60}|recommended(?: for you| stories| reading)?|"
        r"read next|up next|you (?:may|might) also (?:like|be interested in)|"
        r"trending(?: now| stories)?|latest (?:news|stories|headlines)|"
        r"(?:editor'?s'? )?picks|don'?t miss|also (?:read|on) .{1,40}|top stories|"
        r"related (?:topics|links)|read more (?:from|on) .{1,60}|(?:popular|elsewhere) on .{1,60}|"
        r"in other news|what (?:to read|to watch) next|further reading|around the web|"
        r"from (?:our|the) partners|(?:sponsored|partner|promoted) (?:stories|content|links)|"
        r"you (?:may|might) have missed|other (?:stories|news)|latest|"
        r"what else (?:is|was) happening", _I)),
)
#: A line of up to this many words that starts with a capital and ends without a full
#: stop is a heading (a subhead, a teaser of another story), never a paragraph of the
#: article: a paragraph's sentences end with their punctuation.
HEADING_WORDS = 25
#: "-La angustia que vive un barrio ...": another story's teaser behind a dash (a bullet
#: has a space after its dash).
TEASER_DASHES = "-–—"
#: No line of a page tail is longer than this (teasers, headlines, times, credits).
TAIL_MAX_WORDS = 45

#: An opinion kicker: "Opinion: The bridge vote was a mistake", "OPINION | ...".
OPINION_HEADING = re.compile(
    r"(?:opinion|op-ed|editorial|column|commentary|analysis|comment)\s*[:|—–-]\s*\S.{0,200}"
    r"|opinion|op-ed|editorial|commentary", _I)

#: Pure opinion: a judgement with no checkable content. Kept narrow on purpose.
_OPINION = re.compile(
    r"(?:[\"“‘]\s*)?(?:(?:I|We) (?:(?:still|really|firmly|strongly) )?(?:think|believe|feel|"
    r"suspect|would argue|doubt|hope|fear)\b|In (?:my|our) (?:view|opinion|judgment)\b|"
    r"(?:Frankly|Honestly|Personally|To my mind|For my part),|It is (?:high )?time (?:for|to)\b|"
    r"(?:This|That|It|The|Their|His|Her|Our|Its)(?: \w+){0,2} (?:is|was|would be) "
    r"(?:simply |frankly |nothing "
    r"short of )?(?:a |an )?(?:disgrace|scandal|shameful|outrageous|absurd|ridiculous|"
    r"shameless|betrayal|travesty|insult)\b|.{0,120}\bshould be ashamed\b|"
    r"(?:Surely|Of course),)")
_FACT_SIGNS = re.compile(r"\d|\b(?:said|says|told|according to|percent|million|billion|"
                         r"thousand|hundred)\b")


def is_opinion(sentence: str) -> bool:
    """A sentence of pure opinion: an opinion opener and nothing to check in it."""
    sentence = sentence.strip()
    return _OPINION.match(sentence) is not None and _FACT_SIGNS.search(sentence) is None


#: Words that make a short capitalised name an outlet ("Lowmere Courier").
OUTLET_WORDS = re.compile(
    r"\b(?:News|Press|Wire|Times|Post|Herald|Tribune|Journal|Courier|Examiner|Gazette|"
    r"Ledger|Agency|Media|Chronicle|Observer|Telegraph|Guardian|Independent|Reuters|"
    r"Associated Press|Bloomberg|Review|Standard|Star|Sun|Mail|Express|Mirror|Today|Daily|"
    r"Weekly|Radio|Television|TV|Broadcasting|Network)\b"
)

#: Photo and other credits.
CREDIT_RULES = (
    ("photo credit", re.compile(r"\(?(?:[A-Z][\w&.'-]*\s)?(?:Photo|Photograph|Pool Photo)"
                                r"(?:/[^()\n]{1,100})?\)?")),
    ("photo credit", re.compile(r"\(?(?:photo|photos|photograph|photography|image|images|"
                                r"picture|pictures|illustration|graphic|video|footage|credit|"
                                r"photo credit|image credit)"
                                r"\s*(?::|by\b)\s*[^\n]{1,120}?\)?\.?|image source,.{1,120}", _I)),
    ("photo credit", re.compile(rf"\(?(?:{_AGENCY})(?: (?:Photo|Images))?\)?")),
    ("photo credit", re.compile(r"\(?(?:(?:photo|photos|photograph|image|picture|video|"
                                r"footage)\s+)?courtesy(?:\s+of)?\s*:?\s*[^()\n]{2,100}"
                                r"(?<![.!?])\)?", _I)),
    ("photo credit", re.compile(r"\((?:supplied|handout|file|file photo|submitted|"
                                r"submitted photo|stock image|stock photo|pool)\)|"
                                r"(?:supplied|handout|file photo|submitted photo)"
                                r"(?:\s*(?:photo|image))?\.?", _I)),
    # "Kofi Mensah for The New York Times": a photographer working for an outlet
    ("photo credit", re.compile(r"\(?(?:[A-Z][\w'’.-]+ ){1,3}for (?:The )?(?:[A-Z][\w&'’.-]* )"
                                r"{0,3}(?:" + OUTLET_WORDS.pattern.removeprefix(r"\b(?:")
                                .removesuffix(r")\b") + r")\)?")),
    # "© Kofi Mensah", "© Northgate Press 2025": a credit line, not a rights notice
    ("photo credit", re.compile(r"\(?©\s*(?:\d{4}\s+)?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)"
                                r"{0,4}(?:,?\s+\d{4})?(?<![.])\)?")),
    # "(ABC News: Jess Tamura)": the outlet and the photographer, in parentheses, as a
    # statement of its own (at the end of a running sentence it is more often an aside)
    ("photo credit of an outlet", re.compile(r"\([A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,5}: "
                                r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\)")),
    ("reporting credit", re.compile(r"\(?(?:(?:additional )?reporting|writing|editing|"
                                    r"compiled|produced|graphics?|fact-checking) by\b[^\n]{1,300}",
                                    _I)),
)

#: Captions announced as such.
CAPTION_RULES = (
    ("caption", re.compile(r"(?:image |photo |video |media )?caption\s*[:,].{1,400}|"
                           r"pictured\s*:.{1,400}", _I)),
    # a caption that names who is in the photo, with no end mark: "Mrs Ellery, pictured
    # with her grandchildren, said she had 'no plans to stop'"
    ("caption", re.compile(r"[^.!?]{3,200}(?:, pictured\b|\(pictured\b|\bpictured (?:with|"
                           r"at|in|on|left|right|above|below|here)\b)[^.!?]{0,200}"
                           r"(?<![.!?…:;,])[\"'”’»)]?", _I)),
)

KNOWN_OUTLETS = frozenset({"AP", "AFP", "Reuters", "Bloomberg", "dpa", "EFE", "ANSA", "Xinhua",
                           "PA", "UPI", "CNN", "BBC", "NPR"})

_MONTHS = ("january february march april may june july august september october "
           "november december").split()
MONTHS = {name: index + 1 for index, name in enumerate(_MONTHS)}
MONTHS.update({name[:3]: index + 1 for index, name in enumerate(_MONTHS)})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

#: A date written out: 2026-03-14, March 14, 2026, 14 March 2026, Mar. 14 2026.
DATE = re.compile(
    r"(?P<iso>(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2}))"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH}),?\s+(?P<y3>\d{{4}})",
    _I,
)

#: A header line that only gives the date ("Published March 14, 2026", "Mon 10 Mar 2025
#: 17.42 GMT", "Posted: Mar 5, 2025 / 06:12 PM CST", "10:22 EST, 9 March 2025").
DATE_LINE = re.compile(
    r"(?:(?:first )?(?:published|posted|date|dated|updated|last updated)\b\s*:?\s*"
    r"(?:date\s*)?(?:on\s*)?)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?,?\s+)?"
    r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
    rf"(?:{DATE.pattern})"
    r"(?:[,;]?\s*(?:at\s+|updated\s+|/\s*)?[\w:. ]{0,40})?",
    _I,
)

#: "By Maria Nuñez and Tom Reyes, Reuters"
BYLINE = re.compile(r"(?:words |written |reported )?by:?\s+(?P<names>[^\W\d_][^\n]{1,200})", _I)

#: A byline with no "By": the name, then the job ("Hannah Whitcombe Transport
#: correspondent", "Samira Haddad, Science Reporter").
STAFF_BYLINE = re.compile(
    r"(?P<names>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}?),? (?:[A-Za-z&]+ ){0,3}"
    r"(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter|[Cc]olumnist|[Jj]ournalist|"
    r"[Cc]ontributor|[Cc]ritic|[Pp]roducer)")

#: A person's name alone on a line ("Tom Ashworth", "Rachel Osei-Bonsu").
PERSON_NAME = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?: (?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+|de|van|von|"
                         r"da|del|al|bin)){1,3}")

#: A dateline: "WASHINGTON, June 8 (Reuters) -" or "LISBON (AP) —" (at a paragraph start).
DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_ .'’/-]*(?:[ .'’/-]+[^\W\d_]+){0,4})"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"(?:\s*\((?P<outlet>[^()\n]{1,40})\))?"
    r"\s*(?:-|—|–|--)"
)


#: An inline date header at the start of a line: "date 2019-11-04 The council ...".
DATE_HEADER = re.compile(
    r"(?:date|dated|published|posted|updated)\s*:?\s*\d{4}-\d{2}-\d{2}"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?"
    r"(?: (?:UTC|GMT|BST|CET|CEST|EET|EEST|[ECMP][SD]?T|AE[SD]T|IST|JST)\b)?)?(?=\s|\Z)", _I)


def first_rule(rules: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    """Name of the first rule whose pattern matches all of ``text``."""
    for name, pattern in rules:
        if pattern.fullmatch(text):
            return name
    return None


def iso_date(text: str) -> str | None:
    """The first written-out date in ``text`` as YYYY-MM-DD, if it is a real date."""
    match = DATE.search(text)
    if match is None:
        return None
    if match.group("iso"):
        year, month, day = int(match["y1"]), int(match["m1"]), int(match["d1"])
    else:
        name = (match["m2"] or match["m3"]).lower().rstrip(".")
        year, month = int(match["y2"] or match["y3"]), MONTHS[name]
        day = int(match["d2"] or match["d3"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def dateline(line: str) -> re.Match[str] | None:
    """A dateline at the start of ``line`` (its place written in capitals), or None."""
    match = DATELINE.match(line)
    if match is None or not match["place"].isupper() or len(match["place"]) < 3:
        return None
    return match


def looks_like_outlet(text: str) -> bool:
    """A short capitalised name with a newspaper word in it, or a known agency."""
    text = text.strip(" *_·|")
    if text in KNOWN_OUTLETS:
        return True
    if ":" in text or "/" in text:
        return False  # "Photo: Tom Hale/Fenwick Herald" is a credit, not the outlet
    words = text.split()
    return (
        0 < len(words) <= 6
        and all(word[:1].isupper() or word in {"of", "the", "and", "&"} for word in words)
        and OUTLET_WORDS.search(text) is not None
        and not text.endswith(".")
    )


def is_person_name(text: str) -> bool:
    """A person's name alone ("Tom Ashworth"), not an outlet's ("Lowmere Courier")."""
    return PERSON_NAME.fullmatch(text) is not None and not looks_like_outlet(text)


def looks_like_slash_credit(text: str) -> bool:
    """"Name/AGENCY", "REUTERS/Name/File Photo", "Name/Agency via Getty Images"."""
    text = text.strip().removeprefix("(").removesuffix(")").strip()
    if "/" not in text or "://" in text or len(text) > 100 or text.endswith((".", "?", "!")):
        return False
    parts = [part.strip() for part in text.split("/")]
    return all(
        part and (part[0].isupper() or part.startswith("iStock")) and len(part.split()) <= 6
        for part in parts
    ) and len(text.split()) <= 14


#: Agencies that a byline names after the reporters with no comma ("... Associated Press").
_BYLINE_AGENCIES = ("The Associated Press", "Associated Press", "Reuters", "AFP",
                    "Bloomberg News", "Bloomberg", "AP")
#: "Words by Naomi Ferrante | Photographs by Caleb Wren": the photographer's part.
_OTHER_CREDIT = re.compile(r"(?:photo(?:graph)?s?|pictures|images|illustrations?|video|"
                           r"graphics?) by\b.*", _I)
#: "Kirsty Danvers for Northgate Online": the outlet a reporter writes for.
_WRITES_FOR = re.compile(r"(?P<names>.+?) for (?P<outlet>(?:The )?[A-Z][\w'’&.-]*"
                         r"(?: [A-Z][\w'’&.-]*){0,3})", _I)


def split_byline(names: str) -> tuple[str, str | None]:
    """"Maria Nuñez and Tom Reyes, Reuters" -> ("Maria Nuñez and Tom Reyes", "Reuters")."""
    names = names.strip().rstrip(".")
    head, found, tail = names.partition(" | ")
    if found and _OTHER_CREDIT.fullmatch(tail.strip()):
        names = head.strip()
    for agency in _BYLINE_AGENCIES:
        if names.endswith(" " + agency) and len(names) > len(agency) + 3:
            return names[:-len(agency)].strip(" ,"), agency
    writes_for = _WRITES_FOR.fullmatch(names)
    if writes_for is not None and writes_for["outlet"][:1].isupper():
        return writes_for["names"].strip(), writes_for["outlet"]
    for separator in (" | ", " — ", " – ", " - ", ", "):
        head, found, tail = names.rpartition(separator)
        if not found or not head:
            continue
        if looks_like_outlet(tail):
            return head.strip(), tail.strip(" *_")
        if separator == ", " and " and " not in tail:
            return head.strip(), None  # "Maria Nuñez, Health Correspondent"
    return names, None
