//! ## What it does
//! Reports a denial of fault inside an apology: "not our fault", "we are not responsible",
//! "beyond our control", "nothing to do with us", "there was nothing we could have done".
//!
//! Clearing the reader ("it was not your fault") is not a denial, and neither is a sentence that
//! rejects the excuse itself ("I won't pretend this was beyond our control").
//!
//! ## Why is this bad?
//! An apology that denies fault takes back what it gives. Customer-service writing guides make
//! taking full responsibility, without denying it or blaming others, a step of a sincere apology.
//! Acknowledging responsibility is the component of an apology that matters most to the reader
//! (Lewicki, Polin & Lount 2016); a denial removes it.
//!
//! ## Example
//! ```text
//! We are sorry the concert was cancelled, but the storm was beyond our control.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry the concert was cancelled. We should have told you the night before, when we knew the storm was coming.
//! ```
//!
//! ## Fix safety
//! No fix: whether the writer was at fault is a fact only they know.
//!
//! ## In het Nederlands
//! Markeert het ontkennen van schuld: "niet onze schuld", "buiten onze macht", "wij zijn niet
//! verantwoordelijk". "Het was niet uw schuld" (de klant vrijpleiten) blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons, maar de vertraging lag buiten onze macht.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons: wij hebben de drukte onderschat, en dat is onze fout.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::PhraseKind;
use crate::rules::ownership::{report_groups, unowned_hits};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct DeniesFault;

static META: RuleMeta = RuleMeta {
    id: "denies-fault",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("denies_fault.rs"),
};

impl Rule for DeniesFault {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits = unowned_hits(analysis, PhraseKind::DeniesFault);
        report_groups(
            context,
            &hits,
            context.localized(
                "denies fault: an apology that disowns the harm takes itself back",
                "ontkent de schuld: excuses die de schade afwijzen, nemen zichzelf terug",
            ),
            findings,
        );
    }
}
