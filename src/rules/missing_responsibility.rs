//! ## What it does
//! Reports an apology that never admits fault: no "we made a mistake", "that's on us", "our
//! error", "I take full responsibility" or "we should have".
//!
//! ## Why is this bad?
//! Acknowledging responsibility is the component of an apology that matters most (Lewicki, Polin &
//! Lount, 2016), and advice on customer apologies agrees: take the fault as yours instead of
//! evading it. Regret without ownership reads as "sorry it happened", not "sorry we did it".
//!
//! ## Example
//! ```text
//! We are sorry that your order arrived three days late. A replacement ships on Monday.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry that your order arrived three days late. That was our mistake: we printed the wrong address on the label.
//! ```
//!
//! ## Fix safety
//! The fix inserts a template sentence with a placeholder (`[what we did wrong]`) at the end of
//! the first apology paragraph. Only the writer knows what went wrong, so it is display-only.
//!
//! ## In het Nederlands
//! Meldt excuses zonder zin die verantwoordelijkheid neemt: "onze fout", "wij hebben een fout
//! gemaakt", "ik neem de verantwoordelijkheid", "wij hadden het moeten controleren".
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat uw bestelling te laat was.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat uw bestelling te laat was. Wij hebben een fout gemaakt bij het inplannen.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct MissingResponsibility;

static META: RuleMeta = RuleMeta {
    id: "missing-responsibility",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Structure,
    component: Some(Component::Responsibility),
    fix: FixAvailability::DisplayOnly,
    source: include_str!("missing_responsibility.rs"),
};

impl Rule for MissingResponsibility {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Responsibility,
            context.localized(
                "no sentence takes responsibility: say plainly what you did wrong",
                "geen zin neemt verantwoordelijkheid: zeg eenvoudig wat u fout deed",
            ),
            Addition::Template(context.in_draft_language(
                "That was our mistake: we [what we did wrong].",
                "Dat was onze fout: wij [wat we fout deden].",
            )),
            findings,
        );
    }
}
