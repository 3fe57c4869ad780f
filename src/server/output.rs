//! The server's standard output, shared by tower-lsp-server and the diagnostics publisher.
//!
//! tower-lsp-server sends every notification through a `serde_json::Value` tree. For a megabyte
//! draft with thousands of findings that detour dominates an edit: building and printing the tree
//! of 6,800 diagnostics took 65 ms and tens of megabytes here, serializing the same structs
//! straight to bytes 3 ms. So `publishDiagnostics` is written directly, and both writers feed
//! one queue of whole frames: [`FrameSplitter`] cuts tower-lsp-server's byte stream back into
//! frames, so no message is ever interleaved with another, and one thread writes them out.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use std::io::Write;
use std::sync::mpsc::{Receiver, Sender, channel};

use serde::Serialize;
use tokio::io::AsyncWrite;
use tower_lsp_server::ls_types::Uri;

/// Sends whole frames to standard output.
#[derive(Clone, Debug)]
pub struct Output {
    frames: Sender<Vec<u8>>,
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

fn channels() -> (FrameSplitter, Output, Receiver<Vec<u8>>) {
    let (frames, queue) = channel();
    let splitter = FrameSplitter {
        pending: Vec::new(),
        frames: frames.clone(),
    };
    (splitter, Output { frames }, queue)
}

fn write_frames(queue: &Receiver<Vec<u8>>, out: &mut impl Write) {
    for frame in queue {
        if let Err(error) = out.write_all(&frame).and_then(|()| out.flush()) {
            tracing::error!("could not write to the client: {error}");
            return;
        }
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

    fn send(&self, frame: Vec<u8>) {
        // The writer is gone only when the server is shutting down.
        let _ = self.frames.send(frame);
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
    frames: Sender<Vec<u8>>,
}

impl FrameSplitter {
    /// Split complete frames off the front of `pending`.
    fn pass_on_complete_frames(&mut self) {
        while let Some(length) = complete_frame_length(&self.pending) {
            let rest = self.pending.split_off(length);
            let frame = std::mem::replace(&mut self.pending, rest);
            let _ = self.frames.send(frame);
        }
    }
}

/// The length of the complete frame at the start of `bytes`, if it is all there. A header block
/// without a length (never written by tower-lsp-server) is passed on as it is rather than held.
fn complete_frame_length(bytes: &[u8]) -> Option<usize> {
    let header_end = bytes.windows(4).position(|window| window == b"\r\n\r\n")? + 4;
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
        drop((splitter, output));
        let mut written = Vec::new();
        write_frames(&queue, &mut written);

        let mut expected = first;
        expected.extend_from_slice(&second);
        assert_eq!(&written[..expected.len()], &expected[..]);
        let text = String::from_utf8(written[expected.len()..].to_vec()).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let message: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(message["method"], "textDocument/publishDiagnostics");
        assert_eq!(message["params"]["version"], 3);
        assert_eq!(message["params"]["diagnostics"], serde_json::json!([]));
    }
}
