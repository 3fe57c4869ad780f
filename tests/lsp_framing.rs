//! The language server under malformed input frames: after any of them it answers the next
//! request, says in one log line what it dropped, and never crashes or allocates what a header
//! claims. The built `amends lsp` binary, over its standard input and output.

// This file uses only the client's frame-level half.
#[allow(dead_code)]
mod support;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use support::lsp_client::{LspClient, TIMEOUT, capabilities};

const URI: &str = "file:///drafts/reply.md";
const DRAFT: &str = "We are sorry for the slight delay. We will refund you today.\n";

/// A request the server must answer: a hover on a document that is not open gets an error.
fn hover_nowhere(client: &mut LspClient) -> Value {
    client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere.md" },
                "position": { "line": 0, "character": 0 } }),
    )
}

/// A notification every bad frame below carries as its body.
const INITIALIZED: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

/// `body` after a header block of the one line `header`.
fn headed(header: &str, body: &str) -> Vec<u8> {
    format!("{header}\r\n\r\n{body}").into_bytes()
}

/// The server's log lines that mention `phrase`, once at least one has arrived (standard error
/// is read on its own thread, so a line may come after the response that followed it).
fn log_lines_with(client: &LspClient, phrase: &str) -> usize {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let count = client
            .stderr()
            .lines()
            .filter(|line| line.contains(phrase))
            .count();
        if count > 0 || Instant::now() > deadline {
            return count;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A frame as a well-behaved client writes it.
fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Send `bad`, then prove the server still reads: a request is answered, a document opened
/// afterwards gets its diagnostics, and `shutdown` + `exit` end it with status 0. The log says
/// what was dropped in exactly one line containing `logged`.
fn survives(name: &str, bad: &[u8], logged: &str) {
    let mut client = LspClient::start(None);
    client.initialize(capabilities(&["utf-16"]), Value::Null);
    client.send_bytes(bad);
    let response = hover_nowhere(&mut client);
    assert!(
        response["error"]["message"]
            .as_str()
            .is_some_and(|message| message.contains("not open")),
        "{name}: {response}"
    );
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    assert!(published["diagnostics"].is_array(), "{name}");
    assert_eq!(
        log_lines_with(&client, logged),
        1,
        "{name}: one log line with {logged:?}:\n{}",
        client.stderr()
    );
    let status = client.shutdown();
    assert_eq!(status.code(), Some(0), "{name}");
}

#[test]
fn a_negative_content_length_is_dropped_and_the_server_reads_on() {
    let bad = headed("Content-Length: -5", INITIALIZED);
    survives("negative", &bad, "bad Content-Length \"-5\"");
}

#[test]
fn a_content_length_that_is_not_a_number_is_dropped_and_the_server_reads_on() {
    let bad = headed("Content-Length: twelve", INITIALIZED);
    survives("not a number", &bad, "bad Content-Length \"twelve\"");
}

#[test]
fn a_frame_without_content_length_is_dropped_and_the_server_reads_on() {
    let header = "Content-Type: application/vscode-jsonrpc; charset=utf-8";
    let bad = headed(header, INITIALIZED);
    survives("missing", &bad, "without a valid Content-Length");
}

#[test]
fn a_content_length_too_short_drops_only_that_frame() {
    let header = format!("Content-Length: {}", INITIALIZED.len() - 10);
    let bad = headed(&header, INITIALIZED);
    survives("too short", &bad, "dropped a malformed message: not JSON");
}

#[test]
fn a_content_length_too_long_drops_only_that_frame() {
    // The claimed length runs into the next frame: its header shows where the next message
    // starts, so the server need not wait for bytes that never come.
    let header = format!("Content-Length: {}", INITIALIZED.len() + 300);
    let bad = headed(&header, INITIALIZED);
    survives(
        "too long",
        &bad,
        "cut short by the next Content-Length header",
    );
}

#[test]
fn a_content_length_of_a_hundred_gigabytes_is_refused_without_allocating_it() {
    let bad = headed("Content-Length: 100000000000", INITIALIZED);
    survives("100 GB", &bad, "over the 64 MiB limit");
}

#[test]
fn a_content_length_of_the_largest_integer_is_refused() {
    let bad = headed("Content-Length: 18446744073709551615", "{}");
    survives("u64::MAX", &bad, "over the 64 MiB limit");
    let bad = headed("Content-Length: 99999999999999999999999999", "{}");
    survives("past u64", &bad, "over the 64 MiB limit");
}

#[test]
fn a_header_line_that_is_not_utf8_is_skipped() {
    survives(
        "not UTF-8",
        b"\xff\r\n\r\n",
        "without a valid Content-Length",
    );
}

#[test]
fn every_bad_frame_in_a_row_is_logged_once_and_the_next_good_one_is_read() {
    let mut client = LspClient::start(None);
    client.initialize(capabilities(&["utf-16"]), Value::Null);
    let mut bad = b"\xff\xfe\r\n\r\n".to_vec();
    for header in [
        "Content-Length: -1",
        "Content-Length: abc",
        "Content-Length: 100000000000",
    ] {
        bad.extend_from_slice(&headed(header, INITIALIZED));
    }
    bad.extend_from_slice(&frame("{ not json"));
    client.send_bytes(&bad);
    // The request itself arrives in pieces, as a slow pipe delivers it.
    let request = r#"{"jsonrpc":"2.0","id":"late","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"position":{"line":0,"character":0}}}"#;
    for piece in frame(request).chunks(7) {
        client.send_bytes(piece);
    }
    let response = client.response_to(json!("late"));
    assert!(response.get("error").is_some(), "{response}");
    for phrase in [
        "bad Content-Length \"-1\"",
        "bad Content-Length \"abc\"",
        "over the 64 MiB limit",
        "dropped a malformed message: not JSON",
        "without a valid Content-Length",
    ] {
        assert_eq!(
            log_lines_with(&client, phrase),
            1,
            "{phrase}:\n{}",
            client.stderr()
        );
    }
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn a_message_over_the_limit_is_skipped_as_it_streams_past() {
    // 65 MiB of a real (if pointless) message: read past without being kept, and the server
    // answers the request after it.
    let mut client = LspClient::start(None);
    client.initialize(capabilities(&["utf-16"]), Value::Null);
    let padding = "x".repeat(65 << 20);
    let body = format!(r#"{{"jsonrpc":"2.0","method":"$/padding","params":{{"x":"{padding}"}}}}"#);
    client.send_bytes(&frame(&body));
    drop((body, padding));
    let response = hover_nowhere(&mut client);
    assert!(response.get("error").is_some(), "{response}");
    assert_eq!(log_lines_with(&client, "over the 64 MiB limit"), 1);
    assert_eq!(client.shutdown().code(), Some(0));
}
