//! What a rule reports: [`Finding`]s with byte ranges, [`Severity`] and [`Fix`]es.
//!
//! Positions are byte offsets into the checked text everywhere in the core; converting them to
//! lines and columns (or LSP positions) is the job of the faces, never of a rule.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use smallvec::SmallVec;

/// A half-open byte range `start..end` into the checked text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

impl TextRange {
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Self { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn intersects(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest range covering both.
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

impl From<Range<usize>> for TextRange {
    fn from(range: Range<usize>) -> Self {
        TextRange::new(range.start, range.end)
    }
}

impl From<TextRange> for Range<usize> {
    fn from(range: TextRange) -> Self {
        range.start..range.end
    }
}

impl fmt::Display for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// How much a finding matters; ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Hint,
        Severity::Info,
        Severity::Warning,
        Severity::Error,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(name: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|severity| severity.as_str() == name)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether applying an edit keeps what the draft means.
///
/// The meaning follows ruff's: for prose, *safe* drops only a word that weakens the writer's own
/// statement; *unsafe* changes what is claimed or admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Safety {
    Unsafe,
    Safe,
}

impl Safety {
    pub const fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

impl fmt::Display for Safety {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a fix gives the writer: finished text, or a template to finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FixKind {
    /// Edits that leave finished text: applied as they stand, in bulk too when their safety
    /// allows.
    Edit(Safety),
    /// Text with `[placeholders]` only the writer can fill in ("I have [refunded] [what] on
    /// [date]."): offered, never applied in bulk (the server inserts a structure rule's template
    /// as a snippet, a tab stop per placeholder).
    Template,
}

impl FixKind {
    /// The fix's safety as the faces name it: a template is ruff's *display-only*.
    pub const fn as_str(self) -> &'static str {
        match self {
            FixKind::Edit(safety) => safety.as_str(),
            FixKind::Template => "display-only",
        }
    }
}

impl fmt::Display for FixKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text of a finding: most messages, titles and replacements are fixed strings, and a long
/// draft has thousands of findings, so only text made from the draft's words is allocated.
pub type FindingText = Cow<'static, str>;

/// Replace the text in `range` with `replacement` (an empty range inserts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: FindingText,
}

impl Edit {
    pub fn replace(range: TextRange, replacement: impl Into<FindingText>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: TextRange) -> Self {
        Edit::replace(range, "")
    }

    pub fn insert(at: usize, text: impl Into<FindingText>) -> Self {
        Edit::replace(TextRange::empty(at), text)
    }
}

/// A fix's edits: nearly always one, kept in place rather than in an allocation of its own (a
/// long draft has thousands of findings, most of them with a fix of one edit). Rules make them
/// through [`Fix`]'s constructors.
pub type Edits = SmallVec<[Edit; 1]>;

/// One way to resolve a finding: a title for the menu, its kind and non-overlapping edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: FindingText,
    pub kind: FixKind,
    pub edits: Edits,
}

impl Fix {
    /// A fix of one edit that leaves finished text.
    pub fn new(title: impl Into<FindingText>, safety: Safety, edit: Edit) -> Self {
        Fix {
            title: title.into(),
            kind: FixKind::Edit(safety),
            edits: SmallVec::from_buf([edit]),
        }
    }

    /// A fix of edits applied together, which leave finished text.
    pub fn with_edits(
        title: impl Into<FindingText>,
        safety: Safety,
        edits: impl IntoIterator<Item = Edit>,
    ) -> Self {
        Fix {
            title: title.into(),
            kind: FixKind::Edit(safety),
            edits: edits.into_iter().collect(),
        }
    }

    /// A fix that puts text with `[placeholders]` into the draft for the writer to finish.
    pub fn template(title: impl Into<FindingText>, edit: Edit) -> Self {
        Fix {
            title: title.into(),
            kind: FixKind::Template,
            edits: SmallVec::from_buf([edit]),
        }
    }
}

/// A weak spot in an apology, reported by one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule's kebab-case id, e.g. `conditional-apology`.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: FindingText,
    pub range: TextRange,
    pub fixes: Vec<Fix>,
}

/// Apply `edits` to `text`. Edits that overlap an earlier accepted edit are skipped, so the result
/// is always well defined; returns the new text and how many edits were applied.
pub fn apply_edits<'e>(text: &str, edits: impl IntoIterator<Item = &'e Edit>) -> (String, usize) {
    let mut edits: Vec<&Edit> = edits.into_iter().collect();
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    let mut result = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut applied = 0;
    for edit in edits {
        if edit.range.start < cursor || edit.range.end > text.len() {
            continue;
        }
        result.push_str(&text[cursor..edit.range.start]);
        result.push_str(&edit.replacement);
        cursor = edit.range.end;
        applied += 1;
    }
    result.push_str(&text[cursor..]);
    (result, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_skip_overlaps() {
        let text = "we may have made a slight mistake";
        let edits = [
            Edit::delete(TextRange::new(19, 26)),
            Edit::delete(TextRange::new(3, 12)),
            Edit::delete(TextRange::new(5, 9)),
        ];
        let (result, applied) = apply_edits(text, &edits);
        assert_eq!(result, "we made a mistake");
        assert_eq!(applied, 2);
    }

    #[test]
    fn a_fix_knows_its_kind_and_the_faces_name_it() {
        let edit = Edit::insert(0, "x");
        let safe = Fix::new("Drop it", Safety::Safe, edit.clone());
        let unsafe_pair = Fix::with_edits("Split", Safety::Unsafe, [edit.clone(), edit.clone()]);
        let template = Fix::template("Add a sentence", Edit::insert(0, "[what]"));
        assert_eq!(safe.kind, FixKind::Edit(Safety::Safe));
        assert_eq!(unsafe_pair.edits.len(), 2);
        let names = [&safe, &unsafe_pair, &template].map(|fix| fix.kind.to_string());
        assert_eq!(names, ["safe", "unsafe", "display-only"]);
    }

    #[test]
    fn severities_order_from_hint_to_error() {
        assert!(Severity::Hint < Severity::Info);
        assert!(Severity::Warning < Severity::Error);
        assert_eq!(Severity::parse("info"), Some(Severity::Info));
        assert_eq!(Severity::parse("fatal"), None);
    }
}
