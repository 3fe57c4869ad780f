//! SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, VS Code's SARIF
//! viewer).
//!
//! One run; its driver lists every registered rule with its documentation, so a viewer can show
//! the same text as `amends explain`. Columns are counted in Unicode scalar values, declared by
//! `columnKind: "unicodeCodePoints"` (SARIF's default would be UTF-16 code units), and
//! `charOffset`/`charLength` count the same unit. Safe and unsafe fixes become SARIF `fixes`;
//! display-only ones hold placeholders and are left out.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::cli::output::{CheckedFile, Reporter, Totals};
use crate::lint::{Finding, FixKind, Severity};
use crate::position::LineIndex;
use crate::rules::{self, RuleMeta};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct Sarif<W: Write> {
    out: W,
    results: Vec<Value>,
}

impl<W: Write> Sarif<W> {
    pub fn new(out: W) -> Self {
        Sarif {
            out,
            results: Vec::new(),
        }
    }
}

impl<W: Write> Reporter for Sarif<W> {
    fn file(&mut self, file: &CheckedFile<'_>) -> io::Result<()> {
        let uri = uri_of(file.path);
        for finding in &file.report.findings {
            self.results
                .push(result(&uri, file.text, file.lines, finding));
        }
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        let log = log(std::mem::take(&mut self.results));
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

/// The whole SARIF log around `results`.
pub fn log(results: Vec<Value>) -> Value {
    let mut driver = json!({
        "name": "amends",
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules::registry().iter().map(|rule| rule_descriptor(rule.meta())).collect::<Vec<_>>(),
    });
    let information_uri = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|uri| !uri.is_empty());
    if let Some(uri) = information_uri {
        driver["informationUri"] = json!(uri);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn rule_descriptor(meta: &RuleMeta) -> Value {
    let doc = meta.doc();
    json!({
        "id": meta.id,
        "shortDescription": { "text": meta.summary() },
        "fullDescription": { "text": doc, "markdown": doc },
        "help": { "text": doc, "markdown": doc },
        "defaultConfiguration": {
            "level": level(meta.default_severity),
            "enabled": meta.enabled_by_default,
        },
    })
}

/// SARIF has three levels; a hint is a note, as LSP clients show it.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn result(uri: &str, text: &str, lines: &LineIndex, finding: &Finding) -> Value {
    let rule_index = rules::registry()
        .iter()
        .position(|rule| rule.meta().id == finding.rule);
    let start = lines.floor_char_boundary(finding.range.start);
    let end = lines.floor_char_boundary(finding.range.end).max(start);
    let mut flagged = region(lines, start, end);
    flagged["snippet"] = json!({ "text": &text[start..end] });
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri },
                "region": flagged,
            }
        }],
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    let fixes: Vec<Value> = finding
        .fixes
        .iter()
        .filter(|fix| fix.kind != FixKind::Template)
        .map(|fix| {
            json!({
                "description": { "text": fix.title },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri },
                    "replacements": fix.edits.iter().map(|edit| json!({
                        "deletedRegion": region(lines, edit.range.start, edit.range.end),
                        "insertedContent": { "text": edit.replacement },
                    })).collect::<Vec<_>>(),
                }],
                // SARIF has no notion of fix safety; keep ours for tools that read properties.
                "properties": { "safety": fix.kind.as_str() },
            })
        })
        .collect();
    if !fixes.is_empty() {
        result["fixes"] = Value::Array(fixes);
    }
    result
}

fn region(lines: &LineIndex, start: usize, end: usize) -> Value {
    let from = lines.line_column(start);
    let to = lines.line_column(end);
    let char_offset = lines.char_offset(start);
    json!({
        "startLine": from.line,
        "startColumn": from.column,
        "endLine": to.line,
        "endColumn": to.column,
        "charOffset": char_offset,
        "charLength": lines.char_offset(end) - char_offset,
    })
}

/// A path as a SARIF URI reference: relative paths stay relative (resolved against the
/// directory the tool ran in), absolute ones become `file://` URIs; separators are `/` and
/// anything outside the URI's unreserved characters is percent-encoded.
pub fn uri_of(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let mut uri = String::with_capacity(slashed.len());
    if slashed.starts_with('/') {
        uri.push_str("file://");
    } else if slashed.as_bytes().get(1) == Some(&b':') {
        // A Windows drive letter: `C:/drafts` → `file:///C:/drafts`.
        uri.push_str("file:///");
    }
    for byte in slashed.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(byte as char);
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Edit, Fix, Safety, TextRange};

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_of("drafts/late reply.md"), "drafts/late%20reply.md");
        assert_eq!(uri_of("/home/sam/café.md"), "file:///home/sam/caf%C3%A9.md");
        assert_eq!(uri_of(r"C:\drafts\a.md"), "file:///C:/drafts/a.md");
        assert_eq!(uri_of("-"), "-");
    }

    #[test]
    fn a_result_has_a_region_in_scalar_values_and_its_fixes() {
        let text = "😀 ok\nsorry for any inconvenience";
        let start = text.find("any inconvenience").unwrap();
        let end = text.len();
        let finding = Finding {
            rule: "cliche",
            severity: Severity::Hint,
            message: "Canned".into(),
            range: TextRange::new(start, end),
            fixes: vec![
                Fix::new(
                    "Name the harm",
                    Safety::Unsafe,
                    Edit::replace(TextRange::new(start, end), "the wait"),
                ),
                Fix::template(
                    "Template",
                    Edit::replace(TextRange::new(start, end), "[what]"),
                ),
            ],
        };
        let result = result("a.md", text, &LineIndex::new(text), &finding);
        assert_eq!(result["level"], "note");
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["startColumn"], 11);
        assert_eq!(region["endColumn"], 28);
        assert_eq!(region["charOffset"], 15);
        assert_eq!(region["charLength"], 17);
        assert_eq!(region["snippet"]["text"], "any inconvenience");
        let fixes = result["fixes"].as_array().unwrap();
        assert_eq!(fixes.len(), 1, "display-only fixes are left out");
        assert_eq!(
            fixes[0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "the wait"
        );
    }

    #[test]
    fn the_log_declares_its_version_and_column_kind() {
        let log = log(Vec::new());
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SCHEMA);
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "amends");
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .len(),
            rules::registry().len()
        );
    }
}
