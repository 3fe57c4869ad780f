//! Position conversion: byte offsets to LSP positions and back in UTF-8, UTF-16 and UTF-32 (on a
//! `LineIndex` and on the server's rope), and an editor's incremental change applied to the rope,
//! against the same change applied to a plain string at the offsets `LineIndex` computes. Lines
//! end at `\n`, `\r\n` or `\r`.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run positions` from the repository root (needs cargo-fuzz).
#![no_main]

use amends::position::{Encoding, LineIndex, Position, resolve};
use amends::server::documents::apply_change;
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::{self, Range, TextDocumentContentChangeEvent};

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

fuzz_target!(|data: &[u8]| {
    // The last eight bytes are two positions and which encoding; the rest is the text.
    if data.len() < 8 {
        return;
    }
    let (text, tail) = data.split_at(data.len() - 8);
    let text = String::from_utf8_lossy(text);
    let index = LineIndex::new(&text);
    let rope = Rope::from_str(&text);

    for encoding in ENCODINGS {
        for offset in (0..=text.len()).filter(|&offset| text.is_char_boundary(offset)) {
            let position = index.position(offset, encoding);
            let back = index.offset(position, encoding);
            // The one spot that is not a cursor position: between `\r` and `\n`.
            let inside_crlf = offset > 0
                && text.as_bytes()[offset - 1] == b'\r'
                && text.as_bytes().get(offset) == Some(&b'\n');
            if !inside_crlf {
                assert_eq!(
                    (back.offset, back.clamped),
                    (offset, false),
                    "{offset} {encoding:?}"
                );
            }
            let on_rope = resolve(&rope, position, encoding);
            assert!(!on_rope.clamped || inside_crlf);
            assert_eq!(on_rope.offset, back.offset);
        }
    }

    let number = |bytes: &[u8]| u32::from(u16::from_le_bytes([bytes[0], bytes[1]]));
    let encoding = ENCODINGS[usize::from(tail[7] % 3)];
    let start = Position::new(number(&tail[0..2]) % 8, number(&tail[2..4]) % 64);
    let end = Position::new(number(&tail[4..6]) % 8, u32::from(tail[6]) % 64);
    for (position, _) in [(start, ()), (end, ())] {
        let resolved = index.offset(position, encoding);
        assert!(text.is_char_boundary(resolved.offset));
        assert_eq!(resolve(&rope, position, encoding), resolved, "{position:?}");
    }

    // The change as the server applies it, and on a plain string.
    let inserted = "x\u{1f64f}\r\n";
    let mut edited = rope.clone();
    let change = TextDocumentContentChangeEvent {
        range: Some(Range::new(lsp(start), lsp(end))),
        range_length: None,
        text: inserted.to_owned(),
    };
    apply_change(&mut edited, &change, encoding);
    let from = index.offset(start, encoding).offset;
    let to = index.offset(end, encoding).offset.max(from);
    let mut expected = text.into_owned();
    expected.replace_range(from..to, inserted);
    assert_eq!(edited.to_string(), expected);
});

fn lsp(position: Position) -> ls_types::Position {
    ls_types::Position::new(position.line, position.character)
}
