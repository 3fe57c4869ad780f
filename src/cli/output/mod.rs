//! Printing the results of `amends check`: [`human`] (rustc/ruff style), [`json`] and [`sarif`].
//!
//! A reporter sees each checked draft once, in order ([`Reporter::file`]), and the run's totals
//! at the end ([`Reporter::finish`]). The human reporter prints as it goes; the machine formats
//! collect and print one document at the end.

pub mod human;
pub mod json;
pub mod sarif;

use std::io;

use crate::lint::fix::Applicability;
use crate::lint::{Report, Severity};
use crate::position::LineIndex;

/// One draft after checking (and fixing): everything a reporter needs.
pub struct CheckedFile<'a> {
    /// As the user named or the walk found it; `-` for standard input.
    pub path: &'a str,
    /// The text the findings' ranges point into: after fixes, when `--fix` applied any.
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub report: &'a Report,
    /// Fixes `--fix` applied to this draft.
    pub fixed: usize,
    /// Named on the command line (or standard input), not found by walking a directory.
    pub named: bool,
}

/// What the whole run found, for the closing lines.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Drafts read and linted.
    pub files: usize,
    pub apologies: usize,
    /// Remaining findings per severity, indexed by [`severity_index`].
    pub findings: [usize; 4],
    /// Fixes applied by `--fix`, and in how many files.
    pub fixed: usize,
    pub files_fixed: usize,
    /// Remaining findings `--fix` could fix, and those only `--unsafe-fixes` could.
    pub fixable_safe: usize,
    pub fixable_unsafe: usize,
    /// Drafts that could not be checked (unreadable, or under a broken `amends.toml`).
    pub skipped: usize,
    /// `Some` when this run fixed.
    pub fix_mode: Option<Applicability>,
}

impl Totals {
    pub fn finding_count(&self) -> usize {
        self.findings.iter().sum()
    }

    pub fn count(&mut self, file: &CheckedFile<'_>) {
        self.files += 1;
        self.apologies += usize::from(file.report.is_apology);
        self.fixed += file.fixed;
        self.files_fixed += usize::from(file.fixed > 0);
        for finding in &file.report.findings {
            self.findings[severity_index(finding.severity)] += 1;
            let has = |safety| {
                let kind = crate::lint::FixKind::Edit(safety);
                finding.fixes.iter().any(|fix| fix.kind == kind)
            };
            if has(crate::lint::Safety::Safe) {
                self.fixable_safe += 1;
            } else if has(crate::lint::Safety::Unsafe) {
                self.fixable_unsafe += 1;
            }
        }
    }
}

pub const fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Hint => 0,
        Severity::Info => 1,
        Severity::Warning => 2,
        Severity::Error => 3,
    }
}

/// Receives the checked drafts of a run, then its totals.
pub trait Reporter {
    fn file(&mut self, file: &CheckedFile<'_>) -> io::Result<()>;
    fn finish(&mut self, totals: &Totals) -> io::Result<()>;
}
