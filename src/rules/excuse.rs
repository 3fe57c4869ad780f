//! ## What it does
//! Reports a justification that dilutes the apology: "due to unforeseen circumstances",
//! "because of the high volume of orders", "we are only human", "it was a busy season", "our
//! warehouse team was on strike".
//!
//! An explanation the writer then owns in the same sentence is not an excuse ("It was a busy
//! week and we did not check the order: that is on us"), and neither is one the writer refuses
//! to hide behind ("I won't blame the busy season").
//!
//! ## Why is this bad?
//! Customer-service writing guides count an apology padded with excuses as a weak one: justifying
//! the failure waters the apology down. A vague cause gives the reader nothing: a real explanation
//! names what went wrong, and it helps only next to an acknowledgment of responsibility, the
//! component that matters most (Lewicki, Polin & Lount 2016).
//!
//! ## Example
//! ```text
//! We apologize for the late delivery. Due to the high volume of orders, some parcels left a day later.
//! ```
//!
//! ## Use instead
//! ```text
//! We apologize for the late delivery. We took more orders than we could pack and did not tell you: that is on us.
//! ```
//!
//! ## Fix safety
//! No fix: replacing an excuse with a real cause needs the writer's knowledge.
//!
//! ## In het Nederlands
//! Markeert smoesjes die de excuses verwateren: "door onvoorziene omstandigheden", "door de
//! drukte", "wij zijn ook maar mensen". Het Nederlandse woord *excuses* betekent verontschuldiging
//! en valt nooit onder deze regel. Een oorzaak gevolgd door eigen schuld ("…: dat is onze fout")
//! blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Door onvoorziene omstandigheden is uw pakket later verstuurd.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Uw pakket is later verstuurd omdat wij de voorraad verkeerd hadden geteld: dat is onze fout.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::PhraseKind;
use crate::rules::ownership::{report_groups, unowned_hits};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct Excuse;

static META: RuleMeta = RuleMeta {
    id: "excuse",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("excuse.rs"),
};

impl Rule for Excuse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits = unowned_hits(analysis, PhraseKind::Excuse);
        report_groups(
            context,
            &hits,
            context.localized(
                "excuse: it dilutes the apology; name the real cause and own it",
                "smoesje: het verwatert de excuses; noem de echte oorzaak en erken die",
            ),
            findings,
        );
    }
}
