//! Byte offsets ↔ lines and columns: the one place that converts between them.
//!
//! Everything else in amends speaks byte ranges ([`TextRange`]). The faces need positions: the
//! command line and its JSON show 1-based lines and columns counted in Unicode scalar values
//! ([`LineColumn`]), and an editor speaks 0-based lines with a character offset in the code units
//! it negotiated: UTF-8, UTF-16 or UTF-32 ([`Position`], [`Encoding`]). A [`LineIndex`] is built
//! once per text and answers all of them, in both directions, without keeping the text.
//!
//! Line breaks are `\n`, `\r\n` (one break, not two) and a lone `\r`, as the LSP specification
//! defines them. A byte order mark is an ordinary character here: it takes a column, because the
//! offsets the core reports count it too.
//!
//! The design follows rust-analyzer's `line_index`: the index stores where lines start and where
//! the non-ASCII characters are; ASCII text needs no per-character bookkeeping. An editor's
//! column becomes a byte offset in one function, [`resolve`], over any text that can hand out
//! its [`Lines`]: a `LineIndex`, or the server's rope of an open document, which an edit changes
//! in place rather than re-indexing.

use crate::lint::finding::TextRange;

/// A 1-based line and a 1-based column counted in Unicode scalar values: what a person reads in
/// `path:line:column`, and the `line`/`column` keys of the JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// The code unit an editor counts columns in (LSP `positionEncoding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units: a character outside the Basic Multilingual Plane (most emoji) counts 2.
    /// The LSP default.
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

/// A 0-based line and a 0-based character offset in some [`Encoding`]'s code units: an LSP
/// `Position`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Position {
    pub const fn new(line: u32, character: u32) -> Self {
        Position { line, character }
    }
}

/// The byte offset a [`Position`] names, and whether it had to be moved to get one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedOffset {
    pub offset: usize,
    /// The position was past the end of its line or of the text, or inside a character (between
    /// the two halves of a surrogate pair, say): `offset` is the nearest character boundary
    /// before it, on the same line when the line exists, else the end of the text. Editors send
    /// such positions legitimately (LSP says to fall back to the line end), so this is not an
    /// error, but a caller may want to log it.
    pub clamped: bool,
}

/// A character that is more than one byte in UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WideChar {
    /// Absolute byte offset of the character's first byte.
    offset: usize,
    /// 2, 3 or 4.
    utf8_len: u8,
    /// 1 or 2.
    utf16_len: u8,
}

/// Line starts and non-ASCII characters of one text, for converting offsets to positions and
/// back. Build it once per version of a text; every lookup is a binary search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// Length of the text in bytes.
    len: usize,
    /// Byte offset where each line starts; `line_starts[0] == 0`. A text ending in a line break
    /// has an empty last line after it, as editors show it.
    line_starts: Vec<usize>,
    /// Byte offset where each line's content ends: before its line break, if any.
    line_ends: Vec<usize>,
    /// Every non-ASCII character, in text order.
    wide_chars: Vec<WideChar>,
    /// `utf8_extra[i]`: bytes beyond one per character in `wide_chars[..i]`, so that the number of
    /// scalar values in a stretch is its byte length minus the extra bytes inside it.
    utf8_extra: Vec<usize>,
    /// `utf16_extra[i]`: UTF-8 bytes beyond the UTF-16 code units in `wide_chars[..i]`.
    utf16_extra: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut line_ends = Vec::new();
        let mut wide_chars = Vec::new();
        let mut offset = 0;
        while offset < bytes.len() {
            let byte = bytes[offset];
            if byte.is_ascii() {
                if byte == b'\n' || byte == b'\r' {
                    line_ends.push(offset);
                    let break_len = if byte == b'\r' && bytes.get(offset + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    offset += break_len;
                    line_starts.push(offset);
                } else {
                    offset += 1;
                }
                continue;
            }
            // `offset` is a char boundary: every step above moves by whole characters.
            let character = text[offset..]
                .chars()
                .next()
                .expect("offset is inside the text");
            let utf8_len = character.len_utf8();
            wide_chars.push(WideChar {
                offset,
                utf8_len: utf8_len as u8,
                utf16_len: character.len_utf16() as u8,
            });
            offset += utf8_len;
        }
        line_ends.push(bytes.len());

        let mut utf8_extra = Vec::with_capacity(wide_chars.len() + 1);
        let mut utf16_extra = Vec::with_capacity(wide_chars.len() + 1);
        let (mut extra8, mut extra16) = (0, 0);
        utf8_extra.push(0);
        utf16_extra.push(0);
        for wide in &wide_chars {
            extra8 += usize::from(wide.utf8_len) - 1;
            extra16 += usize::from(wide.utf8_len) - usize::from(wide.utf16_len);
            utf8_extra.push(extra8);
            utf16_extra.push(extra16);
        }
        LineIndex {
            len: bytes.len(),
            line_starts,
            line_ends,
            wide_chars,
            utf8_extra,
            utf16_extra,
        }
    }

    /// Number of lines; a text ending in a line break has an empty last line.
    #[cfg(test)]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte range of a line's content, without its line break (`line` 0-based).
    pub fn line_range(&self, line: usize) -> Option<TextRange> {
        Some(TextRange::new(
            *self.line_starts.get(line)?,
            self.line_ends[line],
        ))
    }

    /// The 0-based line `offset` is on. An offset inside a line break belongs to the line it ends;
    /// offsets past the end belong to the last line.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// 1-based line and column (in Unicode scalar values) of `offset`, for people and the JSON
    /// output. For the exclusive end of a range this is the column just past its last character.
    /// An offset inside a character counts as that character's start, one inside a line break as
    /// the line's end, and one past the end of the text as its end.
    pub fn line_column(&self, offset: usize) -> LineColumn {
        let (line, offset) = self.line_and_offset(offset);
        let column = self.count_units(self.line_starts[line], offset, Encoding::Utf32);
        LineColumn {
            line: line + 1,
            column: column + 1,
        }
    }

    /// 0-based line and character in `encoding`'s code units: an LSP position.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let (line, offset) = self.line_and_offset(offset);
        let character = self.count_units(self.line_starts[line], offset, encoding);
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of an LSP position, moved to the nearest character boundary before it when
    /// it names none (see [`ResolvedOffset::clamped`]).
    pub fn offset(&self, position: Position, encoding: Encoding) -> ResolvedOffset {
        resolve(self, position, encoding)
    }

    /// Number of Unicode scalar values before `offset`: a character offset from the start of the
    /// text (SARIF's `charOffset` with `columnKind` `unicodeCodePoints`).
    pub fn char_offset(&self, offset: usize) -> usize {
        let offset = self.floor_char_boundary(offset);
        self.count_units(0, offset, Encoding::Utf32)
    }

    /// `offset`, moved back to the start of the character it falls inside, and to the end of the
    /// text when it is past it.
    pub fn floor_char_boundary(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        let after = self.wide_chars.partition_point(|wide| wide.offset < offset);
        match after.checked_sub(1).map(|index| self.wide_chars[index]) {
            Some(wide) if offset < wide.offset + usize::from(wide.utf8_len) => wide.offset,
            _ => offset,
        }
    }

    /// The line of `offset`, and `offset` moved to a character boundary that is not inside a line
    /// break: no cursor sits between a `\r` and its `\n`, so that spot is the line's end.
    fn line_and_offset(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor_char_boundary(offset);
        let line = self.line_of(offset);
        (line, offset.min(self.line_ends[line]))
    }

    /// Code units in `encoding` between two character boundaries `start <= end`.
    fn count_units(&self, start: usize, end: usize, encoding: Encoding) -> usize {
        let bytes = end - start;
        let extra = match encoding {
            Encoding::Utf8 => return bytes,
            Encoding::Utf16 => &self.utf16_extra,
            Encoding::Utf32 => &self.utf8_extra,
        };
        let first = self.wide_chars.partition_point(|wide| wide.offset < start);
        let last = self.wide_chars.partition_point(|wide| wide.offset < end);
        bytes - (extra[last] - extra[first])
    }

    fn wide_chars_in(&self, start: usize, end: usize) -> &[WideChar] {
        let first = self.wide_chars.partition_point(|wide| wide.offset < start);
        let last = self.wide_chars.partition_point(|wide| wide.offset < end);
        &self.wide_chars[first..last]
    }
}

/// LSP positions are `u32`; a text with more lines or columns than that is not one an editor
/// holds, so saturating is the honest answer.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A stretch of one line, as the walk from an LSP column to a byte offset reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// This many ASCII bytes: one code unit each in every encoding.
    Ascii(usize),
    /// One character of more than one byte.
    Wide {
        /// 2, 3 or 4.
        utf8_len: u8,
        /// 1 or 2.
        utf16_len: u8,
    },
}

impl Piece {
    fn wide(character: char) -> Piece {
        Piece::Wide {
            utf8_len: character.len_utf8() as u8,
            utf16_len: character.len_utf16() as u8,
        }
    }

    /// Its length in bytes, and in `encoding`'s code units.
    fn size(self, encoding: Encoding) -> (usize, usize) {
        match self {
            Piece::Ascii(run) => (run, run),
            Piece::Wide {
                utf8_len,
                utf16_len,
            } => {
                let units = match encoding {
                    Encoding::Utf8 => utf8_len,
                    Encoding::Utf16 => utf16_len,
                    Encoding::Utf32 => 1,
                };
                (usize::from(utf8_len), usize::from(units))
            }
        }
    }
}

/// The pieces of `text`, in order: each stretch of ASCII as one piece, each other character as
/// one. Lazy, so a walk that finds its column early reads no further.
pub fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = *rest.as_bytes().first()?;
        let (piece, bytes) = if first.is_ascii() {
            let run = rest
                .bytes()
                .position(|byte| !byte.is_ascii())
                .unwrap_or(rest.len());
            (Piece::Ascii(run), run)
        } else {
            let character = rest.chars().next()?;
            (Piece::wide(character), character.len_utf8())
        };
        rest = &rest[bytes..];
        Some(piece)
    })
}

/// A text seen as lines, as [`resolve`] reads it. A [`LineIndex`] is one. The server's open
/// documents are another: a rope each, edited on every keystroke, where building a `LineIndex`
/// per edit would cost a pass over the whole document, while the rope finds a line in
/// logarithmic time and the walk then reads only that line up to the column.
///
/// Lines end as [`LineIndex`] ends them: at `\n`, `\r\n` or a lone `\r`.
pub trait Lines {
    /// Length of the text in bytes.
    fn text_len(&self) -> usize;

    /// The byte range of 0-based `line`'s content, without its line break; `None` past the last
    /// line.
    fn line_range(&self, line: usize) -> Option<TextRange>;

    /// The [`Piece`]s of `line`, a range [`Lines::line_range`] gave, in text order.
    fn pieces(&self, line: TextRange) -> impl Iterator<Item = Piece>;
}

impl Lines for LineIndex {
    fn text_len(&self) -> usize {
        self.len
    }

    fn line_range(&self, line: usize) -> Option<TextRange> {
        LineIndex::line_range(self, line)
    }

    fn pieces(&self, line: TextRange) -> impl Iterator<Item = Piece> {
        let wide_chars = self.wide_chars_in(line.start, line.end);
        let tail = wide_chars
            .last()
            .map_or(line.start, |wide| wide.offset + usize::from(wide.utf8_len));
        let mut cursor = line.start;
        wide_chars
            .iter()
            .flat_map(move |wide| {
                let gap = wide.offset - cursor;
                cursor = wide.offset + usize::from(wide.utf8_len);
                [
                    Piece::Ascii(gap),
                    Piece::Wide {
                        utf8_len: wide.utf8_len,
                        utf16_len: wide.utf16_len,
                    },
                ]
            })
            .chain([Piece::Ascii(line.end - tail)])
    }
}

/// The byte offset of an LSP position in `lines`, moved to the nearest character boundary
/// before it when it names none (see [`ResolvedOffset::clamped`]). The one place an editor's
/// column becomes a byte offset: the server resolves both the ranges of incremental edits (on its
/// rope) and the positions of requests (on a lint's [`LineIndex`]) here.
pub fn resolve(lines: &impl Lines, position: Position, encoding: Encoding) -> ResolvedOffset {
    let Some(line) = lines.line_range(position.line as usize) else {
        return ResolvedOffset {
            offset: lines.text_len(),
            clamped: true,
        };
    };
    let wanted = position.character as usize;
    let mut units = 0;
    let mut cursor = line.start;
    for piece in lines.pieces(line) {
        let (bytes, width) = piece.size(encoding);
        if wanted < units + width {
            return match piece {
                Piece::Ascii(_) => ResolvedOffset {
                    offset: cursor + (wanted - units),
                    clamped: false,
                },
                // At the character's start, or inside it: then its start is the boundary before
                // the position.
                Piece::Wide { .. } => ResolvedOffset {
                    offset: cursor,
                    clamped: wanted != units,
                },
            };
        }
        units += width;
        cursor += bytes;
    }
    if wanted == units {
        ResolvedOffset {
            offset: cursor,
            clamped: false,
        }
    } else {
        ResolvedOffset {
            offset: line.end,
            clamped: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line_column(text: &str, needle: &str) -> LineColumn {
        let offset = text.find(needle).expect("needle is in the text");
        LineIndex::new(text).line_column(offset)
    }

    #[test]
    fn ascii_lines_and_columns_are_one_based() {
        let text = "first\nsecond line\nthird";
        assert_eq!(
            line_column(text, "first"),
            LineColumn { line: 1, column: 1 }
        );
        assert_eq!(line_column(text, "line"), LineColumn { line: 2, column: 8 });
        assert_eq!(
            line_column(text, "third"),
            LineColumn { line: 3, column: 1 }
        );
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(
            index.line_column(text.len()),
            LineColumn { line: 3, column: 6 }
        );
    }

    #[test]
    fn crlf_is_one_line_break() {
        let text = "Dear Sam,\r\n\r\nMistakes were made.\r\n";
        assert_eq!(
            line_column(text, "Mistakes"),
            LineColumn { line: 3, column: 1 }
        );
        let index = LineIndex::new(text);
        // A trailing break leaves an empty last line, as an editor shows it.
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_range(0), Some(TextRange::new(0, 9)));
        // The `\r` and the `\n` both belong to the line they end.
        assert_eq!(index.line_of(9), 0);
        assert_eq!(index.line_of(10), 0);
        assert_eq!(index.line_of(11), 1);
        // The exclusive end of "made." is just past the period, before the `\r`.
        let end = text.find(".\r\n").unwrap() + 1;
        assert_eq!(
            index.line_column(end),
            LineColumn {
                line: 3,
                column: 20
            }
        );
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        let text = "one\rtwo\n\rthree";
        assert_eq!(line_column(text, "two"), LineColumn { line: 2, column: 1 });
        assert_eq!(
            line_column(text, "three"),
            LineColumn { line: 4, column: 1 }
        );
    }

    #[test]
    fn a_byte_order_mark_takes_a_column() {
        let text = "\u{feff}Mistakes were made.";
        assert_eq!(
            line_column(text, "Mistakes"),
            LineColumn { line: 1, column: 2 }
        );
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(3, Encoding::Utf16),
            Position::new(0, 1),
            "U+FEFF is one UTF-16 unit"
        );
        assert_eq!(index.position(3, Encoding::Utf8), Position::new(0, 3));
    }

    #[test]
    fn emoji_count_one_column_but_two_utf16_units() {
        let text = "🙏🏽 Sorry: mistakes were made.";
        let offset = text.find("mistakes").unwrap();
        let index = LineIndex::new(text);
        // Two scalar values (the folded hands and the skin-tone modifier), each 4 bytes.
        assert_eq!(
            index.line_column(offset),
            LineColumn {
                line: 1,
                column: 11
            }
        );
        assert_eq!(
            index.position(offset, Encoding::Utf32),
            Position::new(0, 10)
        );
        assert_eq!(
            index.position(offset, Encoding::Utf16),
            Position::new(0, 12)
        );
        assert_eq!(index.position(offset, Encoding::Utf8), Position::new(0, 16));
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let position = index.position(offset, encoding);
            assert_eq!(
                index.offset(position, encoding),
                ResolvedOffset {
                    offset,
                    clamped: false
                },
                "{encoding:?}"
            );
        }
    }

    #[test]
    fn cjk_is_one_column_and_one_utf16_unit_per_character() {
        let text = "您好，\n抱歉：mistakes were made.";
        let offset = text.find("mistakes").unwrap();
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(offset), LineColumn { line: 2, column: 4 });
        assert_eq!(index.position(offset, Encoding::Utf16), Position::new(1, 3));
        assert_eq!(index.position(offset, Encoding::Utf8), Position::new(1, 9));
        assert_eq!(index.char_offset(offset), 7);
    }

    #[test]
    fn combining_marks_are_their_own_scalar_values() {
        // "café" spelled with a combining acute accent: five scalar values, not four.
        let text = "cafe\u{301} mistakes";
        assert_eq!(
            line_column(text, "mistakes"),
            LineColumn { line: 1, column: 7 }
        );
        let index = LineIndex::new(text);
        let offset = text.find("mistakes").unwrap();
        assert_eq!(index.position(offset, Encoding::Utf16), Position::new(0, 6));
    }

    #[test]
    fn offsets_inside_a_character_snap_to_its_start() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(index.floor_char_boundary(2), 1);
        assert_eq!(index.line_column(3), LineColumn { line: 1, column: 2 });
        assert_eq!(index.line_column(5), LineColumn { line: 1, column: 3 });
        assert_eq!(index.char_offset(5), 2);
    }

    #[test]
    fn positions_map_back_to_offsets() {
        let text = "ab\r\n😀x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.offset(Position::new(1, 2), Encoding::Utf16).offset, x);
        assert_eq!(index.offset(Position::new(1, 1), Encoding::Utf32).offset, x);
        assert_eq!(index.offset(Position::new(1, 4), Encoding::Utf8).offset, x);
        // The start of the empty last line.
        assert_eq!(
            index.offset(Position::new(2, 0), Encoding::Utf16),
            ResolvedOffset {
                offset: text.len(),
                clamped: false
            }
        );
    }

    #[test]
    fn positions_past_the_end_clamp_and_say_so() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        // Past the end of line 0: its content end, before the `\r\n`.
        assert_eq!(
            index.offset(Position::new(0, 10), Encoding::Utf16),
            ResolvedOffset {
                offset: 2,
                clamped: true
            }
        );
        // Exactly at the end of a line is fine.
        assert_eq!(
            index.offset(Position::new(0, 2), Encoding::Utf16),
            ResolvedOffset {
                offset: 2,
                clamped: false
            }
        );
        // A line that does not exist: the end of the text.
        assert_eq!(
            index.offset(Position::new(7, 0), Encoding::Utf16),
            ResolvedOffset {
                offset: text.len(),
                clamped: true
            }
        );
    }

    #[test]
    fn a_position_between_surrogate_halves_clamps_to_the_character_start() {
        let text = "x😀y";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(Position::new(0, 2), Encoding::Utf16),
            ResolvedOffset {
                offset: 1,
                clamped: true
            }
        );
        assert_eq!(
            index.offset(Position::new(0, 3), Encoding::Utf16),
            ResolvedOffset {
                offset: 5,
                clamped: false
            }
        );
        // Inside the four UTF-8 bytes.
        assert_eq!(
            index.offset(Position::new(0, 3), Encoding::Utf8),
            ResolvedOffset {
                offset: 1,
                clamped: true
            }
        );
    }

    #[test]
    fn every_char_boundary_round_trips_in_every_encoding() {
        let text = "\u{feff}Hé 🙏🏽,\r\n抱歉\rcafe\u{301}\n\n𝔘nicode 😀 end";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let position = index.position(offset, encoding);
                let back = index.offset(position, encoding);
                // Offsets inside a line break map to the line end, the only lossy case.
                let line = index.line_of(offset);
                let expected = offset.min(index.line_range(line).unwrap().end);
                assert_eq!(back.offset, expected, "{offset} {encoding:?} {position:?}");
                assert!(!back.clamped);
            }
            // Scalar-value columns agree with a naive count up to the line's end.
            let line = index.line_range(index.line_of(offset)).unwrap();
            let naive = text[line.start..offset.min(line.end)].chars().count();
            assert_eq!(index.line_column(offset).column, naive + 1);
            assert_eq!(index.char_offset(offset), text[..offset].chars().count());
        }
    }

    #[test]
    fn a_text_splits_into_ascii_stretches_and_wide_characters() {
        let split: Vec<Piece> = pieces("ab😀e\u{301}cd").collect();
        assert_eq!(
            split,
            [
                Piece::Ascii(2),
                Piece::Wide {
                    utf8_len: 4,
                    utf16_len: 2
                },
                Piece::Ascii(1),
                Piece::Wide {
                    utf8_len: 2,
                    utf16_len: 1
                },
                Piece::Ascii(2),
            ]
        );
        assert_eq!(pieces("").count(), 0);
    }

    /// The lines of a [`LineIndex`], with pieces read from the text in chunks of a few bytes, as
    /// a rope hands them out: where the pieces are cut must not move a position.
    struct Chunked<'a> {
        text: &'a str,
        index: LineIndex,
    }

    impl Lines for Chunked<'_> {
        fn text_len(&self) -> usize {
            self.text.len()
        }

        fn line_range(&self, line: usize) -> Option<TextRange> {
            self.index.line_range(line)
        }

        fn pieces(&self, line: TextRange) -> impl Iterator<Item = Piece> {
            let line = &self.text[line.start..line.end];
            let mut cuts: Vec<usize> = (0..line.len())
                .step_by(3)
                .filter(|&cut| line.is_char_boundary(cut))
                .collect();
            cuts.push(line.len());
            cuts.windows(2)
                .flat_map(|cut| pieces(&line[cut[0]..cut[1]]))
                .collect::<Vec<_>>()
                .into_iter()
        }
    }

    #[test]
    fn every_position_resolves_alike_however_the_line_is_cut_into_pieces() {
        let text = "ab\r\ncaf\u{e9} 😀😀x\rtail 抱歉\n\n\u{feff}end";
        let chunked = Chunked {
            text,
            index: LineIndex::new(text),
        };
        for line in 0..8 {
            for character in 0..24 {
                for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    let position = Position::new(line, character);
                    assert_eq!(
                        resolve(&chunked, position, encoding),
                        chunked.index.offset(position, encoding),
                        "{position:?} {encoding:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_empty_text_has_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_column(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.line_range(0), Some(TextRange::empty(0)));
        assert_eq!(index.line_range(1), None);
    }
}
