//! ## What it does
//! Reports an apology that never says what changes so the harm does not happen again: no "to
//! make sure this doesn't happen again", "from now on", "we have added a check".
//!
//! ## Why is this bad?
//! Customer-service writing guides ask the writer to say what changes so the harm is not repeated;
//! a declaration of repentance is one of the components of an effective apology (Lewicki, Polin &
//! Lount, 2016).
//!
//! ## Example
//! ```text
//! We are sorry that your booking was lost. We made a mistake when we moved our calendar system.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry that your booking was lost. From now on every booking is checked by a second person.
//! ```
//!
//! ## Fix safety
//! The fix inserts a template sentence with a placeholder; it is display-only.
//!
//! ## In het Nederlands
//! Meldt excuses zonder maatregel tegen herhaling: "om te voorkomen dat", "voortaan", "wij hebben
//! een extra controle ingebouwd". Schrijfadviezen voor klantenservice noemen dit een vaste stap.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat de factuur niet klopte.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat de factuur niet klopte. Voortaan controleert een collega elke factuur.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingPrevention;

static META: RuleMeta = RuleMeta {
    id: "missing-prevention",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Structure,
    component: Some(Component::Prevention),
    fix: FixAvailability::DisplayOnly,
    source: include_str!("missing_prevention.rs"),
};

impl Rule for MissingPrevention {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Prevention,
            context.localized(
                "no prevention: say what changes so this does not happen again",
                "geen preventie: zeg wat er verandert zodat dit niet opnieuw gebeurt",
            ),
            Addition::Template(context.in_draft_language(
                "To make sure this does not happen again, we have [the change we made].",
                "Om te voorkomen dat dit opnieuw gebeurt, hebben wij [de verandering die we doorvoerden].",
            )),
            findings,
        );
    }
}
