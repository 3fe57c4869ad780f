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
use crate::lint::summary::Component;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingRemedy;

static META: RuleMeta = RuleMeta {
    id: "missing-remedy",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Structure,
    component: Some(Component::Remedy),
    fix: FixAvailability::DisplayOnly,
    source: include_str!("missing_remedy.rs"),
};

impl Rule for MissingRemedy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
