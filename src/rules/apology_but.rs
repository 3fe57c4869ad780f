//! ## What it does
//! Flags an apology or an empathy statement joined by *but*, *however*, *although* or *though* to
//! a clause that limits, refuses or shifts the cause: "We're sorry, but our policy…", "I
//! understand your frustration, but we can't…", "Although we are very sorry, we must ask…".
//!
//! The *but* may follow in the same sentence or open the next one ("We're sorry. However, …");
//! *although* and *though* may also come first. The clause after it must limit: our inability or
//! refusal ("can't", "unable", "not possible", "won't refund"), our policy or terms, the reader
//! as the one at fault ("you did not…"), or an excuse. A *but* that intensifies or commits ("but
//! most of all I am sorry that…", "but I have already refunded…", "but we will call you today")
//! and a *but* with no apology or empathy beside it are left alone.
//!
//! ## Why is this bad?
//! Readers weigh what comes after *but* and discount what came before: the apology turns into the
//! wind-up for a refusal. Customer-service writing guides advise against *but* ("maar") in an
//! apology for exactly this reason. When the limit is real, say it in its own sentence, after an
//! apology that stands on its own.
//!
//! ## Example
//! ```text
//! We are sorry about the scratched table, but we can't take back assembled furniture.
//! ```
//!
//! ## Use instead
//! ```text
//! We are sorry about the scratched table. Assembled furniture cannot go back to the warehouse, so
//! I have ordered a replacement top for you.
//! ```
//!
//! ## Fix safety
//! Unsafe: the fix ends the apology before *but* and starts a new sentence with the limit ("We're
//! sorry, but our policy…" → "We're sorry. Our policy…"). It rewrites the sentence, and the limit
//! may still need softening or a remedy beside it.
//!
//! ## In het Nederlands
//! Markeert excuses of empathie die met *maar* (of *echter*, *hoewel*) overgaan in een beperking,
//! een weigering of een verschuiving van de oorzaak: "het spijt me, maar wij kunnen geen geopende
//! artikelen terugnemen", "ik begrijp uw frustratie, maar ons beleid…". Schrijfadviezen voor
//! klantenservice raden *maar* na excuses af. Een *maar* die versterkt ("niet alleen…, maar ook…")
//! of toezegt ("maar ik heb het bedrag al teruggestort") blijft stil.
//!
//! ### Voorbeeld
//! ```text
//! Het spijt ons, maar volgens onze voorwaarden is een terugbetaling niet mogelijk.
//! ```
//!
//! ### Gebruik liever
//! ```text
//! Het spijt ons dat de stoel beschadigd aankwam. Wij sturen u morgen een nieuwe.
//! ```

use std::ops::Range;

use crate::lint::finding::{Edit, Finding, Fix, Safety, Severity, TextRange};
use crate::lint::language::{Analysis, PhraseKind};
use crate::rules::edits::{capitalize_first, draft_text, quoted_words};
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct ApologyBut;

static META: RuleMeta = RuleMeta {
    id: "apology-but",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    kind: RuleKind::Phrase,
    component: None,
    fix: FixAvailability::Unsafe,
    source: include_str!("apology_but.rs"),
};

impl Rule for ApologyBut {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let analysis = context.analysis;
        let mut statements: Vec<Range<usize>> = analysis
            .writer_apologies()
            .map(|apology| apology.tokens())
            .collect();
        statements.extend(
            analysis
                .hits(PhraseKind::Empathy)
                .iter()
                .filter(|hit| !analysis.text.tokens[hit.start()].quoted())
                .map(|hit| hit.tokens()),
        );
        statements.sort_by_key(|range| range.start);
        if statements.is_empty() {
            return;
        }
        let turns = LimitingTurns::new(analysis);
        let commas = Commas::new(analysis);
        // An apology and an empathy line may share one *but*: report it once.
        let mut reported = rustc_hash::FxHashSet::default();
        for statement in statements {
            let found = but_after(analysis, &turns, &statement)
                .or_else(|| although_before(analysis, &commas, &statement));
            let Some(turn) = found else {
                continue;
            };
            if !reported.insert(turn.conjunction) {
                continue;
            }
            let source = context.source;
            let length = turn_length(analysis, turn.conjunction).max(1);
            let conjunction = quoted_words(analysis, turn.conjunction..turn.conjunction + length);
            let range = analysis.span(turn.flagged.clone());
            let (edit, second) = turn.edits(analysis, source);
            let fix = Fix::with_edits(
                context.format_localized(
                    format_args!("End the apology before '{conjunction}'"),
                    format_args!("Laat de excuses eindigen vóór '{conjunction}'"),
                ),
                Safety::Unsafe,
                [edit].into_iter().chain(second),
            );
            findings.push(context.finding(
                range,
                context.format_localized(
                    format_args!(
                        "'{conjunction}' takes the apology back: what follows limits or refuses; \
                         let the apology stand on its own"
                    ),
                    format_args!(
                        "'{conjunction}' neemt de excuses terug: wat volgt beperkt of weigert; \
                         laat de excuses op zichzelf staan"
                    ),
                ),
                vec![fix],
            ));
        }
    }
}

/// How many words the turn at `index` has: "but" 1, "that said" 2, "having said that" 3; 0 when
/// there is none.
fn turn_length(analysis: &Analysis<'_>, index: usize) -> usize {
    let words = analysis.words();
    // "niet alleen …, maar ook …" adds, it does not limit.
    if analysis.is_any_phrase(index, words.additive_turns) {
        return 0;
    }
    // A conjunction of the lexicon's table ("but", "however", "maar" …).
    if !analysis
        .hits_in(PhraseKind::Turn, index..index + 1)
        .is_empty()
    {
        return 1;
    }
    words
        .turn_phrases
        .iter()
        .find(|phrase| analysis.is_phrase(index, phrase))
        .map_or(0, |phrase| phrase.len())
}

/// How many words after the conjunction the limiting phrase may start ("but, unfortunately, as
/// per our terms, we can't …").
const LIMIT_WINDOW: usize = 7;

/// What limits after the turn: our own table, and the excuses, denials, blame and defensive
/// phrases other rules report in their own right.
const LIMIT_KINDS: &[PhraseKind] = &[
    PhraseKind::Limitation,
    PhraseKind::DeniesFault,
    PhraseKind::Excuse,
    PhraseKind::BlamesCustomer,
    PhraseKind::Defensive,
];

/// An apology turned by a conjunction toward a limit.
struct Turn {
    conjunction: usize,
    /// The conjunction through the end of the limiting phrase.
    flagged: Range<usize>,
    shape: Shape,
}

enum Shape {
    /// "We're sorry, but we can't": the conjunction follows the apology.
    After,
    /// "Although we're sorry, we must ask": the concessive comes first; the comma ends it.
    Before { comma: usize },
}

impl Turn {
    /// The edit at the turn, and for a turn that comes first ("Although …, we") a second one
    /// at its comma.
    fn edits(&self, analysis: &Analysis<'_>, source: &str) -> (Edit, Option<Edit>) {
        match self.shape {
            Shape::After => {
                // Replace ", but " (or "However, " at a sentence start) with a sentence end and
                // the capital of the next word.
                let conjunction = self.conjunction;
                let sentence = analysis.sentence_of(conjunction);
                let opens = sentence.start() == conjunction;
                let start = if opens {
                    analysis.span(conjunction..conjunction + 1).start
                } else if analysis.word(conjunction - 1) == "," {
                    analysis.span(conjunction - 1..conjunction).start
                } else {
                    analysis.span(conjunction - 1..conjunction).end
                };
                let next = next_word(analysis, conjunction + turn_length(analysis, conjunction));
                let separator = if opens { "" } else { ". " };
                (
                    capitalize_at(analysis, source, start, next, separator),
                    None,
                )
            }
            Shape::Before { comma } => {
                // "Although we are sorry, we must" → "We are sorry. We must".
                let mut opener = self.conjunction;
                if opener > 0 && analysis.is(opener - 1, analysis.words().concessive_intensifiers) {
                    opener -= 1;
                }
                let first = analysis.span(opener..opener + 1).start;
                let start_edit = capitalize_at(analysis, source, first, self.conjunction + 1, "");
                let comma_start = analysis.span(comma..comma + 1).start;
                let next = next_word(analysis, comma + 1);
                (
                    start_edit,
                    Some(capitalize_at(analysis, source, comma_start, next, ". ")),
                )
            }
        }
    }
}

/// The first word token at or after `from` (skipping commas).
fn next_word(analysis: &Analysis<'_>, from: usize) -> usize {
    let mut index = from;
    while analysis.word(index) == "," {
        index += 1;
    }
    index
}

/// Replace `start` .. the first letter of token `word` with `separator` and that letter in
/// uppercase.
fn capitalize_at(
    analysis: &Analysis<'_>,
    source: &str,
    start: usize,
    word: usize,
    separator: &str,
) -> Edit {
    let span = analysis.span(word..word + 1);
    let first_len = span.slice(source).chars().next().map_or(0, char::len_utf8);
    let letter = &source[span.start..span.start + first_len];
    Edit::replace(
        TextRange::new(start, span.start + first_len),
        draft_text!("{separator}{}", capitalize_first(letter)),
    )
}

/// Every turn of the draft and the end of the limit it turns toward, if it does, worked out once:
/// each statement asks for the first such turn after it in its sentence, and in a run of "We're
/// sorry, but …" asking each turn again for each statement before it took quadratic time.
struct LimitingTurns {
    /// For each hit of [`PhraseKind::Turn`]: the conjunction, and the end of its limit.
    limits: Vec<(usize, Option<usize>)>,
    /// For each hit: the first hit at or after it that limits (`limits.len()` if none does).
    next_limiting: Vec<usize>,
}

impl LimitingTurns {
    fn new(analysis: &Analysis<'_>) -> LimitingTurns {
        let limits: Vec<(usize, Option<usize>)> = analysis
            .hits(PhraseKind::Turn)
            .iter()
            .map(|hit| {
                let conjunction = hit.start();
                let length = turn_length(analysis, conjunction);
                let end = (length > 0)
                    .then(|| limit_after(analysis, conjunction + length))
                    .flatten();
                (conjunction, end)
            })
            .collect();
        let mut next_limiting = vec![limits.len(); limits.len() + 1];
        for index in (0..limits.len()).rev() {
            next_limiting[index] = if limits[index].1.is_some() {
                index
            } else {
                next_limiting[index + 1]
            };
        }
        LimitingTurns {
            limits,
            next_limiting,
        }
    }

    /// The first turn starting within `tokens` that limits: its conjunction and the limit's end.
    fn first_in(&self, tokens: Range<usize>) -> Option<(usize, usize)> {
        let from = self
            .limits
            .partition_point(|&(conjunction, _)| conjunction < tokens.start);
        let (conjunction, end) = *self.limits.get(self.next_limiting[from])?;
        (conjunction < tokens.end).then_some((conjunction, end?))
    }
}

/// "…sorry, but we can't …" in the same sentence, or "…sorry. However, we can't …" next.
fn but_after(
    analysis: &Analysis<'_>,
    turns: &LimitingTurns,
    statement: &Range<usize>,
) -> Option<Turn> {
    let sentence_index = analysis.text.sentence_of(statement.start);
    let sentence = analysis.sentence(sentence_index);
    let same = turns.first_in(statement.end..sentence.end());
    let next = || {
        let first = analysis.text.sentences.get(sentence_index + 1)?.start();
        let length = turn_length(analysis, first);
        (length > 0)
            .then(|| Some((first, limit_after(analysis, first + length)?)))
            .flatten()
    };
    let (conjunction, end) = same.or_else(next)?;
    Some(Turn {
        conjunction,
        flagged: conjunction..end,
        shape: Shape::After,
    })
}

/// The commas of the draft, in order: whether one lies between two words is a search, not a
/// walk over the words between them, which in a long sentence without commas took quadratic time.
struct Commas(Vec<usize>);

impl Commas {
    fn new(analysis: &Analysis<'_>) -> Commas {
        let tokens = analysis.text.tokens.len();
        Commas((0..tokens).filter(|&i| analysis.word(i) == ",").collect())
    }

    /// The first comma within `tokens`.
    fn first_in(&self, tokens: Range<usize>) -> Option<usize> {
        let from = self.0.partition_point(|&comma| comma < tokens.start);
        self.0
            .get(from)
            .copied()
            .filter(|&comma| comma < tokens.end)
    }
}

/// "Although we are very sorry, we must ask …": the concessive opens the clause holding the
/// statement, and the clause after its comma limits.
fn although_before(
    analysis: &Analysis<'_>,
    commas: &Commas,
    statement: &Range<usize>,
) -> Option<Turn> {
    let sentence = analysis.sentence_of(statement.start);
    let sentence_start = sentence.start();
    // The last concessive before the statement, with no comma between them.
    let conjunction = analysis
        .hits_in(PhraseKind::Concessive, sentence_start..statement.start)
        .last()?
        .start();
    if commas.first_in(conjunction + 1..statement.start).is_some() {
        return None;
    }
    // The concessive opens the sentence or follows a comma ("Even though …", "…, although …").
    let opener = if conjunction > sentence_start
        && analysis.is(conjunction - 1, analysis.words().concessive_intensifiers)
    {
        conjunction - 1
    } else {
        conjunction
    };
    let heads = opener == sentence_start || analysis.word(opener - 1) == ",";
    if !heads {
        return None;
    }
    let comma = commas.first_in(statement.end..sentence.end())?;
    let end = limit_after(analysis, comma + 1)?;
    Some(Turn {
        conjunction,
        flagged: opener..end,
        shape: Shape::Before { comma },
    })
}

/// The end of a limiting phrase starting within [`LIMIT_WINDOW`] words of `from`, in the same
/// sentence, unless a commitment comes first ("but I have already refunded …").
fn limit_after(analysis: &Analysis<'_>, from: usize) -> Option<usize> {
    let sentence = analysis.sentence_of(from);
    let window = from..(from + LIMIT_WINDOW).min(sentence.end());
    let limit = LIMIT_KINDS
        .iter()
        .flat_map(|kind| analysis.hits_in(*kind, window.clone()))
        .filter(|hit| {
            hit.end() <= sentence.end()
                && !is_sympathy(analysis, hit.end())
                && !owns_the_cause(analysis, hit.end())
        })
        .min_by_key(|hit| (hit.start(), std::cmp::Reverse(hit.end())))?;
    let commits_first = [PhraseKind::Remedy, PhraseKind::Prevention]
        .iter()
        .any(|kind| !analysis.hits_in(*kind, from..limit.start()).is_empty());
    (!commits_first).then_some(limit.end())
}

/// "but you did not deserve this" sides with the reader: not a limit.
fn is_sympathy(analysis: &Analysis<'_>, after: usize) -> bool {
    analysis.is_any_phrase(after, analysis.words().undeserved_harm)
}

/// "but because of our mistake, …": the cause named is ours, which is ownership, not a shift.
fn owns_the_cause(analysis: &Analysis<'_>, after: usize) -> bool {
    analysis
        .hits_in(PhraseKind::Responsibility, after..after + 1)
        .iter()
        .any(|hit| hit.start() == after)
}
