//! ## What it does
//! Flags a line that closes the matter for the reader: "let's put this behind us", "I trust this
//! resolves the matter", "we consider this closed", "no hard feelings".
//!
//! Asking is fine: a question ("Can you forgive us?", "Do you think we can put this behind us?")
//! leaves the answer to the reader and stays silent, and so does "let's move on to the refund"
//! (a transition, not a verdict).
//!
//! ## Why is this bad?
//! Forgiveness is the reader's to give. A request for forgiveness is the component of an apology
//! that matters least (Lewicki, Polin & Lount 2016), and declaring the matter settled on the
//! reader's behalf turns even that into pressure. Advice on customer apologies is to leave the
//! customer free to forgive, not to close the subject to get past the problem.
//!
//! ## Example
//! ```text
//! We have refunded the ticket, so let's put this behind us.
//! ```
//!
//! ## Use instead
//! ```text
//! We have refunded the ticket. I hope you will give us another chance at the spring concert.
//! ```
//!
//! ## Fix safety
//! No fix: what to say instead (a request, an offer, nothing) is the writer's choice.
//!
//! ## In het Nederlands
//! Markeert het afsluiten van de zaak voor de lezer: "laten we dit achter ons laten", "hiermee
//! beschouwen wij de zaak als afgehandeld", "zand erover". Een vraag ("Kunt u ons vergeven?")
//! blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Onze excuses. Hiermee beschouwen wij de zaak als afgehandeld.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Onze excuses. Laat u ons weten of dit voor u voldoende is?
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::PhraseKind;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct PressuresForgiveness;

static META: RuleMeta = RuleMeta {
    id: "pressures-forgiveness",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("pressures_forgiveness.rs"),
};

impl Rule for PressuresForgiveness {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits = analysis.hits(PhraseKind::PressuresForgiveness);
        let mut last_end = 0;
        for (index, hit) in hits.iter().enumerate() {
            let start = hit.start();
            // Of the entries that match at one word, the longest speaks for them all.
            let end = hits[index..]
                .iter()
                .take_while(|other| other.start() == hit.start())
                .map(|other| other.end())
                .max()
                .unwrap_or(hit.end());
            if start < last_end || analysis.text.tokens[start].quoted() {
                continue;
            }
            // A question asks the reader; it does not decide for them.
            let sentence = analysis.sentence_of(start);
            if analysis.word(sentence.end() - 1) == "?" {
                continue;
            }
            // "let's move on to the refund", "move forward with the repair": a transition.
            let (last, next) = (analysis.word(end - 1), analysis.word(end));
            if analysis.words().transition_links.contains(&(last, next)) {
                continue;
            }
            last_end = end;
            findings.push(context.finding(
                analysis.span(start..end),
                context.localized(
                    "this closes the matter for the reader: forgiveness is theirs to give; ask, or \
                     leave it open",
                    "dit sluit de zaak af voor de lezer: vergeving is aan hen; vraag erom, of laat \
                     het open",
                ),
                Vec::new(),
            ));
        }
    }
}
