//! ## What it does
//! Flags an apology with a condition attached in the same sentence: "sorry if you were upset",
//! "I apologize to anyone who was offended", "If anyone was offended, I apologize".
//!
//! The condition counts when it follows the apology word within a few words, in the same clause
//! ("I apologize for the confusion if this caused any"), or when it heads the clause right before
//! the apology ("…but if it did in any way, I apologize"). A condition in another sentence or
//! clause ("Sorry. If you need anything else, call me."), a condition on a remedy ("If you were
//! charged twice, we will refund the second charge today.") and an unrelated *if* ("Let me know
//! if the refund is late.") are left alone.
//!
//! ## Why is this bad?
//! An *if* makes the harm hypothetical: the reader hears that the writer doubts anything went
//! wrong, or that the reader's reaction is the problem. Acknowledgment of responsibility is the
//! component that matters most in an apology (Lewicki, Polin & Lount 2016), and a conditional
//! apology withholds exactly that.
//!
//! ## Example
//! ```text
//! I apologize if the new login page caused any confusion.
//! ```
//!
//! ## Use instead
//! ```text
//! I apologize: we moved the login button without telling you.
//! ```
//!
//! ## Fix safety
//! Unsafe when the condition is about our own act: *if* becomes *that* ("I'm sorry if we kept
//! you waiting" → "I'm sorry that we kept you waiting"), which turns a doubt into an admission.
//! Unsafe too when the apology already names what it is for: the condition is dropped ("I
//! apologize for the delay if it affected you" → "I apologize for the delay"). Otherwise the fix
//! is a display-only template, "… that we [what we did]", since only the writer knows the act.
//!
//! ## In het Nederlands
//! Markeert excuses met een voorwaarde in dezelfde zin: "het spijt me als u last heeft gehad",
//! "excuses indien u hinder heeft ondervonden", "mocht u hinder hebben ondervonden, dan bieden wij
//! onze excuses aan", "voor zover". Dit is het bekende *alscuus*: met *als* twijfelt de schrijver
//! aan de schade. "Als compensatie" betekent "ter compensatie" en blijft stil, net als een
//! voorwaarde op het herstel ("Als u twee keer betaald heeft, storten wij het terug.").
//!
//! ### Voorbeeld
//! ```text
//! Het spijt me als u last heeft gehad van de nieuwe inlogpagina.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt me dat wij de inlogknop zonder aankondiging hebben verplaatst.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity, TextRange};
use crate::lint::language::apology::ApologyForm;
use crate::lint::language::{Analysis, ApologyExpression, Language, PhraseKind};
use crate::rules::edits::capitalize_first;
use crate::rules::edits::draft_text;
use crate::rules::edits::one_line;
use crate::rules::edits::quoted_words;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct ConditionalApology;

static META: RuleMeta = RuleMeta {
    id: "conditional-apology",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Unsafe,
    source: include_str!("conditional_apology.rs"),
};

impl Rule for ConditionalApology {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let mut reported_sentence = None;
        for apology in analysis.writer_apologies() {
            let finding = condition_after(context, apology)
                .or_else(|| condition_before(context, apology))
                .or_else(|| {
                    // One doubted group per sentence, whichever apology in it comes first.
                    (reported_sentence != Some(apology.sentence))
                        .then(|| doubted_harm(context, apology))
                        .flatten()
                });
            if finding.is_some() {
                reported_sentence = Some(apology.sentence);
            }
            findings.extend(finding);
        }
    }
}

/// "I am asking everyone, as well as anyone who was offended, to accept my apology": the harm
/// is doubted by naming only those who felt it, wherever that stands in the apology's sentence.
fn doubted_harm(context: &Context<'_>, apology: &ApologyExpression) -> Option<Finding> {
    let analysis = context.analysis;
    let sentence = analysis.sentence(apology.sentence);
    let hit = analysis
        .hits_in(PhraseKind::DoubtedHarm, sentence.tokens())
        .iter()
        .find(|hit| !analysis.text.tokens[hit.start()].quoted())?;
    let marker = marker_words(analysis, &(hit.start()..hit.start() + 1));
    Some(context.finding(
        analysis.span(hit.tokens()),
        message(context, &marker),
        Vec::new(),
    ))
}

/// How many words may stand between the apology word and a condition after it ("I apologize for
/// the confusion if …").
const WINDOW: usize = 6;

/// The template used when only the writer knows what they did; a noun apology takes *for*
/// ("Apologies for [what we did]", "Onze excuses voor [wat we deden]").
fn template(analysis: &Analysis<'_>, apology: &ApologyExpression) -> &'static str {
    match (analysis.language, apology.form == ApologyForm::Apologies) {
        (Language::English, true) => "for [what we did]",
        (Language::English, false) => "that we [what we did]",
        (Language::Dutch, true) => "voor [wat we deden]",
        (Language::Dutch, false) => "dat wij [wat we deden]",
    }
}

/// The message, in the language findings speak.
fn message(context: &Context<'_>, marker_text: &str) -> String {
    context.format_localized(
        format_args!(
            "'{marker_text}' makes the apology conditional: it doubts the harm; apologize for \
             what happened"
        ),
        format_args!(
            "'{marker_text}' maakt de excuses voorwaardelijk: het trekt de schade in twijfel; \
             bied excuses aan voor wat er gebeurde"
        ),
    )
}

/// The marker's words as the message quotes them ("if", "to anyone").
fn marker_words(analysis: &Analysis<'_>, marker: &Range<usize>) -> String {
    quoted_words(analysis, marker.clone())
}

fn condition_after(context: &Context<'_>, apology: &ApologyExpression) -> Option<Finding> {
    let analysis = context.analysis;
    let word = apology.word();
    let clause = analysis.clause_of(word);
    let clause_end = clause.end();
    let hit = analysis
        .hits_in(
            PhraseKind::ConditionAfter,
            word + 1..(word + 2 + WINDOW).min(clause_end),
        )
        .iter()
        .find(|hit| {
            hit.end() <= clause_end
                && !(word + 1..hit.start())
                    .any(|i| analysis.is(i, analysis.words().statement_breakers))
                && !analysis.text.tokens[hit.start()].quoted()
        })?;
    let marker = hit.marked_tokens().unwrap_or_else(|| hit.tokens());
    let end = condition_end(analysis, marker.end, clause_end);
    // "Sorry, if you need anything else, call me.": the condition heads the next statement.
    if analysis.word(marker.start - 1) == ","
        && analysis.word(end) == ","
        && end + 1 < clause_end
        && analysis.text.is_word(end + 1)
    {
        return None;
    }
    let source = context.source;
    let marker_text = marker_words(analysis, &marker);
    let template = template(analysis, apology);
    let range = analysis.span(apology.start()..end);
    let word_end = analysis.span(word..word + 1).end;
    let direct = (word + 1..marker.start)
        .all(|i| analysis.word(i) == "," || analysis.is(i, analysis.words().object_prepositions));
    let body = body_start(analysis, &marker);
    let our_act = apology.form != ApologyForm::Apologies
        && turns_into_that(analysis, &marker)
        && names_our_act(analysis, body);
    let fix = if direct && our_act {
        // "I'm sorry if we kept you waiting" → "I'm sorry that we kept you waiting".
        let replaced = TextRange::new(word_end, analysis.span(marker.start..body).end);
        let dropped = one_line(analysis.span(marker.start..body).slice(source));
        let that = context.in_draft_language("that", "dat");
        Fix::new(
            context.format_localized(
                format_args!("Replace '{dropped}' with '{that}'"),
                format_args!("Vervang '{dropped}' door '{that}'"),
            ),
            Safety::Unsafe,
            Edit::replace(replaced, draft_text!(" {that}")),
        )
    } else if direct {
        let replaced = TextRange::new(word_end, analysis.span(marker.start..end).end);
        Fix::template(
            context.format_localized(
                format_args!("Replace the condition with '{template}'"),
                format_args!("Vervang de voorwaarde door '{template}'"),
            ),
            Edit::replace(replaced, draft_text!(" {template}")),
        )
    } else {
        // The apology already names its object: the condition just goes.
        let from = if analysis.word(marker.start - 1) == "," {
            marker.start - 1
        } else {
            marker.start
        };
        let start = analysis.span(from - 1..from).end;
        let dropped = TextRange::new(start, analysis.span(marker.start..end).end);
        let words = one_line(dropped.slice(source).trim_start_matches([',', ' ']));
        Fix::new(
            context.format_localized(
                format_args!("Drop '{words}'"),
                format_args!("Schrap '{words}'"),
            ),
            Safety::Unsafe,
            Edit::delete(dropped),
        )
    };
    Some(context.finding(range, message(context, &marker_text), vec![fix]))
}

fn condition_before(context: &Context<'_>, apology: &ApologyExpression) -> Option<Finding> {
    let analysis = context.analysis;
    let start = apology.start();
    let word = apology.word();
    let sentence = analysis.sentence_of(start);
    let sentence_start = sentence.start();
    let mut comma = start.checked_sub(1)?;
    while comma > sentence_start
        && analysis.is(comma, analysis.words().between_condition_and_apology)
    {
        comma -= 1;
    }
    if comma <= sentence_start || analysis.word(comma) != "," {
        return None;
    }
    let hit = analysis
        .hits_in(PhraseKind::ConditionAfter, sentence_start..comma)
        .iter()
        .rev()
        .find(|hit| {
            let marker = hit.marked_tokens().unwrap_or_else(|| hit.tokens());
            hit.end() <= comma
                && heads_a_clause(analysis, marker.start, sentence_start)
                && !analysis.text.tokens[marker.start].quoted()
        })?;
    let marker = hit.marked_tokens().unwrap_or_else(|| hit.tokens());
    let source = context.source;
    let marker_text = marker_words(analysis, &marker);
    let template = template(analysis, apology);
    let marker_span = analysis.span(marker.clone());
    let capital = analysis.text.tokens[marker.start].capitalized();
    let range = analysis.span(marker.start..word + 1);
    // Dutch puts the verb first after a fronted condition ("Mocht u …, dan bieden wij …"):
    // dropping the condition would leave a question. Only the writer can rephrase it.
    if analysis.language == Language::Dutch {
        return Some(context.finding(range, message(context, &marker_text), Vec::new()));
    }
    let apology_text = analysis.span(start..word + 1).slice(source);
    let apology_text = if capital {
        capitalize_first(apology_text)
    } else {
        apology_text.to_owned()
    };
    let has_object = analysis.text.is_word(word + 1) && sentence.contains_token(word + 1);
    let body = body_start(analysis, &marker);
    let replaced = TextRange::new(marker_span.start, analysis.span(word..word + 1).end);
    let fix = if has_object {
        // "If anyone was offended, I apologize for the joke." → "I apologize for the joke."
        let first = analysis.span(start..start + 1);
        let first_len = first.slice(source).chars().next().map_or(0, char::len_utf8);
        let first_char = &source[first.start..first.start + first_len];
        let replacement = if capital {
            capitalize_first(first_char)
        } else {
            first_char.to_owned()
        };
        Fix::new(
            draft_text!(
                "Drop '{}'",
                one_line(TextRange::new(marker_span.start, first.start).slice(source))
            ),
            Safety::Unsafe,
            Edit::replace(
                TextRange::new(marker_span.start, first.start + first_len),
                replacement,
            ),
        )
    } else if apology.form != ApologyForm::Apologies
        && turns_into_that(analysis, &marker)
        && names_our_act(analysis, body)
    {
        // "If our update caused this, I apologize." → "I apologize that our update caused this."
        let condition = analysis.span(body..comma).slice(source);
        Fix::new(
            draft_text!("Replace with '{apology_text} that {}'", one_line(condition)),
            Safety::Unsafe,
            Edit::replace(replaced, draft_text!("{apology_text} that {condition}")),
        )
    } else {
        Fix::template(
            draft_text!("Replace with '{apology_text} {template}'"),
            Edit::replace(replaced, draft_text!("{apology_text} {template}")),
        )
    };
    Some(context.finding(range, message(context, &marker_text), vec![fix]))
}

/// Where the condition after its marker ends: at punctuation that closes it, the clause end, or
/// an *and*/*but* that starts a statement of ours ("… if you were upset and I will call you").
pub(crate) fn condition_end(analysis: &Analysis<'_>, from: usize, clause_end: usize) -> usize {
    let mut index = from;
    while index < clause_end {
        let word = analysis.word(index);
        let token = &analysis.text.tokens[index];
        // A hyphen or apostrophe inside a word ("mix-up") does not close the condition.
        let closing_punct = !analysis.text.is_word(index)
            && (!matches!(word, "-" | "'" | "/" | "&") || token.spaced_before());
        if closing_punct
            || (analysis.is(index, analysis.words().condition_closers)
                && analysis.is(index + 1, analysis.words().first_person_subjects))
        {
            break;
        }
        index += 1;
    }
    index
}

/// The condition's first word after its marker ("to the extent that our update" → "our").
fn body_start(analysis: &Analysis<'_>, marker: &Range<usize>) -> usize {
    let words = analysis.words();
    if analysis.is(marker.end, words.complementizers)
        && !analysis.is(marker.start, words.subject_that_markers)
    {
        marker.end + 1
    } else {
        marker.end
    }
}

/// Markers that read well as *that* once the doubt goes: *if*, *in case*, *to the extent*.
fn turns_into_that(analysis: &Analysis<'_>, marker: &Range<usize>) -> bool {
    analysis.is_any_phrase(marker.start, analysis.words().that_like_markers)
}

/// The condition is about our act: "if we …", "if our update …", "if this caused …".
fn names_our_act(analysis: &Analysis<'_>, body: usize) -> bool {
    let words = analysis.words();
    analysis.is(body, words.first_person_subjects)
        || analysis.is(body, words.first_person_possessives)
        || (analysis.is(body, words.demonstrative_subjects)
            && analysis.is_past_verb(body + 1)
            && !analysis.is(body + 1, words.past_support_auxiliaries))
}

/// A condition before the apology must open its clause: the sentence start, or after a comma or
/// a conjunction ("…, but if it did, I apologize"), not inside "let me know if …".
fn heads_a_clause(analysis: &Analysis<'_>, marker: usize, sentence_start: usize) -> bool {
    marker == sentence_start
        || matches!(analysis.word(marker - 1), "," | "—" | "-" | "(" | "\"")
        || analysis.is(marker - 1, analysis.words().clause_joiners)
}
