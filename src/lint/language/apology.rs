//! Apology expressions, and whose they are.
//!
//! The catalog's gate counts only the writer's own apologies: I/we + sorry / apologize / regret
//! (not "regret to inform"), "my/our apologies", a sentence-initial "Sorry …" / "Apologies for …".
//! Not the writer's: a *reported* apology ("the CEO apologized", "she said sorry", a quoted
//! first-person line with a reporting verb) and a *passing* one, about the message itself
//! ("sorry for the late reply", "sorry if this is a dumb question").

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
    pub word: u32,
    /// The first token of the expression ("I" in "I am so sorry").
    pub start: u32,
    pub sentence: usize,
    pub form: ApologyForm,
    pub voice: Voice,
    /// An explicit first-person subject or possessive ("I'm sorry", "our apologies"), as opposed
    /// to a bare "Sorry".
    pub explicit_subject: bool,
}

impl ApologyExpression {
    /// The tokens from the subject to the apology word.
    pub fn tokens(&self) -> Range<usize> {
        self.start as usize..self.word as usize + 1
    }
}

enum Subject {
    /// I / we / my / our, or an implied writer (a bare sentence-initial "Sorry").
    Writer {
        start: usize,
        explicit: bool,
    },
    Other,
    /// The word is not used as an apology here ("a sorry state", "the art of the apology").
    NotAnApology,
}

pub(super) fn find(analysis: &Analysis<'_>) -> Vec<ApologyExpression> {
    let mut found = whole_expressions(analysis);
    let covered: Vec<std::ops::Range<usize>> = found.iter().map(|a| a.tokens()).collect();
    for hit in analysis.hits(PhraseKind::ApologyWord) {
        let word = hit.start as usize;
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
        let (start, explicit, mut voice) = match subject {
            Subject::NotAnApology => continue,
            Subject::Other => (word, false, Voice::Reported),
            Subject::Writer { start, explicit } => (start, explicit, Voice::Writer),
        };
        if voice == Voice::Writer
            && (is_reported_quote(analysis, word) || is_mention(analysis, start, word))
        {
            voice = Voice::Reported;
        }
        if voice == Voice::Writer && is_passing(analysis, word) {
            voice = Voice::Passing;
        }
        found.push(ApologyExpression {
            word: word as u32,
            start: start as u32,
            sentence: analysis.text.sentence_of(word),
            form,
            voice,
            explicit_subject: explicit,
        });
    }
    found.sort_by_key(|apology| apology.word);
    found
}

/// The apology expressions a language writes out whole in its tables (Dutch: "het spijt ons",
/// "dat het me spijt", "onze excuses", "wij verontschuldigen ons"): where word order puts the
/// subject after the verb or the verb last, a table says it more plainly than a grammar walk.
/// Overlapping hits are one expression: the earliest start, then the longest. The expression's
/// word is its last token, the one its object follows ("het spijt me *dat* …", "onze excuses
/// *voor* …").
fn whole_expressions(analysis: &Analysis<'_>) -> Vec<ApologyExpression> {
    let mut hits: Vec<(PhraseHit, ApologyForm)> = [
        (PhraseKind::ApologyFeeling, ApologyForm::Sorry),
        (PhraseKind::ApologyAct, ApologyForm::Apologize),
        (PhraseKind::ApologyNoun, ApologyForm::Apologies),
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
        let (start, end) = (hit.start as usize, hit.end as usize);
        if start < taken_until {
            continue;
        }
        taken_until = end;
        let word = end - 1;
        let mut voice = Voice::Writer;
        if is_reported_quote(analysis, start) || is_mention(analysis, start, word) {
            voice = Voice::Reported;
        } else if is_passing(analysis, word) {
            voice = Voice::Passing;
        }
        found.push(ApologyExpression {
            word: word as u32,
            start: start as u32,
            sentence: analysis.text.sentence_of(word),
            form,
            voice,
            explicit_subject: (start..end).any(|i| analysis.is(i, words.first_person_any)),
        });
    }
    found
}

fn form_of(analysis: &Analysis<'_>, word: &str) -> ApologyForm {
    if word.starts_with("apologi") && !word.ends_with('y') && !word.ends_with("ies") {
        ApologyForm::Apologize
    } else if word.starts_with("apolog") || analysis.words().bare_apology_nouns.contains(&word) {
        ApologyForm::Apologies
    } else if word.starts_with("regret") {
        ApologyForm::Regret
    } else {
        ApologyForm::Sorry
    }
}

/// Walk back from `from` over words in `skip`, staying in the clause; returns the first other
/// token's index, or `None` at the clause start.
fn back_over(analysis: &Analysis<'_>, from: usize, skip: &[&[&str]]) -> Option<usize> {
    let clause_start = analysis.clause_of(from).start as usize;
    let mut index = from;
    while index > clause_start {
        index -= 1;
        let word = analysis.word(index);
        if !skip.iter().any(|list| list.contains(&word)) {
            return Some(index);
        }
    }
    None
}

fn sorry_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    // "sorry is not enough", "sorry does not cut it": the word as a noun.
    if analysis.is(
        word + 1,
        &[
            "is", "was", "does", "will", "would", "means", "just", "seems", "isn't",
        ],
    ) {
        return Subject::NotAnApology;
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
            &[words.skippable, words.intensifiers, &["not", "truly"]],
        ) else {
            return Subject::NotAnApology;
        };
        return if analysis.is(subject, words.first_person_subjects) {
            Subject::Writer {
                start: subject,
                explicit: true,
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
    let sentence_end = analysis.sentence_of(word).end as usize;
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
        .is_some_and(|g| g.start as usize == analysis.clause_of(word).start as usize)
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
    let adverbs: &[&str] = &[
        "sincerely",
        "deeply",
        "truly",
        "humbly",
        "unreservedly",
        "really",
        "again",
        "also",
        "profusely",
        "personally",
        "wholeheartedly",
        "fully",
        "must",
        "do",
        "hereby",
    ];
    let Some(before) = back_over(
        analysis,
        word,
        &[adverbs, words.skippable, words.intensifiers],
    ) else {
        // "Apologizing for …" with no subject is rare; treat "Apologize …" as the writer's.
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    };
    if analysis.is(before, words.first_person_subjects) {
        return Subject::Writer {
            start: before,
            explicit: true,
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
                &["like", "love"],
            ],
        ) {
            Some(s) if analysis.is(s, words.first_person_subjects) => Subject::Writer {
                start: s,
                explicit: true,
            },
            // "Let me apologize", "please let us apologize".
            None if analysis.is(before, &["me", "us"]) || analysis.word(before) == "to" => {
                let start = back_over(analysis, before, &[&["let", "please", "me", "us"]])
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
            Some(_) => Subject::Other,
        };
    }
    Subject::Other
}

fn noun_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    let Some(before) = back_over(
        analysis,
        word,
        &[words.apology_adjectives, &[",", "and", "en"]],
    ) else {
        // "Apologies for the mix-up" opens an apology; a bare "Apology accepted" does not, nor
        // a noun that is the subject of a statement ("Excuses zijn niet genoeg").
        if !analysis.is(word, words.bare_apology_nouns)
            || analysis.is(
                word + 1,
                &["are", "were", "zijn", "waren", "helpen", "maken"],
            )
        {
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
        && back_over(analysis, before, &[words.sentence_openers, &[","]]).is_none()
    {
        return Subject::Writer {
            start: word,
            explicit: false,
        };
    }
    if analysis.is(before, &["my", "our", "mijn", "onze"]) {
        let start = back_over(
            analysis,
            before,
            &[&["please", "accept", "kindly", "do", "and"]],
        )
        .map_or(before, |s| s + 1);
        return Subject::Writer {
            start: start.min(before),
            explicit: true,
        };
    }
    // "I owe you an apology", "we owe everyone an apology".
    if analysis.is(before, &["an", "a"]) {
        if let Some(verb) = back_over(
            analysis,
            before,
            &[&[
                "you", "everyone", "all", "of", "them", "him", "her", "a", "an", "real", "proper",
                "big",
            ]],
        ) {
            if analysis.is(verb, &["owe", "offer", "extend", "make"]) {
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
    if analysis.is(before, &["his", "her", "their", "its"]) {
        return Subject::Other;
    }
    Subject::NotAnApology
}

fn regret_subject(analysis: &Analysis<'_>, word: usize) -> Subject {
    let words = analysis.words();
    // "We regret to inform you": a formula for bad news, not an apology.
    if analysis.word(word + 1) == "to" {
        return Subject::NotAnApology;
    }
    if !analysis.is(word, &["regret", "regrets"]) {
        return Subject::NotAnApology;
    }
    match back_over(
        analysis,
        word,
        &[words.intensifiers, words.skippable, &["much", "do"]],
    ) {
        Some(before) if analysis.is(before, words.first_person_subjects) => Subject::Writer {
            start: before,
            explicit: true,
        },
        Some(before) if analysis.is(before, &["our", "my"]) && analysis.word(word) == "regrets" => {
            Subject::Writer {
                start: before,
                explicit: true,
            }
        }
        Some(before) if analysis.is(before, words.third_person_subjects) => Subject::Other,
        _ => Subject::NotAnApology,
    }
}

/// An apology inside double quotes is someone else's words ("“We are sorry,” the CEO said") or
/// a mention of the phrase, as in a guide or this tool's own documentation ("never write
/// “sorry if you were upset”"): either way not the writer apologizing.
fn is_reported_quote(analysis: &Analysis<'_>, word: usize) -> bool {
    analysis.text.tokens[word].quoted()
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
        || matches!(
            analysis.span(start..start + 1).slice(analysis.source),
            "t" | "T" | "s"
        )
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
        .hits_in(PhraseKind::PassingObject, word + 1..sentence.end as usize)
        .iter()
        .any(|hit| hit.start as usize <= word + 3)
}
