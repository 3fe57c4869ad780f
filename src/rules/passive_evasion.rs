//! ## What it does
//! Reports a failure that nobody owns: a passive with no agent ("mistakes were made", "the ball
//! was dropped", "your order was delayed", "your request was overlooked"), or a failure that
//! just happened ("an error occurred", "things went wrong", "there was a delay").
//!
//! It stays silent when the same clause names or owns the doer ("an error in our billing code,
//! which I wrote", "your order was delayed because we miscounted the stock"), when the sentence
//! admits the fault outright ("…: that is on us"), on neutral events ("the meeting occurred"),
//! and when the agent is another party ("lost by the courier": that is `blames-third-party`'s).
//!
//! ## Why is this bad?
//! The passive hides the one who failed. Customer-service writing guides prefer "I apologize" to
//! "I'm sorry" because it accepts accountability, and ask the writer to take ownership and tell the
//! customer plainly what went wrong. Acknowledging responsibility is the component of an apology
//! that matters most (Lewicki, Polin & Lount 2016), and a sentence with no doer acknowledges none.
//!
//! ## Example
//! ```text
//! We are sorry. Your table booking was overlooked and mistakes were made.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry. I overlooked your table booking when I copied the list.
//! ```
//!
//! ## Fix safety
//! For a passive with a clear subject the fix names the writer as the doer ("mistakes were made"
//! → "we made mistakes", "your order was delayed" → "we delayed your order"). That is an
//! admission the writer has to agree to, and the rewrite may need touching up: unsafe. A failure
//! that "occurred" has no fix: only the writer knows who caused it.
//!
//! ## In het Nederlands
//! Markeert een fout zonder eigenaar: "er zijn fouten gemaakt", "er is iets misgegaan", "uw
//! bestelling is helaas vertraagd", "er is een storing opgetreden". Een zin die zegt wie het deed
//! ("door ons", "in onze administratie, en dat is onze fout") blijft stil. De fix (onveilig)
//! herschrijft "er zijn fouten gemaakt" tot "wij hebben fouten gemaakt".
//!
//! ### Voorbeeld
//! ```text
//! Er zijn fouten gemaakt bij uw bestelling.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Wij hebben fouten gemaakt bij uw bestelling: ik heb de verkeerde maat ingepakt.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity};
use crate::lint::language::{Analysis, Language, PhraseHit, PhraseKind, TokenKind};
use crate::rules::edits::capitalize_first;
use crate::rules::edits::draft_text;
use crate::rules::ownership::merge_overlapping;
use crate::rules::ownership::writer_owns_fault;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct PassiveEvasion;

static META: RuleMeta = RuleMeta {
    id: "passive-evasion",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Unsafe,
    source: include_str!("passive_evasion.rs"),
};

impl Rule for PassiveEvasion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        for kind in [PhraseKind::PassiveFailure, PhraseKind::FailureEvent] {
            let hits: Vec<PhraseHit> = analysis
                .hits(kind)
                .iter()
                .filter(|hit| !analysis.text.tokens[hit.start()].quoted())
                .copied()
                .collect();
            for group in merge_overlapping(&hits) {
                if !is_unowned(analysis, group.tokens.clone())
                    || denies_the_failure(analysis, group.tokens.clone())
                {
                    continue;
                }
                let (message, fix) = if kind == PhraseKind::PassiveFailure {
                    let longest = group
                        .hits
                        .iter()
                        .max_by_key(|hit| (hit.end() - hit.start(), std::cmp::Reverse(hit.start())))
                        .expect("a group has hits");
                    (
                        context.localized(
                            "passive voice hides who failed: say who did it",
                            "de lijdende vorm verbergt wie faalde: zeg wie het deed",
                        ),
                        match analysis.language {
                            Language::English => active_rewrite(analysis, longest),
                            Language::Dutch => active_rewrite_dutch(context, longest),
                        },
                    )
                } else {
                    (
                        context.localized(
                            "the failure \"just happened\": say who caused it",
                            "de fout \"gebeurde gewoon\": zeg wie hem veroorzaakte",
                        ),
                        None,
                    )
                };
                findings.push(context.finding(
                    analysis.span(group.tokens),
                    message,
                    fix.into_iter().collect(),
                ));
            }
        }
    }
}

/// "No data was lost", "nothing was damaged", "er zijn geen gegevens gelekt": the sentence says
/// the failure did *not* happen.
fn denies_the_failure(analysis: &Analysis<'_>, failure: Range<usize>) -> bool {
    let start = failure.start;
    let clause_start = analysis.clause_of(start).start();
    (clause_start.max(start.saturating_sub(4))..failure.end)
        .any(|i| analysis.is(i, analysis.words().negative_quantifiers))
}

/// Nobody owns the failure in `tokens`: no doer named or owned in its clause, no admission in
/// its sentence, not a condition or a question.
fn is_unowned(analysis: &Analysis<'_>, tokens: Range<usize>) -> bool {
    let clause = analysis.clause_of(tokens.start).tokens();
    let sentence = analysis.sentence_of(tokens.start).tokens();
    // "If your parcel was damaged, we will replace it": a condition, not an evasion.
    if (clause.start..tokens.start).any(|i| analysis.is(i, analysis.words().conditionals)) {
        return false;
    }
    if analysis.word(sentence.end - 1) == "?" {
        return false;
    }
    // An explicit admission anywhere in the sentence ("Your order was delayed: that is on us")
    // owns the failure, even across the colon that ends the clause.
    if writer_owns_fault(analysis, sentence) {
        return false;
    }
    !names_doer(analysis, clause.clone(), tokens.clone())
        && !names_doer_verb_final(analysis, clause, tokens)
}

/// A verb-final clause names its doer anywhere before the verbs that end it: "dat *wij* uw
/// aanvraag kwijt zijn geraakt", "het pakket is *door* de koerier verkeerd afgeleverd", "omdat
/// wij de brieven te laat *hebben* verstuurd". Looks from the failure back to the word that opens
/// its part of the clause ("omdat", "dat", a comma): I/we, an active auxiliary before the failure,
/// or an agent's preposition that does not open the clause ("*Door* een storing is …" gives a
/// cause) name the doer; so do I/we and the agent inside the failure ("zijn *wij* … vergeten").
fn names_doer_verb_final(
    analysis: &Analysis<'_>,
    clause: Range<usize>,
    failure: Range<usize>,
) -> bool {
    let words = analysis.words();
    if words.verb_final_reach == 0 {
        return false;
    }
    let mut from = failure.start;
    if !analysis.is(from, words.subclause_openers) {
        while from > clause.start && !analysis.is(from - 1, words.subclause_openers) {
            from -= 1;
        }
    }
    let named = (from..failure.end).any(|i| {
        analysis.is(i, words.first_person_subjects)
            || (i < failure.start && analysis.is(i, words.active_auxiliaries))
            || (i > from && analysis.is(i, words.fronted_causes))
    });
    // "… is te laat verstuurd *omdat wij* de gegevens niet op tijd hadden verwerkt": the cause
    // that follows names us, its verb still to come.
    named
        || (failure.end..clause.end).any(|i| {
            analysis.is(i, words.subclause_openers)
                && !analysis
                    .hits_in(PhraseKind::CauseConjunction, i..i + 1)
                    .is_empty()
                && analysis.is(i + 1, words.first_person_subjects)
        })
}

/// The clause names the doer: "by us", "by the courier", "in our billing code", "which I
/// wrote", "because we miscounted", "we mislabeled the box and it was lost".
fn names_doer(analysis: &Analysis<'_>, clause: Range<usize>, failure: Range<usize>) -> bool {
    let words = analysis.words();
    if analysis.is(failure.end, words.agent_prepositions) {
        let agent = failure.end + 1;
        let measure = (agent..agent + 3).any(|i| analysis.is(i, words.measures))
            || !analysis.text.is_word(agent)
            || analysis
                .text
                .tokens
                .get(agent)
                .is_some_and(|t| t.kind == TokenKind::Number)
            || !analysis
                .hits_in(PhraseKind::ConcreteTime, agent..agent + 1)
                .is_empty();
        if !measure {
            return true;
        }
    }
    clause.clone().any(|i| {
        // "a breakdown between the contractor and ourselves": our side is in it.
        analysis.is(i, words.first_person_reflexives)
        // "an error in our billing code", "a delay at our warehouse".
        || (analysis.is(i, words.first_person_possessives)
            && i > clause.start
            && analysis.is(i - 1, words.doer_prepositions))
            // "we mislabeled the box and it was lost", "which I wrote", "because we miscounted
            // the stock" — but not "and we refunded the shipping", a remedy after the fact.
            || (analysis.is(i, words.first_person_subjects)
                // A Dutch I/we before the failure may head another part of the clause ("Wij
                // bieden excuses aan omdat de pasjes te laat zijn verstuurd"):
                // `names_doer_verb_final` reads those.
                && ((i < failure.start && words.verb_final_reach == 0)
                    || (i > clause.start && analysis.is(i - 1, words.doer_clause_openers)))
                && {
                    let mut next = i + 1;
                    while analysis.is(next, words.before_past_verbs) {
                        next += 1;
                    }
                    next < clause.end
                        && analysis.is_past_verb(next)
                        && !analysis.is(next, words.past_auxiliaries)
                })
    })
}

/// "Er zijn fouten gemaakt" → "Wij hebben fouten gemaakt"; "Helaas zijn er fouten gemaakt" →
/// "Helaas hebben wij fouten gemaakt". Only for mistakes *made*: the doer of "uw bestelling is
/// vertraagd" needs a sentence only the writer can write.
fn active_rewrite_dutch(context: &Context<'_>, hit: &PhraseHit) -> Option<Fix> {
    let analysis = context.analysis;
    let words = analysis.words();
    let tokens = hit.tokens();
    if !analysis.is(tokens.end - 1, words.mistake_participles) || tokens.len() < 3 {
        return None;
    }
    let first = tokens.start;
    let (placeholder, auxiliary) = (
        words.placeholder_subjects,
        words.passive_failure_auxiliaries,
    );
    let active = if analysis.is(first, placeholder) && analysis.is(first + 1, auxiliary) {
        "wij hebben"
    } else if analysis.is(first, auxiliary) && analysis.is(first + 1, placeholder) {
        "hebben wij"
    } else {
        return None;
    };
    let active = if analysis.text.tokens[first].capitalized() {
        capitalize_first(active)
    } else {
        active.to_owned()
    };
    let replaced = analysis.span(first..first + 2);
    let rest = &context.source[replaced.end..analysis.span(tokens.clone()).end];
    let rewrite = draft_text!("{active}{rest}");
    Some(Fix::new(
        context.format_localized(
            format_args!("Rewrite as '{rewrite}'"),
            format_args!("Herschrijf als '{rewrite}'"),
        ),
        Safety::Unsafe,
        Edit::replace(replaced, active),
    ))
}

enum Tense {
    Past,
    /// "have" or "had" + participle.
    Perfect(&'static str),
}

/// "your order was delayed" → "we delayed your order"; "mistakes were made" → "we made
/// mistakes". `None` where the subject or the tense is unclear.
fn active_rewrite(analysis: &Analysis<'_>, hit: &PhraseHit) -> Option<Fix> {
    let source = analysis.source;
    let words = analysis.words();
    let tokens = hit.tokens();
    let aux_start = tokens
        .clone()
        .find(|&i| analysis.is(i, words.passive_failure_auxiliaries))?;
    let mut aux_end = aux_start;
    while aux_end < tokens.end && analysis.is(aux_end, words.passive_failure_auxiliaries) {
        aux_end += 1;
    }
    // "may have been lost" is a hedge as well as a passive: no mechanical rewrite.
    if aux_start > 0 && analysis.is(aux_start - 1, words.modal_verbs) {
        return None;
    }
    let auxiliaries: Vec<&str> = (aux_start..aux_end).map(|i| analysis.word(i)).collect();
    let tense = match words
        .passive_tenses
        .iter()
        .find(|(passive, _)| *passive == auxiliaries.as_slice())?
    {
        (_, None) => Tense::Past,
        (_, Some(active)) => Tense::Perfect(active),
    };

    // The subject: inside the hit for "mistakes were made", before it otherwise.
    let (subject, object) = if aux_start > hit.start() {
        let range = hit.start()..aux_start;
        (range.clone(), analysis.span(range).slice(source).to_owned())
    } else {
        subject_before(analysis, aux_start)?
    };

    let mut verb_start = aux_end;
    let adverb = analysis.is(verb_start, words.passive_adverbs).then(|| {
        verb_start += 1;
        analysis.span(verb_start - 1..verb_start).slice(source)
    });
    if verb_start >= tokens.end || analysis.is(verb_start, words.plain_negations) {
        return None;
    }
    let trailing_start = (verb_start + 1..tokens.end)
        .find(|&i| analysis.is(i, words.participle_trailers))
        .unwrap_or(tokens.end);
    let first_verb = analysis.span(verb_start..verb_start + 1);
    let past = words
        .irregular_participles
        .iter()
        .find(|(participle, _)| *participle == analysis.word(verb_start));
    let verb_head = match (&tense, past) {
        (Tense::Past, Some((_, past))) => (*past).to_owned(),
        _ => first_verb.slice(source).to_owned(),
    };
    let verb_rest = &source[first_verb.end..analysis.span(verb_start..trailing_start).end];
    let trailing = (trailing_start < tokens.end)
        .then(|| analysis.span(trailing_start..tokens.end).slice(source));

    let sentence_initial = subject.start == analysis.sentence_of(subject.start).start();
    let object = if sentence_initial && analysis.text.tokens[subject.start].capitalized() {
        lowercase_first(&object)
    } else {
        object
    };
    let mut rewrite = String::from(if sentence_initial { "We" } else { "we" });
    if let Tense::Perfect(auxiliary) = tense {
        rewrite.push(' ');
        rewrite.push_str(auxiliary);
    }
    for part in [
        adverb,
        Some(&draft_text!("{verb_head}{verb_rest}")),
        Some(&object),
        trailing,
    ]
    .into_iter()
    .flatten()
    {
        rewrite.push(' ');
        rewrite.push_str(part);
    }
    let range = analysis.span(subject.start..tokens.end);
    Some(Fix::new(
        draft_text!("Rewrite as '{rewrite}'"),
        Safety::Unsafe,
        Edit::replace(range, rewrite),
    ))
}

/// The short subject noun phrase that ends right before the auxiliary at `aux`, and its text as
/// an object ("your order", "the box of your order", "mistakes", "it", "they" → "them").
fn subject_before(analysis: &Analysis<'_>, aux: usize) -> Option<(Range<usize>, String)> {
    let source = analysis.source;
    let words = analysis.words();
    let clause_start = analysis.clause_of(aux).start();
    if aux == clause_start {
        return None;
    }
    let last = aux - 1;
    if let Some((_, object)) = words
        .subject_object_pronouns
        .iter()
        .find(|(subject, _)| analysis.word(last) == *subject)
    {
        return Some((last..aux, (*object).to_owned()));
    }
    let lowest = clause_start.max(aux.saturating_sub(5));
    let mut start = (lowest..aux).rev().find(|&i| {
        analysis.is(i, words.subject_determiners)
            && (i..aux).all(|j| {
                analysis.text.is_word(j) && (j == i || !analysis.is(j, words.subject_breakers))
            })
    });
    // "the box of your order": one "of" link back to an earlier determiner.
    if let Some(found) = start {
        if found >= 2 && analysis.is(found - 1, words.genitive_prepositions) {
            let earlier = (found.saturating_sub(4).max(clause_start)..found - 1)
                .rev()
                .find(|&i| analysis.is(i, words.subject_determiners));
            if let Some(earlier) = earlier {
                if aux - earlier <= 6
                    && (earlier..found - 1).all(|j| {
                        analysis.text.is_word(j) && !analysis.is(j, words.subject_breakers)
                    })
                {
                    start = Some(earlier);
                }
            }
        }
    }
    let start = match start {
        Some(start) => start,
        // A bare plural: "orders were delayed".
        None => {
            let plural = analysis.text.is_word(last)
                && analysis.looks_plural(last)
                && !analysis.is(last, words.subject_breakers);
            if !plural {
                return None;
            }
            last
        }
    };
    let range = start..aux;
    Some((range.clone(), analysis.span(range).slice(source).to_owned()))
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
