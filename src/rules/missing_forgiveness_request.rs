//! ## What it does
//! Reports an apology that never asks for forgiveness or another chance ("please forgive us",
//! "I hope you'll give us another chance"). Off by default: turn it on in `[rules]`.
//!
//! ## Why is this bad?
//! Some customer-service writing guides close a model apology with a request for forgiveness; but
//! that request mattered least of the six components (Lewicki, Polin & Lount, 2016), which is why
//! this rule is off unless you want it.
//!
//! ## Example
//! ```text
//! I am sorry we missed your installation appointment. That was my mistake.
//! ```
//!
//! ## Use instead
//! ```text
//! I am sorry we missed your installation appointment. I hope you will give us another chance.
//! ```
//!
//! ## Fix safety
//! The fix inserts a sentence asking for another chance. It adds a claim the writer may not want
//! to make, so it is unsafe.
//!
//! ## In het Nederlands
//! Geeft, als de regel aan staat, een hint bij excuses zonder verzoek om vergeving: "vergeef ons",
//! "geef ons nog een kans".
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat de factuur niet klopte.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat de factuur niet klopte. Wilt u ons vergeven?
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingForgivenessRequest;

static META: RuleMeta = RuleMeta {
    id: "missing-forgiveness-request",
    default_severity: Severity::Hint,
    enabled_by_default: false,
    kind: RuleKind::Structure,
    component: Some(Component::Forgiveness),
    fix: FixAvailability::Unsafe,
    source: include_str!("missing_forgiveness_request.rs"),
};

impl Rule for MissingForgivenessRequest {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Forgiveness,
            context.localized("no request for forgiveness", "geen verzoek om vergeving"),
            Addition::Sentence(context.in_draft_language(
                "I hope you will give us the chance to make this right.",
                "Ik hoop dat u ons de kans geeft dit goed te maken.",
            )),
            findings,
        );
    }
}
