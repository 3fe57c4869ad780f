//! The human format: each finding as rustc and ruff show a diagnostic (annotate-snippets), the
//! draft's strength summary after each apology, and a closing count.
//!
//! ```text
//! warning[passive-evasion]: "Mistakes were made" hides who made them
//!  --> reply.md:3:1
//!   |
//! 3 | Mistakes were made.
//!   | ^^^^^^^^^^^^^^^^^^
//!   |
//!   = fix (unsafe): Replace with 'we made mistakes'
//! ```
//!
//! Output is always styled; the [`anstream::AutoStream`] it is written to strips the styles when
//! colors are off (`--color never`, `NO_COLOR`, not a terminal).

use std::io::{self, Write};

use annotate_snippets::renderer::DEFAULT_LINE_NUM_STYLE;
use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use crate::cli::output::{CheckedFile, Reporter, Totals, severity_index};
use crate::cli::plural;
use crate::lint::fix::Applicability;
use crate::lint::{Component, Finding, Language, Severity, Summary, TextRange};
use crate::position::LineIndex;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const PRESENT: Style = AnsiColor::Green.on_default();
const MISSING: Style = AnsiColor::Red.on_default();
const STRONG: Style = AnsiColor::Green.on_default().bold();
const MIDDLING: Style = AnsiColor::Yellow.on_default().bold();
const WEAK: Style = AnsiColor::Red.on_default().bold();

pub struct Human<W: Write> {
    out: W,
    show_summary: bool,
    renderer: Renderer,
}

impl<W: Write> Human<W> {
    pub fn new(out: W, show_summary: bool) -> Self {
        Human {
            out,
            show_summary,
            renderer: Renderer::styled(),
        }
    }
}

impl<W: Write> Reporter for Human<W> {
    fn file(&mut self, file: &CheckedFile<'_>) -> io::Result<()> {
        for finding in &file.report.findings {
            let rendered =
                render_finding(&self.renderer, file.path, file.text, file.lines, finding);
            writeln!(self.out, "{rendered}\n")?;
        }
        match &file.report.summary {
            Some(summary) if self.show_summary => {
                writeln!(
                    self.out,
                    "{}\n",
                    render_summary(file.path, summary, file.report.language)
                )?;
            }
            // A named file that is not an apology gets one quiet line, so `amends check notes.md`
            // does not look like it did nothing; drafts found in a directory are only counted.
            None if file.named && file.report.findings.is_empty() => {
                writeln!(
                    self.out,
                    "{DIM}{}: not an apology — nothing to check{DIM:#}",
                    file.path
                )?;
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        for line in closing_lines(totals) {
            writeln!(self.out, "{line}")?;
        }
        self.out.flush()
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::NOTE.with_name("hint"),
    }
}

/// One finding as a rustc-style diagnostic. The snippet is only the lines the finding covers, so
/// rendering costs the same in a ten-line draft and a ten-thousand-line one.
pub fn render_finding(
    renderer: &Renderer,
    path: &str,
    text: &str,
    lines: &LineIndex,
    finding: &Finding,
) -> String {
    let mut start = lines.floor_char_boundary(finding.range.start);
    let mut end = lines.floor_char_boundary(finding.range.end).max(start);
    let first_line = lines.line_of(start);
    let mut last_line = lines.line_of(end);
    let line_range = |line| lines.line_range(line).expect("line_of gives a real line");
    // A range that ends just after a line break would underline nothing on the next line.
    if last_line > first_line && end == line_range(last_line).start {
        last_line -= 1;
    }
    // Nor can a caret sit inside a line break.
    start = start.min(line_range(first_line).end);
    end = end.min(line_range(last_line).end).max(start);
    let shown = line_range(first_line).cover(line_range(last_line));
    if shown.len() > LONG_LINES {
        return render_in_long_lines(renderer, path, text, lines, finding, start, end, shown);
    }

    let snippet = Snippet::source(shown.slice(text))
        .line_start(first_line + 1)
        .path(path)
        .annotation(AnnotationKind::Primary.span(start - shown.start..end - shown.start));
    renderer.render(&[group_of(finding, snippet)])
}

/// Lines longer than this together are shown as the stretch around the finding: showing a whole
/// line per finding made a draft written as one long line take the square of its length.
const LONG_LINES: usize = 400;

/// Bytes shown of a long line before and after its finding.
const CONTEXT: usize = 60;

/// [`render_finding`] for a finding on lines longer than [`LONG_LINES`]: the stretch from
/// [`CONTEXT`] before it to [`CONTEXT`] after it (a long finding cut at [`LONG_LINES`]), marked
/// `…` where the line goes on.
#[allow(clippy::too_many_arguments)]
fn render_in_long_lines(
    renderer: &Renderer,
    path: &str,
    text: &str,
    lines: &LineIndex,
    finding: &Finding,
    start: usize,
    end: usize,
    shown: TextRange,
) -> String {
    let ceil = |mut offset: usize| {
        while !text.is_char_boundary(offset) {
            offset += 1;
        }
        offset
    };
    let from = lines.floor_char_boundary(start.saturating_sub(CONTEXT).max(shown.start));
    let to = ceil((end + CONTEXT).min(start + LONG_LINES).min(shown.end));
    let marked_end = end.min(to);
    let before = if from > shown.start { "…" } else { "" };
    let after = if to < shown.end { "…" } else { "" };
    let source = format!("{before}{}{after}", &text[from..to]);
    let offset = before.len();
    let first_line = lines.line_of(start);
    let snippet = Snippet::source(source)
        .line_start(first_line + 1)
        .annotation(
            AnnotationKind::Primary.span(start - from + offset..marked_end - from + offset),
        );
    // Without a path the snippet has no `-->` line (its column would count from the cut); it
    // goes in where annotate-snippets puts it, with the column in the whole line.
    let rendered = renderer.render(&[group_of(finding, snippet)]);
    let position = lines.line_column(start);
    let last_shown = lines.line_of(marked_end) + 1;
    let gutter = " ".repeat(last_shown.to_string().len());
    let arrow = DEFAULT_LINE_NUM_STYLE;
    let origin = format!(
        "{gutter}{arrow}-->{arrow:#} {path}:{}:{}",
        position.line, position.column
    );
    match rendered.split_once('\n') {
        Some((title, rest)) => format!("{title}\n{origin}\n{rest}"),
        None => format!("{rendered}\n{origin}"),
    }
}

/// A finding's title, source snippet and fixes.
fn group_of<'a>(finding: &'a Finding, snippet: Snippet<'a, Annotation<'a>>) -> Group<'a> {
    let mut group: Group<'_> = level(finding.severity)
        .primary_title(&*finding.message)
        .id(finding.rule)
        .element(snippet);
    for fix in &finding.fixes {
        group = group.element(
            Level::HELP
                .with_name(format!("fix ({})", fix.kind))
                .message(&*fix.title),
        );
    }
    group
}

/// `reply.md: apology strength 62/100 (en)`, the draft's language, and the components that
/// count, present or missing.
pub fn render_summary(path: &str, summary: &Summary, language: Language) -> String {
    let score_style = match summary.score {
        70.. => STRONG,
        40..70 => MIDDLING,
        _ => WEAK,
    };
    let mut text = format!(
        "{BOLD}{path}{BOLD:#}: apology strength {score_style}{}/100{score_style:#} ({language})\n ",
        summary.score
    );
    for component in Component::ALL {
        if !summary.scored.contains(component) {
            // Its rule is off: it neither counts nor shows.
            continue;
        }
        if summary.present.contains(component) {
            text.push_str(&format!(" {PRESENT}✓ {component}{PRESENT:#} "));
        } else {
            text.push_str(&format!(" {MISSING}✗ {component}{MISSING:#} "));
        }
    }
    text.trim_end().to_owned()
}

/// The closing count: what was checked, found and fixed, and what `--fix` could still do.
pub fn closing_lines(totals: &Totals) -> Vec<String> {
    let mut lines = Vec::new();
    if totals.files > 0 {
        let mut line = format!("Checked {}: ", plural(totals.files, "file", "files"));
        if totals.apologies == 0 {
            line.push_str("no apologies");
        } else {
            line.push_str(&plural(totals.apologies, "apology", "apologies"));
        }
        if totals.fixed > 0 {
            line.push_str(&format!(
                ", fixed {}",
                plural(totals.fixed, "finding", "findings")
            ));
        }
        let remaining = totals.finding_count();
        let breakdown = breakdown(totals);
        match (remaining, totals.fixed > 0) {
            (0, _) if totals.apologies == 0 => line.push_str(", nothing to check."),
            (0, _) => line.push_str(", no findings."),
            (_, true) => line.push_str(&format!(", {remaining} remaining ({breakdown}).")),
            (_, false) => line.push_str(&format!(
                ", {} ({breakdown}).",
                plural(remaining, "finding", "findings")
            )),
        }
        lines.push(format!("{BOLD}{line}{BOLD:#}"));
    }
    match totals.fix_mode {
        None if totals.fixable_safe > 0 && totals.fixable_unsafe > 0 => lines.push(format!(
            "{} fixable with `--fix` ({} more with `--fix --unsafe-fixes`).",
            totals.fixable_safe, totals.fixable_unsafe
        )),
        None if totals.fixable_safe > 0 => {
            lines.push(format!("{} fixable with `--fix`.", totals.fixable_safe));
        }
        None | Some(Applicability::Safe) if totals.fixable_unsafe > 0 => lines.push(format!(
            "{} fixable with `--fix --unsafe-fixes` (review them: they change what the draft \
             says).",
            totals.fixable_unsafe
        )),
        _ => {}
    }
    if totals.skipped > 0 {
        lines.push(format!(
            "{} could not be checked (see the errors above).",
            plural(totals.skipped, "file", "files")
        ));
    }
    lines
}

/// "3 warnings, 1 hint", most severe first.
fn breakdown(totals: &Totals) -> String {
    let mut parts = Vec::new();
    for severity in Severity::ALL.into_iter().rev() {
        let count = totals.findings[severity_index(severity)];
        if count == 0 {
            continue;
        }
        parts.push(match severity {
            Severity::Error => plural(count, "error", "errors"),
            Severity::Warning => plural(count, "warning", "warnings"),
            // "info" reads as a mass noun: "2 info", like "2 hint" would not.
            Severity::Info => format!("{count} info"),
            Severity::Hint => plural(count, "hint", "hints"),
        });
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Components, Fix, Safety, TextRange};

    fn strip(styled: &str) -> String {
        let mut plain = Vec::new();
        let mut stream = anstream::StripStream::new(&mut plain);
        stream.write_all(styled.as_bytes()).unwrap();
        String::from_utf8(plain).unwrap()
    }

    fn finding(text: &str, needle: &str, severity: Severity) -> Finding {
        let start = text.find(needle).expect("needle");
        Finding {
            rule: "passive-evasion",
            severity,
            message: "A failure nobody owns".into(),
            range: TextRange::new(start, start + needle.len()),
            fixes: vec![Fix::with_edits(
                "Replace with 'we made mistakes'",
                Safety::Unsafe,
                [],
            )],
        }
    }

    fn render(text: &str, finding: &Finding) -> String {
        let lines = LineIndex::new(text);
        strip(&render_finding(
            &Renderer::plain(),
            "reply.md",
            text,
            &lines,
            finding,
        ))
    }

    #[test]
    fn a_finding_shows_its_line_with_carets_and_fixes() {
        let text = "Dear Sam,\n\nMistakes were made. We are on it.\n";
        let shown = render(
            text,
            &finding(text, "Mistakes were made", Severity::Warning),
        );
        assert_eq!(
            shown,
            "warning[passive-evasion]: A failure nobody owns\n \
             --> reply.md:3:1\n  \
             |\n\
             3 | Mistakes were made. We are on it.\n  \
             | ^^^^^^^^^^^^^^^^^^\n  \
             |\n  \
             = fix (unsafe): Replace with 'we made mistakes'"
        );
        let hint = render(text, &finding(text, "We are", Severity::Hint));
        assert!(hint.starts_with("hint[passive-evasion]: "), "{hint}");
    }

    /// annotate-snippets computes the column of ` --> path:line:column` itself; it must agree with
    /// the one position module, which the JSON output uses.
    #[test]
    fn the_shown_column_agrees_with_the_line_index() {
        for text in [
            "\u{feff}Mistakes were made.",
            "Hi 🙏🏽 抱歉,\r\nthe 😀 cafe\u{301}\tMistakes were made.\r\n",
            "one\rtwo Mistakes were made.",
        ] {
            let start = text.find("Mistakes").unwrap();
            let position = LineIndex::new(text).line_column(start);
            let shown = render(
                text,
                &finding(text, "Mistakes were made.", Severity::Warning),
            );
            let expected = format!("--> reply.md:{}:{}\n", position.line, position.column);
            assert!(shown.contains(&expected), "{expected}\n{shown}");
        }
    }

    #[test]
    fn a_range_ending_after_a_line_break_stays_on_its_line() {
        let text = "Mistakes were made.\nNext line.";
        let mut finding = finding(text, "Mistakes were made.\n", Severity::Warning);
        finding.fixes.clear();
        let shown = render(text, &finding);
        assert!(!shown.contains("Next line"), "{shown}");
    }

    #[test]
    fn empty_ranges_and_empty_lines_render_without_panicking() {
        for (text, start, end) in [
            ("", 0, 0),
            ("abc\n", 4, 4),
            ("abc\r\n", 4, 5),
            ("a\n\nb", 2, 2),
        ] {
            let finding = Finding {
                range: TextRange::new(start, end),
                ..finding("x", "x", Severity::Info)
            };
            let shown = render(text, &finding);
            let position = LineIndex::new(text).line_column(start);
            assert!(
                shown.contains(&format!("reply.md:{}:{}", position.line, position.column)),
                "{shown}"
            );
        }
    }

    #[test]
    fn the_summary_lists_the_components_that_count() {
        let present: Components = [Component::Responsibility, Component::Empathy]
            .into_iter()
            .collect();
        let mut scored = Components::all();
        scored.remove(Component::Forgiveness);
        let summary = Summary::score(present, scored, []);
        assert_eq!(
            strip(&render_summary("reply.md", &summary, Language::Dutch)),
            format!(
                "reply.md: apology strength {}/100 (nl)\n  ✓ responsibility  ✗ remedy  ✓ empathy  \
                 ✗ explanation  ✗ prevention",
                summary.score
            )
        );
    }

    #[test]
    fn the_closing_lines_count_and_point_at_fixes() {
        let totals = Totals {
            files: 3,
            apologies: 2,
            findings: [1, 2, 3, 0],
            fixable_safe: 1,
            fixable_unsafe: 2,
            ..Totals::default()
        };
        let lines: Vec<String> = closing_lines(&totals).iter().map(|l| strip(l)).collect();
        assert_eq!(
            lines,
            [
                "Checked 3 files: 2 apologies, 6 findings (3 warnings, 2 info, 1 hint).",
                "1 fixable with `--fix` (2 more with `--fix --unsafe-fixes`).",
            ]
        );
        let fixed = Totals {
            files: 1,
            apologies: 1,
            fixed: 2,
            files_fixed: 1,
            findings: [0, 0, 1, 0],
            fix_mode: Some(Applicability::SafeAndUnsafe),
            skipped: 1,
            ..Totals::default()
        };
        let lines: Vec<String> = closing_lines(&fixed).iter().map(|l| strip(l)).collect();
        assert_eq!(
            lines,
            [
                "Checked 1 file: 1 apology, fixed 2 findings, 1 remaining (1 warning).",
                "1 file could not be checked (see the errors above).",
            ]
        );
        let quiet = Totals {
            files: 2,
            ..Totals::default()
        };
        assert_eq!(
            strip(&closing_lines(&quiet)[0]),
            "Checked 2 files: no apologies, nothing to check."
        );
    }
}
