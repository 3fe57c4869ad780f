//! The words a language's phrase tables know, and the contractions it expands: the table the
//! tokenizer asks once for every word of the prose.
//!
//! Nearly every word of English or Dutch prose is ASCII and at most eight bytes long, so such a
//! word is looked up as one integer ([`ShortWord`]) in an open-addressing table: no string is
//! hashed or compared. Longer and non-ASCII words go to an ordinary map.

use rustc_hash::FxHashMap;

use super::text::{Lookup, ShortWord};

/// A word number: 0 is a word no table has.
pub type WordId = u32;
pub const UNKNOWN: WordId = 0;

/// Marks a slot value as an index into [`Vocabulary::expansions`] rather than a word number.
const EXPANDS: u32 = 1 << 31;

pub struct Vocabulary {
    /// Short words by [`ShortWord`] key, at most half full so a miss ends within a slot or
    /// two; key 0 is an empty slot (no word packs to 0). The keys are apart from the values
    /// and small (32 KiB for English) so they stay in the processor's cache while a megabyte of
    /// prose streams past: every word of the prose reads them, only a hit reads a value.
    keys: Box<[u64]>,
    values: Box<[u32]>,
    /// How far a key's hash is shifted to index `short`.
    shift: u32,
    long: FxHashMap<Box<str>, u32>,
    expansions: Vec<Box<[(&'static str, WordId)]>>,
}

impl Vocabulary {
    /// `words` are numbered words; `expansions` are words read as others, with their numbers.
    pub fn new<'w>(
        words: impl IntoIterator<Item = (&'w str, WordId)>,
        expansions: impl IntoIterator<Item = (&'static str, Box<[(&'static str, WordId)]>)>,
    ) -> Vocabulary {
        let mut entries: FxHashMap<Box<str>, u32> = words
            .into_iter()
            .map(|(word, id)| (Box::from(word), id))
            .collect();
        let mut expansion_list = Vec::new();
        for (word, parts) in expansions {
            // A word that is also a table's ("cannot") is read as what it expands to.
            entries.insert(Box::from(word), EXPANDS | expansion_list.len() as u32);
            expansion_list.push(parts);
        }
        let short_count = entries
            .iter()
            .filter(|(word, _)| ShortWord::of(word).is_some())
            .count();
        let slots = (short_count * 2).next_power_of_two().max(16);
        let mut vocabulary = Vocabulary {
            keys: vec![0; slots].into_boxed_slice(),
            values: vec![0; slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
            long: FxHashMap::default(),
            expansions: expansion_list,
        };
        for (word, value) in entries {
            match ShortWord::of(&word) {
                Some(key) => {
                    let mut slot = vocabulary.slot_of(key);
                    while vocabulary.keys[slot] != 0 {
                        slot = (slot + 1) & (slots - 1);
                    }
                    vocabulary.keys[slot] = key.get();
                    vocabulary.values[slot] = value;
                }
                None => {
                    vocabulary.long.insert(word, value);
                }
            }
        }
        vocabulary
    }

    fn slot_of(&self, key: ShortWord) -> usize {
        // Fibonacci hashing: the multiply spreads the key's low bytes into the top bits.
        (key.get().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The word `key` packs.
    pub fn get_short(&self, key: ShortWord) -> Lookup<'_> {
        let mask = self.keys.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            let stored = self.keys[slot];
            if stored == key.get() {
                return self.lookup(self.values[slot]);
            }
            if stored == 0 {
                return Lookup::Word(UNKNOWN);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The normalized word `word`.
    pub fn get(&self, word: &str) -> Lookup<'_> {
        match ShortWord::of(word) {
            Some(key) => self.get_short(key),
            None => self
                .long
                .get(word)
                .map_or(Lookup::Word(UNKNOWN), |value| self.lookup(*value)),
        }
    }

    fn lookup(&self, value: u32) -> Lookup<'_> {
        if value & EXPANDS == 0 {
            Lookup::Word(value)
        } else {
            Lookup::Expands(&self.expansions[(value & !EXPANDS) as usize])
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
            ],
            [
                ("can't", Box::from([("can", 5), ("not", 6)])),
                ("cannot", Box::from([("can", 5), ("not", 6)])),
            ],
        );
        assert_eq!(vocabulary.get("sorry"), Lookup::Word(1));
        assert_eq!(vocabulary.get("inconvenience"), Lookup::Word(2));
        assert_eq!(vocabulary.get("één"), Lookup::Word(3));
        assert_eq!(vocabulary.get(","), Lookup::Word(4));
        for contraction in ["can't", "cannot"] {
            assert_eq!(
                vocabulary.get(contraction),
                Lookup::Expands(&[("can", 5), ("not", 6)])
            );
        }
        for unknown in ["sorr", "sorryy", "", "inconveniences", "een", "."] {
            assert_eq!(vocabulary.get(unknown), Lookup::Word(UNKNOWN), "{unknown}");
        }
    }
}
