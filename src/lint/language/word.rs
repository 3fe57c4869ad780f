//! What a word is, how it is normalized, and the keys words are looked up by: the one place
//! that decides it for the tokenizer ([`super::text`]), the vocabulary ([`super::vocabulary`])
//! and language detection ([`super::detect`]).
//!
//! The tokenizer's words are UAX #29 word-boundary pieces; [`ascii_piece_end`] is that
//! segmentation for ASCII, byte rules instead of Unicode tables, as lint runs on every keystroke
//! and nearly every byte of the prose passes through it. A word's normalized form is its
//! lowercase with curly apostrophes straightened ([`normalize_into`]); an ASCII word of at most
//! eight bytes is loaded, lowercased and looked up as one integer ([`ShortWord`]), as most words
//! of English and Dutch prose are. Every table of words ([`WordMap`]) is keyed the same way, so
//! a word is packed and lowercased by one set of functions whoever asks.
//!
//! Language detection reads words before the language, and so before the tokenizer, is known: it
//! counts cruder words, runs of letters ([`letter_runs`]), which only need to find stop-words,
//! and looks them up in a [`WordMap`] with the same keys.
//!
//! Each fast path here is tested against a plain reference: UAX #29 segmentation, the standard
//! library's lowercasing, and a split on characters.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::int_table::IntTable;

/// Where the UAX #29 word-boundary piece of ASCII `bytes` that starts at `start` ends: letters,
/// digits and `_` join, as do an apostrophe or a full stop between two letters or two digits
/// ("don't", "e.g", "3.5"), a colon between letters and a comma or semicolon between digits
/// ("1,000"); a run of horizontal space is one piece, a line break (CR LF included) another; any
/// other character stands alone. Also says whether the piece holds an uppercase letter, so that
/// most words need no lowercasing.
#[inline]
pub(super) fn ascii_piece_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let first = bytes[start];
    let mut end = start + 1;
    let mut seen = BYTE_CLASS[usize::from(first)];
    if seen & WORD != 0 {
        while end < bytes.len() {
            // Eight bytes at a time where there are eight: a word's end is found without a
            // branch per letter, and so without the mispredicted one at its end.
            if let Some(eight) = bytes.get(end..end + 8) {
                let (word, upper) = word_and_upper_bytes(u64::from_le_bytes(
                    eight.try_into().expect("eight bytes"),
                ));
                let run = (!word & HIGH_BITS).trailing_zeros() / 8;
                let in_run = u64::MAX.checked_shl(8 * run).map_or(u64::MAX, |rest| !rest);
                if upper & in_run != 0 {
                    seen |= UPPER;
                }
                end += run as usize;
                if run == 8 {
                    continue;
                }
            } else {
                let class = BYTE_CLASS[usize::from(bytes[end])];
                if class & WORD != 0 {
                    seen |= class;
                    end += 1;
                    continue;
                }
            }
            // UAX #29 WB6/7 and WB11/12: a mark between two letters or two digits.
            let (previous, next) = (bytes[end - 1], bytes.get(end + 1).copied().unwrap_or(b' '));
            let letters = previous.is_ascii_alphabetic() && next.is_ascii_alphabetic();
            let digits = previous.is_ascii_digit() && next.is_ascii_digit();
            let joins = match bytes[end] {
                b'\'' | b'.' => letters || digits,
                b':' => letters,
                b',' | b';' => digits,
                _ => false,
            };
            if !joins {
                break;
            }
            end += 1;
        }
    } else if first == b'\r' {
        if bytes.get(end) == Some(&b'\n') {
            end += 1;
        }
    } else if is_horizontal_space(first) {
        // UAX #29 keeps horizontal space together and breaks around line breaks; the
        // tokenizer only counts the line breaks, so one piece per line break is enough.
        while end < bytes.len() && is_horizontal_space(bytes[end]) {
            end += 1;
        }
    }
    (end, seen & UPPER != 0)
}

/// [`BYTE_CLASS`] bits: a letter, digit or `_` (a byte of a tokenizer's word)…
const WORD: u8 = 1;
/// … an uppercase letter …
const UPPER: u8 = 2;
/// … a byte of a word language detection counts: an ASCII letter or any byte of a non-ASCII
/// character ([`letter_runs`]).
const IN_LETTER_RUN: u8 = 4;

const EACH_BYTE: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x80 * EACH_BYTE;

/// The bytes of `block` (eight ASCII bytes) that are word bytes, and those that are uppercase
/// letters: the top bit of each byte, set when it is.
#[inline]
fn word_and_upper_bytes(block: u64) -> (u64, u64) {
    // A byte is at least `low` when adding 0x80 - low sets its top bit, and at most `high` when
    // adding 0x7F - high does not; below 0x80, no sum carries into the next byte.
    let in_range = |low: u8, high: u8| {
        (block + u64::from(0x80 - low) * EACH_BYTE)
            & !(block + u64::from(0x7F - high) * EACH_BYTE)
            & HIGH_BITS
    };
    let upper = in_range(b'A', b'Z');
    let word = upper | in_range(b'a', b'z') | in_range(b'0', b'9') | in_range(b'_', b'_');
    (word, upper)
}

/// What each byte is to [`ascii_piece_end`] and [`letter_runs`]: one load instead of several range
/// checks, as nearly every byte of the prose comes through there.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            table[byte] = WORD;
        }
        if b.is_ascii_uppercase() {
            table[byte] |= UPPER;
        }
        if b.is_ascii_alphabetic() || !b.is_ascii() {
            table[byte] |= IN_LETTER_RUN;
        }
        byte += 1;
    }
    table
};

/// Whether `byte` is a letter, digit or `_`: a byte a tokenizer's word is made of.
#[inline]
fn is_word_byte(byte: u8) -> bool {
    BYTE_CLASS[usize::from(byte)] & WORD != 0
}

#[inline]
pub(super) fn is_horizontal_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | 0x0B | 0x0C)
}

/// Appends the normalized form of `word` (a tokenizer's word, any characters) to `norm`: lowercase,
/// curly apostrophes straight. The form [`ShortWord`]'s packing and the ASCII path of the
/// tokenizer ([`normalize_ascii_into`]) give without decoding characters.
pub(super) fn normalize_into(word: &str, norm: &mut Vec<u8>) {
    let mut buffer = [0; 4];
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => norm.push(b'\''),
            c if c.is_ascii() => norm.push(c.to_ascii_lowercase() as u8),
            c => {
                for lower in c.to_lowercase() {
                    norm.extend_from_slice(lower.encode_utf8(&mut buffer).as_bytes());
                }
            }
        }
    }
}

/// [`normalize_into`] for an ASCII word; `has_upper` (from [`ascii_piece_end`]) says whether it
/// needs lowercasing at all.
#[inline]
pub(super) fn normalize_ascii_into(word: &[u8], has_upper: bool, norm: &mut Vec<u8>) {
    let start = norm.len();
    norm.extend_from_slice(word);
    if has_upper {
        norm[start..].make_ascii_lowercase();
    }
}

/// An ASCII word of one to eight bytes as one integer, for a [`WordMap`] (and so a [`super::text::Dictionary`]) to look up without
/// hashing a string: first byte lowest, zero bytes after the last, and bit 5 set in every byte.
/// That bit lowercases a letter and leaves digits and the marks a word can hold (`'` `.` `,` `:`
/// `;`) as they are, so a word read straight from the source packs like its normalized form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortWord(u64);

impl ShortWord {
    /// A word of letters, digits and the marks [`ascii_piece_end`] joins, or `None` (longer than
    /// eight bytes, or another character): such words are looked up as strings.
    pub fn of(bytes: &[u8]) -> Option<ShortWord> {
        let packable = (1..=8).contains(&bytes.len())
            && bytes.iter().all(|&byte| {
                is_word_byte(byte) || matches!(byte, b'\'' | b'.' | b',' | b':' | b';')
            });
        packable.then(|| Self::from_loaded(load_short(bytes, 0, bytes.len()), bytes.len()))
    }

    /// The word whose `len` bytes [`load_short`] read as `raw`.
    #[inline]
    pub(super) fn from_loaded(raw: u64, len: usize) -> ShortWord {
        ShortWord(raw | (0x2020_2020_2020_2020 >> (8 * (8 - len))))
    }

    /// The normalized word the key packs: bit 5 changed only `_` (to DEL) besides lowercasing.
    pub(super) fn word(self) -> String {
        self.0
            .to_le_bytes()
            .into_iter()
            .take_while(|&byte| byte != 0)
            .map(|byte| if byte == 0x7F { '_' } else { char::from(byte) })
            .collect()
    }
}

/// `bytes[start..end]` (one to eight bytes) as an integer, first byte lowest and zero bytes
/// after the last: one eight-byte load where the text has that many bytes left, as a copy into
/// a buffer and a load from it stalls the processor.
#[inline]
pub(super) fn load_short(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    debug_assert!((1..=8).contains(&len));
    match bytes.get(start..start + 8) {
        Some(eight) => {
            let raw = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            raw & (u64::MAX >> (8 * (8 - len)))
        }
        None => {
            let mut buffer = [0; 8];
            buffer[..len].copy_from_slice(&bytes[start..end]);
            u64::from_le_bytes(buffer)
        }
    }
}

/// Lowercases the ASCII letters among the eight bytes of `word` (all below 0x80) at once: a
/// byte is uppercase when adding 0x3F carries into its top bit (it is at least `A`) and adding
/// 0x25 does not (it is at most `Z`); no sum carries into the next byte.
#[inline]
pub(super) fn lowercase_ascii_word(word: u64) -> u64 {
    let at_least_a = word + 0x3F * EACH_BYTE;
    let above_z = word + 0x25 * EACH_BYTE;
    let upper = at_least_a & !above_z & HIGH_BITS;
    word | (upper >> 2)
}

/// Normalized words to numbers, as every table of words in the language layer keeps them: words
/// of up to eight ASCII bytes in an [`IntTable`] by their [`ShortWord`] key, so the tokenizer's
/// commonest lookup hashes no string; the few others in an ordinary map.
pub struct WordMap {
    short: IntTable,
    long: FxHashMap<Box<[u8]>, u32>,
}

impl WordMap {
    /// The map of `entries` (normalized words); a word given twice keeps its last number.
    pub fn new<'w>(entries: impl IntoIterator<Item = (&'w [u8], u32)>) -> WordMap {
        let mut short = Vec::new();
        let mut long = FxHashMap::default();
        for (word, value) in entries {
            match ShortWord::of(word) {
                Some(key) => short.push((key.0, value)),
                None => {
                    long.insert(Box::from(word), value);
                }
            }
        }
        WordMap {
            short: IntTable::new(short),
            long,
        }
    }

    /// The number of the word `key` packs.
    #[inline]
    pub fn get_short(&self, key: ShortWord) -> Option<u32> {
        self.short.get(key.0)
    }

    /// The number of the normalized word `word` (UTF-8).
    pub fn get(&self, word: &[u8]) -> Option<u32> {
        match ShortWord::of(word) {
            Some(key) => self.get_short(key),
            None => self.long.get(word).copied(),
        }
    }

    /// The number of the lowercase of `text[word]`, a run of letters from [`letter_runs`];
    /// `lower` is scratch space for a word the packed key cannot hold. The word is read in
    /// place, as one load where `text` goes on past it (see [`load_short`]): detection looks up
    /// every word of a document's opening.
    #[inline]
    pub fn get_lowercase(&self, text: &str, word: Range<usize>, lower: &mut String) -> Option<u32> {
        let len = word.len();
        if len <= 8 {
            let raw = load_short(text.as_bytes(), word.start, word.end);
            if raw & HIGH_BITS == 0 {
                // ASCII letters only: the key's bit 5 lowercases them, no copy needed.
                return self.get_short(ShortWord::from_loaded(raw, len));
            }
        }
        lower.clear();
        lower.extend(text[word].chars().flat_map(char::to_lowercase));
        self.get(lower.as_bytes())
    }
}

/// The words language detection counts in `text`, as byte ranges: runs of ASCII letters and
/// non-ASCII characters ("één", "zo’n"), split on every other ASCII byte. Bytes, not characters:
/// the split points are ASCII, so always character boundaries, and no UTF-8 is decoded.
pub fn letter_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let in_run = |byte: &u8| BYTE_CLASS[usize::from(*byte)] & IN_LETTER_RUN != 0;
    let mut index = 0;
    std::iter::from_fn(move || {
        // Slice searches over a table: no bounds checks and one load per byte.
        let start = index
            + bytes[index..]
                .iter()
                .position(in_run)
                .unwrap_or(bytes.len() - index);
        index = start
            + bytes[start..]
                .iter()
                .position(|byte| !in_run(byte))
                .unwrap_or(bytes.len() - start);
        (index > start).then_some(start..index)
    })
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;

    #[test]
    fn the_ascii_fast_path_agrees_with_unicode_segmentation() {
        let samples = [
            "I'm sorry, we can't ship 3.5 kg (e.g. the kettle) by 5pm -- or 1,000 items!\r\n\r\nDon't.",
            "a.b. 'quoted' words_with_underscores  \t tabs\nand-hyphens ... end",
            "x'",
            "'x",
            "1.",
            ".5",
            "a,b",
            "1,2,",
            "\r\r\n\n",
        ];
        for sample in samples {
            assert_fast_path_agrees(sample);
        }
    }

    /// `sample` split by [`ascii_piece_end`] gives UAX #29's non-space pieces, and each piece
    /// says rightly whether it holds a capital.
    fn assert_fast_path_agrees(sample: &str) {
        let mut fast = Vec::new();
        let mut at = 0;
        while at < sample.len() {
            let (end, upper) = ascii_piece_end(sample.as_bytes(), at);
            assert_eq!(
                upper,
                sample[at..end].bytes().any(|b| b.is_ascii_uppercase()),
                "{sample:?}"
            );
            if !sample[at..end].trim().is_empty() {
                fast.push(&sample[at..end]);
            }
            at = end;
        }
        let full: Vec<&str> = sample
            .split_word_bound_indices()
            .map(|(_, piece)| piece)
            .filter(|piece| !piece.trim().is_empty())
            .collect();
        assert_eq!(fast, full, "{sample:?}");
    }

    /// Generated ASCII text, long and short pieces, every joiner: the fast path and UAX #29 split
    /// it alike.
    #[test]
    fn the_ascii_fast_path_agrees_with_unicode_segmentation_on_generated_text() {
        const ALPHABET: &[u8] = b"aZ9_'.,;:- \n\r\tqWe3";
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for case in 0..3000 {
            let len = case % 41;
            let sample: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let pick = (seed >> 33) as usize;
                    // Long runs of one letter now and then.
                    if pick % 5 == 0 {
                        'x'
                    } else {
                        char::from(ALPHABET[pick % ALPHABET.len()])
                    }
                })
                .collect();
            assert_fast_path_agrees(&sample);
        }
    }

    /// The eight-byte lowercasing agrees with the standard library on every ASCII byte, in
    /// every position of the word.
    #[test]
    fn short_words_lowercase_like_the_standard_library() {
        for byte in 0..0x80u8 {
            for position in 0..8 {
                let mut word = *b"Ab9_.'Zz";
                word[position] = byte;
                let lowered = lowercase_ascii_word(u64::from_le_bytes(word)).to_le_bytes();
                assert_eq!(
                    lowered[..],
                    word.to_ascii_lowercase(),
                    "{byte:#x} at {position}"
                );
            }
        }
    }

    /// A dictionary without a use for the packed key reads the word back from it: lowercase,
    /// with `_` and the marks a word can hold intact.
    #[test]
    fn a_short_word_reads_back_as_its_normalized_form() {
        for (word, normalized) in [
            ("I'm", "i'm"),
            ("x_Y", "x_y"),
            ("E.g", "e.g"),
            ("1,000", "1,000"),
        ] {
            let key = ShortWord::of(word.as_bytes()).expect("short");
            assert_eq!(key.word(), normalized);
        }
    }

    /// The three ways a word is normalized agree on ASCII words, capitals anywhere, whatever their
    /// length: the packed key's lowercasing, the ASCII path and the character path.
    #[test]
    fn every_normalization_path_writes_the_same_word() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        const LETTERS: &[u8] = b"aZq_7'.B";
        for case in 0..2000 {
            let len = 1 + case % 12;
            let word: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    LETTERS[(seed >> 33) as usize % LETTERS.len()]
                })
                .collect();
            let word = String::from_utf8(word).expect("ASCII");
            let expected = word.to_ascii_lowercase();
            let mut by_chars = Vec::new();
            normalize_into(&word, &mut by_chars);
            let mut ascii = Vec::new();
            let has_upper = word.bytes().any(|b| b.is_ascii_uppercase());
            normalize_ascii_into(word.as_bytes(), has_upper, &mut ascii);
            assert_eq!(by_chars, expected.as_bytes(), "{word:?}");
            assert_eq!(ascii, expected.as_bytes(), "{word:?}");
            if let Some(key) = ShortWord::of(word.as_bytes()) {
                assert_eq!(key.word(), expected, "{word:?}");
            }
        }
        let mut curly = Vec::new();
        normalize_into("Zo\u{2019}N Éen", &mut curly);
        assert_eq!(curly, "zo'n éen".as_bytes());
    }

    /// Detection's words are the pieces a plain split on ASCII non-letters leaves.
    #[test]
    fn letter_runs_split_where_a_plain_split_does() {
        for sample in [
            "",
            "Sorry voor het ongemak.",
            "  we're 3x late—zo\u{2019}n één-twee_drie\r\n\nok",
            "🙏🙏 a🙏b x",
            "...",
        ] {
            let runs: Vec<&str> = letter_runs(sample).map(|range| &sample[range]).collect();
            let expected: Vec<&str> = sample
                .split(|c: char| c.is_ascii() && !c.is_ascii_alphabetic())
                .filter(|word| !word.is_empty())
                .collect();
            assert_eq!(runs, expected, "{sample:?}");
        }
    }

    /// A word map finds short, long and non-ASCII words, by string or by key, and a run of
    /// letters by its lowercase whichever path it takes.
    #[test]
    fn a_word_map_finds_words_by_every_key() {
        let map = WordMap::new([
            (&b"the"[..], 1),
            (b"misschien", 2),
            ("één".as_bytes(), 3),
            (b"re:do", 4),
            (b"kan", 5),
        ]);
        assert_eq!(map.get(b"the"), Some(1));
        assert_eq!(map.get(b"misschien"), Some(2));
        assert_eq!(map.get("één".as_bytes()), Some(3));
        assert_eq!(
            map.get_short(ShortWord::of(b"Re:Do").expect("short")),
            Some(4)
        );
        assert_eq!(map.get(b"thee"), None);
        let mut lower = String::new();
        for (word, number) in [
            ("THE", Some(1)),
            ("MisSchien", Some(2)),
            ("ÉÉN", Some(3)),
            // The Kelvin sign's lowercase is an ASCII k.
            ("\u{212A}an", Some(5)),
            ("them", None),
            ("MISSCHIENS", None),
        ] {
            assert_eq!(
                map.get_lowercase(word, 0..word.len(), &mut lower),
                number,
                "{word}"
            );
            // In place inside a longer text, as detection reads it.
            let text = format!("{word} and more");
            assert_eq!(
                map.get_lowercase(&text, 0..word.len(), &mut lower),
                number,
                "{word} in {text:?}"
            );
        }
    }
}
