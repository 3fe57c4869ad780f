//! A map from integers to integers, built once and read for every word of the prose: the short
//! words of every word table ([`super::word::WordMap`]: the vocabulary and the stop-words) and the
//! phrase automaton's transitions ([`super::phrases`]) live in one.
//!
//! Open addressing with linear probing, at most half full, so most reads, and most misses (the
//! phrase goes no further), touch one slot. A key sits beside its value, so a hit reads one cache
//! line, not two: nine words in ten of a draft are in its language's vocabulary (the phrase
//! tables' words and the stop-words), so most reads are hits. A general-purpose hash map costs
//! several times more per read here, and a binary search waits on one memory load after another.

/// Nonzero `u64` keys to `u32` values (key 0 marks an empty slot).
pub struct IntTable {
    /// Key and value; key 0 is an empty slot.
    slots: Box<[(u64, u32)]>,
    /// How far a key's hash is shifted to index the slots.
    shift: u32,
}

impl IntTable {
    /// The table of `entries`; a key given twice keeps its last value. Panics on key 0.
    pub fn new(entries: impl IntoIterator<Item = (u64, u32)>) -> IntTable {
        let entries: Vec<(u64, u32)> = entries.into_iter().collect();
        let slots = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = IntTable {
            slots: vec![(0, 0); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
        };
        for (key, value) in entries {
            assert_ne!(key, 0, "key 0 marks an empty slot");
            let mut slot = table.slot_of(key);
            while table.slots[slot].0 != 0 && table.slots[slot].0 != key {
                slot = (slot + 1) & (slots - 1);
            }
            table.slots[slot] = (key, value);
        }
        table
    }

    fn slot_of(&self, key: u64) -> usize {
        // Fibonacci hashing: the multiply spreads every bit of the key into the top bits.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            let (stored, value) = self.slots[slot];
            if stored == key {
                return Some(value);
            }
            if stored == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The table's heap size in bytes.
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        std::mem::size_of_val(&*self.slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_no_other_even_when_crowded() {
        // Keys that share their low bits, so that many land near each other.
        let entries: Vec<(u64, u32)> = (1..=1000).map(|i| (i << 40, i as u32)).collect();
        let table = IntTable::new(entries.iter().copied().chain([(5 << 40, 7)]));
        for (key, value) in entries {
            let expected = if key == 5 << 40 { 7 } else { value };
            assert_eq!(table.get(key), Some(expected));
        }
        for missing in [1, 1001 << 40, u64::MAX, (3 << 40) + 1] {
            assert_eq!(table.get(missing), None);
        }
    }
}
