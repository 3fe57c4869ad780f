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

pub struct EmailChannel;

static META: RuleMeta = RuleMeta {
    id: "email-channel",
    default_severity: Severity::Hint,
    enabled_by_default: false,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("email_channel.rs"),
};

impl Rule for EmailChannel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
