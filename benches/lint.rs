//! Criterion benchmark of the pure rule module on 2 KB, 100 KB and 1 MB drafts.
//!
//! The drafts mix strong and weak apology sentences, a quoted customer mail, a fenced code
//! block, emoji and CJK, so every layer (markup, tokens, phrase automaton, rules) does real work.
//! The drafts are generated (`support/drafts.rs`, shared with the `lsp_latency` bench); to
//! benchmark drafts of your own instead, point `AMENDS_BENCH_DOCS` at a folder that holds them as
//! `apology-{2k,100k,1m}.{md,txt}`.
//!
//! The `runs` group lints (and fixes) long runs of one construction at two sizes, a quarter and a
//! whole megabyte: time per byte the same at both is what linear means. Those runs once took
//! quadratic time (`apology-but` on "We're sorry, but …", the fix loop on a fix per sentence).
//!
//! Run: `cargo bench --bench lint` (one group: `cargo bench --bench lint -- runs`).

use std::hint::black_box;
use std::path::Path;

use amends::lint::fix::{Applicability, fix_until_stable};
use amends::lint::{DocumentKind, Options, lint};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod support {
    pub mod drafts;
}
use support::drafts::draft;

fn drafts() -> Vec<(String, String, DocumentKind)> {
    if let Some(folder) = std::env::var_os("AMENDS_BENCH_DOCS") {
        let folder = Path::new(&folder);
        return ["2k", "100k", "1m"]
            .iter()
            .flat_map(|size| ["md", "txt"].map(|ext| format!("apology-{size}.{ext}")))
            .filter_map(|name| {
                let text = std::fs::read_to_string(folder.join(&name)).ok()?;
                let kind = DocumentKind::from_path(&name)?;
                Some((name, text, kind))
            })
            .collect();
    }
    [
        ("2KB", 2 * 1024),
        ("100KB", 100 * 1024),
        ("1MB", 1024 * 1024),
    ]
    .into_iter()
    .map(|(name, size)| (name.to_owned(), draft(size), DocumentKind::Markdown))
    .collect()
}

fn bench_lint(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("lint");
    for (name, text, kind) in drafts() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| lint(black_box(text), kind, &options));
        });
    }
    group.finish();
}

/// Lint and fix, as `amends check --fix --unsafe-fixes` does.
fn lint_and_fix(text: &str, options: &Options) -> String {
    let kind = DocumentKind::PlainText;
    let report = lint(text, kind, options);
    fix_until_stable(
        text,
        report,
        |report| &report.findings,
        |text| lint(text, kind, options),
        Applicability::SafeAndUnsafe,
    )
    .text
}

fn bench_runs(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("runs");
    group.sample_size(10);
    for (name, opening, unit) in [
        ("sorry-but", "", "We're sorry, but "),
        ("although", "Although ", "we are sorry "),
        (
            "fix-per-sentence",
            "",
            "We are sorry for the slight delay. ",
        ),
    ] {
        for (size_name, size) in [("256KB", 256 * 1024), ("1MB", 1024 * 1024)] {
            let text = opening.to_owned() + &unit.repeat(size / unit.len());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size_name), &text, |b, text| {
                b.iter(|| lint_and_fix(black_box(text), &options))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_lint, bench_runs);
criterion_main!(benches);
