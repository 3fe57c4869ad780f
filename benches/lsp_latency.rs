//! Edit-to-diagnostics latency of the real language server, as an editor sees it.
//!
//! Starts the built `amends lsp` and speaks JSON-RPC to it over standard input and output. For
//! each generated draft (2 KB, 100 KB and 1 MB of apology prose, `support/drafts.rs`) it opens the
//! draft, then applies small incremental edits (`didChange`: a word typed at the start of a line
//! in the middle of the draft, then deleted again), one at a time, and times each from the
//! notification written to the `publishDiagnostics` of that version read back. It prints the
//! median and 95th percentile per draft, and the server's peak memory (`VmHWM`, Linux).
//!
//! Run: `cargo bench --bench lsp_latency` (`-- --edits 50` for more edits per draft).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod support {
    pub mod drafts;
}
use support::drafts::draft;

/// Edits timed per draft unless `--edits N` says otherwise.
const DEFAULT_EDITS: usize = 20;

/// The word each edit types and the next one deletes.
const TYPED: &str = "truly ";

struct Server {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_amends"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the amends binary starts");
        let input = child.stdin.take().expect("piped stdin");
        let output = BufReader::new(child.stdout.take().expect("piped stdout"));
        Server {
            child,
            input,
            output,
            next_id: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("server input");
        self.input.flush().expect("server input");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message from the server; the server's own requests are answered with `null`.
    fn receive(&mut self) -> Value {
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                let read = self.output.read_line(&mut line).expect("server output");
                assert!(read > 0, "the server closed its output");
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            self.output.read_exact(&mut body).expect("server output");
            let message: Value = serde_json::from_slice(&body).expect("JSON from the server");
            if message.get("method").is_some() && message.get("id").is_some() {
                let answer = json!({ "jsonrpc": "2.0", "id": message["id"], "result": null });
                self.send(&answer);
                continue;
            }
            return message;
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
        }
    }

    /// Wait for the diagnostics of `version` of `uri` (those of older versions are skipped).
    fn diagnostics_of(&mut self, uri: &str, version: i64) {
        loop {
            let message = self.receive();
            let params = &message["params"];
            if message["method"] == "textDocument/publishDiagnostics"
                && params["uri"] == uri
                && params["version"] == version
            {
                return;
            }
        }
    }

    /// The server's peak resident memory so far, where the system tells.
    fn peak_memory(&self) -> Option<String> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(format!("{:.1} MiB", kilobytes / 1024.0))
    }

    fn stop(mut self) {
        self.call("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

/// The times of `edits` edits to a freshly opened `text`, after one edit not timed (the first
/// lint of a document warms caches an editor's user has long warmed).
fn time_edits(
    server: &mut Server,
    uri: &str,
    text: &str,
    edits: usize,
) -> (Duration, Vec<Duration>) {
    let opened = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    server.diagnostics_of(uri, 1);
    let open_time = opened.elapsed();

    // The line in the middle of the draft; character 0 is the same in every position encoding.
    let line = text[..text.len() / 2].matches('\n').count();
    let mut times = Vec::with_capacity(edits);
    for version in 2..=(edits as i64 + 2) {
        // Even versions type the word, odd ones delete it again: the draft keeps its size.
        let typing = version % 2 == 0;
        let (end, inserted) = if typing {
            (0, TYPED)
        } else {
            (TYPED.len(), "")
        };
        let change = json!({
            "range": {
                "start": { "line": line, "character": 0 },
                "end": { "line": line, "character": end },
            },
            "text": inserted,
        });
        let sent = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [change] }),
        );
        server.diagnostics_of(uri, version);
        if version > 2 {
            times.push(sent.elapsed());
        }
    }
    server.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    (open_time, times)
}

/// The value at `fraction` of the sorted `times` (nearest rank).
fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn milliseconds(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo bench` passes `--bench`; the only option of our own is `--edits N`.
    let arguments: Vec<String> = std::env::args().collect();
    let edits = arguments
        .iter()
        .position(|argument| argument == "--edits")
        .and_then(|at| arguments.get(at + 1)?.parse().ok())
        .unwrap_or(DEFAULT_EDITS)
        .max(1);

    let mut server = Server::start();
    let capabilities = json!({
        "general": { "positionEncodings": ["utf-8"] },
        "textDocument": { "publishDiagnostics": { "versionSupport": true } },
    });
    server.call(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
    );
    server.notify("initialized", json!({}));

    println!("amends lsp: edit → publishDiagnostics, {edits} edits per draft");
    println!(
        "{:<8} {:>10} {:>10} {:>10} {:>10} {:>12}",
        "draft", "bytes", "open", "median", "p95", "peak memory"
    );
    for (name, size) in [
        ("2 KB", 2 * 1024),
        ("100 KB", 100 * 1024),
        ("1 MB", 1024 * 1024),
    ] {
        let text = draft(size);
        let uri = format!("file:///bench/apology-{}.md", size / 1024);
        let (open_time, mut times) = time_edits(&mut server, &uri, &text, edits);
        times.sort();
        println!(
            "{:<8} {:>10} {:>10} {:>10} {:>10} {:>12}",
            name,
            text.len(),
            milliseconds(open_time),
            milliseconds(percentile(&times, 0.5)),
            milliseconds(percentile(&times, 0.95)),
            server.peak_memory().unwrap_or_else(|| "?".to_owned()),
        );
    }
    server.stop();
}
