//! ## What it does
//! Reports words that make the reader's harm small: "no big deal", "just a small mistake",
//! "minor hiccup", "slight delay", "only a few days", "these things happen".
//!
//! Words that make *our effort* small are fine ("It's no big deal for us to send a new one
//! today"), and so are ordinary uses of the same words ("a minor version update", "only you can
//! decide").
//!
//! ## Why is this bad?
//! Advice on customer apologies warns against playing the problem down: what looks small to you
//! probably matters to the customer, with good reason, and they may even have had to answer for
//! your mistake. Belittling the harm undoes the acknowledgment of responsibility, the component of
//! an apology that matters most (Lewicki, Polin & Lount 2016).
//!
//! ## Example
//! ```text
//! Sorry about the slight delay with your passport photos. These things happen.
//! ```
//!
//! ## Use instead
//! ```text
//! Sorry that your passport photos came a week late and you had to rebook your appointment.
//! ```
//!
//! ## Fix safety
//! Where only a softening word goes ("slight delay" → "delay", "just a small mistake" → "a
//! mistake", "only a few days" → "a few days") the fix is safe: it drops the word and changes no
//! fact. Where the minimizing phrase is a whole clause ("— no big deal", "These things
//! happen.") the fix deletes it, which changes what the draft says: unsafe. Elsewhere there is
//! no clean edit and no fix.
//!
//! ## In het Nederlands
//! Markeert woorden die de schade klein maken: "een klein foutje", "geen groot probleem", "maar
//! twee dagen te laat", "zulke dingen gebeuren". Laat de lezer beslissen hoe groot het was. Onze
//! eigen moeite klein maken ("het is geen groot probleem voor ons om een nieuwe te sturen") blijft
//! stil. Waar alleen een bijvoeglijk naamwoord wegvalt, is de fix veilig.
//!
//! ### Voorbeeld
//! ```text
//! Sorry voor de lichte vertraging van uw bestelling.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Sorry voor de vertraging van uw bestelling.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity, TextRange};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::edits::with_one_space;
use crate::rules::ownership::{HitGroup, merge_overlapping};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct Minimizing;

static META: RuleMeta = RuleMeta {
    id: "minimizing",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Sometimes,
    source: include_str!("minimizing.rs"),
};

impl Rule for Minimizing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let hits: Vec<PhraseHit> = analysis
            .hits(PhraseKind::Minimizing)
            .iter()
            .filter(|hit| !analysis.text.tokens[hit.start()].quoted())
            .copied()
            .collect();
        for group in merge_overlapping(&hits) {
            if minimizes_something_else(analysis, &group) {
                continue;
            }
            let range = analysis.span(group.tokens.clone());
            let fix = drop_softeners(context, &group).or_else(|| delete_clause(context, &group));
            findings.push(context.finding(
                range,
                context.localized(
                    "minimizes the harm: let the reader decide how big it was",
                    "bagatelliseert de schade: laat de lezer beslissen hoe groot die was",
                ),
                fix.into_iter().collect(),
            ));
        }
    }
}

/// The phrase is about something other than the reader's harm.
fn minimizes_something_else(analysis: &Analysis<'_>, group: &HitGroup) -> bool {
    let (start, end) = (group.tokens.start, group.tokens.end);
    let words = analysis.words();
    // "no big deal for us to send a new one", "no big deal to reprint it": our effort.
    // Dutch: "geen groot probleem voor ons om …", "geen probleem om een nieuwe te sturen".
    let our_effort = (analysis.is(end, words.benefactive_prepositions)
        && analysis.is(end + 1, words.first_person_objects))
        || (analysis.is(end, words.infinitive_openers) && !analysis.is(end + 1, words.addressees));
    // "no big deal if you can't find the receipt": reassuring the reader about their own slip.
    let reassures = analysis.is(end, words.reassuring_conditionals)
        && analysis.is(end + 1, words.reader_subjects);
    // "just a few days ago" dates something; "in only a few days" is how soon a remedy comes.
    let dates = analysis.is(end, words.past_time_markers)
        || (start > 0 && analysis.is(start - 1, words.time_span_prepositions));
    our_effort || reassures || dates
}

/// The safe fix: drop the marked softening words (and a leading "just"/"only"), fixing the
/// article and the capital they leave behind.
fn drop_softeners(context: &Context<'_>, group: &HitGroup) -> Option<Fix> {
    let analysis = context.analysis;
    let words = analysis.words();
    let mut dropped: Vec<usize> = Vec::new();
    for hit in group.hits {
        let Some(marked) = hit.marked_tokens() else {
            continue;
        };
        dropped.extend(marked.clone());
        let first = hit.start();
        if !marked.contains(&first)
            && analysis.is(first, words.softeners)
            && analysis.is(first + 1, words.indefinite_articles)
        {
            dropped.push(first);
        }
    }
    if dropped.is_empty() {
        return None;
    }
    dropped.sort_unstable();
    dropped.dedup();
    let runs = runs_of(&dropped);
    let source = analysis.source;
    // Kept tokens whose text changes: an article before a dropped word, a new first word.
    let mut changed: Vec<(usize, String)> = Vec::new();
    for run in &runs {
        // "a slight error" → "an error".
        if run.start == 0 || dropped.contains(&(run.start - 1)) {
            continue;
        }
        let article = run.start - 1;
        let next_vowel = analysis
            .span(run.end..run.end + 1)
            .slice(source)
            .starts_with(|c: char| "aeiouAEIOU".contains(c));
        let written = analysis.span(article..article + 1).slice(source);
        let article_word = analysis.word(article);
        let swapped = words
            .vowel_articles
            .iter()
            .find_map(|&(plain, before_vowel)| {
                if next_vowel && article_word == plain {
                    Some(before_vowel)
                } else if !next_vowel && article_word == before_vowel {
                    Some(plain)
                } else {
                    None
                }
            });
        if let Some(swapped) = swapped {
            // The writer's capital stays: "A slight error" → "An error".
            let swapped = if written.starts_with(char::is_uppercase) {
                capitalize(swapped)
            } else {
                swapped.to_owned()
            };
            changed.push((article, swapped));
        }
    }
    for run in &runs {
        // "Just a small delay." → "A delay.": the new first word takes the capital.
        let sentence_start = analysis.sentence_of(run.start).start();
        if run.start != sentence_start || !analysis.text.tokens[run.start].capitalized() {
            continue;
        }
        let first_kept = run.end;
        match changed.iter_mut().find(|(token, _)| *token == first_kept) {
            Some((_, text)) => *text = capitalize(text),
            None => changed.push((
                first_kept,
                capitalize(analysis.span(first_kept..first_kept + 1).slice(source)),
            )),
        }
    }
    let words: Vec<&str> = runs
        .iter()
        .map(|run| analysis.span(run.clone()).slice(source))
        .collect();
    let words = words.join("', '");
    let deletions = runs
        .iter()
        .map(|run| Edit::delete(with_one_space(source, analysis.span(run.clone()))));
    let replacements = changed
        .into_iter()
        .map(|(token, text)| Edit::replace(analysis.span(token..token + 1), text));
    let mut fix = Fix::with_edits(
        context.format_localized(
            format_args!("Remove '{words}'"),
            format_args!("Schrap '{words}'"),
        ),
        Safety::Safe,
        deletions.chain(replacements),
    );
    fix.edits.sort_by_key(|edit| edit.range.start);
    Some(fix)
}

/// The unsafe fix: delete a clause that is nothing but the minimizing phrase ("Sorry for the
/// delay — these things happen." → "Sorry for the delay.").
fn delete_clause(context: &Context<'_>, group: &HitGroup) -> Option<Fix> {
    let analysis = context.analysis;
    let clause = analysis.clause_of(group.tokens.start);
    let sentence = analysis.sentence_of(group.tokens.start);
    let (clause_start, clause_end) = (clause.start(), clause.end());
    let only_filler = |range: Range<usize>| {
        range
            .into_iter()
            .all(|i| analysis.is(i, analysis.words().clause_fillers) || !analysis.text.is_word(i))
    };
    if !only_filler(clause_start..group.tokens.start) || !only_filler(group.tokens.end..clause_end)
    {
        return None;
    }
    let source = analysis.source;
    let clause_range = analysis.span(clause_start..clause_end);
    let phrase = analysis.span(group.tokens.clone()).slice(source);
    let title = context.format_localized(
        format_args!("Delete '{phrase}'"),
        format_args!("Schrap '{phrase}'"),
    );
    let edit = if clause_start == sentence.start() && clause_end == sentence.end() {
        // A sentence of its own goes whole, with one space.
        Edit::delete(with_one_space(source, clause_range))
    } else if clause_start > sentence.start() {
        // A later clause goes with the dash or semicolon before it; what ends it (the
        // sentence's full stop, a closing dash) stays.
        let last_word_before = (sentence.start()..clause_start)
            .rev()
            .find(|&i| analysis.text.is_word(i))?;
        let last_word = (clause_start..clause_end)
            .rev()
            .find(|&i| analysis.text.is_word(i))?;
        Edit::delete(TextRange::new(
            analysis.span(last_word_before..last_word_before + 1).end,
            analysis.span(last_word..last_word + 1).end,
        ))
    } else {
        // A leading clause: delete up to the next clause, whose first word takes the capital.
        let next = clause_end;
        let next_span = analysis.span(next..next + 1);
        let first = next_span.slice(source);
        Edit::replace(
            TextRange::new(clause_range.start, next_span.end),
            capitalize(first),
        )
    };
    Some(Fix::new(title, Safety::Unsafe, edit))
}

/// Consecutive token indices, as ranges.
fn runs_of(tokens: &[usize]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for &token in tokens {
        match runs.last_mut() {
            Some(run) if run.end == token => run.end += 1,
            _ => runs.push(token..token + 1),
        }
    }
    runs
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
