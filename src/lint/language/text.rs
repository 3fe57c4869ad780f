//! Words, sentences and clauses of the writer's prose.
//!
//! The prose runs from [`crate::lint::markup`] are split into tokens (UAX #29 word boundaries,
//! with a fast path for ASCII; what a word is and how it is normalized and packed is
//! [`super::word`]'s), each with its byte range in the source and its *normalized* form:
//! lowercase, curly quotes straightened, contractions expanded ("I’m" → `i am`, "can't" →
//! `can not`), so that phrase tables are written once in one canonical spelling. The normalized
//! forms live in one string, [`Text::norm`]. A token after a hard break (a new block, or a line
//! break that starts a new sentence) says so, and no phrase matches across it; an ordinary line
//! break inside a paragraph is just space — a phrase broken across a line still matches.
//!
//! Sentences end at `.` `!` `?` `…` or a hard break; clauses also end at `;` `:` and a spaced
//! dash (catalog, "Sentences and clauses"). Decision: a line break inside a paragraph ends a
//! clause only where it ends a sentence (a greeting line, a short heading-like line): hard-wrapped
//! mail would otherwise be cut into meaningless pieces.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::word::{
    ShortWord, ascii_piece_end, is_horizontal_space, load_short, lowercase_ascii_word,
    normalize_ascii_into, normalize_into,
};
use crate::lint::finding::TextRange;
use crate::lint::markup::ProseRun;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One word or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the source ([`Token::span`]); 32-bit, as a megabyte document has a few
    /// hundred thousand tokens.
    start: u32,
    end: u32,
    /// Where its normalized form is in [`Text::norm`]: `norm_len` bytes from `norm_start`.
    norm_start: u32,
    norm_len: u16,
    pub kind: TokenKind,
    /// What [`Token::capitalized`], [`Token::quoted`] and the other questions answer, a bit
    /// each.
    flags: u8,
}

// A megabyte holds some 200 000 tokens, and every pass over them reads them all: keep each small
// (bools of their own would make it 24 bytes).
const _: () = assert!(std::mem::size_of::<Token>() == 16);

const CAPITALIZED: u8 = 1;
const QUOTED: u8 = 2;
const SPACED_BEFORE: u8 = 4;
const HARD_BREAK: u8 = 8;
const LINE_BREAK: u8 = 16;

impl Token {
    /// Where it is in the source; tokens expanded from one contraction share the span.
    pub fn span(&self) -> TextRange {
        TextRange::new(self.start as usize, self.end as usize)
    }

    /// The source word starts with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }

    /// Inside double quotes (someone else's words, or a quoted phrase).
    pub fn quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }

    /// Whitespace precedes it in the source (tells a spaced dash from a hyphen).
    pub fn spaced_before(&self) -> bool {
        self.flags & SPACED_BEFORE != 0
    }

    /// A new block, or a line break that starts a sentence, precedes it: no phrase spans it.
    pub fn hard_break(&self) -> bool {
        self.flags & HARD_BREAK != 0
    }

    /// A line break inside a paragraph precedes it (and no hard break).
    pub fn line_break(&self) -> bool {
        self.flags & LINE_BREAK != 0
    }

    fn norm_range(&self) -> std::ops::Range<usize> {
        let start = self.norm_start as usize;
        start..start + usize::from(self.norm_len)
    }
}

/// A sentence or clause: a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Token indices `start..end`, 32-bit like [`Token`]'s offsets: a megabyte holds some ten
    /// thousand sentences and more clauses.
    pub(in crate::lint::language) start: u32,
    pub(in crate::lint::language) end: u32,
    pub span: TextRange,
}

impl Segment {
    /// The index of its first token.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The index after its last token.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn tokens(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn contains_token(&self, token: usize) -> bool {
        self.tokens().contains(&token)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Break {
    None,
    /// A line break inside a paragraph.
    Line,
    /// A new block, or a line break judged to start a new sentence.
    Hard,
}

/// How a language reads its normalized words: which ones expand into others (contractions,
/// variant spellings) and the number of each word in the language's phrase automaton. The
/// tokenizer asks once per word, so a word is hashed once for both questions.
pub trait Dictionary {
    /// The normalized word `word` (UTF-8; bytes, so that a word just written needs no check).
    fn look_up(&self, word: &[u8]) -> Lookup<'_>;

    /// [`Dictionary::look_up`] for a short ASCII word packed as `key`.
    fn look_up_short(&self, key: ShortWord) -> Lookup<'_> {
        self.look_up(key.word().as_bytes())
    }
}

/// What a [`Dictionary`] knows about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'d> {
    /// The word's number (0: no phrase has it).
    Word(u32),
    /// The words it stands for, each with its number.
    Expands(&'d [(&'static str, u32)]),
}

/// The tokens, sentences and clauses of a document's prose.
#[derive(Debug, Default)]
pub struct Text {
    pub norm: String,
    pub tokens: Vec<Token>,
    /// Each token's number in the [`Dictionary`] the text was read with.
    word_ids: Vec<u32>,
    pub sentences: Vec<Segment>,
    pub clauses: Vec<Segment>,
    /// Which sentence and clause hold a token: rules ask all the time, so it is a lookup, not a
    /// search of thousands of segments.
    sentence_index: SegmentIndex,
    clause_index: SegmentIndex,
    /// Token indices where a paragraph (block) starts.
    pub paragraph_starts: Vec<u32>,
}

impl Text {
    pub fn new(source: &str, runs: &[ProseRun], dictionary: &impl Dictionary) -> Text {
        Text::new_keeping(source, runs, dictionary, |_, _| true).0
    }

    /// Reads `runs` paragraph by paragraph (a run that starts a block and the runs that continue
    /// it) and keeps the paragraphs `keep` accepts, shown each paragraph's tokens and their
    /// numbers in `dictionary` as read. A paragraph left out leaves no trace: the text is what
    /// [`Text::new`] reads from the other runs. Also returns the runs left out, by index.
    ///
    /// This is how a paragraph in another language is found without reading it twice: its own
    /// tokens vote ([`super::detect`]), and only the paragraphs that lose are read again.
    pub fn new_keeping(
        source: &str,
        runs: &[ProseRun],
        dictionary: &impl Dictionary,
        mut keep: impl FnMut(&[Token], &[u32]) -> bool,
    ) -> (Text, Vec<Range<usize>>) {
        let prose_len: usize = runs.iter().map(|run| run.range.len()).sum();
        let mut builder = Builder::new(source, dictionary, prose_len);
        let mut left_out = Vec::new();
        let mut previous_end = 0;
        for paragraph in paragraphs(runs) {
            let mark = builder.mark();
            let end_before = previous_end;
            for run in &runs[paragraph.clone()] {
                let gap = &source[previous_end.min(run.range.start)..run.range.start];
                if run.block_start {
                    builder.state.pending = Break::Hard;
                } else if gap.contains('\n') {
                    builder.note_line_break();
                }
                builder.state.pending_space |= !gap.is_empty();
                builder.tokenize(run.range);
                previous_end = run.range.end;
            }
            let read = mark.tokens..builder.text.tokens.len();
            if !keep(
                &builder.text.tokens[read.clone()],
                &builder.text.word_ids[read],
            ) {
                builder.roll_back(mark);
                previous_end = end_before;
                left_out.push(paragraph);
            }
        }
        (builder.finish(), left_out)
    }

    /// The normalized form of token `index`.
    pub fn word(&self, index: usize) -> &str {
        let token = &self.tokens[index];
        &self.norm[token.norm_range()]
    }

    /// Every token's number in the dictionary the text was read with (none once
    /// [`Text::forget_word_ids`] has run).
    pub fn word_ids(&self) -> &[u32] {
        &self.word_ids
    }

    /// Gives back the tokens' numbers: the phrase scan is their last reader, and a text is kept
    /// as long as its lint.
    pub(super) fn forget_word_ids(&mut self) {
        self.word_ids = Vec::new();
    }

    /// The source range covered by tokens `range` (empty at the end of the text if none).
    pub fn span(&self, range: Range<usize>) -> TextRange {
        match (
            self.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|i| self.tokens.get(i)),
        ) {
            (Some(first), Some(last)) if range.start < range.end => first.span().cover(last.span()),
            (Some(first), _) => TextRange::empty(first.span().start),
            _ => TextRange::empty(self.tokens.last().map_or(0, |token| token.end as usize)),
        }
    }

    /// The index of the sentence holding token `index`.
    pub fn sentence_of(&self, index: usize) -> usize {
        self.sentence_index.segment_of(&self.sentences, index)
    }

    /// The index of the clause holding token `index`.
    pub fn clause_of(&self, index: usize) -> usize {
        self.clause_index.segment_of(&self.clauses, index)
    }

    /// The index of the paragraph holding token `index`.
    pub fn paragraph_of(&self, index: usize) -> usize {
        self.paragraph_starts
            .partition_point(|start| *start as usize <= index)
            .saturating_sub(1)
    }

    /// The token range of paragraph `index`.
    pub fn paragraph(&self, index: usize) -> Range<usize> {
        let start = self.paragraph_starts.get(index).map_or(0, |s| *s as usize);
        let end = self
            .paragraph_starts
            .get(index + 1)
            .map_or(self.tokens.len(), |s| *s as usize);
        start..end
    }

    pub fn is_word(&self, index: usize) -> bool {
        self.tokens
            .get(index)
            .is_some_and(|token| token.kind != TokenKind::Punct)
    }

    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|token| token.kind != TokenKind::Punct)
            .count()
    }
}

/// The paragraphs of `runs`, as index ranges: a run that starts a block and the runs that
/// continue it.
fn paragraphs(runs: &[ProseRun]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        (start < runs.len()).then(|| {
            let end = runs[start + 1..]
                .iter()
                .position(|run| run.block_start)
                .map_or(runs.len(), |offset| start + 1 + offset);
            let paragraph = start..end;
            start = end;
            paragraph
        })
    })
}

/// Whether `byte` starts a UTF-8 character (is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// Which of a run of contiguous segments holds a token: the segment of every 16th token is kept,
/// and the few segments from there to the token are stepped over (a clause is rarely shorter
/// than a few tokens, so that is a step or three). A 16th of the memory of a segment number per
/// token.
#[derive(Debug, Default)]
struct SegmentIndex {
    /// The segment holding token `16 * k`.
    every_16th: Vec<u32>,
}

impl SegmentIndex {
    const STRIDE_BITS: u32 = 4;

    fn new(segments: &[Segment], token_count: usize) -> SegmentIndex {
        let mut every_16th = Vec::with_capacity((token_count >> Self::STRIDE_BITS) + 1);
        let mut segment = 0;
        for token in (0..token_count).step_by(1 << Self::STRIDE_BITS) {
            segment = Self::step(segments, segment, token);
            every_16th.push(segment as u32);
        }
        SegmentIndex { every_16th }
    }

    /// Which of `segments` (the ones this index was made of) holds `token`: the first that ends
    /// after it, the last one for a token past the end.
    fn segment_of(&self, segments: &[Segment], token: usize) -> usize {
        let hint = self
            .every_16th
            .get(token >> Self::STRIDE_BITS)
            .or(self.every_16th.last())
            .map_or(0, |hint| *hint as usize);
        Self::step(segments, hint, token)
    }

    /// From segment `from` (at or before the answer), step to the one holding `token`.
    fn step(segments: &[Segment], from: usize, token: usize) -> usize {
        let mut segment = from;
        while segment + 1 < segments.len() && segments[segment].end() <= token {
            segment += 1;
        }
        segment
    }
}

struct Builder<'s, 'd, D> {
    source: &'s str,
    /// [`Text::norm`] while it is written: bytes, so that the many small writes check no
    /// character boundaries. Only whole UTF-8 pieces are written to it, so it becomes the string
    /// without a copy.
    norm: Vec<u8>,
    text: Text,
    state: ReadingState,
    /// The tokens that can end or start a sentence or clause, in order: every mark, and every
    /// token after a hard break. Segmenting looks at these alone, not at the five words between
    /// two of them.
    boundaries: Vec<u32>,
    /// The dictionary's number of each of [`PUNCTUATION`], once looked up.
    punctuation_ids: [Option<u32>; PUNCTUATION.len()],
    dictionary: &'d D,
}

/// What the tokenizer carries from one token to the next, besides the lists it writes.
#[derive(Clone, Copy, Debug)]
struct ReadingState {
    pending: Break,
    pending_space: bool,
    /// Line breaks seen since the last token (UAX #29 splits "\n\n" into two pieces).
    gap_newlines: usize,
    /// Byte offset where the current source line's first token starts.
    line_start: usize,
    /// Inside double quotes: they toggle within a paragraph, and curly ones say which way they
    /// go.
    in_quotes: bool,
    /// Inside curly single quotes (‘…’), the quotation marks of Dutch and British prose. Only
    /// the curly ones: a straight one is as often an apostrophe.
    in_single_quotes: bool,
    /// The last paragraph ended inside an open double quote, and this one has had no double
    /// quote yet: a quotation that runs on over paragraphs.
    quote_runs_on: bool,
    /// The first token of the current paragraph.
    paragraph_start: usize,
}

/// Where the tokenizer stood: enough to take back all it read since.
#[derive(Clone, Copy, Debug)]
struct Mark {
    norm: usize,
    tokens: usize,
    boundaries: usize,
    state: ReadingState,
}

impl<'s, 'd, D: Dictionary> Builder<'s, 'd, D> {
    fn new(source: &'s str, dictionary: &'d D, prose_len: usize) -> Self {
        // Room for what prose usually holds (a token per four or five bytes, contractions
        // expanded; a sentence per sixty), so a megabyte is read without copying the lists over
        // and over as they grow.
        let mut norm = Vec::with_capacity(prose_len + prose_len / 8);
        norm.push(b' ');
        Builder {
            source,
            norm,
            text: Text {
                tokens: Vec::with_capacity(prose_len / 4),
                word_ids: Vec::with_capacity(prose_len / 4),
                sentences: Vec::with_capacity(prose_len / 60),
                clauses: Vec::with_capacity(prose_len / 50),
                ..Text::default()
            },
            state: ReadingState {
                pending: Break::Hard,
                pending_space: false,
                gap_newlines: 0,
                line_start: 0,
                in_quotes: false,
                in_single_quotes: false,
                quote_runs_on: false,
                paragraph_start: 0,
            },
            boundaries: Vec::with_capacity(prose_len / 20),
            punctuation_ids: [None; PUNCTUATION.len()],
            dictionary,
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            norm: self.norm.len(),
            tokens: self.text.tokens.len(),
            boundaries: self.boundaries.len(),
            state: self.state,
        }
    }

    /// Takes back every token read since `mark` (segmenting comes after reading, so the tokens
    /// and their boundaries are all there is to take back). The state goes back too, although a
    /// paragraph that follows starts a block and resets most of it: what was left out must not
    /// count on that.
    fn roll_back(&mut self, mark: Mark) {
        self.norm.truncate(mark.norm);
        self.text.tokens.truncate(mark.tokens);
        self.text.word_ids.truncate(mark.tokens);
        self.boundaries.truncate(mark.boundaries);
        self.state = mark.state;
    }

    fn note_line_break(&mut self) {
        if self.state.pending == Break::None {
            self.state.pending = Break::Line;
        }
    }

    fn tokenize(&mut self, range: TextRange) {
        let run = &self.source[range.start..range.end];
        // Most prose is ASCII, where UAX #29 reduces to a few byte rules: take the fast path
        // there and the full Unicode segmentation everywhere else.
        if run.is_ascii() {
            self.tokenize_ascii(range.start, run);
            return;
        }
        // A paragraph with one emoji is still mostly ASCII: pay for Unicode only from the
        // ASCII whitespace before a non-ASCII character to the whitespace after it (UAX #29
        // always breaks at ASCII whitespace, so the stretches between read alike either way).
        let bytes = run.as_bytes();
        let mut ascii_start = 0;
        while let Some(offset) = bytes[ascii_start..].iter().position(|b| !b.is_ascii()) {
            let non_ascii = ascii_start + offset;
            let unicode_start = bytes[ascii_start..non_ascii]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(ascii_start, |space| ascii_start + space + 1);
            // Keep the whitespace after the word with it, as the ASCII stretches do.
            let space = bytes[non_ascii..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |at| non_ascii + at);
            let unicode_end = bytes[space..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(bytes.len(), |at| space + at);
            if unicode_start > ascii_start {
                self.tokenize_ascii(range.start + ascii_start, &run[ascii_start..unicode_start]);
            }
            let unicode = &run[unicode_start..unicode_end];
            self.tokenize_pieces(
                range.start + unicode_start,
                unicode.split_word_bound_indices(),
            );
            ascii_start = unicode_end;
        }
        if ascii_start < bytes.len() {
            self.tokenize_ascii(range.start + ascii_start, &run[ascii_start..]);
        }
    }

    /// The pieces of an ASCII stretch, the fast path of [`Builder::tokenize_pieces`]: the same
    /// tokens, without decoding characters or asking Unicode tables.
    fn tokenize_ascii(&mut self, base: usize, chunk: &str) {
        let bytes = chunk.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let first = bytes[at];
            if first == b' ' {
                // The space between two words, the commonest piece by far: all it changes is
                // that the next token is spaced (a run of spaces is the same one piece at a time).
                self.state.pending_space = true;
                at += 1;
                continue;
            }
            let (end, has_upper) = ascii_piece_end(bytes, at);
            let span = TextRange::new(base + at, base + end);
            if first.is_ascii_alphanumeric() {
                let kind = if first.is_ascii_digit() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                let capitalized = first.is_ascii_uppercase();
                if end - at <= 8 {
                    self.push_short_word(span, kind, capitalized, has_upper);
                } else {
                    let norm_start = self.norm.len();
                    normalize_ascii_into(&bytes[at..end], has_upper, &mut self.norm);
                    self.push_written_word(span, norm_start, kind, capitalized);
                }
            } else if is_horizontal_space(first) {
                // A space holds no line break: all it changes is that the next token is spaced.
                self.state.pending_space = true;
            } else if first == b'\n' || first == b'\r' {
                self.space(usize::from(bytes[end - 1] == b'\n'));
            } else {
                self.push_punct(span, &chunk[at..end]);
            }
            at = end;
        }
    }

    fn tokenize_pieces<'r>(&mut self, base: usize, pieces: impl Iterator<Item = (usize, &'r str)>) {
        for (offset, piece) in pieces {
            let start = base + offset;
            let first = piece.chars().next().unwrap_or(' ');
            if first.is_whitespace() {
                self.space(piece.bytes().filter(|&byte| byte == b'\n').count());
                continue;
            }
            let span = TextRange::new(start, start + piece.len());
            if first.is_alphanumeric() {
                let kind = if first.is_numeric() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                self.push_word(span, kind, first.is_uppercase());
            } else {
                self.push_punct(span, piece);
            }
        }
    }

    /// A piece of white space holding `newlines` line breaks.
    fn space(&mut self, newlines: usize) {
        self.state.gap_newlines += newlines;
        if self.state.gap_newlines >= 2 {
            self.state.pending = Break::Hard;
        } else if self.state.gap_newlines == 1 {
            self.note_line_break();
        }
        self.state.pending_space = true;
    }

    fn push_punct(&mut self, span: TextRange, piece: &str) {
        // Emoji and other symbols are not words: they carry no phrase.
        let Some(index) = normalize_punct(piece) else {
            return;
        };
        let norm = PUNCTUATION[index];
        // A draft has a mark every few words and only fifteen kinds: each is looked up once.
        let id = *self.punctuation_ids[index].get_or_insert_with(|| {
            match self.dictionary.look_up(norm.as_bytes()) {
                Lookup::Word(id) => id,
                Lookup::Expands(_) => 0,
            }
        });
        self.push(span, norm, TokenKind::Punct, false, id);
        if norm == "\"" {
            // Double quotes toggle within a paragraph (the token has already been told whether
            // it starts one), and curly ones say which way they go. The mark itself is not
            // quoted.
            let glued = self
                .text
                .tokens
                .last()
                .is_some_and(|mark| !mark.spaced_before());
            let runs_on = std::mem::take(&mut self.state.quote_runs_on);
            self.state.in_quotes = match span.slice(self.source) {
                "\u{201C}" | "\u{201E}" => true,
                "\u{201D}" => false,
                // A straight quote glued to the word before it, first of its paragraph, after a
                // paragraph that ended inside a quotation, closes that quotation (the writer
                // did not reopen it): the paragraph up to here is quoted too.
                _ if runs_on && glued && !self.state.in_quotes => {
                    let quoted = self.state.paragraph_start..self.text.tokens.len() - 1;
                    for token in &mut self.text.tokens[quoted] {
                        token.flags |= QUOTED;
                    }
                    false
                }
                _ => !self.state.in_quotes,
            };
            if let Some(mark) = self.text.tokens.last_mut() {
                mark.flags &= !QUOTED;
            }
        } else if norm == "," && self.source[span.end..].starts_with(',') {
            // Dutch low-high quotes: ,,Wij bieden onze excuses aan''.
            if !self.source[..span.start].ends_with(',') {
                self.state.in_quotes = true;
                if let Some(mark) = self.text.tokens.last_mut() {
                    mark.flags &= !QUOTED;
                }
            }
        } else if norm == "'" {
            // A curly opening quote starts a quotation; a curly closing one ends it unless a
            // letter follows (the elision of "’t"). An apostrophe inside a word is no token.
            // Two straight ones close the Dutch ,,…''.
            if span.slice(self.source) == "'" && self.source[span.end..].starts_with('\'') {
                self.state.in_quotes = false;
                return;
            }
            match span.slice(self.source) {
                "\u{2018}" => self.state.in_single_quotes = true,
                "\u{2019}" => {
                    let letter_follows = self.source[span.end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                    if !letter_follows {
                        self.state.in_single_quotes = false;
                    }
                }
                _ => return,
            }
            if let Some(mark) = self.text.tokens.last_mut() {
                mark.flags &= !QUOTED;
            }
        }
    }

    /// An ASCII word of one to eight bytes: loaded, lowercased, looked up and written as one
    /// integer each, the commonest token by far. Read from the source, not the chunk: a chunk of
    /// a line with an emoji in it ends right after its word, and the source seldom does.
    fn push_short_word(
        &mut self,
        span: TextRange,
        kind: TokenKind,
        capitalized: bool,
        upper: bool,
    ) {
        let len = span.len();
        let raw = load_short(self.source.as_bytes(), span.start, span.end);
        let lookup = self
            .dictionary
            .look_up_short(ShortWord::from_loaded(raw, len));
        let id = match lookup {
            Lookup::Word(id) => id,
            Lookup::Expands(expansion) => {
                return self.push_expansion(span, kind, capitalized, expansion);
            }
        };
        let lower = if upper {
            lowercase_ascii_word(raw)
        } else {
            raw
        };
        // The word and the space after it in one write where they fit in eight bytes.
        let norm_start = self.norm.len();
        if len < 8 {
            self.norm
                .extend_from_slice(&(lower | (0x20 << (8 * len))).to_le_bytes());
            self.norm.truncate(norm_start + len + 1);
        } else {
            self.norm.extend_from_slice(&lower.to_le_bytes());
            self.norm.push(b' ');
        }
        self.push_token(span, norm_start, len, kind, capitalized, id);
    }

    /// A word whose normalized form has been written at `norm[norm_start..]`.
    fn push_written_word(
        &mut self,
        span: TextRange,
        norm_start: usize,
        kind: TokenKind,
        capitalized: bool,
    ) {
        let id = match self.dictionary.look_up(&self.norm[norm_start..]) {
            Lookup::Word(id) => id,
            Lookup::Expands(expansion) => {
                self.norm.truncate(norm_start);
                return self.push_expansion(span, kind, capitalized, expansion);
            }
        };
        // No word is this long but a pasted blob; keep what fits, up to a character's start.
        let mut norm_end = self.norm.len();
        if norm_end - norm_start > usize::from(u16::MAX) {
            norm_end = norm_start + usize::from(u16::MAX);
            while !is_char_start(self.norm[norm_end]) {
                norm_end -= 1;
            }
            self.norm.truncate(norm_end);
        }
        self.norm.push(b' ');
        self.push_token(
            span,
            norm_start,
            norm_end - norm_start,
            kind,
            capitalized,
            id,
        );
    }

    fn push_word(&mut self, span: TextRange, kind: TokenKind, capitalized: bool) {
        // The word is normalized in place at the end of `norm`: no scratch copy per word.
        let norm_start = self.norm.len();
        normalize_into(&self.source[span.start..span.end], &mut self.norm);
        self.push_written_word(span, norm_start, kind, capitalized);
    }

    /// Adds the words a word at `span` expands to, each with its number; they share its span.
    fn push_expansion(
        &mut self,
        span: TextRange,
        kind: TokenKind,
        capitalized: bool,
        expansion: &[(&str, u32)],
    ) {
        for (index, (part, id)) in expansion.iter().enumerate() {
            self.push(span, part, kind, capitalized && index == 0, *id);
        }
    }

    fn push(&mut self, span: TextRange, norm: &str, kind: TokenKind, capitalized: bool, id: u32) {
        let norm_start = self.norm.len();
        self.norm.extend_from_slice(norm.as_bytes());
        self.norm.push(b' ');
        self.push_token(span, norm_start, norm.len(), kind, capitalized, id);
    }

    /// Adds a token whose normalized form, `norm_len` bytes at `norm[norm_start..]`, and the
    /// space after it are written. Inlined into its callers: it runs once for every token of the
    /// prose, and as a call much of its cost would be saving and restoring registers.
    #[inline(always)]
    fn push_token(
        &mut self,
        span: TextRange,
        norm_start: usize,
        norm_len: usize,
        kind: TokenKind,
        capitalized: bool,
        id: u32,
    ) {
        let mut brk = self.state.pending;
        if brk != Break::None {
            self.state.pending = Break::None;
            if brk == Break::Line && self.line_break_starts_sentence(capitalized, span.start) {
                brk = Break::Hard;
            }
            self.state.line_start = span.start;
            if brk == Break::Hard {
                self.state.quote_runs_on = self.state.in_quotes;
                self.state.paragraph_start = self.text.tokens.len();
                self.state.in_quotes = false;
                self.state.in_single_quotes = false;
            }
        }
        self.state.gap_newlines = 0;
        let mut flags = 0;
        for (set, flag) in [
            (capitalized, CAPITALIZED),
            (self.state.in_quotes || self.state.in_single_quotes, QUOTED),
            (std::mem::take(&mut self.state.pending_space), SPACED_BEFORE),
            (brk == Break::Hard, HARD_BREAK),
            (brk == Break::Line, LINE_BREAK),
        ] {
            flags |= u8::from(set) * flag;
        }
        if kind == TokenKind::Punct || brk == Break::Hard {
            self.boundaries.push(self.text.tokens.len() as u32);
        }
        self.text.tokens.push(Token {
            start: span.start as u32,
            end: span.end as u32,
            norm_start: norm_start as u32,
            norm_len: norm_len as u16,
            kind,
            flags,
        });
        self.text.word_ids.push(id);
    }

    /// A line break starts a new sentence after a greeting or a short heading-like line
    /// ("Hi Anna," / "Update on your order") when the next line starts with a capital.
    fn line_break_starts_sentence(&self, next_capitalized: bool, next_start: usize) -> bool {
        if !next_capitalized {
            return false;
        }
        let Some(last) = self.text.tokens.last() else {
            return true;
        };
        let last_word = &self.norm[last.norm_range()];
        let line_length = (last.end as usize).saturating_sub(self.state.line_start);
        matches!(last_word, b"," | b":")
            || (last.kind != TokenKind::Punct && line_length <= 40)
            || next_start < self.state.line_start
    }

    fn finish(mut self) -> Text {
        self.text.norm = String::from_utf8(std::mem::take(&mut self.norm))
            .expect("the normalized forms are written in whole characters");
        self.unquote_a_statement_in_quotes();
        self.segment();
        self.text
    }

    /// A statement published in quotes, with little more than a title and a name outside them
    /// ("Statement" / “We regret …” / "The chair"): the quotes hold the writer's own words, not
    /// someone else's.
    fn unquote_a_statement_in_quotes(&mut self) {
        let text = &mut self.text;
        let (mut quoted, mut unquoted) = (0, 0);
        for (index, token) in text.tokens.iter().enumerate() {
            if text.is_word(index) {
                if token.quoted() {
                    quoted += 1;
                } else {
                    unquoted += 1;
                }
            }
        }
        if unquoted <= 12 && quoted >= 4 * unquoted && quoted > 0 {
            for token in &mut text.tokens {
                token.flags &= !QUOTED;
            }
        }
    }

    fn segment(&mut self) {
        let text = &mut self.text;
        let count = text.tokens.len();
        let mut sentence_start = 0;
        let mut clause_start = 0;
        // The marks a sentence or clause took in after its end mark are read.
        let mut read_up_to = 0;
        for &boundary in &self.boundaries {
            let index = boundary as usize;
            if index < read_up_to {
                continue;
            }
            if text.tokens[index].hard_break() {
                if index > sentence_start {
                    close(&mut text.sentences, &text.tokens, sentence_start, index);
                }
                if index > clause_start {
                    close(&mut text.clauses, &text.tokens, clause_start, index);
                }
                sentence_start = index;
                clause_start = index;
                if text.paragraph_starts.last() != Some(&(index as u32)) {
                    text.paragraph_starts.push(index as u32);
                }
            }
            // Only punctuation ends a sentence or clause.
            if text.tokens[index].kind != TokenKind::Punct {
                continue;
            }
            let word = word_of(&text.norm, &text.tokens[index]);
            let ends_sentence = match word {
                "!" | "?" | "…" => true,
                "." => !is_abbreviation_dot(&text.norm, &text.tokens, index),
                _ => false,
            };
            let ends_clause = ends_sentence
                || matches!(word, ";" | ":" | "—")
                || (matches!(word, "-" | "--") && text.tokens[index].spaced_before());
            if ends_clause {
                // Closing quotes, brackets and repeated marks belong to the sentence they end.
                let mut end = index + 1;
                while end < count
                    && !text.tokens[end].hard_break()
                    && matches!(
                        word_of(&text.norm, &text.tokens[end]),
                        "\"" | "'" | ")" | "]" | "." | "!" | "?" | "…"
                    )
                {
                    end += 1;
                }
                close(&mut text.clauses, &text.tokens, clause_start, end);
                clause_start = end;
                if ends_sentence {
                    close(&mut text.sentences, &text.tokens, sentence_start, end);
                    sentence_start = end;
                }
                read_up_to = end;
            }
        }
        if count > sentence_start {
            close(&mut text.sentences, &text.tokens, sentence_start, count);
        }
        if count > clause_start {
            close(&mut text.clauses, &text.tokens, clause_start, count);
        }
        text.sentence_index = SegmentIndex::new(&text.sentences, count);
        text.clause_index = SegmentIndex::new(&text.clauses, count);
    }
}

fn word_of<'n>(norm: &'n str, token: &Token) -> &'n str {
    &norm[token.norm_range()]
}

fn close(segments: &mut Vec<Segment>, tokens: &[Token], start: usize, end: usize) {
    if start >= end {
        return;
    }
    segments.push(Segment {
        start: start as u32,
        end: end as u32,
        span: tokens[start].span().cover(tokens[end - 1].span()),
    });
}

/// Words after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "approx", "no", "nr", "inc",
    "ltd", "co", "jr", "sr", "dept", "fig", "ca", "cf", "bijv", "o.a", "m.b.t", "z.s.m", "mvg",
];

fn is_abbreviation_dot(norm: &str, tokens: &[Token], index: usize) -> bool {
    let previous = index
        .checked_sub(1)
        .map(|i| (word_of(norm, &tokens[i]), tokens[i]));
    if let Some((word, token)) = previous {
        let glued = token.end == tokens[index].start;
        // An initial ("J. Smith"), not a number ("costs € 5."), nor "I".
        let initial = word.len() == 1 && word != "i" && token.kind == TokenKind::Word;
        if glued && (ABBREVIATIONS.contains(&word) || initial) {
            return true;
        }
    }
    // "… at 3 p.m. tomorrow": a lowercase word right after the dot continues the sentence.
    match tokens.get(index + 1) {
        Some(next) => {
            !next.hard_break()
                && !next.line_break()
                && next.kind == TokenKind::Word
                && !next.capitalized()
                && word_of(norm, next)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        }
        None => false,
    }
}

/// The punctuation tokens, normalized; [`normalize_punct`] gives an index into these.
const PUNCTUATION: [&str; 15] = [
    ".", ",", "!", "?", ";", ":", "…", "\"", "'", "—", "-", "(", ")", "/", "&",
];

/// Which of [`PUNCTUATION`] a piece is, if any.
fn normalize_punct(piece: &str) -> Option<usize> {
    Some(match piece {
        "." => 0,
        "," => 1,
        "!" => 2,
        "?" => 3,
        ";" => 4,
        ":" => 5,
        "…" => 6,
        "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}" => 7,
        "'" | "\u{2018}" | "\u{2019}" => 8,
        "\u{2014}" | "\u{2013}" => 9,
        "-" => 10,
        "(" | "[" => 11,
        ")" | "]" => 12,
        "/" => 13,
        "&" => 14,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expands "i'm" and numbers nothing.
    struct OneContraction;

    impl Dictionary for OneContraction {
        fn look_up(&self, word: &[u8]) -> Lookup<'_> {
            match word {
                b"i'm" => Lookup::Expands(&[("i", 0), ("am", 0)]),
                _ => Lookup::Word(0),
            }
        }
    }

    fn text(source: &str) -> Text {
        let runs = [ProseRun {
            range: TextRange::new(0, source.len()),
            block_start: true,
        }];
        Text::new(source, &runs, &OneContraction)
    }

    /// A run with characters beyond ASCII is read as if UAX #29 had segmented all of it: only
    /// the words around those characters take the slow path, and no token, span or flag moves.
    #[test]
    fn a_run_with_a_few_non_ascii_characters_reads_like_one_segmented_whole() {
        let samples = [
            "café au lait, we're sorry",
            "Sorry 🙏 for the delay",
            "🙏 first and last 🙏",
            "the 发货 (shipping) step. 我们很抱歉 — we will fix it",
            "naïve  \t e-mail\r\nnext line ends with é",
            "Zo’n   fout!  \"Het spijt ons,\" zei ik.",
            "ascii only, then\u{a0}a no-break space and 3,5 kg",
        ];
        for sample in samples {
            let runs = [ProseRun {
                range: TextRange::new(0, sample.len()),
                block_start: true,
            }];
            let mixed = Text::new(sample, &runs, &OneContraction);
            let mut whole = Builder::new(sample, &OneContraction, sample.len());
            whole.tokenize_pieces(0, sample.split_word_bound_indices());
            let whole = whole.finish();
            assert_eq!(mixed.tokens, whole.tokens, "{sample:?}");
            assert_eq!(mixed.norm, whole.norm, "{sample:?}");
        }
    }

    /// Leaving paragraphs out while reading gives the text read from the other runs alone: the
    /// tokens (flags, quotes and line breaks included), their numbers, the normalized words,
    /// sentences, clauses and paragraphs.
    #[test]
    fn a_paragraph_left_out_leaves_no_trace() {
        use crate::lint::markup::{DocumentKind, extract_prose};
        let source = "Hi Anna,\n\n\"We are sorry, the parcel was late.\n\
                      We'll send another\ntoday.\n\n\
                      \"Het pakket was te laat.\n\nWe can't\nsay more: sorry!\n\n- one\n- \"two";
        let prose = extract_prose(source, DocumentKind::Markdown);
        let book = &super::super::Lexicon::of(super::super::Language::English).book;
        let paragraph_count = paragraphs(&prose.runs).count();
        assert!(paragraph_count >= 5, "{paragraph_count}");
        for left_out_bits in 0u32..1 << paragraph_count {
            let mut index = 0;
            let (kept, left_out) = Text::new_keeping(source, &prose.runs, book, |_, _| {
                index += 1;
                left_out_bits & (1 << (index - 1)) == 0
            });
            let remaining: Vec<ProseRun> = paragraphs(&prose.runs)
                .enumerate()
                .filter(|(index, _)| left_out_bits & (1 << index) == 0)
                .flat_map(|(_, paragraph)| prose.runs[paragraph].iter().copied())
                .collect();
            let expected = Text::new(source, &remaining, book);
            assert_eq!(left_out.len(), left_out_bits.count_ones() as usize);
            assert_eq!(kept.tokens, expected.tokens, "{left_out_bits:b}");
            assert_eq!(kept.word_ids, expected.word_ids, "{left_out_bits:b}");
            assert_eq!(kept.norm, expected.norm, "{left_out_bits:b}");
            assert_eq!(kept.sentences, expected.sentences, "{left_out_bits:b}");
            assert_eq!(kept.clauses, expected.clauses, "{left_out_bits:b}");
            assert_eq!(kept.paragraph_starts, expected.paragraph_starts);
        }
    }

    /// Every token's normalized form, in order.
    fn words(t: &Text) -> Vec<&str> {
        (0..t.tokens.len()).map(|i| t.word(i)).collect()
    }

    fn sentences(source: &str) -> Vec<&str> {
        text(source)
            .sentences
            .iter()
            .map(|s| s.span.slice(source))
            .collect()
    }

    fn clauses(source: &str) -> Vec<&str> {
        text(source)
            .clauses
            .iter()
            .map(|s| s.span.slice(source))
            .collect()
    }

    #[test]
    fn normalizes_case_quotes_and_contractions() {
        let t = text("I\u{2019}m Sorry \u{201C}now\u{201D}");
        assert_eq!(t.norm, " i am sorry \" now \" ");
        assert_eq!(t.tokens[0].span(), t.tokens[1].span());
        assert_eq!(t.word(2), "sorry");
        assert!(t.tokens[3].quoted() || t.tokens[4].quoted());
        assert!(t.tokens[4].quoted());
    }

    #[test]
    fn a_quotation_runs_on_over_paragraphs_until_its_closing_quote() {
        let quoted_words = |source: &str| {
            let t = text(source);
            (0..t.tokens.len())
                .filter(|&i| t.tokens[i].quoted())
                .map(|i| t.word(i).to_string())
                .collect::<Vec<_>>()
        };
        // Opened in the first paragraph, closed (not reopened) at the end of the second.
        assert_eq!(
            quoted_words("It wrote: \"We erred.\n\nWe apologise.\" Then"),
            ["we", "erred", ".", "we", "apologise", "."]
        );
        // A paragraph that opens its own quotation is read as usual.
        assert_eq!(
            quoted_words("It wrote: \"We erred.\n\nWe say \"sorry\" now."),
            ["we", "erred", ".", "sorry"]
        );
        // A closed quotation does not run on.
        assert_eq!(
            quoted_words("It wrote: \"We erred.\"\n\nWe apologise.\""),
            ["we", "erred", "."]
        );
    }

    #[test]
    fn a_statement_published_in_quotes_is_the_writers_own() {
        let any_quoted = |source: &str| {
            let t = text(source);
            (0..t.tokens.len()).any(|i| t.tokens[i].quoted())
        };
        assert!(!any_quoted(
            "Statement\n\n\"We regret what was posted on Saturday. It does not reflect what \
             our club stands for, and the coach has stepped back.\"\n\nThe chair"
        ));
        // A report with its own words around the quote keeps the quote someone else's.
        assert!(any_quoted(
            "The club said on Sunday, in a short note to members after the match, that it was \
             looking into the matter: \"We regret what was posted.\""
        ));
    }

    #[test]
    fn sentences_end_at_marks_and_blank_lines_but_not_abbreviations() {
        assert_eq!(
            sentences("We are sorry. It shipped at 3 p.m. today! Call Dr. Smith?\n\nNext part"),
            [
                "We are sorry.",
                "It shipped at 3 p.m. today!",
                "Call Dr. Smith?",
                "Next part"
            ]
        );
        assert_eq!(
            sentences("It was \u{201C}fine.\u{201D} Then"),
            ["It was \u{201C}fine.\u{201D}", "Then"]
        );
    }

    #[test]
    fn a_soft_line_break_joins_but_a_greeting_line_ends_a_sentence() {
        let source = "Hi Anna,\nSorry for any\ninconvenience this caused.";
        assert_eq!(
            sentences(source),
            ["Hi Anna,", "Sorry for any\ninconvenience this caused."]
        );
        assert!(text(source).norm.contains(" sorry for any inconvenience "));
    }

    #[test]
    fn clauses_end_at_semicolons_colons_and_spaced_dashes_not_hyphens() {
        assert_eq!(
            clauses("Sorry; a follow-up call - today: yes \u{2014} fine, and more."),
            [
                "Sorry;",
                "a follow-up call -",
                "today:",
                "yes \u{2014}",
                "fine, and more."
            ]
        );
    }

    #[test]
    fn emoji_and_cjk_keep_exact_spans() {
        let source = "🎉 日本 sorry";
        let t = text(source);
        let sorry = t.tokens.last().unwrap();
        assert_eq!(sorry.span().slice(source), "sorry");
    }

    #[test]
    fn every_token_finds_its_sentence_and_clause() {
        let mut source = String::new();
        for i in 0..200 {
            source.push_str(if i % 3 == 0 {
                "Yes. "
            } else {
                "We shipped it late; sorry, "
            });
        }
        let t = text(&source);
        for index in 0..t.tokens.len() + 3 {
            let search = |segments: &[Segment]| {
                segments
                    .partition_point(|segment| segment.end as usize <= index)
                    .min(segments.len() - 1)
            };
            assert_eq!(t.sentence_of(index), search(&t.sentences), "token {index}");
            assert_eq!(t.clause_of(index), search(&t.clauses), "token {index}");
        }
        assert_eq!(text("").sentence_of(0), 0);
    }

    /// A token keeps its normalized form's length in 16 bits: a pasted blob longer than that
    /// keeps a prefix that ends at a character's start, and the words after it are intact.
    #[test]
    fn a_word_longer_than_a_token_holds_is_cut_at_a_character() {
        let blob = "ab".repeat(30_000) + "é" + &"c".repeat(10_000);
        let source = format!("Sorry {blob} today");
        let t = text(&source);
        assert_eq!(t.tokens.len(), 3);
        let kept = t.word(1);
        assert!(kept.len() <= usize::from(u16::MAX) && blob.starts_with(kept));
        assert_eq!(t.tokens[1].span().slice(&source), blob);
        assert_eq!(t.word(0), "sorry");
        assert_eq!(t.word(2), "today");
    }

    /// A word of up to eight bytes goes through the packed fast path, a longer one through the
    /// string path: both write the same normalized form, capitals or not, and the space after.
    #[test]
    fn short_and_long_words_are_written_alike() {
        let source = "A bB Abcdefg ABCDEFGH Abcdefghi x_Y 123 SORRY.";
        let t = text(source);
        assert_eq!(
            words(&t),
            [
                "a",
                "bb",
                "abcdefg",
                "abcdefgh",
                "abcdefghi",
                "x_y",
                "123",
                "sorry",
                "."
            ]
        );
        assert_eq!(t.norm, " a bb abcdefg abcdefgh abcdefghi x_y 123 sorry . ");
    }

    /// A word is lowercased when any letter of it is a capital, not only the first, whether it
    /// takes the packed path or the string path.
    #[test]
    fn a_capital_anywhere_in_a_word_lowercases_it() {
        let source = "iPHONE aBcDeFgHiJkLmN zzzzzzzzzzzzzzzQ sORRY wE'Re I'M e.G sorrY";
        assert_eq!(
            words(&text(source)),
            [
                "iphone",
                "abcdefghijklmn",
                "zzzzzzzzzzzzzzzq",
                "sorry",
                "we're",
                "i",
                "am",
                "e.g",
                "sorry"
            ]
        );
    }

    #[test]
    fn paragraphs_start_at_blocks() {
        let t = text("One two.\n\nThree four.");
        assert_eq!(t.paragraph_starts, [0, 3]);
        assert_eq!(t.paragraph_of(4), 1);
        assert_eq!(t.paragraph(0), 0..3);
    }
}
