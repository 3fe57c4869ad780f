//! ## What it does
//! Suggests "I apologize" for the first "I'm sorry" / "we're sorry" / sentence-initial "Sorry"
//! whose sentence takes no ownership; at most once per draft.
//!
//! A *sorry* beside an admission ("I'm sorry we shipped late") is left alone, and so is a draft
//! that already apologizes in the act-form ("I apologize", "our apologies"). A *sorry* that
//! announces bad news ("sorry to say", "sorry to inform you") is not an apology and is skipped.
//!
//! ## Why is this bad?
//! Advice on customer apologies notes that "sorry" names a feeling, while "I apologize" is an act
//! that accepts accountability. Acknowledgment of responsibility is the component that matters most
//! in an apology (Lewicki, Polin & Lount 2016); a bare *sorry* with nothing owned beside it is the
//! weakest way to open one. This is a hint, not a fault: one *sorry* in a warm reply is fine.
//!
//! ## Example
//! ```text
//! I'm so sorry about the missing invoice.
//! ```
//!
//! ## Use instead
//! ```text
//! I apologize for the missing invoice.
//! ```
//!
//! ## Fix safety
//! Unsafe: it rewrites the apology's verb ("I'm sorry" → "I apologize", "We're so sorry" → "We
//! apologize", a sentence-initial "Sorry for" → "I apologize for", "sorry about" → "apologize
//! for", "sorry to hear that" → "apologize that"), which changes the register of the sentence.
//! Where no grammatical rewrite is known ("sorry to keep you waiting") only the hint is given.
//!
//! ## In het Nederlands
//! Stelt de daadvorm voor bij het eerste "het spijt me/ons" of "sorry" zonder eigen
//! verantwoordelijkheid in de zin: "onze excuses", "ik bied u mijn excuses aan". "Sorry" noemt een
//! gevoel, excuses aanbieden is een daad. "(Oprechte) excuses" en "mijn excuses" zijn al de
//! daadvorm en worden nooit gemeld.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons voor de ontbrekende factuur.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Onze excuses voor de ontbrekende factuur.
//! ```

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity, TextRange};
use crate::lint::language::apology::ApologyForm;
use crate::lint::language::{Analysis, ApologyExpression, Language, Voice};
use crate::rules::edits::capitalize_first;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct PreferApologize;

static META: RuleMeta = RuleMeta {
    id: "prefer-apologize",
    default_severity: Severity::Hint,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Unsafe,
    source: include_str!("prefer_apologize.rs"),
};

impl Rule for PreferApologize {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        // The draft already knows the act-form (even in a passing "apologies for the late
        // reply"): nothing to suggest.
        if analysis.apologies.iter().any(|a| {
            a.voice != Voice::Reported
                && matches!(a.form, ApologyForm::Apologize | ApologyForm::Apologies)
        }) {
            return;
        }
        let Some(apology) = analysis.writer_apologies().find(|apology| {
            apology.form == ApologyForm::Sorry
                && !is_bad_news_or_negated(analysis, apology)
                && !analysis.owns_act(analysis.sentence(apology.sentence).tokens())
        }) else {
            return;
        };
        let range = analysis.span(apology.tokens());
        let fix = match analysis.language {
            Language::English => rewrite(context, apology),
            Language::Dutch => rewrite_dutch(context, apology),
        };
        findings.push(context.finding(
            range,
            context.localized(
                "'Sorry' names a feeling; 'apologize' names the act and takes accountability",
                "'sorry' en 'het spijt me' noemen een gevoel; 'mijn excuses' of 'ik bied u mijn \
                 excuses aan' noemt de daad en neemt verantwoordelijkheid",
            ),
            fix.into_iter().collect(),
        ));
    }
}

/// "I'm sorry to inform you …" announces bad news; "I'm not sorry" is no apology.
fn is_bad_news_or_negated(analysis: &Analysis<'_>, apology: &ApologyExpression) -> bool {
    let word = apology.word();
    let words = analysis.words();
    // The telling verb follows "to" at once, or ends a verb-final clause: "het spijt me u te
    // moeten meedelen".
    let bad_news = if words.verb_final_reach == 0 {
        analysis.is(word + 1, words.infinitive_openers)
            && analysis.is(word + 2, words.bad_news_verbs)
    } else {
        (word + 1..word + 6).any(|i| analysis.is(i, words.bad_news_verbs))
    };
    // "I'm not sorry", "het spijt me niet": no apology.
    bad_news
        || apology
            .tokens()
            .any(|i| analysis.is(i, words.plain_negations))
        || analysis.is(word + 1, words.trailing_negations)
}

/// Dutch act-form: "Sorry voor …" → "Excuses voor …", "Het spijt ons voor …" → "Onze excuses
/// voor …". Only before *voor*: "het spijt ons dat …" has no act-form that keeps the clause.
fn rewrite_dutch(context: &Context<'_>, apology: &ApologyExpression) -> Option<Fix> {
    let analysis = context.analysis;
    let (start, word) = (apology.start(), apology.word());
    let words = analysis.words();
    if !analysis.is(analysis.object_start(apology), words.object_prepositions) {
        return None;
    }
    let ours = apology
        .tokens()
        .any(|i| analysis.is(i, words.first_person_plural));
    let mine = apology
        .tokens()
        .any(|i| analysis.is(i, words.first_person_singular));
    let replacement = match (ours, mine) {
        (true, _) => "onze excuses",
        (false, true) => "mijn excuses",
        (false, false) => "excuses",
    };
    let replacement = if analysis.text.tokens[start].capitalized() {
        capitalize_first(replacement)
    } else {
        replacement.to_owned()
    };
    let range = analysis.span(start..word + 1);
    let original = range.slice(context.source);
    Some(replace_fix(context, range, original, replacement))
}

fn rewrite(context: &Context<'_>, apology: &ApologyExpression) -> Option<Fix> {
    let (analysis, source) = (context.analysis, context.source);
    let tokens = apology.tokens();
    let words = analysis.words();
    // "I feel sorry for you" is pity, not an apology to rewrite.
    if tokens.clone().any(|i| analysis.is(i, words.feeling_verbs)) {
        return None;
    }
    let start = apology.start();
    let word = apology.word();
    let subject = if apology.explicit_subject && analysis.is(start, words.first_person_plural) {
        if analysis.text.tokens[start].capitalized() {
            "We"
        } else {
            "we"
        }
    } else {
        "I"
    };
    let mut replacement = String::from(subject);
    for i in start + 1..word {
        if analysis.is(i, words.act_form_adverbs) {
            replacement.push(' ');
            replacement.push_str(analysis.span(i..i + 1).slice(source));
        }
    }
    replacement.push_str(" apologize");
    // What follows "sorry" may need a new preposition.
    let mut end = word + 1;
    if analysis.is(end, words.feeling_prepositions) {
        replacement.push_str(" for");
        end += 1;
    } else if analysis.is(end, words.infinitive_openers) {
        if analysis.is(end + 1, words.perception_verbs) {
            end += 2;
            if analysis.is(end, words.news_prepositions) {
                replacement.push_str(" for");
                end += 1;
            } else {
                replacement.push_str(" that");
                if analysis.is(end, words.complementizers) {
                    end += 1;
                }
            }
        } else if analysis.is(end + 1, words.perfect_infinitive_auxiliaries) {
            replacement.push_str(" for having");
            end += 2;
        } else {
            // "sorry to keep you waiting": no safe wording without rewriting the verb.
            return None;
        }
    }
    let range = analysis.span(start..end);
    let original = range.slice(source);
    Some(replace_fix(context, range, original, replacement))
}

/// The unsafe fix that replaces `original` (at `range`) with `replacement`.
fn replace_fix(
    context: &Context<'_>,
    range: TextRange,
    original: &str,
    replacement: impl Into<String>,
) -> Fix {
    let replacement = replacement.into();
    Fix::new(
        context.format_localized(
            format_args!("Replace '{original}' with '{replacement}'"),
            format_args!("Vervang '{original}' door '{replacement}'"),
        ),
        Safety::Unsafe,
        Edit::replace(range, replacement),
    )
}
