//! The pure rule module: text in, [`Report`] out.
//!
//! Architecture Invariant: nothing under `src/lint/` or `src/rules/` does I/O, async, printing
//! or LSP. The CLI and the language server are thin faces over [`lint`]; a tidy test enforces it.
//!
//! Data flows one way: text → [`markup`] (which byte ranges are the writer's prose) →
//! [`language`] (tokens, sentences, clauses, lexicon hits, apology expressions, components) →
//! [`gate`] (is this an apology at all?) → the rules of [`crate::rules`] → findings, each at the
//! severity the options give its rule, less the suppressed ones → [`summary`].

pub mod config;
pub mod finding;
pub mod fix;
pub mod gate;
pub mod language;
pub mod markup;
pub mod options;
pub mod summary;
pub mod suppress;

pub use finding::{Edit, Finding, Fix, FixKind, Safety, Severity, TextRange, apply_edits};
pub use language::Language;
pub use markup::DocumentKind;
pub use options::{ApologySetting, LanguageSetting, MessagesSetting, Options, RuleLevel};
pub use summary::{Component, Components, Summary};

use crate::rules::{self, Context};

/// Everything amends has to say about one document.
#[derive(Clone, Debug)]
pub struct Report {
    /// The document's main language (detected, or forced by the options).
    pub language: Language,
    /// The apology gate's verdict; when false there is no summary and no findings but notices
    /// ([`rules::RuleKind::Notice`]).
    pub is_apology: bool,
    /// Why the gate decided as it did: the features it weighed and its score.
    pub gate: gate::GateVerdict,
    /// Every apology expression the gate saw, and whose it is (the writer's, a report, an
    /// apology about the message itself), in document order.
    pub apologies: Vec<(TextRange, language::Voice)>,
    /// Present exactly when `is_apology`.
    pub summary: Option<Summary>,
    /// Where structure findings and the summary attach: the first apology sentence, or the first
    /// line of prose under `apology = "always"`.
    pub anchor: Option<TextRange>,
    /// Sorted by start offset, then rule id.
    pub findings: Vec<Finding>,
}

/// Lint `text`, a document of `kind`, with `options`.
///
/// ```
/// use amends::lint::{DocumentKind, Options, lint};
///
/// let draft = "We're sorry if the delay upset you. I have refunded the shipping fee.";
/// let report = lint(draft, DocumentKind::PlainText, &Options::default());
/// assert!(report.is_apology);
/// let conditional = report
///     .findings
///     .iter()
///     .find(|finding| finding.rule == "conditional-apology")
///     .expect("a condition on the apology is reported");
/// assert!(draft[conditional.range.start..conditional.range.end].contains("if"));
///
/// // Not an apology: nothing at all.
/// let note = "Sorry for the late reply: the numbers you asked for are attached.";
/// assert!(lint(note, DocumentKind::PlainText, &Options::default()).findings.is_empty());
/// ```
pub fn lint(text: &str, kind: DocumentKind, options: &Options) -> Report {
    let prose = markup::extract_prose(text, kind);
    let fixed = match options.language {
        LanguageSetting::Fixed(language) => Some(language),
        LanguageSetting::Auto => None,
    };
    // A mixed document is read as one part per language, each with its own lexicon; a document
    // in one language (nearly all of them) is one part.
    let mut parts = language::read_document(text, &prose, fixed);
    let language = parts[0].language;
    let messages = options.messages_language(language);
    let forced = options.apology == ApologySetting::Always || prose.suppressions.forces_apology();

    // The document is an apology when any part is; the verdict shown is the first part's that
    // passed (the main language's when none did).
    let verdicts: Vec<gate::GateVerdict> = parts
        .iter()
        .map(|part| gate::judge(part, &prose, forced))
        .collect();
    let gate = verdicts
        .iter()
        .copied()
        .find(|verdict| verdict.is_apology)
        .unwrap_or(verdicts[0]);
    let mut apologies: Vec<(TextRange, language::Voice)> = parts
        .iter()
        .flat_map(|part| {
            part.apologies
                .iter()
                .map(|apology| (part.span(apology.tokens()), apology.voice))
        })
        .collect();
    apologies.sort_by_key(|(range, _)| range.start);

    // Notices (an e-mail body amends cannot read) are about amends' reading of the file, not the
    // draft, so they run before the gate and are reported whatever it says: otherwise an encoded
    // apology would pass in silence. The file is read once, so they run once, on the main part.
    let mut findings: Vec<Finding> = Vec::new();
    for rule in rules::registry() {
        let meta = rule.meta();
        if meta.kind != rules::RuleKind::Notice {
            continue;
        }
        if let Some(severity) = meta.severity(options) {
            let main_part = Context {
                rule: meta,
                severity,
                source: text,
                analysis: &parts[0],
                prose: &prose,
                kind,
                anchor: parts[0].anchor(),
                messages,
            };
            rule.check(&main_part, &mut findings);
        }
    }
    if !gate.is_apology {
        return Report {
            language,
            is_apology: false,
            gate,
            apologies,
            summary: None,
            anchor: None,
            findings,
        };
    }

    // Structure rules look at the whole draft: the part with the first apology hears about the
    // components every part has, and only it runs them.
    let anchor_part = (0..parts.len())
        .min_by_key(|&index| {
            parts[index]
                .writer_apologies()
                .next()
                .map_or(usize::MAX, |apology| {
                    parts[index].span(apology.tokens()).start
                })
        })
        .unwrap_or(0);
    for index in 0..parts.len() {
        if index != anchor_part {
            let (anchor, other) = if index < anchor_part {
                let (left, right) = parts.split_at_mut(anchor_part);
                (&mut right[0], &left[index])
            } else {
                let (left, right) = parts.split_at_mut(index);
                (&mut left[anchor_part], &right[0])
            };
            anchor.add_components_of(other);
        }
    }
    let anchor = parts[anchor_part].anchor();

    let mut scored_components = Components::all();
    for rule in rules::registry() {
        let meta = rule.meta();
        if meta.kind == rules::RuleKind::Notice {
            continue;
        }
        let Some(severity) = meta.severity(options) else {
            // "A rule turned off takes its component out of the score" (catalog, Summary).
            if let Some(component) = meta.component {
                scored_components.remove(component);
            }
            continue;
        };
        if prose.suppressions.disables_file(meta.id) {
            continue;
        }
        // The rule pushes onto the report's own list, and what it pushed is then sifted in
        // place: a second list as long as a rule's findings (a rule can have one per sentence)
        // would stay allocated through every later rule.
        let first = findings.len();
        for (index, part) in parts.iter().enumerate() {
            if meta.kind == rules::RuleKind::Structure && index != anchor_part {
                continue;
            }
            let context = Context {
                rule: meta,
                severity,
                source: text,
                analysis: part,
                prose: &prose,
                kind,
                anchor,
                messages,
            };
            rule.check(&context, &mut findings);
        }
        let mut kept = first;
        for index in first..findings.len() {
            if prose
                .suppressions
                .suppresses(meta.id, findings[index].range)
            {
                continue;
            }
            findings.swap(kept, index);
            kept += 1;
        }
        findings.truncate(kept);
    }
    let mut findings = in_report_order(findings);
    // A rule that reports on the whole draft (e-mail-channel) may speak once per part.
    findings.dedup_by(|later, earlier| later.rule == earlier.rule && later.range == earlier.range);
    let phrase_findings = findings
        .iter()
        .filter(|finding| rules::is_phrase_rule(finding.rule))
        .map(|finding| finding.severity);
    let mut summary = Summary::score(
        parts[anchor_part].components(),
        scored_components,
        phrase_findings,
    );
    for component in Component::ALL {
        summary.evidence[component as usize] = parts[anchor_part].component_range(component);
    }
    Report {
        language,
        is_apology: true,
        gate,
        apologies,
        summary: Some(summary),
        anchor: Some(anchor),
        findings,
    }
}

/// `findings` sorted by start offset, end offset and rule id, as [`Report::findings`] promises.
/// A finding is nearly a hundred bytes and a long draft has thousands, coming in one sorted run
/// per rule: sorting the findings themselves would move each of them through every merge, so
/// their keys are sorted instead, and each finding is then moved along its cycle of the
/// permutation, in place: a second list of findings would double the report at its largest.
fn in_report_order(mut findings: Vec<Finding>) -> Vec<Finding> {
    let mut keys: Vec<(usize, usize, &str, usize)> = findings
        .iter()
        .enumerate()
        .map(|(index, finding)| (finding.range.start, finding.range.end, finding.rule, index))
        .collect();
    // The index makes every key unique, so this sort keeps equal findings in their order.
    keys.sort_unstable();
    // Position `to` takes the finding now at `keys[to].3`.
    let source: Vec<usize> = keys.into_iter().map(|(.., index)| index).collect();
    let mut placed = vec![false; findings.len()];
    for start in 0..findings.len() {
        let mut to = start;
        while !placed[to] {
            placed[to] = true;
            let from = source[to];
            if from == start {
                break;
            }
            findings.swap(to, from);
            to = from;
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_carry_their_rule_and_the_severity_the_options_give_it() {
        let draft = "We're sorry if the delay upset you. I have refunded the shipping fee.";
        let conditional = |options: &Options| {
            lint(draft, DocumentKind::PlainText, options)
                .findings
                .into_iter()
                .find(|finding| finding.rule == "conditional-apology")
                .map(|finding| finding.severity)
        };
        let default = rules::meta_of("conditional-apology").map(|meta| meta.default_severity);
        assert_eq!(conditional(&Options::default()), default);
        let mut options = Options::default();
        options.rules.insert(
            "conditional-apology".to_owned(),
            RuleLevel::On(Severity::Hint),
        );
        assert_eq!(conditional(&options), Some(Severity::Hint));
        options
            .rules
            .insert("conditional-apology".to_owned(), RuleLevel::Off);
        assert_eq!(conditional(&options), None);
    }

    #[test]
    fn findings_are_put_in_report_order_in_place() {
        let finding = |start: usize, end: usize, rule: &'static str| Finding {
            rule,
            severity: Severity::Warning,
            message: "".into(),
            range: TextRange::new(start, end),
            fixes: Vec::new(),
        };
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for count in [0, 1, 2, 3, 10, 200] {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let findings: Vec<Finding> = (0..count)
                .map(|index| {
                    let start = ((seed >> (index % 50)) % 7) as usize;
                    let rule = ["cliche", "hedging", "minimizing"][index % 3];
                    finding(start, start + index % 2, rule)
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by_key(|finding| (finding.range.start, finding.range.end, finding.rule));
            let ordered = in_report_order(findings);
            let key = |finding: &Finding| (finding.range, finding.rule);
            assert_eq!(
                ordered.iter().map(key).collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>()
            );
        }
    }
}
