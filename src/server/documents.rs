//! The open documents: a [`Rope`] per document, changed in place by incremental edits. An edit's
//! range is resolved by [`position::resolve`], the conversion the diagnostics' positions come from
//! too, so an edit and a diagnostic never disagree about where a column is.
//!
//! Everything here is synchronous on purpose. The server applies a change while handling its
//! notification, before the handler's first `.await`, under a lock that is never held across an
//! await: tower-lsp-style servers run notification handlers concurrently, and a handler that
//! awaited before applying its edit could apply edits out of order (tower-lsp issue #284).

use std::path::PathBuf;
use std::sync::Arc;

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent, Uri};

use crate::lint::{DocumentKind, TextRange};
use crate::position::{self, Encoding, Lines, Piece};
use crate::server::linting::{Linted, position_of};

/// One open document.
#[derive(Debug)]
pub struct Document {
    /// Distinguishes one opening of a document from the next: a draft closed and opened again
    /// starts over at the client's version numbers, and a lint of the old text must not pass for
    /// the new.
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

    /// The document `uri` as the client opened it, its `opening`-th opening in this server.
    pub fn new(uri: &Uri, text: &str, version: i32, language_id: String, opening: u64) -> Document {
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
            opening,
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
    let start = position::resolve(&*text, position_of(range.start), encoding);
    let end = position::resolve(&*text, position_of(range.end), encoding);
    let mut problem = (start.clamped || end.clamped).then_some(ChangeProblem::Clamped {
        start: range.start,
        end: range.end,
    });
    let start = start.offset;
    let mut end = end.offset;
    if end < start {
        end = start;
        problem = Some(ChangeProblem::Reversed {
            start: range.start,
            end: range.end,
        });
    }
    let start = text.byte_to_char(start);
    text.remove(start..text.byte_to_char(end));
    text.insert(start, &change.text);
    problem
}

/// An open document's lines, for [`position::resolve`]: ropey is built without its Unicode line
/// breaks (`cr_lines` only), so its lines are the LSP specification's, as [`LineIndex`]'s are.
///
/// [`LineIndex`]: crate::position::LineIndex
impl Lines for Rope {
    fn text_len(&self) -> usize {
        self.len_bytes()
    }

    fn line_range(&self, line: usize) -> Option<TextRange> {
        if line >= self.len_lines() {
            return None;
        }
        let start = self.line_to_byte(line);
        let mut end = if line + 1 < self.len_lines() {
            self.line_to_byte(line + 1)
        } else {
            self.len_bytes()
        };
        if end > start && self.byte(end - 1) == b'\n' {
            end -= 1;
        }
        if end > start && self.byte(end - 1) == b'\r' {
            end -= 1;
        }
        Some(TextRange::new(start, end))
    }

    fn pieces(&self, line: TextRange) -> impl Iterator<Item = Piece> {
        self.byte_slice(line.start..line.end)
            .chunks()
            .flat_map(position::pieces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::LineIndex;
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
    fn the_rope_resolves_every_position_as_the_line_index_does() {
        let draft = "ok\r\nA 🙏 sorry\re\u{301}謝x\n\n\u{feff}end\r";
        let rope = Rope::from_str(draft);
        let index = LineIndex::new(draft);
        assert_eq!(rope.len_lines(), index.line_count());
        for line in 0..index.line_count() + 1 {
            assert_eq!(
                Lines::line_range(&rope, line),
                index.line_range(line),
                "{line}"
            );
            for character in 0..16 {
                for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    let position = position::Position::new(line as u32, character);
                    assert_eq!(
                        position::resolve(&rope, position, encoding),
                        index.offset(position, encoding),
                        "{position:?} {encoding:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn bad_positions_are_clamped_not_fatal() {
        let mut text = Rope::from_str("one\r\ntwo");
        let problem = apply_change(&mut text, &change((0, 99), (7, 0), "X"), Encoding::Utf16);
        assert!(matches!(problem, Some(ChangeProblem::Clamped { .. })));
        assert_eq!(text.to_string(), "oneX");
        // Half a surrogate pair: the edit lands before the emoji.
        let mut emoji = Rope::from_str("🙏x");
        let problem = apply_change(&mut emoji, &change((0, 1), (0, 1), "!"), Encoding::Utf16);
        assert!(matches!(problem, Some(ChangeProblem::Clamped { .. })));
        assert_eq!(emoji.to_string(), "!🙏x");
        let mut text = Rope::from_str("one\r\ntwo");
        let problem = apply_change(&mut text, &change((5, 0), (0, 1), "X"), Encoding::Utf8);
        assert!(matches!(problem, Some(ChangeProblem::Reversed { .. })));
        assert_eq!(text.to_string(), "one\r\ntwoX");
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
