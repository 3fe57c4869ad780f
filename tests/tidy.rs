//! Checks on the repository itself, in the manner of rust-analyzer's tidy tests: the rule module
//! stays pure, every module says what it is, the generated rule list is up to date
//! (regenerate with `UPDATE_EXPECT=1 cargo test --test tidy`), no debugging leftovers.

use std::fs;
use std::path::{Path, PathBuf};

use amends::rules::registry;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).expect("readable source folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Each use of a `words` entry in the code (comments cut off) of the Rust files under `folders`,
/// but the files in `except`, as "path:line: word".
fn lines_using(folders: &[&str], except: &[&str], words: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for folder in folders {
        for file in rust_files(&root().join(folder)) {
            if except.iter().any(|name| file == root().join(name)) {
                continue;
            }
            let text = fs::read_to_string(&file).expect("UTF-8 source");
            for (number, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for word in words {
                    if code.contains(word) {
                        found.push(format!("{}:{}: {word}", file.display(), number + 1));
                    }
                }
            }
        }
    }
    found
}

/// Architecture Invariant: the rule module knows nothing of LSP, async, ropey, files or the
/// terminal. Test modules inside it may not print either.
#[test]
fn the_rule_module_is_pure() {
    let forbidden = [
        "tower_lsp",
        "tokio",
        "ropey",
        "std::fs",
        "std::io",
        "std::net",
        "std::process",
        "std::env",
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "dbg!(",
        "File::",
        "stdout",
        "stderr",
    ];
    let offences = lines_using(&["src/lint", "src/rules"], &[], &forbidden);
    assert!(
        offences.is_empty(),
        "the rule module must stay pure:\n{}",
        offences.join("\n")
    );
}

/// Architecture Invariant: the core (`src/lint/`) does not depend on the rules built on it,
/// except where `lint` runs the registry (`mod.rs`) and where `amends.toml` is checked against
/// the rule ids it names (`config.rs`). What else the core needs to know about a rule (the
/// summary's phrase findings) it is given as data.
#[test]
fn the_core_imports_the_rules_only_where_it_runs_them() {
    let offences = lines_using(
        &["src/lint"],
        &["src/lint/mod.rs", "src/lint/config.rs"],
        &["crate::rules", "rules::"],
    );
    assert!(
        offences.is_empty(),
        "src/lint/ must not reach into src/rules/ here:\n{}",
        offences.join("\n")
    );
}

/// A rule formats the text of its findings one way: `draft_text!` or
/// `Context::format_localized` (the same helper), never `format!` beside them. `mod.rs` formats
/// documentation, not findings.
#[test]
fn rules_format_finding_text_with_one_helper() {
    let offences = lines_using(&["src/rules"], &["src/rules/mod.rs"], &["format!("]);
    assert!(
        offences.is_empty(),
        "use draft_text! or Context::format_localized, not format!:\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_module_has_a_doc_comment_and_no_leftovers() {
    let mut offences = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = fs::read_to_string(&file).expect("UTF-8 source");
        if !text.starts_with("//!") && !file.ends_with("main.rs") {
            offences.push(format!(
                "{}: starts without a //! module doc",
                file.display()
            ));
        }
        for leftover in ["todo!(", "dbg!(", "unimplemented!(", "TODO", "STUB"] {
            if text.contains(leftover) {
                offences.push(format!("{}: contains {leftover}", file.display()));
            }
        }
    }
    assert!(offences.is_empty(), "\n{}", offences.join("\n"));
}

/// The rule list in `docs/rules.md`, generated from the registry and the rules' own docs.
fn rules_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from the rules' doc comments by `UPDATE_EXPECT=1 cargo test --test tidy`; do not edit. -->\n\n",
    );
    out.push_str("| id | default | fix | what it does |\n|---|---|---|---|\n");
    for rule in registry() {
        let meta = rule.meta();
        let default = if meta.enabled_by_default {
            meta.default_severity.as_str().to_owned()
        } else {
            format!("off ({})", meta.default_severity)
        };
        out.push_str(&format!(
            "| [`{id}`](#{id}) | {default} | {fix} | {summary} |\n",
            id = meta.id,
            fix = meta.fix.as_str(),
            summary = meta.summary().replace('|', "\\|"),
        ));
    }
    for rule in registry() {
        let meta = rule.meta();
        // The rule's own `## Heading`s sit one level under its `## id` here.
        let doc = format!("\n{}", meta.doc())
            .replace("\n### ", "\n#### ")
            .replace("\n## ", "\n### ");
        out.push_str(&format!("\n## {}\n{doc}", meta.id));
    }
    out
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = root().join("docs/rules.md");
    let expected = rules_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&path, &expected).expect("docs/rules.md is writable");
        return;
    }
    let actual = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is out of date: run `UPDATE_EXPECT=1 cargo test --test tidy`"
    );
}

#[test]
fn rule_ids_are_unique_kebab_case() {
    let mut ids: Vec<&str> = registry().iter().map(|rule| rule.meta().id).collect();
    for id in &ids {
        assert!(
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !id.starts_with('-'),
            "{id} is not kebab-case"
        );
    }
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate rule ids");
}

/// The README's transcript is real output: every block it shows appears, verbatim, in what the
/// README's own command prints today.
#[test]
fn the_readme_transcript_is_what_amends_prints() {
    let readme = fs::read_to_string(root().join("README.md")).expect("README.md");
    let command = "$ cargo run --release -- check examples/late-delivery.md\n";
    let start = readme
        .find(command)
        .expect("the README shows the main command")
        + command.len();
    let transcript = &readme[start..start + readme[start..].find("```").expect("closed block")];
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_amends"))
        .args(["check", "--color", "never", "examples/late-delivery.md"])
        .current_dir(root())
        .output()
        .expect("the amends binary runs");
    let printed = String::from_utf8(output.stdout).expect("UTF-8 output");
    let mut shown = 0;
    for block in transcript
        .split("\n\n")
        .map(str::trim_end)
        .filter(|b| !b.is_empty() && *b != "…")
    {
        assert!(
            printed.contains(block),
            "README transcript is stale; this block is no longer printed:\n{block}\n\nactual output:\n{printed}"
        );
        shown += 1;
    }
    assert!(shown >= 3, "the transcript shows too little");
}
