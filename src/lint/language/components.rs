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
    found.ranges[Component::Responsibility as usize] = first(PhraseKind::Responsibility, &|hit| {
        own_words(hit) && !negated_before(analysis, hit, 2)
    })
    .or_else(|| owned_in_an_apology(analysis));
    let unquoted = |hit: &PhraseHit| !analysis.text.tokens[hit.start()].quoted();
    // A repair, unless refused ("we cannot refund"), hedged ("we will try to make this right"),
    // the fault itself ("we sent you the wrong size") or news sent ("I have already sent you two
    // emails"); a waiver says its "not" on purpose ("you will not be charged").
    found.ranges[Component::Remedy as usize] = first(PhraseKind::Remedy, &|hit| {
        unquoted(hit)
            && !is_negated(analysis, hit)
            && !is_hedged(analysis, hit)
            && !names_a_fault(analysis, hit)
            && !sends_only_news(analysis, hit)
            && !is_counterfactual(analysis, hit)
    })
    .or_else(|| first(PhraseKind::RemedyWaiver, &unquoted));
    found.ranges[Component::Empathy as usize] = first(PhraseKind::Empathy, &own_words);
    found.ranges[Component::Prevention as usize] = first(PhraseKind::Prevention, &|hit| {
        own_words(hit) && !is_hedged(analysis, hit)
    });
    // A request for forgiveness is naturally a question ("Can you forgive us?"); "I don't expect
    // you to forgive me" asks for nothing.
    found.ranges[Component::Forgiveness as usize] = first(PhraseKind::Forgiveness, &|hit| {
        unquoted(hit) && !is_conditional(analysis, hit) && !negated_before(analysis, hit, 5)
    });
    // "we do not yet know how this could happen" explains nothing.
    found.ranges[Component::Explanation as usize] = first(PhraseKind::Explanation, &|hit| {
        own_words(hit) && !negated_before(analysis, hit, 4)
    })
    .or_else(|| {
        first(PhraseKind::CauseConjunction, &|hit| {
            let fronted_only = analysis.is(hit.start(), analysis.words().fronted_causes);
            let at_front = hit.start() == analysis.clause_of(hit.start()).start();
            own_words(hit)
                && (!fronted_only || at_front)
                && starts_concrete_cause(analysis, hit.end())
        })
    });
    found
}

/// An apology whose object is the writer's own act: "I'm sorry that we gave you the wrong
/// time", "sorry I missed your call", "sorry for snapping at you".
fn owned_in_an_apology(analysis: &Analysis<'_>) -> Option<crate::lint::finding::TextRange> {
    analysis.writer_apologies().find_map(|apology| {
        let object = analysis.object_start(apology);
        let clause_end = analysis.clause_of(apology.word()).end();
        let end = clause_end.min(object + 8);
        let words = analysis.words();
        let opener = words.act_openers.len();
        let verb = object + opener;
        let gerund = opener > 0
            && (0..opener).all(|k| analysis.word(object + k) == words.act_openers[k])
            && analysis.text.is_word(verb)
            && words.regular_progressive_suffixes.iter().any(|suffix| {
                let word = analysis.word(verb);
                word.len() > suffix.len() + 2
                    && word.ends_with(suffix)
                    && !words
                        .not_progressive_endings
                        .iter()
                        .any(|ending| word.ends_with(ending))
            })
            // A Dutch nominalized verb takes its object with "van": "voor het plaatsen van";
            // "voor het uitvallen van het water" names the water failing, not our act.
            && (words.gerund_object_prepositions.is_empty()
                || analysis.is(verb + 1, words.gerund_object_prepositions))
            && !analysis.is(verb, words.intransitive_nominals);
        let owned = gerund
            || (analysis.owns_act(object..end)
                && !(object..end).any(|i| analysis.is(i, analysis.words().conditionals)));
        owned.then(|| analysis.span(apology.start()..end))
    })
}

/// Not quoted, not inside an "if" clause, not a question.
fn is_own_statement(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    if analysis.text.tokens[start].quoted() {
        return false;
    }
    let question = analysis.word(analysis.sentence_of(start).end() - 1) == "?";
    !is_conditional(analysis, hit) && !question
}

/// "if we made a mistake" admits nothing; "If you spent an hour on it, that was our mistake"
/// admits it in the main clause, after the comma that closes the condition.
fn is_conditional(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    let clause = analysis.clause_of(start);
    let words = analysis.words();
    (clause.start()..start)
        .rev()
        .take_while(|&i| analysis.word(i) != ",")
        .any(|i| {
            analysis.is(i, words.conditionals) && !analysis.is(i + 1, words.conditional_exceptions)
        })
}

/// "we can not refund" is the opposite of a remedy.
fn is_negated(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let words = analysis.words();
    hit.tokens().any(|i| analysis.is(i, words.negations)) || negated_before(analysis, hit, 2)
}

/// A negation in the `reach` words before the hit, in its clause: "not our fault", "I don't
/// expect you to forgive me".
fn negated_before(analysis: &Analysis<'_>, hit: &PhraseHit, reach: usize) -> bool {
    let start = hit.start();
    let clause_start = analysis.clause_of(start).start();
    (start.saturating_sub(reach).max(clause_start)..start)
        .any(|i| analysis.is(i, analysis.words().negations))
}

/// "we will do our best to make things right", "we may be able to refund": a hope, not a
/// commitment.
fn is_hedged(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    let clause_start = analysis.clause_of(start).start();
    let words = analysis.words();
    (start.saturating_sub(4).max(clause_start)..hit.end()).any(|i| analysis.is(i, words.hedges))
}

/// "the game would have been fixed in two weeks": what could have happened, not what did.
fn is_counterfactual(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let start = hit.start();
    let words = analysis.words();
    let perfect = (start..hit.end())
        .find(|&i| analysis.is(i, words.perfect_infinitive_auxiliaries))
        .unwrap_or(start);
    perfect > 0 && analysis.is(perfect - 1, words.counterfactual_modals)
}

/// "we sent you the wrong size": the act is the fault, not its repair.
fn names_a_fault(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let end = (hit.end() + 3).min(analysis.clause_of(hit.start()).end());
    (hit.start()..end).any(|i| analysis.is(i, analysis.words().fault_marks))
}

/// "I have already sent you two emails about this", "I have phoned you three times": news sent
/// or attempts told, not a repair.
fn sends_only_news(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let words = analysis.words();
    let end = (hit.end() + 4).min(analysis.clause_of(hit.start()).end());
    let repeated = (hit.start()..hit.end()).any(|i| analysis.is_past_verb(i))
        && (hit.end()..end).any(|i| analysis.is(i, words.repetitions));
    repeated || (hit.start()..end).any(|i| analysis.is(i, words.non_repair_objects))
}

/// "because our label printer failed": a concrete subject and a finite verb follow; "because of
/// a misprinted label": a concrete noun follows. "because of the high volume" (an excuse), "due
/// to a system issue" (a vague cause) and "because we value your business" (no act) do not
/// count.
fn starts_concrete_cause(analysis: &Analysis<'_>, next: usize) -> bool {
    let words = analysis.words();
    let noun_phrase = analysis.is(next.saturating_sub(1), words.cause_prepositions);
    let placeholder = analysis.word(next) == "(";
    if placeholder {
        // A template's "[the reason]": the writer will fill in a cause.
        return true;
    }
    if !analysis.text.is_word(next) || (!noun_phrase && !analysis.is(next, words.subject_words)) {
        return false;
    }
    // "caused by receiving the wrong item" retells the harm.
    let word = analysis.word(next);
    if words
        .gerund_suffixes
        .iter()
        .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
    {
        return false;
    }
    let clause_end = analysis.clause_of(next).end();
    // A verb-final clause keeps its verb for the end: "doordat ons boekhoudpakket bij de overstap
    // drie dagen offline *was*".
    let reach = next + 7 + words.verb_final_reach;
    let phrase_end = (next..clause_end.min(reach))
        .find(|&i| analysis.word(i) == ",")
        .unwrap_or(clause_end.min(reach));
    let excuse = !analysis
        .hits_in(PhraseKind::Excuse, next.saturating_sub(3)..phrase_end)
        .is_empty();
    // "a system issue" is vague; "a service issue *in* our provider's network" names the place.
    let vague = analysis
        .hits_in(PhraseKind::VagueCause, next..phrase_end)
        .iter()
        .any(|hit| !analysis.is(hit.end(), words.specifiers));
    let means = (next..phrase_end).any(|i| analysis.is(i, words.infinitive_markers));
    if excuse || vague || means {
        return false;
    }
    // A pronoun's verb may follow at once ("since we got back"); a noun's comes after the noun
    // ("after the printer jammed", not "after the stated date").
    let verb_from = if analysis.is(next, words.first_person_subjects)
        || analysis.is(next, words.third_person_pronouns)
    {
        next + 1
    } else {
        next + 2
    };
    noun_phrase
        || (verb_from..phrase_end)
            .any(|i| analysis.is_past_verb(i) || analysis.is(i, words.present_auxiliaries))
}
