//! A small LSP client for the tests: starts the built `amends lsp` and speaks JSON-RPC to it over
//! its standard input and output, as an editor would.
//!
//! A reader thread answers the server's own requests at once (`workspace/configuration` from
//! [`LspClient::set_settings`], `workspace/applyEdit` by accepting, everything else with `null`)
//! and hands notifications, responses and those requests to the test, in the order they came.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any single wait may take: generous, because debug builds on a loaded machine are
/// slow, and a timeout is a failure, not a measurement.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct LspClient {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    incoming: Receiver<Value>,
    /// Notifications received but not yet asked for.
    notifications: VecDeque<Value>,
    /// Server-to-client requests, in arrival order (method and params).
    pub server_requests: Arc<Mutex<Vec<Value>>>,
    settings: Arc<Mutex<Value>>,
    stderr: Arc<Mutex<String>>,
    next_id: i64,
}

fn write_message(stdin: &Mutex<ChildStdin>, message: &Value) {
    let body = message.to_string();
    let mut stdin = stdin.lock().unwrap();
    // The server may have exited on purpose (the exit test); a failed write then is expected.
    let _ = write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body);
    let _ = stdin.flush();
}

/// Read one framed message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl LspClient {
    /// Start `amends lsp --stdio` in `directory` (the current directory when `None`).
    pub fn start(directory: Option<&std::path::Path>) -> LspClient {
        let mut command = Command::new(env!("CARGO_BIN_EXE_amends"));
        command
            .args(["lsp", "--stdio"])
            .env("AMENDS_LOG", "debug")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(directory) = directory {
            command.current_dir(directory);
        }
        let mut child = command.spawn().expect("the amends binary starts");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let stderr_pipe = child.stderr.take().unwrap();
        let (sender, incoming) = channel();
        let server_requests = Arc::new(Mutex::new(Vec::new()));
        let settings = Arc::new(Mutex::new(Value::Null));
        let stderr = Arc::new(Mutex::new(String::new()));

        {
            let stdin = Arc::clone(&stdin);
            let server_requests = Arc::clone(&server_requests);
            let settings = Arc::clone(&settings);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stdout);
                while let Some(message) = read_message(&mut reader) {
                    let is_request = message.get("method").is_some() && message.get("id").is_some();
                    if !is_request {
                        if sender.send(message).is_err() {
                            return;
                        }
                        continue;
                    }
                    let result = match message["method"].as_str() {
                        Some("workspace/configuration") => {
                            let items = message["params"]["items"].as_array().map_or(0, Vec::len);
                            Value::Array(vec![settings.lock().unwrap().clone(); items])
                        }
                        Some("workspace/applyEdit") => json!({ "applied": true }),
                        _ => Value::Null,
                    };
                    write_message(
                        &stdin,
                        &json!({ "jsonrpc": "2.0", "id": message["id"], "result": result }),
                    );
                    server_requests.lock().unwrap().push(message.clone());
                    // In the stream too, so a test can see when it came.
                    if sender.send(message).is_err() {
                        return;
                    }
                }
            });
        }
        {
            let stderr = Arc::clone(&stderr);
            std::thread::spawn(move || {
                let mut lines = BufReader::new(stderr_pipe).lines();
                while let Some(Ok(line)) = lines.next() {
                    let mut log = stderr.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        LspClient {
            child,
            stdin,
            incoming,
            notifications: VecDeque::new(),
            server_requests,
            settings,
            stderr,
            next_id: 0,
        }
    }

    /// What `workspace/configuration` answers for every item from now on.
    pub fn set_settings(&self, settings: Value) {
        *self.settings.lock().unwrap() = settings;
    }

    /// The server's log so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Whether the server's log says `phrase`, waiting for it a while: standard error is read
    /// on a thread of its own, so a line can come after a response that followed it.
    pub fn log_says(&self, phrase: &str) -> bool {
        let deadline = Instant::now() + TIMEOUT;
        while !self.stderr().contains(phrase) {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        true
    }

    /// The server's peak resident memory so far in KiB (Linux's `VmHWM`), if known.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    }

    /// Send `body` framed with its length, whatever it holds.
    pub fn send_raw(&self, body: &str) {
        self.send_bytes(format!("Content-Length: {}\r\n\r\n{}", body.len(), body).as_bytes());
    }

    /// Send bytes as they are, framing included.
    pub fn send_bytes(&self, bytes: &[u8]) {
        let mut stdin = self.stdin.lock().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn notify(&self, method: &str, params: Value) {
        write_message(
            &self.stdin,
            &json!({ "jsonrpc": "2.0", "method": method, "params": params }),
        );
    }

    /// Send a request and wait for its response (the whole response: `result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        write_message(
            &self.stdin,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        );
        self.response_to(json!(id))
    }

    /// Wait for the response with `id`, keeping notifications that arrive meanwhile.
    pub fn response_to(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next_message(deadline).unwrap_or_else(|| {
                panic!(
                    "no response to request {id}; server log:\n{}",
                    self.stderr()
                )
            });
            if message.get("method").is_some() {
                self.notifications.push_back(message);
            } else if message["id"] == id {
                return message;
            }
        }
    }

    /// Send a request without waiting for its response (read it later with
    /// [`LspClient::response_to`] or [`LspClient::messages_until`]).
    pub fn send_request(&self, id: &str, method: &str, params: Value) {
        write_message(
            &self.stdin,
            &json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }),
        );
    }

    /// Every message from the server (responses and notifications, in the order they arrived)
    /// until `done` holds for the messages so far.
    pub fn messages_until(&mut self, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + TIMEOUT;
        let mut seen: Vec<Value> = self.notifications.drain(..).collect();
        while !done(&seen) {
            let message = self.next_message(deadline).unwrap_or_else(|| {
                panic!(
                    "timed out; received {} messages; server log:\n{}",
                    seen.len(),
                    self.stderr()
                )
            });
            seen.push(message);
        }
        seen
    }

    /// The result of a request that must succeed.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        // Timed out, or the server's output closed.
        self.incoming.recv_timeout(left).ok()
    }

    /// The first notification (already received or still to come) that `wanted` accepts; the
    /// ones before it are dropped.
    pub fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.notifications.iter().position(&wanted) {
            self.notifications.drain(..index);
            return self.notifications.pop_front().unwrap();
        }
        self.notifications.clear();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self.next_message(deadline).unwrap_or_else(|| {
                panic!(
                    "timed out waiting for {what}; server log:\n{}",
                    self.stderr()
                )
            });
            if message.get("method").is_some() && wanted(&message) {
                return message;
            }
        }
    }

    /// Collect notifications for `duration` (to check that something does *not* arrive).
    pub fn notifications_during(&mut self, duration: Duration) -> Vec<Value> {
        let deadline = Instant::now() + duration;
        let mut seen: Vec<Value> = self.notifications.drain(..).collect();
        while let Some(message) = self.next_message(deadline) {
            if message.get("method").is_some() {
                seen.push(message);
            }
        }
        seen
    }

    /// The next `publishDiagnostics` for `uri` with at least `version`.
    pub fn diagnostics_for(&mut self, uri: &str, version: i64) -> Value {
        self.wait_for(&format!("diagnostics for {uri} v{version}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"]
                    .as_i64()
                    .is_some_and(|v| v >= version)
        })["params"]
            .clone()
    }

    /// `initialize` + `initialized` with these client capabilities and options.
    pub fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let result = self.call(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text
            } }),
        );
    }

    pub fn replace_all(&self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    /// `shutdown` then `exit`; the exit status of the server.
    pub fn shutdown(mut self) -> std::process::ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert!(result.get("error").is_none(), "shutdown failed: {result}");
        self.notify("exit", Value::Null);
        self.wait_for_exit()
    }

    /// Wait until the server process has ended.
    pub fn wait_for_exit(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the server") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Capabilities of a typical push-diagnostics client, with `encodings` offered.
pub fn capabilities(encodings: &[&str]) -> Value {
    json!({
        "general": { "positionEncodings": encodings },
        "textDocument": {
            "publishDiagnostics": { "versionSupport": true },
            "codeAction": { "codeActionLiteralSupport": {
                "codeActionKind": { "valueSet": ["quickfix", "source", "source.fixAll"] }
            } },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
        },
        "workspace": {
            "configuration": true,
            "applyEdit": true,
            "workspaceEdit": { "documentChanges": true, "resourceOperations": ["create"] },
        },
    })
}

/// The position of byte `offset` of `text` in `encoding` ("utf-8", "utf-16", "utf-32"),
/// counted here independently of the server's own conversion.
pub fn position_at(text: &str, offset: usize, encoding: &str) -> (u64, u64) {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |index| index + 1);
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    let column = &before[line_start..];
    let character = match encoding {
        "utf-8" => column.len(),
        "utf-16" => column.encode_utf16().count(),
        _ => column.chars().count(),
    };
    (line as u64, character as u64)
}

/// Apply LSP text edits (in `encoding`) to `text`, as an editor would.
pub fn apply_text_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let offset_of = |position: &Value| -> usize {
        let (line, character) = (
            position["line"].as_u64().unwrap(),
            position["character"].as_u64().unwrap(),
        );
        (0..=text.len())
            .filter(|&offset| text.is_char_boundary(offset))
            .find(|&offset| position_at(text, offset, encoding) == (line, character))
            .unwrap_or_else(|| panic!("position {position} is not in the text"))
    };
    let mut ranged: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset_of(&edit["range"]["start"]),
                offset_of(&edit["range"]["end"]),
                edit["newText"].as_str().unwrap(),
            )
        })
        .collect();
    ranged.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut result = text.to_owned();
    for (start, end, new_text) in ranged {
        result.replace_range(start..end, new_text);
    }
    result
}
