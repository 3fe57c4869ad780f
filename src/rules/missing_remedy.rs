//! ## What it does
//! Reports an apology that offers no repair of this reader's harm: no "I have refunded …",
//! "we will ship … on Wednesday", nor an open offer such as "how can I make this right?".
//!
//! ## Why is this bad?
//! An offer of repair is the second most important component of an apology (Lewicki, Polin & Lount,
//! 2016); advice on customer apologies counts an apology without a remedy as weak and suggests
//! asking the customer what would put things right. Changes that stop it happening again are
//! prevention, not remedy: they help the next customer, not this one.
//!
//! ## Example
//! ```text
//! I am sorry we charged your card twice. That was our mistake.
//! ```
//!
//! ## Use instead
//! ```text
//! I am sorry we charged your card twice. That was our mistake, and I have refunded the second charge today.
//! ```
//!
//! ## Fix safety
//! The fix inserts a template sentence with placeholders (`[what]`, `[date]`); it is
//! display-only.
//!
//! ## In het Nederlands
//! Meldt excuses zonder herstel van de schade van deze lezer: "wij storten het bedrag terug", "wij
//! sturen u morgen een nieuwe", "ik heb de kosten teruggestort", of een open aanbod "Hoe kan ik het
//! goedmaken?". Maatregelen tegen herhaling zijn preventie, geen herstel.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons dat wij uw kaart twee keer hebben belast. Dat was onze fout.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat wij uw kaart twee keer hebben belast. Ik heb het tweede bedrag vandaag teruggestort.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::summary::Component;
use crate::rules::structure::{Addition, report_missing};
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

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        report_missing(
            context,
            Component::Remedy,
            context.localized(
                "no remedy: say what you have done or will do to repair this reader's harm",
                "geen herstel: zeg wat u hebt gedaan of gaat doen om de schade van deze lezer te herstellen",
            ),
            Addition::Template(context.in_draft_language(
                "I have [refunded / replaced / …] [what] on [date].",
                "Ik heb [wat] op [datum] [terugbetaald / vervangen / …].",
            )),
            findings,
        );
    }
}
