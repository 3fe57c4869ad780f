//! Hover: why a finding weakens the apology, and the draft's summary on its first apology
//! sentence. Everything shown comes from the rule's own documentation (its `//!` comment), so the
//! hover, `amends explain` and `docs/rules.md` say the same thing.

use std::fmt::Write;

use crate::lint::{Component, Finding, Report, Summary, TextRange};
use crate::rules::{self, RuleKind};

/// The hover text at byte `offset`, or `None` when there is nothing to say there.
pub fn hover_at(report: &Report, offset: usize) -> Option<(String, TextRange)> {
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
        sections.push(summary_markdown(report, summary));
        range = Some(anchor);
    }
    for finding in &phrase_findings {
        sections.push(finding_markdown(finding));
        range = Some(range.map_or(finding.range, |range| range.cover(finding.range)));
    }
    Some((sections.join("\n\n---\n\n"), range?))
}

/// A finding: the rule's title, the message, why it matters, and what to write instead.
pub fn finding_markdown(finding: &Finding) -> String {
    let mut text = String::new();
    let Some(meta) = rules::meta_of(finding.rule) else {
        return format!("**amends** `{}`: {}", finding.rule, finding.message);
    };
    let _ = writeln!(text, "**{}** · amends\n", meta.id);
    let _ = writeln!(text, "{}\n", capitalized(&finding.message));
    if let Some(why) = meta.doc_section("Why is this bad?") {
        let _ = writeln!(text, "**Why this weakens the apology:** {why}\n");
    }
    let examples = meta.doc_examples("Example");
    let instead = meta.doc_examples("Use instead");
    if let (Some(example), Some(instead)) = (examples.first(), instead.first()) {
        let _ = writeln!(
            text,
            "**Example**\n```text\n{}```\n**Instead**\n```text\n{}```",
            example, instead
        );
    }
    text.trim_end().to_owned()
}

/// The summary: score, and each component that counts, present or missing.
pub fn summary_markdown(report: &Report, summary: &Summary) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "**Apology strength {}/100** · amends · {}\n",
        summary.score,
        language_name(report)
    );
    for component in Component::ALL {
        if !summary.scored.contains(component) {
            continue;
        }
        if summary.present.contains(component) {
            let _ = writeln!(text, "- ✓ {component}");
        } else {
            let advice = report
                .findings
                .iter()
                .find(|finding| {
                    rules::meta_of(finding.rule).and_then(|meta| meta.component) == Some(component)
                })
                .map(|finding| format!(": {}", finding.message))
                .unwrap_or_default();
            let _ = writeln!(text, "- ✗ {component}{advice}");
        }
    }
    let phrase_findings = report
        .findings
        .iter()
        .filter(|finding| rules::is_phrase_rule(finding.rule))
        .count();
    if phrase_findings > 0 {
        let _ = writeln!(
            text,
            "\n{phrase_findings} phrase{} weaken{} it.",
            if phrase_findings == 1 { "" } else { "s" },
            if phrase_findings == 1 { "s" } else { "" }
        );
    }
    text.trim_end().to_owned()
}

/// One line for a code lens: "Apology strength 62/100 · missing: remedy, prevention".
pub fn lens_title(summary: &Summary) -> String {
    let missing: Vec<&str> = summary.missing().map(Component::as_str).collect();
    if missing.is_empty() {
        format!("Apology strength {}/100 · nothing missing", summary.score)
    } else {
        format!(
            "Apology strength {}/100 · missing: {}",
            summary.score,
            missing.join(", ")
        )
    }
}

fn language_name(report: &Report) -> &'static str {
    match report.language.code() {
        "nl" => "Dutch",
        _ => "English",
    }
}

fn capitalized(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
