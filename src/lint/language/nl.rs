//! The Dutch lexicon.
//!
//! Dutch rules come with the Dutch issue; until then the tables are empty, so a Dutch draft gets
//! no apology expression, fails the gate and gets nothing — silence rather than English rules
//! misreading Dutch.

use super::{PhraseKind, WordLists};

pub(super) fn contraction(_word: &str) -> Option<&'static [&'static str]> {
    None
}

pub(super) const WORDS: WordLists = WordLists {
    first_person_subjects: &["ik", "wij", "we"],
    first_person_any: &["ik", "wij", "we", "mij", "me", "ons", "onze", "mijn", "m'n"],
    be_forms: &[],
    intensifiers: &[],
    sincerity_intensifiers: &[],
    skippable: &[],
    modals: &[],
    after_apology: &[],
    apology_adjectives: &[],
    reporting_verbs: &[],
    third_person_subjects: &[],
    sentence_openers: &[],
    subject_words: &[],
    irregular_past: &[],
    present_auxiliaries: &[],
    commitment_auxiliaries: &[],
};

pub(super) const TABLES: &[(PhraseKind, &[&str])] = &[];
