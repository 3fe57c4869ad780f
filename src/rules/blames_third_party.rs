//! ## What it does
//! Reports a cause pinned on another party: a cause construction before a courier, supplier,
//! host or other outside party ("due to our courier", "caused by the supplier", "lost by the
//! carrier"), or such a party followed by a failure ("our supplier let us down", "the carrier
//! lost your parcel").
//!
//! It stays silent when the same sentence takes ownership ("…and that is on us: I chose them"),
//! when the party is the object of a remedy ("We have switched to a new courier"), on a bare
//! mention of a party, and on our own staff and systems, which are not another party.
//!
//! ## Why is this bad?
//! To the reader you are the one they did business with: you chose the courier and the host.
//! Customer-service writing guides make the point with a website that went down at its hosting
//! company: the host was your choice, so the apology is yours, without blaming anyone else; and
//! even when a supplier caused the problem, the customer holds you responsible. Acknowledging
//! responsibility is the component of an apology that matters most (Lewicki, Polin & Lount 2016);
//! pointing at a partner withholds it.
//!
//! ## Example
//! ```text
//! We are sorry your sofa arrived with a torn cover. This was caused by the carrier, who dropped it at the depot.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry your sofa arrived with a torn cover. We picked the carrier and we did not pack it well enough: that is our mistake.
//! ```
//!
//! ## Fix safety
//! No fix: only the writer knows what part of the failure they can own, and deleting the cause
//! would leave the sentence without one.
//!
//! ## In het Nederlands
//! Markeert een oorzaak die bij een andere partij wordt gelegd: "door de vervoerder", "veroorzaakt
//! door onze hostingpartij", "onze leverancier heeft ons in de steek gelaten". U koos die partij
//! zelf, dus de excuses zijn van u. Een partij in een maatregel ("wij hebben onze leverancier
//! gewisseld") of een zin die de schuld zelf neemt, blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Onze excuses voor de storing, die werd veroorzaakt door onze hostingpartij.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Onze excuses voor de storing: wij kozen een hostingpartij zonder reservesysteem, en dat is onze fout.
//! ```

use std::ops::Range;

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::ownership::{is_disavowed, writer_owns_fault};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct BlamesThirdParty;

static META: RuleMeta = RuleMeta {
    id: "blames-third-party",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("blames_third_party.rs"),
};

impl Rule for BlamesThirdParty {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let mut flagged: Vec<Range<usize>> = Vec::new();
        for party in analysis.hits(PhraseKind::ThirdParty) {
            let Some(blame) = blame_on(analysis, party) else {
                continue;
            };
            let start = blame.start;
            let sentence = analysis.sentence_of(start).tokens();
            // Parties come in document order and a blame stays in its sentence, so only the
            // blames already flagged in this sentence can overlap: no scan of all of them.
            if analysis.text.tokens[start].quoted()
                || flagged
                    .iter()
                    .rev()
                    .take_while(|done| done.end > sentence.start)
                    .any(|done| done.start < blame.end && blame.start < done.end)
                || writer_owns_fault(analysis, sentence)
                || is_disavowed(analysis, start)
                || is_remedy_object(analysis, party)
            {
                continue;
            }
            flagged.push(blame.clone());
            findings.push(context.finding(
                analysis.span(blame),
                context.localized(
                    "blames another party: to the reader, you chose the courier or supplier; own the failure",
                    "schuift de schuld door: voor de lezer koos u die vervoerder of leverancier; erken de fout",
                ),
                Vec::new(),
            ));
        }
    }
}

/// The tokens that pin a cause on `party`, if any: a cause marker before it ("due to our
/// courier") or a failure after it ("our supplier let us down").
fn blame_on(analysis: &Analysis<'_>, party: &PhraseHit) -> Option<Range<usize>> {
    let party_start = party.start();
    let party_end = party.end();
    let clause = analysis.clause_of(party_start).tokens();
    let words = analysis.words();

    // A cause marker shortly before the party, in the same clause, with no verb between that
    // would make it something else ("due to be collected by the courier").
    for marker in analysis.hits_in(PhraseKind::CauseMarker, clause.start..party_start) {
        let (marker_start, marker_end) = (marker.start(), marker.end());
        if marker_end > party_start || party_start - marker_end > 4 {
            continue;
        }
        let gap = marker_end..party_start;
        if gap
            .clone()
            .any(|i| !analysis.text.is_word(i) || analysis.is(i, words.be_forms))
        {
            continue;
        }
        if analysis.is(marker_start, words.schedule_words)
            && analysis.is(marker_end, words.schedule_verbs)
        {
            continue;
        }
        let bare = marker_end - marker_start == 1;
        // Dutch "door" is "by" as often as "because of": "door PostNL bezorgd" names the
        // carrier, "door een storing bij onze host" and "door de vervoerder kwijtgeraakt" a
        // cause. It blames only with a failure beside it.
        let fronted_cause = bare && analysis.is(marker_start, words.fronted_causes);
        if fronted_cause
            && !failure_beside(analysis, marker_end..party_start, party_end, clause.end)
        {
            continue;
        }
        // A bare "by" names a cause only after a failure: "lost by the carrier", not "shipped
        // by DHL".
        if bare && !fronted_cause && analysis.is(marker_start, words.agent_prepositions) {
            let failure = [PhraseKind::FailureVerb, PhraseKind::PassiveFailure]
                .into_iter()
                .flat_map(|kind| analysis.hits_in(kind, clause.start..marker_start))
                .filter(|hit| hit.end() == marker_start)
                .map(|hit| hit.start())
                .min();
            match failure {
                Some(failure_start) => return Some(failure_start..party_end),
                None => continue,
            }
        }
        return Some(marker_start..party_end);
    }

    // A failure noun placed at the party: "an issue with our cloud provider", "een storing bij
    // onze leverancier".
    if party_start > clause.start + 1 && analysis.is(party_start - 1, words.locatives) {
        let preposition = party_start - 1;
        if let Some(failure) = analysis
            .hits_in(
                PhraseKind::FailureVerb,
                clause.start.max(preposition.saturating_sub(3))..preposition,
            )
            .iter()
            .find(|failure| failure.end() == preposition && is_failure_noun(analysis, failure))
        {
            let mut start = failure.start();
            // Take the noun's article and adjective along: "a transient issue".
            while start > clause.start
                && start + 3 > failure.start()
                && analysis.text.is_word(start - 1)
                && !analysis.is(start - 1, words.first_person_subjects)
                && !analysis.is(start - 1, words.present_auxiliaries)
            {
                start -= 1;
            }
            return Some(start..party_end);
        }
    }

    // The party followed by a failure: "the carrier lost your parcel", "the courier's mistake".
    let mut next = party_end;
    while next < clause.end && next - party_end < 2 && analysis.is(next, words.before_failure) {
        next += 1;
    }
    // Dutch puts the participle last: "onze leverancier heeft de onderdelen niet geleverd".
    if words.verb_final_reach > 0
        && (analysis.is(next, words.present_auxiliaries) || analysis.is(next, words.irregular_past))
    {
        let reach = (next + 1 + words.verb_final_reach).min(clause.end);
        if let Some(fault) = analysis
            .hits_in(PhraseKind::FaultAct, next + 1..reach)
            .iter()
            .find(|fault| fault.end() <= clause.end)
        {
            return Some(party_start..fault.end());
        }
    }
    let last = analysis.word(party_end - 1);
    let possessive = words
        .possessive_suffixes
        .iter()
        .any(|suffix| last.ends_with(suffix));
    analysis
        .hits_in(PhraseKind::FailureVerb, next..next + 1)
        .iter()
        .filter(|failure| failure.end() <= clause.end)
        // A failure noun ("mistake", "delay") belongs to the party only as its possessor:
        // "the courier's mistake", not "the courier problem we have fixed".
        .filter(|failure| possessive || !is_failure_noun(analysis, failure))
        .map(|failure| party_start..failure.end())
        .max_by_key(|range| range.end)
}

/// A failure noun between a Dutch "door" and the party ("door een storing bij …"), or a failure
/// that ends the clause after the party ("door de vervoerder kwijtgeraakt").
fn failure_beside(
    analysis: &Analysis<'_>,
    gap: Range<usize>,
    party_end: usize,
    clause_end: usize,
) -> bool {
    let noun_between = analysis
        .hits_in(PhraseKind::FailureVerb, gap.clone())
        .iter()
        .any(|failure| is_failure_noun(analysis, failure) && failure.end() <= gap.end);
    let failure_after = [PhraseKind::FaultAct, PhraseKind::FailureVerb]
        .into_iter()
        .flat_map(|kind| analysis.hits_in(kind, party_end..(party_end + 6).min(clause_end)))
        .any(|failure| failure.end() <= clause_end);
    noun_between || failure_after
}

fn is_failure_noun(analysis: &Analysis<'_>, failure: &PhraseHit) -> bool {
    failure.end() - failure.start() <= 3
        && analysis.is(failure.start(), analysis.words().failure_nouns)
}

/// The party is what a remedy or prevention acts on: "we have switched to a new courier", "we
/// no longer work with that supplier".
fn is_remedy_object(analysis: &Analysis<'_>, party: &PhraseHit) -> bool {
    let clause = analysis.clause_of(party.start()).tokens();
    let acts_before = [PhraseKind::Remedy, PhraseKind::Prevention]
        .into_iter()
        .flat_map(|kind| analysis.hits_in(kind, clause.start..party.start() + 1))
        .any(|hit| hit.end() + 2 >= party.start());
    // Dutch puts the verb last: "we hebben onze leverancier gewisseld".
    let party_end = party.end();
    let acts_after = analysis.has_first_person(clause.start..party.start())
        && [PhraseKind::RemedyAct, PhraseKind::PreventionAct]
            .into_iter()
            .flat_map(|kind| analysis.hits_in(kind, party_end..party_end + 3))
            .any(|hit| hit.end() <= clause.end);
    acts_before || acts_after
}
