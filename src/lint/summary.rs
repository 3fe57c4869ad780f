//! The per-draft summary: which components of a good apology are present, and a strength score.
//!
//! The components and their weights follow Lewicki, Polin & Lount (2016), who found
//! acknowledgment of responsibility mattered most, then an offer of repair; explanation, regret
//! and prevention followed, and a request for forgiveness mattered least.

use std::fmt;

use crate::lint::finding::{Severity, TextRange};
use crate::lint::language::Language;

/// A component of an effective apology that a structure rule looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Component {
    Responsibility,
    Remedy,
    Empathy,
    Explanation,
    Prevention,
    Forgiveness,
}

impl Component {
    pub const ALL: [Component; 6] = [
        Component::Responsibility,
        Component::Remedy,
        Component::Empathy,
        Component::Explanation,
        Component::Prevention,
        Component::Forgiveness,
    ];

    /// The JSON key and the word the summary shows.
    pub const fn as_str(self) -> &'static str {
        match self {
            Component::Responsibility => "responsibility",
            Component::Remedy => "remedy",
            Component::Empathy => "empathy",
            Component::Explanation => "explanation",
            Component::Prevention => "prevention",
            Component::Forgiveness => "forgiveness",
        }
    }

    /// The word for the component in `language` (the hover of a Dutch draft speaks Dutch).
    pub const fn name_in(self, language: Language) -> &'static str {
        match language {
            Language::English => self.as_str(),
            Language::Dutch => match self {
                Component::Responsibility => "verantwoordelijkheid",
                Component::Remedy => "herstel",
                Component::Empathy => "empathie",
                Component::Explanation => "uitleg",
                Component::Prevention => "preventie",
                Component::Forgiveness => "verzoek om vergeving",
            },
        }
    }

    /// Points out of 100; the remaining 10 are for regret, present once the gate passes.
    pub const fn weight(self) -> u32 {
        match self {
            Component::Responsibility => 30,
            Component::Remedy => 25,
            Component::Empathy => 10,
            Component::Explanation => 10,
            Component::Prevention => 10,
            Component::Forgiveness => 5,
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of components.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Components(u8);

impl Components {
    pub const fn none() -> Self {
        Components(0)
    }

    pub const fn all() -> Self {
        Components(0b11_1111)
    }

    pub fn insert(&mut self, component: Component) {
        self.0 |= component.bit();
    }

    pub fn remove(&mut self, component: Component) {
        self.0 &= !component.bit();
    }

    pub const fn contains(self, component: Component) -> bool {
        self.0 & component.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Component> {
        Component::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }
}

impl FromIterator<Component> for Components {
    fn from_iter<I: IntoIterator<Item = Component>>(iter: I) -> Self {
        let mut set = Components::none();
        for component in iter {
            set.insert(component);
        }
        set
    }
}

const REGRET_WEIGHT: u32 = 10;
const WARNING_PENALTY: u32 = 5;
const INFO_PENALTY: u32 = 2;
const MAX_PENALTY: u32 = 40;

/// What the draft has, and how strong it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// 0–100.
    pub score: u8,
    /// The components found in the draft.
    pub present: Components,
    /// The components that count: those whose structure rule is turned on.
    pub scored: Components,
    /// Where each present component was first found, by [`Component`] index: the words a
    /// reader can check ("✓ remedy: *we have refunded the fee*").
    pub evidence: [Option<TextRange>; 6],
}

impl Summary {
    /// Score a draft: regret 10 plus the weights of the present components, scaled so the
    /// components that count add up to 100; minus 5 per warning and 2 per info phrase finding,
    /// at most 40 taken off. `phrase_findings` are the severities of the phrase rules' findings
    /// (what kind of rule made a finding is the registry's knowledge, so the caller sorts them).
    pub fn score(
        present: Components,
        scored: Components,
        phrase_findings: impl IntoIterator<Item = Severity>,
    ) -> Summary {
        let possible = REGRET_WEIGHT + scored.iter().map(Component::weight).sum::<u32>();
        let earned = REGRET_WEIGHT
            + scored
                .iter()
                .filter(|c| present.contains(*c))
                .map(Component::weight)
                .sum::<u32>();
        let scaled = (earned * 100 + possible / 2) / possible;
        // Counting stops at the cap: a long draft has thousands of findings, and the first few
        // reach it.
        let mut penalty = 0;
        for severity in phrase_findings {
            if penalty >= MAX_PENALTY {
                break;
            }
            penalty += match severity {
                Severity::Error | Severity::Warning => WARNING_PENALTY,
                Severity::Info => INFO_PENALTY,
                Severity::Hint => 0,
            };
        }
        let score = scaled.saturating_sub(penalty.min(MAX_PENALTY)).min(100);
        Summary {
            score: score as u8,
            present,
            scored,
            evidence: [None; 6],
        }
    }

    /// Where `component` was found, when it is present.
    pub fn evidence_of(&self, component: Component) -> Option<TextRange> {
        self.evidence[component as usize].filter(|_| self.present.contains(component))
    }

    /// The components that count and are missing.
    pub fn missing(&self) -> impl Iterator<Item = Component> + '_ {
        self.scored.iter().filter(|c| !self.present.contains(*c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_draft_without_findings_scores_100() {
        let summary = Summary::score(Components::all(), Components::all(), []);
        assert_eq!(summary.score, 100);
        assert_eq!(summary.missing().count(), 0);
    }

    #[test]
    fn regret_alone_scores_10() {
        let summary = Summary::score(Components::none(), Components::all(), []);
        assert_eq!(summary.score, 10);
        assert_eq!(summary.missing().count(), 6);
    }

    #[test]
    fn a_component_turned_off_scales_the_rest_up_to_100() {
        let mut scored = Components::all();
        scored.remove(Component::Forgiveness);
        let mut present = Components::all();
        present.remove(Component::Forgiveness);
        assert_eq!(Summary::score(present, scored, []).score, 100);
        // Responsibility alone: (10 + 30) of 95 possible.
        let responsibility = [Component::Responsibility].into_iter().collect();
        assert_eq!(Summary::score(responsibility, scored, []).score, 42);
    }

    #[test]
    fn penalties_are_capped_at_40() {
        let many = [Severity::Warning; 20];
        assert_eq!(
            Summary::score(Components::all(), Components::all(), many).score,
            60
        );
        let some = [Severity::Warning, Severity::Info, Severity::Hint];
        assert_eq!(
            Summary::score(Components::all(), Components::all(), some).score,
            93
        );
    }
}
