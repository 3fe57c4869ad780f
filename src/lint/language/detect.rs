//! Which language a document is written in: a stop-word vote, light enough for a four-word draft
//! and a 1 MB one alike (no models to load).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

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

/// Each stop word with the languages it counts for (bit 0 English, bit 1 Dutch): one lookup a
/// word.
static STOP_WORDS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut words = FxHashMap::default();
    for (list, bit) in [(ENGLISH, 1), (DUTCH, 2)] {
        for word in list {
            *words.entry(*word).or_insert(0) |= bit;
        }
    }
    words
});

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
            let languages = STOP_WORDS.get(lower.as_str()).copied().unwrap_or(0);
            english += usize::from(languages & 1);
            dutch += usize::from(languages >> 1);
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
