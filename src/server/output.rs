//! The server's standard output, shared by tower-lsp-server and the diagnostics publisher.
//!
//! tower-lsp-server sends every message through a `serde_json::Value` tree. For a megabyte draft
//! with thousands of findings that detour costs more than the lint (a tree node and a string per
//! field of every diagnostic, tens of megabytes), where serializing the structs straight to
//! bytes costs a few milliseconds. So `publishDiagnostics` is written directly, and both writers
//! feed one queue of whole frames: [`FrameSplitter`] cuts tower-lsp-server's byte stream back
//! into frames, so no message is ever interleaved with another, and one thread writes them out.
//!
//! Diagnostics are not even turned into bytes before their turn: the queue holds the lint
//! ([`LateJson`]), and the output thread writes its diagnostics twice, once to count the bytes for
//! the frame's `Content-Length` and once to standard output. A draft with a finding per sentence
//! has diagnostics of about six times its size as JSON; they never exist as a whole, and the
//! message loop never spends the time to write them.
//!
//! A pull-diagnostics response has to come from its handler, through the framework, and its items
//! would take the same detour; [`PendingItems`] says why and how they go around it.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use std::collections::VecDeque;
use std::io::{BufWriter, Write};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tokio::io::AsyncWrite;
use tower_lsp_server::ls_types::Uri;

/// JSON that is written only when its frame goes out (a lint's diagnostics).
pub trait LateJson: Send + Sync + std::fmt::Debug {
    fn write_json(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// What goes out, in order.
#[derive(Debug)]
enum Outgoing {
    /// A whole frame.
    Frame(Vec<u8>),
    /// A frame whose body is `head`, then `late`, then `tail`.
    WithLateJson {
        head: Vec<u8>,
        late: Arc<dyn LateJson>,
        tail: Vec<u8>,
    },
}

/// Sends whole frames to standard output.
#[derive(Clone, Debug)]
pub struct Output {
    frames: Sender<Outgoing>,
    pending: PendingItems,
}

/// Start the output: the writer for tower-lsp-server, and the handle for direct messages. A
/// thread writes the frames to standard output in the order they were sent, until every sender
/// is gone (or the process ends).
pub fn start() -> (FrameSplitter, Output) {
    let (splitter, output, queue) = channels();
    let spawned = std::thread::Builder::new()
        .name("amends-output".to_owned())
        .spawn(move || write_frames(&queue, &mut std::io::stdout().lock()));
    if let Err(error) = spawned {
        tracing::error!("could not start the output thread: {error}");
    }
    (splitter, output)
}

fn channels() -> (FrameSplitter, Output, Receiver<Outgoing>) {
    let (frames, queue) = channel();
    let pending = PendingItems::default();
    let splitter = FrameSplitter {
        unsplit: Vec::new(),
        frames: frames.clone(),
        pending: pending.clone(),
    };
    (splitter, Output { frames, pending }, queue)
}

fn write_frames(queue: &Receiver<Outgoing>, out: &mut impl Write) {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for item in queue {
        if let Err(error) = write_item(item, &mut out).and_then(|()| out.flush()) {
            tracing::error!("could not write to the client: {error}");
            return;
        }
    }
}

fn write_item(item: Outgoing, out: &mut impl Write) -> io::Result<()> {
    match item {
        Outgoing::Frame(frame) => out.write_all(&frame),
        Outgoing::WithLateJson { head, late, tail } => {
            let mut counted = ByteCount(0);
            late.write_json(&mut counted)?;
            let length = head.len() + counted.0 + tail.len();
            write!(out, "Content-Length: {length}\r\n\r\n")?;
            out.write_all(&head)?;
            late.write_json(out)?;
            out.write_all(&tail)
        }
    }
}

/// A writer that only counts.
struct ByteCount(usize);

impl Write for ByteCount {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `PublishDiagnosticsParams`, borrowing its parts.
#[derive(Serialize)]
struct PublishParams<'a, D> {
    uri: &'a Uri,
    diagnostics: &'a [D],
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
}

#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: P,
}

impl Output {
    /// `textDocument/publishDiagnostics`, serialized straight from the structs (typed
    /// [`Diagnostic`]s, or the borrowed [`WireDiagnostic`]s of a lint).
    ///
    /// [`Diagnostic`]: tower_lsp_server::ls_types::Diagnostic
    /// [`WireDiagnostic`]: crate::server::linting::WireDiagnostic
    pub fn publish_diagnostics<D: Serialize>(
        &self,
        uri: &Uri,
        diagnostics: &[D],
        version: Option<i32>,
    ) {
        let message = Notification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: PublishParams {
                uri,
                diagnostics,
                version,
            },
        };
        match serde_json::to_vec(&message) {
            Ok(body) => self.send(frame(&body)),
            Err(error) => tracing::error!("could not serialize diagnostics: {error}"),
        }
    }

    /// `textDocument/publishDiagnostics` of a lint: `diagnostics` is written out when the
    /// frame's turn comes.
    pub fn publish_late(&self, uri: &Uri, diagnostics: Arc<dyn LateJson>, version: Option<i32>) {
        let uri = match serde_json::to_string(uri) {
            Ok(uri) => uri,
            Err(error) => {
                tracing::error!("could not serialize a URI: {error}");
                return;
            }
        };
        let head = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{{\
             \"uri\":{uri},\"diagnostics\":"
        );
        let tail = match version {
            Some(version) => format!(",\"version\":{version}}}}}"),
            None => "}}".to_owned(),
        };
        let _ = self.frames.send(Outgoing::WithLateJson {
            head: head.into_bytes(),
            late: diagnostics,
            tail: tail.into_bytes(),
        });
    }

    /// Keep `items` for the response whose report has `result_id` (unique per response); the
    /// handler answers with an empty `items` list, which the splitter fills in.
    pub fn defer_items(&self, result_id: String, items: Arc<dyn LateJson>) {
        self.pending.keep(result_id, items);
    }

    fn send(&self, frame: Vec<u8>) {
        // The writer is gone only when the server is shutting down.
        let _ = self.frames.send(Outgoing::Frame(frame));
    }
}

fn frame(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut frame = Vec::with_capacity(header.len() + body.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(body);
    frame
}

/// The writer tower-lsp-server gets: it collects the bytes it writes and passes each complete
/// frame on as one piece.
#[derive(Debug)]
pub struct FrameSplitter {
    unsplit: Vec<u8>,
    frames: Sender<Outgoing>,
    pending: PendingItems,
}

impl FrameSplitter {
    /// Split complete frames off the front of `unsplit`.
    fn pass_on_complete_frames(&mut self) {
        while let Some(length) = complete_frame_length(&self.unsplit) {
            let rest = self.unsplit.split_off(length);
            let frame = std::mem::replace(&mut self.unsplit, rest);
            let body = find(&frame, HEADER_END).map(|end| &frame[end + HEADER_END.len()..]);
            let outgoing = body
                .and_then(|body| self.pending.fill(body))
                .unwrap_or(Outgoing::Frame(frame));
            let _ = self.frames.send(outgoing);
        }
    }
}

/// Pull-report items waiting for the response that carries their report.
///
/// The items cannot go through the framework: tower-lsp-server holds every response's result as
/// a `serde_json::Value`, which has no room for JSON written already (a `RawValue`), so items
/// given to it would take the detour the module comment describes; and a custom method cannot
/// take over `textDocument/diagnostic` (its router keeps the first handler registered under a
/// name). So the handler answers with an empty `items` list and a `resultId` unique to the
/// response, the items wait here under that id, and the response is written again with them on
/// its way out. A frame is taken for a report only when it parses as a response whose `result`
/// has a waiting `resultId` and an empty `items`: nothing depends on how the framework orders or
/// spaces its JSON, and only a frame that names a `resultId` is parsed at all.
#[derive(Clone, Debug, Default)]
struct PendingItems {
    waiting: Arc<Mutex<Waiting>>,
}

/// `(resultId, items)`, oldest first.
type Waiting = VecDeque<(String, Arc<dyn LateJson>)>;

/// A response that never comes (a cancelled request) must not keep its items forever.
const MAX_PENDING: usize = 16;

/// The parts of a JSON-RPC response [`PendingItems::fill`] reads; an error response does not
/// parse as one.
#[derive(Deserialize)]
struct ReportResponse {
    id: Value,
    result: Map<String, Value>,
}

impl PendingItems {
    fn keep(&self, result_id: String, items: Arc<dyn LateJson>) {
        let mut waiting = self.lock();
        if waiting.len() == MAX_PENDING {
            waiting.pop_front();
        }
        waiting.push_back((result_id, items));
    }

    /// The response `body`, written with the items waiting for its report, if it carries one.
    fn fill(&self, body: &[u8]) -> Option<Outgoing> {
        let mut waiting = self.lock();
        if waiting.is_empty() || memchr::memmem::find(body, b"\"resultId\"").is_none() {
            return None;
        }
        let ReportResponse { id, result } = serde_json::from_slice(body).ok()?;
        let no_items = matches!(result.get("items"), Some(Value::Array(items)) if items.is_empty());
        let result_id = result.get("resultId").and_then(Value::as_str)?;
        let index = waiting.iter().position(|(id, _)| id == result_id)?;
        if !no_items {
            return None;
        }
        let (_, items) = waiting.remove(index)?;
        drop(waiting);
        let mut head = br#"{"jsonrpc":"2.0","id":"#.to_vec();
        serde_json::to_writer(&mut head, &id).ok()?;
        head.extend_from_slice(br#","result":{"#);
        for (key, value) in result.iter().filter(|(key, _)| *key != "items") {
            serde_json::to_writer(&mut head, key).ok()?;
            head.push(b':');
            serde_json::to_writer(&mut head, value).ok()?;
            head.push(b',');
        }
        head.extend_from_slice(br#""items":"#);
        Some(Outgoing::WithLateJson {
            head,
            late: items,
            tail: b"}}".to_vec(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.waiting
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What ends a frame's header.
const HEADER_END: &[u8] = b"\r\n\r\n";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The length of the complete frame at the start of `bytes`, if it is all there. A header block
/// without a length (never written by tower-lsp-server) is passed on as it is rather than held.
fn complete_frame_length(bytes: &[u8]) -> Option<usize> {
    let header_end = find(bytes, HEADER_END)? + HEADER_END.len();
    let header = std::str::from_utf8(&bytes[..header_end]).ok();
    let body = header
        .into_iter()
        .flat_map(str::lines)
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let length = header_end + body;
    (bytes.len() >= length).then_some(length)
}

impl AsyncWrite for FrameSplitter {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.unsplit.extend_from_slice(bytes);
        self.pass_on_complete_frames();
        Poll::Ready(Ok(bytes.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items of a test, written late.
    #[derive(Debug)]
    struct Numbers(Vec<u32>);

    impl LateJson for Numbers {
        fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
            serde_json::to_writer(out, &self.0).map_err(io::Error::from)
        }
    }

    fn written(queue: &Receiver<Outgoing>) -> Vec<u8> {
        let mut written = Vec::new();
        write_frames(queue, &mut written);
        written
    }

    #[test]
    fn bytes_written_in_pieces_come_out_as_whole_frames_in_order() {
        use tokio::io::AsyncWriteExt;

        let (mut splitter, output, queue) = channels();
        let first = frame(br#"{"jsonrpc":"2.0","id":1,"result":null}"#);
        let second = frame("{\"é\":1}".as_bytes());
        let mut stream = first.clone();
        stream.extend_from_slice(&second);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            for piece in stream.chunks(7) {
                splitter.write_all(piece).await.unwrap();
            }
        });
        let uri: Uri = "file:///a.md".parse().unwrap();
        output.publish_diagnostics::<tower_lsp_server::ls_types::Diagnostic>(&uri, &[], Some(3));
        output.publish_late(&uri, Arc::new(Numbers(vec![4, 5])), Some(4));
        drop((splitter, output));
        let written = written(&queue);

        let mut expected = first;
        expected.extend_from_slice(&second);
        assert_eq!(&written[..expected.len()], &expected[..]);
        let text = String::from_utf8(written[expected.len()..].to_vec()).unwrap();
        let mut published = Vec::new();
        let mut rest = text.as_str();
        while let Some((header, after)) = rest.split_once("\r\n\r\n") {
            let length: usize = header
                .strip_prefix("Content-Length: ")
                .unwrap()
                .parse()
                .unwrap();
            let message: serde_json::Value = serde_json::from_str(&after[..length]).unwrap();
            published.push(message);
            rest = &after[length..];
        }
        assert_eq!(published.len(), 2);
        assert_eq!(published[0]["method"], "textDocument/publishDiagnostics");
        assert_eq!(published[0]["params"]["version"], 3);
        assert_eq!(published[0]["params"]["diagnostics"], serde_json::json!([]));
        // The late one is the same message as the typed one would be.
        assert_eq!(
            published[1],
            serde_json::json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": { "uri": "file:///a.md", "diagnostics": [4, 5], "version": 4 },
            })
        );
    }

    /// The message of each frame in `written`.
    fn messages(written: &[u8]) -> Vec<serde_json::Value> {
        let mut messages = Vec::new();
        let mut rest = written;
        while let Some(length) = complete_frame_length(rest) {
            let body_start = find(rest, HEADER_END).unwrap() + HEADER_END.len();
            messages.push(serde_json::from_slice(&rest[body_start..length]).unwrap());
            rest = &rest[length..];
        }
        assert!(rest.is_empty());
        messages
    }

    #[test]
    fn kept_items_fill_only_the_report_with_their_result_id() {
        use tokio::io::AsyncWriteExt;

        let (mut splitter, output, queue) = channels();
        output.defer_items("3.0.7".to_owned(), Arc::new(Numbers(vec![1, 2])));
        let other =
            br#"{"id":1,"jsonrpc":"2.0","result":{"items":[],"kind":"full","resultId":"3.0.70"}}"#;
        // Any order and spacing of the framework's JSON.
        let ours = br#"{ "result": { "resultId": "3.0.7", "kind": "full", "items": [ ] },
            "jsonrpc": "2.0", "id": "two" }"#;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            splitter.write_all(&frame(other)).await.unwrap();
            splitter.write_all(&frame(ours)).await.unwrap();
        });
        drop((splitter, output));
        let written = written(&queue);
        assert!(written.starts_with(&frame(other)), "passed on unchanged");
        assert_eq!(
            messages(&written)[1],
            serde_json::json!({
                "jsonrpc": "2.0",
                "id": "two",
                "result": { "items": [1, 2], "kind": "full", "resultId": "3.0.7" },
            })
        );
    }

    #[test]
    fn a_frame_that_is_not_the_report_keeps_the_items_waiting() {
        let pending = PendingItems::default();
        pending.keep("4.1.2".to_owned(), Arc::new(Numbers(vec![9])));
        for body in [
            // An error answer.
            &br#"{"jsonrpc":"2.0","id":3,"error":{"code":-32801,"message":"content modified"}}"#[..],
            // The id only as text inside something else.
            br#"{"jsonrpc":"2.0","id":4,"result":{"contents":""resultId":"4.1.2""}}"#,
            // A report that has its items already.
            br#"{"jsonrpc":"2.0","id":5,"result":{"items":[7],"kind":"full","resultId":"4.1.2"}}"#,
            br#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"resultId":"4.1.2"}}"#,
        ] {
            assert!(
                pending.fill(body).is_none(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        let report = br#"{"jsonrpc":"2.0","id":6,"result":{"items":[],"resultId":"4.1.2"}}"#;
        assert!(pending.fill(report).is_some());
        assert!(pending.fill(report).is_none(), "filled once");
    }

    #[test]
    fn items_of_a_response_that_never_comes_are_dropped_in_time() {
        let pending = PendingItems::default();
        for number in 0..MAX_PENDING + 5 {
            pending.keep(
                format!("1.0.{number}"),
                Arc::new(Numbers(vec![number as u32])),
            );
        }
        let waiting = pending.lock();
        assert_eq!(waiting.len(), MAX_PENDING);
        assert_eq!(waiting.front().unwrap().0, "1.0.5");
    }
}
