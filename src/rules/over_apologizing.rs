//! ## What it does
//! Flags a draft that apologizes too often — more than four apology expressions, or three or more
//! where the draft has fewer than 100 words per apology — and an apology with three or more
//! sincerity claims stacked on it ("truly, deeply, sincerely sorry").
//!
//! The count is reported once per draft, on the apology that crosses the line (the third or the
//! fifth), with the count in the message; a stack is reported on its own apology. Two apologies
//! in any draft (an opening apology and a closing "again, my apologies") and one intensifier ("I
//! am truly sorry") are normal and stay silent.
//!
//! ## Why is this bad?
//! Expression of regret is one of six components of an apology, and not the one that carries it:
//! acknowledgment of responsibility and an offer of repair matter most (Lewicki, Polin & Lount
//! 2016). Repeating the regret, or stacking claims of sincerity on it, buries those components and
//! starts to sound like performance; customer-service writing guides note that canned, padded
//! apologies come across as insincere.
//!
//! ## Example
//! ```text
//! I am truly, deeply, sincerely sorry that your order went to the wrong address.
//! ```
//!
//! ## Use instead
//! ```text
//! I am truly sorry that we sent your order to your old address. The courier will collect it
//! from there today and bring it to you tomorrow morning.
//! ```
//!
//! ## Fix safety
//! No fix: which apology to keep, and which sincerity word, is the writer's choice.
//!
//! ## In het Nederlands
//! Markeert te veel excuses in één tekst, of gestapelde betuigingen van oprechtheid op één excuus
//! ("het spijt me echt, oprecht en ontzettend"). Twee keer excuses is normaal; één versterker ook.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt me echt, oprecht en ontzettend dat uw pakket zoek is.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt me oprecht dat uw pakket zoek is. Ik stuur vandaag een nieuw pakket.
//! ```

use crate::lint::finding::{Finding, Severity};
use crate::lint::language::apology::in_title_line;
use crate::lint::language::{Analysis, ApologyExpression};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct OverApologizing;

static META: RuleMeta = RuleMeta {
    id: "over-apologizing",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("over_apologizing.rs"),
};

/// More apologies than this in one draft are too many whatever its length (catalog).
const MOST_APOLOGIES: usize = 4;
/// From this many apologies on, a draft needs this many words per apology.
const MANY_APOLOGIES: usize = 3;
const WORDS_PER_APOLOGY: usize = 100;
/// Sincerity claims on one apology that make a stack.
const STACKED: usize = 3;

impl Rule for OverApologizing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        // The body's apologies: a title ("Please Accept Our Apology") does not count.
        let apologies: Vec<&ApologyExpression> = analysis
            .writer_apologies()
            .filter(|apology| !in_title_line(analysis, apology.word()))
            .collect();
        let count = apologies.len();
        // Counting the words reads every token: only a draft with a few apologies needs it.
        let words = if (MANY_APOLOGIES..=MOST_APOLOGIES).contains(&count) {
            analysis.text.word_count()
        } else {
            0
        };
        // Reported on the last apology that counts, where the reader has seen them all.
        let reported = if count > MOST_APOLOGIES {
            Some((
                apologies[count - 1],
                context.format_localized(
                    format_args!(
                        "this draft apologizes {count} times; more than {MOST_APOLOGIES} buries \
                         what you are doing about it"
                    ),
                    format_args!(
                        "deze tekst biedt {count} keer excuses aan; meer dan {MOST_APOLOGIES} keer \
                         begraaft wat u eraan doet"
                    ),
                ),
            ))
        } else if count >= MANY_APOLOGIES && words < WORDS_PER_APOLOGY * count {
            Some((
                apologies[count - 1],
                context.format_localized(
                    format_args!(
                        "this draft apologizes {count} times in {words} words; once or twice, \
                         then the repair, is stronger"
                    ),
                    format_args!(
                        "deze tekst biedt {count} keer excuses aan in {words} woorden; een of \
                         twee keer, en dan het herstel, is sterker"
                    ),
                ),
            ))
        } else {
            None
        };
        if let Some((apology, message)) = reported {
            findings.push(context.finding(analysis.span(apology.tokens()), message, Vec::new()));
        }
        for apology in apologies {
            let (claims, range) = sincerity_claims(analysis, apology);
            if claims >= STACKED {
                findings.push(context.finding(
                    analysis.span(range),
                    context.format_localized(
                        format_args!(
                            "{claims} claims of sincerity stacked on one apology; one is enough, \
                             and what you do next proves it"
                        ),
                        format_args!(
                            "{claims} betuigingen van oprechtheid op één excuus gestapeld; één \
                             is genoeg, en wat u daarna doet bewijst het"
                        ),
                    ),
                    Vec::new(),
                ));
            }
        }
    }
}

/// How many sincerity intensifiers (and sincerity adjectives: "our sincere, heartfelt
/// apologies") the apology carries, from its subject to its word and in a run right after it
/// ("I apologize sincerely and deeply"), and the token range they span with the apology.
fn sincerity_claims(
    analysis: &Analysis<'_>,
    apology: &ApologyExpression,
) -> (usize, std::ops::Range<usize>) {
    let words = analysis.words();
    let is_claim = |i: usize| {
        analysis.is(i, words.sincerity_intensifiers) || analysis.is(i, words.sincerity_adjectives)
    };
    let word = apology.word();
    let sentence = analysis.sentence(apology.sentence);
    let mut end = word + 1;
    let mut after = 0;
    let mut index = word + 1;
    while sentence.contains_token(index)
        && (analysis.word(index) == "," || analysis.is(index, words.conjunctions))
        || is_claim(index) && sentence.contains_token(index)
    {
        if is_claim(index) {
            after += 1;
            end = index + 1;
        }
        index += 1;
    }
    let before = apology.tokens().filter(|&i| is_claim(i)).count();
    (before + after, apology.start()..end)
}
