//! Hover: why a finding weakens the apology, and the draft's summary on its first apology
//! sentence, in the language of amends' messages (the draft's, unless `messages = "en"`).
//! Everything shown comes from the rule's own documentation (its `//!` comment, with its Dutch
//! section), so the hover, `amends explain` and `docs/rules.md` say the same thing.

use std::fmt::Write;

use crate::lint::{Component, Finding, Language, Report, Summary, TextRange};
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

/// A finding: the rule's title, the message, why it matters, and what to write instead.
pub fn finding_markdown(finding: &Finding, language: Language) -> String {
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
