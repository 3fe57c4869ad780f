//! The server's standard output, shared by tower-lsp-server and the diagnostics publisher.
//!
//! tower-lsp-server sends every notification through a `serde_json::Value` tree. For a megabyte
//! draft with thousands of findings that detour dominates an edit: building and printing the tree
//! of 6,800 diagnostics took 65 ms and tens of megabytes here, serializing the same structs
//! straight to bytes 3 ms. So `publishDiagnostics` is written directly, and both writers feed
//! one queue of whole frames: [`FrameSplitter`] cuts tower-lsp-server's byte stream back into
//! frames, so no message is ever interleaved with another, and one thread writes them out.
//!
//! Diagnostics are not even turned into bytes before their turn: the queue holds the lint
//! ([`LateJson`]), and the output thread writes its diagnostics twice, once to count the bytes for
//! the frame's `Content-Length` and once to standard output. A draft with a finding per sentence
//! has diagnostics of about six times its size as JSON; they never exist as a whole, and the
//! message loop never spends the time to write them.
//!
//! A pull-diagnostics response has to come from its handler, through the framework. Its items
//! take the same detour (at 100 KB, half of an edit's latency), so the handler answers with no
//! items and [`Output::defer_items`] keeps the lint under the report's unique `resultId`; the
//! splitter fills the items into the response frame that carries that id on its way out.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use std::collections::VecDeque;
use std::io::{BufWriter, Write};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use serde::Serialize;
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
    deferred: Deferred,
}

/// Pull-report items waiting for their response frame: `(resultId, items)`.
type Deferred = Arc<Mutex<VecDeque<(String, Arc<dyn LateJson>)>>>;

/// A response that never comes (a cancelled request) must not keep its items forever.
const MAX_DEFERRED: usize = 16;

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
    let deferred = Deferred::default();
    let splitter = FrameSplitter {
        pending: Vec::new(),
        frames: frames.clone(),
        deferred: Arc::clone(&deferred),
    };
    (splitter, Output { frames, deferred }, queue)
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
        let mut deferred = self
            .deferred
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if deferred.len() == MAX_DEFERRED {
            deferred.pop_front();
        }
        deferred.push_back((result_id, items));
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
    pending: Vec<u8>,
    frames: Sender<Outgoing>,
    deferred: Deferred,
}

impl FrameSplitter {
    /// Split complete frames off the front of `pending`.
    fn pass_on_complete_frames(&mut self) {
        while let Some(length) = complete_frame_length(&self.pending) {
            let rest = self.pending.split_off(length);
            let frame = std::mem::replace(&mut self.pending, rest);
            let frame = self.with_deferred_items(frame);
            let _ = self.frames.send(frame);
        }
    }

    /// `frame`, with the deferred items of the pull report it carries, if any.
    fn with_deferred_items(&self, frame: Vec<u8>) -> Outgoing {
        let mut deferred = self
            .deferred
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if deferred.is_empty() {
            return Outgoing::Frame(frame);
        }
        let Some(header_end) = find(&frame, HEADER_END) else {
            return Outgoing::Frame(frame);
        };
        let body = &frame[header_end + HEADER_END.len()..];
        let Some(slot) = find(body, EMPTY_ITEMS) else {
            return Outgoing::Frame(frame);
        };
        let Some(index) = deferred.iter().position(|(result_id, _)| {
            find(body, format!("\"resultId\":\"{result_id}\"").as_bytes()).is_some()
        }) else {
            return Outgoing::Frame(frame);
        };
        let Some((_, items)) = deferred.remove(index) else {
            return Outgoing::Frame(frame);
        };
        let mut head = body[..slot].to_vec();
        head.extend_from_slice(b"\"items\":");
        Outgoing::WithLateJson {
            head,
            late: items,
            tail: body[slot + EMPTY_ITEMS.len()..].to_vec(),
        }
    }
}

/// What ends a frame's header.
const HEADER_END: &[u8] = b"\r\n\r\n";

/// How the framework prints a report's empty item list.
const EMPTY_ITEMS: &[u8] = b"\"items\":[]";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
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
        self.pending.extend_from_slice(bytes);
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

    #[test]
    fn deferred_items_fill_only_the_report_with_their_result_id() {
        use tokio::io::AsyncWriteExt;

        let (mut splitter, output, queue) = channels();
        output.defer_items("3.0.7".to_owned(), Arc::new(Numbers(vec![1, 2])));
        let other =
            br#"{"id":1,"jsonrpc":"2.0","result":{"items":[],"kind":"full","resultId":"3.0.70"}}"#;
        let ours =
            br#"{"id":2,"jsonrpc":"2.0","result":{"items":[],"kind":"full","resultId":"3.0.7"}}"#;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            splitter.write_all(&frame(other)).await.unwrap();
            splitter.write_all(&frame(ours)).await.unwrap();
        });
        drop((splitter, output));
        let filled = br#"{"id":2,"jsonrpc":"2.0","result":{"items":[1,2],"kind":"full","resultId":"3.0.7"}}"#;
        let mut expected = frame(other);
        expected.extend_from_slice(&frame(filled));
        assert_eq!(written(&queue), expected);
    }

    #[test]
    fn items_of_a_response_that_never_comes_are_dropped_in_time() {
        let (_splitter, output, _queue) = channels();
        for number in 0..MAX_DEFERRED + 5 {
            output.defer_items(
                format!("1.0.{number}"),
                Arc::new(Numbers(vec![number as u32])),
            );
        }
        let deferred = output.deferred.lock().unwrap();
        assert_eq!(deferred.len(), MAX_DEFERRED);
        assert_eq!(deferred.front().unwrap().0, "1.0.5");
    }
}
