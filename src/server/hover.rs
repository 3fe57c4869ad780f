//! Hover: why a finding weakens the apology, and the draft's summary on its first apology
//! sentence, in the language of amends' messages (the draft's, unless `messages = "en"`).
//! Everything shown comes from the rule's own documentation (its `//!` comment, with its Dutch
//! section), so the hover, `amends explain` and `docs/rules.md` say the same thing. The doc is
//! hard-wrapped; its paragraphs are joined onto one line each ([`crate::reflow`]) because some
//! editors (Helix) show every line break of a hover, and the popup would break mid-sentence.

use std::fmt::Write;

use crate::lint::{Component, Finding, Language, Report, Summary, TextRange};
use crate::reflow::join_paragraph_lines;
use crate::rules::{self, RuleKind};

/// The hover text at byte `offset`, or `None` when there is nothing to say there.
pub fn hover_at(report: &Report, offset: usize, language: Language) -> Option<(String, TextRange)> {
    let at_anchor = report
        .anchor
        .filter(|anchor| anchor.start <= offset && offset <= anchor.end);
    let phrase_findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|finding| finding.range.start <= offset && offset <= finding.range.end)
        .filter(|finding| {
            rules::meta_of(finding.rule).is_some_and(|meta| meta.kind != RuleKind::Structure)
        })
        .collect();

    let mut sections = Vec::new();
    let mut range: Option<TextRange> = None;
    if let (Some(anchor), Some(summary)) = (at_anchor, &report.summary) {
        sections.push(summary_markdown(report, summary, language));
        range = Some(anchor);
    }
    for finding in &phrase_findings {
        sections.push(finding_markdown(finding, language));
        range = Some(range.map_or(finding.range, |range| range.cover(finding.range)));
    }
    Some((sections.join("\n\n---\n\n"), range?))
}

/// A finding: the rule's title, the message, why it matters, and what to write instead, each
/// paragraph on one line.
pub fn finding_markdown(finding: &Finding, language: Language) -> String {
    join_paragraph_lines(&finding_markdown_as_wrapped(finding, language))
}

/// [`finding_markdown`] with the paragraphs wrapped as the rule's doc comment wraps them.
fn finding_markdown_as_wrapped(finding: &Finding, language: Language) -> String {
    let mut text = String::new();
    let Some(meta) = rules::meta_of(finding.rule) else {
        return format!("**amends** `{}`: {}", finding.rule, finding.message);
    };
    let _ = writeln!(text, "**{}** · amends\n", meta.id);
    let _ = writeln!(text, "{}\n", capitalized(&finding.message));
    let (why, why_label, example_label, instead_label) = match language {
        Language::English => (
            meta.doc_section("Why is this bad?"),
            "Why this weakens the apology",
            "Example",
            "Instead",
        ),
        // The Dutch section opens with what the rule does and why, before its examples.
        Language::Dutch => (
            meta.doc_section(rules::DUTCH_SECTION).map(|section| {
                section
                    .split("\n### ")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            }),
            "Waarom dit de excuses verzwakt",
            "Voorbeeld",
            "Liever",
        ),
    };
    if let Some(why) = why.filter(|why| !why.is_empty()) {
        let _ = writeln!(text, "**{why_label}:** {why}\n");
    }
    let examples = meta.doc_examples_in(language, "Example");
    let instead = meta.doc_examples_in(language, "Use instead");
    if let (Some(example), Some(instead)) = (examples.first(), instead.first()) {
        let _ = writeln!(
            text,
            "**{example_label}**\n```text\n{example}```\n**{instead_label}**\n```text\n{instead}```"
        );
    }
    text.trim_end().to_owned()
}

/// The summary: score, and each component that counts, present or missing.
pub fn summary_markdown(report: &Report, summary: &Summary, language: Language) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "**{} {}/100** · amends · {}\n",
        strength_label(language),
        summary.score,
        language_name(report.language, language)
    );
    for component in Component::ALL {
        if !summary.scored.contains(component) {
            continue;
        }
        let name = component.name_in(language);
        if summary.present.contains(component) {
            let _ = writeln!(text, "- ✓ {name}");
        } else {
            let advice = report
                .findings
                .iter()
                .find(|finding| {
                    rules::meta_of(finding.rule).and_then(|meta| meta.component) == Some(component)
                })
                .map(|finding| format!(": {}", finding.message))
                .unwrap_or_default();
            let _ = writeln!(text, "- ✗ {name}{advice}");
        }
    }
    let phrases = report
        .findings
        .iter()
        .filter(|finding| rules::is_phrase_rule(finding.rule))
        .count();
    if phrases > 0 {
        let line = match (language, phrases) {
            (Language::English, 1) => "1 phrase weakens it.".to_owned(),
            (Language::English, n) => format!("{n} phrases weaken it."),
            (Language::Dutch, 1) => "1 zinsdeel verzwakt ze.".to_owned(),
            (Language::Dutch, n) => format!("{n} zinsdelen verzwakken ze."),
        };
        let _ = writeln!(text, "\n{line}");
    }
    text.trim_end().to_owned()
}

/// One line for a code lens: "Apology strength 62/100 · missing: remedy, prevention".
pub fn lens_title(summary: &Summary, language: Language) -> String {
    let missing: Vec<&str> = summary
        .missing()
        .map(|component| component.name_in(language))
        .collect();
    let strength = strength_label(language);
    match (missing.is_empty(), language) {
        (true, Language::English) => format!("{strength} {}/100 · nothing missing", summary.score),
        (true, Language::Dutch) => format!("{strength} {}/100 · niets ontbreekt", summary.score),
        (false, Language::English) => {
            format!(
                "{strength} {}/100 · missing: {}",
                summary.score,
                missing.join(", ")
            )
        }
        (false, Language::Dutch) => {
            format!(
                "{strength} {}/100 · ontbreekt: {}",
                summary.score,
                missing.join(", ")
            )
        }
    }
}

fn strength_label(language: Language) -> &'static str {
    match language {
        Language::English => "Apology strength",
        Language::Dutch => "Sterkte van de excuses",
    }
}

/// The draft's language, named in the language of the messages.
fn language_name(draft: Language, messages: Language) -> &'static str {
    match (draft, messages) {
        (Language::English, Language::English) => "English",
        (Language::Dutch, Language::English) => "Dutch",
        (Language::English, Language::Dutch) => "Engels",
        (Language::Dutch, Language::Dutch) => "Nederlands",
    }
}

fn capitalized(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    use super::*;
    use crate::lint::Severity;

    fn finding_of(rule: &'static str) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            message: "a message".into(),
            range: TextRange { start: 0, end: 1 },
            fixes: Vec::new(),
        }
    }

    /// The Markdown's blocks and text as a reader sees them: a soft break in a paragraph of its
    /// own (not in a list item or a quote) reads as the space it stands for, and text runs are
    /// merged. Code blocks, list items and everything else keep their exact text.
    fn as_read(markdown: &str) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        let mut containers = 0usize;
        for event in Parser::new(markdown) {
            let text = match &event {
                Event::Start(Tag::Item | Tag::BlockQuote(_)) => {
                    containers += 1;
                    None
                }
                Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => {
                    containers -= 1;
                    None
                }
                Event::SoftBreak if containers == 0 => Some(" ".to_owned()),
                Event::Text(text) => Some(text.to_string()),
                _ => None,
            };
            match (text, seen.last_mut()) {
                (Some(text), Some(last)) if last.starts_with("text:") => last.push_str(&text),
                (Some(text), _) => seen.push(format!("text:{text}")),
                (None, _) => seen.push(format!("{event:?}")),
            }
        }
        seen
    }

    /// Soft breaks inside paragraphs that are not in a list item or a quote.
    fn soft_breaks_in_paragraphs(markdown: &str) -> usize {
        let mut in_paragraph = false;
        let mut containers = 0usize;
        let mut breaks = 0;
        for event in Parser::new(markdown) {
            match event {
                Event::Start(Tag::Item | Tag::BlockQuote(_)) => containers += 1,
                Event::End(TagEnd::Item | TagEnd::BlockQuote(_)) => containers -= 1,
                Event::Start(Tag::Paragraph) => in_paragraph = true,
                Event::End(TagEnd::Paragraph) => in_paragraph = false,
                Event::SoftBreak if in_paragraph && containers == 0 => breaks += 1,
                _ => {}
            }
        }
        breaks
    }

    #[test]
    fn every_rules_hover_has_each_paragraph_on_one_line_and_says_the_same() {
        let mut wrapped_hovers = 0;
        for rule in rules::registry() {
            let meta = rule.meta();
            for language in [Language::English, Language::Dutch] {
                let finding = finding_of(meta.id);
                let hover = finding_markdown(&finding, language);
                let as_wrapped = finding_markdown_as_wrapped(&finding, language);
                let context = format!("{} ({language:?}):\n{hover}", meta.id);
                assert_eq!(soft_breaks_in_paragraphs(&hover), 0, "{context}");
                // The doc is wrapped: joining must have had work to do somewhere.
                if soft_breaks_in_paragraphs(&as_wrapped) > 0 {
                    wrapped_hovers += 1;
                }
                assert_eq!(as_read(&hover), as_read(&as_wrapped), "{context}");
                // The examples stay code blocks, line for line.
                for heading in ["Example", "Use instead"] {
                    let examples = meta.doc_examples_in(language, heading);
                    let example = examples.first().expect("every rule has examples");
                    assert!(
                        hover.contains(&format!("```text\n{example}```")),
                        "{context}"
                    );
                }
                // Why it matters is there, whole.
                assert!(hover.contains(":** "), "{context}");
            }
        }
        assert!(wrapped_hovers > rules::registry().len(), "{wrapped_hovers}");
    }

    #[test]
    fn a_hover_line_ends_only_where_its_paragraph_does() {
        let hover = finding_markdown(&finding_of("hedging"), Language::English);
        let why = hover
            .lines()
            .find(|line| line.starts_with("**Why this weakens the apology:**"))
            .expect("the why line");
        assert!(
            why.contains(
                "matters most (Lewicki, Polin & Lount 2016); a hedge turns it into a guess"
            ),
            "{hover}"
        );
        assert!(
            why.trim_end().ends_with("even when the writer means well."),
            "{hover}"
        );
    }
}
