//! ## What it does
//! Reports the canned lines of customer-service mail: "sorry for any inconvenience (this may
//! have caused)", "we value your business", "thank you for your continued patronage", "we take
//! this very seriously", "your satisfaction is our top priority", "your privacy and security
//! are of the utmost importance to us", "thank you for your patience".
//!
//! Each cliché is reported once, however many of its variants overlap. A specific harm that
//! happens to use the word ("the inconvenience of driving back twice") is not a cliché.
//!
//! ## Why is this bad?
//! Customer-service writing guides count stock phrases as a mark of a weak apology: a cliché reads
//! as a form letter, the opposite of the sincere, personal apology they ask for. "Any
//! inconvenience" also names no harm, when naming what went wrong is how the writer shows they
//! understood it.
//!
//! ## Example
//! ```text
//! We apologize for any inconvenience this may have caused. We value your business.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry you lost a morning waiting for a technician who never came.
//! ```
//!
//! ## Fix safety
//! For "any inconvenience" the fix puts a placeholder where the harm belongs ("sorry for [the
//! specific harm]"): only the writer knows it, so the fix is display-only. Other clichés have no
//! fix: what should replace "we take this very seriously" is an act, not a phrase.
//!
//! ## In het Nederlands
//! Markeert standaardzinnen van klantenservice: "sorry voor het ongemak", "excuses voor het
//! eventuele ongemak", "wij nemen uw klacht zeer serieus", "bedankt voor uw geduld", "uw
//! tevredenheid is onze hoogste prioriteit". Clichés maken excuses zwak. Een concrete schade met
//! hetzelfde woord blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Excuses voor het eventuele ongemak. Wij nemen uw klacht zeer serieus.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat u een ochtend vrij nam voor een monteur die niet kwam.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Severity};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::edits::one_line;
use crate::rules::ownership::merge_overlapping;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct Cliche;

static META: RuleMeta = RuleMeta {
    id: "cliche",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::DisplayOnly,
    source: include_str!("cliche.rs"),
};

impl Rule for Cliche {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits: Vec<PhraseHit> = analysis
            .hits(PhraseKind::Cliche)
            .iter()
            .filter(|hit| !analysis.text.tokens[hit.start()].quoted())
            // "the inconvenience of driving back twice" names the harm: not a cliché.
            .filter(|hit| {
                !(ends_with_inconvenience(analysis, hit)
                    && analysis.is(hit.end(), analysis.words().harm_complements))
            })
            .copied()
            .collect();
        for group in merge_overlapping(&hits) {
            let range = analysis.span(group.tokens.clone());
            findings.push(
                context.finding(
                    range,
                    context.localized(
                        "canned phrase: say the specific thing instead",
                        "standaardzin: zeg liever precies wat er is",
                    ),
                    inconvenience_fix(context, group.tokens)
                        .into_iter()
                        .collect(),
                ),
            );
        }
    }
}

fn ends_with_inconvenience(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    analysis.is(hit.end() - 1, analysis.words().unnamed_harms)
}

/// "sorry for any inconvenience this may have caused" → "sorry for [the specific harm]": from
/// the determiner before "inconvenience" to the end of the cliché.
fn inconvenience_fix(context: &Context<'_>, tokens: Range<usize>) -> Option<Fix> {
    let analysis = context.analysis;
    let words = analysis.words();
    let noun = tokens
        .clone()
        .find(|&i| analysis.is(i, words.unnamed_harms))?;
    let mut from = noun;
    while from > tokens.start && analysis.is(from - 1, words.harm_determiners) {
        from -= 1;
    }
    let range = analysis.span(from..tokens.end);
    let harm = context.in_draft_language("[the specific harm]", "[de concrete schade]");
    let original = one_line(range.slice(analysis.source));
    Some(Fix::template(
        context.format_localized(
            format_args!("Replace '{original}' with '{harm}'"),
            format_args!("Vervang '{original}' door '{harm}'"),
        ),
        Edit::replace(range, harm),
    ))
}
