//! The words a language's phrase tables know, and the contractions it expands: the table the
//! tokenizer asks once for every word of the prose, keyed as every word table is ([`WordMap`]).

use rustc_hash::FxHashMap;

use super::text::Lookup;
use super::word::{ShortWord, WordMap};

/// A word number: 0 is a word no table has.
pub type WordId = u32;
pub const UNKNOWN: WordId = 0;

/// Marks a value as an index into [`Vocabulary::expansions`] rather than a word number.
const EXPANDS: u32 = 1 << 31;

pub struct Vocabulary {
    /// Each word's number, or [`EXPANDS`] and the index of its expansion.
    words: WordMap,
    expansions: Vec<Box<[(&'static str, WordId)]>>,
}

impl Vocabulary {
    /// `words` are numbered words; `expansions` are words read as others, with their numbers.
    pub fn new<'w>(
        words: impl IntoIterator<Item = (&'w str, WordId)>,
        expansions: impl IntoIterator<Item = (&'static str, Box<[(&'static str, WordId)]>)>,
    ) -> Vocabulary {
        let mut entries: FxHashMap<&str, u32> = words.into_iter().collect();
        let mut expansion_list = Vec::new();
        for (word, parts) in expansions {
            // A word that is also a table's ("cannot") is read as what it expands to.
            entries.insert(word, EXPANDS | expansion_list.len() as u32);
            expansion_list.push(parts);
        }
        Vocabulary {
            words: WordMap::new(
                entries
                    .into_iter()
                    .map(|(word, value)| (word.as_bytes(), value)),
            ),
            expansions: expansion_list,
        }
    }

    /// The word `key` packs.
    #[inline]
    pub fn get_short(&self, key: ShortWord) -> Lookup<'_> {
        self.lookup(self.words.get_short(key))
    }

    /// The normalized word `word` (UTF-8).
    pub fn get(&self, word: &[u8]) -> Lookup<'_> {
        self.lookup(self.words.get(word))
    }

    #[inline]
    fn lookup(&self, value: Option<u32>) -> Lookup<'_> {
        match value {
            None => Lookup::Word(UNKNOWN),
            Some(value) if value & EXPANDS == 0 => Lookup::Word(value),
            Some(value) => Lookup::Expands(&self.expansions[(value & !EXPANDS) as usize]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_expanded_words_are_found_and_others_are_not_and_expansions_win() {
        let vocabulary = Vocabulary::new(
            [
                ("sorry", 1),
                ("inconvenience", 2),
                ("één", 3),
                (",", 4),
                ("cannot", 7),
                ("re:do", 8),
            ],
            [
                ("can't", Box::from([("can", 5), ("not", 6)])),
                ("cannot", Box::from([("can", 5), ("not", 6)])),
            ],
        );
        let get = |word: &str| vocabulary.get(word.as_bytes());
        assert_eq!(get("sorry"), Lookup::Word(1));
        assert_eq!(get("inconvenience"), Lookup::Word(2));
        assert_eq!(get("één"), Lookup::Word(3));
        assert_eq!(get(","), Lookup::Word(4));
        assert_eq!(get("re:do"), Lookup::Word(8));
        // The tokenizer packs the word straight from the source, capitals and all.
        let key = ShortWord::of(b"Re:Do").expect("short");
        assert_eq!(vocabulary.get_short(key), Lookup::Word(8));
        for contraction in ["can't", "cannot"] {
            assert_eq!(get(contraction), Lookup::Expands(&[("can", 5), ("not", 6)]));
        }
        for unknown in ["sorr", "sorryy", "", "inconveniences", "een", "."] {
            assert_eq!(get(unknown), Lookup::Word(UNKNOWN), "{unknown}");
        }
    }
}
