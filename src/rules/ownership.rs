//! What the blame and excuse rules share: does the writer own the fault in this stretch, did they
//! refuse the excuse outright, and one finding per group of overlapping table hits. Not a rule.

use std::ops::Range;

use crate::lint::finding::Finding;
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::Context;

/// Overlapping hits of one table, reported as one: the cover of the group, and its hits.
pub(crate) struct HitGroup<'h> {
    pub tokens: Range<usize>,
    /// A run of the hits given to [`merge_overlapping`], which is sorted by start.
    pub hits: &'h [PhraseHit],
}

/// Does the writer take the fault somewhere in `tokens`: an admission of fault ("that is on
/// us", "our mistake", "we should have checked", "we sent the wrong size") that is not quoted,
/// not inside a condition and not negated ("not our fault")? Shared by the rules that forgive a
/// cause or excuse the writer owns in the same sentence (blames-third-party, excuse,
/// denies-fault, blames-customer, passive-evasion).
///
/// Decision: an admitted act alone ("because of the high volume, we missed your call") does not
/// count. The act is the harm the excuse is explaining away; only naming it as ours to answer
/// for turns the excuse into an explanation (catalog: "…: that is on us").
pub(crate) fn writer_owns_fault(analysis: &Analysis<'_>, tokens: Range<usize>) -> bool {
    analysis
        .hits_in(PhraseKind::Responsibility, tokens)
        .iter()
        .any(|hit| is_admission(analysis, hit))
}

/// Is the phrase at `start` something the writer says they will *not* hide behind: "I won't
/// pretend this was beyond our control", "I will not blame the courier"? A negation followed by
/// a verb of claiming within the clause, up to the phrase itself.
pub(crate) fn is_disavowed(analysis: &Analysis<'_>, start: usize) -> bool {
    let words = analysis.words();
    let clause = analysis.clause_of(start);
    (clause.start()..=start).any(|verb| {
        analysis.is(verb, words.claim_verbs)
            && (verb.saturating_sub(4).max(clause.start())..verb)
                .any(|i| analysis.is(i, words.negation_adverbs))
    })
}

/// Group `hits` (sorted by start, as [`Analysis::hits`] returns them) whose token ranges
/// overlap, so that one phrase matched by several table entries ("sorry for any inconvenience"
/// and "any inconvenience this may have caused") is reported once, over its longest span.
pub(crate) fn merge_overlapping(hits: &[PhraseHit]) -> Vec<HitGroup<'_>> {
    let mut groups: Vec<HitGroup<'_>> = Vec::new();
    let mut first = 0;
    for (index, hit) in hits.iter().enumerate() {
        match groups.last_mut() {
            Some(group) if hit.start() < group.tokens.end => {
                group.tokens.end = group.tokens.end.max(hit.end());
                group.hits = &hits[first..=index];
            }
            _ => {
                first = index;
                groups.push(HitGroup {
                    tokens: hit.tokens(),
                    hits: &hits[index..=index],
                });
            }
        }
    }
    groups
}

fn is_admission(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    let words = analysis.words();
    if analysis.text.tokens[start].quoted()
        || !hit.tokens().any(|i| analysis.is(i, words.admission_words))
    {
        return false;
    }
    let clause = analysis.clause_of(start).tokens();
    let conditional = (clause.start..start).any(|i| analysis.is(i, words.conditionals));
    let negated =
        (start.saturating_sub(3).max(clause.start)..start).any(|i| analysis.is(i, words.negations));
    !conditional && !negated
}

/// The hits of `kind` the writer does not take back: not quoted, not refused outright ("I won't
/// pretend this was beyond our control"), and not in a sentence where the writer owns the fault
/// (the catalog: a plain explanation followed by ownership is not an excuse).
pub(crate) fn unowned_hits(analysis: &Analysis<'_>, kind: PhraseKind) -> Vec<PhraseHit> {
    analysis
        .hits(kind)
        .iter()
        .filter(|hit| {
            let start = hit.start();
            !analysis.text.tokens[start].quoted()
                && !is_disavowed(analysis, start)
                && !writer_owns_fault(analysis, analysis.sentence_of(start).tokens())
        })
        .copied()
        .collect()
}

/// One finding, without a fix, per group of overlapping `hits`: the reporting step of the rules
/// whose phrases need the writer's own words, not an edit.
pub(crate) fn report_groups(
    context: &Context<'_>,
    hits: &[PhraseHit],
    message: &'static str,
    findings: &mut Vec<Finding>,
) {
    for group in merge_overlapping(hits) {
        findings.push(context.finding(context.analysis.span(group.tokens), message, Vec::new()));
    }
}
