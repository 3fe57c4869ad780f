//! ## What it does
//! TODO
//!
//! ## Why is this bad?
//! TODO
//!
//! ## Example
//! ```text
//! TODO
//! ```
//!
//! ## Use instead
//! ```text
//! TODO
//! ```
//!
//! ## Fix safety
//! TODO

use crate::lint::finding::{Finding, Severity};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct DeniesFault;

static META: RuleMeta = RuleMeta {
    id: "denies-fault",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("denies_fault.rs"),
};

impl Rule for DeniesFault {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
