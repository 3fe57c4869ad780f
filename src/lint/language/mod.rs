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
mod word;

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

pub use apology::{ApologyExpression, Voice};
pub use phrases::PhraseHit;
pub use text::{Segment, Text, TokenKind};

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
    /// A promise to repair with no act or no time ("we will look into it"): vague-remedy.
    VagueRemedy,
    /// A promise to prevent a repeat with no change named ("we will do better", "this won't
    /// happen again"): vague-remedy.
    VaguePrevention,
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
    /// A harm doubted by naming only those who felt it ("anyone who was offended"), anywhere
    /// in an apology's sentence: conditional-apology.
    DoubtedHarm,
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
    /// A word of failure or harm ("outage", "mistake", "storing"): the gate's sign of a text
    /// about a failure rather than an aside in a text about something else.
    HarmWord,
}

/// Room for every kind, with some to spare: hits are counted per kind in an array this long. A
/// test checks that the last kind and every kind a table is written for fit.
const KIND_COUNT: usize = 64;

/// How many words may name whom an apology is to before its object ("to *all of our loyal
/// customers* for …").
const RECIPIENT_REACH: usize = 6;

/// Small closed word classes, per language.
#[derive(Debug)]
pub struct WordLists {
    pub first_person_subjects: &'static [&'static str],
    pub first_person_any: &'static [&'static str],
    /// "our", "my": what we own or did ("if *our* update caused this", "an error in *our* code").
    pub first_person_possessives: &'static [&'static str],
    /// The reader as a subject ("*you* chose to", "no big deal if *you* …").
    pub reader_subjects: &'static [&'static str],
    /// The writer alone ("*I* may be wrong", "het spijt *me*").
    pub first_person_singular: &'static [&'static str],
    /// The writer's side as a group ("*we* are sorry", "het spijt *ons*").
    pub first_person_plural: &'static [&'static str],
    /// The writer as an object ("no trouble for *us*", "let *me* apologize").
    pub first_person_objects: &'static [&'static str],
    /// Pronouns that take a plural verb ("*they* were").
    pub plural_pronouns: &'static [&'static str],
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
    /// The apology adjectives that claim sincerity ("our *sincere*, *heartfelt* apologies"; "full",
    /// "formal" do not), for stacked-claim checks.
    pub sincerity_adjectives: &'static [&'static str],
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
    /// The apology nouns among the apology words ("apology", "apologies", "excuses"): the noun
    /// form, with its own subject walk.
    pub apology_nouns: &'static [&'static str],
    /// The forms of the verb among the apology words ("apologize", "apologized"): the act-form.
    pub apology_verbs: &'static [&'static str],
    /// The forms of *regret* among the apology words ("we regret the delay").
    pub regret_verbs: &'static [&'static str],
    /// Words between a subject and *regret* ("we very *much* regret", "we *do* regret").
    pub regret_fillers: &'static [&'static str],
    /// How a verb's present third person singular ends ("Acme apologize*s*", "the council
    /// regret*s*"): a noun subject before it speaks of itself.
    pub third_person_suffixes: &'static [&'static str],
    /// Words that may stand between a subject and the apology verb besides intensifiers and modals
    /// ("we *sincerely* apologize", "I *do* apologize", "we *hereby* apologize").
    pub apology_verb_adverbs: &'static [&'static str],
    /// Verbs that take the apology verb as their infinitive ("we would *like* to apologize", "I'd
    /// *love* to").
    pub catenative_verbs: &'static [&'static str],
    /// Words of "let me apologize" before the writer as object ("*please let* us apologize").
    pub permission_words: &'static [&'static str],
    /// The word of "I can't apologize *enough*", after which the negation belongs to the idiom, not
    /// to the apology.
    pub enough_words: &'static [&'static str],
    /// Words after "sorry" that make it a noun, the subject of a statement ("sorry *is* not
    /// enough", "sorry *does* not cut it").
    pub sorry_as_subject: &'static [&'static str],
    /// What opens an exclamation whose subject follows the apology word ("*how* sorry I am",
    /// "*hoe*").
    pub exclamatives: &'static [&'static str],
    /// Present forms of *be* after a third-person subject ("Acme *is* sorry"): an institution
    /// speaking of itself.
    pub third_person_be: &'static [&'static str],
    /// Words of a request before "our apologies" that belong to the apology ("*please accept* our
    /// apologies").
    pub accepting_words: &'static [&'static str],
    /// Verbs that give an apology as a noun ("I *owe* you an apology", "we *offer* an apology").
    pub owing_verbs: &'static [&'static str],
    /// Words between such a verb and "an apology" ("owe *you all* a *real* apology").
    pub owed_apology_fillers: &'static [&'static str],
    /// Possessives of someone else ("*his* apologies"): a reported apology.
    pub third_person_possessives: &'static [&'static str],
    /// The writer's possessives before an apology noun ("*our* apologies", "*onze* excuses"; Dutch
    /// "ons" goes with a singular noun, never with "excuses").
    pub apology_possessives: &'static [&'static str],
    /// Words that may follow a bare apology noun that opens an apology ("Apologies *for* …",
    /// "Excuses *voor* …", "Apologies *to* everyone"), besides punctuation.
    pub after_bare_apology: &'static [&'static str],
    /// Elided words written after an apostrophe ("*'t* spijt me"): the apostrophe opens no quote.
    pub elisions: &'static [&'static str],
    /// How a verb's "-ing" form ends, for "sorry for *snapping* at you" (the writer's own act);
    /// empty where the language has none that follows "for".
    pub regular_progressive_suffixes: &'static [&'static str],
    /// Endings of words that look like a verb's "-ing" form but are none ("some*thing*").
    pub not_progressive_endings: &'static [&'static str],
    /// The preposition a nominalized verb takes its object with ("voor het plaatsen *van* dit
    /// artikel"); empty where the verb takes it directly ("for snapping at you").
    pub gerund_object_prepositions: &'static [&'static str],
    /// How a gerund ends where a cause can be one ("caused by *receiving* the wrong item" retells
    /// the harm, it does not explain it); empty where the language has none.
    pub gerund_suffixes: &'static [&'static str],
    /// How a regular past tense ends ("shipp*ed*", "stuur*de*", "verstuur*den*").
    pub regular_past_suffixes: &'static [&'static str],
    /// How an adverb ends where the language marks it ("earnest*ly*"); a walk from an apology
    /// word back to its subject steps over adverbs.
    pub adverb_suffixes: &'static [&'static str],
    /// Words with an adverb's ending that are no adverb ("reply", "early").
    pub not_adverbs: &'static [&'static str],
    /// Words that join two verbs of one subject ("We appreciate your patience *and* apologize").
    pub conjunctions: &'static [&'static str],
    /// "if", "unless": a statement after one in its clause is not made.
    pub conditionals: &'static [&'static str],
    /// Verbs of the reader's own choice ("you *chose* to install it yourself"): blame only when
    /// given as a cause.
    pub reader_choices: &'static [&'static str],
    /// Conjunctions that give what follows as a cause ("*because* you chose to …").
    pub causal_conjunctions: &'static [&'static str],
    /// What links a reader's choice to its consequence ("you installed it *yourself*, *so* …",
    /// "*which is why*").
    pub consequence_links: &'static [&'static [&'static str]],
    /// Words after which a conditional is no condition ("als *gevolg* van", "als
    /// *compensatie*", "als *een* les").
    pub conditional_exceptions: &'static [&'static str],
    /// Conjunctions that end a condition when I/we follows: a statement of ours starts ("… if you
    /// were upset *and* I will call you").
    pub condition_closers: &'static [&'static str],
    /// Conjunctions after which a condition before an apology opens a clause of its own ("…, *but*
    /// if it did, I apologize").
    pub clause_joiners: &'static [&'static str],
    /// Condition markers that read well as *that* once the doubt goes ("sorry *if*", "*in* case",
    /// "*to the* extent", "*als*").
    pub that_like_markers: &'static [&'static [&'static str]],
    /// Condition markers after which *that* is the condition's subject ("if *that* caused …", "in
    /// case *that* …"), where after others it closes the marker ("to the extent *that* our update
    /// …").
    pub subject_that_markers: &'static [&'static str],
    /// Pronouns that can be the subject of our act in a condition ("if *this* caused …").
    pub demonstrative_subjects: &'static [&'static str],
    /// Past auxiliaries that carry another verb and are no act of their own ("if this *did* …").
    pub past_support_auxiliaries: &'static [&'static str],
    /// Cause prepositions that explain only at the front of their clause ("*Door* de
    /// stroomstoring lag het platform eruit"), not as the agent of a passive ("wordt door ons
    /// vergoed").
    pub fronted_causes: &'static [&'static str],
    /// The preposition of a passive's agent ("lost *by* the carrier", "*door* de koerier").
    pub agent_prepositions: &'static [&'static str],
    /// Prepositions that place a failure with our side ("an error *in* our billing code", "a delay
    /// *at* our warehouse", "*bij* onze").
    pub doer_prepositions: &'static [&'static str],
    /// Words that tie a following I/we to a failure as its cause or doer ("*because* we
    /// miscounted", "*which* I wrote", "*omdat* wij").
    pub doer_clause_openers: &'static [&'static str],
    /// Words between I/we and a past verb ("we *have just* shipped", "we *accidentally* deleted").
    pub before_past_verbs: &'static [&'static str],
    /// Past forms that are auxiliaries, not acts ("we *were* told", "we *had* to").
    pub past_auxiliaries: &'static [&'static str],
    /// Words after an agent's preposition that measure rather than act ("delayed by a *day*").
    pub measures: &'static [&'static str],
    /// What opens an apology's object when the object is the writer's own act, before a verb
    /// form with one of [`WordLists::regular_progressive_suffixes`]: "sorry *for* snapping at
    /// you", "excuses *voor het* plaatsen van dit artikel".
    pub act_openers: &'static [&'static str],
    /// Prepositions that open an apology's object ("sorry *for*", "*about*", "excuses *voor*").
    pub object_prepositions: &'static [&'static str],
    /// The preposition that says whom an apology is to, before its object ("I apologize *to*
    /// everyone for …").
    pub recipient_markers: &'static [&'static str],
    /// The conjunction that opens a clause as an object ("sorry *that* we …", "het spijt me *dat*
    /// …").
    pub complementizers: &'static [&'static str],
    /// "not", "never": a repair refused, a fault denied.
    pub negations: &'static [&'static str],
    /// The negations of a verb ("I will *not* pretend", "*nooit*"), as opposed to "no" and
    /// "nothing", which negate a noun.
    pub negation_adverbs: &'static [&'static str],
    /// The plain negation of a verb ("not", "niet").
    pub plain_negations: &'static [&'static str],
    /// Words that say a failure did not take place ("*no* data was lost", "er zijn *geen* gegevens
    /// gelekt").
    pub negative_quantifiers: &'static [&'static str],
    /// A negation right after the apology word that takes it back ("het spijt me *niet*"); empty
    /// where it stands before ("I'm not sorry") and one after means something else ("sorry not to
    /// have called").
    pub trailing_negations: &'static [&'static str],
    /// The auxiliaries of a passive whose participle ends the clause ("is … teruggestort"); empty
    /// where the passive keeps them together (English, whose tables spell it out).
    pub passive_auxiliaries: &'static [&'static str],
    /// Words that turn a commitment into a hope ("we will *try* to", "we *may* be able to").
    pub hedges: &'static [&'static str],
    /// The words around an adjective that make "as … as possible", no hedge ("*zo* snel
    /// *mogelijk*").
    pub as_possible_frames: &'static [(&'static str, &'static str)],
    /// Prepositions that open a hedging adverbial of several words ("*in* zekere zin", "*op* de een
    /// of andere manier"), which a fix drops like a one-word hedge.
    pub hedge_phrase_openers: &'static [&'static str],
    /// Hedges that open an offer in a question rather than weaken an admission ("Sorry, *maybe* we
    /// can talk on Tuesday?").
    pub offer_openers: &'static [&'static str],
    /// The modals of such an offer ("maybe we *can* talk").
    pub offer_modals: &'static [&'static str],
    /// Modals that hedge what follows ("this *may* be our fault", "we *might* have").
    pub hedging_modals: &'static [&'static str],
    /// The auxiliary of a perfect infinitive ("may *have* caused", "sorry to *have* kept you").
    pub perfect_infinitive_auxiliaries: &'static [&'static str],
    /// Modals that make a perfect a counterfactual ("it *would* have been fixed"), which repairs
    /// nothing.
    pub counterfactual_modals: &'static [&'static str],
    /// Irregular participles and their past tense, where the two differ ("forgotten" → "forgot"); a
    /// regular participle is its own past.
    pub irregular_participles: &'static [(&'static str, &'static str)],
    /// The participle of *be* ("may have *been*"), whose past depends on the subject.
    pub be_participles: &'static [&'static str],
    /// Verbs of seeming in a hedge ("it *seems* that", "it *would* appear").
    pub seeming_verbs: &'static [&'static str],
    /// What links a verb of seeming to its clause, dropped with the hedge ("it seems *that* we lost
    /// it", "*as if*").
    pub seeming_complements: &'static [&'static [&'static str]],
    /// Nouns of degree after an article ("a *bit* of a mistake", "a *little* late"): the article
    /// stays when the hedge goes.
    pub degree_nouns: &'static [&'static str],
    /// Words that make an act the fault rather than its repair ("we sent you the *wrong* size").
    pub fault_marks: &'static [&'static str],
    /// Words that make a responsibility phrase an admission of fault, not just of an act ("our
    /// *mistake*", "that is *on* us", "onze *fout*").
    pub admission_words: &'static [&'static str],
    /// Verbs of claiming or hiding behind a cause, which a negation before them disowns ("I won't
    /// *pretend* this was beyond our control", "wij gaan ons niet *verschuilen*").
    pub claim_verbs: &'static [&'static str],
    /// Nouns of a failure that a party can own ("the courier's *mistake*", "een *storing* bij onze
    /// host").
    pub failure_nouns: &'static [&'static str],
    /// Words that may stand between a party and its failure ("the courier *has then* lost", "de
    /// vervoerder *helaas* …").
    pub before_failure: &'static [&'static str],
    /// Words that open a schedule, not a cause, when one of [`WordLists::schedule_verbs`] follows
    /// their cause marker ("*due* to arrive with the courier").
    pub schedule_words: &'static [&'static str],
    /// Verbs that make a cause marker a schedule ("due to *arrive*", "due to *be* collected").
    pub schedule_verbs: &'static [&'static str],
    /// How a possessor's name ends ("the courier*'s* mistake").
    pub possessive_suffixes: &'static [&'static str],
    /// What is sent or offered when nothing is repaired: news ("two *emails*", "a *reminder*",
    /// "three *times*"), an apology ("offer a sincere *apology*"), a reason to be disappointed.
    pub non_repair_objects: &'static [&'static str],
    /// How attempts are counted ("three *times*", "*twice*"): past attempts told, not a repair.
    pub repetitions: &'static [&'static str],
    /// The last word of a cause that a noun follows ("because *of*", "due *to*", "door"), where
    /// no verb is needed for the cause to be concrete.
    pub cause_prepositions: &'static [&'static str],
    /// Words that pin a vague cause down ("an issue *in* our billing code").
    pub specifiers: &'static [&'static str],
    /// Words that start a new statement between an apology and a later condition: the
    /// condition belongs to that statement ("sorry for the delay, *we will* refund if …", "sorry,
    /// *let* me know if …").
    pub statement_breakers: &'static [&'static str],
    /// What may stand between a fronted condition's comma and the apology: "then", and the words
    /// a language inverts after a fronted clause ("Mocht u …, dan bieden wij u daarvoor onze
    /// excuses aan").
    pub between_condition_and_apology: &'static [&'static str],
    /// Prepositions that place a failure at a party ("an issue *with* our provider").
    pub locatives: &'static [&'static str],
    /// Titles of persons ("the *CEO*", "*wethouder* Boon"): an apology of one is a person's,
    /// reported, never the institution writing.
    pub person_roles: &'static [&'static str],
    /// Words that date something ("the events of this past *weekend*").
    pub time_nouns: &'static [&'static str],
    /// Words that point back at what was said before ("as *previously* mentioned").
    pub back_references: &'static [&'static str],
    /// Verbs of stance, not acts: "I *wanted* to say", "we *hoped*": no act is owned by them.
    pub stance_verbs: &'static [&'static str],
    /// "ourselves", "myself": our side named inside a clause.
    pub first_person_reflexives: &'static [&'static str],
    /// What makes an apology a plan rather than an act: "I *will* apologize to them", "I *plan*
    /// to meet them and apologize".
    pub future_markers: &'static [&'static str],
    /// Auxiliaries that promise ("we *will* …", "service *will* be resumed shortly").
    pub future_auxiliaries: &'static [&'static str],
    /// Words of a pleasant closing, where a vague time promises nothing ("we look *forward* to
    /// seeing you soon", "*talk* soon").
    pub pleasantries: &'static [&'static str],
    /// What marks an infinitive of means after a cause preposition: "door zo onze waardering
    /// uit *te* spreken" (by doing so) gives a means, not a cause.
    pub infinitive_markers: &'static [&'static str],
    /// Articles that open a noun phrase ("the council will refund").
    pub determiners: &'static [&'static str],
    /// The indefinite article ("*a* bit of a mistake", "*een*").
    pub indefinite_articles: &'static [&'static str],
    /// The preposition of a possessor or a part ("the box *of* your order", "a bit *of* a
    /// mistake").
    pub genitive_prepositions: &'static [&'static str],
    /// How a plural noun ends ("order*s*"), for a rewrite that needs the verb's number; empty where
    /// no rewrite reads it.
    pub plural_suffixes: &'static [&'static str],
    /// Endings of a singular that look plural ("gla*ss*").
    pub singular_endings: &'static [&'static str],
    /// Words with a plural's ending that are no plural noun ("this", "was").
    pub not_plurals: &'static [&'static str],
    /// An article and its form before a vowel ("a" → "an"), kept in step when a fix drops the word
    /// after it ("a slight error" → "an error").
    pub vowel_articles: &'static [(&'static str, &'static str)],
    /// The auxiliaries of a failure's passive that the active rewrite replaces ("your order *was*
    /// delayed", "er *zijn* fouten gemaakt").
    pub passive_failure_auxiliaries: &'static [&'static str],
    /// A passive's auxiliaries and the auxiliary of the active that keeps its tense ("has been
    /// lost" → "we *have* lost"; none for a simple past, "was lost" → "we lost").
    pub passive_tenses: &'static [(&'static [&'static str], Option<&'static str>)],
    /// Modals before a passive ("may have been lost"): a hedge as well, with no mechanical rewrite.
    pub modal_verbs: &'static [&'static str],
    /// Adverbs between a passive's auxiliary and its participle, kept before the verb in the
    /// rewrite ("was *accidentally* deleted").
    pub passive_adverbs: &'static [&'static str],
    /// Where a participle's trailing words start, which follow the object in the rewrite ("we sent
    /// your order *late*", "we kept you *waiting*").
    pub participle_trailers: &'static [&'static str],
    /// Words that open a subject noun phrase ("*your* order was delayed").
    pub subject_determiners: &'static [&'static str],
    /// Subject pronouns and their object forms ("they were lost" → "we lost *them*").
    pub subject_object_pronouns: &'static [(&'static str, &'static str)],
    /// Words that cannot sit inside a short subject noun phrase: a clause boundary lies between.
    pub subject_breakers: &'static [&'static str],
    /// Participles of making a mistake, whose passive the rewrite makes active ("er zijn fouten
    /// *gemaakt*" → "wij hebben fouten gemaakt").
    pub mistake_participles: &'static [&'static str],
    /// The subject that only holds the place of one ("*er* zijn fouten gemaakt").
    pub placeholder_subjects: &'static [&'static str],
    /// Words that soften a harm before its article ("*just* a small delay"), dropped with the
    /// minimizing adjective.
    pub softeners: &'static [&'static str],
    /// Words that may surround a minimizing phrase in a clause of its own ("It's really no big
    /// deal, honestly"): a clause of nothing else can go whole.
    pub clause_fillers: &'static [&'static str],
    /// The preposition of whom something is for ("no big deal *for* us", "*voor* ons").
    pub benefactive_prepositions: &'static [&'static str],
    /// What opens an infinitive clause ("no big deal *to* reprint it", "geen probleem *om* een
    /// nieuwe te sturen").
    pub infinitive_openers: &'static [&'static str],
    /// Whom a *to* may name instead of opening an infinitive ("no big deal *to you*").
    pub addressees: &'static [&'static str],
    /// The *if* that reassures the reader about their own slip after a minimizing phrase ("no big
    /// deal *if* you can't find the receipt", "geen probleem *als* u …").
    pub reassuring_conditionals: &'static [&'static str],
    /// Words that place a span in the past ("just a few days *ago*", "*geleden*"): a date, not a
    /// harm.
    pub past_time_markers: &'static [&'static str],
    /// Prepositions of how soon ("*in* only a few days", "*binnen*"): a remedy's time, not a harm.
    pub time_span_prepositions: &'static [&'static str],
    /// Verbs of telling that make an apology the announcement of bad news ("sorry to *inform* you",
    /// "het spijt me u te moeten *meedelen*").
    pub bad_news_verbs: &'static [&'static str],
    /// Adverbs worth keeping when "sorry" becomes "apologize" ("I'm *truly* sorry" → "I truly
    /// apologize"); plain intensifiers go, since "I so apologize" is not English.
    pub act_form_adverbs: &'static [&'static str],
    /// Verbs of feeling before "sorry" ("I *feel* sorry for you"): pity, not an apology to rewrite.
    pub feeling_verbs: &'static [&'static str],
    /// The preposition "sorry" takes where "apologize" takes *for* ("sorry *about* the delay").
    pub feeling_prepositions: &'static [&'static str],
    /// Verbs of learning news after "sorry to" ("sorry to *hear* that …").
    pub perception_verbs: &'static [&'static str],
    /// What introduces the news after such a verb ("sorry to hear *about* the delay").
    pub news_prepositions: &'static [&'static str],
    /// Third-person pronouns and the like: a subject that is a person or a thing, never the
    /// institution that writes.
    pub third_person_pronouns: &'static [&'static str],
    /// Verbs of saying, for "we say: “Sorry!”" (the writer quoting their own apology).
    pub saying_verbs: &'static [&'static str],
    /// How many words a verb-final clause may put between I/we + its auxiliary and the
    /// participle that ends it ("wij hebben de bedragen gisteren verkeerd berekend"); 0 for a
    /// language that keeps them together (English).
    pub verb_final_reach: usize,
    /// Words that open a clause of its own inside a verb-final language's clause ("omdat", "dat",
    /// "en", a comma): a doer before one belongs to another verb. Empty where the verb does not
    /// wait for the clause end (English).
    pub subclause_openers: &'static [&'static str],
    /// The auxiliary of an active perfect ("hebben", "had"): a failure it carries has a doer,
    /// unlike an agentless passive or "het is misgegaan". Empty for English, whose tables spell
    /// the passive out.
    pub active_auxiliaries: &'static [&'static str],
    /// Words after a harm noun that go on to name the harm ("the inconvenience *of* driving back
    /// twice", "de situatie *waarin* wij u brachten"): the object is specific after all.
    pub harm_complements: &'static [&'static str],
    /// The harm a cliché leaves unnamed ("sorry for any *inconvenience*", "*overlast*"), which its
    /// fix replaces.
    pub unnamed_harms: &'static [&'static str],
    /// Determiners before an unnamed harm, replaced along with it ("sorry for *any* inconvenience",
    /// "*eventuele* overlast").
    pub harm_determiners: &'static [&'static str],
    /// Pronouns that name nothing as an apology's object ("sorry for *this*", "about *everything*")
    /// unless the phrase goes on.
    pub vague_pronouns: &'static [&'static str],
    /// Words after a pronoun object that end its phrase ("sorry about that *again*", "sorry for
    /// this *and* …").
    pub phrase_closers: &'static [&'static str],
    /// Past forms that only say a harm was caused ("the trouble I have *caused*"): after the
    /// writer as subject they name nothing more, unlike "the mess our painters *left* on your
    /// patio".
    pub causing_verbs: &'static [&'static str],
    /// Words of a policy cited ("per our *policy*", "under our *terms*"): defensive, unless it
    /// gives the reader something.
    pub policy_words: &'static [&'static str],
    /// A particle ending a "move on" phrase and the preposition after it that make it a transition,
    /// not a close ("move *on to* the refund", "move *forward with* the repair").
    pub transition_links: &'static [(&'static str, &'static str)],
    /// Verbs whose nominal form takes its subject, not its object, with the genitive preposition:
    /// "voor het *uitvallen* van het water" is the water failing, not an act of ours.
    pub intransitive_nominals: &'static [&'static str],
    /// A word before a concessive that belongs to it ("*even* though we are sorry, …").
    pub concessive_intensifiers: &'static [&'static str],
    /// A contrastive conjunction and the word after it that make it add, not limit ("not only
    /// sorry *but also* …").
    pub additive_turns: &'static [&'static [&'static str]],
    /// Turns of more than one word that limit like *but* ("that said", "having said that").
    pub turn_phrases: &'static [&'static [&'static str]],
    /// What, right after a *but*, sides with the reader ("but you did not *deserve* this").
    pub undeserved_harm: &'static [&'static [&'static str]],
}

/// One language's word lists and compiled phrase tables.
pub struct Lexicon {
    pub words: &'static WordLists,
    /// The phrase automaton, which also reads the language's words for the tokenizer.
    book: PhraseBook,
    /// The language-detection vote of each word number of `book` ([`detect::votes_by_word`]).
    votes_by_word: Box<[u8]>,
}

static ENGLISH: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::compile(&en::WORDS, en::TABLES, en::CLASSES, en::EXPANSIONS));

static DUTCH: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::compile(&nl::WORDS, nl::TABLES, nl::CLASSES, nl::EXPANSIONS));

impl Lexicon {
    fn compile(
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
    let clause_start = text.clauses[text.clause_of(act)].start();
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
        // "we will *proactively* apply a credit".
        let adverb = word.len() > 5
            && words
                .adverb_suffixes
                .iter()
                .any(|suffix| word.ends_with(suffix));
        if adverb {
            continue;
        }
        if !words.commitment_auxiliaries.contains(&word) {
            if auxiliaries == 0 {
                // "Our staff booked you on the next flight": a past act needs no auxiliary.
                return is_past(text, words, act)
                    .then(|| our_side_noun(text, words, index, clause_start, true))
                    .flatten();
            }
            if joined {
                // "We apologize for the missed delivery and will bring it round": the subject of
                // the first verb, left out after *and*.
                return elided_first_person(text, words, index);
            }
            return our_side_noun(text, words, index, clause_start, false);
        }
        joined |= words.conjunctions.contains(&word);
        auxiliaries += 1;
    }
    None
}

/// A finite past verb: a regular one or an irregular one of the language.
fn is_past(text: &Text, words: &WordLists, index: usize) -> bool {
    let word = text.word(index);
    (word.len() > 4
        && words
            .regular_past_suffixes
            .iter()
            .any(|suffix| word.ends_with(suffix)))
        || words.irregular_past.contains(&word)
}

/// I/we earlier in the sentence of `index`, for a verb whose subject *and* left out.
fn elided_first_person(text: &Text, words: &WordLists, index: usize) -> Option<usize> {
    let sentence = text.sentences[text.sentence_of(index)];
    (sentence.start()..index)
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
    act_follows: bool,
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
    if !act_follows && !finite(head + 1) {
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
    let from = clause
        .start()
        .max(act.start.saturating_sub(words.verb_final_reach));
    let is_auxiliary = |i: usize| {
        let word = text.word(i);
        words.present_auxiliaries.contains(&word) || words.irregular_past.contains(&word)
    };
    let is_subject = |i: usize| words.first_person_subjects.contains(&text.word(i));
    let auxiliary_last =
        act.clone().any(is_auxiliary) || (act.end < clause.end() && is_auxiliary(act.end));
    (from..act.start).find(|&i| {
        let beside = is_auxiliary(i + 1) || (i > clause.start() && is_auxiliary(i - 1));
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
    let from = clause
        .start()
        .max(participle.saturating_sub(words.verb_final_reach));
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
            if let Some(next) = starts.get_mut((hit.start() >> bits) + 1) {
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

    fn of_text(source: &'a str, language: Language, mut text: Text) -> Analysis<'a> {
        let lexicon = Lexicon::of(language);
        // Each hit straight into its kind's list: a list of all hits first would be as large as
        // all of them together, beside them. The room the lists grew into is given back below.
        let mut hits: Vec<Vec<PhraseHit>> = vec![Vec::new(); KIND_COUNT];
        lexicon
            .book
            .scan_into(&text, |hit| hits[hit.kind as usize].push(hit));
        // Nothing reads the words' numbers after the scan.
        text.forget_word_ids();
        let passives: Vec<PhraseHit> = hits[PhraseKind::RepairParticiple as usize]
            .iter()
            .filter_map(|hit| {
                let auxiliary = verb_final_passive(&text, lexicon.words, hit.start())?;
                Some(hit.refiled(PhraseKind::Remedy, auxiliary))
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
                    let subject = first_person_commitment(&text, lexicon.words, hit.start())
                        // "when we moved our calendar system" tells a cause; a change that
                        // prevents is made ("we have moved", "we will move", "we now move").
                        .filter(|&subject| {
                            act != PhraseKind::PreventionAct
                                || subject == hit.start()
                                || subject + 1 < hit.start()
                        })
                        .or_else(|| verb_final_subject(&text, lexicon.words, hit.tokens()))?;
                    Some(hit.refiled(component, subject))
                })
                .collect();
            hits[component as usize].extend(committed);
        }
        // The scan finds each kind's hits in order; only the lists extended above need sorting.
        for list in &mut hits {
            if !list.is_sorted_by_key(|hit| (hit.start, hit.end)) {
                list.sort_by_key(|hit| (hit.start, hit.end));
            }
            // The lists are kept as long as the lint.
            list.shrink_to_fit();
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
        let from = low + list[low..high].partition_point(|hit| hit.start() < tokens.start);
        // Rules mostly ask about a clause or a few words, with a hit or two in it: step over
        // those rather than search the whole list a second time.
        let rest = &list[from..];
        let near = rest.len().min(8);
        let count = match rest[..near]
            .iter()
            .position(|hit| hit.start() >= tokens.end)
        {
            Some(count) => count,
            None => near + rest[near..].partition_point(|hit| hit.start() < tokens.end),
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
            .filter(move |hit| hit.end() > tokens.start)
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

    /// Do the words from token `index` on spell `phrase` ("which is why")?
    pub fn is_phrase(&self, index: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(offset, word)| self.word(index + offset) == *word)
    }

    /// Does one of `phrases` start at token `index`?
    pub fn is_any_phrase(&self, index: usize, phrases: &[&[&str]]) -> bool {
        phrases.iter().any(|phrase| self.is_phrase(index, phrase))
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
    /// the adverbs that may follow it ("sorry again for …", "I apologize sincerely for …"), and
    /// past whom it is to ("I apologize to everyone for …", "to our customers about …").
    pub fn object_start(&self, apology: &ApologyExpression) -> usize {
        let words = self.words();
        let mut next = apology.word() + 1;
        while self.is(next, words.after_apology) {
            next += 1;
        }
        if self.is(next, words.recipient_markers) {
            let object = (next + 1..next + 1 + RECIPIENT_REACH)
                .take_while(|&i| self.text.is_word(i))
                .find(|&i| self.is(i, words.object_prepositions));
            if let Some(object) = object {
                return object;
            }
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
                while self.is(next, words.before_past_verbs) {
                    next += 1;
                }
                // "we double-booked": the past form follows the hyphen.
                if self.word(next + 1) == "-" && !self.text.tokens[next + 1].spaced_before() {
                    next += 2;
                }
                next < tokens.end
                    && self.is_past_verb(next)
                    && !self.is(next, words.stance_verbs)
                    // "we were not able to": a state, not an act.
                    && !self.is(next, words.be_forms)
                    // A verb-final clause: "dat wij u twee weken *hebben* laten wachten".
                    || (i + 1..tokens.end.min(i + 1 + words.verb_final_reach))
                        .any(|j| self.is_past_verb(j) && !self.is(j, words.stance_verbs))
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

    /// A plural noun by its ending ("orders"), where the language's rewrites need one: not
    /// "glass", "this".
    pub fn looks_plural(&self, index: usize) -> bool {
        let word = self.word(index);
        let words = self.words();
        word.len() > 3
            && words
                .plural_suffixes
                .iter()
                .any(|suffix| word.ends_with(suffix))
            && !words
                .singular_endings
                .iter()
                .any(|ending| word.ends_with(ending))
            && !words.not_plurals.contains(&word)
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
        let token = self.writer_apologies().next().map_or(0, |a| a.word());
        self.text.paragraph(self.text.paragraph_of(token))
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::FxHashMap;

    use super::*;

    #[test]
    fn every_table_compiles_and_kinds_fit() {
        // The kind declared last, and every kind a table is written for.
        assert!((PhraseKind::HarmWord as usize) < KIND_COUNT);
        for (kind, _) in en::TABLES.iter().chain(nl::TABLES) {
            assert!((*kind as usize) < KIND_COUNT, "{kind:?}");
        }
        for language in [Language::English, Language::Dutch] {
            let _ = Lexicon::of(language);
        }
    }

    /// The analysis is kept as long as the lint: its hit lists hold no room they grew into, and
    /// the words' numbers, read by the scan alone, are given back.
    #[test]
    fn an_analysis_keeps_no_room_it_does_not_use() {
        use crate::lint::markup::{DocumentKind, extract_prose};
        let source = "We are sorry for the late parcel. We have refunded you and we will check \
                      every order from now on. "
            .repeat(300);
        let prose = extract_prose(&source, DocumentKind::PlainText);
        let analysis = Analysis::new(&source, &prose, Language::English);
        assert!(analysis.hits(PhraseKind::Remedy).len() >= 300);
        for list in &analysis.hits {
            assert_eq!(list.capacity(), list.len());
        }
        assert!(analysis.text.word_ids().is_empty());
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
                            .filter(|hit| range.contains(&hit.start()))
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

    /// Every list of a language's [`WordLists`] by field name, word sequences and pairs flattened
    /// to their words. The struct is taken apart without `..`: a new field does not compile until
    /// it is listed here, so the test below reads every list.
    fn word_lists(words: &WordLists) -> Vec<(&'static str, Vec<&'static str>)> {
        macro_rules! lists {
            (
                words: [$($word:ident),*],
                phrases: [$($phrase:ident),*],
                pairs: [$($pair:ident),*]
            ) => {{
                let WordLists {
                    $($word,)*
                    $($phrase,)*
                    $($pair,)*
                    passive_tenses,
                    verb_final_reach: _,
                } = words;
                let mut lists = vec![(
                    "passive_tenses",
                    passive_tenses
                        .iter()
                        .flat_map(|(passive, active)| passive.iter().copied().chain(*active))
                        .collect(),
                )];
                $(lists.push((stringify!($word), $word.to_vec()));)*
                $(lists.push((stringify!($phrase), $phrase.concat()));)*
                $(
                    let words = $pair.iter().flat_map(|&(first, second)| [first, second]);
                    lists.push((stringify!($pair), words.collect()));
                )*
                lists
            }};
        }
        lists!(
            words: [
                first_person_subjects, first_person_any, first_person_possessives, reader_subjects,
                first_person_singular, first_person_plural, first_person_objects, plural_pronouns,
                be_forms, intensifiers, sincerity_intensifiers, skippable, modals, after_apology,
                apology_adjectives, sincerity_adjectives, reporting_verbs, third_person_subjects,
                sentence_openers, subject_words, irregular_past, present_auxiliaries,
                commitment_auxiliaries, bare_apology_nouns, apology_nouns, apology_verbs,
                regret_verbs, regret_fillers, third_person_suffixes, apology_verb_adverbs,
                catenative_verbs, permission_words, enough_words, sorry_as_subject, exclamatives,
                third_person_be, accepting_words, owing_verbs, owed_apology_fillers,
                third_person_possessives, apology_possessives, after_bare_apology, elisions,
                regular_progressive_suffixes, not_progressive_endings, gerund_object_prepositions,
                gerund_suffixes, regular_past_suffixes, adverb_suffixes, not_adverbs, conjunctions,
                conditionals, reader_choices, causal_conjunctions, conditional_exceptions,
                condition_closers, clause_joiners, subject_that_markers, demonstrative_subjects,
                past_support_auxiliaries, fronted_causes, agent_prepositions, doer_prepositions,
                doer_clause_openers, before_past_verbs, past_auxiliaries, measures, act_openers,
                object_prepositions, recipient_markers, complementizers, negations, negation_adverbs, plain_negations,
                negative_quantifiers, trailing_negations, passive_auxiliaries, hedges,
                hedge_phrase_openers, offer_openers, offer_modals, hedging_modals,
                perfect_infinitive_auxiliaries, counterfactual_modals, be_participles, seeming_verbs, degree_nouns,
                fault_marks, admission_words, claim_verbs, failure_nouns, before_failure,
                schedule_words, schedule_verbs, possessive_suffixes, non_repair_objects,
                repetitions, cause_prepositions, specifiers, statement_breakers,
                between_condition_and_apology, locatives, person_roles, time_nouns, back_references,
                stance_verbs, first_person_reflexives, future_markers, future_auxiliaries,
                pleasantries, infinitive_markers, determiners, indefinite_articles,
                genitive_prepositions, plural_suffixes, singular_endings, not_plurals,
                passive_failure_auxiliaries, modal_verbs, passive_adverbs, participle_trailers,
                subject_determiners, subject_breakers, mistake_participles, placeholder_subjects,
                softeners, clause_fillers, benefactive_prepositions, infinitive_openers, addressees,
                reassuring_conditionals, past_time_markers, time_span_prepositions, bad_news_verbs,
                act_form_adverbs, feeling_verbs, feeling_prepositions, perception_verbs,
                news_prepositions, third_person_pronouns, saying_verbs, subclause_openers,
                active_auxiliaries, harm_complements, unnamed_harms, harm_determiners,
                vague_pronouns, phrase_closers, causing_verbs, policy_words, concessive_intensifiers,
                intransitive_nominals
            ],
            phrases: [
                consequence_links, that_like_markers, seeming_complements, turn_phrases,
                undeserved_harm, additive_turns
            ],
            pairs: [
                as_possible_frames, irregular_participles, vowel_articles, subject_object_pronouns,
                transition_links
            ]
        )
    }

    /// Words spelled alike and doing the same work in English and Dutch, which both languages'
    /// lists may hold: the pronouns "we" and "me", forms of *be* and *have*, the preposition "in",
    /// interjections, loanwords, and the possessive "'s".
    const SHARED_WORDS: &[&str] = &[
        "we",
        "me",
        "is",
        "was",
        "had",
        "in",
        "oh",
        "ok",
        "hey",
        "super",
        "best",
        "plan",
        "later",
        "ceo",
        "minister",
        "president",
        "coach",
        "blunder",
        "procedures",
        "week",
        "weekend",
        "winter",
        "link",
        "e - mail",
        "'s",
    ];

    /// English words spelled like a Dutch stop word of language detection, but English here:
    /// "met" is the past of *meet* (Dutch "met" is "with"); "even" is *even* (Dutch "even" is
    /// "briefly").
    const HOMOGRAPHS: &[&str] = &["met", "even"];

    /// No list gives one language's word to the other (a Dutch "of" in an English list would end
    /// an English window). The same list in `en.rs` and `nl.rs` shares only [`SHARED_WORDS`], and no list
    /// holds a word that language detection's stop words ([`detect`]) give to the other language
    /// alone. Every list is checked, the conditionals, negations, first-person lists and
    /// determiners among them; punctuation ("," in the lists of what may be skipped) is no word.
    #[test]
    fn each_language_lists_only_its_own_words() {
        let english = word_lists(&en::WORDS);
        let dutch = word_lists(&nl::WORDS);
        let is_word = |word: &&str| word.chars().any(char::is_alphabetic);
        for ((field, english_words), (_, dutch_words)) in english.iter().zip(&dutch) {
            let shared: Vec<&str> = english_words
                .iter()
                .filter(|word| is_word(word) && dutch_words.contains(word))
                .filter(|word| !SHARED_WORDS.contains(word))
                .copied()
                .collect();
            assert!(
                shared.is_empty(),
                "{field} lists {shared:?} in both en.rs and nl.rs"
            );
        }
        // A stop word votes with a bit for each language whose list holds it: "the" shows which
        // bit is English's, "de" which is Dutch's.
        let votes: FxHashMap<&str, u8> = detect::voting_words().into_iter().collect();
        let (english_vote, dutch_vote) = (votes["the"], votes["de"]);
        for (lists, other_vote, other) in [
            (&english, dutch_vote, "Dutch"),
            (&dutch, english_vote, "English"),
        ] {
            for (field, words) in lists {
                let foreign: Vec<&str> = words
                    .iter()
                    .filter(|word| votes.get(*word) == Some(&other_vote))
                    .filter(|word| !HOMOGRAPHS.contains(word))
                    .copied()
                    .collect();
                assert!(
                    foreign.is_empty(),
                    "{field} lists the {other} word(s) {foreign:?}"
                );
            }
        }
    }
}
