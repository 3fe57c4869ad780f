//! A guard in front of the protocol reader: only well-formed messages reach tower-lsp-server.
//!
//! tower-lsp-server reads standard input through a framed codec that ends the stream at the
//! first message it cannot decode: one garbled message from a client would stop the server and
//! lose every open document. So standard input is read here first, by a [`FrameDecoder`]; a frame
//! with a bad header, a body that is not UTF-8 JSON, or JSON that is not a JSON-RPC message is
//! logged (one line per case) and dropped, and reading goes on at the next `Content-Length`
//! header. Good frames are passed on unchanged.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tower_lsp_server::jsonrpc::{Request, Response};

use crate::server::lifecycle::Lifecycle;

/// Bytes buffered between the guard and the server; a larger message just flows through in parts.
const PIPE_CAPACITY: usize = 1 << 16;

/// How much of standard input is read at a time.
const READ_CHUNK: usize = 1 << 16;

/// Standard input, cleaned of malformed messages. The guard runs as a task on the current
/// runtime until standard input closes. On its way it notes what the typed `initialize`
/// parameters drop in `capabilities`, and the `exit` notification in `lifecycle`, both of the
/// server it feeds.
pub fn guarded_stdin(
    capabilities: Arc<NewerCapabilities>,
    lifecycle: Arc<Lifecycle>,
) -> impl AsyncRead {
    guarded(tokio::io::stdin(), capabilities, lifecycle)
}

/// `input`, cleaned of malformed messages by a task on the current runtime.
fn guarded(
    mut input: impl AsyncRead + Unpin + Send + 'static,
    capabilities: Arc<NewerCapabilities>,
    lifecycle: Arc<Lifecycle>,
) -> impl AsyncRead {
    let (reader, mut writer) = tokio::io::duplex(PIPE_CAPACITY);
    tokio::spawn(async move {
        let mut decoder = FrameDecoder::default();
        let mut chunk = vec![0; READ_CHUNK];
        let mut initialize_seen = false;
        loop {
            while let Some(decoded) = decoder.decode() {
                let body = match decoded {
                    Decoded::Message(body) => body,
                    Decoded::Dropped(why) => {
                        tracing::error!("{why}");
                        continue;
                    }
                };
                let body = without_empty_params(body);
                if !initialize_seen {
                    initialize_seen = capabilities.note(&body);
                }
                if is_exit(&body) {
                    lifecycle.exit_received();
                }
                let header = format!("Content-Length: {}\r\n\r\n", body.len());
                let sent = async {
                    writer.write_all(header.as_bytes()).await?;
                    writer.write_all(&body).await
                };
                if sent.await.is_err() {
                    // The server stopped reading: it is shutting down.
                    return;
                }
            }
            match input.read(&mut chunk).await {
                Ok(0) => break,
                Ok(read) => decoder.push(&chunk[..read]),
                Err(error) => {
                    tracing::error!("could not read standard input: {error}");
                    break;
                }
            }
        }
        if let Some(why) = decoder.finish() {
            tracing::error!("{why}");
        }
        let _ = writer.shutdown().await;
    });
    reader
}

/// `shutdown` and `exit` take no parameters, and tower-lsp-server refuses any, even an empty
/// object; lsp-mode sends `"params": {}`, and a refused `shutdown` makes Emacs wait for a timeout
/// every time the server stops. Empty parameters of methods that take none are dropped.
fn without_empty_params(body: Vec<u8>) -> Vec<u8> {
    if body.len() > 200 {
        return body;
    }
    let Ok(serde_json::Value::Object(mut message)) = serde_json::from_slice(&body) else {
        return body;
    };
    let takes_none = matches!(
        message.get("method").and_then(|method| method.as_str()),
        Some("shutdown" | "exit")
    );
    let empty = match message.get("params") {
        Some(serde_json::Value::Object(params)) => params.is_empty(),
        Some(serde_json::Value::Array(params)) => params.is_empty(),
        _ => false,
    };
    if !(takes_none && empty) {
        return body;
    }
    message.remove("params");
    serde_json::to_vec(&message).unwrap_or(body)
}

/// What the client said at `initialize` that the protocol types do not model yet, read from the
/// raw request: tower-lsp-server hands the `initialize` handler only the typed parameters. One
/// server's guard writes it and the same server's handlers read it.
#[derive(Debug, Default)]
pub struct NewerCapabilities {
    /// The client applies LSP 3.18 snippet edits
    /// (`workspace.workspaceEdit.snippetEditSupport`).
    snippet_edits: AtomicBool,
}

impl NewerCapabilities {
    /// Whether the client said at `initialize` that it applies snippet edits.
    pub fn snippet_edits(&self) -> bool {
        self.snippet_edits.load(Ordering::Relaxed)
    }

    /// Reads what the typed `initialize` parameters drop, if `body` is the `initialize` request
    /// (then returns true). The guard calls it before passing the message on, so the
    /// `initialize` handler sees what it read.
    fn note(&self, body: &[u8]) -> bool {
        let Ok(message) = serde_json::from_slice::<serde_json::Value>(body) else {
            return false;
        };
        if message["method"] != "initialize" {
            return false;
        }
        let snippets =
            &message["params"]["capabilities"]["workspace"]["workspaceEdit"]["snippetEditSupport"];
        self.snippet_edits
            .store(snippets == true, Ordering::Relaxed);
        true
    }
}

/// The `exit` notification.
fn is_exit(body: &[u8]) -> bool {
    // Cheap first: only a small message can be `exit`.
    body.len() < 200
        && serde_json::from_slice::<serde_json::Value>(body)
            .is_ok_and(|message| message["method"] == "exit" && message.get("id").is_none())
}

/// Why a frame's body is not a message.
#[derive(Debug)]
struct NotAMessage {
    problem: String,
    /// The JSON ends before it is complete: the frame's length was too short, and the rest of
    /// the message follows as stray bytes.
    truncated: bool,
}

fn check(body: &[u8]) -> Result<(), NotAMessage> {
    let text = std::str::from_utf8(body).map_err(|error| NotAMessage {
        problem: format!("not UTF-8: {error}"),
        truncated: false,
    })?;
    if text.parse::<Request>().is_ok() || text.parse::<Response>().is_ok() {
        return Ok(());
    }
    Err(match serde_json::from_str::<serde_json::Value>(text) {
        Err(error) => NotAMessage {
            problem: format!("not JSON: {error}"),
            truncated: error.is_eof(),
        },
        Ok(_) => NotAMessage {
            problem: "JSON, but not a JSON-RPC request, notification or response".to_owned(),
            truncated: false,
        },
    })
}

/// The largest message body read: a draft of tens of megabytes still fits, and a header that
/// claims more (a client bug, or garbage read as a number) never makes the server allocate it.
pub const MAX_BODY: usize = 64 << 20;

/// How a limit reads in the log.
const MAX_BODY_TEXT: &str = "64 MiB";

/// A header line longer than this is not a header.
const MAX_HEADER_LINE: usize = 1024;

/// How much of a long line without a line end is kept while looking for a header: enough for
/// `Content-Length:`, spaces and twenty digits.
const HEADER_TAIL: usize = 64;

/// The header that starts a frame, compared without regard to case.
const CONTENT_LENGTH: &[u8] = b"content-length:";

/// What the decoder makes of the input so far.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// The body of a well-formed frame holding a JSON-RPC message.
    Message(Vec<u8>),
    /// Input that was not a well-formed message was dropped: why, as one log line.
    Dropped(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Between messages: looking for a `Content-Length` header line.
    Seeking,
    /// After a `Content-Length` header line, until the empty line that ends the header block.
    Headers { length: usize },
    /// Reading a body of `length` bytes, which starts at the front of the buffer; the first
    /// `scanned` of them have been searched for a header line.
    Body { length: usize, scanned: usize },
}

/// Which of the bytes skipped next belong to a frame already reported, so that one bad frame
/// makes one log line; anything skipped beyond them is reported on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// None: skipped bytes are reported.
    Nothing,
    /// Up to the next line end: the rest of a body whose length was too short.
    Line,
    /// The rest of a header block and the line after it: the body of a bad `Content-Length`.
    HeaderBlock,
    /// Everything up to the next header: a body over the limit.
    All,
}

/// Cuts a byte stream into message bodies, whatever the stream holds.
///
/// Bytes go in as they arrive ([`FrameDecoder::push`]); messages and the reasons for dropped
/// input come out ([`FrameDecoder::decode`]). After anything malformed it looks for the next
/// `Content-Length` header and goes on from there. A body that holds a header line — which a JSON
/// body never can, as JSON has no raw line breaks inside strings and no bare words outside them —
/// was given a length running into the next frame: the decoder drops it as soon as that header
/// arrives rather than waiting for bytes that will never come. Memory stays within what was
/// actually sent and at most [`MAX_BODY`]: a header's claim is never allocated in advance.
#[derive(Debug)]
pub struct FrameDecoder {
    /// Input not yet consumed starts at `consumed`.
    buffer: Vec<u8>,
    consumed: usize,
    state: State,
    /// Bytes skipped while looking for a header that no log line has reported yet, and whether
    /// any of them is more than white space (blank lines between messages are not worth a line).
    unreported: usize,
    unreported_visible: bool,
    fold: Fold,
}

impl Default for FrameDecoder {
    fn default() -> Self {
        FrameDecoder {
            buffer: Vec::new(),
            consumed: 0,
            state: State::Seeking,
            unreported: 0,
            unreported_visible: false,
            fold: Fold::Nothing,
        }
    }
}

impl FrameDecoder {
    /// Add bytes read from the input.
    pub fn push(&mut self, bytes: &[u8]) {
        if let State::Body { .. } = self.state {
            // Grow a body by what arrives, never by what its header claims (nor by doubling: a
            // large body would take twice its size).
            self.buffer.reserve_exact(bytes.len());
        } else if self.consumed > 0 && self.consumed * 2 >= self.buffer.len() {
            self.buffer.drain(..self.consumed);
            self.consumed = 0;
        }
        self.buffer.extend_from_slice(bytes);
    }

    /// The next message, or the next report of dropped input; `None` when more input is needed.
    pub fn decode(&mut self) -> Option<Decoded> {
        loop {
            let step = match self.state {
                State::Seeking => self.seek()?,
                State::Headers { length } => self.header_line(length)?,
                State::Body { length, scanned } => self.body(length, scanned)?,
            };
            if let Some(decoded) = step {
                return Some(decoded);
            }
        }
    }

    /// At the end of input: why what is left over is dropped, if anything is.
    pub fn finish(&mut self) -> Option<String> {
        let pending = &self.buffer[self.consumed..];
        let why = match self.state {
            State::Seeking => {
                let mut skipped = self.unreported;
                let mut visible = self.unreported_visible;
                if self.fold == Fold::Nothing {
                    skipped += pending.len();
                    visible |= !is_blank(pending);
                }
                visible.then(|| {
                    format!(
                        "skipped {skipped} bytes at the end of input without a valid \
                         Content-Length header"
                    )
                })
            }
            State::Headers { .. } => Some("input ended inside a message header".to_owned()),
            State::Body { length, .. } => Some(format!(
                "input ended {} bytes into a message of {length} bytes",
                pending.len()
            )),
        };
        *self = FrameDecoder::default();
        why
    }

    /// Skip `bytes` of a line that holds no header, ended by a line break or not.
    fn skip(&mut self, bytes: usize, line_ends: bool) {
        let skipped = &self.buffer[self.consumed..self.consumed + bytes];
        let blank = is_blank(skipped);
        if self.fold == Fold::Nothing {
            self.unreported += bytes;
            self.unreported_visible |= !blank;
        }
        self.consumed += bytes;
        if line_ends {
            self.fold = match self.fold {
                Fold::Line => Fold::Nothing,
                Fold::HeaderBlock if blank => Fold::Line,
                other => other,
            };
        }
    }

    /// One step of looking for a `Content-Length` line. `None`: more input needed.
    fn seek(&mut self) -> Option<Option<Decoded>> {
        let pending = &self.buffer[self.consumed..];
        let Some(end) = memchr::memchr(b'\n', pending) else {
            // A long line without an end: only its tail can still turn out to be a header.
            if pending.len() > HEADER_TAIL {
                self.skip(pending.len() - HEADER_TAIL, false);
            }
            return None;
        };
        let line = trim_line_end(&pending[..end]);
        let Some(at) = last_content_length(line) else {
            self.skip(end + 1, true);
            return Some(None);
        };
        if at > 0 {
            self.skip(at, false);
            return Some(None);
        }
        let skipped = std::mem::take(&mut self.unreported);
        if std::mem::take(&mut self.unreported_visible) {
            // Reported before the header line, which is read again next.
            return Some(Some(Decoded::Dropped(format!(
                "skipped {skipped} bytes without a valid Content-Length header before the next \
                 message"
            ))));
        }
        let value = &line[CONTENT_LENGTH.len()..];
        let (why, fold) = match parse_length(value) {
            Ok(length) if length <= MAX_BODY => {
                self.consumed += end + 1;
                self.fold = Fold::Nothing;
                self.state = State::Headers { length };
                return Some(None);
            }
            Ok(length) => (over_the_limit(&length.to_string()), Fold::All),
            Err(Malformed::TooLarge) => {
                (over_the_limit(&String::from_utf8_lossy(value)), Fold::All)
            }
            Err(Malformed::NotANumber) => (
                format!(
                    "dropped a message with a bad Content-Length {:?}: not a byte count; reading \
                     on from the next Content-Length header",
                    String::from_utf8_lossy(value).trim()
                ),
                Fold::HeaderBlock,
            ),
        };
        self.consumed += end + 1;
        self.fold = fold;
        Some(Some(Decoded::Dropped(why)))
    }

    /// One line of a header block whose `Content-Length` is known. `None`: more input needed.
    fn header_line(&mut self, length: usize) -> Option<Option<Decoded>> {
        let pending = &self.buffer[self.consumed..];
        let line_too_long = format!(
            "dropped a message whose header has a line over {MAX_HEADER_LINE} bytes; reading on \
             from the next Content-Length header"
        );
        let Some(end) = memchr::memchr(b'\n', pending) else {
            if pending.len() > MAX_HEADER_LINE {
                self.state = State::Seeking;
                self.fold = Fold::HeaderBlock;
                return Some(Some(Decoded::Dropped(line_too_long)));
            }
            return None;
        };
        let line = trim_line_end(&pending[..end]);
        if line.is_empty() {
            self.consumed += end + 1;
            // The body starts at the front of the buffer, so it can be taken whole.
            self.buffer.drain(..self.consumed);
            self.consumed = 0;
            self.state = State::Body { length, scanned: 0 };
            return Some(None);
        }
        if last_content_length(line).is_some() {
            // A second length before any body: the first header block was cut off. The line
            // is read again as the start of a new frame.
            self.state = State::Seeking;
            return Some(Some(Decoded::Dropped(
                "dropped a message header cut off by another Content-Length header".to_owned(),
            )));
        }
        self.consumed += end + 1;
        if line.len() > MAX_HEADER_LINE {
            self.state = State::Seeking;
            self.fold = Fold::HeaderBlock;
            return Some(Some(Decoded::Dropped(line_too_long)));
        }
        // Another header (`Content-Type`): the body is JSON in UTF-8 whatever it says.
        Some(None)
    }

    /// Reading a body. `None`: more input needed.
    fn body(&mut self, length: usize, scanned: usize) -> Option<Option<Decoded>> {
        let available = self.buffer.len().min(length);
        if let Some(header) = header_line_in(&self.buffer, scanned, available) {
            // The next frame's header, inside this body: its length was too long, or some of
            // its bytes were lost. Read on from that header.
            self.consumed = header;
            self.state = State::Seeking;
            return Some(Some(Decoded::Dropped(format!(
                "dropped a message cut short by the next Content-Length header after {header} of \
                 its {length} bytes"
            ))));
        }
        if available < length {
            self.state = State::Body {
                length,
                scanned: available,
            };
            return None;
        }
        let rest = self.buffer.split_off(length);
        let body = std::mem::replace(&mut self.buffer, rest);
        self.state = State::Seeking;
        match check(&body) {
            Ok(()) => Some(Some(Decoded::Message(body))),
            Err(NotAMessage { problem, truncated }) => {
                self.fold = if truncated { Fold::Line } else { Fold::Nothing };
                // A header the end of this body cut in two is read again whole.
                let cut = header_start_at_end(&body);
                if !cut.is_empty() {
                    self.buffer.splice(0..0, cut.iter().copied());
                    self.fold = Fold::Line;
                }
                Some(Some(Decoded::Dropped(format!(
                    "dropped a malformed message: {problem}"
                ))))
            }
        }
    }
}

/// The end of `body` that could be the start of a header line: `Content-Length:` with only
/// spaces and digits after it (and perhaps the `\r` of its line end), or the first letters of
/// `Content-Length:`.
fn header_start_at_end(body: &[u8]) -> &[u8] {
    let tail = &body[body.len().saturating_sub(HEADER_TAIL)..];
    if let Some(at) = last_content_length(tail)
        && trim_line_end(&tail[at + CONTENT_LENGTH.len()..])
            .iter()
            .all(|byte| byte.is_ascii_digit() || matches!(byte, b' ' | b'\t'))
    {
        return &tail[at..];
    }
    let letters = (1..CONTENT_LENGTH.len())
        .rev()
        .find(|&count| {
            count <= body.len()
                && body[body.len() - count..].eq_ignore_ascii_case(&CONTENT_LENGTH[..count])
        })
        .unwrap_or(0);
    &body[body.len() - letters..]
}

/// The report of a message whose header claims more than [`MAX_BODY`].
fn over_the_limit(length: &str) -> String {
    format!(
        "skipped a message of {} bytes: over the {MAX_BODY_TEXT} limit; reading on from the next \
         Content-Length header",
        length.trim()
    )
}

/// Why a `Content-Length` value is not a length.
#[derive(Debug, PartialEq, Eq)]
enum Malformed {
    NotANumber,
    TooLarge,
}

/// The byte count of a `Content-Length` value (spaces around it allowed).
fn parse_length(value: &[u8]) -> Result<usize, Malformed> {
    let digits = trim_spaces(value);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(Malformed::NotANumber);
    }
    digits.iter().try_fold(0usize, |length, digit| {
        length
            .checked_mul(10)
            .and_then(|length| length.checked_add(usize::from(digit - b'0')))
            .ok_or(Malformed::TooLarge)
    })
}

/// Where the last `Content-Length:` in `line` starts.
fn last_content_length(line: &[u8]) -> Option<usize> {
    line.windows(CONTENT_LENGTH.len())
        .rposition(|window| window.eq_ignore_ascii_case(CONTENT_LENGTH))
}

/// Where a complete `Content-Length: <digits>` line ends within `buffer[from..to]`, if one
/// does: the start of its `Content-Length`. Only lines ending in that stretch are looked at, so
/// a body is searched once as it arrives.
fn header_line_in(buffer: &[u8], from: usize, to: usize) -> Option<usize> {
    memchr::memchr_iter(b'\n', &buffer[from..to]).find_map(|end| {
        let end = from + end;
        let line_start = end.saturating_sub(HEADER_TAIL + CONTENT_LENGTH.len());
        let line = trim_line_end(&buffer[line_start..end]);
        // Most line ends in a body (pretty-printed JSON) do not follow a number.
        if !trim_spaces(line).last().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let at = last_content_length(line)?;
        let value = &line[at + CONTENT_LENGTH.len()..];
        matches!(parse_length(value), Ok(_) | Err(Malformed::TooLarge)).then_some(line_start + at)
    })
}

/// `bytes` without the spaces and tabs around them.
fn trim_spaces(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = bytes {
        bytes = rest;
    }
    bytes
}

/// A line without its `\r`.
fn trim_line_end(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Whether `bytes` hold only white space.
fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_rpc_messages_pass() {
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        let problem = |body: &[u8]| check(body).unwrap_err().problem;
        assert!(problem(b"{ not json").starts_with("not JSON"));
        assert!(problem(b"[1, 2]").contains("not a JSON-RPC"));
        assert!(problem(b"\xff\xfe").starts_with("not UTF-8"));
        assert!(check(br#"{"jsonrpc":"2.0","#).unwrap_err().truncated);
        assert!(!check(b"{ not json").unwrap_err().truncated);
    }

    #[test]
    fn empty_params_of_shutdown_and_exit_are_dropped() {
        let cleaned = without_empty_params(
            br#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":{}}"#.to_vec(),
        );
        let message: serde_json::Value = serde_json::from_slice(&cleaned).unwrap();
        assert_eq!(message.get("params"), None);
        assert_eq!(message["id"], 2);
        let hover = br#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}"#;
        assert_eq!(without_empty_params(hover.to_vec()), hover.to_vec());
    }

    const GOOD: &[u8] = br#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#;

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend_from_slice(body);
        frame
    }

    /// Everything `input` decodes to, fed in pieces of `piece` bytes, with the end of input.
    fn decode_all(input: &[u8], piece: usize) -> Vec<Decoded> {
        let mut decoder = FrameDecoder::default();
        let mut decoded = Vec::new();
        for bytes in input.chunks(piece) {
            decoder.push(bytes);
            while let Some(item) = decoder.decode() {
                decoded.push(item);
            }
        }
        decoded.extend(decoder.finish().map(Decoded::Dropped));
        decoded
    }

    #[test]
    fn after_any_bad_frame_the_next_good_one_is_read_and_the_bad_one_reported_once() {
        let body = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let with_header = |header: &str| {
            let mut bytes = format!("{header}\r\n\r\n").into_bytes();
            bytes.extend_from_slice(body);
            bytes
        };
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            (
                "negative",
                with_header("Content-Length: -5"),
                "bad Content-Length \"-5\"",
            ),
            (
                "not a number",
                with_header("Content-Length: 1e3"),
                "not a byte count",
            ),
            (
                "missing",
                with_header("Content-Type: text/plain"),
                "without a valid Content",
            ),
            ("too short", with_header("Content-Length: 20"), "not JSON"),
            (
                "too long",
                with_header("Content-Length: 400"),
                "cut short by the next",
            ),
            (
                "huge",
                with_header("Content-Length: 100000000000"),
                "over the 64 MiB",
            ),
            (
                "u64::MAX",
                with_header("Content-Length: 18446744073709551615"),
                "over the",
            ),
            (
                "past u64",
                with_header("Content-Length: 184467440737095516150"),
                "over the",
            ),
            (
                "not UTF-8",
                b"\xff\r\n\r\n".to_vec(),
                "without a valid Content",
            ),
            (
                "no header end",
                b"Content-Length: 5\r\nX: y\r\n".to_vec(),
                "cut off by another",
            ),
            (
                "long header",
                with_header(&format!("X: {}", "y".repeat(2000))),
                "without a valid",
            ),
            ("not JSON-RPC", frame(b"[1, 2]"), "not a JSON-RPC"),
            ("not UTF-8 body", frame(b"\"\xff\""), "not UTF-8"),
            ("empty", frame(b""), "not JSON"),
            (
                "cut header",
                b"Content-Len".to_vec(),
                "without a valid Content",
            ),
        ];
        for (name, bad, reason) in cases {
            let mut input = bad.clone();
            input.extend_from_slice(&frame(GOOD));
            for piece in [1, 3, 64, input.len()] {
                let decoded = decode_all(&input, piece);
                let (last, before) = decoded.split_last().expect("something decoded");
                assert_eq!(last, &Decoded::Message(GOOD.to_vec()), "{name}/{piece}");
                let dropped: Vec<&String> = before
                    .iter()
                    .filter_map(|item| match item {
                        Decoded::Dropped(why) => Some(why),
                        Decoded::Message(_) => None,
                    })
                    .collect();
                assert_eq!(dropped.len(), 1, "{name}/{piece}: {dropped:?}");
                assert!(dropped[0].contains(reason), "{name}/{piece}: {dropped:?}");
            }
        }
    }

    #[test]
    fn a_body_that_ends_inside_the_next_header_line_gives_that_header_back() {
        // Found by the `frames` fuzz target: the claimed length ended just after the next
        // header's `\r`, so neither a line end inside the body nor the body's tail showed it.
        let mut input =
            b"\xff\xffcontent-length:45\n-1\n\n\n4444\x9b\n\n\n/4444\x9b\n\n\n4444\x9b\n\n"
                .to_vec();
        input.extend_from_slice(&frame(GOOD));
        for piece in [1, 28, input.len()] {
            let decoded = decode_all(&input, piece);
            assert_eq!(
                decoded.last(),
                Some(&Decoded::Message(GOOD.to_vec())),
                "{piece}"
            );
        }
        // The same cut at every point of the header line: a claimed length that ends anywhere
        // inside it.
        let header = format!("Content-Length: {}\r\n\r\n", GOOD.len());
        for cut in 0..=header.len() {
            let mut input = format!("Content-Length: {cut}\r\n\r\n").into_bytes();
            input.extend_from_slice(&frame(GOOD));
            let decoded = decode_all(&input, 3);
            assert_eq!(
                decoded.last(),
                Some(&Decoded::Message(GOOD.to_vec())),
                "{cut}"
            );
        }
    }

    #[test]
    fn stray_bytes_after_a_complete_bad_message_are_reported_on_their_own() {
        let mut input = frame(b"[1, 2]");
        input.extend_from_slice(b"Content-Type: application/json\r\n\r\n");
        input.extend_from_slice(&frame(GOOD));
        let decoded = decode_all(&input, 4);
        assert_eq!(decoded.len(), 3, "{decoded:?}");
        assert!(matches!(&decoded[0], Decoded::Dropped(why) if why.contains("not a JSON-RPC")));
        assert!(matches!(&decoded[1], Decoded::Dropped(why) if why.contains("skipped 34 bytes")));
    }

    #[test]
    fn good_frames_pass_whole_with_any_header_spelling() {
        let mut input = b"content-length:44\r\n\r\n".to_vec();
        input.extend_from_slice(GOOD);
        input.extend_from_slice(b"\r\n");
        input.extend_from_slice(
            b"Content-Length: 44\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n",
        );
        input.extend_from_slice(GOOD);
        let decoded = decode_all(&input, 5);
        assert_eq!(
            decoded,
            [
                Decoded::Message(GOOD.to_vec()),
                Decoded::Message(GOOD.to_vec())
            ]
        );
    }

    #[test]
    fn a_body_over_the_limit_streams_past_without_being_kept() {
        let mut decoder = FrameDecoder::default();
        decoder.push(format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).as_bytes());
        let chunk = vec![b'x'; 1 << 20];
        let mut reports = Vec::new();
        for _ in 0..=MAX_BODY >> 20 {
            decoder.push(&chunk);
            reports.extend(std::iter::from_fn(|| decoder.decode()));
            assert!(
                decoder.buffer.capacity() < 4 << 20,
                "{}",
                decoder.buffer.capacity()
            );
        }
        decoder.push(&frame(GOOD));
        reports.extend(std::iter::from_fn(|| decoder.decode()));
        assert_eq!(reports.len(), 2, "{reports:?}");
        assert_eq!(reports[1], Decoded::Message(GOOD.to_vec()));
        assert_eq!(decoder.finish(), None);
    }

    #[test]
    fn the_end_of_input_inside_a_message_is_reported() {
        assert_eq!(
            decode_all(b"Content-Length: 10\r\n\r\n{\"a\"", 4),
            [Decoded::Dropped(
                "input ended 4 bytes into a message of 10 bytes".to_owned()
            )]
        );
        assert_eq!(decode_all(b"\r\n\r\n  ", 4), []);
    }

    #[test]
    fn snippet_edit_support_is_read_from_the_raw_initialize_request() {
        let capabilities = NewerCapabilities::default();
        assert!(!capabilities.note(GOOD));
        let initialize = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{
            "capabilities":{"workspace":{"workspaceEdit":{"snippetEditSupport":true}}}}}"#;
        assert!(capabilities.note(initialize));
        assert!(capabilities.snippet_edits());
        let without = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;
        assert!(capabilities.note(without));
        assert!(!capabilities.snippet_edits());
    }

    #[test]
    fn the_guard_passes_good_messages_on_and_drops_the_rest() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut input = b"Content-Length: -1\r\n\r\n{}".to_vec();
        input.extend_from_slice(&frame(GOOD));
        input.extend_from_slice(&frame(b"{ not json"));
        input.extend_from_slice(&frame(GOOD));
        let input: &'static [u8] = input.leak();
        let output = runtime.block_on(async {
            let mut reader = guarded(input, Arc::default(), Arc::default());
            let mut output = Vec::new();
            reader.read_to_end(&mut output).await.unwrap();
            output
        });
        let mut expected = frame(GOOD);
        expected.extend_from_slice(&frame(GOOD));
        assert_eq!(output, expected);
    }
}
