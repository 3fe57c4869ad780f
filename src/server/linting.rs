//! One lint of one version of a document, and its translation into LSP diagnostics.
//!
//! A [`Linted`] keeps the text it was made from and that text's [`LineIndex`]: hover, code
//! actions and code lens answer from it only while it is of the document's current version and
//! settings, so every range they send is a range in the text the editor has.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use serde::Serialize;
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticSeverity, NumberOrString, Position as LspPosition, Range,
};

use crate::lint::{self, DocumentKind, Edit, Finding, Options, Report, Severity, TextRange};
use crate::position::{Encoding, LineIndex, Position};
use crate::server::output::LateJson;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "amends";

/// A document version, linted.
#[derive(Debug)]
pub struct Linted {
    /// The opening of the document it was made from ([`crate::server::documents::Document`]).
    pub opening: u64,
    pub version: i32,
    /// The settings generation the options came from; a settings change makes this stale.
    pub generation: u64,
    pub kind: DocumentKind,
    pub options: Options,
    pub text: String,
    pub index: LineIndex,
    pub report: Report,
    /// The encoding its positions are given in.
    pub encoding: Encoding,
    /// The edit of `source.fixAll.amends`, once worked out (`None` inside: nothing to fix).
    pub fix_all: OnceLock<Option<Edit>>,
}

impl Linted {
    /// Lint `text`. Runs on the lint worker: a megabyte takes tens of milliseconds.
    pub fn new(
        text: String,
        opening: u64,
        version: i32,
        generation: u64,
        kind: DocumentKind,
        options: Options,
        encoding: Encoding,
    ) -> Linted {
        let started = Instant::now();
        let report = lint::lint(&text, kind, &options);
        let index = LineIndex::new(&text);
        tracing::debug!(
            version,
            bytes = text.len(),
            findings = report.findings.len(),
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "linted"
        );
        Linted {
            opening,
            version,
            generation,
            kind,
            options,
            text,
            index,
            report,
            encoding,
            fix_all: OnceLock::new(),
        }
    }

    /// The language amends' messages are in for this draft.
    pub fn messages_language(&self) -> crate::lint::Language {
        self.options.messages_language(self.report.language)
    }

    /// The diagnostics of every finding as they go on the wire, in the order of
    /// `report.findings`, borrowing the findings' text, one at a time: publishing thousands copies
    /// no message and builds no list. Made when sent rather than kept: a megabyte draft can have
    /// thousands, and the editor keeps them anyway.
    pub fn wire_diagnostics(&self) -> impl Iterator<Item = WireDiagnostic<'_>> {
        self.report
            .findings
            .iter()
            .map(|finding| WireDiagnostic::of(finding, &self.index, self.encoding))
    }

    /// The diagnostic of finding `index`.
    pub fn diagnostic(&self, index: usize) -> Diagnostic {
        diagnostic(&self.report.findings[index], &self.index, self.encoding)
    }

    /// The LSP range of a byte range of this text.
    pub fn range(&self, range: TextRange) -> Range {
        lsp_range(&self.index, range, self.encoding)
    }

    /// The byte offset of an LSP position in this text (clamped).
    pub fn offset(&self, position: LspPosition) -> usize {
        self.index
            .offset(position_of(position), self.encoding)
            .offset
    }

    /// The byte range of an LSP range in this text (clamped, never reversed).
    pub fn byte_range(&self, range: Range) -> TextRange {
        let start = self.offset(range.start);
        let end = self.offset(range.end).max(start);
        TextRange::new(start, end)
    }

    /// The findings whose range touches `range` (an empty range touches a finding it is inside or
    /// at either end of, so a cursor right after a phrase still finds it).
    pub fn findings_touching(&self, range: TextRange) -> impl Iterator<Item = usize> + '_ {
        self.report
            .findings
            .iter()
            .enumerate()
            .filter(move |(_, finding)| {
                finding.range.start <= range.end && range.start <= finding.range.end
            })
            .map(|(index, _)| index)
    }
}

/// The JSON array of a lint's diagnostics, written when its frame goes out.
impl LateJson for Linted {
    fn write_json(&self, out: &mut dyn Write) -> std::io::Result<()> {
        struct Diagnostics<'a>(&'a Linted);
        impl Serialize for Diagnostics<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.wire_diagnostics())
            }
        }
        serde_json::to_writer(out, &Diagnostics(self)).map_err(std::io::Error::from)
    }
}

/// The JSON of an LSP [`Diagnostic`] with the fields amends sets, borrowed from a finding.
#[derive(Debug, Serialize)]
pub struct WireDiagnostic<'a> {
    range: Range,
    severity: DiagnosticSeverity,
    code: &'a str,
    source: &'static str,
    message: &'a str,
}

impl<'a> WireDiagnostic<'a> {
    /// The one place that decides what a finding's diagnostic says.
    fn of(finding: &'a Finding, index: &LineIndex, encoding: Encoding) -> WireDiagnostic<'a> {
        WireDiagnostic {
            range: lsp_range(index, finding.range, encoding),
            severity: severity(finding.severity),
            code: finding.rule,
            source: SOURCE,
            message: &finding.message,
        }
    }
}

/// The diagnostic of one finding.
fn diagnostic(finding: &Finding, index: &LineIndex, encoding: Encoding) -> Diagnostic {
    let wire = WireDiagnostic::of(finding, index, encoding);
    Diagnostic {
        range: wire.range,
        severity: Some(wire.severity),
        code: Some(NumberOrString::String(wire.code.to_owned())),
        source: Some(wire.source.to_owned()),
        message: wire.message.to_owned(),
        ..Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// An LSP position as [`crate::position`] takes it.
pub fn position_of(position: LspPosition) -> Position {
    Position::new(position.line, position.character)
}

/// The LSP range of a byte range of the text `index` was made from.
pub fn lsp_range(index: &LineIndex, range: TextRange, encoding: Encoding) -> Range {
    let convert = |offset: usize| {
        let position = index.position(offset, encoding);
        LspPosition::new(position.line, position.character)
    };
    Range::new(convert(range.start), convert(range.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_diagnostics_are_the_typed_diagnostics_json() {
        let draft = "Hi Zoë 🙏,\r\n\r\nWe are sorry if the 配送 delay upset you. We apologize for \
                     any inconvenience this slight \"delay\" may have caused.\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let linted = Linted::new(
                draft.to_owned(),
                1,
                7,
                0,
                DocumentKind::PlainText,
                Options::default(),
                encoding,
            );
            assert!(linted.report.findings.len() >= 4);
            let typed: Vec<Diagnostic> = (0..linted.report.findings.len())
                .map(|index| linted.diagnostic(index))
                .collect();
            let typed = serde_json::to_value(typed).unwrap();
            let mut late = Vec::new();
            linted.write_json(&mut late).unwrap();
            let wire: serde_json::Value = serde_json::from_slice(&late).unwrap();
            assert_eq!(wire, typed, "{encoding:?}");
        }
    }
}
