//! Which language a document is written in: a stop-word vote, light enough for a four-word draft
//! and a 1 MB one alike (no models to load).

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

/// The main language of the prose in `runs` (English when undecided).
pub fn detect(text: &str, runs: &[ProseRun]) -> Language {
    let (mut english, mut dutch) = (0usize, 0usize);
    let mut seen = 0usize;
    'runs: for run in runs {
        for word in text[run.range.start..run.range.end]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let lower = word.to_lowercase();
            english += usize::from(ENGLISH.contains(&lower.as_str()));
            dutch += usize::from(DUTCH.contains(&lower.as_str()));
            seen += 1;
            // A few thousand words decide any document; the rest would only cost time.
            if seen > 5000 {
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
