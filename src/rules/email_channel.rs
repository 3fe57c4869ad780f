//! ## What it does
//! Gives one hint on a draft that is an e-mail (mail headers, or a "Dear …" greeting and a
//! sign-off): consider calling first and sending the mail as the follow-up. Off by default: turn
//! it on in `[rules]`.
//!
//! ## Why is this bad?
//! Several customer-service writing guides hold that an apology by e-mail alone looks like taking
//! the easy way out: meet or call the customer first, and use e-mail to confirm once you have
//! apologized in person. Many teams can only write, which is why this rule is off unless you want
//! it.
//!
//! ## Example
//! ```text
//! Dear Ms. Jansen,
//!
//! I am sorry we sent you the wrong invoice. That was my mistake, and I have sent the right one today.
//!
//! Kind regards,
//! Piet
//! ```
//!
//! ## Use instead
//! ```text
//! I am sorry we sent you the wrong invoice. That was my mistake, and I have sent the right one today.
//! ```
//!
//! ## Fix safety
//! There is no fix: whether to call is the writer's decision.
//!
//! ## In het Nederlands
//! Geeft, als de regel aan staat, één hint bij excuses per e-mail (aanhef, afsluiting of
//! mailkoppen): schrijfadviezen voor klantenservice raden aan eerst te bellen en de mail als
//! bevestiging te sturen.
//!
//! ### Voorbeeld
//! ```text
//! Beste meneer De Vries,
//!
//! Onze excuses voor de late levering van uw bureau.
//!
//! Met vriendelijke groet,
//! Lotte
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Onze excuses voor de late levering van uw bureau. Ik heb de bezorgkosten teruggestort.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::PhraseKind;
use crate::lint::markup::DocumentKind;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct EmailChannel;

static META: RuleMeta = RuleMeta {
    id: "email-channel",
    default_severity: Severity::Hint,
    enabled_by_default: false,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("email_channel.rs"),
};

impl Rule for EmailChannel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let headers = context.kind == DocumentKind::Email || context.prose.genre.email_headers;
        let greeting = analysis
            .hits(PhraseKind::Greeting)
            .first()
            .is_some_and(|hit| hit.start() == 0);
        let sign_off = !analysis.hits(PhraseKind::SignOff).is_empty();
        if headers || (greeting && sign_off) {
            findings.push(context.finding(
                context.anchor,
                context.localized(
                    "an apology by e-mail alone can read as a cop-out: call first, then send this as the follow-up",
                    "excuses alleen per e-mail kunnen als uitvlucht overkomen: bel eerst en stuur dit daarna als bevestiging",
                ),
                Vec::new(),
            ));
        }
    }
}
