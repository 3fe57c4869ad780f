//! Fix application, two ways.
//!
//! Made-up fixes (any ranges over a short text, overlapping, empty, out of bounds, inside a
//! character): choosing them must agree with the plain rule — a fix is taken when none of its
//! edits conflicts with an edit taken before it — and applying them must never panic.
//!
//! Real fixes: any UTF-8 text linted with the gate open, fixed as `--fix --unsafe-fixes` does;
//! the result is one edit away from the text (`changed_stretch`, the editor's fix-all), and
//! every single fix applies on its own.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run fixes` from the repository root (needs cargo-fuzz).
#![no_main]

use amends::lint::fix::{Applicability, changed_stretch, choose_fixes, fix_until_stable};
use amends::lint::{
    ApologySetting, DocumentKind, Edit, Finding, Fix, FixKind, Options, Safety, Severity, TextRange,
    apply_edits, lint,
};
use libfuzzer_sys::fuzz_target;

fn conflict(a: TextRange, b: TextRange) -> bool {
    a.intersects(b) || a.start == b.start
}

fn made_up_fixes(data: &[u8]) {
    let text = "ab\u{e9}cd\u{1f64f}ef gh ij";
    let mut findings = Vec::new();
    for chunk in data.chunks(5) {
        let [count, a, b, c, d] = *chunk else { break };
        let range = |start: u8, length: u8| {
            let start = usize::from(start % 24);
            TextRange::new(start, start + usize::from(length % 5))
        };
        let mut edits = vec![Edit::replace(range(a, b), "x")];
        if count % 3 == 0 {
            edits.push(Edit::delete(range(c, d)));
        }
        let safety = if count % 7 == 0 {
            Safety::Unsafe
        } else {
            Safety::Safe
        };
        findings.push(Finding {
            rule: "minimizing",
            severity: Severity::Warning,
            message: "".into(),
            range: TextRange::default(),
            fixes: vec![Fix::with_edits("Fix", safety, edits)],
        });
    }
    let chosen = choose_fixes(text, &findings, Applicability::Safe);
    let mut taken: Vec<TextRange> = Vec::new();
    let mut expected: Vec<*const Fix> = Vec::new();
    for finding in &findings {
        let fix = &finding.fixes[0];
        let ranges: Vec<TextRange> = fix.edits.iter().map(|edit| edit.range).collect();
        let well_formed = ranges.iter().all(|range| {
            range.start <= range.end
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end)
        });
        let clashes = ranges.iter().enumerate().any(|(i, a)| {
            ranges[i + 1..].iter().any(|b| conflict(*a, *b))
                || taken.iter().any(|b| conflict(*a, *b))
        });
        if fix.kind == FixKind::Edit(Safety::Safe) && well_formed && !clashes {
            taken.extend(&ranges);
            expected.push(fix);
        }
    }
    let chosen_pointers: Vec<*const Fix> = chosen.iter().map(|fix| *fix as *const Fix).collect();
    assert_eq!(chosen_pointers, expected);
    let (fixed, applied) = apply_edits(text, chosen.iter().flat_map(|fix| &fix.edits));
    assert_eq!(applied, taken.len());
    assert!(fixed.len() <= text.len() + applied);
}

fn real_fixes(text: &str) {
    let options = Options {
        apology: ApologySetting::Always,
        ..Options::default()
    };
    for kind in [DocumentKind::PlainText, DocumentKind::Markdown] {
        let report = lint(text, kind, &options);
        for finding in &report.findings {
            for fix in &finding.fixes {
                let (_, applied) = apply_edits(text, &fix.edits);
                assert_eq!(applied, fix.edits.len(), "{fix:?}");
            }
        }
        let fixed = fix_until_stable(
            text,
            report,
            |report| &report.findings,
            |text| lint(text, kind, &options),
            Applicability::SafeAndUnsafe,
        );
        match changed_stretch(text, &fixed.text) {
            None => assert_eq!(text, fixed.text),
            Some(edit) => {
                let (one_edit, _) = apply_edits(text, [&edit]);
                assert_eq!(one_edit, fixed.text);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    made_up_fixes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        real_fixes(text);
    }
});
