//! `amends explain <id>`: a rule's documentation, from the same doc comment that feeds the
//! editor's hover and `docs/rules/`. On a terminal its paragraphs are wrapped to the terminal's
//! width (at most the doc's own 100 columns): the doc is hard-wrapped for its source file, and a
//! narrower terminal would break each of those lines again, mid-word. Into a pipe or a file it
//! goes as written, Markdown for other tools.

use std::io::{self, Write};

use anstream::{AutoStream, ColorChoice};
use anstyle::Style;

use crate::cli::args::ExplainArgs;
use crate::cli::{Status, color_for, error_line};
use crate::lint::config;
use crate::reflow::wrap_paragraphs;
use crate::rules::{self, FixAvailability, RuleMeta};

/// The width the rule docs are wrapped at in their source files; wider lines read worse.
const DOC_WIDTH: usize = 100;

pub fn run(args: &ExplainArgs, color: ColorChoice) -> Status {
    let meta = match config::known_rule_id(args.rule.trim()) {
        Ok(id) => rules::meta_of(id).expect("known ids have metadata"),
        Err(unknown) => {
            error_line(color, unknown);
            return Status::Error;
        }
    };
    let stdout = io::stdout();
    let choice = color_for(color, &stdout);
    let width = terminal_size::terminal_size_of(&stdout)
        .map(|(terminal_size::Width(columns), _)| usize::from(columns).min(DOC_WIDTH))
        .filter(|&columns| columns > 0);
    let mut out = AutoStream::new(stdout.lock(), choice);
    // A closed pipe (`amends explain x | head -3`) is not worth an error.
    let _ = out.write_all(explanation(meta, width).as_bytes());
    Status::Clean
}

/// The heading, a line of facts (severity, default, fix), then the doc: as written, or with its
/// paragraphs wrapped at `width` columns.
pub fn explanation(meta: &RuleMeta, width: Option<usize>) -> String {
    let bold = Style::new().bold();
    let fix = match meta.fix {
        FixAvailability::None => "no fix".to_owned(),
        other => format!("fix: {}", other.as_str()),
    };
    let default = if meta.enabled_by_default {
        "on by default"
    } else {
        "off by default (turn it on in [rules] or with --select)"
    };
    let doc = match width {
        Some(width) => wrap_paragraphs(&meta.doc(), width),
        None => meta.doc(),
    };
    format!(
        "{bold}# {}{bold:#}\n\n{}, {default}, {fix}.\n\n{doc}",
        meta.id,
        meta.default_severity.as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines outside code fences.
    fn prose_lines(text: &str) -> Vec<&str> {
        let mut in_code = false;
        text.lines()
            .filter(|line| {
                if line.starts_with("```") {
                    in_code = !in_code;
                    return false;
                }
                !in_code
            })
            .collect()
    }

    #[test]
    fn on_a_narrow_terminal_every_doc_wraps_at_its_width_and_keeps_its_words_and_examples() {
        for rule in rules::registry() {
            let meta = rule.meta();
            let as_written = explanation(meta, None);
            let wrapped = explanation(meta, Some(60));
            assert!(as_written.contains(&meta.doc()), "{}", meta.id);
            // After the heading and the line of facts, the doc.
            let wrapped_doc = wrapped.splitn(3, "\n\n").nth(2).unwrap_or_default();
            for line in prose_lines(wrapped_doc) {
                assert!(
                    line.chars().count() <= 60 || !line.trim().contains(' '),
                    "{}: {line:?}",
                    meta.id
                );
            }
            let words = |text: &str| -> Vec<String> {
                text.split_whitespace().map(str::to_owned).collect()
            };
            assert_eq!(words(&wrapped), words(&as_written), "{}", meta.id);
            for heading in ["Example", "Use instead"] {
                for example in meta.doc_examples(heading) {
                    assert!(
                        wrapped.contains(&format!("```text\n{example}```")),
                        "{}",
                        meta.id
                    );
                }
            }
        }
    }

    #[test]
    fn wrapped_paragraph_lines_are_filled_up_to_the_width() {
        // A line of a paragraph ends only where the next word would not fit: the breaks of the
        // source (wrapped at 100 with "//! " in front) are gone.
        for width in [60, DOC_WIDTH] {
            for rule in rules::registry() {
                let wrapped = explanation(rule.meta(), Some(width));
                let mut in_code = false;
                let mut previous: Option<&str> = None;
                for line in wrapped.lines() {
                    if line.starts_with("```") {
                        in_code = !in_code;
                        previous = None;
                        continue;
                    }
                    let in_paragraph =
                        !in_code && !line.trim().is_empty() && !line.starts_with('#');
                    if let (Some(before), true) = (previous, in_paragraph) {
                        let next_word = line.split_whitespace().next().unwrap_or_default();
                        assert!(
                            before.chars().count() + 1 + next_word.chars().count() > width,
                            "{} at {width}: {next_word:?} fits after {before:?}",
                            rule.meta().id
                        );
                    }
                    previous = in_paragraph.then_some(line);
                }
            }
        }
    }
}
