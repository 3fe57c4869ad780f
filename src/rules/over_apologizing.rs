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

pub struct OverApologizing;

static META: RuleMeta = RuleMeta {
    id: "over-apologizing",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("over_apologizing.rs"),
};

impl Rule for OverApologizing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
