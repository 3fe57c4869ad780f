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

pub struct VagueApology;

static META: RuleMeta = RuleMeta {
    id: "vague-apology",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::DisplayOnly,
    source: include_str!("vague_apology.rs"),
};

impl Rule for VagueApology {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
