//! The language layer shared by all rules: tokens, sentences and clauses ([`text`]), phrase
//! tables per language ([`en`], [`nl`]) compiled into one automaton ([`phrases`]), and the
//! questions rules ask: where are the writer's apology expressions ([`apology`]), which
//! components of a good apology does the draft have ([`components`]).
//!
//! Rules never match raw text their own way: they ask [`Analysis`].

pub mod apology;
pub mod components;
pub mod detect;
mod en;
mod int_table;
mod nl;
pub mod phrases;
pub mod text;
mod vocabulary;

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

pub use apology::{ApologyExpression, Voice};
pub use phrases::PhraseHit;
pub use text::{Segment, Text, Token, TokenKind};

use crate::lint::finding::TextRange;
use crate::lint::markup::{Prose, ProseRun};
use crate::lint::summary::{Component, Components};
use phrases::PhraseBook;
use text::{Dictionary, Lookup};

/// A language amends knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Dutch,
}

impl Language {
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
        }
    }

    /// The language a mixed document's other paragraphs are in.
    pub const fn other(self) -> Language {
        match self {
            Language::English => Language::Dutch,
            Language::Dutch => Language::English,
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "en" => Some(Language::English),
            "nl" => Some(Language::Dutch),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The phrase tables every language provides (a table may be empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    /// sorry, apologize, apology, regret …
    ApologyWord,
    /// What a passing apology is about ("for the late reply").
    PassingObject,
    /// A condition right after an apology ("if", "to anyone who").
    ConditionAfter,
    /// The reader's reaction as the object of regret ("you feel that way").
    ReaderFeeling,
    Cliche,
    Minimizing,
    Hedge,
    BlamesCustomer,
    /// "due to", "because of", "caused by" …
    CauseMarker,
    /// Couriers, suppliers, hosts …
    ThirdParty,
    /// "let us down", "lost", "went down" …
    FailureVerb,
    DeniesFault,
    Excuse,
    Defensive,
    /// A harm-less object of an apology ("for the issue").
    VagueObject,
    VagueRemedy,
    PressuresForgiveness,
    Responsibility,
    Remedy,
    Empathy,
    Explanation,
    /// "because", "since", "after": an explanation when a concrete subject follows.
    CauseConjunction,
    Prevention,
    Forgiveness,
    Greeting,
    SignOff,
    /// be + failure participle ("was delayed").
    PassiveFailure,
    /// A failure that "just happened" ("an error occurred").
    FailureEvent,
    /// A time that is no time: "shortly", "as soon as possible" (vague-remedy).
    VagueTime,
    /// A concrete time: "on Wednesday", "by 5 pm", "tomorrow" (vague-remedy stays silent).
    ConcreteTime,
    /// What limits, refuses or shifts cause after an apology's *but* ("we can not", "our
    /// policy", "you did not"): apology-but.
    Limitation,
    /// A repair verb and its object, a remedy after I/we + commitment (merged into `Remedy`).
    RemedyAct,
    /// A change that stops a repeat, prevention after I/we + commitment (merged into `Prevention`).
    PreventionAct,
    /// A participle of our own failure that ends a verb-final clause ("wij hebben de bedragen
    /// *verkeerd berekend*"): responsibility after I/we + an auxiliary earlier in the clause
    /// (merged into `Responsibility`).
    FaultAct,
    /// A refusal that ends a verb-final clause ("wij kunnen geopende artikelen *niet
    /// terugnemen*"): a limit after I/we + an auxiliary earlier in the clause (merged into
    /// `Limitation`).
    LimitAct,
    /// A whole apology expression naming a feeling ("het spijt ons"), for languages whose word
    /// order the grammar walk of [`apology`] does not fit. The hit runs from its first word to
    /// the word the apology's object follows. English leaves these three tables empty.
    ApologyFeeling,
    /// A whole apology expression in the act-form ("wij verontschuldigen ons").
    ApologyAct,
    /// A whole apology expression with the noun ("onze oprechte excuses").
    ApologyNoun,
    /// A conjunction that can turn an apology around ("but", "however", "maar"): apology-but.
    Turn,
    /// A conjunction that concedes before the main clause ("although", "hoewel"): apology-but.
    Concessive,
    /// A whole apology expression of regret ("wij betreuren", "ik vind het erg dat"): the
    /// writer's, in the form `prefer-apologize` leaves alone.
    ApologyRegret,
    /// An institution's apology in the third person ("De gemeente betreurt", "biedt haar
    /// excuses aan"): the writer's in a body sentence of a text that reports no one else.
    InstitutionApology,
    /// What a reporter writes ("said", "according to", "aldus"): a text that reports others'
    /// words.
    ReportingCue,
    /// A repair's participle that ends a passive clause ("is … teruggestort"): a remedy after a
    /// passive auxiliary earlier in the clause (merged into `Remedy`).
    RepairParticiple,
    /// A repair that says "not" on purpose ("you will not be charged", "no call-out charge"):
    /// merged into the remedy component without the negation check.
    RemedyWaiver,
    /// A cause too vague to explain ("a system issue", "technical difficulties"): the
    /// explanation component needs a concrete one.
    VagueCause,
    /// What follows "sorry" in sympathy rather than apology ("to hear about your father", "for
    /// your loss").
    Sympathy,
    /// What makes an apology's whole sentence about the message itself ("my English", "in het
    /// Nederlands"), wherever it stands.
    PassingTopic,
    /// A word that speaks to the reader ("you", "your", "u", "je"): the gate's sign of a text
    /// written to someone.
    Addressee,
    /// A word of failure or harm ("outage", "mistake", "storing"): the gate's sign of a text
    /// about a failure rather than an aside in a text about something else.
    HarmWord,
}

/// More than there are kinds, so adding one never needs a change here (checked by a test).
const KIND_COUNT: usize = 64;

/// Small closed word classes, per language.
#[derive(Debug)]
pub struct WordLists {
    pub first_person_subjects: &'static [&'static str],
    pub first_person_any: &'static [&'static str],
    /// Forms of *be* (and *feel*) between a subject and "sorry".
    pub be_forms: &'static [&'static str],
    pub intensifiers: &'static [&'static str],
    /// The intensifiers that claim sincerity, for stacked-intensifier checks.
    pub sincerity_intensifiers: &'static [&'static str],
    /// Words skipped when walking from an apology word back to its subject.
    pub skippable: &'static [&'static str],
    /// Auxiliaries and catenatives between a subject and "apologize" ("I would like to").
    pub modals: &'static [&'static str],
    /// What may stand between an apology word and its object: a comma, "again", "sincerely" ….
    pub after_apology: &'static [&'static str],
    /// Adjectives inside "our sincere apologies".
    pub apology_adjectives: &'static [&'static str],
    pub reporting_verbs: &'static [&'static str],
    pub third_person_subjects: &'static [&'static str],
    /// Words that may open a sentence before a bare "Sorry".
    pub sentence_openers: &'static [&'static str],
    /// Words that start a concrete subject after "because".
    pub subject_words: &'static [&'static str],
    /// Irregular past-tense verbs (regular ones end in -ed).
    pub irregular_past: &'static [&'static str],
    /// Present-tense auxiliaries and modals: finite, but no past act ("we can talk" owns nothing).
    pub present_auxiliaries: &'static [&'static str],
    /// Words between I/we and a committed act: "we *will*", "I *have already*", "we *are going to*".
    pub commitment_auxiliaries: &'static [&'static str],
    /// Apology nouns that open an apology on their own at the start of a sentence ("Apologies
    /// for …", "Excuses voor …").
    pub bare_apology_nouns: &'static [&'static str],
    /// How a verb's "-ing" form ends, for "sorry for *snapping* at you" (the writer's own act);
    /// empty where the language has none that follows "for".
    pub regular_progressive_suffixes: &'static [&'static str],
    /// How a regular past tense ends ("shipp*ed*", "stuur*de*", "verstuur*den*").
    pub regular_past_suffixes: &'static [&'static str],
    /// How an adverb ends where the language marks it ("earnest*ly*"); a walk from an apology
    /// word back to its subject steps over adverbs.
    pub adverb_suffixes: &'static [&'static str],
    /// Words that join two verbs of one subject ("We appreciate your patience *and* apologize").
    pub conjunctions: &'static [&'static str],
    /// "if", "unless": a statement after one in its clause is not made.
    pub conditionals: &'static [&'static str],
    /// Words after which a conditional is no condition ("als *gevolg* van", "als
    /// *compensatie*", "als *een* les").
    pub conditional_exceptions: &'static [&'static str],
    /// Cause prepositions that explain only at the front of their clause ("*Door* de
    /// stroomstoring lag het platform eruit"), not as the agent of a passive ("wordt door ons
    /// vergoed").
    pub fronted_causes: &'static [&'static str],
    /// What opens an apology's object when the object is the writer's own act, before a verb
    /// form with one of [`WordLists::regular_progressive_suffixes`]: "sorry *for* snapping at
    /// you", "excuses *voor het* plaatsen van dit artikel".
    pub act_openers: &'static [&'static str],
    /// "not", "never": a repair refused, a fault denied.
    pub negations: &'static [&'static str],
    /// The auxiliaries of a passive whose participle ends the clause ("is … teruggestort"); empty
    /// where the passive keeps them together (English, whose tables spell it out).
    pub passive_auxiliaries: &'static [&'static str],
    /// Words that turn a commitment into a hope ("we will *try* to", "we *may* be able to").
    pub hedges: &'static [&'static str],
    /// Words that make an act the fault rather than its repair ("we sent you the *wrong* size").
    pub fault_marks: &'static [&'static str],
    /// What is sent or offered when nothing is repaired: news ("two *emails*", "a *reminder*",
    /// "three *times*"), an apology ("offer a sincere *apology*"), a reason to be disappointed.
    pub non_repair_objects: &'static [&'static str],
    /// The last word of a cause that a noun follows ("because *of*", "due *to*", "door"), where
    /// no verb is needed for the cause to be concrete.
    pub cause_prepositions: &'static [&'static str],
    /// Words that pin a vague cause down ("an issue *in* our billing code").
    pub specifiers: &'static [&'static str],
    /// Articles that open a noun phrase ("the council will refund").
    pub determiners: &'static [&'static str],
    /// Third-person pronouns and the like: a subject that is a person or a thing, never the
    /// institution that writes.
    pub third_person_pronouns: &'static [&'static str],
    /// Verbs of saying, for "we say: “Sorry!”" (the writer quoting their own apology).
    pub saying_verbs: &'static [&'static str],
    /// How many words a verb-final clause may put between I/we + its auxiliary and the
    /// participle that ends it ("wij hebben de bedragen gisteren verkeerd berekend"); 0 for a
    /// language that keeps them together (English).
    pub verb_final_reach: usize,
}

/// One language's word lists and compiled phrase tables.
pub struct Lexicon {
    pub language: Language,
    pub words: &'static WordLists,
    /// The phrase automaton, which also reads the language's words for the tokenizer.
    book: PhraseBook,
    /// The language-detection vote of each word number of `book` ([`detect::votes_by_word`]).
    votes_by_word: Box<[u8]>,
}

static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::compile(
        Language::English,
        &en::WORDS,
        en::TABLES,
        en::CLASSES,
        en::EXPANSIONS,
    )
});

static DUTCH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::compile(
        Language::Dutch,
        &nl::WORDS,
        nl::TABLES,
        nl::CLASSES,
        nl::EXPANSIONS,
    )
});

impl Lexicon {
    fn compile(
        language: Language,
        words: &'static WordLists,
        tables: &[(PhraseKind, &[&str])],
        classes: &[phrases::WordClass],
        expansions: &[phrases::Expansion],
    ) -> Lexicon {
        let voting = detect::voting_words();
        let book = PhraseBook::compile(
            tables,
            classes,
            expansions,
            voting.iter().map(|(word, _)| *word),
        );
        let votes_by_word = detect::votes_by_word(&voting, book.word_count(), |word| {
            match book.look_up(word.as_bytes()) {
                Lookup::Word(id) if id != vocabulary::UNKNOWN => Some(id),
                _ => None,
            }
        });
        Lexicon {
            language,
            words,
            book,
            votes_by_word,
        }
    }

    pub fn of(language: Language) -> &'static Lexicon {
        match language {
            Language::English => &ENGLISH,
            Language::Dutch => &DUTCH,
        }
    }
}

/// Does our side and a commitment stand right before token `act` in its clause ("we *will*
/// ship", "I have already refunded", "our engineer will call", "Acme has credited", "… and
/// will refund")? Returns the subject's token. This keeps the phrase tables small: the subject
/// and auxiliaries are checked here instead of being multiplied into every pattern.
fn first_person_commitment(text: &Text, words: &WordLists, act: usize) -> Option<usize> {
    let clause_start = text.clauses[text.clause_of(act)].start as usize;
    if act == clause_start && introduced_by_first_person_list(text, words, act) {
        return Some(act);
    }
    let mut index = act;
    let mut auxiliaries = 0;
    let mut joined = false;
    for _ in 0..7 {
        if index <= clause_start {
            return None;
        }
        index -= 1;
        let word = text.word(index);
        if words.first_person_subjects.contains(&word) {
            return Some(index);
        }
        if !words.commitment_auxiliaries.contains(&word) {
            if auxiliaries == 0 {
                return None;
            }
            if joined {
                // "We apologize for the missed delivery and will bring it round": the subject of
                // the first verb, left out after *and*.
                return elided_first_person(text, words, index);
            }
            return our_side_noun(text, words, index, clause_start);
        }
        joined |= words.conjunctions.contains(&word);
        auxiliaries += 1;
    }
    None
}

/// I/we earlier in the sentence of `index`, for a verb whose subject *and* left out.
fn elided_first_person(text: &Text, words: &WordLists, index: usize) -> Option<usize> {
    let sentence = text.sentences[text.sentence_of(index)];
    (sentence.start as usize..index)
        .rev()
        .take(16)
        .find(|&i| words.first_person_subjects.contains(&text.word(i)))
}

/// A noun phrase of our side ending at `head`, the subject of a commitment: "our engineer",
/// "the council", "Acme Interiors". Someone else's repair of the reader's harm is still a repair
/// ("the courier will redeliver on Friday"); a pronoun is not a noun phrase here ("it will").
fn our_side_noun(
    text: &Text,
    words: &WordLists,
    head: usize,
    clause_start: usize,
) -> Option<usize> {
    if !text.is_word(head) || words.third_person_pronouns.contains(&text.word(head)) {
        return None;
    }
    let before = |i: usize| (i > clause_start).then(|| text.word(i - 1));
    let possessed = |i: usize| {
        before(i).is_some_and(|word| {
            words.first_person_any.contains(&word) || words.determiners.contains(&word)
        })
    };
    // The noun phrase is the subject only right before its finite verb: "the process of fixing
    // it" has none.
    let finite = |i: usize| {
        words.present_auxiliaries.contains(&text.word(i))
            || words.irregular_past.contains(&text.word(i))
    };
    if !finite(head + 1) {
        return None;
    }
    if possessed(head) {
        return Some(head - 1);
    }
    if head > clause_start + 1 && possessed(head - 1) && text.is_word(head - 1) {
        return Some(head - 2);
    }
    // A name: capitalized words that open the clause ("Larkspur Interiors will cover").
    let name_start = (clause_start..=head)
        .rev()
        .take_while(|&i| text.tokens[i].capitalized() && text.is_word(i))
        .last()?;
    (name_start == clause_start && head - name_start < 3).then_some(name_start)
}

/// A verb-final clause that brackets its object between I/we + an auxiliary and the act at the
/// end ("wij hebben het toestel vandaag *opgehaald*", "helaas hebben wij de brieven niet
/// *gecontroleerd*"), or a subordinate clause that puts the auxiliary last ("dat wij de
/// verkeerde maat *hebben gestuurd*"): the subject, when it stands within
/// [`WordLists::verb_final_reach`] words before the act, in the same clause.
fn verb_final_subject(text: &Text, words: &WordLists, act: Range<usize>) -> Option<usize> {
    if words.verb_final_reach == 0 {
        return None;
    }
    let clause = text.clauses[text.clause_of(act.start)];
    let from = (clause.start as usize).max(act.start.saturating_sub(words.verb_final_reach));
    let is_auxiliary = |i: usize| {
        let word = text.word(i);
        words.present_auxiliaries.contains(&word) || words.irregular_past.contains(&word)
    };
    let is_subject = |i: usize| words.first_person_subjects.contains(&text.word(i));
    let auxiliary_last =
        act.clone().any(is_auxiliary) || (act.end < clause.end as usize && is_auxiliary(act.end));
    (from..act.start).find(|&i| {
        let beside = is_auxiliary(i + 1) || (i > clause.start as usize && is_auxiliary(i - 1));
        is_subject(i) && (beside || auxiliary_last)
    })
}

/// A passive whose participle ends the clause, its auxiliary within
/// [`WordLists::verb_final_reach`] words before it: "het bedrag *is* gisteren teruggestort".
/// Returns the auxiliary's token.
fn verb_final_passive(text: &Text, words: &WordLists, participle: usize) -> Option<usize> {
    if words.passive_auxiliaries.is_empty() {
        return None;
    }
    let clause = text.clauses[text.clause_of(participle)];
    let from = (clause.start as usize).max(participle.saturating_sub(words.verb_final_reach));
    (from..participle)
        .rev()
        .find(|&i| words.passive_auxiliaries.contains(&text.word(i)))
}

/// An act that opens a list item under "Here is what I have done:" is the writer's: walk back
/// over the items before it (blocks that end without a full stop) to an introduction that ends
/// with a colon and has I/we in it.
fn introduced_by_first_person_list(text: &Text, words: &WordLists, act: usize) -> bool {
    let mut paragraph = text.paragraph_of(act);
    if text.paragraph(paragraph).start != act {
        return false;
    }
    for _ in 0..12 {
        let Some(previous) = paragraph.checked_sub(1) else {
            return false;
        };
        let tokens = text.paragraph(previous);
        match tokens.end.checked_sub(1).map(|last| text.word(last)) {
            Some(":") => {
                return tokens
                    .into_iter()
                    .any(|i| words.first_person_subjects.contains(&text.word(i)));
            }
            Some("." | "!" | "?") | None => return false,
            Some(_) => paragraph = previous,
        }
    }
    false
}

/// A list of hits this short is searched whole, and cheaply.
const UNINDEXED_HITS: usize = 8;

/// Where in a list of hits (sorted by start) the hits of each block of tokens begin: rules ask
/// for the hits of a clause or a few words thousands of times, and a binary search of a long list
/// waits on one memory load after another. A block holds `1 << bits` tokens, sized so that there
/// are about as many blocks as hits, each a hit or two.
#[derive(Debug, Default)]
struct HitBlocks {
    bits: u32,
    /// Empty for a short list.
    starts: Vec<u32>,
}

impl HitBlocks {
    fn new(list: &[PhraseHit], token_count: usize) -> HitBlocks {
        if list.len() <= UNINDEXED_HITS {
            return HitBlocks::default();
        }
        let tokens_per_hit = (token_count / list.len()).max(1);
        let bits = tokens_per_hit.ilog2();
        let block_count = (token_count >> bits) + 1;
        // Count the hits of each block into the next block's slot, then sum: each block's slot
        // ends up holding the hits before it, the index of its first. Two loops without a
        // data-dependent branch (stepping through the list block by block guesses wrong at
        // nearly every block).
        let mut starts = vec![0u32; block_count];
        for hit in list {
            if let Some(next) = starts.get_mut((hit.start as usize >> bits) + 1) {
                *next += 1;
            }
        }
        let mut before = 0;
        for start in &mut starts {
            before += *start;
            *start = before;
        }
        HitBlocks { bits, starts }
    }

    /// The part of `list` that holds every hit starting at token `token`.
    fn around(&self, list_len: usize, token: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            return (0, list_len);
        }
        let block = token >> self.bits;
        let at = |block: usize| self.starts.get(block).map_or(list_len, |at| *at as usize);
        (at(block), at(block + 1))
    }
}

/// Reads a document's prose: in `fixed` when given, else in its main language
/// ([`detect::document_language`]) with every paragraph whose own words vote clearly for the
/// other language ([`detect::in_other_language`]) read in that one instead. One part per
/// language: the main language's first, the other's after it when a paragraph is in it.
pub fn read_document<'a>(
    source: &'a str,
    prose: &Prose,
    fixed: Option<Language>,
) -> Vec<Analysis<'a>> {
    if let Some(language) = fixed {
        return vec![Analysis::new(source, prose, language)];
    }
    let main = detect::document_language(source, &prose.runs);
    let lexicon = Lexicon::of(main);
    let (text, left_out) = Text::new_keeping(source, &prose.runs, &lexicon.book, |tokens, ids| {
        !detect::in_other_language(&lexicon.votes_by_word, tokens, ids, main)
    });
    let mut parts = vec![Analysis::of_text(source, main, text)];
    if !left_out.is_empty() {
        let other = main.other();
        let runs: Vec<ProseRun> = left_out
            .into_iter()
            .flat_map(|paragraph| prose.runs[paragraph].iter().copied())
            .collect();
        let text = Text::new(source, &runs, &Lexicon::of(other).book);
        parts.push(Analysis::of_text(source, other, text));
    }
    parts
}

/// Everything the rules may ask about a document's prose.
pub struct Analysis<'a> {
    pub source: &'a str,
    pub language: Language,
    pub lexicon: &'static Lexicon,
    pub text: Text,
    hits: Vec<Vec<PhraseHit>>,
    /// Each kind's block index, so that [`Analysis::hits_in`] searches a few hits, not
    /// thousands.
    hit_blocks: Vec<HitBlocks>,
    pub apologies: Vec<ApologyExpression>,
    components: components::Found,
}

impl<'a> Analysis<'a> {
    /// `prose` read in `language`, every paragraph of it.
    pub fn new(source: &'a str, prose: &Prose, language: Language) -> Analysis<'a> {
        let text = Text::new(source, &prose.runs, &Lexicon::of(language).book);
        Analysis::of_text(source, language, text)
    }

    fn of_text(source: &'a str, language: Language, text: Text) -> Analysis<'a> {
        let lexicon = Lexicon::of(language);
        // Every hit in one list first, then each kind's list at its exact size: pushed straight
        // into their kinds' lists, a long draft's hits were copied over and over as the lists
        // grew.
        let found = lexicon.book.scan(&text);
        let mut counts = [0; KIND_COUNT];
        for hit in &found {
            counts[hit.kind as usize] += 1;
        }
        let mut hits: Vec<Vec<PhraseHit>> = counts
            .iter()
            .map(|&count| Vec::with_capacity(count))
            .collect();
        for hit in found {
            hits[hit.kind as usize].push(hit);
        }
        let passives: Vec<PhraseHit> = hits[PhraseKind::RepairParticiple as usize]
            .iter()
            .filter_map(|hit| {
                let auxiliary = verb_final_passive(&text, lexicon.words, hit.start as usize)?;
                Some(PhraseHit {
                    kind: PhraseKind::Remedy,
                    start: auxiliary as u32,
                    ..*hit
                })
            })
            .collect();
        hits[PhraseKind::Remedy as usize].extend(passives);
        for (act, component) in [
            (PhraseKind::RemedyAct, PhraseKind::Remedy),
            (PhraseKind::PreventionAct, PhraseKind::Prevention),
            (PhraseKind::FaultAct, PhraseKind::Responsibility),
            (PhraseKind::LimitAct, PhraseKind::Limitation),
        ] {
            let committed: Vec<PhraseHit> = hits[act as usize]
                .iter()
                .filter_map(|hit| {
                    let subject = first_person_commitment(&text, lexicon.words, hit.start as usize)
                        .or_else(|| verb_final_subject(&text, lexicon.words, hit.tokens()))?;
                    Some(PhraseHit {
                        kind: component,
                        start: subject as u32,
                        ..*hit
                    })
                })
                .collect();
            hits[component as usize].extend(committed);
        }
        // The scan finds each kind's hits in order; only the lists extended above need sorting.
        for list in &mut hits {
            if !list.is_sorted_by_key(|hit| (hit.start, hit.end)) {
                list.sort_by_key(|hit| (hit.start, hit.end));
            }
        }
        let hit_blocks = hits
            .iter()
            .map(|list| HitBlocks::new(list, text.tokens.len()))
            .collect();
        let mut analysis = Analysis {
            source,
            language,
            lexicon,
            text,
            hits,
            hit_blocks,
            apologies: Vec::new(),
            components: components::Found::default(),
        };
        analysis.apologies = apology::find(&analysis);
        analysis.components = components::find(&analysis);
        analysis
    }

    pub fn words(&self) -> &'static WordLists {
        self.lexicon.words
    }

    /// Every hit of a phrase table, in document order.
    pub fn hits(&self, kind: PhraseKind) -> &[PhraseHit] {
        &self.hits[kind as usize]
    }

    /// The hits of `kind` that start within `tokens`.
    pub fn hits_in(&self, kind: PhraseKind, tokens: Range<usize>) -> &[PhraseHit] {
        let list = self.hits(kind);
        let (low, high) = self.hit_blocks[kind as usize].around(list.len(), tokens.start);
        let from = low + list[low..high].partition_point(|hit| (hit.start as usize) < tokens.start);
        // Rules mostly ask about a clause or a few words, with a hit or two in it: step over
        // those rather than search the whole list a second time.
        let rest = &list[from..];
        let near = rest.len().min(8);
        let count = match rest[..near]
            .iter()
            .position(|hit| hit.start as usize >= tokens.end)
        {
            Some(count) => count,
            None => near + rest[near..].partition_point(|hit| (hit.start as usize) < tokens.end),
        };
        &list[from..from + count]
    }

    /// The hits of `kind` that share a token with `tokens`. Hits are sorted by start and no
    /// phrase is longer than the longest literal, so only a bounded window is looked at.
    pub fn hits_overlapping(
        &self,
        kind: PhraseKind,
        tokens: Range<usize>,
    ) -> impl Iterator<Item = &PhraseHit> {
        let from = tokens
            .start
            .saturating_sub(self.lexicon.book.longest_literal());
        self.hits_in(kind, from..tokens.end)
            .iter()
            .filter(move |hit| hit.end as usize > tokens.start)
    }

    /// The normalized word at token `index` ("" past the end).
    pub fn word(&self, index: usize) -> &str {
        if index < self.text.tokens.len() {
            self.text.word(index)
        } else {
            ""
        }
    }

    pub fn is(&self, index: usize, list: &[&str]) -> bool {
        if index >= self.text.tokens.len() {
            return false;
        }
        // Rules ask this for nearly every token they walk over: compare the length and the first
        // byte before the whole word, so most entries are passed over without a call to compare.
        let word = self.text.word(index).as_bytes();
        list.iter().any(|entry| {
            let entry = entry.as_bytes();
            entry.len() == word.len() && entry.first() == word.first() && entry == word
        })
    }

    /// The source range of tokens `range`.
    pub fn span(&self, range: Range<usize>) -> TextRange {
        self.text.span(range)
    }

    pub fn sentence(&self, index: usize) -> Segment {
        self.text.sentences[index]
    }

    pub fn sentence_of(&self, token: usize) -> Segment {
        self.text.sentences[self.text.sentence_of(token)]
    }

    pub fn clause_of(&self, token: usize) -> Segment {
        self.text.clauses[self.text.clause_of(token)]
    }

    /// The writer's own, real apology expressions (not reported, not passing).
    pub fn writer_apologies(&self) -> impl Iterator<Item = &ApologyExpression> {
        self.apologies
            .iter()
            .filter(|apology| apology.voice == Voice::Writer)
    }

    /// Whether any writer apology lies in the sentence holding `token`.
    pub fn apology_in_sentence_of(&self, token: usize) -> Option<&ApologyExpression> {
        let sentence = self.text.sentence_of(token);
        // Apologies are in document order, so their sentences are sorted: no linear scan.
        let from = self
            .apologies
            .partition_point(|apology| apology.sentence < sentence);
        self.apologies[from..]
            .iter()
            .take_while(|apology| apology.sentence == sentence)
            .find(|apology| apology.voice == Voice::Writer)
    }

    /// Where the object of an apology can start: right after the apology word, past a comma and
    /// the adverbs that may follow it ("sorry again for …", "I apologize sincerely for …").
    pub fn object_start(&self, apology: &ApologyExpression) -> usize {
        let mut next = apology.word as usize + 1;
        while self.is(next, self.words().after_apology) {
            next += 1;
        }
        next
    }

    /// Does `tokens` hold a first-person word (I, we, our, my, us …)?
    pub fn has_first_person(&self, tokens: Range<usize>) -> bool {
        tokens
            .into_iter()
            .any(|i| self.is(i, self.words().first_person_any))
    }

    /// Does `tokens` hold an admission, or I/we followed by a finite past verb ("we shipped late",
    /// "I've kept you waiting")?
    pub fn owns_act(&self, tokens: Range<usize>) -> bool {
        if !self
            .hits_in(PhraseKind::Responsibility, tokens.clone())
            .is_empty()
        {
            return true;
        }
        let words = self.words();
        tokens.clone().any(|i| {
            self.is(i, words.first_person_subjects) && {
                let mut next = i + 1;
                while self.is(next, &["have", "had", "just", "then", "also", "really"]) {
                    next += 1;
                }
                // "we double-booked": the past form follows the hyphen.
                if self.word(next + 1) == "-" && !self.text.tokens[next + 1].spaced_before() {
                    next += 2;
                }
                next < tokens.end && self.is_past_verb(next)
                    // A verb-final clause: "dat wij u twee weken *hebben* laten wachten".
                    || (i + 1..tokens.end.min(i + 1 + words.verb_final_reach))
                        .any(|j| self.is_past_verb(j))
            }
        })
    }

    /// A finite past-tense verb: a regular form (English -ed, Dutch -te/-de) or an irregular one.
    pub fn is_past_verb(&self, index: usize) -> bool {
        let word = self.word(index);
        let words = self.words();
        (word.len() > 4
            && words
                .regular_past_suffixes
                .iter()
                .any(|suffix| word.ends_with(suffix))
            && self.text.is_word(index))
            || words.irregular_past.contains(&word)
    }

    /// Which components of a good apology the draft has.
    pub fn components(&self) -> Components {
        self.components.present()
    }

    /// Count the components another part of the same document has (a mixed-language draft is
    /// read as one part per language, but it is one apology).
    pub fn add_components_of(&mut self, other: &Analysis<'_>) {
        self.components.add(&other.components);
    }

    /// Where a component was found first.
    pub fn component_range(&self, component: Component) -> Option<TextRange> {
        self.components.range(component)
    }

    /// The first apology sentence (where structure findings and the summary attach), or the
    /// first sentence of prose when there is none.
    pub fn anchor(&self) -> TextRange {
        self.writer_apologies()
            .next()
            .map(|apology| self.sentence(apology.sentence).span)
            .or_else(|| self.text.sentences.first().map(|sentence| sentence.span))
            .unwrap_or_default()
    }

    /// The token range of the paragraph holding the first writer apology (or the first one).
    pub fn first_apology_paragraph(&self) -> Range<usize> {
        let token = self
            .writer_apologies()
            .next()
            .map_or(0, |a| a.word as usize);
        self.text.paragraph(self.text.paragraph_of(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_compiles_and_kinds_fit() {
        assert!((PhraseKind::HarmWord as usize) < KIND_COUNT);
        assert!((PhraseKind::LimitAct as usize) < KIND_COUNT);
        for language in [Language::English, Language::Dutch] {
            let _ = Lexicon::of(language);
        }
    }

    /// Kinds with many hits and kinds with a few are searched through their block index; every
    /// range gets exactly the hits a plain filter finds, in a dense draft and a sparse one.
    #[test]
    fn hits_in_finds_the_hits_a_filter_finds() {
        use crate::lint::markup::{DocumentKind, extract_prose};
        let apology = "We are sorry for any inconvenience; we will look into it. ";
        let dense = apology.repeat(300);
        let sparse: String = (0..400)
            .map(|i| {
                if i % 25 == 0 {
                    apology
                } else {
                    "The parcel left the depot on time. "
                }
            })
            .collect();
        for source in [dense, sparse] {
            let prose = extract_prose(&source, DocumentKind::PlainText);
            let analysis = Analysis::new(&source, &prose, Language::English);
            let tokens = analysis.text.tokens.len();
            let kinds = [
                PhraseKind::ApologyWord,
                PhraseKind::Cliche,
                PhraseKind::VagueRemedy,
            ];
            for kind in kinds {
                assert!(!analysis.hit_blocks[kind as usize].starts.is_empty());
                let list = analysis.hits(kind);
                for start in (0..tokens + 70).step_by(7) {
                    for len in [0, 1, 5, 64, 130, tokens] {
                        let range = start..start + len;
                        let expected: Vec<&PhraseHit> = list
                            .iter()
                            .filter(|hit| range.contains(&(hit.start as usize)))
                            .collect();
                        let found: Vec<&PhraseHit> =
                            analysis.hits_in(kind, range.clone()).iter().collect();
                        assert_eq!(found, expected, "{kind:?} {range:?}");
                    }
                }
            }
        }
    }

    /// Optional words multiply states: a table that grows the automaton costs start-up time and
    /// memory in every editor. The Dutch automaton stays no larger than the English one's double.
    #[test]
    fn the_dutch_automaton_stays_small() {
        let dutch = Lexicon::of(Language::Dutch).book.memory_usage();
        let english = Lexicon::of(Language::English).book.memory_usage();
        assert!(
            dutch <= 2 * english,
            "Dutch automaton {dutch} bytes, English {english}"
        );
    }
}
