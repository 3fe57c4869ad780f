//! The apology gate: is apologizing one of this document's purposes?
//!
//! amends is quiet on anything that is not an apology — a README, a release note, a forum
//! question, an ordinary work mail with a passing "sorry for the late reply". Its mistakes are
//! the most visible ones a user meets (a flooded README loses a user for good), so the verdict is
//! a small, explicit scorer over the catalog's features, and the features travel with the
//! verdict so tests, the JSON output and the hover can show why ([`GateFeatures::reasons`]).
//!
//! Purpose, not form: a press statement, a status update, a notice with section headings or a
//! one-line reply is an apology when its writer apologizes for a harm, greeting or not. The
//! score starts from the writer's own apologies (someone else's, reported, and apologies about
//! the message itself do not count), rises with the components of a good apology, with the signs
//! of a letter and with talk of a failure or harm, and falls only for signs that the text is
//! about others' apologies or that its one apology is an aside in a text written for another
//! purpose (documentation with code and headings, a column's passing "sorry", no failure in
//! sight, no harm named). A document is an apology at
//! [`THRESHOLD`]; one real apology in a short draft ("We're sorry, but our policy does not allow
//! refunds.") reaches it on its own.

use super::language::{Analysis, PhraseKind};
use super::markup::Prose;

pub const THRESHOLD: i32 = 3;

/// What the gate looked at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GateFeatures {
    /// The writer's own apologies for a harm.
    pub apologies: usize,
    /// Apologies about the message itself ("sorry for the late reply").
    pub passing_apologies: usize,
    /// Someone else's apologies, reported.
    pub reported_apologies: usize,
    /// Components of a good apology present (responsibility, remedy …).
    pub components: usize,
    /// The writer owns a fault (the component that matters most).
    pub responsibility: bool,
    pub greeting: bool,
    pub sign_off: bool,
    pub email_headers: bool,
    /// Words of failure and harm ("outage", "delay", "mistake", "storing") outside quotes.
    pub harm_words: usize,
    /// The first writer apology names a harm as its object ("sorry for any *confusion*"), where
    /// an aside names a limitation ("sorry, no Windows support").
    pub apology_names_harm: bool,
    /// The first writer apology stands in the draft's first three sentences (a title line
    /// counts as one) or its last two: the place of a text's purpose, not of an aside.
    pub apology_in_frame: bool,
    pub headings: usize,
    pub code_blocks: usize,
    pub list_items: usize,
    pub sentences: usize,
}

/// The gate's verdict and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GateVerdict {
    pub is_apology: bool,
    /// Forced by `apology = "always"` or `<!-- amends: apology -->`.
    pub forced: bool,
    pub score: i32,
    pub features: GateFeatures,
}

/// How much failure talk makes a text about a failure: a README's "if you find a bug" is one.
const HARM_TOPIC: usize = 3;

/// A text this long with one apology in its middle has another purpose; a short notice with
/// one apology has not.
const LONG_TEXT: usize = 6;

impl GateFeatures {
    pub fn collect(analysis: &Analysis<'_>, prose: &Prose) -> GateFeatures {
        use super::language::Voice;
        let count = |voice| {
            analysis
                .apologies
                .iter()
                .filter(|a| a.voice == voice)
                .count()
        };
        let tokens = analysis.text.tokens.len();
        let greeting = analysis
            .hits(PhraseKind::Greeting)
            .first()
            .is_some_and(|hit| hit.start() == 0);
        // A sign-off sits in the last few words of the draft.
        let sign_off = analysis
            .hits(PhraseKind::SignOff)
            .last()
            .is_some_and(|hit| hit.end() + 8 >= tokens);
        let unquoted =
            |hit: &&super::language::PhraseHit| !analysis.text.tokens[hit.start()].quoted();
        let sentences = analysis.text.sentences.len();
        let apology_in_frame = analysis
            .writer_apologies()
            .next()
            .is_some_and(|apology| apology.sentence < 3 || apology.sentence + 2 >= sentences);
        let apology_names_harm = analysis.writer_apologies().next().is_some_and(|apology| {
            let object = analysis.object_start(apology);
            !analysis
                .hits_in(PhraseKind::HarmWord, object..object + 5)
                .is_empty()
        });
        GateFeatures {
            apology_names_harm,
            apologies: count(Voice::Writer),
            passing_apologies: count(Voice::Passing),
            reported_apologies: count(Voice::Reported),
            components: analysis.components().iter().count(),
            responsibility: analysis
                .components()
                .contains(crate::lint::summary::Component::Responsibility),
            greeting,
            sign_off,
            email_headers: prose.genre.email_headers,
            harm_words: analysis
                .hits(PhraseKind::HarmWord)
                .iter()
                .filter(unquoted)
                .count(),
            apology_in_frame,
            headings: prose.genre.headings,
            code_blocks: prose.genre.code_blocks,
            list_items: prose.genre.list_items,
            sentences,
        }
    }

    pub fn reads_as_correspondence(&self) -> bool {
        self.greeting || self.sign_off || self.email_headers
    }

    fn about_a_failure(&self) -> bool {
        self.harm_words >= HARM_TOPIC
    }

    /// Responsibility, or two components: a README's aside has neither.
    fn owns_a_harm(&self) -> bool {
        self.responsibility || self.components >= 2
    }

    /// The named features that make the score, each with its points; their sum is the score.
    pub fn reasons(&self) -> Vec<(&'static str, i32)> {
        let mut reasons = Vec::new();
        if self.apologies == 0 {
            reasons.push(("no apology by the writer", 0));
            return reasons;
        }
        reasons.push(("an apology by the writer", 3));
        if self.apologies > 1 {
            reasons.push(("more apologies", (self.apologies as i32 - 1).min(2)));
        }
        if self.components > 0 {
            reasons.push((
                "components of a good apology",
                (self.components as i32).min(3),
            ));
        }
        // A text that mostly quotes or mentions others' apologies (a news report, an advice
        // article with a template in it) is about apologies, not one.
        if self.reported_apologies >= 3 && self.reported_apologies >= 3 * self.apologies {
            reasons.push(("mostly others' apologies, reported or mentioned", -3));
        } else if self.reported_apologies >= 3 && self.reported_apologies > 2 * self.apologies {
            reasons.push(("mostly others' apologies, reported or mentioned", -2));
        }
        if self.reads_as_correspondence() {
            reasons.push(("greeting, sign-off or mail headers", 1));
        }
        if self.about_a_failure() {
            reasons.push(("talks about a failure or harm", 1));
        }
        // Documentation signs weigh only in a text that is neither a letter nor about a failure
        // nor owning one: a notice with "What happened" headings and a list of fixes, or release
        // notes that open with "We're sorry" and what we broke, are still apologies.
        if !self.reads_as_correspondence() && !self.about_a_failure() && !self.owns_a_harm() {
            if self.code_blocks > 0 {
                reasons.push(("code blocks", -2));
            }
            if self.headings > 0 {
                reasons.push(("headings", -1));
            }
            if self.list_items >= 2 {
                reasons.push(("a list", -1));
            }
        }
        let lone_aside = self.apologies == 1
            && self.components == 0
            && self.sentences >= LONG_TEXT
            && !self.apology_in_frame
            && !self.apology_names_harm
            && !self.reads_as_correspondence()
            && !self.about_a_failure();
        if lone_aside {
            reasons.push(("one apology, an aside in a text about something else", -1));
        }
        reasons
    }

    pub fn score(&self) -> i32 {
        self.reasons().iter().map(|(_, points)| points).sum()
    }
}

/// Judge a document. `forced` comes from the options or an `amends: apology` comment.
pub fn judge(analysis: &Analysis<'_>, prose: &Prose, forced: bool) -> GateVerdict {
    let features = GateFeatures::collect(analysis, prose);
    let score = features.score();
    GateVerdict {
        is_apology: forced || score >= THRESHOLD,
        forced,
        score,
        features,
    }
}
