//! A map from integers to integers, built once and read for every word of the prose: the short
//! words of every word table ([`super::word::WordMap`]: the vocabulary and the stop-words) and the
//! phrase automaton's transitions ([`super::phrases`]) live in one.
//!
//! Open addressing with linear probing, at most half full, so most reads, and most misses (the
//! phrase goes no further), touch one slot. A key sits beside its value, so a hit reads one cache
//! line, not two: nine words in ten of a draft are in its language's vocabulary (the phrase
//! tables' words and the stop-words), so most reads are hits. A general-purpose hash map costs
//! several times more per read here, and a binary search waits on one memory load after another.

/// The keys a table can hold: `u64` for words packed whole, `u32` where the keys are known to
/// fit, which halves the slot (a `u64` key beside a `u32` value is padded to sixteen bytes).
pub trait Key: Copy + Eq + Default {
    fn widened(self) -> u64;
}

impl Key for u64 {
    fn widened(self) -> u64 {
        self
    }
}

impl Key for u32 {
    fn widened(self) -> u64 {
        u64::from(self)
    }
}

/// Nonzero keys to `u32` values (key 0 marks an empty slot).
pub struct IntTable<K = u64> {
    /// Key and value; key 0 is an empty slot.
    slots: Box<[(K, u32)]>,
    /// How far a key's hash is shifted to index the slots.
    shift: u32,
}

impl<K: Key> IntTable<K> {
    /// The table of `entries`; a key given twice keeps its last value. Panics on key 0.
    pub fn new(entries: impl IntoIterator<Item = (K, u32)>) -> IntTable<K> {
        let entries: Vec<(K, u32)> = entries.into_iter().collect();
        let slots = (entries.len() * 2).next_power_of_two().max(16);
        let empty = K::default();
        let mut table = IntTable {
            slots: vec![(empty, 0); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
        };
        for (key, value) in entries {
            assert!(key != empty, "key 0 marks an empty slot");
            let mut slot = table.slot_of(key);
            while table.slots[slot].0 != empty && table.slots[slot].0 != key {
                slot = (slot + 1) & (slots - 1);
            }
            table.slots[slot] = (key, value);
        }
        table
    }

    fn slot_of(&self, key: K) -> usize {
        // Fibonacci hashing: the multiply spreads every bit of the key into the top bits.
        (key.widened().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: K) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            let (stored, value) = self.slots[slot];
            if stored == key {
                return Some(value);
            }
            if stored == K::default() {
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

    #[test]
    fn a_table_of_u32_keys_finds_every_key_and_no_other() {
        let entries: Vec<(u32, u32)> = (1..=1000).map(|i| (i << 20, i)).collect();
        let table = IntTable::new(entries.iter().copied());
        for (key, value) in entries {
            assert_eq!(table.get(key), Some(value));
        }
        for missing in [1, 1001 << 20, u32::MAX, (3 << 20) + 1] {
            assert_eq!(table.get(missing), None);
        }
    }

    /// A `u32` key halves the slot: the phrase automaton's transitions, a few hundred thousand
    /// per language, are held by every process that reads the language.
    #[test]
    fn a_slot_of_a_u32_key_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<(u32, u32)>(), 8);
        let table = IntTable::<u32>::new((1..=100).map(|i| (i, i)));
        assert_eq!(table.memory_usage(), 8 * table.slots.len());
    }
}
