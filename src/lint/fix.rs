//! Applying fixes in bulk (`amends check --fix`, the editor's fix-all): choosing which fixes to
//! apply together, and applying them until none are left.
//!
//! Each pass takes the first allowed fix of every finding whose edits do not touch an edit
//! already taken (a fix is applied whole or not at all), applies them, and lints the result
//! again: one fix can change what another rule sees. Passes stop when nothing more applies, or
//! after [`MAX_PASSES`] so two rules that keep undoing each other cannot loop forever.

use std::collections::BTreeMap;

use crate::lint::{Edit, Finding, Fix, FixKind, Safety, TextRange, apply_edits};

/// Passes before giving up on reaching a text with nothing left to fix.
pub const MAX_PASSES: usize = 10;

/// Which fixes may be applied without the writer looking at each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// `--fix`: only fixes that keep the meaning.
    Safe,
    /// `--fix --unsafe-fixes`: also fixes that change what the draft claims or admits. Never
    /// templates: those hold placeholders for the writer to fill in.
    SafeAndUnsafe,
}

impl Applicability {
    pub fn allows(self, kind: FixKind) -> bool {
        match kind {
            FixKind::Edit(Safety::Safe) => true,
            FixKind::Edit(Safety::Unsafe) => self == Applicability::SafeAndUnsafe,
            FixKind::Template => false,
        }
    }
}

/// The first fix of `finding` that `applicability` allows and that has something to do.
fn applicable_fix(finding: &Finding, applicability: Applicability) -> Option<&Fix> {
    finding
        .fixes
        .iter()
        .find(|fix| applicability.allows(fix.kind) && !fix.edits.is_empty())
}

/// The fixes to apply together in one pass, in finding order.
pub fn choose_fixes<'f>(
    text: &str,
    findings: &'f [Finding],
    applicability: Applicability,
) -> Vec<&'f Fix> {
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut taken = TakenEdits::default();
    for finding in findings {
        let Some(fix) = applicable_fix(finding, applicability) else {
            continue;
        };
        // A rule's bug must not crash the command line: an edit outside the text or splitting a
        // character is left alone.
        let well_formed = fix.edits.iter().all(|edit| {
            edit.range.start <= edit.range.end
                && text.is_char_boundary(edit.range.start)
                && text.is_char_boundary(edit.range.end)
        });
        let own_conflict = fix.edits.iter().enumerate().any(|(i, a)| {
            fix.edits[i + 1..]
                .iter()
                .any(|b| edits_conflict(a.range, b.range))
        });
        let clashes = fix.edits.iter().any(|edit| taken.conflicts(edit.range));
        if well_formed && !own_conflict && !clashes {
            for edit in &fix.edits {
                taken.insert(edit.range);
            }
            chosen.push(fix);
        }
    }
    chosen
}

/// Two edits that cannot both be applied: they overlap, or insert at the same place (which would
/// leave their order to chance).
fn edits_conflict(a: TextRange, b: TextRange) -> bool {
    a.intersects(b) || a.start == b.start
}

/// The ranges of the edits taken so far in a pass, by start. No two of them conflict, so they
/// lie one after another: a later start never has an earlier end. Whether a new edit conflicts
/// with any of them is then a question about the one that starts just before its end, not a
/// search of them all (a long draft has hundreds of thousands of fixes).
#[derive(Debug, Default)]
struct TakenEdits {
    end_by_start: BTreeMap<usize, usize>,
}

impl TakenEdits {
    fn conflicts(&self, range: TextRange) -> bool {
        if self.end_by_start.contains_key(&range.start) {
            return true;
        }
        // Of the edits starting before `range` ends, the last has the largest end.
        self.end_by_start
            .range(..range.end)
            .next_back()
            .is_some_and(|(&start, &end)| edits_conflict(TextRange::new(start, end), range))
    }

    fn insert(&mut self, range: TextRange) {
        self.end_by_start.insert(range.start, range.end);
    }
}

/// The text after fixing, the last lint of it, and how many fixes were applied in all.
#[derive(Debug)]
pub struct Fixed<R> {
    pub text: String,
    pub report: R,
    pub applied: usize,
}

/// Apply fixes to `text` (whose lint is `report`) pass after pass, re-linting with `relint`.
pub fn fix_until_stable<R>(
    text: &str,
    report: R,
    findings_of: impl Fn(&R) -> &[Finding],
    relint: impl FnMut(&str) -> R,
    applicability: Applicability,
) -> Fixed<R> {
    fix_until_stable_unless(text, report, findings_of, relint, applicability, || false)
        .expect("never stopped")
}

/// [`fix_until_stable`], asking `stop` before each pass's lint: `None` when it said to stop (the
/// text was changed meanwhile, and the result would be for a text that no longer exists).
pub fn fix_until_stable_unless<R>(
    text: &str,
    report: R,
    findings_of: impl Fn(&R) -> &[Finding],
    mut relint: impl FnMut(&str) -> R,
    applicability: Applicability,
    stop: impl Fn() -> bool,
) -> Option<Fixed<R>> {
    let mut fixed = Fixed {
        text: text.to_owned(),
        report,
        applied: 0,
    };
    for _ in 0..MAX_PASSES {
        let fixes = choose_fixes(&fixed.text, findings_of(&fixed.report), applicability);
        if fixes.is_empty() {
            break;
        }
        let (next, _) = apply_edits(&fixed.text, fixes.iter().flat_map(|fix| &fix.edits));
        if next == fixed.text {
            // Fixes that change nothing would be "applied" forever.
            break;
        }
        fixed.applied += fixes.len();
        if stop() {
            return None;
        }
        // The old text and its report go before the next lint, not after it: a long draft's
        // report is many times the draft's size.
        fixed.text = next;
        drop(fixed.report);
        fixed.report = relint(&fixed.text);
    }
    Some(fixed)
}

/// One edit from `old` to `new`: the stretch between their common prefix and suffix.
pub fn changed_stretch(old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some(Edit::replace(
        TextRange::new(prefix, old.len() - suffix),
        new[prefix..new.len() - suffix].to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Severity;

    fn finding(fixes: Vec<Fix>) -> Finding {
        Finding {
            rule: "minimizing",
            severity: Severity::Warning,
            message: "".into(),
            range: TextRange::default(),
            fixes,
        }
    }

    fn delete(start: usize, end: usize, safety: Safety) -> Fix {
        Fix::new("Delete", safety, Edit::delete(TextRange::new(start, end)))
    }

    #[test]
    fn the_changed_stretch_is_minimal_and_whole_characters() {
        let edit = changed_stretch("a slight délai here", "a délai here").expect("changed");
        assert_eq!(edit.range, TextRange::new(2, 9));
        assert_eq!(edit.replacement, "");
        // The differing bytes sit inside two-byte characters: é (c3 a9) against è (c3 a8).
        let edit = changed_stretch("xéy", "xèy").expect("changed");
        assert_eq!(
            (edit.range, &*edit.replacement),
            (TextRange::new(1, 3), "è")
        );
        assert!(changed_stretch("same", "same").is_none());
    }

    #[test]
    fn safety_decides_what_is_applied_and_templates_never_are() {
        let findings = [
            finding(vec![delete(0, 2, Safety::Safe)]),
            finding(vec![delete(3, 4, Safety::Unsafe)]),
            finding(vec![Fix::template("Fill in", Edit::insert(5, "[what]"))]),
        ];
        let text = "0123456789";
        assert_eq!(choose_fixes(text, &findings, Applicability::Safe).len(), 1);
        assert_eq!(
            choose_fixes(text, &findings, Applicability::SafeAndUnsafe).len(),
            2
        );
    }

    #[test]
    fn the_first_allowed_fix_of_a_finding_is_taken() {
        let findings = [finding(vec![
            delete(0, 1, Safety::Unsafe),
            delete(2, 3, Safety::Safe),
        ])];
        let chosen = choose_fixes("abcd", &findings, Applicability::Safe);
        assert_eq!(chosen[0].edits[0].range, TextRange::new(2, 3));
        let chosen = choose_fixes("abcd", &findings, Applicability::SafeAndUnsafe);
        assert_eq!(chosen[0].edits[0].range, TextRange::new(0, 1));
    }

    #[test]
    fn a_fix_is_applied_whole_or_not_at_all() {
        let two_edits = Fix::with_edits(
            "Two",
            Safety::Safe,
            [
                Edit::delete(TextRange::new(0, 1)),
                Edit::delete(TextRange::new(4, 6)),
            ],
        );
        let findings = [
            finding(vec![delete(5, 7, Safety::Safe)]),
            finding(vec![two_edits]),
            finding(vec![Fix::new("Insert", Safety::Safe, Edit::insert(5, "x"))]),
            finding(vec![delete(8, 9, Safety::Safe)]),
        ];
        let chosen = choose_fixes("0123456789", &findings, Applicability::Safe);
        let titles: Vec<&str> = chosen.iter().map(|fix| &*fix.title).collect();
        // The two-edit fix clashes with the first one on 5..6; the insert at 5 sits inside it.
        assert_eq!(titles, ["Delete", "Delete"]);
    }

    #[test]
    fn the_choice_is_that_of_comparing_every_pair() {
        // The plain rule: a fix is taken when none of its edits conflicts with an edit taken
        // before. Random small edits, many of them empty or sharing a start.
        let text = "x".repeat(64);
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below) as usize
        };
        for _ in 0..2000 {
            let findings: Vec<Finding> = (0..next(12))
                .map(|_| {
                    let edits: Vec<Edit> = (0..1 + next(2))
                        .map(|_| {
                            let start = next(60);
                            Edit::delete(TextRange::new(start, start + next(4)))
                        })
                        .collect();
                    finding(vec![Fix::with_edits("Edit", Safety::Safe, edits)])
                })
                .collect();
            let mut taken: Vec<TextRange> = Vec::new();
            let mut expected: Vec<&Fix> = Vec::new();
            for finding in &findings {
                let fix = &finding.fixes[0];
                let ranges: Vec<TextRange> = fix.edits.iter().map(|edit| edit.range).collect();
                let pairs_clash = ranges.iter().enumerate().any(|(i, a)| {
                    ranges[i + 1..].iter().any(|b| edits_conflict(*a, *b))
                        || taken.iter().any(|b| edits_conflict(*a, *b))
                });
                if !pairs_clash {
                    taken.extend(&ranges);
                    expected.push(fix);
                }
            }
            let chosen = choose_fixes(&text, &findings, Applicability::Safe);
            assert!(
                chosen
                    .iter()
                    .map(|fix| *fix as *const Fix)
                    .eq(expected.iter().map(|fix| *fix as *const Fix)),
                "{findings:?}"
            );
        }
    }

    #[test]
    fn choosing_among_a_million_fixes_takes_no_time_to_speak_of() {
        // Comparing each fix with every fix taken before it (the first version) takes about
        // 5 * 10^11 steps here: hours. One look-up per edit is well under a second.
        let findings: Vec<Finding> = (0..1_000_000)
            .map(|index| finding(vec![delete(index * 2, index * 2 + 1, Safety::Safe)]))
            .collect();
        let text = "x".repeat(2_000_000);
        let (done, result) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let chosen = choose_fixes(&text, &findings, Applicability::Safe).len();
            let _ = done.send(chosen);
        });
        let chosen = result
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("a million fixes chosen within a minute");
        assert_eq!(chosen, 1_000_000);
    }

    #[test]
    fn malformed_edits_are_left_alone() {
        let findings = [
            finding(vec![delete(1, 2, Safety::Safe)]),
            finding(vec![delete(3, 40, Safety::Safe)]),
        ];
        // Byte 1 is inside "é".
        assert!(choose_fixes("é and more", &findings, Applicability::Safe).is_empty());
    }

    /// A toy linter: every "very " is a finding whose safe fix deletes it.
    fn toy_lint(text: &str) -> Vec<Finding> {
        text.match_indices("very ")
            .map(|(start, word)| finding(vec![delete(start, start + word.len(), Safety::Safe)]))
            .collect()
    }

    #[test]
    fn fixes_repeat_until_nothing_applies() {
        let text = "a very very slight delay";
        let fixed = fix_until_stable(
            text,
            toy_lint(text),
            |findings| findings,
            toy_lint,
            Applicability::Safe,
        );
        assert_eq!(fixed.text, "a slight delay");
        assert_eq!(fixed.applied, 2);
        assert!(fixed.report.is_empty());
    }

    #[test]
    fn fixing_stops_after_the_last_pass() {
        // Every pass "fixes" by adding what the next pass fixes again.
        let grow = |text: &str| {
            vec![finding(vec![Fix::new(
                "Grow",
                Safety::Safe,
                Edit::insert(text.len(), "!"),
            )])]
        };
        let fixed = fix_until_stable(
            "x",
            grow("x"),
            |findings| findings,
            grow,
            Applicability::Safe,
        );
        assert_eq!(fixed.applied, MAX_PASSES);
        assert_eq!(fixed.text.len(), 1 + MAX_PASSES);
    }

    #[test]
    fn fixing_stops_when_asked_before_a_pass() {
        // Every pass adds what the next pass fixes again: only `stop` ends it early.
        let grow = |text: &str| {
            vec![finding(vec![Fix::new(
                "Grow",
                Safety::Safe,
                Edit::insert(text.len(), "!"),
            )])]
        };
        let passes = std::cell::Cell::new(0);
        let stopped = fix_until_stable_unless(
            "x",
            grow("x"),
            |findings| findings,
            |text| {
                passes.set(passes.get() + 1);
                grow(text)
            },
            Applicability::Safe,
            || passes.get() == 2,
        );
        assert!(stopped.is_none());
        assert_eq!(passes.get(), 2);
    }

    #[test]
    fn a_fix_that_changes_nothing_ends_the_loop() {
        let same = |_: &str| {
            vec![finding(vec![Fix::new(
                "Same",
                Safety::Safe,
                Edit::replace(TextRange::new(0, 1), "x"),
            )])]
        };
        let fixed = fix_until_stable(
            "x",
            same("x"),
            |findings| findings,
            same,
            Applicability::Safe,
        );
        assert_eq!(fixed.applied, 0);
        assert_eq!(fixed.text, "x");
    }
}
