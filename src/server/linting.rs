//! One lint of one version of a document, and its translation into LSP diagnostics.
//!
//! A [`Linted`] keeps the text it was made from and that text's [`LineIndex`]: hover, code
//! actions and code lens answer from it only while it is of the document's current version and
//! settings, so every range they send is a range in the text the editor has.

use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticSeverity, NumberOrString, Position as LspPosition, Range,
};

use crate::lint::{self, DocumentKind, Finding, Options, Report, Severity, TextRange};
use crate::position::{Encoding, LineIndex, Position};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "amends";

/// A document version, linted.
#[derive(Debug)]
pub struct Linted {
    pub version: i32,
    /// The settings generation the options came from; a settings change makes this stale.
    pub generation: u64,
    pub kind: DocumentKind,
    pub options: Options,
    pub text: String,
    pub index: LineIndex,
    pub report: Report,
    /// One per finding, in the same order as `report.findings`.
    pub diagnostics: Vec<Diagnostic>,
}

impl Linted {
    /// Lint `text`. Runs on a blocking thread: a megabyte takes tens of milliseconds.
    pub fn new(
        text: String,
        version: i32,
        generation: u64,
        kind: DocumentKind,
        options: Options,
        encoding: Encoding,
    ) -> Linted {
        let report = lint::lint(&text, kind, &options);
        let index = LineIndex::new(&text);
        let diagnostics = report
            .findings
            .iter()
            .map(|finding| diagnostic(finding, &index, encoding))
            .collect();
        Linted {
            version,
            generation,
            kind,
            options,
            text,
            index,
            report,
            diagnostics,
        }
    }

    /// The LSP range of a byte range of this text.
    pub fn range(&self, range: TextRange, encoding: Encoding) -> Range {
        lsp_range(&self.index, range, encoding)
    }

    /// The byte offset of an LSP position in this text (clamped).
    pub fn offset(&self, position: LspPosition, encoding: Encoding) -> usize {
        self.index
            .offset(Position::new(position.line, position.character), encoding)
            .offset
    }

    /// The byte range of an LSP range in this text (clamped, never reversed).
    pub fn byte_range(&self, range: Range, encoding: Encoding) -> TextRange {
        let start = self.offset(range.start, encoding);
        let end = self.offset(range.end, encoding).max(start);
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

/// The diagnostic of one finding.
pub fn diagnostic(finding: &Finding, index: &LineIndex, encoding: Encoding) -> Diagnostic {
    Diagnostic {
        range: lsp_range(index, finding.range, encoding),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_owned())),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        ..Diagnostic::default()
    }
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn lsp_range(index: &LineIndex, range: TextRange, encoding: Encoding) -> Range {
    let convert = |offset: usize| {
        let position = index.position(offset, encoding);
        LspPosition::new(position.line, position.character)
    };
    Range::new(convert(range.start), convert(range.end))
}
