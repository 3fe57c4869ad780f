//! The apology gate: is apologizing one of this document's purposes?
//!
//! amends is quiet on anything that is not an apology — a README, a release note, a forum
//! question, an ordinary work mail with a passing "sorry for the late reply". Its mistakes are
//! the most visible ones a user meets (a flooded README loses a user for good), so the verdict is
//! a small, explicit scorer over the catalog's features, and the features travel with the
//! verdict so tests, the JSON output and the hover can show why.
//!
//! Score: 3 for the first real apology expression of the writer, +1 for each further one (at
//! most +2), +1 for each component of a good apology the draft has (at most +3), +1 when the
//! draft reads as correspondence (greeting, sign-off, mail headers); minus documentation signs
//! when it has none of those (a code block −2, headings −1, a list −1); minus 1 for a lone aside
//! (one apology, no component, four sentences or more). A draft is an apology at 3 or more.
//! A short draft with one real apology ("We're sorry, but our policy does not allow refunds.")
//! scores exactly 3: it *is* an apology.

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
    pub greeting: bool,
    pub sign_off: bool,
    pub email_headers: bool,
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
            .is_some_and(|hit| hit.start == 0);
        // A sign-off sits in the last few words of the draft.
        let sign_off = analysis
            .hits(PhraseKind::SignOff)
            .last()
            .is_some_and(|hit| hit.end as usize + 8 >= tokens);
        GateFeatures {
            apologies: count(Voice::Writer),
            passing_apologies: count(Voice::Passing),
            reported_apologies: count(Voice::Reported),
            components: analysis.components().iter().count(),
            greeting,
            sign_off,
            email_headers: prose.genre.email_headers,
            headings: prose.genre.headings,
            code_blocks: prose.genre.code_blocks,
            list_items: prose.genre.list_items,
            sentences: analysis.text.sentences.len(),
        }
    }

    pub fn reads_as_correspondence(&self) -> bool {
        self.greeting || self.sign_off || self.email_headers
    }

    pub fn score(&self) -> i32 {
        if self.apologies == 0 {
            return 0;
        }
        let mut score = 3 + (self.apologies as i32 - 1).min(2) + (self.components as i32).min(3);
        if self.reads_as_correspondence() {
            score += 1;
        } else {
            score -= 2 * i32::from(self.code_blocks > 0)
                + i32::from(self.headings > 0)
                + i32::from(self.list_items >= 2);
        }
        let lone_aside = self.apologies == 1 && self.components == 0 && self.sentences >= 4;
        score - i32::from(lone_aside && !self.reads_as_correspondence())
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
