//! ## What it does
//! Reports an apology that turns the fault back on the reader: "you should have read", "you
//! failed to", "if you had read", "as clearly stated", "user error", or the reader's own choice
//! given as the cause ("You chose to install it yourself, so…").
//!
//! An expectation the writer failed to meet is not blame: "You should have received the refund
//! by now" stays silent, as does any sentence where the writer owns the fault ("You should have
//! received the label yesterday; that's our mistake").
//!
//! ## Why is this bad?
//! Customer-service writing guides are clear that the customer is never the one to blame: pushing
//! the fault back onto them implies their complaint is unfounded, and a defensive apology counts as
//! a weak one. Blame is the opposite of acknowledging responsibility, the component of an apology
//! that matters most (Lewicki, Polin & Lount 2016).
//!
//! ## Example
//! ```text
//! I'm sorry the kettle stopped working. You should have read the care guide before descaling it.
//! ```
//!
//! ## Use instead
//! ```text
//! I'm sorry the kettle stopped working. Our care guide does not warn about descaling, and it should: I will send you a new kettle today.
//! ```
//!
//! ## Fix safety
//! No fix: what to say instead depends on what really happened, and deleting the blame can
//! leave a sentence that no longer makes sense.
//!
//! ## In het Nederlands
//! Markeert zinnen die de lezer de schuld geven: "u had de handleiding moeten lezen", "uw eigen
//! fout", "zoals duidelijk vermeld staat", "je hebt zelf het verkeerde adres opgegeven". Een
//! verwachting die wij niet waarmaakten ("u had het pakket gisteren moeten ontvangen; dat is onze
//! fout") blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons, maar u had de handleiding moeten lezen.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons: onze handleiding legt deze stap niet duidelijk uit.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::ownership::{report_groups, writer_owns_fault};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct BlamesCustomer;

static META: RuleMeta = RuleMeta {
    id: "blames-customer",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("blames_customer.rs"),
};

impl Rule for BlamesCustomer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits: Vec<PhraseHit> = analysis
            .hits(PhraseKind::BlamesCustomer)
            .iter()
            .filter(|hit| is_blame(analysis, hit))
            .copied()
            .collect();
        report_groups(
            context,
            &hits,
            context.localized(
                "blames the reader: own what went wrong on your side instead",
                "geeft de lezer de schuld: erken liever wat er aan uw kant misging",
            ),
            findings,
        );
    }
}

fn is_blame(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    if analysis.text.tokens[start].quoted() {
        return false;
    }
    // "If you did not save the file, we can restore it": a condition, not an accusation. (The
    // "if you had read" entries start at their own "if".)
    let words = analysis.words();
    if start > 0 && analysis.is(start - 1, words.conditionals) {
        return false;
    }
    let sentence = analysis.sentence_of(start);
    // The writer owns the fault in the same sentence: what looked like blame is an expectation
    // we failed ("You should have had it by Monday; that is our mistake").
    if writer_owns_fault(analysis, sentence.tokens()) {
        return false;
    }
    // "You chose to upgrade, thank you" is no blame; "you chose to install it yourself, so the
    // warranty does not apply" is.
    if analysis.is(start, words.reader_subjects) && analysis.is(start + 1, words.reader_choices) {
        let because = start > 0 && analysis.is(start - 1, words.causal_conjunctions);
        let linked =
            (hit.end()..sentence.end()).any(|i| analysis.is_any_phrase(i, words.consequence_links));
        return because || linked;
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::lint::language::{Analysis, Language};
    use crate::lint::markup::{DocumentKind, extract_prose};
    use crate::lint::summary::Component;

    /// Catalog hard case: "You should have received the label yesterday; that's our mistake."
    /// is silent for this rule and counts as responsibility.
    #[test]
    fn an_expectation_we_failed_counts_as_responsibility() {
        let text = "You should have received the label yesterday; that's our mistake.";
        let prose = extract_prose(text, DocumentKind::PlainText);
        let analysis = Analysis::new(text, &prose, Language::English);
        assert!(analysis.components().contains(Component::Responsibility));
    }
}
