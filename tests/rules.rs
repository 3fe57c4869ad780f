//! Every rule against its fixture tables (`tests/fixtures/rules/<rule-id>.toml` in English,
//! `tests/fixtures/rules/nl/<rule-id>.toml` in Dutch) and its own doc, in both languages.
//!
//! A fixture lists `[[fires]]` cases (the rule must report, and `flagged` names the exact text of
//! one finding) and `[[silent]]` cases (the rule must not report), including every hard case of
//! the catalog. Cases run with only that rule selected and the apology gate forced open, so a
//! silent case is silent because of the rule, not the gate; `gate = true` runs the real gate.
//! The language is detected, as a user's would be, and a Dutch case that is not detected as
//! Dutch fails: a four-word draft must be recognized too.
//! Fixes are checked too: a safe or unsafe fix removes its finding, touches nothing outside its
//! edits, and fixing twice changes nothing the second time.

use std::path::Path;

use amends::lint::{
    ApologySetting, DocumentKind, Finding, FixKind, Language, Options, Safety, apply_edits, lint,
};
use amends::rules::{DUTCH_SECTION, RuleKind, registry};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    #[serde(default)]
    fires: Vec<Case>,
    #[serde(default)]
    silent: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// The exact source text one finding must cover.
    flagged: Option<String>,
    /// `markdown`, `plaintext` (default) or `email`.
    kind: Option<String>,
    /// Run the real apology gate instead of forcing it open.
    #[serde(default)]
    gate: bool,
}

impl Case {
    fn kind(&self) -> DocumentKind {
        match self.kind.as_deref() {
            None | Some("plaintext") => DocumentKind::PlainText,
            Some("markdown") => DocumentKind::Markdown,
            Some("email") => DocumentKind::Email,
            Some(other) => panic!("unknown kind {other:?}"),
        }
    }
}

fn options_for(rule: &str, gate: bool) -> Options {
    Options {
        apology: if gate {
            ApologySetting::Auto
        } else {
            ApologySetting::Always
        },
        select: Some(vec![rule.to_owned()]),
        ..Options::default()
    }
}

fn findings_of(rule: &str, text: &str, kind: DocumentKind, gate: bool) -> Vec<Finding> {
    lint(text, kind, &options_for(rule, gate))
        .findings
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

/// The fixture folders, with the language their cases are written in.
const FIXTURE_SETS: [(&str, Language); 2] = [("", Language::English), ("nl", Language::Dutch)];

/// The rule's fixture in `folder` ("" for English, "nl" for Dutch); a missing or malformed one
/// is an empty fixture, which the first test reports, so one rule's missing file does not hide
/// every other rule's results.
fn load_in(folder: &str, rule: &str) -> Fixture {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(folder)
        .join(format!("{rule}.toml"));
    let parsed = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|text| toml::from_str(&text).map_err(|error| error.to_string()));
    parsed.unwrap_or_else(|error| {
        eprintln!("{}: {error}", path.display());
        Fixture {
            fires: Vec::new(),
            silent: Vec::new(),
        }
    })
}

#[test]
fn every_rule_fires_and_stays_silent_on_its_fixture_cases() {
    let mut failures = Vec::new();
    for rule in registry() {
        let id = rule.meta().id;
        for (folder, language) in FIXTURE_SETS {
            check_fixture(id, folder, language, &mut failures);
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

fn check_fixture(id: &str, folder: &str, language: Language, failures: &mut Vec<String>) {
    let fixture = load_in(folder, id);
    if fixture.fires.len() < 2 || fixture.silent.len() < 2 {
        failures.push(format!(
            "{id} ({language}): needs at least two cases that fire and two that stay silent"
        ));
    }
    if language != Language::English {
        for case in fixture.fires.iter().chain(&fixture.silent) {
            let detected = lint(&case.text, case.kind(), &options_for(id, case.gate)).language;
            if detected != language {
                failures.push(format!(
                    "{id}: {:?} is read as {detected}, not {language}",
                    case.text
                ));
            }
        }
    }
    {
        for case in &fixture.fires {
            let findings = findings_of(id, &case.text, case.kind(), case.gate);
            if findings.is_empty() {
                failures.push(format!("{id}: should fire on {:?}", case.text));
                continue;
            }
            if let Some(flagged) = &case.flagged {
                let texts: Vec<&str> = findings.iter().map(|f| f.range.slice(&case.text)).collect();
                if !texts.contains(&flagged.as_str()) {
                    failures.push(format!(
                        "{id}: on {:?} should flag {flagged:?}, flagged {texts:?}",
                        case.text
                    ));
                }
            }
        }
        for case in &fixture.silent {
            let findings = findings_of(id, &case.text, case.kind(), case.gate);
            if !findings.is_empty() {
                let texts: Vec<&str> = findings.iter().map(|f| f.range.slice(&case.text)).collect();
                failures.push(format!(
                    "{id}: should stay silent on {:?}, flagged {texts:?}",
                    case.text
                ));
            }
        }
    }
}

#[test]
fn every_rule_doc_example_fires_and_its_use_instead_is_silent() {
    let mut failures = Vec::new();
    for rule in registry() {
        let meta = rule.meta();
        for heading in [
            "What it does",
            "Why is this bad?",
            "Example",
            "Use instead",
            "Fix safety",
        ] {
            if meta
                .doc_section(heading)
                .is_none_or(|s| s.is_empty() || s.contains("TODO"))
            {
                failures.push(format!(
                    "{}: doc section {heading:?} missing or unfinished",
                    meta.id
                ));
            }
        }
        let examples = meta.doc_examples("Example");
        let instead = meta.doc_examples("Use instead");
        if examples.is_empty() || instead.is_empty() {
            failures.push(format!(
                "{}: needs ```text blocks under Example and Use instead",
                meta.id
            ));
        }
        for example in examples {
            let kind = DocumentKind::sniff(&example);
            if findings_of(meta.id, &example, kind, false).is_empty() {
                failures.push(format!("{}: doc example should fire: {example:?}", meta.id));
            }
        }
        for text in instead {
            let kind = DocumentKind::sniff(&text);
            let findings = findings_of(meta.id, &text, kind, false);
            if !findings.is_empty() {
                failures.push(format!(
                    "{}: doc 'use instead' should be silent: {text:?} → {findings:?}",
                    meta.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn every_rule_has_a_dutch_doc_section_whose_example_fires_and_use_instead_is_silent() {
    let mut failures = Vec::new();
    for rule in registry() {
        let meta = rule.meta();
        if meta.doc_section(DUTCH_SECTION).is_none_or(|s| s.is_empty()) {
            failures.push(format!("{}: no '## {DUTCH_SECTION}' section", meta.id));
            continue;
        }
        let dutch_doc = meta.doc_in(Language::Dutch);
        if meta.doc_in(Language::English).contains(DUTCH_SECTION)
            || !dutch_doc.contains("## Voorbeeld")
            || meta.summary_in(Language::Dutch).is_empty()
        {
            failures.push(format!(
                "{}: doc_in / summary_in do not split the doc",
                meta.id
            ));
        }
        let examples = meta.doc_examples_in(Language::Dutch, "Example");
        let instead = meta.doc_examples_in(Language::Dutch, "Use instead");
        if examples.is_empty() || instead.is_empty() {
            failures.push(format!(
                "{}: needs ```text blocks under ### Voorbeeld and ### Gebruik liever",
                meta.id
            ));
        }
        for (texts, should_fire) in [(examples, true), (instead, false)] {
            for text in texts {
                let kind = DocumentKind::sniff(&text);
                let report = lint(&text, kind, &options_for(meta.id, false));
                let fired = report.findings.iter().any(|f| f.rule == meta.id);
                if fired != should_fire || report.language != Language::Dutch {
                    failures.push(format!(
                        "{}: Dutch doc {} ({}): {text:?}",
                        meta.id,
                        if should_fire {
                            "example should fire"
                        } else {
                            "'use instead' should be silent"
                        },
                        report.language
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn fixes_remove_their_finding_and_touch_nothing_else() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in registry() {
        let id = rule.meta().id;
        if rule.meta().kind != RuleKind::Phrase {
            continue;
        }
        for case in FIXTURE_SETS
            .iter()
            .flat_map(|(folder, _)| load_in(folder, id).fires)
        {
            let kind = case.kind();
            let before = findings_of(id, &case.text, kind, case.gate);
            for finding in &before {
                for fix in finding
                    .fixes
                    .iter()
                    .filter(|fix| fix.kind != FixKind::Template)
                {
                    checked += 1;
                    let (fixed, applied) = apply_edits(&case.text, &fix.edits);
                    assert_eq!(
                        applied,
                        fix.edits.len(),
                        "{id}: overlapping edits in {fix:?}"
                    );
                    let first = fix.edits.iter().map(|e| e.range.start).min().unwrap_or(0);
                    let last = fix.edits.iter().map(|e| e.range.end).max().unwrap_or(0);
                    let tail = case.text.len() - last;
                    if fixed[..first] != case.text[..first]
                        || fixed[fixed.len() - tail..] != case.text[last..]
                    {
                        failures.push(format!(
                            "{id}: fix {:?} changed text outside its edits",
                            fix.title
                        ));
                    }
                    let after = findings_of(id, &fixed, kind, case.gate);
                    let flagged = finding.range.slice(&case.text);
                    if after.len() >= before.len()
                        && after.iter().any(|f| f.range.start == finding.range.start)
                    {
                        failures.push(format!(
                            "{id}: fix {:?} on {flagged:?} left the finding: {fixed:?}",
                            fix.title
                        ));
                    }
                }
            }
            // Fixing twice changes nothing the second time.
            let once = fix_all_safe(id, &case.text, kind, case.gate);
            let twice = fix_all_safe(id, &once, kind, case.gate);
            if once != twice {
                failures.push(format!(
                    "{id}: safe fixes are not idempotent on {:?}: {once:?} → {twice:?}",
                    case.text
                ));
            }
        }
    }
    assert!(checked > 0, "no fix was checked");
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// A template is what the writer must finish: its text holds a `[placeholder]`. A structure
/// rule's finished sentence holds none (the fix-all may insert it under `--unsafe-fixes`).
#[test]
fn templates_and_only_templates_hold_placeholders() {
    let mut templates = 0;
    let mut failures = Vec::new();
    for rule in registry() {
        let id = rule.meta().id;
        let structure = rule.meta().kind == RuleKind::Structure;
        for case in FIXTURE_SETS
            .iter()
            .flat_map(|(folder, _)| load_in(folder, id).fires)
        {
            for finding in findings_of(id, &case.text, case.kind(), case.gate) {
                for fix in &finding.fixes {
                    let placeholders = fix.edits.iter().any(|edit| edit.replacement.contains('['));
                    let template = fix.kind == FixKind::Template;
                    templates += usize::from(template);
                    if (template && !placeholders) || (structure && !template && placeholders) {
                        failures.push(format!("{id}: {fix:?}"));
                    }
                }
            }
        }
    }
    assert!(templates > 0, "no template was checked");
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

fn fix_all_safe(rule: &str, text: &str, kind: DocumentKind, gate: bool) -> String {
    let findings = findings_of(rule, text, kind, gate);
    let edits: Vec<_> = findings
        .iter()
        .flat_map(|finding| {
            finding
                .fixes
                .iter()
                .find(|fix| fix.kind == FixKind::Edit(Safety::Safe))
        })
        .flat_map(|fix| fix.edits.iter())
        .collect();
    apply_edits(text, edits).0
}
