//! Suppression comments in Markdown and HTML.
//!
//! STUB: the real implementation replaces this.

use crate::lint::finding::TextRange;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    force_apology: bool,
}

impl Suppressions {
    /// `<!-- amends: apology -->` was found.
    pub fn forces_apology(&self) -> bool {
        self.force_apology
    }

    /// `<!-- amends-disable-file: rule -->` names this rule.
    pub fn disables_file(&self, _rule: &str) -> bool {
        false
    }

    /// A finding of `rule` at `range` is suppressed by an ignore comment or a disabled region.
    pub fn suppresses(&self, _rule: &str, _range: TextRange) -> bool {
        false
    }
}
