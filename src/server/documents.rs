//! The open documents: a [`Rope`] per document, changed in place by incremental edits.
//!
//! Everything here is synchronous on purpose. The server applies a change while handling its
//! notification, before the handler's first `.await`, under a lock that is never held across an
//! await: tower-lsp-style servers run notification handlers concurrently, and a handler that
//! awaited before applying its edit could apply edits out of order (tower-lsp issue #284).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ropey::{Rope, RopeSlice};
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent, Uri};

use crate::lint::DocumentKind;
use crate::position::Encoding;
use crate::server::linting::Linted;

/// Distinguishes one opening of a document from the next: a draft closed and opened again starts
/// over at the client's version numbers, and a lint of the old text must not pass for the new.
static OPENINGS: AtomicU64 = AtomicU64::new(0);

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub opening: u64,
    pub text: Rope,
    pub version: i32,
    pub language_id: String,
    /// How its markup is read: from the file extension, else the language id, else a sniff.
    pub kind: DocumentKind,
    /// Where it lives on disk, for finding its `amends.toml`; `None` for `untitled:` buffers.
    pub path: Option<PathBuf>,
    /// The newest lint of this document, which may be of an older version.
    pub linted: Option<Arc<Linted>>,
    /// A lint task is running for this document: a change only has to bump the version, the
    /// task re-lints before it stops.
    pub lint_running: bool,
    /// The version and settings generation whose diagnostics were last pushed. A request (a
    /// hover, a code action) may lint a version before the lint task gets to it; the task then
    /// publishes that lint instead of taking the version as done.
    pub published: Option<(i32, u64)>,
}

impl Document {
    /// Whether `linted` is a lint of this document as it is now, under settings `generation`.
    pub fn is_current(&self, linted: &Linted, generation: u64) -> bool {
        linted.opening == self.opening
            && linted.version == self.version
            && linted.generation == generation
    }

    /// The folder it lives in, where its `amends.toml` search starts.
    pub fn directory(&self) -> Option<PathBuf> {
        self.path.as_ref()?.parent().map(PathBuf::from)
    }

    pub fn new(uri: &Uri, text: &str, version: i32, language_id: String) -> Document {
        let path = uri.to_file_path().map(|path| path.into_owned());
        let name = path
            .as_ref()
            .and_then(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| uri.as_str().to_owned());
        let kind = DocumentKind::from_path(&name)
            .or_else(|| DocumentKind::from_language_id(&language_id))
            .unwrap_or_else(|| DocumentKind::sniff(text));
        Document {
            opening: OPENINGS.fetch_add(1, Ordering::Relaxed),
            text: Rope::from_str(text),
            version,
            language_id,
            kind,
            path,
            linted: None,
            lint_running: false,
            published: None,
        }
    }
}

/// Why a change was not applied as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeProblem {
    /// A position was past the end of its line or of the document, or inside a character; the
    /// edit was applied at the nearest valid place.
    Clamped { start: Position, end: Position },
    /// The range ends before it starts; it was applied as an insertion at its start.
    Reversed { start: Position, end: Position },
}

/// Apply one content change to `text`. A change without a range replaces the whole text.
/// Never panics: bad positions are clamped and reported.
pub fn apply_change(
    text: &mut Rope,
    change: &TextDocumentContentChangeEvent,
    encoding: Encoding,
) -> Option<ChangeProblem> {
    let Some(range) = change.range else {
        *text = Rope::from_str(&change.text);
        return None;
    };
    let (start, start_clamped) = char_index(text, range.start, encoding);
    let (mut end, end_clamped) = char_index(text, range.end, encoding);
    let mut problem = (start_clamped || end_clamped).then_some(ChangeProblem::Clamped {
        start: range.start,
        end: range.end,
    });
    if end < start {
        end = start;
        problem = Some(ChangeProblem::Reversed {
            start: range.start,
            end: range.end,
        });
    }
    text.remove(start..end);
    text.insert(start, &change.text);
    problem
}

/// The char index of an LSP position, and whether it had to be clamped to get one.
///
/// Lines are those of the LSP specification (`\n`, `\r\n`, `\r`): ropey is built without its
/// Unicode line breaks so its lines are the editor's. A character past the end of the line is
/// clamped to the line's end (before its line break); a line past the end to the document's end;
/// a position inside a character (half a surrogate pair, a byte inside a UTF-8 sequence) to the
/// start of that character.
pub fn char_index(text: &Rope, position: Position, encoding: Encoding) -> (usize, bool) {
    let line_number = position.line as usize;
    if line_number >= text.len_lines() {
        return (text.len_chars(), true);
    }
    let line_start = text.line_to_char(line_number);
    let line = content_of(text.line(line_number));
    let wanted = position.character as usize;
    let (length, column) = match encoding {
        Encoding::Utf8 => {
            let length = line.len_bytes();
            let floor = line.byte_to_char(wanted.min(length));
            let exact = line.char_to_byte(floor) == wanted;
            (length, (floor, exact))
        }
        Encoding::Utf16 => {
            let length = line.len_utf16_cu();
            let floor = line.utf16_cu_to_char(wanted.min(length));
            let exact = line.char_to_utf16_cu(floor) == wanted;
            (length, (floor, exact))
        }
        Encoding::Utf32 => {
            let length = line.len_chars();
            (length, (wanted.min(length), wanted <= length))
        }
    };
    let (column, exact) = column;
    (line_start + column, !exact || wanted > length)
}

/// A line without its line break.
fn content_of(line: RopeSlice<'_>) -> RopeSlice<'_> {
    let mut end = line.len_chars();
    if end > 0 && line.char(end - 1) == '\n' {
        end -= 1;
    }
    if end > 0 && line.char(end - 1) == '\r' {
        end -= 1;
    }
    line.slice(..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn an_edit_after_an_emoji_lands_in_every_encoding() {
        // "🙏" is 4 bytes, 2 UTF-16 units, 1 scalar value.
        for (encoding, column) in [
            (Encoding::Utf8, 6),
            (Encoding::Utf16, 4),
            (Encoding::Utf32, 3),
        ] {
            let mut text = Rope::from_str("ok\r\nA 🙏 sorry\n");
            let problem = apply_change(&mut text, &change((1, column), (1, column), "!"), encoding);
            assert_eq!(problem, None, "{encoding:?}");
            assert_eq!(text.to_string(), "ok\r\nA 🙏! sorry\n", "{encoding:?}");
        }
    }

    #[test]
    fn cjk_and_combining_marks_count_per_encoding() {
        // "é" written as e + U+0301 is two scalar values; "謝" is 3 bytes, 1 UTF-16 unit.
        let line = "e\u{301}謝x";
        for (encoding, before_x) in [
            (Encoding::Utf8, 6),
            (Encoding::Utf16, 3),
            (Encoding::Utf32, 3),
        ] {
            let text = Rope::from_str(line);
            let (index, clamped) = char_index(&text, Position::new(0, before_x), encoding);
            assert_eq!((index, clamped), (3, false), "{encoding:?}");
        }
    }

    #[test]
    fn positions_past_the_line_or_document_are_clamped_not_fatal() {
        let mut text = Rope::from_str("one\r\ntwo");
        assert_eq!(
            char_index(&text, Position::new(0, 99), Encoding::Utf16),
            (3, true)
        );
        assert_eq!(
            char_index(&text, Position::new(7, 0), Encoding::Utf16),
            (8, true)
        );
        // Half a surrogate pair.
        let emoji = Rope::from_str("🙏x");
        assert_eq!(
            char_index(&emoji, Position::new(0, 1), Encoding::Utf16),
            (0, true)
        );
        let problem = apply_change(&mut text, &change((5, 0), (0, 1), "X"), Encoding::Utf8);
        assert!(matches!(problem, Some(ChangeProblem::Reversed { .. })));
        assert_eq!(text.to_string(), "one\r\ntwoX");
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        let text = Rope::from_str("a\rb\r\nc");
        assert_eq!(text.len_lines(), 3);
        assert_eq!(
            char_index(&text, Position::new(2, 0), Encoding::Utf8),
            (5, false)
        );
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        let mut text = Rope::from_str("old");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new text".into(),
        };
        assert_eq!(apply_change(&mut text, &full, Encoding::Utf16), None);
        assert_eq!(text.to_string(), "new text");
    }
}
