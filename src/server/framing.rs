//! A guard in front of the protocol reader: only well-formed messages reach tower-lsp-server.
//!
//! tower-lsp-server reads standard input through a framed codec that ends the stream at the
//! first message it cannot decode: one garbled message from a client would stop the server and
//! lose every open document. So standard input is read here first, frame by frame; a frame with
//! a bad header, a body that is not UTF-8 JSON, or JSON that is not a JSON-RPC message is logged
//! and dropped, and the reader goes on with the next frame. Good frames are passed on unchanged.

use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{Request, Response};

use crate::server::lifecycle;

/// Bytes buffered between the guard and the server; a larger message just flows through in parts.
const PIPE_CAPACITY: usize = 1 << 16;

/// Standard input, cleaned of malformed messages. The guard runs as a task on the current
/// runtime until standard input closes.
pub fn guarded_stdin() -> impl AsyncRead {
    let (reader, mut writer) = tokio::io::duplex(PIPE_CAPACITY);
    tokio::spawn(async move {
        let mut input = BufReader::new(tokio::io::stdin());
        let mut initialize_seen = false;
        while let Some(body) = next_frame(&mut input).await {
            if let Err(problem) = check(&body) {
                tracing::error!("dropped a malformed message: {problem}");
                continue;
            }
            let body = without_empty_params(body);
            if !initialize_seen {
                initialize_seen = note_newer_capabilities(&body);
            }
            if is_exit(&body) {
                lifecycle::exit_received();
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

/// Set from the raw `initialize` request: the client applies LSP 3.18 snippet edits
/// (`workspace.workspaceEdit.snippetEditSupport`), which the protocol types do not model yet.
static SNIPPET_EDITS: AtomicBool = AtomicBool::new(false);

/// Whether the client said at `initialize` that it applies snippet edits.
pub fn client_applies_snippet_edits() -> bool {
    SNIPPET_EDITS.load(Ordering::Relaxed)
}

/// Reads what the typed `initialize` parameters drop, if `body` is the `initialize` request
/// (then returns true). The flag is set before the message is passed on, so the `initialize`
/// handler sees it.
fn note_newer_capabilities(body: &[u8]) -> bool {
    let Ok(message) = serde_json::from_slice::<serde_json::Value>(body) else {
        return false;
    };
    if message["method"] != "initialize" {
        return false;
    }
    let snippets =
        &message["params"]["capabilities"]["workspace"]["workspaceEdit"]["snippetEditSupport"];
    SNIPPET_EDITS.store(snippets == true, Ordering::Relaxed);
    true
}

/// The `exit` notification.
fn is_exit(body: &[u8]) -> bool {
    // Cheap first: only a small message can be `exit`.
    body.len() < 200
        && serde_json::from_slice::<serde_json::Value>(body)
            .is_ok_and(|message| message["method"] == "exit" && message.get("id").is_none())
}

/// Why a frame's body is not a message.
fn check(body: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(body).map_err(|error| format!("not UTF-8: {error}"))?;
    if text.parse::<Request>().is_ok() || text.parse::<Response>().is_ok() {
        return Ok(());
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(error) => Err(format!("not JSON: {error}")),
        Ok(_) => Err("JSON, but not a JSON-RPC request, notification or response".to_owned()),
    }
}

/// The body of the next frame; `None` at the end of input. A header block without a valid
/// `Content-Length` is logged and skipped.
async fn next_frame(input: &mut (impl AsyncBufReadExt + Unpin)) -> Option<Vec<u8>> {
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        let mut line = String::new();
        loop {
            line.clear();
            if input.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let trimmed = line.trim_end_matches(['\r', '\n']);
            if trimmed.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = trimmed.split_once(':')
                && name.trim().eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().ok();
            }
        }
        let Some(length) = length else {
            tracing::error!("dropped a message without a valid Content-Length header");
            continue;
        };
        let mut body = vec![0; length];
        input.read_exact(&mut body).await.ok()?;
        return Some(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_json_rpc_messages_pass() {
        assert!(check(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        assert!(check(b"{ not json").unwrap_err().starts_with("not JSON"));
        assert!(check(b"[1, 2]").unwrap_err().contains("not a JSON-RPC"));
        assert!(check(b"\xff\xfe").unwrap_err().starts_with("not UTF-8"));
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

    #[test]
    fn frames_are_read_and_bad_headers_skipped() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let input: &[u8] = b"Content-Length: 2\r\n\r\n{}Content-Type: x\r\n\r\n\
                             Content-Length: 4\r\nContent-Type: utf-8\r\n\r\nnull";
        let mut reader = BufReader::new(input);
        runtime.block_on(async {
            assert_eq!(next_frame(&mut reader).await.as_deref(), Some(&b"{}"[..]));
            // The header block without a length is skipped; the next frame is read.
            assert_eq!(next_frame(&mut reader).await.as_deref(), Some(&b"null"[..]));
            assert_eq!(next_frame(&mut reader).await, None);
        });
    }
}
