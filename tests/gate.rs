//! The apology gate on whole documents: `tests/fixtures/gate/apology/` must pass it and
//! `tests/fixtures/gate/not-apology/` must not — and a non-apology gets no finding at all.

use std::path::Path;

use amends::lint::{DocumentKind, Options, lint};

fn documents(verdict: &str) -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gate")
        .join(verdict);
    let mut documents: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| {
            let path = entry.expect("readable folder").path();
            let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    documents.sort();
    assert!(documents.len() >= 5, "too few {verdict} documents");
    documents
}

fn kind_of(name: &str) -> DocumentKind {
    DocumentKind::from_path(name).unwrap_or(DocumentKind::PlainText)
}

#[test]
fn apology_documents_pass_the_gate() {
    let mut wrong = Vec::new();
    for (name, text) in documents("apology") {
        let report = lint(&text, kind_of(&name), &Options::default());
        if !report.is_apology || report.summary.is_none() {
            wrong.push(format!(
                "{name}: should be an apology; gate {:?}",
                report.gate
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn other_documents_get_nothing_at_all() {
    let mut wrong = Vec::new();
    for (name, text) in documents("not-apology") {
        let report = lint(&text, kind_of(&name), &Options::default());
        if report.is_apology || !report.findings.is_empty() || report.summary.is_some() {
            wrong.push(format!(
                "{name}: should not be an apology; gate {:?}, {} findings",
                report.gate,
                report.findings.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}
