//! ## What it does
//! Flags an apology whose object names no harm: "sorry for the issue", "apologies for the
//! trouble", "sorry for what happened", "sorry about that".
//!
//! Only the object right after the apology word (or after whom it is to: "I apologize to everyone
//! for the trouble") counts, so "sorry for shipping the wrong size" (the harm, named) is left
//! alone, and so is "the trouble of driving back twice" (a specific harm). "The trouble I have
//! caused" names no more than "the trouble"; "the mess our painters left on your patio" does. A
//! canned line that `cliche` already reports ("sorry for any inconvenience") is not reported a
//! second time.
//!
//! ## Why is this bad?
//! An apology that does not say what it is for sounds like a form letter: the reader cannot tell
//! whether the writer knows what went wrong. Advice on customer apologies asks the writer to name
//! the problem precisely, and acknowledgment of what happened is the start of taking
//! responsibility, the component that matters most (Lewicki, Polin & Lount 2016).
//!
//! ## Example
//! ```text
//! Apologies for the trouble with your subscription.
//! ```
//!
//! ## Use instead
//! ```text
//! Apologies for charging your card twice for the March subscription.
//! ```
//!
//! ## Fix safety
//! Display-only: the fix puts a placeholder where the object was ("for [the specific harm]");
//! only the writer knows what the harm was.
//!
//! ## In het Nederlands
//! Markeert excuses die geen schade noemen: "excuses voor het probleem", "sorry voor wat er gebeurd
//! is", "het spijt ons voor de situatie". Noem concreet wat er misging. "Sorry voor het ongemak" is
//! een cliché en wordt alleen door `cliche` gemeld.
//!
//! ### Voorbeeld
//! ```text
//! Excuses voor het probleem.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Excuses dat wij uw kaart twee keer hebben belast.
//! ```

use crate::lint::finding::{Edit, Finding, Fix, Severity};
use crate::lint::language::{Analysis, PhraseHit, PhraseKind};
use crate::rules::edits::one_line;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct VagueApology;

static META: RuleMeta = RuleMeta {
    id: "vague-apology",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::DisplayOnly,
    source: include_str!("vague_apology.rs"),
};

impl Rule for VagueApology {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        for apology in analysis.writer_apologies() {
            let word = apology.word();
            // "I'm so sorry for …": the object follows the word; "sorry again for" too.
            let next = analysis.object_start(apology);
            let sentence = analysis.sentence(apology.sentence);
            let Some(hit) = analysis
                .hits_in(PhraseKind::VagueObject, next..next + 1)
                .iter()
                .filter(|hit| hit.end() <= sentence.end() && names_nothing(analysis, hit))
                .max_by_key(|hit| hit.end())
            else {
                continue;
            };
            let object = analysis.span(hit.tokens());
            // "sorry for any inconvenience" is a cliché, and `cliche` reports it once.
            if analysis
                .hits_overlapping(PhraseKind::Cliche, word..hit.end())
                .next()
                .is_some()
            {
                continue;
            }
            let original = one_line(object.slice(context.source));
            let harm =
                context.in_draft_language("for [the specific harm]", "voor [de concrete schade]");
            let fix = Fix::template(
                context.format_localized(
                    format_args!("Replace '{original}' with '{harm}'"),
                    format_args!("Vervang '{original}' door '{harm}'"),
                ),
                Edit::replace(object, harm),
            );
            findings.push(context.finding(
                object,
                context.localized(
                    "the apology names no harm: say what went wrong for the reader",
                    "de excuses noemen geen schade: zeg wat er voor de lezer misging",
                ),
                vec![fix],
            ));
        }
    }
}

/// A pronoun object ("for this", "about that") is vague only when it ends the phrase: "sorry
/// for this delay" goes on to name something, "sorry about that." and "sorry for this, and …"
/// do not. "The trouble of driving back twice" names a specific harm.
fn names_nothing(analysis: &Analysis<'_>, hit: &PhraseHit) -> bool {
    let end = hit.end();
    let words = analysis.words();
    if analysis.is(end - 1, words.vague_pronouns) {
        let ends_phrase = !analysis.text.is_word(end) || analysis.is(end, words.phrase_closers);
        return ends_phrase;
    }
    // "the trouble of driving back", "the mess our painters left on your patio": the noun goes
    // on to name the harm.
    // But "the events *of* this past weekend" only dates it, and "the issues *that* you
    // experienced" only points back at the reader.
    let dated = analysis.is(end + 2, words.time_nouns) || analysis.is(end + 3, words.time_nouns);
    let by_whom = analysis.is(end, words.first_person_any) || analysis.is(end, words.determiners);
    // "the trouble I have caused (you)" only says again that there was a harm.
    let names_an_act = |verb: usize| {
        let after = verb + 1 + usize::from(analysis.is(verb + 1, words.reader_subjects));
        !analysis.is(verb, words.causing_verbs)
            || (analysis.text.is_word(after) && !analysis.is(after, words.phrase_closers))
    };
    let specified = (analysis.is(end, words.harm_complements) && !dated)
        || (by_whom
            && (end + 1..end + 4)
                .find(|&i| analysis.is_past_verb(i))
                .is_some_and(names_an_act));
    !specified
}
