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

pub struct UnreadableEmailBody;

static META: RuleMeta = RuleMeta {
    id: "unreadable-email-body",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Notice,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("unreadable_email_body.rs"),
};

impl Rule for UnreadableEmailBody {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
