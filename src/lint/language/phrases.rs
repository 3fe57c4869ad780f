//! Phrase tables: patterns written as data, compiled once into one Aho-Corasick automaton.
//!
//! A pattern is a sequence of normalized tokens (lowercase, contractions expanded, curly quotes
//! straightened: see [`super::text`]) with a little syntax so tables stay short:
//! - `(a|b c|)` alternatives, one of which may be empty; groups nest;
//! - `[a b]` and `(a|b)?` optional words, the same as `(a b|)`;
//! - `{a b}` marks the words a fix acts on (the hit carries their token range).
//!
//! Every phrase of a language's lexicon goes into one automaton, so the document is scanned once
//! for all of them; each hit says which [`PhraseKind`] and which entry of that kind's table it is.
//!
//! The automaton runs over *words*, not characters: every word that occurs in a table gets a
//! number, each token of the document becomes its word's number (or "unknown") in two bytes, and
//! the literals are spelled the same way. The trie is several times smaller than one over
//! characters (start-up time and memory), the haystack is shorter (scan time), a match is
//! always whole words, and a hit's token index is its byte offset halved.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};

use super::PhraseKind;
use super::text::Text;

/// Two bytes per word: the first carries the high bit, the second never does, so a literal can
/// only match at an even offset — on a word boundary.
const UNKNOWN_WORD: [u8; 2] = [0x80, 0x00];
const MAX_WORDS: usize = 1 << 15;

fn encode(id: u16) -> [u8; 2] {
    [0x80 | (id >> 7) as u8, (id & 0x7F) as u8]
}

/// A phrase found in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    pub kind: PhraseKind,
    /// Index of the pattern in its kind's table.
    pub entry: u16,
    /// Token indices `start..end`.
    pub start: u32,
    pub end: u32,
    /// Token indices of the `{marked}` words, if the pattern marks any.
    pub mark: Option<(u32, u32)>,
}

impl PhraseHit {
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn marked_tokens(&self) -> Option<std::ops::Range<usize>> {
        self.mark.map(|(start, end)| start as usize..end as usize)
    }
}

struct Literal {
    kind: PhraseKind,
    entry: u16,
    /// Token offsets of the marked words within the literal.
    mark: Option<(u32, u32)>,
    /// How many tokens the literal has.
    len: u32,
}

/// All phrase tables of one language, compiled.
pub struct PhraseBook {
    automaton: AhoCorasick,
    literals: Vec<Literal>,
    /// Every word of every table, numbered from 1 (0 is "unknown").
    vocabulary: FxHashMap<String, u16>,
    longest: usize,
}

impl PhraseBook {
    /// Compile `tables`. Panics on a malformed pattern: tables are constants, and the lexicon's
    /// unit tests compile every table.
    pub fn compile(tables: &[(PhraseKind, &[&str])]) -> PhraseBook {
        let mut vocabulary: FxHashMap<String, u16> = FxHashMap::default();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut literals = Vec::new();
        // Two patterns of one kind may expand to the same literal: keep the first.
        let mut seen: FxHashSet<(PhraseKind, Vec<u8>)> = FxHashSet::default();
        for (kind, table) in tables {
            for (entry, pattern) in table.iter().enumerate() {
                for expansion in expand(pattern) {
                    let mut bytes = Vec::with_capacity(expansion.tokens.len() * 2);
                    for word in &expansion.tokens {
                        let id = match vocabulary.get(*word) {
                            Some(id) => *id,
                            None => {
                                let next = vocabulary.len() + 1;
                                assert!(next < MAX_WORDS, "too many distinct words in the tables");
                                vocabulary.insert((*word).to_owned(), next as u16);
                                next as u16
                            }
                        };
                        bytes.extend(encode(id));
                    }
                    if !seen.insert((*kind, bytes.clone())) {
                        continue;
                    }
                    literals.push(Literal {
                        kind: *kind,
                        entry: entry as u16,
                        mark: expansion
                            .mark
                            .map(|(start, end)| (start as u32, end as u32)),
                        len: expansion.tokens.len() as u32,
                    });
                    patterns.push(bytes);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A contiguous NFA: a DFA over tens of thousands of literals would cost far more
            // memory and start-up time, for a scan that is only somewhat faster.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("phrase tables compile");
        let longest = literals
            .iter()
            .map(|literal| literal.len as usize)
            .max()
            .unwrap_or(0);
        PhraseBook {
            automaton,
            literals,
            vocabulary,
            longest,
        }
    }

    /// The number of tokens in the longest literal.
    pub fn longest_literal(&self) -> usize {
        self.longest
    }

    /// How many literals the tables expanded to (their product grows fast: keep it in check).
    pub fn literal_count(&self) -> usize {
        self.literals.len()
    }

    /// The automaton's heap size in bytes.
    pub fn memory_usage(&self) -> usize {
        self.automaton.memory_usage()
    }

    /// Every hit in `text`, as token ranges. No hit spans a hard break (a new block or sentence
    /// line).
    pub fn scan(&self, text: &Text) -> Vec<PhraseHit> {
        let mut haystack = Vec::with_capacity(text.tokens.len() * 2);
        for index in 0..text.tokens.len() {
            let id = self.vocabulary.get(text.word(index)).copied();
            haystack.extend(id.map_or(UNKNOWN_WORD, encode));
        }
        let mut hits = Vec::new();
        for found in self.automaton.find_overlapping_iter(&haystack) {
            let literal = &self.literals[found.pattern().as_usize()];
            let start = (found.start() / 2) as u32;
            let end = start + literal.len;
            if (start + 1..end).any(|i| text.tokens[i as usize].hard_break) {
                continue;
            }
            hits.push(PhraseHit {
                kind: literal.kind,
                entry: literal.entry,
                start,
                end,
                mark: literal.mark.map(|(from, to)| (start + from, start + to)),
            });
        }
        hits
    }
}

/// One literal a pattern expands to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Expansion<'p> {
    pub tokens: Vec<&'p str>,
    pub mark: Option<(usize, usize)>,
}

/// Expand a pattern into its literals.
pub(crate) fn expand(pattern: &str) -> Vec<Expansion<'_>> {
    let mut parser = PatternParser {
        pattern,
        rest: pattern,
        marked: false,
    };
    let expansions = parser.sequence(&[]);
    assert!(
        parser.rest.trim().is_empty(),
        "unbalanced group in phrase pattern {pattern:?}"
    );
    expansions
        .into_iter()
        .filter(|words| !words.is_empty())
        .map(split_hyphens)
        .map(|words| {
            let first = words.iter().position(|(_, marked)| *marked);
            let last = words.iter().rposition(|(_, marked)| *marked);
            Expansion {
                mark: first.zip(last).map(|(first, last)| (first, last + 1)),
                tokens: words.into_iter().map(|(word, _)| word).collect(),
            }
        })
        .collect()
}

type Words<'p> = Vec<(&'p str, bool)>;

/// A recursive-descent reader of the pattern syntax; groups nest.
struct PatternParser<'p> {
    pattern: &'p str,
    rest: &'p str,
    /// Inside `{…}`.
    marked: bool,
}

impl<'p> PatternParser<'p> {
    /// Every expansion of a sequence of items, up to one of `stops` (not consumed).
    fn sequence(&mut self, stops: &[char]) -> Vec<Words<'p>> {
        let mut expansions: Vec<Words<'p>> = vec![Vec::new()];
        loop {
            self.rest = self.rest.trim_start();
            let Some(first) = self.rest.chars().next() else {
                return expansions;
            };
            if stops.contains(&first) {
                return expansions;
            }
            let alternatives: Vec<Words<'p>> = match first {
                '{' | '}' => {
                    self.marked = first == '{';
                    self.rest = &self.rest[1..];
                    continue;
                }
                '(' | '[' => {
                    let close = if first == '(' { ')' } else { ']' };
                    self.rest = &self.rest[1..];
                    let mut alternatives = Vec::new();
                    loop {
                        alternatives.extend(self.sequence(&['|', close]));
                        match self.rest.chars().next() {
                            Some('|') => self.rest = &self.rest[1..],
                            Some(c) if c == close => {
                                self.rest = &self.rest[1..];
                                break;
                            }
                            _ => panic!("unclosed group in phrase pattern {:?}", self.pattern),
                        }
                    }
                    // `[…]` and `(…)?` are optional.
                    if first == '[' || self.rest.starts_with('?') {
                        self.rest = self.rest.strip_prefix('?').unwrap_or(self.rest);
                        alternatives.push(Vec::new());
                    }
                    alternatives
                }
                ')' | ']' | '|' => panic!("unbalanced group in phrase pattern {:?}", self.pattern),
                _ => {
                    let end = self
                        .rest
                        .find(|c: char| c.is_whitespace() || "()[]{}|".contains(c))
                        .unwrap_or(self.rest.len());
                    let word = &self.rest[..end];
                    self.rest = &self.rest[end..];
                    vec![vec![(word, self.marked)]]
                }
            };
            let mut next = Vec::with_capacity(expansions.len() * alternatives.len());
            for prefix in &expansions {
                for alternative in &alternatives {
                    let mut words = prefix.clone();
                    words.extend(alternative.iter().cloned());
                    next.push(words);
                }
            }
            expansions = next;
        }
    }
}

/// The tokenizer splits "mix-up" into `mix - up` (UAX #29), so patterns are split the same way.
fn split_hyphens(words: Words<'_>) -> Words<'_> {
    let mut split = Vec::with_capacity(words.len());
    for (word, marked) in words {
        if word.len() > 1 && word.contains('-') {
            for (index, part) in word.split('-').enumerate() {
                if index > 0 {
                    split.push(("-", marked));
                }
                split.push((part, marked));
            }
        } else {
            split.push((word, marked));
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Vec<String> {
        expand(pattern)
            .into_iter()
            .map(|expansion| expansion.tokens.join(" "))
            .collect()
    }

    #[test]
    fn alternatives_and_optionals_expand_to_every_literal() {
        assert_eq!(
            literals("(i am|we are) [very] sorry"),
            [
                "i am very sorry",
                "i am sorry",
                "we are very sorry",
                "we are sorry"
            ]
        );
        assert_eq!(
            literals("sorry (for|about|) it"),
            ["sorry for it", "sorry about it", "sorry it"]
        );
    }

    #[test]
    fn marks_cover_the_marked_words_of_each_literal() {
        let expansions = expand("a {(slight|small)} delay");
        assert_eq!(expansions[0].mark, Some((1, 2)));
        let expansions = expand("{only} a few (days|hours)");
        assert_eq!(expansions[1].tokens, ["only", "a", "few", "hours"]);
        assert_eq!(expansions[1].mark, Some((0, 1)));
        assert_eq!(expand("no mark here")[0].mark, None);
        assert_eq!(literals("a mix-up"), ["a mix - up"]);
        assert_eq!(
            literals("(very|so)? sorry"),
            ["very sorry", "so sorry", "sorry"]
        );
    }
}
