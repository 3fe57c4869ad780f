//! Apology expressions, and whose they are.
//!
//! The catalog's gate counts only the writer's own apologies: I/we + sorry / apologize / regret
//! (not "regret to inform"), "my/our apologies", a sentence-initial "Sorry …" / "Apologies for …".
//! Not the writer's: a *reported* apology ("the CEO apologized", "she said sorry", a quoted
//! first-person line with a reporting verb) and a *passing* one, about the message itself
//! ("sorry for the late reply", "sorry if this is a dumb question").
//!
//! An institution often speaks of itself in the third person ("City staff would like to
//! apologize", "De gemeente betreurt …"): in the present tense, in a body sentence of a text that
//! does not report others' words, that is the writer's apology. The same words in a headline, in
//! the past tense, or in a text full of "said" and "according to" are a report.

use std::ops::Range;

use super::{Analysis, PhraseHit, PhraseKind};

/// Whose apology an expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The writer apologizes for a harm: what the gate and the rules look at.
    Writer,
    /// The writer apologizes for the message itself.
    Passing,
    /// Someone else's apology, reported.
    Reported,
    /// An apology the writer will make later, elsewhere ("I will apologize to them in person"):
    /// announced, not made here.
    Planned,
}

impl Voice {
    /// The word the JSON output uses.
    pub const fn as_str(self) -> &'static str {
        match self {
            Voice::Writer => "writer",
            Voice::Passing => "passing",
            Voice::Reported => "reported",
            Voice::Planned => "planned",
        }
    }
}

/// Which word carries the apology.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApologyForm {
    /// "sorry": names a feeling, where "I apologize" names an act of owning up.
    Sorry,
    Apologize,
    /// "apology", "apologies".
    Apologies,
    Regret,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApologyExpression {
    /// The token of the apology word itself.
    pub(in crate::lint::language) word: u32,
    /// The first token of the expression ("I" in "I am so sorry").
    pub(in crate::lint::language) start: u32,
    pub sentence: usize,
    pub form: ApologyForm,
    pub voice: Voice,
    /// An explicit first-person subject or possessive ("I'm sorry", "our apologies"), as opposed
    /// to a bare "Sorry".
    pub explicit_subject: bool,
    /// Made in the third person, by an institution of itself ("City staff would like to
    /// apologize", "De gemeente betreurt").
    pub third_person: bool,
}

impl ApologyExpression {
    /// The token of the apology word itself.
    pub fn word(&self) -> usize {
        self.word as usize
    }

    /// The first token of the expression.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The tokens from the subject to the apology word.
    pub fn tokens(&self) -> Range<usize> {
        self.start()..self.word() + 1
    }
}

enum Subject {
    /// I / we / my / our, or an implied writer (a bare sentence-initial "Sorry").
    Writer {
        start: usize,
        explicit: bool,
    },
    /// A noun in the third person ("City staff", "Acme", "the council"): an institution speaking
    /// of itself when the apology is in the present tense, else a report.
    Third {
        start: usize,
        present: bool,
    },
    Other,
    /// The word is not used as an apology here ("a sorry state", "the art of the apology").
    NotAnApology,
}

pub(super) fn find(analysis: &Analysis<'_>) -> Vec<ApologyExpression> {
    let reports_others = reports_others(analysis);
    let mut found = whole_expressions(analysis, reports_others);
    let covered: Vec<std::ops::Range<usize>> = found.iter().map(|a| a.tokens()).collect();
    for hit in analysis.hits(PhraseKind::ApologyWord) {
        let word = hit.start();
        if covered.iter().any(|tokens| tokens.contains(&word)) {
            continue;
        }
        let form = form_of(analysis, analysis.word(word));
        let subject = match form {
            ApologyForm::Sorry => sorry_subject(analysis, word),
            ApologyForm::Apologize => verb_subject(analysis, word),
            ApologyForm::Apologies => noun_subject(analysis, word),
            ApologyForm::Regret => regret_subject(analysis, word),
        };
        let third_person = matches!(subject, Subject::Third { .. });
        let (start, explicit, mut voice) = match subject {
            Subject::NotAnApology => continue,
            Subject::Other => (word, false, Voice::Reported),
            Subject::Writer { start, explicit } => (start, explicit, Voice::Writer),
            Subject::Third { start, present } => (
                start,
                true,
                institution_voice(analysis, start, word, present, reports_others),
            ),
        };
        if voice == Voice::Writer && is_someone_elses(analysis, start, word) {
            voice = Voice::Reported;
        }
        if voice == Voice::Writer && is_passing(analysis, word) {
            voice = Voice::Passing;
        }
        if voice == Voice::Writer
            && form == ApologyForm::Apologize
            && is_planned(analysis, start, word)
        {
            voice = Voice::Planned;
        }
        found.push(ApologyExpression {
            word: word as u32,
            start: start as u32,
            sentence: analysis.text.sentence_of(word),
            form,
            voice,
            explicit_subject: explicit,
            third_person,
        });
    }
    found.sort_by_key(|apology| apology.word);
    // A text that quotes or reports someone's apology is about that apology: an institution's
    // present-tense one in it ("Ulukaya is personally apologizing") is reported too.
    // A text that reports others' words and someone's apology quotes the rest too, quotes or not
    // ("Executive Producer X offered a statement. I know how much …, and I apologize").
    if reports_others && found.iter().any(|apology| apology.voice == Voice::Reported) {
        for apology in found.iter_mut() {
            if apology.voice == Voice::Writer {
                apology.voice = Voice::Reported;
            }
        }
    }
    if found
        .iter()
        .any(|apology| apology.voice == Voice::Reported && !apology.third_person)
    {
        for apology in found.iter_mut().filter(|apology| apology.third_person) {
            if apology.voice == Voice::Writer {
                apology.voice = Voice::Reported;
            }
        }
    }
    found
}

/// The apology expressions a language writes out whole in its tables (Dutch: "het spijt ons",
/// "dat het me spijt", "onze excuses", "wij verontschuldigen ons"): where word order puts the
/// subject after the verb or the verb last, a table says it more plainly than a grammar walk.
/// Overlapping hits are one expression: the earliest start, then the longest. The expression's
/// word is its last token, the one its object follows ("het spijt me *dat* …", "onze excuses
/// *voor* …").
fn whole_expressions(analysis: &Analysis<'_>, reports_others: bool) -> Vec<ApologyExpression> {
    let mut hits: Vec<(PhraseHit, ApologyForm)> = [
        (PhraseKind::ApologyFeeling, ApologyForm::Sorry),
        (PhraseKind::ApologyAct, ApologyForm::Apologize),
        (PhraseKind::ApologyNoun, ApologyForm::Apologies),
        (PhraseKind::ApologyRegret, ApologyForm::Regret),
        (PhraseKind::InstitutionApology, ApologyForm::Apologize),
    ]
    .into_iter()
    .flat_map(|(kind, form)| analysis.hits(kind).iter().map(move |hit| (*hit, form)))
    .collect();
    if hits.is_empty() {
        return Vec::new();
    }
    hits.sort_by_key(|(hit, _)| (hit.start, std::cmp::Reverse(hit.end)));
    let words = analysis.words();
    let mut found: Vec<ApologyExpression> = Vec::new();
    let mut taken_until = 0;
    for (hit, form) in hits {
        let (start, end) = (hit.start(), hit.end());
        if start < taken_until {
            continue;
        }
        taken_until = end;
        let word = end - 1;
        let mut voice = if hit.kind == PhraseKind::InstitutionApology {
            // "Ze verontschuldigt zich": a writer never calls itself "she" or "they".
            let pronoun = start > 0
                && analysis.text.is_word(start - 1)
                && analysis.is(start - 1, words.third_person_pronouns);
            if pronoun {
                Voice::Reported
            } else {
                institution_voice(analysis, start, start, true, reports_others)
            }
        } else {
            Voice::Writer
        };
        if voice == Voice::Writer && is_someone_elses(analysis, start, word) {
            voice = Voice::Reported;
        } else if voice == Voice::Writer && is_passing(analysis, word) {
            voice = Voice::Passing;
        }
        found.push(ApologyExpression {
            word: word as u32,
            start: start as u32,
            sentence: analysis.text.sentence_of(word),
            form,
            voice,
            explicit_subject: (start..end).any(|i| analysis.is(i, words.first_person_any)),
            third_person: hit.kind == PhraseKind::InstitutionApology,
        });
    }
    found
}

fn form_of(analysis: &Analysis<'_>, word: &str) -> ApologyForm {
    let words = analysis.words();
    if words.apology_verbs.contains(&word) {
        ApologyForm::Apologize
    } else if words.apology_nouns.contains(&word) {
        ApologyForm::Apologies
    } else if words.regret_verbs.contains(&word) {
        ApologyForm::Regret
    } else {
        // "sorry", and "We are apologetic about …", which names a feeling like "sorry".
        ApologyForm::Sorry
    }
}

/// Walk back from `from` over words in `skip` and adverbs ("earnestly", "sincerely"), staying in
/// the clause; returns the first other token's index, or `None` at the clause start.
fn back_over(analysis: &Analysis<'_>, from: usize, skip: &[&[&str]]) -> Option<usize> {
    let clause_start = analysis.clause_of(from).start();
    let mut index = from;
    while index > clause_start {
        index -= 1;
        let word = analysis.word(index);
        if !skip.iter().any(|list| list.contains(&word)) && !is_adverb(analysis, index) {
            return Some(index);
        }
    }
    None
}

/// An adverb by its ending ("truly and *earnestly* sorry"), where the language marks them.
fn is_adverb(analysis: &Analysis<'_>, index: usize) -> bool {
    let word = analysis.word(index);
    let words = analysis.words();
    word.len() > 4
        && !words.not_adverbs.contains(&word)
        && words
            .adverb_suffixes
            .iter()
            .any(|suffix| word.ends_with(suffix))
        && !analysis.is(index, words.first_person_any)
}

/// The subject of a verb whose own subject was left out after *and*: "We appreciate your patience
/// and sincerely apologize", "City staff would like to inform its customers and apologize".
/// `before` is the word the walk back from the verb stopped at.
fn coordinated_subject(analysis: &Analysis<'_>, word: usize, before: usize) -> Subject {
    let words = analysis.words();
    let Some(and) = (before..word)
        .rev()
        .find(|&i| analysis.is(i, words.conjunctions))
    else {
        return Subject::Other;
    };
    // The nearest subject before the *and* is the first verb's: "so that *you* can reinforce
    // your sincerity and apologize" is the reader's, whatever opens the sentence. The walk may
    // leave the clause ("I understand *that* and regret …" splits a clause at "that") but not
    // the sentence, and goes back a bounded way, so a run of "and apologize" stays linear.
    let clause = analysis.sentence_of(word);
    let reach = clause.start().max(and.saturating_sub(SUBJECT_REACH));
    for i in (reach..and).rev() {
        if analysis.is(i, words.first_person_subjects) {
            return Subject::Writer {
                start: i,
                explicit: true,
            };
        }
        if analysis.is(i, words.third_person_pronouns)
            && analysis.text.is_word(i)
            && opens_clause(analysis, i, clause.start())
        {
            return Subject::Other;
        }
    }
    let mut first = analysis.clause_of(word).start();
    while first < and && analysis.is(first, words.sentence_openers) {
        first += 1;
    }
    third_person_subject(analysis, first, and)
}

/// How many words back a left-out subject is looked for, before an *and* or an infinitive of
/// purpose: a subject is near, and a bounded walk keeps a run of them linear.
const SUBJECT_REACH: usize = 40;

/// Whether the word at `index` stands where a subject does, at the head of its clause: a
/// pronoun after a verb or a preposition is its object ("gave *you* reason", "writing to *you*").
fn opens_clause(analysis: &Analysis<'_>, index: usize, clause_start: usize) -> bool {
    let words = analysis.words();
    index == clause_start
        || analysis.is(index - 1, words.conjunctions)
        || !analysis.text.is_word(index - 1)
        || analysis.is(index - 1, words.complementizers)
}

/// A short third-person noun phrase opening at `first` and followed at once by a finite verb,
/// before `limit`: "City staff *would* like to", "Acme *has*", "The council *regretted*".
fn third_person_subject(analysis: &Analysis<'_>, first: usize, limit: usize) -> Subject {
    let words = analysis.words();
    if analysis.is(first, words.third_person_pronouns) || !analysis.text.is_word(first) {
        return Subject::Other;
    }
    for i in first + 1..(first + 4).min(limit) {
        if analysis.is(i, words.present_auxiliaries) {
            return Subject::Third {
                start: first,
                present: true,
            };
        }
        if analysis.is_past_verb(i) {
            return Subject::Third {
                start: first,
                present: false,
            };
        }
        if !analysis.text.is_word(i) {
            break;
        }
    }
    Subject::Other
}

/// The voice of an institution's apology in the third person: its own in a present-tense body
/// sentence, a report in a headline, in the past tense, or where the text reports others' words.
///
/// A person named by their role ("the mayor apologizes", "wethouder De Vries biedt zijn excuses
/// aan") is written about: an institution speaks as itself, a person as I.
fn institution_voice(
    analysis: &Analysis<'_>,
    subject: usize,
    word: usize,
    present: bool,
    reports_others: bool,
) -> Voice {
    let sentence_start = analysis.sentence_of(word).start();
    let a_person = (subject.saturating_sub(3).max(sentence_start)..word)
        .any(|i| analysis.is(i, analysis.words().person_roles));
    if present && !reports_others && !a_person && !in_title_line(analysis, word) {
        Voice::Writer
    } else {
        Voice::Reported
    }
}

/// A short paragraph of its own with no full stop: a title or headline ("Chobani Apologizes for
/// Moldy Yogurt", "KNVB biedt excuses aan: …").
pub(crate) fn in_title_line(analysis: &Analysis<'_>, word: usize) -> bool {
    let paragraph = analysis.text.paragraph(analysis.text.paragraph_of(word));
    let last = paragraph.end.saturating_sub(1);
    paragraph.len() <= 20 && analysis.word(last) != "."
}

/// A text that reports what others said ("said", "according to", "aldus", "woordvoerder"): an
/// institution's apology in it is reported, not made.
fn reports_others(analysis: &Analysis<'_>) -> bool {
    // In the body: a headline's "X zegt sorry" is counted by the headline rule.
    analysis
        .hits(PhraseKind::ReportingCue)
        .iter()
        .filter(|hit| {
            !analysis.text.tokens[hit.start()].quoted() && !in_title_line(analysis, hit.start())
        })
        .take(2)
        .count()
        >= 2
}

fn sorry_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    // Sympathy, not an apology: "so sorry to hear about your father", "sorry for your loss".
    if !analysis
        .hits_in(PhraseKind::Sympathy, word + 1..word + 2)
        .is_empty()
    {
        return Subject::NotAnApology;
    }
    // "sorry is not enough", "sorry does not cut it": the word as a noun.
    if analysis.is(word + 1, words.sorry_as_subject) {
        return Subject::NotAnApology;
    }
    // "how sorry I am", "so sorry we are": the subject follows.
    if analysis.is(word + 1, words.first_person_subjects) && analysis.is(word + 2, words.be_forms) {
        let opener = word
            .checked_sub(1)
            .filter(|&i| analysis.is(i, words.exclamatives));
        return Subject::Writer {
            start: opener.unwrap_or(word),
            explicit: true,
        };
    }
    let Some(before) = back_over(analysis, word, &[words.intensifiers, words.skippable]) else {
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    };
    if analysis.is(before, words.be_forms) {
        let Some(subject) = back_over(
            analysis,
            before,
            &[words.skippable, words.intensifiers, words.plain_negations],
        ) else {
            return Subject::NotAnApology;
        };
        return if analysis.is(subject, words.first_person_subjects) {
            Subject::Writer {
                start: subject,
                explicit: true,
            }
        } else if analysis.is(before, words.third_person_be)
            && !analysis.is(subject, words.third_person_pronouns)
            && analysis.text.is_word(subject)
            && !analysis.is(subject, words.modals)
        {
            // "Acme is sorry for …": the institution, if it is the writer.
            Subject::Third {
                start: subject,
                present: true,
            }
        } else if analysis.is(subject, words.modals) {
            // "I would be sorry", "we will always be sorry": look past the auxiliary.
            match back_over(analysis, subject, &[words.modals, words.skippable]) {
                Some(s) if analysis.is(s, words.first_person_subjects) => Subject::Writer {
                    start: s,
                    explicit: true,
                },
                _ => Subject::Other,
            }
        } else {
            Subject::Other
        };
    }
    if analysis.is(before, words.reporting_verbs) {
        return Subject::Other;
    }
    // A trailing ", sorry." after a statement is the writer's: "Your order left late, sorry."
    let sentence_end = analysis.sentence_of(word).end();
    let trailing = analysis.word(before) == ","
        && (word + 1 == sentence_end || matches!(analysis.word(word + 1), "." | "!" | "…"));
    if trailing {
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    }
    if analysis.is(before, words.sentence_openers) || analysis.word(before) == "," {
        let opener_start = back_over(analysis, before, &[words.sentence_openers, &[","]]);
        if opener_start.is_none() {
            return Subject::Writer {
                start: word,
                explicit: false,
            };
        }
    }
    // A greeting on the same line ("Hi Anna, sorry for …").
    if analysis
        .hits_in(PhraseKind::Greeting, analysis.clause_of(word).tokens())
        .first()
        .is_some_and(|g| g.start() == analysis.clause_of(word).start())
    {
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    }
    Subject::NotAnApology
}

fn verb_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    let adverbs = words.apology_verb_adverbs;
    // "I can't apologize enough": the negation belongs to the idiom, not to the apology.
    let enough = (word + 1..word + 4).any(|i| analysis.is(i, words.enough_words));
    let negation: &[&str] = if enough { words.plain_negations } else { &[] };
    let Some(before) = back_over(
        analysis,
        word,
        &[adverbs, words.skippable, words.intensifiers, negation],
    ) else {
        // "Apologizing for …" with no subject is rare, and the writer's; a bare "apologize for
        // the upset" is an imperative, advice to the reader.
        let verb = analysis.word(word);
        let imperative = !words
            .third_person_suffixes
            .iter()
            .any(|suffix| verb.ends_with(suffix))
            && !analysis.is_past_verb(word)
            && !words
                .regular_progressive_suffixes
                .iter()
                .any(|suffix| verb.ends_with(suffix));
        return if imperative {
            Subject::Other
        } else {
            Subject::Writer {
                start: word,
                explicit: false,
            }
        };
    };
    if analysis.is(before, words.first_person_subjects) {
        return Subject::Writer {
            start: before,
            explicit: true,
        };
    }
    // "Acme apologizes", "City staff would like to apologize".
    if third_person_form(analysis, word)
        && !analysis.is(before, words.third_person_pronouns)
        && analysis.text.is_word(before)
        && !analysis.is(before, words.modals)
    {
        return Subject::Third {
            start: before,
            present: true,
        };
    }
    if analysis.is(before, words.modals) || analysis.is(before, words.be_forms) {
        return match back_over(
            analysis,
            before,
            &[
                words.modals,
                words.skippable,
                words.intensifiers,
                words.be_forms,
                adverbs,
                words.catenative_verbs,
            ],
        ) {
            Some(s) if analysis.is(s, words.first_person_subjects) => Subject::Writer {
                start: s,
                explicit: true,
            },
            // "Let me apologize", "please let us apologize".
            None if analysis.is(before, words.first_person_objects)
                || analysis.is(before, words.infinitive_openers) =>
            {
                let start = back_over(
                    analysis,
                    before,
                    &[words.permission_words, words.first_person_objects],
                )
                .map_or(before, |s| s + 1);
                Subject::Writer {
                    start,
                    explicit: true,
                }
            }
            None => Subject::Writer {
                start: word,
                explicit: false,
            },
            Some(_)
                if analysis.is(word - 1, words.infinitive_openers)
                    && !analysis.is(word.saturating_sub(2), words.modals) =>
            {
                // "I wanted to get in touch to apologize": the nearest subject before is the
                // writer.
                purpose_subject(analysis, word).unwrap_or(Subject::Other)
            }
            Some(subject)
                if !analysis.is(subject, words.third_person_pronouns)
                    && analysis.text.is_word(subject)
                    && !analysis.is_past_verb(subject) =>
            {
                // A finite verb in the chain ("City staff *would* like to apologize"); a bare
                // "the way to apologize" is no one's apology.
                let present = (subject + 1..word)
                    .any(|i| analysis.is(i, words.present_auxiliaries))
                    && !words
                        .regular_progressive_suffixes
                        .iter()
                        .any(|suffix| analysis.word(word).ends_with(suffix));
                if present {
                    Subject::Third {
                        start: subject,
                        present,
                    }
                } else {
                    coordinated_subject(analysis, word, subject)
                }
            }
            Some(subject) => coordinated_subject(analysis, word, subject),
        };
    }
    coordinated_subject(analysis, word, before)
}

/// The subject of an infinitive of purpose: the nearest subject before it in its clause, when
/// that is I/we ("I wanted to get in touch *to* apologize").
fn purpose_subject(analysis: &Analysis<'_>, word: usize) -> Option<Subject> {
    let words = analysis.words();
    let clause = analysis.clause_of(word);
    let reach = clause.start().max(word.saturating_sub(SUBJECT_REACH));
    let subject = (reach..word).rev().find(|&i| {
        analysis.is(i, words.first_person_subjects)
            || (analysis.is(i, words.third_person_pronouns)
                && opens_clause(analysis, i, clause.start()))
    })?;
    // "when I was running the business I went down to the platform to apologize" tells of an
    // apology made then; "I wanted to get in touch to apologize" makes one now.
    let told =
        (subject + 1..word).any(|i| analysis.is_past_verb(i) && !analysis.is(i, words.modals));
    (analysis.is(subject, words.first_person_subjects) && !told).then_some(Subject::Writer {
        start: subject,
        explicit: true,
    })
}

fn noun_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    let Some(before) = back_over(
        analysis,
        word,
        &[words.apology_adjectives, &[","], words.conjunctions],
    ) else {
        // "Apologies for the mix-up" opens an apology; a bare "Apology accepted" does not, nor
        // a noun that is the subject or object of a statement ("Excuses zijn niet genoeg",
        // "Excuses bied je persoonlijk aan"): what follows the bare noun is its object, a
        // comma or the sentence's end.
        if !analysis.is(word, words.bare_apology_nouns) || !opens_bare_apology(analysis, word) {
            return Subject::NotAnApology;
        }
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    };
    // "Again, apologies for …", "Nogmaals excuses": openers before a bare noun.
    if analysis.is(before, words.sentence_openers)
        && analysis.is(word, words.bare_apology_nouns)
        && opens_bare_apology(analysis, word)
        && back_over(analysis, before, &[words.sentence_openers, &[","]]).is_none()
    {
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    }
    if analysis.is(before, words.apology_possessives) {
        let start = back_over(analysis, before, &[words.accepting_words]).map_or(before, |s| s + 1);
        return Subject::Writer {
            start: start.min(before),
            explicit: true,
        };
    }
    // "I owe you an apology", "we owe everyone an apology".
    if analysis.is(before, words.indefinite_articles) {
        if let Some(verb) = back_over(analysis, before, &[words.owed_apology_fillers]) {
            if analysis.is(verb, words.owing_verbs) {
                if let Some(subject) = back_over(analysis, verb, &[words.modals, words.skippable]) {
                    if analysis.is(subject, words.first_person_subjects) {
                        return Subject::Writer {
                            start: subject,
                            explicit: true,
                        };
                    }
                }
            }
        }
        return Subject::NotAnApology;
    }
    if analysis.is(before, words.third_person_possessives) {
        return Subject::Other;
    }
    Subject::NotAnApology
}

/// What may follow a bare apology noun that opens an apology: its object ("for …", "voor …",
/// "to everyone"), a comma, the end of the sentence.
fn opens_bare_apology(analysis: &Analysis<'_>, word: usize) -> bool {
    let sentence = analysis.sentence_of(word);
    // A title that is the bare noun ("Excuses…", "Apologies") names a topic.
    let paragraph = analysis.text.paragraph(analysis.text.paragraph_of(word));
    if paragraph.start == word
        && (word + 1..paragraph.end).all(|i| !analysis.text.is_word(i))
        && in_title_line(analysis, word)
    {
        return false;
    }
    word + 1 >= sentence.end()
        || analysis.is(word + 1, analysis.words().after_bare_apology)
        || matches!(
            analysis.word(word + 1),
            "," | "." | "!" | "…" | ":" | "-" | "—" | "'" | "\""
        )
}

fn regret_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    // "We regret to inform you": a formula for bad news, not an apology.
    if analysis.is(word + 1, words.infinitive_openers) {
        return Subject::NotAnApology;
    }
    // "We regretted …" tells of a regret; only the present one is made here.
    if analysis.is_past_verb(word) {
        return Subject::NotAnApology;
    }
    match back_over(
        analysis,
        word,
        &[words.intensifiers, words.skippable, words.regret_fillers],
    ) {
        Some(before) if analysis.is(before, words.first_person_subjects) => Subject::Writer {
            start: before,
            explicit: true,
        },
        Some(before)
            if analysis.is(before, words.apology_possessives)
                && third_person_form(analysis, word) =>
        {
            Subject::Writer {
                start: before,
                explicit: true,
            }
        }
        // "They regret", not "I understand *that* and regret", where "that" is an object.
        Some(before)
            if analysis.is(before, words.third_person_pronouns)
                && opens_clause(analysis, before, analysis.clause_of(before).start()) =>
        {
            Subject::Other
        }
        // "The council regrets the disruption": an institution of itself, if it is the writer.
        Some(before) if analysis.text.is_word(before) && third_person_form(analysis, word) => {
            Subject::Third {
                start: before,
                present: true,
            }
        }
        Some(before) if analysis.is(before, words.third_person_subjects) => Subject::Other,
        Some(before) => match coordinated_subject(analysis, word, before) {
            Subject::Other => Subject::NotAnApology,
            subject => subject,
        },
        _ => Subject::NotAnApology,
    }
}

/// A verb in its present third person singular ("apologizes", "regrets").
fn third_person_form(analysis: &Analysis<'_>, word: usize) -> bool {
    let form = analysis.word(word);
    analysis
        .words()
        .third_person_suffixes
        .iter()
        .any(|suffix| form.ends_with(suffix))
}

/// An apology inside double quotes is someone else's words ("“We are sorry,” the CEO said") or
/// a mention of the phrase, as in a guide or this tool's own documentation ("never write
/// “sorry if you were upset”"): either way not the writer apologizing.
fn is_reported_quote(analysis: &Analysis<'_>, word: usize) -> bool {
    analysis.text.tokens[word].quoted()
}

/// "I will apologize to them in person", "I also plan to meet them and apologize": a future or
/// a plan between the subject and the verb.
fn is_planned(analysis: &Analysis<'_>, start: usize, word: usize) -> bool {
    (start..word).any(|i| analysis.is(i, analysis.words().future_markers))
}

/// An apology in a sentence that names its speaker ("We are sorry, said a spokesperson",
/// ",,Wij bieden onze excuses aan'', zegt een woordvoerder") is reported, quotes or not; "as I
/// said, I am sorry" is not.
fn is_attributed(analysis: &Analysis<'_>, word: usize) -> bool {
    let sentence = analysis.sentence_of(word);
    let words = analysis.words();
    analysis
        .hits_in(PhraseKind::ReportingCue, sentence.tokens())
        .iter()
        .filter(|cue| !analysis.text.tokens[cue.start()].quoted())
        .any(|cue| {
            let cue = cue.start();
            let near = cue.saturating_sub(2).max(sentence.start())..(cue + 3).min(sentence.end());
            !near
                .into_iter()
                .any(|i| analysis.is(i, words.first_person_subjects))
        })
}

/// Words in the writer's text that are not the writer apologizing: quoted (unless the writer
/// quotes themself), mentioned, said by someone else, or attributed.
fn is_someone_elses(analysis: &Analysis<'_>, start: usize, word: usize) -> bool {
    (is_reported_quote(analysis, start) && !is_self_quoted(analysis, start))
        || is_mention(analysis, start, word)
        || is_said_by_another(analysis, start)
        || is_attributed(analysis, start)
}

/// "Not once did he say, I'm sorry", "the first thing I learned was to say, I'm sorry": an
/// apology after a verb of saying whose subject is someone else, or the writer telling of
/// another time, is mentioned, not made. "I just wanted to say I'm sorry" makes it.
fn is_said_by_another(analysis: &Analysis<'_>, start: usize) -> bool {
    let words = analysis.words();
    let sentence_start = analysis.sentence_of(start).start();
    let mut say = start;
    while say > sentence_start && !analysis.text.is_word(say - 1) {
        say -= 1;
    }
    if say == sentence_start || !analysis.is(say - 1, words.saying_verbs) {
        return false;
    }
    let progressive = |i: usize| {
        let word = analysis.word(i);
        words
            .regular_progressive_suffixes
            .iter()
            .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
    };
    let mut index = say - 1;
    while index > sentence_start {
        index -= 1;
        let skipped = analysis.is(index, words.modals)
            || analysis.is(index, words.be_forms)
            || analysis.is(index, words.skippable)
            || analysis.is(index, words.intensifiers)
            || is_adverb(analysis, index)
            || progressive(index);
        if !skipped {
            return !analysis.is(index, words.first_person_subjects);
        }
    }
    false
}

/// "We say: “Sorry!”", "zeggen we: “Sorry!”": the writer quoting their own apology. The words
/// before the opening quote, in the same sentence, are I/we and a verb of saying.
fn is_self_quoted(analysis: &Analysis<'_>, word: usize) -> bool {
    let sentence = analysis.sentence_of(word);
    let tokens = &analysis.text.tokens;
    let Some(open) = (sentence.start()..word)
        .rev()
        .find(|&i| !tokens[i].quoted())
    else {
        return false;
    };
    let from = open.saturating_sub(6).max(sentence.start());
    let words = analysis.words();
    (from..=open).any(|i| analysis.is(i, words.first_person_subjects))
        && (from..=open).any(|i| analysis.is(i, words.saying_verbs))
}

/// An apology between single quotes is mentioned, not made: a guide's "zeg nooit 'het spijt
/// me, maar'" or "never write 'sorry if you were upset'". The opening quote stands before the
/// expression with a space (or the sentence start) before it, a closing one follows glued to a
/// word; "'t spijt me" is an elision of *het*, not a quote.
fn is_mention(analysis: &Analysis<'_>, start: usize, word: usize) -> bool {
    let tokens = &analysis.text.tokens;
    let Some(open) = start.checked_sub(1) else {
        return false;
    };
    let paragraph = analysis.text.paragraph(analysis.text.paragraph_of(start));
    if open < paragraph.start
        || analysis.word(open) != "'"
        || !(open == paragraph.start || tokens[open].spaced_before())
        || analysis.words().elisions.iter().any(|elision| {
            analysis
                .span(start..start + 1)
                .slice(analysis.source)
                .eq_ignore_ascii_case(elision)
        })
    {
        return false;
    }
    (word + 1..paragraph.end.min(word + 40))
        .any(|i| analysis.word(i) == "'" && !tokens[i].spaced_before())
}

/// An apology about the message itself: its object follows within a few words.
fn is_passing(analysis: &Analysis<'_>, word: usize) -> bool {
    let sentence = analysis.sentence_of(word);
    analysis
        .hits_in(PhraseKind::PassingObject, word + 1..sentence.end())
        .iter()
        .any(|hit| hit.start() <= word + 3)
        || !analysis
            .hits_in(PhraseKind::PassingTopic, sentence.tokens())
            .is_empty()
}
