//! Which components of a good apology a draft has (Lewicki, Polin & Lount 2016).
//!
//! Detection prefers precision (catalog, "Structure rules"): an explicit first-person
//! commitment, not any verb. A phrase inside a condition ("if we made a mistake") or inside
//! quotes is not the writer's admission.

use super::{Analysis, PhraseHit, PhraseKind};
use crate::lint::finding::TextRange;
use crate::lint::summary::{Component, Components};

/// Where each component was first found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Found {
    ranges: [Option<TextRange>; 6],
}

impl Found {
    pub fn present(&self) -> Components {
        Component::ALL
            .into_iter()
            .filter(|c| self.ranges[*c as usize].is_some())
            .collect()
    }

    pub fn range(&self, component: Component) -> Option<TextRange> {
        self.ranges[component as usize]
    }

    /// Take the components `other` has and this one lacks.
    pub fn add(&mut self, other: &Found) {
        for (mine, theirs) in self.ranges.iter_mut().zip(other.ranges) {
            if mine.is_none() {
                *mine = theirs;
            }
        }
    }
}

pub(super) fn find(analysis: &Analysis<'_>) -> Found {
    let first = |kind: PhraseKind, accept: &dyn Fn(&PhraseHit) -> bool| {
        analysis
            .hits(kind)
            .iter()
            .find(|hit| accept(hit))
            .map(|hit| analysis.span(hit.tokens()))
    };
    let own_words = |hit: &PhraseHit| is_own_statement(analysis, hit);
    let mut found = Found::default();
    found.ranges[Component::Responsibility as usize] =
        first(PhraseKind::Responsibility, &own_words);
    found.ranges[Component::Remedy as usize] = first(PhraseKind::Remedy, &|hit| {
        !analysis.text.tokens[hit.start as usize].quoted() && !is_negated(analysis, hit)
    });
    found.ranges[Component::Empathy as usize] = first(PhraseKind::Empathy, &own_words);
    found.ranges[Component::Prevention as usize] = first(PhraseKind::Prevention, &own_words);
    // A request for forgiveness is naturally a question ("Can you forgive us?").
    found.ranges[Component::Forgiveness as usize] = first(PhraseKind::Forgiveness, &|hit| {
        !analysis.text.tokens[hit.start as usize].quoted() && !is_conditional(analysis, hit)
    });
    found.ranges[Component::Explanation as usize] = first(PhraseKind::Explanation, &own_words)
        .or_else(|| {
            first(PhraseKind::CauseConjunction, &|hit| {
                own_words(hit) && starts_concrete_cause(analysis, hit.end as usize)
            })
        });
    found
}

/// Not quoted, not inside an "if" clause, not a question.
fn is_own_statement(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start as usize;
    if analysis.text.tokens[start].quoted() {
        return false;
    }
    let question = analysis.word(analysis.sentence_of(start).end as usize - 1) == "?";
    !is_conditional(analysis, hit) && !question
}

/// "if we made a mistake" admits nothing.
fn is_conditional(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start as usize;
    let clause = analysis.clause_of(start);
    (clause.start as usize..start)
        .any(|i| analysis.is(i, &["if", "whether", "unless", "als", "indien"]))
}

/// "we can not refund" is the opposite of a remedy.
fn is_negated(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    hit.tokens()
        .any(|i| analysis.is(i, &["not", "never", "niet", "geen"]))
}

/// "because our label printer failed": a concrete subject and a finite verb follow; "because of
/// the high volume" (an excuse) does not count.
fn starts_concrete_cause(analysis: &Analysis<'_>, next: usize) -> bool {
    let words = analysis.words();
    if !analysis.is(next, words.subject_words) {
        return false;
    }
    let clause_end = analysis.clause_of(next).end as usize;
    let excuse = !analysis
        .hits_in(PhraseKind::Excuse, next.saturating_sub(2)..next + 1)
        .is_empty();
    !excuse
        && (next + 1..clause_end.min(next + 7))
            .any(|i| analysis.is_past_verb(i) || analysis.is(i, words.present_auxiliaries))
}
