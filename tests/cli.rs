//! The `amends` binary on real files: exit codes, output shapes, configuration, fixes, positions.
//!
//! Each test runs the built binary in a temporary directory, as a user would. The tests in
//! [`with_rules`] need the real rules to fire on unmistakable phrases ("Mistakes were made.",
//! "We're sorry, but we cannot refund opened items."); the others hold whatever the registry
//! contains.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// What a run of the binary left behind.
#[derive(Debug)]
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
    }

    #[track_caller]
    fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// The binary, with the color environment cleared so output does not depend on the shell.
fn amends() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_amends"));
    for variable in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(variable);
    }
    command
}

fn run(command: &mut Command) -> Outcome {
    let output = command.output().expect("the binary runs");
    Outcome {
        code: output.status.code().expect("exited normally"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Run `amends` with `args` in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    run(amends().current_dir(dir).args(args))
}

/// A temporary directory holding `files` (path → contents).
fn workspace(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, contents) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/cli", name]
        .iter()
        .collect();
    fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

const NOT_AN_APOLOGY: &[u8] = b"Thanks for reporting this. The fix ships on Monday.\n";

/// The paths in a JSON report, in order.
fn paths(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .expect("files is an array")
        .iter()
        .map(|file| {
            file["path"]
                .as_str()
                .expect("path is a string")
                .replace('\\', "/")
        })
        .collect()
}

/// Checks every key and type of the JSON contract (issue 2, "JSON output") on a whole report.
#[track_caller]
fn assert_json_shape(report: &Value) {
    let object_keys = |value: &Value| -> Vec<String> {
        let mut keys: Vec<String> = value
            .as_object()
            .unwrap_or_else(|| panic!("an object: {value}"))
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(object_keys(report), ["files"]);
    for file in report["files"].as_array().expect("files is an array") {
        assert_eq!(
            object_keys(file),
            [
                "findings",
                "gate",
                "is_apology",
                "language",
                "path",
                "summary"
            ]
        );
        assert!(file["path"].is_string());
        let gate = &file["gate"];
        assert_eq!(
            object_keys(gate),
            ["apologies", "forced", "reasons", "score", "threshold"]
        );
        let reasons = gate["reasons"].as_array().expect("reasons is an array");
        let points: i64 = reasons
            .iter()
            .map(|reason| {
                assert_eq!(object_keys(reason), ["feature", "points"]);
                assert!(reason["feature"].is_string());
                reason["points"].as_i64().expect("points are a number")
            })
            .sum();
        assert_eq!(
            gate["score"].as_i64(),
            Some(points),
            "the reasons add up to the score"
        );
        for apology in gate["apologies"].as_array().expect("apologies is an array") {
            assert_eq!(object_keys(apology), ["end", "start", "text", "voice"]);
            assert!(matches!(
                apology["voice"].as_str(),
                Some("writer" | "reported" | "passing")
            ));
        }
        assert!(matches!(file["language"].as_str(), Some("en" | "nl")));
        let is_apology = file["is_apology"].as_bool().expect("is_apology is a bool");
        let findings = file["findings"].as_array().expect("findings is an array");
        if is_apology {
            let summary = &file["summary"];
            assert_eq!(object_keys(summary), ["components", "evidence", "score"]);
            let score = summary["score"].as_u64().expect("score is a number");
            assert!(score <= 100);
            assert_eq!(
                object_keys(&summary["components"]),
                [
                    "empathy",
                    "explanation",
                    "forgiveness",
                    "prevention",
                    "remedy",
                    "responsibility"
                ]
            );
            for (component, present) in summary["components"].as_object().unwrap() {
                assert!(present.is_boolean());
                // Every present component shows the words it was found in, and only those.
                let evidence = &summary["evidence"][component];
                assert_eq!(present.as_bool(), Some(!evidence.is_null()), "{component}");
                if !evidence.is_null() {
                    assert_eq!(object_keys(evidence), ["end", "start", "text"]);
                }
            }
        } else {
            assert!(file["summary"].is_null(), "no summary when not an apology");
        }
        for finding in findings {
            assert_eq!(
                object_keys(finding),
                [
                    "column",
                    "end",
                    "end_column",
                    "end_line",
                    "fixes",
                    "line",
                    "message",
                    "rule",
                    "severity",
                    "start",
                    "text"
                ]
            );
            for key in ["rule", "message", "text"] {
                assert!(finding[key].is_string(), "{key}");
            }
            assert!(matches!(
                finding["severity"].as_str(),
                Some("hint" | "info" | "warning" | "error")
            ));
            for key in ["start", "end", "line", "column", "end_line", "end_column"] {
                assert!(finding[key].is_u64(), "{key}");
            }
            assert!(finding["start"].as_u64() <= finding["end"].as_u64());
            assert!(finding["line"].as_u64().unwrap() >= 1);
            assert!(finding["column"].as_u64().unwrap() >= 1);
            for fix in finding["fixes"].as_array().expect("fixes is an array") {
                assert_eq!(object_keys(fix), ["edits", "safety", "title"]);
                assert!(fix["title"].is_string());
                assert!(matches!(
                    fix["safety"].as_str(),
                    Some("safe" | "unsafe" | "display-only")
                ));
                for edit in fix["edits"].as_array().expect("edits is an array") {
                    assert_eq!(object_keys(edit), ["end", "replacement", "start"]);
                    assert!(edit["start"].is_u64() && edit["end"].is_u64());
                    assert!(edit["replacement"].is_string());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Standard input, exit codes and formats that hold whatever the registry contains.

#[test]
fn a_note_that_is_not_an_apology_exits_0_with_one_quiet_line() {
    let dir = workspace(&[]);
    let outcome = run(amends()
        .current_dir(dir.path())
        .args(["check", "-"])
        .write_stdin(NOT_AN_APOLOGY));
    outcome.expect_code(0);
    assert!(
        outcome
            .stdout
            .contains("-: not an apology — nothing to check"),
        "{}",
        outcome.stdout
    );
    assert!(outcome.stderr.is_empty(), "{}", outcome.stderr);
}

/// The Dutch issue: the detected language is in the JSON and the human summary, messages speak
/// Dutch by default, and `language` / `messages` in `amends.toml` change both.
#[test]
fn a_dutch_draft_reports_its_language_and_speaks_dutch() {
    let draft: &[u8] = "Het spijt me als u last heeft gehad van de vertraging.\n".as_bytes();
    let dir = workspace(&[("antwoord.txt", draft)]);
    let outcome = run_in(dir.path(), &["check", "--format", "json", "antwoord.txt"]);
    let report = outcome.json();
    assert_json_shape(&report);
    let file = &report["files"][0];
    assert_eq!(file["language"], "nl");
    let messages: Vec<&str> = file["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| finding["message"].as_str().expect("a message"))
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("voorwaardelijk")),
        "{messages:?}"
    );

    let human = run_in(dir.path(), &["check", "--color", "never", "antwoord.txt"]);
    assert!(
        human.stdout.contains("antwoord.txt: apology strength ") && human.stdout.contains("(nl)"),
        "{}",
        human.stdout
    );

    fs::write(dir.path().join("amends.toml"), "messages = \"en\"\n").unwrap();
    let english = run_in(dir.path(), &["check", "--format", "json", "antwoord.txt"]).json();
    let message = english["files"][0]["findings"][0]["message"]
        .as_str()
        .unwrap_or("");
    assert!(!message.contains("excuses"), "{message}");

    fs::write(dir.path().join("amends.toml"), "language = \"en\"\n").unwrap();
    let forced = run_in(dir.path(), &["check", "--format", "json", "antwoord.txt"]).json();
    assert_eq!(forced["files"][0]["language"], "en");
}

#[test]
fn no_path_reads_standard_input_and_calls_it_dash() {
    let dir = workspace(&[]);
    let outcome = run(amends()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .write_stdin(NOT_AN_APOLOGY));
    outcome.expect_code(0);
    let report = outcome.json();
    assert_json_shape(&report);
    assert_eq!(paths(&report), ["-"]);
    assert_eq!(report["files"][0]["is_apology"], false);
    assert_eq!(report["files"][0]["summary"], Value::Null);
    assert_eq!(report["files"][0]["findings"], serde_json::json!([]));
}

#[test]
fn a_forced_apology_has_a_summary_in_json_and_in_the_human_output() {
    let dir = workspace(&[
        ("amends.toml", b"apology = \"always\"\n"),
        ("note.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(dir.path(), &["check", "--format", "json", "note.md"]);
    let report = outcome.json();
    assert_json_shape(&report);
    assert_eq!(report["files"][0]["is_apology"], true);
    assert!(report["files"][0]["summary"]["score"].is_u64());

    let human = run_in(dir.path(), &["check", "--color", "never", "note.md"]);
    assert!(
        human.stdout.contains("note.md: apology strength "),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("/100"), "{}", human.stdout);
    assert!(human.stdout.contains("responsibility"), "{}", human.stdout);

    let quiet = run_in(dir.path(), &["check", "--no-summary", "note.md"]);
    assert!(
        !quiet.stdout.contains("apology strength"),
        "{}",
        quiet.stdout
    );
}

#[test]
fn sarif_output_is_a_2_1_0_log() {
    let dir = workspace(&[("note.md", NOT_AN_APOLOGY)]);
    let outcome = run_in(dir.path(), &["check", "--format", "sarif", "note.md"]);
    outcome.expect_code(0);
    let log = outcome.json();
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "amends");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), amends::rules::registry().len());
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["help"]["markdown"].is_string());
        assert!(matches!(
            rule["defaultConfiguration"]["level"].as_str(),
            Some("error" | "warning" | "note")
        ));
    }
    assert_eq!(run["results"], serde_json::json!([]));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--fail-on", "fatal"],
        &["check", "--color", "sometimes"],
        &["frobnicate"],
    ] {
        let outcome = run(amends().args(args));
        outcome.expect_code(2);
        assert!(!outcome.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn the_language_server_ends_quietly_when_its_input_closes() {
    // `--stdio` is accepted; with nothing to read, the server stops without writing to stdout,
    // which belongs to the protocol.
    let outcome = run(amends().args(["lsp", "--stdio"]).write_stdin(""));
    outcome.expect_code(0);
    assert_eq!(outcome.stdout, "");
}

#[test]
fn colors_follow_the_flag_and_no_color() {
    let dir = workspace(&[("note.md", NOT_AN_APOLOGY)]);
    let always = run_in(dir.path(), &["check", "--color", "always", "note.md"]);
    assert!(always.stdout.contains('\u{1b}'), "{:?}", always.stdout);
    let never = run_in(dir.path(), &["check", "--color", "never", "note.md"]);
    assert!(!never.stdout.contains('\u{1b}'), "{:?}", never.stdout);
    // Not a terminal, and NO_COLOR: plain either way under `auto`.
    let auto = run(amends()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "note.md"]));
    assert!(!auto.stdout.contains('\u{1b}'), "{:?}", auto.stdout);
}

// ---------------------------------------------------------------------------------------------
// Files: unreadable ones, directories, ignore files.

#[test]
fn a_file_that_is_not_utf8_is_named_and_the_others_are_still_checked() {
    let mut latin1 = b"Sorry for the late cr".to_vec();
    latin1.push(0xE8); // "è" in Latin-1: not UTF-8.
    latin1.extend_from_slice(b"me br\xFBl\xE9e.\n");
    let dir = workspace(&[
        ("a.md", NOT_AN_APOLOGY),
        ("reply.txt", &latin1),
        ("c.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(
        dir.path(),
        &["check", "--format", "json", "a.md", "reply.txt", "c.md"],
    );
    outcome.expect_code(2);
    assert_eq!(
        outcome.stderr.trim_end(),
        "amends: reply.txt: not valid UTF-8 (byte 21); skipped"
    );
    let report = outcome.json();
    assert_json_shape(&report);
    assert_eq!(paths(&report), ["a.md", "c.md"]);
}

#[test]
fn a_missing_file_is_named_and_the_others_are_still_checked() {
    let dir = workspace(&[("a.md", NOT_AN_APOLOGY)]);
    let outcome = run_in(dir.path(), &["check", "missing.md", "a.md"]);
    outcome.expect_code(2);
    assert!(
        outcome
            .stderr
            .starts_with("amends: missing.md: no such file or directory"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stdout.contains("a.md: not an apology"));
    assert!(
        outcome.stdout.contains("1 file could not be checked"),
        "{}",
        outcome.stdout
    );
}

/// `command`, stopped after `seconds` (a run that hangs, or reads for ever, fails the test instead
/// of the test run).
fn run_within(command: &mut Command, seconds: u64) -> Outcome {
    command.timeout(std::time::Duration::from_secs(seconds));
    let output = command.output().expect("the binary runs");
    Outcome {
        code: output
            .status
            .code()
            .unwrap_or_else(|| panic!("stopped after {seconds} s: {:?}", output.status)),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

#[test]
fn fix_refuses_a_fifo_instead_of_waiting_for_it() {
    let dir = workspace(&[("a.md", NOT_AN_APOLOGY)]);
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let outcome = run_within(
        amends()
            .current_dir(dir.path())
            .args(["check", "--fix", "pipe.md", "a.md"]),
        30,
    );
    outcome.expect_code(2);
    assert!(
        outcome
            .stderr
            .contains("pipe.md: not a regular file: --fix only writes regular files; skipped"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stdout.contains("a.md: not an apology"),
        "{}",
        outcome.stdout
    );
}

#[test]
fn a_file_name_that_is_not_utf8_in_a_folder_is_named_not_skipped_in_silence() {
    use std::os::unix::ffi::OsStrExt;
    let dir = workspace(&[("drafts/a.md", NOT_AN_APOLOGY)]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    fs::write(dir.path().join("drafts").join(name), NOT_AN_APOLOGY).unwrap();
    let outcome = run_in(dir.path(), &["check", "--format", "json", "drafts"]);
    outcome.expect_code(2);
    assert!(
        outcome
            .stderr
            .contains("caf\u{fffd}.md: the file name is not valid UTF-8; rename it to check it"),
        "{}",
        outcome.stderr
    );
    assert_eq!(paths(&outcome.json()), ["drafts/a.md"]);
    // Alone, it is not "no drafts found" and exit 0.
    fs::remove_file(dir.path().join("drafts/a.md")).unwrap();
    let outcome = run_in(dir.path(), &["check", "drafts"]);
    outcome.expect_code(2);
    assert!(!outcome.stderr.contains("no drafts"), "{}", outcome.stderr);
}

#[test]
fn an_endless_device_is_read_up_to_the_limit_only() {
    let outcome = run_within(amends().args(["check", "/dev/zero"]), 60);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains(
            "/dev/zero: larger than 16 MiB, the most amends reads (--max-size raises it); skipped"
        ),
        "{}",
        outcome.stderr
    );
}

#[test]
fn the_size_limit_is_named_and_can_be_raised() {
    let big = "We are sorry for the slight delay. ".repeat(40_000);
    let dir = workspace(&[("big.txt", big.as_bytes())]);
    let outcome = run_in(dir.path(), &["check", "--max-size", "1M", "big.txt"]);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains(
            "big.txt: larger than 1 MiB, the most amends reads (--max-size raises it); skipped"
        ),
        "{}",
        outcome.stderr
    );
    let outcome = run(amends()
        .current_dir(dir.path())
        .args(["check", "--max-size", "1M", "-"])
        .write_stdin(big.clone()));
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("-: larger than 1 MiB"),
        "{}",
        outcome.stderr
    );
    let outcome = run_in(
        dir.path(),
        &["check", "--max-size", "2M", "--format", "json", "big.txt"],
    );
    outcome.expect_code(1);
    let outcome = run_in(dir.path(), &["check", "--max-size", "lots", "big.txt"]);
    outcome.expect_code(2);
    assert!(outcome.stderr.contains("--max-size"), "{}", outcome.stderr);
}

#[test]
fn a_closed_standard_input_is_an_error_not_an_empty_draft() {
    let mut closing = std::process::Command::new("sh");
    closing.arg("-c").arg(format!(
        "exec '{}' check - <&-",
        env!("CARGO_BIN_EXE_amends")
    ));
    let outcome = run_within(&mut Command::from_std(closing), 30);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("-: standard input is closed"),
        "{}",
        outcome.stderr
    );
    // An empty pipe is an empty draft, as before.
    let outcome = run(amends().args(["check", "-"]).write_stdin(""));
    outcome.expect_code(0);
}

#[test]
fn a_draft_written_as_one_long_line_is_shown_around_each_finding() {
    // 1 MB on one line, a finding per sentence: showing the whole line with each finding took
    // the square of its length (hours here); the stretch around each takes a second.
    let sentence = "We are sorry for the slight delay. ";
    let draft = sentence.repeat((1 << 20) / sentence.len());
    let dir = workspace(&[("line.txt", draft.as_bytes())]);
    let outcome = run_within(
        amends()
            .current_dir(dir.path())
            .args(["check", "--color", "never", "line.txt"]),
        60,
    );
    outcome.expect_code(1);
    // The thousandth sentence's finding: its column counts the whole line, its source line is
    // the stretch around it.
    let column = 999 * sentence.len() + "We are sorry for ".len() + 1;
    let origin = format!(" --> line.txt:1:{column}\n");
    let at = outcome
        .stdout
        .find(&origin)
        .unwrap_or_else(|| panic!("{origin:?} in the output"));
    let source_line = outcome.stdout[at + origin.len()..].lines().nth(1).unwrap();
    assert!(
        source_line.starts_with("1 | …") && source_line.len() < 200,
        "{source_line}"
    );
}

#[test]
fn a_directory_is_walked_for_drafts_honouring_ignore_files() {
    let dir = workspace(&[
        (".gitignore", b"ignored.md\nbuild/\n"),
        ("drafts/.ignore", b"old/\n"),
        ("drafts/b-reply.md", NOT_AN_APOLOGY),
        ("drafts/a-note.txt", NOT_AN_APOLOGY),
        (
            "drafts/mail.eml",
            b"Subject: Thanks\n\nThanks for reporting this.\n",
        ),
        ("drafts/long.markdown", NOT_AN_APOLOGY),
        ("drafts/plain.text", NOT_AN_APOLOGY),
        ("drafts/ignored.md", NOT_AN_APOLOGY),
        ("drafts/old/stale.md", NOT_AN_APOLOGY),
        ("build/out.md", NOT_AN_APOLOGY),
        (".hidden/secret.md", NOT_AN_APOLOGY),
        ("drafts/picture.png", b"\x89PNG\r\n"),
        ("drafts/script.py", b"print('sorry')\n"),
        ("top.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(dir.path(), &["check", "--format", "json", "."]);
    outcome.expect_code(0);
    let mut found = paths(&outcome.json());
    found.sort();
    assert_eq!(
        found,
        [
            "./drafts/a-note.txt",
            "./drafts/b-reply.md",
            "./drafts/long.markdown",
            "./drafts/mail.eml",
            "./drafts/plain.text",
            "./top.md",
        ]
    );
    // Files found in a directory are counted, not announced one by one.
    let human = run_in(dir.path(), &["check", "drafts"]);
    assert!(!human.stdout.contains("not an apology"), "{}", human.stdout);
    assert!(
        human
            .stdout
            .contains("Checked 5 files: no apologies, nothing to check."),
        "{}",
        human.stdout
    );
    // A file named on the command line is checked even when ignored or oddly named.
    let named = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "drafts/ignored.md",
            "drafts/script.py",
        ],
    );
    assert_eq!(
        paths(&named.json()),
        ["drafts/ignored.md", "drafts/script.py"]
    );
}

#[test]
fn an_empty_directory_is_a_warning_not_an_error() {
    let dir = workspace(&[("empty/.keep", b"")]);
    let outcome = run_in(dir.path(), &["check", "--format", "json", "empty"]);
    outcome.expect_code(0);
    assert!(outcome.stderr.contains("no drafts"), "{}", outcome.stderr);
    assert_eq!(outcome.json(), serde_json::json!({ "files": [] }));
}

// ---------------------------------------------------------------------------------------------
// Configuration.

#[test]
fn a_broken_amends_toml_names_file_line_and_choices() {
    let dir = workspace(&[
        ("team/amends.toml", b"# team settings\nlanguage = \"fr\"\n"),
        ("team/reply.md", NOT_AN_APOLOGY),
        ("other.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(
        dir.path(),
        &["check", "--format", "json", "team/reply.md", "other.md"],
    );
    outcome.expect_code(2);
    let expected = format!(
        "amends: {}:2:12: invalid language \"fr\"; valid choices: \"auto\", \"en\", \"nl\"",
        Path::new("team").join("amends.toml").display()
    );
    assert_eq!(outcome.stderr.trim_end(), expected);
    // The draft under the broken file is skipped; the other one is checked.
    assert_eq!(paths(&outcome.json()), ["other.md"]);
}

#[test]
fn unknown_keys_and_syntax_errors_are_located() {
    let dir = workspace(&[
        (
            "a/amends.toml",
            b"apology = \"always\"\nlangauge = \"en\"\n",
        ),
        ("a/reply.md", NOT_AN_APOLOGY),
        ("b/amends.toml", b"[rules\n"),
        ("b/reply.md", NOT_AN_APOLOGY),
        ("c/amends.toml", b"[rules]\nno-such-rule = \"off\"\n"),
        ("c/reply.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(dir.path(), &["check", "a/reply.md"]);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains(
            "amends.toml:2:1: unknown key \"langauge\"; did you mean \"language\"? valid keys: \
             \"language\", \"apology\", \"messages\", \"rules\""
        ),
        "{}",
        outcome.stderr
    );
    let outcome = run_in(dir.path(), &["check", "b/reply.md"]);
    outcome.expect_code(2);
    assert!(
        outcome.stderr.contains("amends.toml:1:"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("invalid TOML"),
        "{}",
        outcome.stderr
    );
    let outcome = run_in(dir.path(), &["check", "c/reply.md"]);
    outcome.expect_code(2);
    assert!(
        outcome
            .stderr
            .contains("amends.toml:2:1: unknown rule id \"no-such-rule\" in [rules]"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn the_nearest_amends_toml_wins_without_merging() {
    let dir = workspace(&[
        ("amends.toml", b"apology = \"always\"\n"),
        ("top.md", NOT_AN_APOLOGY),
        ("nested/deeper/amends.toml", b"language = \"en\"\n"),
        ("nested/deeper/reply.md", NOT_AN_APOLOGY),
        ("nested/between.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "top.md",
            "nested/deeper/reply.md",
            "nested/between.md",
        ],
    );
    // Forced apologies get structure findings (exit 1) once the rules exist; no error either way.
    assert_ne!(outcome.code, 2, "{}", outcome.stderr);
    let report = outcome.json();
    let is_apology: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| &file["is_apology"])
        .collect();
    // top.md and between.md are governed by the top file; reply.md by its own, which does not
    // inherit `apology = "always"`.
    assert_eq!(
        is_apology,
        [&Value::Bool(true), &Value::Bool(false), &Value::Bool(true)]
    );
}

#[test]
fn standard_input_finds_the_configuration_from_the_current_directory() {
    let dir = workspace(&[("amends.toml", b"apology = \"always\"\n")]);
    let outcome = run(amends()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "-"])
        .write_stdin(NOT_AN_APOLOGY));
    assert_eq!(outcome.json()["files"][0]["is_apology"], true);
}

#[test]
fn the_config_flag_replaces_the_search() {
    let dir = workspace(&[
        ("amends.toml", b"apology = \"always\"\n"),
        ("plain.toml", b"# all defaults\n"),
        ("note.md", NOT_AN_APOLOGY),
    ]);
    let outcome = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--config",
            "plain.toml",
            "note.md",
        ],
    );
    outcome.expect_code(0);
    assert_eq!(outcome.json()["files"][0]["is_apology"], false);

    let missing = run_in(dir.path(), &["check", "--config", "nope.toml", "note.md"]);
    missing.expect_code(2);
    assert!(
        missing
            .stderr
            .contains("nope.toml: could not read it: no such file or directory"),
        "{}",
        missing.stderr
    );
    assert!(missing.stdout.is_empty(), "nothing is checked");
}

#[test]
fn unknown_ids_in_select_and_ignore_are_usage_errors() {
    let dir = workspace(&[("note.md", NOT_AN_APOLOGY)]);
    for flag in ["--select", "--ignore"] {
        let outcome = run_in(dir.path(), &["check", flag, "no-such-rule", "note.md"]);
        outcome.expect_code(2);
        assert!(
            outcome
                .stderr
                .starts_with(&format!("amends: {flag}: unknown rule id \"no-such-rule\"")),
            "{}",
            outcome.stderr
        );
        assert!(outcome.stdout.is_empty(), "nothing is checked");
    }
}

// ---------------------------------------------------------------------------------------------
// Fixing, when there is nothing to fix.

#[test]
fn fixing_a_draft_with_nothing_to_fix_leaves_it_alone() {
    let original = "\u{feff}Thanks for reporting this.\r\nThe fix ships on Monday.\r\n";
    let dir = workspace(&[("note.md", original.as_bytes())]);
    run_in(dir.path(), &["check", "--fix", "note.md"]).expect_code(0);
    assert_eq!(
        fs::read_to_string(dir.path().join("note.md")).unwrap(),
        original
    );
    let diff = run_in(dir.path(), &["check", "--diff", "note.md"]);
    diff.expect_code(0);
    assert!(diff.stdout.is_empty(), "{}", diff.stdout);
    assert!(
        diff.stderr.contains("No fixes to apply."),
        "{}",
        diff.stderr
    );
    // On standard input, --fix echoes the text so a pipeline never loses it.
    let piped = run(amends()
        .current_dir(dir.path())
        .args(["check", "--fix", "-"])
        .write_stdin(original));
    piped.expect_code(0);
    assert_eq!(piped.stdout, original);
}

// ---------------------------------------------------------------------------------------------
// `rules` and `explain`.

#[test]
fn rules_as_json_lists_every_registered_rule() {
    let outcome = run(amends().args(["rules", "--format", "json"]));
    outcome.expect_code(0);
    let listed = outcome.json();
    let ids: Vec<&str> = listed["rules"]
        .as_array()
        .expect("rules is an array")
        .iter()
        .map(|rule| {
            assert!(rule["default_severity"].is_string());
            assert!(rule["enabled_by_default"].is_boolean());
            assert!(rule["summary"].is_string());
            assert!(rule["fix"].is_string() || rule["fix"].is_null());
            rule["id"].as_str().expect("id is a string")
        })
        .collect();
    let registered: Vec<&str> = amends::rules::registry()
        .iter()
        .map(|rule| rule.meta().id)
        .collect();
    assert_eq!(ids, registered);

    let table = run(amends().args(["rules", "--color", "never"]));
    table.expect_code(0);
    assert!(table.stdout.starts_with("ID "), "{}", table.stdout);
    for id in registered {
        assert!(table.stdout.contains(id), "{id}");
    }
}

#[test]
fn explain_prints_each_rules_doc_and_rejects_unknown_ids() {
    for rule in amends::rules::registry() {
        let meta = rule.meta();
        let outcome = run(amends().args(["explain", meta.id, "--color", "never"]));
        outcome.expect_code(0);
        assert!(outcome.stdout.starts_with(&format!("# {}\n", meta.id)));
        assert!(outcome.stdout.contains(meta.doc().trim()), "{}", meta.id);
    }
    let outcome = run(amends().args(["explain", "no-such-rule"]));
    outcome.expect_code(2);
    assert!(
        outcome
            .stderr
            .starts_with("amends: unknown rule id \"no-such-rule\""),
        "{}",
        outcome.stderr
    );
}

// ---------------------------------------------------------------------------------------------

/// Tests that need the real rules: they fire on phrases no rule set could let pass.
mod with_rules {
    use super::*;

    /// The first finding of `rule` in a JSON report's first file.
    fn finding<'r>(report: &'r Value, rule: &str) -> &'r Value {
        report["files"][0]["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|finding| finding["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} finding in {report:#}"))
    }

    #[test]
    fn weak_phrases_exit_1_and_fail_on_moves_the_bar() {
        let dir = workspace(&[("reply.md", &fixture("weak-reply.md"))]);
        let outcome = run_in(dir.path(), &["check", "--format", "json", "reply.md"]);
        outcome.expect_code(1);
        let report = outcome.json();
        assert_json_shape(&report);
        assert_eq!(report["files"][0]["is_apology"], true);
        finding(&report, "apology-but");
        finding(&report, "passive-evasion");
        finding(&report, "cliche");
        // No rule is an error by default.
        run_in(dir.path(), &["check", "--fail-on", "error", "reply.md"]).expect_code(0);
    }

    #[test]
    fn the_human_output_shows_the_source_line_fixes_and_the_summary() {
        let dir = workspace(&[("reply.md", &fixture("weak-reply.md"))]);
        let outcome = run_in(dir.path(), &["check", "--color", "never", "reply.md"]);
        outcome.expect_code(1);
        let out = &outcome.stdout;
        assert!(out.contains("warning[passive-evasion]: "), "{out}");
        assert!(out.contains(" --> reply.md:5:1\n"), "{out}");
        assert!(out.contains("5 | Mistakes were made."), "{out}");
        assert!(out.contains("^^^^^^^^"), "{out}");
        assert!(out.contains("= fix (unsafe): "), "{out}");
        assert!(out.contains("reply.md: apology strength "), "{out}");
        assert!(out.contains("✗ remedy"), "{out}");
        assert!(out.contains("Checked 1 file: 1 apology, "), "{out}");
    }

    #[test]
    fn select_and_ignore_choose_the_rules() {
        let dir = workspace(&[("reply.md", &fixture("weak-reply.md"))]);
        let rules_of = |args: &[&str]| -> Vec<String> {
            let mut all = vec!["check", "--format", "json"];
            all.extend_from_slice(args);
            all.push("reply.md");
            let mut rules: Vec<String> = run_in(dir.path(), &all).json()["files"][0]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|finding| finding["rule"].as_str().unwrap().to_owned())
                .collect();
            rules.dedup();
            rules
        };
        assert_eq!(
            rules_of(&["--select", "passive-evasion"]),
            ["passive-evasion"]
        );
        assert_eq!(
            rules_of(&["--select", "passive-evasion,apology-but"]),
            ["apology-but", "passive-evasion"]
        );
        let ignored = rules_of(&["--ignore", "passive-evasion"]);
        assert!(
            !ignored.contains(&"passive-evasion".to_owned()),
            "{ignored:?}"
        );
        assert!(ignored.contains(&"apology-but".to_owned()), "{ignored:?}");
        // A rule that is off by default runs when selected.
        let email = run_in(
            dir.path(),
            &["check", "--select", "email-channel", "reply.md"],
        );
        assert_ne!(email.code, 2, "{}", email.stderr);
    }

    #[test]
    fn amends_toml_levels_apply_and_flags_win() {
        let dir = workspace(&[
            (
                "amends.toml",
                b"[rules]\npassive-evasion = \"error\"\napology-but = \"off\"\n",
            ),
            ("reply.md", &fixture("weak-reply.md")),
        ]);
        let report = run_in(dir.path(), &["check", "--format", "json", "reply.md"]).json();
        assert_eq!(finding(&report, "passive-evasion")["severity"], "error");
        let rules: Vec<&Value> = report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| &finding["rule"])
            .collect();
        assert!(!rules.contains(&&Value::from("apology-but")));
        run_in(dir.path(), &["check", "--fail-on", "error", "reply.md"]).expect_code(1);
        // `--select` turns on what the file turned off.
        let selected = run_in(
            dir.path(),
            &[
                "check",
                "--format",
                "json",
                "--select",
                "apology-but",
                "reply.md",
            ],
        )
        .json();
        finding(&selected, "apology-but");
    }

    #[test]
    fn diff_shows_the_safe_fix_and_fix_applies_it_once() {
        let original = String::from_utf8(fixture("slight-delay.txt")).unwrap();
        let dir = workspace(&[("reply.txt", original.as_bytes())]);

        let diff = run_in(
            dir.path(),
            &["check", "--diff", "--color", "never", "reply.txt"],
        );
        diff.expect_code(1);
        assert!(
            diff.stdout.starts_with("--- reply.txt\n+++ reply.txt\n"),
            "{}",
            diff.stdout
        );
        assert!(
            diff.stdout
                .contains("-I apologize for the slight delay with your refund."),
            "{}",
            diff.stdout
        );
        assert!(
            diff.stdout
                .contains("+I apologize for the delay with your refund."),
            "{}",
            diff.stdout
        );
        assert!(
            diff.stderr.contains("Would fix 1 finding in 1 file."),
            "{}",
            diff.stderr
        );
        let untouched = fs::read_to_string(dir.path().join("reply.txt")).unwrap();
        assert_eq!(untouched, original, "--diff writes nothing");

        let fix = run_in(
            dir.path(),
            &["check", "--fix", "--color", "never", "reply.txt"],
        );
        assert!(fix.stdout.contains("fixed 1 finding"), "{}", fix.stdout);
        let fixed = fs::read_to_string(dir.path().join("reply.txt")).unwrap();
        assert_eq!(fixed, original.replace("slight delay", "delay"));

        // Fixing again changes nothing, and there is nothing left to show.
        run_in(dir.path(), &["check", "--fix", "reply.txt"]);
        assert_eq!(
            fs::read_to_string(dir.path().join("reply.txt")).unwrap(),
            fixed
        );
        let again = run_in(dir.path(), &["check", "--diff", "reply.txt"]);
        again.expect_code(0);
        assert!(again.stdout.is_empty(), "{}", again.stdout);
    }

    #[test]
    fn unsafe_fixes_apply_only_when_asked() {
        let dir = workspace(&[("reply.md", &fixture("weak-reply.md"))]);
        let before = fs::read_to_string(dir.path().join("reply.md")).unwrap();
        run_in(dir.path(), &["check", "--fix", "reply.md"]);
        let after_safe = fs::read_to_string(dir.path().join("reply.md")).unwrap();
        assert!(
            after_safe.contains("Mistakes were made."),
            "unsafe fix applied by --fix alone"
        );
        assert_eq!(
            before.contains("Mistakes were made."),
            after_safe.contains("Mistakes were made.")
        );

        run_in(
            dir.path(),
            &["check", "--fix", "--unsafe-fixes", "reply.md"],
        );
        let after_unsafe = fs::read_to_string(dir.path().join("reply.md")).unwrap();
        assert!(
            !after_unsafe.contains("Mistakes were made"),
            "{after_unsafe}"
        );
        let report = run_in(dir.path(), &["check", "--format", "json", "reply.md"]).json();
        let rules: Vec<&Value> = report["files"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|finding| &finding["rule"])
            .collect();
        assert!(
            !rules.contains(&&Value::from("passive-evasion")),
            "{rules:?}"
        );
    }

    #[test]
    fn fix_on_standard_input_prints_the_fixed_text_and_reports_on_stderr() {
        let original = String::from_utf8(fixture("slight-delay.txt")).unwrap();
        let dir = workspace(&[]);
        let outcome = run(amends()
            .current_dir(dir.path())
            .args(["check", "--fix", "--color", "never", "-"])
            .write_stdin(original.clone()));
        assert_eq!(outcome.stdout, original.replace("slight delay", "delay"));
        assert!(
            outcome.stderr.contains("fixed 1 finding"),
            "{}",
            outcome.stderr
        );
    }

    /// Line and column of "Mistakes were made." after `prefix`, through the JSON output.
    fn position_after(prefix: &str) -> (Value, usize) {
        let text = format!("{prefix}Mistakes were made.\r\nWe will refund you today.\r\n");
        let dir = workspace(&[("reply.md", text.as_bytes())]);
        let outcome = run_in(dir.path(), &["check", "--format", "json", "reply.md"]);
        let report = outcome.json();
        assert_json_shape(&report);
        let found = finding(&report, "passive-evasion").clone();
        (found, text.find("Mistakes").unwrap())
    }

    #[track_caller]
    fn assert_position(prefix: &str, line: u64, column: u64) {
        let (found, offset) = position_after(prefix);
        assert_eq!(found["start"], offset as u64, "byte offset");
        assert_eq!(
            (found["line"].as_u64(), found["column"].as_u64()),
            (Some(line), Some(column))
        );
        let text = found["text"].as_str().unwrap();
        assert!(text.starts_with("Mistakes were made"), "{text}");
        // The end is exclusive and counted in scalar values on the same line.
        assert_eq!(found["end_line"].as_u64(), Some(line));
        assert_eq!(
            found["end_column"].as_u64().unwrap(),
            column + text.chars().count() as u64
        );
        assert_eq!(
            found["end"].as_u64().unwrap() - found["start"].as_u64().unwrap(),
            text.len() as u64
        );
    }

    #[test]
    fn positions_count_crlf_as_one_line_break() {
        assert_position("We're sorry.\r\n\r\n", 3, 1);
    }

    #[test]
    fn positions_count_a_byte_order_mark_as_a_column() {
        assert_position("\u{feff}We're sorry. ", 1, 15);
    }

    #[test]
    fn positions_count_emoji_and_cjk_as_one_column_each() {
        // 🙏🏽 is two scalar values (eight bytes, four UTF-16 units); 抱歉 two (six bytes).
        assert_position("We're sorry 🙏🏽 抱歉. ", 1, 20);
        assert_position("抱歉 — we're sorry.\r\n😀 ", 2, 3);
    }

    #[test]
    fn the_examples_are_weak_apologies() {
        let examples: PathBuf = [env!("CARGO_MANIFEST_DIR"), "examples"].iter().collect();
        let outcome = run(amends()
            .current_dir(&examples)
            .args(["check", "--format", "json", "."]));
        outcome.expect_code(1);
        let report = outcome.json();
        assert_json_shape(&report);
        for file in report["files"].as_array().unwrap() {
            assert_eq!(file["is_apology"], true, "{}", file["path"]);
            assert!(
                !file["findings"].as_array().unwrap().is_empty(),
                "{}",
                file["path"]
            );
        }
    }
}
