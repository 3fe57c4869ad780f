//! ## What it does
//! Flags regret aimed at the reader's reaction instead of at what the writer did: "sorry you feel
//! that way", "sorry you were offended", "I apologize for your frustration".
//!
//! Only the words right after the apology word count, so an apology that names the harm we
//! caused ("I'm sorry you had to wait two weeks") or an event ("I'm sorry the hot tea burned your
//! hand") is left alone. "Sorry *if* you feel that way" is reported by `conditional-apology`.
//!
//! ## Why is this bad?
//! Regret for someone's feelings places the problem in the reader, not in the act: it admits
//! nothing. Acknowledgment of responsibility is what makes an apology work (Lewicki, Polin & Lount
//! 2016), and advice on customer apologies warns against replies that sidestep the complaint.
//!
//! ## Example
//! ```text
//! I'm sorry you feel let down by our support team.
//! ```
//!
//! ## Use instead
//! ```text
//! I'm sorry we left your ticket unanswered for nine days.
//! ```
//!
//! ## Fix safety
//! Display-only: the fix replaces the reader's reaction (to the end of its clause) with a
//! template, "that we [what we did]" ("for [what we did]" after *apologize* or *apologies*);
//! only the writer can fill it in.
//!
//! ## In het Nederlands
//! Markeert spijt over de reactie van de lezer in plaats van over wat wij deden: "het spijt me dat
//! u zich zo voelt", "sorry dat je het zo ervaart", "excuses voor uw teleurstelling". Spijt over
//! een gebeurtenis ("het spijt me dat de hete thee uw hand verbrandde") blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt me dat u zich zo voelt over onze nieuwe tarieven.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt me dat wij de nieuwe tarieven zonder aankondiging hebben ingevoerd.
//! ```

use crate::lint::finding::{Edit, Finding, Fix, Severity};
use crate::lint::language::apology::ApologyForm;
use crate::lint::language::{Language, PhraseKind};
use crate::rules::conditional_apology::condition_end;
use crate::rules::edits::one_line;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct SorryYouFeel;

static META: RuleMeta = RuleMeta {
    id: "sorry-you-feel",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::DisplayOnly,
    source: include_str!("sorry_you_feel.rs"),
};

impl Rule for SorryYouFeel {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        for apology in analysis.writer_apologies() {
            let word = apology.word();
            // Right after the apology word ("sorry that you feel" is covered by the table's
            // optional *that*).
            let next = analysis.object_start(apology);
            let clause = analysis.clause_of(word);
            let Some(hit) = analysis
                .hits_in(PhraseKind::ReaderFeeling, next..next + 1)
                .iter()
                .filter(|hit| hit.end() <= clause.end())
                .max_by_key(|hit| hit.end())
            else {
                continue;
            };
            let template = match (context.language(), apology.form) {
                (Language::Dutch, _) => "dat wij [wat we deden]",
                (_, ApologyForm::Apologize | ApologyForm::Apologies) => "for [what we did]",
                (_, ApologyForm::Sorry | ApologyForm::Regret) => "that we [what we did]",
            };
            // The template replaces the reaction and whatever qualifies it ("… by our team").
            let end = condition_end(analysis, hit.end(), clause.end());
            let feeling = analysis.span(hit.start()..end);
            let original = one_line(feeling.slice(context.source));
            let fix = Fix::template(
                context.format_localized(
                    format_args!("Replace '{original}' with '{template}'"),
                    format_args!("Vervang '{original}' door '{template}'"),
                ),
                Edit::replace(feeling, template),
            );
            findings.push(context.finding(
                analysis.span(apology.start()..hit.end()),
                context.localized(
                    "regret for the reader's reaction admits nothing: apologize for what we did",
                    "spijt over de reactie van de lezer erkent niets: bied excuses aan voor wat wij deden",
                ),
                vec![fix],
            ));
        }
    }
}
