//! ## What it does
//! Flags a hedge — *maybe*, *perhaps*, *possibly*, *may have*, *somewhat*, *in any way* — inside
//! a sentence that apologizes or admits a fault.
//!
//! "We may have made a mistake" both admits and takes the admission back. A hedge elsewhere
//! ("Maybe we can talk on Tuesday?") is left alone: only sentences that hold a writer's apology
//! or admission are checked, and a hedged admission of our own act ("we might have sent the wrong
//! size") counts as one.
//!
//! ## Why is this bad?
//! Acknowledgment of responsibility is the component of an apology that matters most (Lewicki,
//! Polin & Lount 2016); a hedge turns it into a guess. Customer-service writing guides call an
//! apology with a "maybe" in it weak, and a hedge slips in easily even when the writer means well.
//!
//! ## Example
//! ```text
//! I think we may have sent you the wrong charger, and I apologize.
//! ```
//!
//! ## Use instead
//! ```text
//! We sent you the wrong charger, and I apologize.
//! ```
//!
//! ## Fix safety
//! Unsafe: dropping the hedge turns a guess into an admission ("we may have made a mistake" →
//! "we made a mistake"), which changes what the writer claims. The fix drops the hedge with one
//! adjacent space, capitalizes a new sentence start, and turns *may have* + participle into the
//! past tense ("may have been" → "was"/"were" by the subject, "may have forgotten" → "forgot").
//!
//! ## In het Nederlands
//! Markeert voorbehoud in excuses of een erkenning: "misschien", "wellicht", "mogelijk", "het lijkt
//! erop dat". Excuses met "misschien" klinken zwak. Een voorstel buiten de excuses ("Misschien
//! kunnen we dinsdag bellen?") blijft stil, en "zo snel mogelijk" is geen voorbehoud.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons, wij hebben misschien een fout gemaakt.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons, wij hebben een fout gemaakt.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity};
use crate::lint::language::{Analysis, Language, PhraseHit, PhraseKind};
use crate::rules::edits::{capitalize_first, draft_text, drop_words, starts_sentence};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct Hedging;

static META: RuleMeta = RuleMeta {
    id: "hedging",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Unsafe,
    source: include_str!("hedging.rs"),
};

impl Rule for Hedging {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let mut last_end = 0;
        for hit in analysis.hits(PhraseKind::Hedge) {
            let marked = hit.marked_tokens().unwrap_or_else(|| hit.tokens());
            // Overlapping table entries ("may have" inside "i think we may have") report once.
            if marked.start < last_end || analysis.text.tokens[marked.start].quoted() {
                continue;
            }
            // Dutch "zo snel mogelijk", "zo goed mogelijk": as … as possible, no hedge.
            let as_possible = marked.start >= 2
                && analysis
                    .words()
                    .as_possible_frames
                    .iter()
                    .any(|&(before, after)| {
                        analysis.word(marked.start) == after
                            && analysis.word(marked.start - 2) == before
                    });
            if as_possible
                || !hedges_an_apology(analysis, hit, &marked)
                || inside_cliche(analysis, &marked)
            {
                continue;
            }
            last_end = marked.end;
            let hedge = analysis.span(marked.clone()).slice(context.source);
            let fix = match analysis.language {
                Language::English => hedge_fix(analysis, context.source, hit, &marked),
                Language::Dutch => hedge_fix_dutch(context, &marked),
            };
            findings.push(context.finding(
                analysis.span(marked),
                context.format_localized(
                    format_args!(
                        "hedged apology: '{hedge}' weakens the admission; say what happened plainly"
                    ),
                    format_args!(
                        "voorbehoud: '{hedge}' verzwakt de erkenning; zeg gewoon wat er gebeurde"
                    ),
                ),
                fix.into_iter().collect(),
            ));
        }
    }
}

/// Dutch: drop a hedging adverb inside its clause ("wij hebben misschien een fout gemaakt" →
/// "wij hebben een fout gemaakt"). Not one that opens the clause ("Misschien hebben wij …"),
/// whose verb would then come first and read as a question, and not a hedging clause ("het
/// lijkt erop dat …"), whose verb-final word order needs a rewrite only the writer can make.
fn hedge_fix_dutch(context: &Context<'_>, marked: &Range<usize>) -> Option<Fix> {
    let analysis = context.analysis;
    let clause_start = analysis.clause_of(marked.start).start();
    // "misschien", "in zekere zin", "op de een of andere manier".
    let adverb =
        marked.len() == 1 || analysis.is(marked.start, analysis.words().hedge_phrase_openers);
    if !adverb || marked.start == clause_start || analysis.word(marked.start - 1) == "," {
        return None;
    }
    let hedge = analysis.span(marked.clone()).slice(context.source);
    Some(Fix::new(
        context.format_localized(
            format_args!("Drop '{hedge}'"),
            format_args!("Schrap '{hedge}'"),
        ),
        Safety::Unsafe,
        drop_words(analysis, context.source, marked.clone()),
    ))
}

/// "any inconvenience this may have caused" is one canned line, which `cliche` reports once.
fn inside_cliche(analysis: &Analysis<'_>, marked: &Range<usize>) -> bool {
    analysis
        .hits_in(
            PhraseKind::Cliche,
            marked.start.saturating_sub(8)..marked.start + 1,
        )
        .iter()
        .any(|cliche| cliche.tokens().contains(&marked.start))
}

/// The hedge lies in a sentence with the writer's apology or admission, or hedges an act of ours
/// ("our update may have caused this").
fn hedges_an_apology(analysis: &Analysis<'_>, hit: &PhraseHit, marked: &Range<usize>) -> bool {
    let sentence = analysis.sentence_of(marked.start);
    let words = analysis.words();
    // "Sorry, maybe we can talk on Tuesday?": an offer, not a hedged admission.
    if analysis.word(sentence.end() - 1) == "?"
        && analysis.is(marked.start, words.offer_openers)
        && (analysis.is(marked.end, words.first_person_subjects)
            || analysis.is(marked.end, words.reader_subjects))
        && analysis.is(marked.end + 1, words.offer_modals)
    {
        return false;
    }
    // "Kunnen we misschien dinsdag bellen?": a question is an offer, not a hedged admission.
    if analysis.language == Language::Dutch && analysis.word(sentence.end() - 1) == "?" {
        return false;
    }
    if analysis.apology_in_sentence_of(marked.start).is_some()
        || analysis.owns_act(sentence.tokens())
    {
        return true;
    }
    let clause = analysis.clause_of(marked.start);
    is_modal_perfect(analysis, hit, marked)
        && analysis.has_first_person(clause.start()..marked.start)
}

/// "may have" / "might have" followed by a participle.
fn is_modal_perfect(analysis: &Analysis<'_>, hit: &PhraseHit, marked: &Range<usize>) -> bool {
    let words = analysis.words();
    marked.len() == 2
        && analysis.is(marked.start, words.hedging_modals)
        && analysis.is(marked.start + 1, words.perfect_infinitive_auxiliaries)
        && hit.end() > marked.end
}

fn hedge_fix(
    analysis: &Analysis<'_>,
    source: &str,
    hit: &PhraseHit,
    marked: &Range<usize>,
) -> Option<Fix> {
    let hedge = analysis.span(marked.clone()).slice(source).to_owned();
    let words = analysis.words();
    if is_modal_perfect(analysis, hit, marked) {
        // "we may have made a mistake" → "we made a mistake".
        let participle = marked.end;
        let past = if analysis.is(participle, words.be_participles) {
            be_past(analysis, marked.start)
        } else {
            let word = analysis.word(participle);
            words
                .irregular_participles
                .iter()
                .find(|(from, _)| *from == word)
                .map_or(word, |(_, to)| to)
        };
        let range = analysis.span(marked.start..participle + 1);
        let original = analysis.span(participle..participle + 1).slice(source);
        let title = draft_text!("Replace '{}' with '{past}'", range.slice(source));
        let replacement = if starts_sentence(analysis, marked.start) {
            capitalize_first(past)
        } else if past == analysis.word(participle) {
            original.to_owned()
        } else {
            past.to_owned()
        };
        return Some(Fix::new(
            title,
            Safety::Unsafe,
            Edit::replace(range, replacement),
        ));
    }
    if marked.len() == 2 && analysis.is(marked.start, words.hedging_modals) {
        // "this may be our fault" → "this is our fault".
        let verb = be_present(analysis, marked.start);
        let range = analysis.span(marked.clone());
        return Some(Fix::new(
            draft_text!("Replace '{hedge}' with '{verb}'"),
            Safety::Unsafe,
            Edit::replace(range, verb),
        ));
    }
    let mut drop = marked.clone();
    if analysis.is(drop.start, words.indefinite_articles)
        && analysis.is(drop.start + 1, words.degree_nouns)
    {
        // "a bit of a mistake" → "a mistake": keep the article.
        drop.start += 1;
        if analysis.is(drop.end, words.genitive_prepositions)
            && analysis.is(drop.end + 1, words.indefinite_articles)
        {
            drop.end += 2;
        }
    } else if analysis.is(drop.start + 1, words.seeming_verbs) {
        // "it seems that we lost it" → "we lost it", "it seems as if" too.
        if let Some(complement) = words
            .seeming_complements
            .iter()
            .find(|complement| analysis.is_phrase(drop.end, complement))
        {
            drop.end += complement.len();
        }
    }
    let edits = drop_words(analysis, source, drop.clone());
    Some(Fix::new(
        draft_text!("Drop '{}'", analysis.span(drop).slice(source)),
        Safety::Unsafe,
        edits,
    ))
}

/// The subject before `modal` is plural (we, you, they, a plural noun).
fn plural_subject(analysis: &Analysis<'_>, modal: usize) -> bool {
    let Some(subject) = modal.checked_sub(1) else {
        return false;
    };
    analysis.is(subject, analysis.words().plural_pronouns) || analysis.looks_plural(subject)
}

fn be_past(analysis: &Analysis<'_>, modal: usize) -> &'static str {
    if plural_subject(analysis, modal) {
        "were"
    } else {
        "was"
    }
}

fn be_present(analysis: &Analysis<'_>, modal: usize) -> &'static str {
    if modal > 0 && analysis.is(modal - 1, analysis.words().first_person_singular) {
        "am"
    } else if plural_subject(analysis, modal) {
        "are"
    } else {
        "is"
    }
}
