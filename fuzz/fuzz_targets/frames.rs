//! The server's frame reader: any bytes, cut into any pieces, then one well-formed request. The
//! request must come out whole, as the last thing read: whatever came before, the server is
//! never deaf to the next message and never allocates what a header claims.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run frames` from the repository root (needs cargo-fuzz).
#![no_main]

use amends::server::framing::{Decoded, FrameDecoder, MAX_BODY};
use libfuzzer_sys::fuzz_target;

const REQUEST: &[u8] =
    br#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.md"},"position":{"line":0,"character":0}}}"#;

fuzz_target!(|data: &[u8]| {
    // The first byte picks how the input is cut up: as a pipe delivers it, in pieces of any size.
    let Some((&cut, garbage)) = data.split_first() else {
        return;
    };
    let piece = usize::from(cut % 64) + 1;
    let mut input = garbage.to_vec();
    input.extend_from_slice(format!("Content-Length: {}\r\n\r\n", REQUEST.len()).as_bytes());
    input.extend_from_slice(REQUEST);

    let mut decoder = FrameDecoder::default();
    let mut last = None;
    for bytes in input.chunks(piece) {
        decoder.push(bytes);
        while let Some(decoded) = decoder.decode() {
            if let Decoded::Message(body) = &decoded {
                assert!(body.len() <= MAX_BODY);
            }
            last = Some(decoded);
        }
    }
    assert_eq!(
        last,
        Some(Decoded::Message(REQUEST.to_vec())),
        "{garbage:?}"
    );
    assert_eq!(decoder.finish(), None);
});
