//! Any input, of any kind, with the gate forced open: `lint` must not panic, and every finding
//! and fix edit must lie on char boundaries inside the text.
//!
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run lint` from the repository root (needs cargo-fuzz; a
//! stable toolchain works with `RUSTC_BOOTSTRAP=1`, nightly without it).
#![no_main]

use amends::lint::{ApologySetting, DocumentKind, Options, lint};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = Options {
        apology: ApologySetting::Always,
        ..Options::default()
    };
    for kind in [
        DocumentKind::Markdown,
        DocumentKind::PlainText,
        DocumentKind::Email,
    ] {
        let report = lint(text, kind, &options);
        for finding in &report.findings {
            assert!(
                text.is_char_boundary(finding.range.start)
                    && text.is_char_boundary(finding.range.end)
            );
            for fix in &finding.fixes {
                for edit in &fix.edits {
                    assert!(
                        text.is_char_boundary(edit.range.start)
                            && text.is_char_boundary(edit.range.end)
                    );
                }
            }
        }
    }
});
