//! Which language a document is written in: a stop-word vote, light enough for a four-word draft
//! and a 1 MB one alike (no models to load).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::Language;
use crate::lint::markup::ProseRun;

const ENGLISH: &[&str] = &[
    "the", "and", "you", "we", "i", "to", "of", "is", "for", "your", "our", "that", "it", "this",
    "with", "was", "are", "have", "will", "sorry", "not", "on", "be", "my", "in",
];
const DUTCH: &[&str] = &[
    "de", "het", "een", "en", "ik", "je", "u", "wij", "we", "van", "voor", "is", "niet", "dat",
    "met", "uw", "onze", "ons", "spijt", "excuses", "dit", "zijn", "heeft", "hebben", "op", "er",
    "ook", "maar", "als", "bij", "naar",
];

static ENGLISH_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ENGLISH.iter().copied().collect());
static DUTCH_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| DUTCH.iter().copied().collect());

/// The main language of the prose in `runs` (English when undecided).
pub fn detect(text: &str, runs: &[ProseRun]) -> Language {
    let (mut english, mut dutch) = (0usize, 0usize);
    let mut seen = 0usize;
    let mut lower = String::new();
    'runs: for run in runs {
        for word in text[run.range.start..run.range.end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && w.len() <= 8)
        {
            lower.clear();
            // Most words are ASCII: lowercase them bytewise, not through Unicode's case tables.
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            english += usize::from(ENGLISH_SET.contains(lower.as_str()));
            dutch += usize::from(DUTCH_SET.contains(lower.as_str()));
            seen += 1;
            // A few thousand words decide any document; the rest would only cost time.
            if seen > 2000 {
                break 'runs;
            }
        }
    }
    if dutch > english {
        Language::Dutch
    } else {
        Language::English
    }
}
