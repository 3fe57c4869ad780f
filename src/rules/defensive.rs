//! ## What it does
//! Reports defensive phrasing inside an apology: "to be fair", "as I already explained", "per
//! our policy", "with all due respect", "we did everything we could", "for the record".
//!
//! A policy mentioned as part of a remedy is not defensive: "our refund policy now covers this",
//! "in line with our policy, we have refunded the full amount".
//!
//! ## Why is this bad?
//! Customer-service writing guides count a defensive apology as a weak one, and note that
//! justifying yourself implies the complaint is unfounded. A defensive line argues the writer's
//! case when the reader is waiting for an acknowledgment of responsibility, the component of an
//! apology that matters most (Lewicki, Polin & Lount 2016).
//!
//! ## Example
//! ```text
//! I am sorry you were charged for the cancelled class. As I already explained, per our policy the fee is not refundable.
//! ```
//!
//! ## Use instead
//! ```text
//! I am sorry you were charged for the cancelled class. We cancelled it, so the fee is yours: I have refunded it today.
//! ```
//!
//! ## Fix safety
//! No fix: deleting a defensive phrase often leaves a sentence that still argues, and what to
//! say instead depends on the case.
//!
//! ## In het Nederlands
//! Markeert een verdedigende toon: "zoals eerder aangegeven", "volgens onze voorwaarden", "met alle
//! respect", "wij hebben ons best gedaan". Een maatregel ("ons retourbeleid dekt dit nu ook")
//! blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Zoals eerder aangegeven kunnen wij geen terugbetaling doen.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Wij storten het bedrag vandaag terug, ook al valt het buiten de retourtermijn.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::ownership::{report_groups, writer_owns_fault};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct Defensive;

static META: RuleMeta = RuleMeta {
    id: "defensive",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("defensive.rs"),
};

impl Rule for Defensive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits: Vec<PhraseHit> = analysis
            .hits(PhraseKind::Defensive)
            .iter()
            .filter(|hit| {
                let quoted = analysis.text.tokens[hit.start()].quoted();
                // "In line with our policy, we have refunded you": the policy gives, not argues.
                let policy_as_remedy = cites_policy(analysis, hit) && serves_remedy(analysis, hit);
                // "As previously mentioned, we apologise for …" points back to our own apology,
                // not to an explanation the reader ignored.
                let repeats_apology = hit
                    .tokens()
                    .any(|i| analysis.is(i, analysis.words().back_references))
                    && analysis
                        .apology_in_sentence_of(hit.start())
                        .is_some_and(|apology| apology.start() >= hit.end());
                !quoted && !policy_as_remedy && !repeats_apology
            })
            // "I want to stress that this was entirely our fault" emphasizes the admission.
            .filter(|hit| !writer_owns_fault(analysis, analysis.sentence_of(hit.start()).tokens()))
            .copied()
            .collect();
        report_groups(
            context,
            &hits,
            context.localized(
                "defensive: it argues your case instead of owning the harm",
                "defensief: het pleit uw zaak in plaats van de schade te erkennen",
            ),
            findings,
        );
    }
}

fn cites_policy(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    hit.tokens()
        .any(|i| analysis.is(i, analysis.words().policy_words))
}

/// A policy cited to give the reader something: the sentence holds a remedy or a prevention of
/// ours that is not negated ("per our policy, we have refunded…").
fn serves_remedy(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let sentence = analysis.sentence_of(hit.start()).tokens();
    [PhraseKind::Remedy, PhraseKind::Prevention]
        .into_iter()
        .flat_map(|kind| analysis.hits_in(kind, sentence.clone()))
        .any(|remedy| {
            !remedy
                .tokens()
                .any(|i| analysis.is(i, analysis.words().negations))
        })
}
