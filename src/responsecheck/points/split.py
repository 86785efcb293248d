"""Split a complaint into the points it raises, using the parse rather than one point per sentence.

The complaint is cleaned first (quoted replies, signatures, greetings and sign-offs removed, e-mail
line wrapping undone, each list item a paragraph of its own). Each sentence is cut into clauses at
coordinated verbs with their own subject ("the boiler broke and nobody came"), and a request is cut
at each thing it asks for ("the leak stopped, the electrics made safe and my cupboards replaced").
A clause that names nothing of its own ("This has gone on for months") joins the point before it,
and so does what a fault makes possible ("the gate is broken and toddlers can get out"), but never
across a paragraph: a new paragraph is a new point. "I am writing to complain about the parking"
names the complaint's subject, not a point, when points follow.
A clause that asks for something ("I want...", "I would like...", "Please...") is also part of the
outcome the resident wants, and so is each bare participle clause after it ("..., CCTV put up").
A clause about the resident's household that asks nothing of the landlord ("My husband passed away
last spring") is background: not a point. Sentences typed in capitals are read in sentence case.
What a pronoun in a point stands for is worked out in refer.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp import PARAGRAPH_BREAK
from . import refer
from .facets import CONCEPT_WEIGHT, Facet, facets, merge, word_key
from .lexicon import Lexicon

_QUOTE_START = re.compile(r"^(On .{0,200}wrote:|-{2,}\s*Original Message\s*-{2,}|_{10,}|"
                          r"Sent from my .*|Get Outlook for .*)\s*$", re.I)
# A quoted message's header block (Outlook's "From: / Sent: / To: / Subject:"), unlike a resident
# who heads a letter "From: name, address", which is the complaint itself.
_FROM = re.compile(r"^From:\s.+$", re.I)
_HEADER_FIELD = re.compile(r"^(Sent|Date|To|Cc|Subject):\s", re.I)
# A forwarded message is the complaint (an advocate or councillor passing on the resident's e-mail),
# unlike a quoted reply: its marker and header block are skipped and its text kept.
_FORWARD_START = re.compile(r"^(-+\s*Forwarded message\s*-+|Begin forwarded message:)\s*$", re.I)
_FORWARD_SUBJECT = re.compile(r"^Subject:\s*(FW|Fwd?):", re.I)
_SIGNATURE = re.compile(r"^--\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)]|\(?[a-z][.)])\s+")
_GREETING = re.compile(r"^(dear|hello|hi|hiya|good (morning|afternoon|evening)|to whom|to (the )?[A-Z][\w&' -]+$|"
                       r"annwyl|subject:|re:)", re.I)
_SIGNOFF = re.compile(r"^(yours( (sincerely|faithfully|truly))?|(kind |best |warm |many )?(regards|thanks|wishes)|"
                      r"thank you|sincerely|cheers|cofion|yn gywir)\b[\s,.!]*", re.I)
_REPLY_SUBJECT = re.compile(r"^subject:\s*(re|aw|sv)\s*:", re.I)
#: A form or header field of who and which (never "What went wrong:", whose answer is the complaint).
_FIELD = re.compile(r"^(from|to|cc|sent|date|signed|ref|reference|our ref|your ref|tenancy ref(erence)?|"
                    r"account (no|number)|address|name|phone|tel|telephone|mobile|e-?mail)\s*:", re.I)
#: The line naming who the complaint is for, however long ("To the manager at Aldwyn Care and Support").
_ADDRESSEE = re.compile(r"^to (whom|whoever|the)\b", re.I)
_SHOUTED = re.compile(r"[A-Z][A-Z'’]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
_LONE_I = re.compile(r"\bi\b")
#: A lowercase "i" standing for "I" ("i want", "i'm"), not the one of "i.e.": the tagger misreads it.
_TYPED_I = re.compile(r"(?<![\w.'’-])i(?![\w.-])")
#: Family: the resident's own ("my mum wants") are who the complaint is for; another household's are not.
_FAMILY = {"mother", "father", "mum", "dad", "son", "daughter", "husband", "wife", "partner", "grandmother",
           "grandfather", "nan", "gran", "brother", "sister"}
#: Words placing a person apart from the resident: a neighbour, not the person the complaint is for.
_ELSEWHERE = {"next", "door", "upstairs", "downstairs", "opposite", "neighbour", "neighbours", "number", "below", "above"}
#: Titles that make a name the person a complaint is made for ("Mr Lloyd would like...").
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
# "I want to complain", "I would like to make a complaint": asking to complain is not an outcome.
_META_VERBS = {"complain", "make", "raise", "lodge", "register", "report", "write", "escalate"}
# Putting the complaint through the process ("I am putting this in writing as a stage 2 complaint", "We write to
# make a formal complaint under your procedure", "Advised customer of the complaints process"): no point.
_PROCESS_VERBS = {"write", "make", "put", "log", "lodge", "submit", "register", "escalate", "advise", "treat", "record",
                  "raise", "send", "refer", "accept", "take", "bring"}
# Telling the landlord ("I reported it in September", "I rang twice") is part of a point's history.
_CONTACT = {"report", "ring", "phone", "call", "email", "contact", "chase", "complain", "write", "tell", "ask", "apply"}
_NEGATIVE = {"no", "nobody", "never", "nothing", "none", "neither", "nor", "cannot"}
_POSSIBILITY = {"can", "could", "may", "might"}
# Verbs that report or judge a clause ("..., he said", "..., I think"), which is then no point of its own.
_REPORTING = {"say", "tell", "think", "believe", "feel", "know", "reckon", "suppose", "guess", "claim", "explain",
              "admit", "agree", "promise", "write", "reply", "add"}
_PRONOUN_SUBJECTS = {"it", "this", "that", "they", "these", "those", "he", "she"}


@dataclass
class Unit:
    """A clause (or one requested thing) of the complaint, with its character range and facets."""

    start: int
    end: int
    facets: list[Facet]
    request: bool
    pronoun_start: bool = False
    sentence: int = -1
    #: The unit opens a paragraph: the resident started a new point, so it never joins the one before.
    paragraph_start: bool = False
    #: "... and toddlers can get out": what the clause before makes possible, a risk of that point.
    consequence: bool = False
    #: "I am writing to complain about the parking": what the complaint is about, said before its points.
    topic_statement: bool = False
    #: "My husband passed away last spring": the resident's own circumstances, which ask nothing of the landlord.
    background: bool = False
    #: "The flat was filthy, there was no smoke alarm": a sentence of its own joined by a comma, a point
    #: of its own even when it names little ("filthy").
    spliced: bool = False


@dataclass
class SplitPoint:
    start: int
    end: int
    text: str
    facets: list[Facet]
    request: bool
    units: list[Unit] = field(default_factory=list)
    #: What a pronoun in the point stands for ("Sort it properly": the rats), see refer.py; answered like
    #: the point's own facets but not counted in the complaint's topic (it is an earlier point's thing).
    antecedent: list[Facet] = field(default_factory=list)
    #: "I would like all of this sorted": asks for every other point to be put right (see refer.py).
    whole: bool = False

    @property
    def all_facets(self) -> list[Facet]:
        """What an answer is matched against: the point's own facets and its pronoun's antecedent."""
        return merge(self.facets + self.antecedent)


def clean(text: str) -> str:
    """The resident's own words: no quoted replies or signature, one paragraph per line of prose or list item."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    header, fields = False, 0  # within a forwarded message's header block; its fields seen so far
    for number, line in enumerate(lines):
        stripped = line.strip()
        if _FORWARD_START.match(stripped) or _forwarded_header(lines, number):
            header, fields = True, 0
            if not _FORWARD_START.match(stripped):
                fields = 1  # the From: line itself
            continue
        if header:
            if _FROM.match(stripped) or _HEADER_FIELD.match(stripped):
                fields += 1
                continue
            if not stripped:
                header = fields == 0  # a blank line before the fields, or the one under them
                continue
            header = False
        if _SIGNATURE.match(stripped) or (kept and _QUOTE_START.match(stripped)) or (
                kept and _quoted_header(lines, number) and (_has_prose(kept) or _reply_header(lines, number))):
            break
        if stripped.startswith(">"):
            continue
        kept.append(stripped)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in kept + [""]:
        field = bool(line) and _FIELD.match(line) is not None
        if not line or field or _LIST_ITEM.match(line):
            if current:
                paragraphs.append(" ".join(current))
            current = [_LIST_ITEM.sub("", line)] if line and not field else []
            if field:  # "Our ref: HA-22871" stands alone: the text under it is not part of it
                paragraphs.append(line)
        else:
            current.append(line)
    return PARAGRAPH_BREAK.join(unshout(p) for p in paragraphs if p.strip())


def unshout(paragraph: str) -> str:
    """Sentences typed in capitals ("RATS IN THE LOFT AGAIN.") in sentence case: the tagger reads
    capitalised words as names, so a shouted point would lose its lemmas and concepts. A lowercase "i"
    typed for "I" is put right for the same reason (same length: offsets hold)."""
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    return " ".join(_sentence_case(s) if _shouted(s) else _TYPED_I.sub("I", s) for s in sentences)


def _shouted(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    return len(words) >= 2 and sum(bool(_SHOUTED.fullmatch(w)) for w in words) >= 0.8 * len(words)


def _sentence_case(sentence: str) -> str:
    lowered = _LONE_I.sub("I", sentence.lower())
    return lowered[:1].upper() + lowered[1:]


def _forwarded_header(lines: list[str], number: int) -> bool:
    """A quoted header block whose subject says it was forwarded ("Subject: FW: ...")."""
    return _quoted_header(lines, number) and any(
        _FORWARD_SUBJECT.match(line.strip()) for line in lines[number + 1:number + 5])


def _has_prose(kept: list[str]) -> bool:
    """Whether the complaint's own words have come yet: a header block under a date or a title line
    ("3 March 2026 / From: Jo Reid / To: Repairs") heads the complaint; one after a line of its words
    ("boiler still broken no heating for 3 weeks") quotes a reply."""
    return any(len(line.split()) >= 5 or len(line.split()) >= 3 and line.rstrip().endswith((".", "!", "?"))
               for line in kept)


def _reply_header(lines: list[str], number: int) -> bool:
    """A header block whose subject says it is a reply ("Subject: RE: ..."): what follows is quoted."""
    return any(_REPLY_SUBJECT.match(line.strip()) for line in lines[number + 1:number + 5])


def _quoted_header(lines: list[str], number: int) -> bool:
    """A 'From:' line that opens a quoted message: header fields follow it within a few lines."""
    return bool(_FROM.match(lines[number].strip())) and any(
        _HEADER_FIELD.match(line.strip()) for line in lines[number + 1:number + 5])


def split(doc: Doc, lexicon: Lexicon) -> list[SplitPoint]:
    """The points of a parsed (cleaned) complaint, in the order the resident raised them."""
    units: list[Unit] = []
    for sent in doc.sents:
        if _skip(sent, lexicon):
            continue
        units.extend(_units(sent, lexicon))
    units = _drop_topic_statements(units)
    points: list[SplitPoint] = []
    for unit in _lead_in_forward(units):
        previous = points[-1] if points else None
        same_sentence = previous is not None and previous.units[-1].sentence == unit.sentence
        goes_on = previous is not None and previous.units[-1].topic_statement and unit.pronoun_start
        joins = previous is not None and not unit.request and (goes_on or not unit.paragraph_start and (
            _named(unit) < 1.0 and not unit.spliced or (unit.pronoun_start and (same_sentence or len(unit.facets) <= 1))
            or (unit.consequence and same_sentence)))
        if joins and previous is not None:
            previous.units.append(unit)
            previous.end = unit.end
            previous.facets = _union(previous.facets, unit.facets)
            continue
        if not unit.facets and not points:
            continue
        if unit.background and not unit.request:
            if previous is not None and not unit.paragraph_start:
                previous.units.append(unit)  # told as part of the point before; it adds nothing to answer
                previous.end = unit.end
            continue
        points.append(SplitPoint(unit.start, unit.end, "", list(unit.facets), unit.request, [unit]))
    refer.resolve(points, doc, lexicon)
    points = [p for p in points if p.all_facets or p.whole]
    for point in points:
        point.text = doc.text[point.start:point.end].strip()
    return points


def _drop_topic_statements(units: list[Unit]) -> list[Unit]:
    """Without the statements of what the complaint is about, when points follow; but one that the next
    clause goes on about by a pronoun ("I am writing to complain about the mould in my son's room. It
    has come back three times") is where that point starts, and the clause joins it."""
    if all(u.topic_statement for u in units):
        return units
    return [u for n, u in enumerate(units) if not u.topic_statement
            or n + 1 < len(units) and units[n + 1].pronoun_start and not units[n + 1].request]


def _named(unit: Unit) -> float:
    """How much a clause names of its own; a date alone says when, not what."""
    return sum(f.weight for f in unit.facets if not all(k.startswith("d:") for k in f.keys))


def _lead_in_forward(units: list[Unit]) -> list[Unit]:
    """A clause naming nothing that opens a sentence ("Your contractor came on 2 March, [and] took...")
    belongs with the clause after it in the same sentence, not with the point before."""
    result: list[Unit] = []
    pending: Unit | None = None
    for unit in units:
        if pending is not None and pending.sentence == unit.sentence and not unit.request:
            unit = Unit(pending.start, unit.end, _union(pending.facets, unit.facets), unit.request,
                        pending.pronoun_start, unit.sentence, pending.paragraph_start)
            pending = None
        elif pending is not None:
            result.append(pending)
            pending = None
        opens = not result or result[-1].sentence != unit.sentence
        backward = unit.pronoun_start and not unit.paragraph_start  # "It ..." goes on the point before
        if opens and _named(unit) < 1.0 and not unit.request and not backward and not unit.spliced:
            pending = unit
            continue
        result.append(unit)
    if pending is not None:
        result.append(pending)
    return result


def _skip(sent: Span, lexicon: Lexicon) -> bool:
    text = sent.text.strip()
    if not text or _GREETING.match(text) and len(text.split()) <= 6 or _SIGNOFF.fullmatch(text):
        return True
    tokens = list(sent)
    if _FIELD.match(text):
        return True  # "From: Huw Rowlands, C7", "Signed: ...", "Tenancy ref: ...": who and which, no point
    if not text.endswith((".", "!", "?")) and len(text.split()) <= 15 \
            and _procedural(tokens, lexicon, verbs=True, nouns=False):
        return True  # a title naming the complaint itself: "Stage 2 complaint - ref HA-22871 - Mrs J Cartwright"
    addressee = _ADDRESSEE.match(text)
    if addressee and not text.endswith((".", "!", "?")) and len(text.split()) <= 12 and _names_nothing(
            tokens, lexicon, verbs=addressee.group(1).lower() == "the", nouns=False):
        return True  # "To the manager at Aldwyn Care", "To whoever deals with complaints at Harrowgate Homes"
    signoff = _SIGNOFF.match(text)
    if signoff and (len(text.split()) <= 4 or not any(
            t.pos_ in ("VERB", "AUX") for t in sent if t.idx - sent.start_char >= signoff.end())):
        return True  # "Thank you", "Regards Amira Haddad 07700 900418": the sign-off and who signs
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in sent)
    if has_verb:
        return False
    # a name, an address line, a reference, a heading; but "Rats in the loft again!" is a point
    exclaimed = text.endswith((".", "!")) and any(lexicon.concepts_at(tokens, i)[0] for i in range(len(tokens)))
    return not exclaimed and (len(text.split()) <= 6 or not text.endswith((".", "!", "?")))


def _units(sent: Span, lexicon: Lexicon) -> list[Unit]:
    heads = _clause_heads(sent, lexicon)
    owner: dict[int, Token] = {}
    for token in sent:
        current = token
        while current.i not in heads and current.head is not current and current.head.i in range(sent.start, sent.end):
            current = current.head
        owner[token.i] = current if current.i in heads else sent.root
    units = []
    heads_at: dict[int, Token] = {}
    opens_paragraph = sent.start == 0 or PARAGRAPH_BREAK in sent.doc[sent.start - 1].text_with_ws
    for head in sorted(heads.values(), key=lambda t: t.i):
        tokens = _main_run([t for t in sent if owner[t.i].i == head.i and not t.is_space])
        if not tokens:
            continue
        if _self_description(head) or _pardon(head):
            continue
        request = is_request(head, sent, lexicon)
        if (request or _through_the_process(head, lexicon)) and _procedural(tokens, lexicon):
            continue  # "Please escalate this to stage 2", "I write to make a formal complaint": the process, no point
        first = next((t for t in tokens if not t.is_punct), tokens[0])
        heads_at[tokens[0].idx] = head
        named = facets(tokens, lexicon)
        units.append(Unit(start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
                          facets=named, request=request or _parent_request(head, heads, sent, lexicon),
                          pronoun_start=first.lower_ in _PRONOUN_SUBJECTS and first.dep_ in ("nsubj", "nsubjpass"),
                          sentence=sent.start, consequence=_possibility(head),
                          topic_statement=_topic_statement(head), background=_background(head, tokens, lexicon),
                          spliced=_spliced(head) and bool(named)))
    units.sort(key=lambda u: u.start)
    for before, unit in zip(units, units[1:]):
        if before.request and not unit.request and _small_clause(heads_at[unit.start]):
            unit.request = True  # "I want the wall cleaned, CCTV put up": the next thing asked for
    if units and opens_paragraph:
        units[0].paragraph_start = True
    return units


def _through_the_process(head: Token, lexicon: Lexicon) -> bool:
    """The resident (or whoever writes for them, or a call handler's note with no subject) putting the complaint
    through the process: "We write to make a formal complaint", "Advised customer of the complaints process".
    "The stage 1 response was written by the manager I complained about" is a grievance about it instead."""
    if head.lemma_.lower() not in _PROCESS_VERBS or head.tag_ == "VBD":
        return False  # "I sent my stage 1 complaint in May and heard nothing": what happened, a grievance
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or any(c.dep_ == "nsubj" and (c.lower_ in ("i", "we") or c.lemma_.lower() in lexicon.on_behalf)
                               for c in subjects)


def _procedural(tokens: list[Token], lexicon: Lexicon, verbs: bool = False, nouns: bool = True) -> bool:
    """About the complaint's next stage and nothing else (escalation, stage 2, a formal complaint, the
    Ombudsman): "Please fix the roof before I escalate this" asks for the roof. `verbs` and `nouns` as
    for _names_nothing, of the words beside the process's own."""
    forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
    inside: set[int] = set()
    for term in lexicon.procedural:
        for i in range(len(forms) - len(term) + 1):
            if all(word in forms[i + k] for k, word in enumerate(term)):
                inside.update(range(i, i + len(term)))
    rest = [t for n, t in enumerate(tokens) if n not in inside]
    return bool(inside) and _names_nothing(rest, lexicon, verbs=verbs, nouns=nouns)


def _names_nothing(tokens: list[Token], lexicon: Lexicon, verbs: bool, nouns: bool = True) -> bool:
    """No grievance in these words: no thing of the home (a housing concept), no money, no negation ("no
    repair", "heard nothing"); with `nouns`, no noun but background words, names, numbers and who; with
    `verbs`, no verb either ("the caretaker shouting at my son")."""
    for n, token in enumerate(tokens):
        lower = token.lower_
        if lexicon.concepts_at(tokens, n)[0] or token.dep_ == "neg" or lower in _NEGATIVE or "£" in token.text:
            return False
        if verbs and token.pos_ in ("VERB", "AUX") and token.is_alpha:
            return False
        if nouns and token.pos_ == "NOUN" and token.is_alpha and token.lemma_.lower() not in lexicon.stop \
                and not lexicon.is_place(token.lemma_.lower()):
            return False
    return True


def _small_clause(head: Token) -> bool:
    """'CCTV put up', 'the admin fee explained': a thing and a bare participle, no auxiliary; said
    after a request, it is the next thing asked for."""
    return (head.tag_ in ("VBN", "VBD") and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in head.children))


def _topic_statement(head: Token) -> bool:
    """'I want to complain about X', 'I wish to make a complaint about X': the subject of the whole
    complaint, not a point; 'I want to complain that the door does not match' says what is wrong."""
    verb = head
    for _ in range(2):  # "I want to complain", "I am writing to make a complaint"
        if verb.lemma_.lower() in ("complain", "complaint"):
            break
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "dobj")), verb)
    return (verb.lemma_.lower() in ("complain", "complaint") and any(c.dep_ == "prep" and c.lower_ in ("about", "regarding") for c in verb.children)
            and not any(c.dep_ in ("ccomp", "advcl", "conj") for c in verb.subtree if c is not verb))


def _background(head: Token, tokens: list[Token], lexicon: Lexicon) -> bool:
    """A clause about the resident's household that names nothing the landlord deals with: its subject is
    "I"/"we" or "my/our ..." (husband, grandson, GP; not a room of the home), and it has no "you/your", no negation (a grievance:
    "I have not had a proper sleep", "nobody came") and no housing concept ("I pay my rent by standing
    order" is about the rent account). "My husband passed away last spring" is told, not raised."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    household = subject.lower_ in ("i", "we") or any(
        c.dep_ == "poss" and c.lower_ in ("my", "our") for c in subject.children)
    if not household or any(t.lower_ in ("you", "your", "yours") for t in tokens):
        return False
    if subject.lemma_.lower() in lexicon.places - lexicon.roles:  # "My kitchen is falling apart": the home, not the household
        return False
    if any(t.dep_ == "neg" or t.lower_ in _NEGATIVE for t in tokens):
        return False
    if head.lemma_ in _CONTACT or _hardship(head):
        return False
    return not any(lexicon.concepts_at(tokens, i)[0] for i in range(len(tokens)))


def _hardship(head: Token) -> bool:
    """'I have had to sleep in the living room', 'we had to keep the children indoors': what the resident
    was made to do, a harm of the complaint, not their circumstances."""
    return head.lemma_ == "have" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                         for c in head.children)


def _possibility(head: Token) -> bool:
    """A coordinated clause with can/could/may/might and no negation: what the clause before it allows
    ("the gate is broken and toddlers can get out"), not a second complaint ("and I cannot park")."""
    aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
    return (head.dep_ == "conj" and bool(aux & _POSSIBILITY)
            and not any(c.dep_ == "neg" for c in head.children))


def _pardon(head: Token) -> bool:
    """Asking pardon for the writing itself ("I hope you will forgive a long letter", "sorry for my
    mistakes", "excuse my English"): about the letter, no point of the complaint."""
    lemma = head.lemma_.lower()
    if any(t.dep_ == "neg" or t.lower_ in _NEGATIVE for t in head.subtree):
        return False  # "I will never forgive the way your staff treated my mother"
    about_writing = any(t.lemma_.lower() in _WRITING for t in head.subtree)
    if lemma in _PARDON or lemma == "sorry":
        return about_writing
    return lemma == "hope" and any(c.dep_ == "ccomp" and c.lemma_.lower() in _PARDON for c in head.children)


def _self_description(head: Token) -> bool:
    """'I am 79', 'I am a shared owner': who the resident is, background rather than a point."""
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return (head.lemma_ == "be" and subject is not None and subject.lower_ in ("i", "we")
            and any(c.dep_ in ("attr", "npadvmod") or c.like_num for c in head.children)
            and not any(c.dep_ in ("neg", "acomp") for c in head.children))


def _main_run(tokens: list[Token]) -> list[Token]:
    """The longest unbroken stretch of a clause's tokens, without the joining words at its edges."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    run = max(runs, key=lambda r: sum(not t.is_punct for t in r), default=[])
    while run and (run[0].is_punct or run[0].dep_ == "cc"):
        run = run[1:]
    while run and (run[-1].is_punct and run[-1].text not in ('"', "”") or run[-1].dep_ == "cc"):
        run = run[:-1]
    return run


def _clause_heads(sent: Span, lexicon: Lexicon) -> dict[int, Token]:
    """The root, coordinated verbs with a subject of their own or naming something of their own
    ("he was rude and refused to look at the leak"), and each further thing a request asks for."""
    heads = {sent.root.i: sent.root}
    for token in sent:
        if token.dep_ == "parataxis" and _small_clause(token):
            heads[token.i] = token  # "I would like the cost covered, the admin fee explained"
            continue
        if token.dep_ != "conj" or token.i == sent.root.i:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        if not own_subject and token.lemma_.lower() == token.head.lemma_.lower():
            continue  # "came once in August and never came back": the same action told again, one point
        if token.pos_ in ("VERB", "AUX") and (own_subject or _names_something(token, lexicon)
                                              or token.head.i in heads and is_request(token.head, sent, lexicon)):
            heads[token.i] = token
        elif token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and _inside_request_object(token, sent):
            heads[token.i] = token
    for token in sent:
        heads.update((s.i, s) for s in _misparsed_subjects(token))
        if _spliced(token):
            heads[token.i] = token
        if (token.i not in heads and token.dep_ in ("ccomp", "advcl") and token.lemma_.lower() in lexicon.request_verbs
                and is_request(token, sent, lexicon)):
            heads[token.i] = token  # "[I want the wall cleaned], CCTV put up": the parser hung the request below
    return heads


def _spliced(token: Token) -> bool:
    """A clause joined to the next by a comma alone ("The flat was filthy, there was no smoke alarm"):
    the parser hangs it below the next clause as its complement, but it has its own subject and says
    its own thing, unless the next clause only reports it ("The boiler is broken, he said")."""
    after = token.right_edge.i + 1
    return (token.dep_ == "ccomp" and token.i < token.head.i and after < len(token.doc)
            and token.doc[after].text in (",", ";")
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
            and token.head.lemma_.lower() not in _REPORTING)


def _misparsed_subjects(verb: Token) -> list[Token]:
    """Subjects the parser gave one verb though "and" parts them ("the payments paid and the flooring
    sorted" parsed as "[the payments paid and the flooring] sorted"): each but the last is a clause."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [s for s in subjects[:-1] if any(c.dep_ == "cc" for c in s.children)]


def _names_something(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a coordinated verb phrase with no subject of its own names things of its own, so raises a
    second point ("... and left a pile of rubble in my garden", "... and chewed through my son's bike
    tyres"): a thing of the home (a housing concept) or two nouns of its core. One plain noun goes on telling
    the same incident ("he laughed and told me to stop moaning", "anyone can push it open and walk in off
    the street")."""
    nested = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    own = [t for t in verb.subtree if t.i not in nested]
    verb_key = word_key(verb)
    named = [f for f in facets(own, lexicon) if verb_key not in f.keys]
    nouns = [f for f in named if f.weight >= CONCEPT_WEIGHT]  # a noun of the clause's core, not a verb or modifier
    return any(k.startswith("c:") for f in named for k in f.keys) or len(nouns) >= 2


def _inside_request_object(token: Token, sent: Span) -> bool:
    """A coordinated thing asked for: 'I want [the leak stopped], [the electrics made safe] and [...]'."""
    for ancestor in token.ancestors:
        if ancestor.i < sent.start or ancestor.i >= sent.end:
            return False
        if ancestor.lemma_.lower() in ("want", "like", "expect", "request", "demand", "ask", "need"):
            return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in ancestor.children)
    return False


def is_request(head: Token, sent: Span, lexicon: Lexicon) -> bool:
    """A clause asking for an outcome: 'I want', 'I would like', 'I expect', 'Please...', 'Could you...',
    and the other moods of asking: the pseudo-cleft ("What I want is...", "All I want is..."), a question
    opened by a modal ("Could the bin store be cleaned?"), a judgement of what should happen ("I think
    the fence should be replaced") and the polite conditional ("I would be grateful if you could...")."""
    lemma = head.lemma_.lower()
    if _asks(head, lexicon):
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in _META_VERBS for c in head.children):
            return False  # "I want to complain about...", "I would like to make a complaint"
        if _habitual(head):
            return False  # "many times I ask for an interpreter": what the resident has been doing
        if any(c.dep_ == "ccomp" and c.lemma_.lower() in _PARDON for c in head.children):
            return False  # "I hope you will forgive a long letter": about the writing, not an outcome
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BECAUSE for c in head.children):
            return False  # "..., as I would like them before the winter": the reason for a request, not another
        aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if lemma == "like":
            return bool(aux & {"would", "'d", "should"})
        if head.tag_ in ("VBD", "VBN") and not aux & {"would", "'d"}:
            return False
        return True
    if lemma == "be" and any(_asks(c, lexicon) for c in head.children if c.dep_ == "csubj") or any(
            c.dep_ == "nsubj" and any(r.dep_ == "relcl" and _asks(r, lexicon) for r in c.children) for c in head.children):
        return True  # "What I want is for you to enforce the tenancy", "All I want is a date"
    if lemma in _OPINION and _first_person(head) and any(
            c.dep_ == "ccomp" and _should(c) for c in head.children):
        return True  # "I think they should be moved"
    if any(c.dep_ == "advcl" and _polite_if(c) for c in head.children):
        return True  # "I would be grateful if you could tell me when..."
    if _modal_question(head, sent) or _imperative(head, sent, lexicon):
        return True
    words = tuple(t.lower_ for t in sent if not t.is_punct)
    return any(words[:len(frame)] == frame for frame in lexicon.request_frames) or "please" in words[:12] \
        and head.tag_ == "VB"


#: Asking the reader to excuse the letter itself ("I hope you will forgive a long letter").
_PARDON = {"forgive", "excuse", "pardon"}
#: What a resident apologises for when apologising for the writing ("sorry for the mistakes").
_WRITING = {"mistake", "spelling", "english", "grammar", "writing", "letter", "length", "email", "typo", "long"}
#: Conjunctions of reason: a request verb under one gives the reason for the request it hangs from.
_BECAUSE = {"as", "because", "since"}
#: Words that may come before an order: "Just fix it", "So sort it out", "Now pay me back".
_LEAD_WORDS = {"just", "so", "now", "then", "and", "but", "please", "simply", "also"}
#: Verbs giving the resident's view of what should happen ("I think they should be moved").
_OPINION = {"think", "feel", "believe"}


def _first_person(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children)


def _for_whom(verb: Token, lexicon: Lexicon) -> bool:
    """The person a complaint is made for, as its subject: "Mr Lloyd would like", "The customer wants",
    "My mum is asking for". Never someone placed apart from the resident ("the tenant next door", "Mr
    Jones upstairs"), another household's family ("their son"), or anyone wanting the resident to act
    ("wants me to move my car")."""
    if any(c.dep_ in ("dobj", "nsubj") and c.lower_ in ("me", "us") for x in verb.children
           if x.dep_ in ("xcomp", "ccomp") for c in x.children) or any(
            c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in verb.children):
        return False
    if any(c.dep_ in ("npadvmod", "advmod") and {t.lower_ for t in c.subtree} & _ELSEWHERE for c in verb.children):
        return False  # "The tenant next door wants...": the parser hangs "next door" on the verb
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = {t.lower_ for t in subject.subtree}
        if words & _ELSEWHERE or any(t.dep_ in ("prep", "advmod", "relcl") for t in subject.children):
            continue
        owner = {c.lower_ for c in subject.children if c.dep_ == "poss"}
        lemma = subject.lemma_.lower()
        if lemma in lexicon.on_behalf and (lemma not in _FAMILY or owner & {"my", "our"}):
            return True
        if subject.pos_ == "PROPN" and any(t.lower_.rstrip(".") in _TITLES for t in subject.subtree if t.i < subject.i):
            return True
    return False


def _asks(verb: Token, lexicon: Lexicon) -> bool:
    """A request verb with the resident (or the person the complaint is made for) as its subject, not
    negated ("I want", "we would like", "Mr Boateng is asking for")."""
    return (verb.lemma_.lower() in lexicon.request_verbs and (_first_person(verb) or _for_whom(verb, lexicon))
            and not any(c.dep_ == "neg" for c in verb.children))


def _imperative(head: Token, sent: Span, lexicon: Lexicon) -> bool:
    """An order opening the sentence, with no subject: "Sort it and pay me back.", "Refund me.", not a
    question and not one that only steers the reader ("See the photos attached")."""
    if head.dep_ != "ROOT" or head.tag_ != "VB" or any(t.text == "?" for t in sent):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "neg") for c in head.children):
        return False
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) >= 3 and sum(t.text[:1].isupper() for t in words if t.is_alpha) * 3 >= 2 * len(words):
        return False  # a title line ("Complaint To Dunmore Housing"), whose first word the tagger may read as a verb
    opening = next((t for t in words if t.lower_ not in _LEAD_WORDS), None)
    return opening is not None and opening.i == head.i and head.lemma_.lower() not in lexicon.not_imperatives


def _habitual(verb: Token) -> bool:
    """Asking reported as something done again and again ("many times I ask", "I ask every week")."""
    return any(c.lemma_.lower() == "time" and any(m.dep_ in ("amod", "nummod") for m in c.children)
               or c.lower_ in ("repeatedly", "always", "often", "constantly")
               for c in verb.children)


def _should(verb: Token) -> bool:
    """'should' or 'ought to' about what is still to happen: "should have come" judges the past instead."""
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a in ("should", "ought") for a in aux) and "have" not in aux


def _polite_if(clause: Token) -> bool:
    """'if you could / would / can ...', not negated: the polite form of a request."""
    children = list(clause.children)
    return (any(c.dep_ == "mark" and c.lower_ == "if" for c in children)
            and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children)
            and any(c.dep_ == "aux" and c.lower_ in ("could", "would", "can", "will") for c in children)
            and not any(c.dep_ == "neg" for c in children))


def _modal_question(head: Token, sent: Span) -> bool:
    """A question opened by the clause's own modal asking for something done ("Could the bin store be
    cleaned?", "Can someone come?"); a question about what is ("Could this be why...?") asks for no action."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    return (first is not None and head.lemma_.lower() != "be" and first.tag_ == "MD" and first.head.i == head.i and first.lower_ in
            ("can", "could", "would", "will") and any(t.text == "?" for t in sent))


def _parent_request(head: Token, heads: dict[int, Token], sent: Span, lexicon: Lexicon) -> bool:
    """A coordinated thing asked for inherits the request of the clause it hangs from."""
    for ancestor in head.ancestors:
        if ancestor.i in heads:
            return is_request(ancestor, sent, lexicon)
    return False


def _union(first: list[Facet], second: list[Facet]) -> list[Facet]:
    return merge(list(first) + list(second))
