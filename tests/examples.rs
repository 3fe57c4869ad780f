//! Whole drafts as reviewed snapshots (insta): every file in `examples/` and the gate fixtures,
//! listed as `line:column rule: flagged text` plus the summary. A changed rule shows up here as
//! a readable diff of what a user would see; review it with `cargo insta review`.

use std::fmt::Write as _;
use std::path::Path;

use amends::lint::{DocumentKind, Options, lint};
use amends::position::LineIndex;

fn listing(text: &str, kind: DocumentKind) -> String {
    let report = lint(text, kind, &Options::default());
    let index = LineIndex::new(text);
    let mut out = format!(
        "language: {}\nis_apology: {}\n",
        report.language, report.is_apology
    );
    if let Some(summary) = report.summary {
        let missing: Vec<&str> = summary.missing().map(|c| c.as_str()).collect();
        writeln!(
            out,
            "score: {}\nmissing: {}",
            summary.score,
            missing.join(", ")
        )
        .unwrap();
    }
    for finding in &report.findings {
        let at = index.line_column(finding.range.start);
        let flagged = finding.range.slice(text).replace('\n', "⏎");
        let flagged: String = flagged.chars().take(70).collect();
        writeln!(
            out,
            "{}:{} {} {}: {flagged}",
            at.line, at.column, finding.severity, finding.rule
        )
        .unwrap();
    }
    out
}

#[test]
fn example_drafts() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .expect("examples/ exists")
        .map(|entry| {
            entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let text = std::fs::read_to_string(folder.join(&name)).expect("UTF-8 example");
        let kind = DocumentKind::from_path(&name).unwrap_or(DocumentKind::PlainText);
        insta::assert_snapshot!(name.clone(), listing(&text, kind));
    }
}
