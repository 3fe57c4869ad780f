//! Phrase tables: patterns written as data, compiled once into one word automaton.
//!
//! A pattern is a sequence of normalized tokens (lowercase, contractions expanded, curly quotes
//! straightened: see [`super::text`]) with a little syntax so tables stay short:
//! - `(a|b c|)` alternatives, one of which may be empty; groups nest;
//! - `[a b]` and `(a|b)?` optional words, the same as `(a b|)`;
//! - `{a b}` marks the words a fix acts on (the hit carries their token range);
//! - `@name` stands for a word class of the language's data (`@intensifier`, `@repair_verb`):
//!   the words that float inside a phrase or make up a word family are listed once, in
//!   `en.rs` or `nl.rs`, never in a pattern or a rule;
//! - `*` is any one word, but no mark that ends a sentence or clause (`.` `,` `;` `:` a dash):
//!   the slot for an indirect object or a name (`bieden wij * [*] excuses aan`). A pattern
//!   never starts with it.
//!
//! A pattern *means* the set of literals it expands to (every choice of alternatives), and a hit
//! is a literal found in the document: each occurrence of each distinct literal of a kind is one
//! hit, credited to the first table entry (and the first expansion of it) that spells it.
//!
//! Every phrase of a language's lexicon goes into one automaton, so the document is scanned once
//! for all of them; each hit says which [`PhraseKind`] and which entry of that kind's table it is.
//! The automaton runs over *words*, not characters: every word that occurs in a table gets a
//! number, which the tokenizer looks up as it reads each word (the book is its
//! [`Dictionary`], which also expands contractions). A match is always whole words.
//!
//! The literals are never spelled out: the English tables expand to some 60 000 of them, and
//! building a trie of those would take longer than linting a megabyte. Instead each pattern becomes a
//! small graph of word transitions (a group is a fork and a join, so "(refund|replace|…) (you|
//! your|…)" is two forks, not a product), and the union of all patterns is made deterministic
//! once, by subset construction. Alternatives that lead to the same place merge into one state,
//! so the automaton has a few thousand states where a trie would have hundreds of thousands of
//! nodes.
//! The document is scanned from every token: a walk ends at the first word no pattern continues
//! with, and no walk is longer than the longest literal, so the scan stays linear.
//!
//! The automaton says which patterns end where; which words a pattern *marks* depends on the
//! path through it, so the mark of a hit is found afterwards by matching that one pattern against
//! the hit's few words, trying the alternatives in expansion order.

use rustc_hash::FxHashMap;

use super::PhraseKind;
use super::int_table::IntTable;
use super::text::{Dictionary, Lookup, Text};
use super::vocabulary::{UNKNOWN, Vocabulary, WordId};
use super::word::ShortWord;

/// A phrase found in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    pub kind: PhraseKind,
    /// The `{marked}` words ([`PhraseHit::marked_tokens`]) as token counts back from `end`,
    /// first and after last; `[0, 0]` when the pattern marks none. Counted from the end, which
    /// stays where the scan found it when a hit is moved back to its subject. A byte each (no
    /// hit is longer than the longest literal, which `PhraseBook::compile` checks): a long
    /// draft has a hit every few tokens, each a third smaller than with the indices whole.
    mark_back: [u8; 2],
    /// Index of the pattern in its kind's table.
    pub entry: u16,
    /// Token indices `start..end`.
    pub(in crate::lint::language) start: u32,
    pub(in crate::lint::language) end: u32,
}

// A hit every four tokens on a dense draft, kept as long as the lint: see `mark_back`.
const _: () = assert!(std::mem::size_of::<PhraseHit>() == 16);

impl PhraseHit {
    /// The hit of pattern `entry` of `kind` over tokens `start..end`, marking tokens `mark`.
    pub fn new(
        kind: PhraseKind,
        entry: u16,
        start: u32,
        end: u32,
        mark: Option<(u32, u32)>,
    ) -> PhraseHit {
        let back = |at: u32| u8::try_from(end - at).expect("a mark lies within its hit");
        PhraseHit {
            kind,
            mark_back: mark.map_or([0, 0], |(first, after)| [back(first), back(after)]),
            entry,
            start,
            end,
        }
    }

    /// The same hit filed as one of `kind` that starts at token `start` (an act's subject or
    /// auxiliary), with the same end and marked words.
    pub fn refiled(&self, kind: PhraseKind, start: usize) -> PhraseHit {
        PhraseHit {
            kind,
            start: start as u32,
            ..*self
        }
    }

    /// The index of its first token.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The index after its last token.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    pub fn marked_tokens(&self) -> Option<std::ops::Range<usize>> {
        let [first, after] = self.mark_back.map(|back| self.end() - usize::from(back));
        // A mark holds a word, so a first word counted back from the end is never 0 back.
        (self.mark_back[0] != 0).then_some(first..after)
    }
}

/// State 0 of the automaton is the dead state: no pattern goes on from here.
const DEAD: u32 = 0;
const START: u32 = 1;

/// One parsed pattern item.
#[derive(Debug)]
enum Item {
    Word {
        id: WordId,
        marked: bool,
    },
    /// Any one word but a [`SLOT_STOPS`] mark.
    Any {
        marked: bool,
    },
    /// Alternatives; an optional group has an empty one last.
    Group(Vec<Vec<Item>>),
}

/// What a `*` slot never matches: the marks that end a sentence or a clause, and commas, so a
/// slot stands for a word of the same clause.
const SLOT_STOPS: &[&str] = &[
    ".", "!", "?", "…", ";", ":", ",", "-", "–", "—", "(", ")", "\"",
];

/// A word class a pattern names with `@name`, and the pattern it stands for.
pub type WordClass = (&'static str, &'static str);

struct Pattern {
    kind: PhraseKind,
    entry: u16,
    items: Vec<Item>,
    /// Whether any word is `{marked}` (else the mark is `None` and needs no search).
    marks: bool,
}

/// A pattern that ends in a state, with what a hit needs to know of it at hand: the scan reads
/// these for every hit, so they sit in a small list rather than with the patterns' items.
struct Accept {
    kind: PhraseKind,
    entry: u16,
    marks: bool,
    pattern: u32,
}

/// All phrase tables of one language, compiled.
pub struct PhraseBook {
    patterns: Vec<Pattern>,
    /// Every word of every table, numbered from 1, and the language's expansions (contractions
    /// and variant spellings) with the numbers of the words they expand to.
    vocabulary: Vocabulary,
    /// The start state's transitions, by word number: almost every walk ends here, so no search.
    first: Vec<u32>,
    /// Every other transition, keyed by [`PhraseBook::move_key`]: a `u32` key, so a slot is
    /// half the size a `u64` key's would be.
    moves: IntTable<u32>,
    /// Where a state goes on a word it has no transition for: the state of its `*` slots, or
    /// [`DEAD`]. Empty when no pattern has a slot.
    otherwise: Vec<u32>,
    /// The patterns that end in state `s` (at most one per kind: the first in table order) are
    /// `accepts[accept_ranges[s]..accept_ranges[s + 1]]`.
    accept_ranges: Vec<u32>,
    accepts: Vec<Accept>,
    longest: usize,
}

/// A word and the words it is read as ("can't" → `can not`), before matching.
pub type Expansion = (&'static str, &'static [&'static str]);

impl PhraseBook {
    /// Compile `tables`, whose words are read after `expansions`. Panics on a malformed pattern:
    /// tables are constants, and the lexicon's unit tests compile every table.
    pub fn compile<'w>(
        tables: &[(PhraseKind, &[&str])],
        classes: &[WordClass],
        expansions: &[Expansion],
        also_numbered: impl IntoIterator<Item = &'w str>,
    ) -> PhraseBook {
        let mut vocabulary: FxHashMap<String, WordId> = FxHashMap::default();
        let mut patterns = Vec::new();
        for (kind, table) in tables {
            for (entry, text) in table.iter().enumerate() {
                let items = parse(text, classes, &mut vocabulary);
                assert!(
                    !matches!(items.first(), Some(Item::Any { .. })),
                    "a phrase pattern starts with a word, not a slot: {text:?}"
                );
                patterns.push(Pattern {
                    kind: *kind,
                    entry: entry as u16,
                    marks: has_mark(&items),
                    items,
                });
            }
        }
        // Words no table has but someone counts (the language-detection lists, the marks a slot
        // stops at), numbered after the tables' words so that those keep their numbers.
        for word in also_numbered.into_iter().chain(SLOT_STOPS.iter().copied()) {
            let next = vocabulary.len() as WordId + 1;
            vocabulary.entry(word.to_owned()).or_insert(next);
        }
        let longest = patterns
            .iter()
            .map(|pattern| longest(&pattern.items))
            .max()
            .unwrap_or(0);
        assert!(
            longest <= usize::from(u8::MAX),
            "a hit's mark is counted back in a byte, and a pattern spells {longest} words"
        );
        let nfa = Nfa::new(&patterns);
        let id_of = |word: &str| vocabulary.get(word).copied().unwrap_or(UNKNOWN);
        let expanded = expansions.iter().map(|(word, parts)| {
            let parts = parts.iter().map(|part| (*part, id_of(part))).collect();
            (*word, parts)
        });
        let word_count = vocabulary.len();
        let vocabulary = Vocabulary::new(
            vocabulary.iter().map(|(word, id)| (word.as_str(), *id)),
            expanded.collect::<Vec<_>>(),
        );
        let slot_stops: Vec<WordId> = SLOT_STOPS.iter().map(|word| id_of(word)).collect();
        let mut book = PhraseBook {
            patterns,
            first: Vec::new(),
            moves: IntTable::new([]),
            otherwise: Vec::new(),
            accept_ranges: Vec::new(),
            accepts: Vec::new(),
            longest,
            vocabulary,
        };
        book.determinize(&nfa, word_count, &slot_stops);
        book
    }

    /// Subset construction over the patterns' graphs, from the start only (a walk starts at
    /// every token, so no failure links are needed).
    fn determinize(&mut self, nfa: &Nfa, word_count: usize, slot_stops: &[WordId]) {
        let mut closure = Closure::new(nfa.nodes.len());
        let mut ids: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        let mut sets: Vec<Vec<u32>> = vec![Vec::new()];
        let start = closure.of(nfa, nfa.starts.iter().copied());
        ids.insert(start.clone(), START);
        sets.push(start);
        self.accept_ranges.push(0);
        let mut accepts: Vec<u32> = Vec::new();
        let mut transitions: Vec<(u32, WordId, u32)> = Vec::new();
        let mut moves: Vec<(WordId, u32)> = Vec::new();
        let mut slots: Vec<u32> = Vec::new();
        let mut otherwise: Vec<u32> = vec![DEAD];
        let mut state = 0;
        while state < sets.len() {
            // Accepting patterns: the first of each kind (patterns are numbered in table order).
            let from = accepts.len();
            for &node in &sets[state] {
                if let Some(pattern) = nfa.nodes[node as usize].accept {
                    let kind = self.patterns[pattern as usize].kind;
                    let same = accepts[from..]
                        .iter()
                        .position(|p| self.patterns[*p as usize].kind == kind);
                    match same {
                        Some(at) if accepts[from + at] > pattern => {
                            accepts[from + at] = pattern;
                        }
                        Some(_) => {}
                        None => accepts.push(pattern),
                    }
                }
            }
            moves.clear();
            slots.clear();
            for &node in &sets[state] {
                moves.extend_from_slice(&nfa.nodes[node as usize].words);
                slots.extend_from_slice(&nfa.nodes[node as usize].any);
            }
            // A word the slots may take goes where its own edges and the slots go; a mark that
            // ends a clause only where its own edges go (so it needs a transition even when it
            // has no edge, or it would fall to the slots' state).
            if !slots.is_empty() {
                for &stop in slot_stops {
                    if !moves.iter().any(|(word, _)| *word == stop) {
                        moves.push((stop, DEAD));
                    }
                }
            }
            moves.sort_unstable();
            let mut state_of = |set: Vec<u32>, sets: &mut Vec<Vec<u32>>| match ids.get(&set) {
                Some(id) => *id,
                None => {
                    let id = sets.len() as u32;
                    ids.insert(set.clone(), id);
                    sets.push(set);
                    id
                }
            };
            let mut index = 0;
            while index < moves.len() {
                let word = moves[index].0;
                let same = moves[index..].partition_point(|(w, _)| *w == word);
                let edges = moves[index..index + same]
                    .iter()
                    .map(|(_, to)| *to)
                    .filter(|to| *to != DEAD);
                let slot_edges = slots
                    .iter()
                    .copied()
                    .filter(|_| !slot_stops.contains(&word));
                let set = closure.of(nfa, edges.chain(slot_edges));
                let next = if set.is_empty() {
                    DEAD
                } else {
                    state_of(set, &mut sets)
                };
                if next != DEAD {
                    transitions.push((state as u32, word, next));
                } else if !slots.is_empty() {
                    // Recorded as a transition to the dead state, so the lookup does not fall
                    // back to the slots.
                    transitions.push((state as u32, word, DEAD));
                }
                index += same;
            }
            let fallback = if slots.is_empty() {
                DEAD
            } else {
                state_of(closure.of(nfa, slots.iter().copied()), &mut sets)
            };
            if state > 0 {
                otherwise.push(fallback);
            }
            self.accept_ranges.push(accepts.len() as u32);
            state += 1;
        }
        self.accepts = accepts
            .into_iter()
            .map(|pattern| {
                let Pattern {
                    kind, entry, marks, ..
                } = self.patterns[pattern as usize];
                Accept {
                    kind,
                    entry,
                    marks,
                    pattern,
                }
            })
            .collect();
        self.first = vec![DEAD; word_count + 1];
        let (first, moves): (Vec<_>, Vec<_>) = transitions
            .into_iter()
            .partition(|(from, _, _)| *from == START);
        for (_, word, next) in first {
            self.first[word as usize] = next;
        }
        // Every key fits a `u32`: the states (one `accept_ranges` entry each, and one more)
        // times the words (a few thousand of each).
        let state_count = self.accept_ranges.len();
        assert!(
            (state_count as u64) * (self.first.len() as u64) <= u64::from(u32::MAX),
            "{state_count} states over {} words do not fit a transition key",
            self.first.len()
        );
        self.moves = IntTable::new(moves.into_iter().map(|(from, word, next)| {
            assert!(
                (word as usize) < self.first.len(),
                "word {word} is not numbered"
            );
            (self.move_key(from, word), next)
        }));
        assert_eq!(
            otherwise.get(START as usize).copied().unwrap_or(DEAD),
            DEAD,
            "a phrase pattern starts with a word, not a slot"
        );
        self.otherwise = if otherwise.iter().all(|state| *state == DEAD) {
            Vec::new()
        } else {
            otherwise
        };
    }

    /// A transition's key: the state's row of `first.len()` words, then the word. No state but
    /// the dead one is 0, so no key is; `determinize` checked that every state's row fits.
    fn move_key(&self, state: u32, word: WordId) -> u32 {
        state * self.first.len() as u32 + word
    }

    fn step(&self, state: u32, word: WordId) -> u32 {
        self.moves
            .get(self.move_key(state, word))
            .unwrap_or_else(|| self.otherwise.get(state as usize).copied().unwrap_or(DEAD))
    }

    /// How many words the vocabulary numbers (1 to this; 0 is [`UNKNOWN`]).
    pub fn word_count(&self) -> usize {
        self.first.len() - 1
    }

    /// The number of tokens in the longest literal.
    pub fn longest_literal(&self) -> usize {
        self.longest
    }

    /// The automaton's heap size in bytes (the vocabulary's strings aside), which a test keeps
    /// in bounds.
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        use std::mem::size_of_val;
        size_of_val(self.first.as_slice())
            + self.moves.memory_usage()
            + size_of_val(self.otherwise.as_slice())
            + size_of_val(self.accept_ranges.as_slice())
            + size_of_val(self.accepts.as_slice())
    }

    /// Every hit in `text`, as token ranges, ordered by start and then end. No hit spans a hard
    /// break (a new block or sentence line).
    #[cfg(test)]
    pub fn scan(&self, text: &Text) -> Vec<PhraseHit> {
        let mut hits = Vec::new();
        self.scan_into(text, |hit| hits.push(hit));
        hits
    }

    /// Hands `found` every hit in `text` in the order of [`PhraseBook::scan`]: the caller files
    /// each where it belongs, and no list of all hits is made (a long draft's is as large as
    /// the lists filed from it).
    pub fn scan_into(&self, text: &Text, mut found: impl FnMut(PhraseHit)) {
        // The tokenizer numbered every word when it read it (`text` was read with this book).
        let ids = text.word_ids();
        let mut marked = Vec::new();
        for start in 0..ids.len() {
            let mut state = self.first[ids[start] as usize];
            let mut end = start + 1;
            while state != DEAD {
                let accepts = &self.accepts[self.accept_ranges[state as usize] as usize
                    ..self.accept_ranges[state as usize + 1] as usize];
                for accept in accepts {
                    found(self.hit(accept, &ids[start..end], start, &mut marked));
                }
                if end == ids.len() || text.tokens[end].hard_break() {
                    break;
                }
                state = self.step(state, ids[end]);
                end += 1;
            }
        }
    }

    /// The hit of `accept` over `words`; `marked` is scratch space for finding its mark.
    fn hit(
        &self,
        accept: &Accept,
        words: &[WordId],
        start: usize,
        marked: &mut Vec<usize>,
    ) -> PhraseHit {
        let start = start as u32;
        let mark = if accept.marks {
            let items = &self.patterns[accept.pattern as usize].items;
            marked.clear();
            let found = first_expansion(items, None, words, 0, marked);
            debug_assert!(
                found,
                "the automaton accepted words its pattern does not spell"
            );
            marked
                .first()
                .zip(marked.last())
                .map(|(first, last)| (start + *first as u32, start + *last as u32 + 1))
        } else {
            None
        };
        PhraseHit::new(
            accept.kind,
            accept.entry,
            start,
            start + words.len() as u32,
            mark,
        )
    }
}

impl Dictionary for PhraseBook {
    fn look_up(&self, word: &[u8]) -> Lookup<'_> {
        self.vocabulary.get(word)
    }

    fn look_up_short(&self, key: ShortWord) -> Lookup<'_> {
        self.vocabulary.get_short(key)
    }
}

/// What is left to match after the current item list, innermost first.
struct Then<'a> {
    items: &'a [Item],
    next: Option<&'a Then<'a>>,
}

/// Does `items` (then `then`) spell exactly `words[at..]`? Alternatives are tried in expansion
/// order, so the first success is the first expansion that spells them; `marked` collects the
/// positions of its marked words.
fn first_expansion(
    items: &[Item],
    then: Option<&Then<'_>>,
    words: &[WordId],
    at: usize,
    marked: &mut Vec<usize>,
) -> bool {
    match items.split_first() {
        None => match then {
            None => at == words.len(),
            Some(then) => first_expansion(then.items, then.next, words, at, marked),
        },
        Some((
            Item::Word {
                id,
                marked: is_marked,
            },
            rest,
        )) => {
            if words.get(at) != Some(id) {
                return false;
            }
            if *is_marked {
                marked.push(at);
            }
            if first_expansion(rest, then, words, at + 1, marked) {
                return true;
            }
            if *is_marked {
                marked.pop();
            }
            false
        }
        Some((Item::Any { marked: is_marked }, rest)) => {
            if at >= words.len() {
                return false;
            }
            if *is_marked {
                marked.push(at);
            }
            if first_expansion(rest, then, words, at + 1, marked) {
                return true;
            }
            if *is_marked {
                marked.pop();
            }
            false
        }
        Some((Item::Group(alternatives), rest)) => {
            let after = Then {
                items: rest,
                next: then,
            };
            alternatives
                .iter()
                .any(|alternative| first_expansion(alternative, Some(&after), words, at, marked))
        }
    }
}

fn has_mark(items: &[Item]) -> bool {
    items.iter().any(|item| match item {
        Item::Word { marked, .. } | Item::Any { marked } => *marked,
        Item::Group(alternatives) => alternatives.iter().any(|a| has_mark(a)),
    })
}

fn longest(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            Item::Word { .. } | Item::Any { .. } => 1,
            Item::Group(alternatives) => alternatives.iter().map(|a| longest(a)).max().unwrap_or(0),
        })
        .sum()
}

/// The patterns as one graph with empty moves: a word is an edge, a group forks and joins.
struct Nfa {
    nodes: Vec<Node>,
    starts: Vec<u32>,
}

#[derive(Default)]
struct Node {
    words: Vec<(WordId, u32)>,
    /// Edges of `*` slots.
    any: Vec<u32>,
    empty: Vec<u32>,
    /// The pattern that ends here.
    accept: Option<u32>,
}

impl Nfa {
    fn new(patterns: &[Pattern]) -> Nfa {
        let mut nfa = Nfa {
            nodes: Vec::new(),
            starts: Vec::with_capacity(patterns.len()),
        };
        for (index, pattern) in patterns.iter().enumerate() {
            let start = nfa.node();
            nfa.starts.push(start);
            let end = nfa.sequence(&pattern.items, start);
            nfa.nodes[end as usize].accept = Some(index as u32);
        }
        nfa
    }

    fn node(&mut self) -> u32 {
        self.nodes.push(Node::default());
        (self.nodes.len() - 1) as u32
    }

    /// Adds `items` after node `from`; returns the node where they end.
    fn sequence(&mut self, items: &[Item], from: u32) -> u32 {
        let mut at = from;
        for item in items {
            match item {
                Item::Word { id, .. } => {
                    let next = self.node();
                    self.nodes[at as usize].words.push((*id, next));
                    at = next;
                }
                Item::Any { .. } => {
                    let next = self.node();
                    self.nodes[at as usize].any.push(next);
                    at = next;
                }
                Item::Group(alternatives) => {
                    let join = self.node();
                    for alternative in alternatives {
                        let end = self.sequence(alternative, at);
                        self.nodes[end as usize].empty.push(join);
                    }
                    at = join;
                }
            }
        }
        at
    }
}

/// Empty-move closures, as sorted sets of the nodes that matter (those with a word edge or an
/// accepting pattern), so that equal sets are equal states.
struct Closure {
    seen: Vec<u32>,
    generation: u32,
    stack: Vec<u32>,
}

impl Closure {
    fn new(nodes: usize) -> Closure {
        Closure {
            seen: vec![0; nodes],
            generation: 0,
            stack: Vec::new(),
        }
    }

    fn of(&mut self, nfa: &Nfa, from: impl Iterator<Item = u32>) -> Vec<u32> {
        self.generation += 1;
        let mut set = Vec::new();
        self.stack.extend(from);
        while let Some(node) = self.stack.pop() {
            if self.seen[node as usize] == self.generation {
                continue;
            }
            self.seen[node as usize] = self.generation;
            let data = &nfa.nodes[node as usize];
            if !data.words.is_empty() || !data.any.is_empty() || data.accept.is_some() {
                set.push(node);
            }
            self.stack.extend_from_slice(&data.empty);
        }
        set.sort_unstable();
        set
    }
}

/// Parse one pattern, numbering its words; `@name` is read as the pattern of that class.
fn parse(
    pattern: &str,
    classes: &[WordClass],
    vocabulary: &mut FxHashMap<String, WordId>,
) -> Vec<Item> {
    let mut parser = PatternParser {
        pattern,
        rest: pattern,
        marked: false,
        classes,
        depth: 0,
        vocabulary,
    };
    let items = parser.sequence(&[]);
    assert!(
        parser.rest.trim().is_empty(),
        "unbalanced group in phrase pattern {pattern:?}"
    );
    items
}

/// A recursive-descent reader of the pattern syntax; groups nest.
struct PatternParser<'p, 'v> {
    pattern: &'p str,
    rest: &'p str,
    /// Inside `{…}`.
    marked: bool,
    classes: &'v [WordClass],
    /// How many classes deep the reader is (a class may name another, never itself).
    depth: usize,
    vocabulary: &'v mut FxHashMap<String, WordId>,
}

impl PatternParser<'_, '_> {
    /// The items of a sequence, up to one of `stops` (not consumed).
    fn sequence(&mut self, stops: &[char]) -> Vec<Item> {
        let mut items = Vec::new();
        loop {
            self.rest = self.rest.trim_start();
            let Some(first) = self.rest.chars().next() else {
                return items;
            };
            if stops.contains(&first) {
                return items;
            }
            match first {
                '{' | '}' => {
                    self.marked = first == '{';
                    self.rest = &self.rest[1..];
                }
                '(' | '[' => {
                    let close = if first == '(' { ')' } else { ']' };
                    self.rest = &self.rest[1..];
                    let mut alternatives = Vec::new();
                    loop {
                        alternatives.push(self.sequence(&['|', close]));
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
                    items.push(Item::Group(alternatives));
                }
                ')' | ']' | '|' => panic!("unbalanced group in phrase pattern {:?}", self.pattern),
                _ => {
                    let end = self
                        .rest
                        .find(|c: char| c.is_whitespace() || "()[]{}|".contains(c))
                        .unwrap_or(self.rest.len());
                    let word = &self.rest[..end];
                    self.rest = &self.rest[end..];
                    if let Some(name) = word.strip_prefix('@') {
                        items.push(self.class(name));
                        continue;
                    }
                    if word == "*" {
                        items.push(Item::Any {
                            marked: self.marked,
                        });
                        continue;
                    }
                    // The tokenizer splits "mix-up" into `mix - up` (UAX #29), so patterns are
                    // split the same way.
                    if word.len() > 1 && word.contains('-') {
                        for (index, part) in word.split('-').enumerate() {
                            if index > 0 {
                                items.push(self.word("-"));
                            }
                            items.push(self.word(part));
                        }
                    } else {
                        items.push(self.word(word));
                    }
                }
            }
        }
    }

    /// The class `name`, as one group of its pattern's alternatives.
    fn class(&mut self, name: &str) -> Item {
        let Some((_, pattern)) = self.classes.iter().find(|(class, _)| *class == name) else {
            panic!(
                "unknown word class @{name} in phrase pattern {:?}",
                self.pattern
            )
        };
        assert!(
            self.depth < 8,
            "word class @{name} names itself in phrase pattern {:?}",
            self.pattern
        );
        let mut inner = PatternParser {
            pattern,
            rest: pattern,
            marked: self.marked,
            classes: self.classes,
            depth: self.depth + 1,
            vocabulary: &mut *self.vocabulary,
        };
        let items = inner.sequence(&[]);
        assert!(
            inner.rest.trim().is_empty(),
            "unbalanced group in word class @{name}"
        );
        Item::Group(vec![items])
    }

    fn word(&mut self, word: &str) -> Item {
        let next = self.vocabulary.len() as WordId + 1;
        let id = *self.vocabulary.entry(word.to_owned()).or_insert(next);
        Item::Word {
            id,
            marked: self.marked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::finding::TextRange;
    use crate::lint::markup::ProseRun;

    type Expansion = (Vec<WordId>, Option<(usize, usize)>);
    /// A `*` slot in an expansion: no real word has this number.
    const ANY_WORD: WordId = WordId::MAX;

    /// The meaning of a pattern, spelled out the slow way: every literal, in expansion order
    /// (earlier items vary slowest), with the span of its marked words.
    fn expand(items: &[Item]) -> Vec<Expansion> {
        fn words(items: &[Item]) -> Vec<Vec<(WordId, bool)>> {
            let mut expansions = vec![Vec::new()];
            for item in items {
                let alternatives = match item {
                    Item::Word { id, marked } => vec![vec![(*id, *marked)]],
                    Item::Any { marked } => vec![vec![(ANY_WORD, *marked)]],
                    Item::Group(alternatives) => {
                        alternatives.iter().flat_map(|a| words(a)).collect()
                    }
                };
                let mut next = Vec::new();
                for prefix in &expansions {
                    for alternative in &alternatives {
                        let mut literal: Vec<(WordId, bool)> = prefix.clone();
                        literal.extend(alternative.iter().copied());
                        next.push(literal);
                    }
                }
                expansions = next;
            }
            expansions
        }
        words(items)
            .into_iter()
            .filter(|literal| !literal.is_empty())
            .map(|literal| {
                let first = literal.iter().position(|(_, marked)| *marked);
                let last = literal.iter().rposition(|(_, marked)| *marked);
                (
                    literal.iter().map(|(id, _)| *id).collect(),
                    first.zip(last).map(|(first, last)| (first, last + 1)),
                )
            })
            .collect()
    }

    fn literals(pattern: &str) -> Vec<(String, Option<(usize, usize)>)> {
        let mut vocabulary = FxHashMap::default();
        let classes = [("adverb", "(really|truly)"), ("sorry", "[@adverb] sorry")];
        let items = parse(pattern, &classes, &mut vocabulary);
        let mut names = vec![String::new(); vocabulary.len() + 1];
        for (word, id) in vocabulary {
            names[id as usize] = word;
        }
        expand(&items)
            .into_iter()
            .map(|(ids, mark)| {
                let words: Vec<&str> = ids
                    .iter()
                    .map(|id| names.get(*id as usize).map_or("*", String::as_str))
                    .collect();
                (words.join(" "), mark)
            })
            .collect()
    }

    fn spelled(pattern: &str) -> Vec<String> {
        literals(pattern)
            .into_iter()
            .map(|(words, _)| words)
            .collect()
    }

    #[test]
    fn alternatives_and_optionals_expand_to_every_literal() {
        assert_eq!(
            spelled("(i am|we are) [very] sorry"),
            [
                "i am very sorry",
                "i am sorry",
                "we are very sorry",
                "we are sorry"
            ]
        );
        assert_eq!(
            spelled("sorry (for|about|) it"),
            ["sorry for it", "sorry about it", "sorry it"]
        );
    }

    /// A hit keeps its marked words in two bytes counted back from its end: they come back
    /// as given, at the end of the hit too, and stay on their tokens when the hit is refiled
    /// under its subject.
    #[test]
    fn a_hit_gives_back_its_marked_words_after_refiling() {
        let hit = PhraseHit::new(PhraseKind::RemedyAct, 3, 1000, 1006, Some((1002, 1006)));
        assert_eq!(hit.marked_tokens(), Some(1002..1006));
        let refiled = hit.refiled(PhraseKind::Remedy, 990);
        assert_eq!(refiled.tokens(), 990..1006);
        assert_eq!(refiled.marked_tokens(), Some(1002..1006));
        assert_eq!((refiled.kind, refiled.entry), (PhraseKind::Remedy, 3));
        let whole = PhraseHit::new(PhraseKind::Cliche, 0, 7, 9, Some((7, 9)));
        assert_eq!(whole.marked_tokens(), Some(7..9));
        assert_eq!(
            PhraseHit::new(PhraseKind::Cliche, 0, 7, 9, None).marked_tokens(),
            None
        );
    }

    #[test]
    fn marks_cover_the_marked_words_of_each_literal() {
        assert_eq!(literals("a {(slight|small)} delay")[0].1, Some((1, 2)));
        let expansions = literals("{only} a few (days|hours)");
        assert_eq!(expansions[1], ("only a few hours".to_owned(), Some((0, 1))));
        assert_eq!(literals("no mark here")[0].1, None);
        assert_eq!(spelled("a mix-up"), ["a mix - up"]);
        assert_eq!(
            spelled("(very|so)? sorry"),
            ["very sorry", "so sorry", "sorry"]
        );
    }

    #[test]
    fn a_class_stands_for_its_pattern_and_a_slot_for_any_word() {
        assert_eq!(
            spelled("we are @sorry"),
            ["we are really sorry", "we are truly sorry", "we are sorry"]
        );
        assert_eq!(
            spelled("offer * [*] apologies"),
            ["offer * * apologies", "offer * apologies"]
        );
        assert_eq!(literals("a {@adverb} sorry")[1].1, Some((1, 2)));
    }

    /// A slot takes any word of the clause, known to the tables or not, but no mark that ends a
    /// clause; a phrase without a slot is not affected by one that has.
    #[test]
    fn a_slot_matches_a_word_of_the_same_clause() {
        let tables: &[(PhraseKind, &[&str])] = &[
            (PhraseKind::ApologyNoun, &["we offer * [*] apologies"]),
            (PhraseKind::Cliche, &["we offer refunds"]),
        ];
        let book = PhraseBook::compile(tables, &[], &[], []);
        let found = |source: &str| {
            let runs = [ProseRun {
                range: TextRange::new(0, source.len()),
                block_start: true,
            }];
            let text = Text::new(source, &runs, &book);
            book.scan(&text)
                .into_iter()
                .map(|hit| (hit.kind, hit.start, hit.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("we offer Anna our apologies"),
            [(PhraseKind::ApologyNoun, 0, 5)]
        );
        assert_eq!(
            found("we offer you apologies"),
            [(PhraseKind::ApologyNoun, 0, 4)]
        );
        assert_eq!(
            found("we offer refunds apologies"),
            [(PhraseKind::Cliche, 0, 3), (PhraseKind::ApologyNoun, 0, 4)]
        );
        assert!(found("we offer , apologies").is_empty());
        assert!(found("we offer. Our apologies").is_empty());
        assert!(found("we offer three more new apologies").is_empty());
    }

    /// Every position where `items` (then `then`) can end when matched from `at`: the slow,
    /// obvious reading of a pattern, by backtracking through its alternatives.
    fn ends(
        items: &[Item],
        then: Option<&Then<'_>>,
        words: &[WordId],
        at: usize,
        stops: &[WordId],
        out: &mut Vec<usize>,
    ) {
        match items.split_first() {
            None => match then {
                None => out.push(at),
                Some(then) => ends(then.items, then.next, words, at, stops, out),
            },
            Some((Item::Word { id, .. }, rest)) => {
                if words.get(at) == Some(id) {
                    ends(rest, then, words, at + 1, stops, out);
                }
            }
            Some((Item::Any { .. }, rest)) => {
                if at < words.len() && !stops.contains(&words[at]) {
                    ends(rest, then, words, at + 1, stops, out);
                }
            }
            Some((Item::Group(alternatives), rest)) => {
                let after = Then {
                    items: rest,
                    next: then,
                };
                for alternative in alternatives {
                    ends(alternative, Some(&after), words, at, stops, out);
                }
            }
        }
    }

    /// The words a pattern can start with.
    fn first_words(items: &[Item], out: &mut Vec<WordId>) -> bool {
        // Returns whether `items` can match nothing (so the next item's first words count too).
        for item in items {
            match item {
                Item::Word { id, .. } => {
                    out.push(*id);
                    return false;
                }
                Item::Any { .. } => panic!("no pattern starts with a slot"),
                Item::Group(alternatives) => {
                    let mut empty = false;
                    for alternative in alternatives {
                        empty |= first_words(alternative, out);
                    }
                    if !empty {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// The hits the tables mean, found the slow way: at every token, every pattern that can start
    /// with its word is matched by backtracking; each (start, end, kind) is one hit, credited to
    /// the first entry of that kind that spells it and to that entry's first expansion's mark.
    fn brute_force(book: &PhraseBook, text: &Text) -> Vec<PhraseHit> {
        let mut by_first: FxHashMap<WordId, Vec<usize>> = FxHashMap::default();
        for (index, pattern) in book.patterns.iter().enumerate() {
            let mut firsts = Vec::new();
            first_words(&pattern.items, &mut firsts);
            firsts.sort_unstable();
            firsts.dedup();
            for word in firsts {
                by_first.entry(word).or_default().push(index);
            }
        }
        let stops: Vec<WordId> = SLOT_STOPS
            .iter()
            .filter_map(|stop| match book.look_up(stop.as_bytes()) {
                Lookup::Word(id) => Some(id),
                Lookup::Expands(_) => None,
            })
            .collect();
        let ids: Vec<WordId> = (0..text.tokens.len())
            .map(|i| match book.look_up(text.word(i).as_bytes()) {
                Lookup::Word(id) => id,
                Lookup::Expands(_) => UNKNOWN,
            })
            .collect();
        let mut hits = Vec::new();
        let mut found = Vec::new();
        let mut marked = Vec::new();
        for start in 0..ids.len() {
            let mut limit = (start + book.longest_literal()).min(ids.len());
            if let Some(brk) = (start + 1..limit).find(|&i| text.tokens[i].hard_break()) {
                limit = brk;
            }
            let window = &ids[start..limit];
            let mut credited: Vec<(usize, PhraseKind, usize)> = Vec::new();
            for &index in by_first.get(&ids[start]).into_iter().flatten() {
                let pattern = &book.patterns[index];
                found.clear();
                ends(&pattern.items, None, window, 0, &stops, &mut found);
                for &end in &found {
                    if end == 0 {
                        continue;
                    }
                    let key = (end, pattern.kind);
                    if !credited.iter().any(|(e, k, _)| (*e, *k) == key) {
                        credited.push((end, pattern.kind, index));
                    }
                }
            }
            for (end, kind, index) in credited {
                let pattern = &book.patterns[index];
                let mark = if pattern.marks {
                    marked.clear();
                    assert!(first_expansion(
                        &pattern.items,
                        None,
                        &window[..end],
                        0,
                        &mut marked
                    ));
                    marked
                        .first()
                        .zip(marked.last())
                        .map(|(first, last)| ((start + first) as u32, (start + last + 1) as u32))
                } else {
                    None
                };
                hits.push(PhraseHit::new(
                    kind,
                    pattern.entry,
                    start as u32,
                    (start + end) as u32,
                    mark,
                ));
            }
        }
        hits
    }

    /// Up to `count` literals of a pattern, choosing among alternatives by a simple counter so
    /// that every alternative is used now and then; a slot is left as [`ANY_WORD`].
    fn sample(items: &[Item], seed: &mut u64, out: &mut Vec<WordId>) {
        for item in items {
            match item {
                Item::Word { id, .. } => out.push(*id),
                Item::Any { .. } => out.push(ANY_WORD),
                Item::Group(alternatives) => {
                    *seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let choice = (*seed >> 33) as usize % alternatives.len();
                    sample(&alternatives[choice], seed, out);
                }
            }
        }
    }

    fn sorted(mut hits: Vec<PhraseHit>) -> Vec<PhraseHit> {
        hits.sort_by_key(|hit| (hit.end, hit.start, hit.kind as usize));
        hits
    }

    /// A document of literals of every English table, run together (so literals also meet across
    /// their seams) with a blank line now and then: the automaton finds what the slow reading of
    /// the patterns finds.
    #[test]
    fn the_automaton_finds_exactly_the_literals_of_the_tables() {
        for (tables, classes) in [
            (super::super::en::TABLES, super::super::en::CLASSES),
            (super::super::nl::TABLES, super::super::nl::CLASSES),
        ] {
            automaton_matches_slow_reading(tables, classes);
        }
    }

    fn automaton_matches_slow_reading(tables: &[(PhraseKind, &[&str])], classes: &[WordClass]) {
        let book = PhraseBook::compile(tables, classes, &[], []);
        // Numbering the tables' words again, in the same order, gives each number its word.
        let mut numbered = FxHashMap::default();
        for (_, table) in tables {
            for pattern in *table {
                parse(pattern, classes, &mut numbered);
            }
        }
        let mut names = vec![""; book.first.len()];
        for (word, id) in &numbered {
            names[*id as usize] = word.as_str();
        }
        // Each pattern spelled a few dozen ways (its tables expand to millions of literals), and
        // a slot filled with a word no table has.
        let mut source = String::new();
        let mut seed = 7;
        let mut literal = Vec::new();
        for (index, pattern) in book.patterns.iter().enumerate() {
            for _ in 0..24 {
                literal.clear();
                sample(&pattern.items, &mut seed, &mut literal);
                for &id in &literal {
                    source.push_str(if id == ANY_WORD {
                        "zyx"
                    } else {
                        names[id as usize]
                    });
                    source.push(' ');
                }
            }
            if index % 7 == 0 {
                source.push_str("\n\n");
            }
        }
        let runs = [ProseRun {
            range: TextRange::new(0, source.len()),
            block_start: true,
        }];
        let text = Text::new(&source, &runs, &book);
        let hits = book.scan(&text);
        assert!(hits.len() > 10_000);
        assert_eq!(sorted(hits), sorted(brute_force(&book, &text)));
    }
}
