//! ## What it does
//! Reports an apology that never says what caused the harm: no "because our printer failed",
//! "the cause was …", "what happened is …". The vague causes of `excuse` ("unforeseen
//! circumstances") do not count.
//!
//! ## Why is this bad?
//! A plain explanation is one of the six components of an effective apology (Lewicki, Polin &
//! Lount, 2016), and customer-service writing guides count saying what happened among the steps of
//! a sincere apology. Kept short and concrete, it shows you understand the failure.
//!
//! ## Example
//! ```text
//! I apologize for the outage on your account this morning. We have restored access.
//! ```
//!
//! ## Use instead
//! ```text
//! I apologize for the outage on your account this morning. It happened because a certificate on our login server expired.
//! ```
//!
//! ## Fix safety
//! The fix inserts a template sentence with a placeholder; it is display-only.
//!
//! ## In het Nederlands
//! Geeft een hint bij excuses zonder eenvoudige oorzaak: "doordat", "omdat", "de oorzaak was",
//! "wat er gebeurde is". De vage oorzaken van `excuse` tellen niet mee.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat uw pakket te laat was.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat uw pakket te laat was. De oorzaak was een fout in ons planningssysteem.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingExplanation;

static META: RuleMeta = RuleMeta {
    id: "missing-explanation",
    default_severity: Severity::Hint,
    enabled_by_default: true,
    kind: RuleKind::Structure,
    component: Some(Component::Explanation),
    fix: FixAvailability::DisplayOnly,
    source: include_str!("missing_explanation.rs"),
};

impl Rule for MissingExplanation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Explanation,
            context.localized(
                "no explanation: say plainly what caused this",
                "geen uitleg: zeg eenvoudig wat dit veroorzaakte",
            ),
            Addition::Template(context.in_draft_language(
                "What happened: [the cause, in one plain sentence].",
                "Wat er gebeurde: [de oorzaak, in één eenvoudige zin].",
            )),
            findings,
        );
    }
}
