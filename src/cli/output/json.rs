//! The JSON format: one object, `{"files": [...]}`, whose keys other tools rely on.
//!
//! Keys and meanings are a contract (issue 2, "JSON output"): `start`/`end` are byte offsets with
//! the end exclusive; `line`/`column` and `end_line`/`end_column` are 1-based with columns in
//! Unicode scalar values, the end just past the last character; `text` is the flagged source
//! text; `summary` is null when the draft is not an apology. The structs below fix the key order
//! too, so the output diffs cleanly between runs.

use std::io::{self, Write};

use serde::Serialize;

use crate::cli::output::{CheckedFile, Reporter, Totals};
use crate::lint::gate;
use crate::lint::{Component, Finding, Report, Summary};
use crate::position::LineIndex;

#[derive(Debug, Serialize)]
pub struct JsonReport {
    pub files: Vec<JsonFile>,
}

#[derive(Debug, Serialize)]
pub struct JsonFile {
    pub path: String,
    /// `"en"` or `"nl"`.
    pub language: &'static str,
    pub is_apology: bool,
    /// Why the apology gate decided as it did.
    pub gate: JsonGate,
    pub summary: Option<JsonSummary>,
    pub findings: Vec<JsonFinding>,
}

/// The gate's score, its threshold and the named features that made the score.
#[derive(Debug, Serialize)]
pub struct JsonGate {
    pub score: i32,
    pub threshold: i32,
    /// `apology = "always"` or `<!-- amends: apology -->`.
    pub forced: bool,
    pub reasons: Vec<JsonReason>,
    /// Every apology expression seen, and whose it is.
    pub apologies: Vec<JsonApology>,
}

#[derive(Debug, Serialize)]
pub struct JsonApology {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `"writer"`, `"reported"` or `"passing"` (about the message itself).
    pub voice: &'static str,
}

#[derive(Debug, Serialize)]
pub struct JsonReason {
    pub feature: &'static str,
    pub points: i32,
}

#[derive(Debug, Serialize)]
pub struct JsonSummary {
    pub score: u8,
    pub components: JsonComponents,
    /// For each present component, the words it was found in.
    pub evidence: JsonEvidence,
}

/// Where each present component was found (absent ones are left out).
#[derive(Debug, Default, Serialize)]
pub struct JsonEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remedy: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empathy: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prevention: Option<JsonSpan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub forgiveness: Option<JsonSpan>,
}

#[derive(Debug, Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Whether each component is present in the draft.
#[derive(Debug, Serialize)]
pub struct JsonComponents {
    pub responsibility: bool,
    pub remedy: bool,
    pub empathy: bool,
    pub explanation: bool,
    pub prevention: bool,
    pub forgiveness: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonFinding {
    pub rule: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub fixes: Vec<JsonFix>,
}

#[derive(Debug, Serialize)]
pub struct JsonFix {
    pub title: String,
    /// `"safe"`, `"unsafe"` or `"display-only"`.
    pub safety: &'static str,
    pub edits: Vec<JsonEdit>,
}

#[derive(Debug, Serialize)]
pub struct JsonEdit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl JsonFile {
    pub fn new(file: &CheckedFile<'_>) -> JsonFile {
        JsonFile {
            path: file.path.to_owned(),
            language: file.report.language.code(),
            is_apology: file.report.is_apology,
            gate: JsonGate::new(file.report, file.text),
            summary: file
                .report
                .summary
                .as_ref()
                .map(|summary| JsonSummary::new(summary, file.text)),
            findings: file
                .report
                .findings
                .iter()
                .map(|finding| JsonFinding::new(file.text, file.lines, finding))
                .collect(),
        }
    }
}

impl JsonGate {
    pub fn new(report: &Report, text: &str) -> JsonGate {
        let verdict = &report.gate;
        JsonGate {
            score: verdict.score,
            threshold: gate::THRESHOLD,
            forced: verdict.forced,
            reasons: verdict
                .features
                .reasons()
                .into_iter()
                .map(|(feature, points)| JsonReason { feature, points })
                .collect(),
            apologies: report
                .apologies
                .iter()
                .map(|(range, voice)| JsonApology {
                    start: range.start,
                    end: range.end,
                    text: text
                        .get(range.start..range.end)
                        .unwrap_or_default()
                        .to_owned(),
                    voice: voice.as_str(),
                })
                .collect(),
        }
    }
}

impl JsonSummary {
    pub fn new(summary: &Summary, text: &str) -> JsonSummary {
        let has = |component: Component| summary.present.contains(component);
        let span = |component: Component| {
            summary.evidence_of(component).map(|range| JsonSpan {
                start: range.start,
                end: range.end,
                text: text
                    .get(range.start..range.end)
                    .unwrap_or_default()
                    .to_owned(),
            })
        };
        JsonSummary {
            score: summary.score,
            components: JsonComponents {
                responsibility: has(Component::Responsibility),
                remedy: has(Component::Remedy),
                empathy: has(Component::Empathy),
                explanation: has(Component::Explanation),
                prevention: has(Component::Prevention),
                forgiveness: has(Component::Forgiveness),
            },
            evidence: JsonEvidence {
                responsibility: span(Component::Responsibility),
                remedy: span(Component::Remedy),
                empathy: span(Component::Empathy),
                explanation: span(Component::Explanation),
                prevention: span(Component::Prevention),
                forgiveness: span(Component::Forgiveness),
            },
        }
    }
}

impl JsonFinding {
    pub fn new(text: &str, lines: &LineIndex, finding: &Finding) -> JsonFinding {
        let start = lines.line_column(finding.range.start);
        let end = lines.line_column(finding.range.end);
        let text_start = lines.floor_char_boundary(finding.range.start);
        let text_end = lines.floor_char_boundary(finding.range.end).max(text_start);
        JsonFinding {
            rule: finding.rule,
            severity: finding.severity.as_str(),
            message: finding.message.to_string(),
            start: finding.range.start,
            end: finding.range.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            text: text[text_start..text_end].to_owned(),
            fixes: finding
                .fixes
                .iter()
                .map(|fix| JsonFix {
                    title: fix.title.to_string(),
                    safety: fix.kind.as_str(),
                    edits: fix
                        .edits
                        .iter()
                        .map(|edit| JsonEdit {
                            start: edit.range.start,
                            end: edit.range.end,
                            replacement: edit.replacement.to_string(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Collects the files and prints the object at the end.
pub struct Json<W: Write> {
    out: W,
    report: JsonReport,
}

impl<W: Write> Json<W> {
    pub fn new(out: W) -> Self {
        Json {
            out,
            report: JsonReport { files: Vec::new() },
        }
    }
}

impl<W: Write> Reporter for Json<W> {
    fn file(&mut self, file: &CheckedFile<'_>) -> io::Result<()> {
        self.report.files.push(JsonFile::new(file));
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.out, &self.report)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Edit, Fix, Safety, Severity, TextRange};

    #[test]
    fn a_finding_has_every_key_in_order() {
        let text = "Hi 😀,\r\nMistakes were made.";
        let start = text.find("Mistakes").unwrap();
        let end = start + "Mistakes were made".len();
        let finding = Finding {
            rule: "passive-evasion",
            severity: Severity::Warning,
            message: "A failure nobody owns".into(),
            range: TextRange::new(start, end),
            fixes: vec![Fix::new(
                "Replace with 'we made mistakes'",
                Safety::Unsafe,
                Edit::replace(TextRange::new(start, end), "We made mistakes"),
            )],
        };
        let json = serde_json::to_string(&JsonFinding::new(text, &LineIndex::new(text), &finding))
            .unwrap();
        assert_eq!(
            json,
            format!(
                "{{\"rule\":\"passive-evasion\",\"severity\":\"warning\",\
                 \"message\":\"A failure nobody owns\",\"start\":{start},\"end\":{end},\
                 \"line\":2,\"column\":1,\"end_line\":2,\"end_column\":19,\
                 \"text\":\"Mistakes were made\",\"fixes\":[{{\
                 \"title\":\"Replace with 'we made mistakes'\",\"safety\":\"unsafe\",\
                 \"edits\":[{{\"start\":{start},\"end\":{end},\"replacement\":\"We made mistakes\"}}]}}]}}"
            )
        );
    }

    #[test]
    fn the_summary_names_every_component() {
        let present = [Component::Remedy, Component::Forgiveness]
            .into_iter()
            .collect();
        let summary = Summary::score(present, crate::lint::Components::all(), []);
        let json = serde_json::to_value(JsonSummary::new(&summary, "")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "score": summary.score,
                "components": {
                    "responsibility": false, "remedy": true, "empathy": false,
                    "explanation": false, "prevention": false, "forgiveness": true
                },
                "evidence": {}
            })
        );
    }
}
