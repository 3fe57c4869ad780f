//! ## What it does
//! Reports a promise of repair or prevention with no concrete act ("we will look into it",
//! "we'll do our best", "we will do better"), or with the act the reader waits for but no time
//! ("as soon as possible", "shortly", "in due course").
//!
//! ## Why is this bad?
//! A remedy the reader cannot check is no remedy: customer-service writing guides ask for a
//! concrete fix, a plan and a follow-up ("the order will ship Wednesday; I will call you
//! Thursday"). An offer of repair is the second most important component of an apology (Lewicki,
//! Polin & Lount, 2016), and a vague one reads as a brush-off.
//!
//! ## Example
//! ```text
//! I am sorry your parcel went missing. We will look into it and get back to you as soon as possible.
//! ```
//!
//! ## Use instead
//! ```text
//! I am sorry your parcel went missing. I have sent a new one by courier today, and I will call you on Thursday with the tracking number.
//! ```
//!
//! ## Fix safety
//! The fix replaces the phrase with a template (`we will [action] by [date]`) whose
//! placeholders only the writer can fill: display-only. An open offer ("How can I make this
//! right?") is a real remedy and is not reported.
//!
//! ## In het Nederlands
//! Markeert een belofte zonder concrete daad of termijn: "we gaan ernaar kijken", "wij zullen ons
//! best doen", "zo snel mogelijk", "we gaan het beter doen". Een concrete daad met een dag ("wij
//! sturen het woensdag op") of een open aanbod ("Hoe kan ik het goedmaken?") blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons. We gaan ernaar kijken.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons. Wij sturen het nieuwe exemplaar woensdag op.
//! ```

use crate::lint::finding::{Edit, Finding, Fix, Severity, TextRange};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct VagueRemedy;

static META: RuleMeta = RuleMeta {
    id: "vague-remedy",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::DisplayOnly,
    source: include_str!("vague_remedy.rs"),
};

impl Rule for VagueRemedy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let mut reported_up_to = 0;
        let mut promises: Vec<&PhraseHit> = analysis
            .hits(PhraseKind::VagueRemedy)
            .iter()
            .chain(analysis.hits(PhraseKind::VaguePrevention))
            .collect();
        promises.sort_by_key(|hit| (hit.start(), hit.end()));
        for hit in promises {
            let range = analysis.span(hit.tokens());
            if hit.start() < reported_up_to
                || analysis.text.tokens[hit.start()].quoted()
                || made_concrete(analysis, hit)
            {
                continue;
            }
            reported_up_to = hit.end();
            findings.push(context.finding(
                range,
                context.localized(
                    "vague remedy: say what you will do and when",
                    "vaag herstel: zeg wat u gaat doen en wanneer",
                ),
                vec![template_fix(context, range)],
            ));
        }
        let mut reported_time_up_to = 0;
        for hit in analysis.hits(PhraseKind::VagueTime) {
            let start = hit.start();
            // "as soon as possible" also holds "soon": one vague time, reported once.
            if hit.start() < reported_time_up_to {
                continue;
            }
            let sentence = analysis.sentence_of(start);
            // A vague time only weakens a commitment of ours ("we will … shortly"); "talk soon" in
            // a sign-off does not. The commitment stands a few words before the time.
            let window = sentence.start().max(start.saturating_sub(12))..start;
            let words = analysis.words();
            // "we will share more details shortly", "normal service will be resumed shortly":
            // a promise; "we look forward to seeing you soon" is not.
            let committed = window
                .clone()
                .any(|i| analysis.is(i, words.future_auxiliaries))
                && !window.clone().any(|i| analysis.is(i, words.pleasantries));
            // "Double charges will be refunded in due course": the awaited act, with no time.
            let awaited_act = !analysis.hits_in(PhraseKind::RemedyAct, window).is_empty();
            let concrete = !analysis
                .hits_in(PhraseKind::ConcreteTime, sentence.tokens())
                .is_empty();
            // "we will get back to you shortly" is one vague promise, reported once.
            let already = analysis
                .hits_overlapping(PhraseKind::VagueRemedy, hit.tokens())
                .chain(analysis.hits_overlapping(PhraseKind::VaguePrevention, hit.tokens()))
                .next()
                .is_some();
            if !(committed || awaited_act)
                || concrete
                || already
                || analysis.text.tokens[start].quoted()
            {
                continue;
            }
            reported_time_up_to = hit.end();
            let range = analysis.span(hit.tokens());
            let by_date = context.in_draft_language("by [date]", "vóór [datum]");
            findings.push(context.finding(
                range,
                context.localized("vague time: say by when", "vage termijn: zeg vóór wanneer"),
                vec![Fix::template(
                    context.format_localized(
                        format_args!("Replace with '{by_date}'"),
                        format_args!("Vervang door '{by_date}'"),
                    ),
                    Edit::replace(range, by_date),
                )],
            ));
        }
    }
}

/// A vague promise the same or the next sentence makes concrete: a promise to repair by a
/// repair ("We will make this right. We will credit your account today.") or by a time after it
/// ("We will fix this by Friday."), a promise to prevent by a change ("This won't happen again:
/// we have added a second check.").
fn made_concrete(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let sentence = analysis.text.sentence_of(hit.start());
    let last = (sentence + 1).min(analysis.text.sentences.len() - 1);
    let span = analysis.sentence(sentence).start()..analysis.sentence(last).end();
    let outside = |found: &&PhraseHit| found.end() <= hit.start() || found.start() >= hit.end();
    let concrete = |kind: PhraseKind| {
        analysis
            .hits_in(kind, span.clone())
            .iter()
            .any(|found| outside(&found))
    };
    // "We will send it as soon as possible": the act is named, its time is what is vague, and
    // only a date ("by Friday") makes it concrete.
    let vague_time = analysis
        .hits_overlapping(PhraseKind::VagueTime, hit.tokens())
        .next()
        .is_some();
    if vague_time {
        return !analysis
            .hits_in(
                PhraseKind::ConcreteTime,
                analysis.sentence(sentence).tokens(),
            )
            .is_empty();
    }
    // "We will get it back up by 14:00 today": the promise has its time.
    let timed = || {
        let rest = hit.end()..analysis.sentence(sentence).end();
        !analysis.hits_in(PhraseKind::ConcreteTime, rest).is_empty()
    };
    match hit.kind {
        PhraseKind::VaguePrevention => concrete(PhraseKind::PreventionAct),
        _ => concrete(PhraseKind::Remedy) || concrete(PhraseKind::RemedyWaiver) || timed(),
    }
}

fn template_fix(context: &Context<'_>, range: TextRange) -> Fix {
    let template = context.in_draft_language(
        "we will [action] by [date]",
        "wij gaan vóór [datum] [actie]",
    );
    Fix::template(
        context.format_localized(
            format_args!("Replace with '{template}'"),
            format_args!("Vervang door '{template}'"),
        ),
        Edit::replace(range, template),
    )
}
