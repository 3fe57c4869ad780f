//! ## What it does
//! Reports an apology that never names the reader's situation or feelings: no "I understand how
//! frustrating …", "I can imagine …", "you were counting on …".
//!
//! ## Why is this bad?
//! Advice on customer apologies makes empathy one of the steps: see the situation from the reader's
//! side and say what it cost them. An apology that only talks about the company reads as a form
//! letter.
//!
//! ## Example
//! ```text
//! We apologize for the missing parts in your kit. Our packing list was wrong.
//! ```
//!
//! ## Use instead
//! ```text
//! We apologize for the missing parts in your kit. I can imagine how annoying it was to stop halfway through the build.
//! ```
//!
//! ## Fix safety
//! The fix inserts a template sentence with placeholders; it is display-only.
//!
//! ## In het Nederlands
//! Meldt excuses die niet benoemen wat dit voor de lezer betekende: "ik begrijp hoe vervelend", "ik
//! kan me voorstellen", "u rekende op…". Schrijfadviezen voor klantenservice noemen inleving een
//! vaste stap.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat de monteur niet kwam.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat de monteur niet kwam. Ik begrijp hoe vervelend het is om daarvoor een dag vrij te nemen.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingEmpathy;

static META: RuleMeta = RuleMeta {
    id: "missing-empathy",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Structure,
    component: Some(Component::Empathy),
    fix: FixAvailability::DisplayOnly,
    source: include_str!("missing_empathy.rs"),
};

impl Rule for MissingEmpathy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Empathy,
            context.localized(
                "no empathy: name what this meant for the reader",
                "geen empathie: benoem wat dit voor de lezer betekende",
            ),
            Addition::Template(context.in_draft_language(
                "I understand how [frustrating / stressful] it was to [what the reader went through].",
                "Ik begrijp hoe [vervelend / frustrerend] het was om [wat de lezer meemaakte].",
            )),
            findings,
        );
    }
}
