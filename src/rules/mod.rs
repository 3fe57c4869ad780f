//! The rules: one file each, listed once in [`registry`].
//!
//! A rule is a plain struct implementing [`Rule`]. It asks the language layer
//! ([`crate::lint::language::Analysis`]) questions and pushes [`Finding`]s; it never matches raw
//! text its own way, never sets its own severity (the options do) and never knows which face is
//! asking. Its documentation is the `//!` comment at the top of its file, with the headings
//! *What it does / Why is this bad? / Example / Use instead / Fix safety*: that one comment feeds
//! `amends explain`, the editor's hover and `docs/rules.md`, so they cannot drift apart.
//!
//! Adding a rule: one new file here, one line in [`registry`], fixtures in `tests/fixtures/rules/`.

mod apology_but;
mod blames_customer;
mod blames_third_party;
mod cliche;
mod conditional_apology;
mod defensive;
mod denies_fault;
mod edits;
mod email_channel;
mod excuse;
mod hedging;
mod minimizing;
mod missing_empathy;
mod missing_explanation;
mod missing_forgiveness_request;
mod missing_prevention;
mod missing_remedy;
mod missing_responsibility;
mod over_apologizing;
mod ownership;
mod passive_evasion;
mod prefer_apologize;
mod pressures_forgiveness;
mod sorry_you_feel;
mod structure;
mod unreadable_email_body;
mod vague_apology;
mod vague_remedy;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lint::finding::{Finding, Fix, Severity, TextRange};
use crate::lint::language::{Analysis, Language};
use crate::lint::markup::{DocumentKind, Prose};
use crate::lint::options::Options;
use crate::lint::summary::Component;

/// What the registry, `amends rules` and the faces know about a rule without running it.
#[derive(Debug)]
pub struct RuleMeta {
    /// Kebab-case id, the LSP diagnostic `code` and the key in `[rules]`.
    pub id: &'static str,
    pub default_severity: Severity,
    pub enabled_by_default: bool,
    /// Phrase rules look at words; structure rules at the whole draft.
    pub kind: RuleKind,
    /// For structure rules: the component whose absence they report.
    pub component: Option<Component>,
    /// The best fix the rule can offer, if any (for `amends rules`).
    pub fix: FixAvailability,
    /// The rule's own source file, from which [`RuleMeta::doc`] takes the `//!` comment.
    pub source: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Phrase,
    Structure,
    /// Reports something about amends' reading of the file, not about the draft: runs once per
    /// document, before the gate, whatever the gate says.
    Notice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Safe,
    Unsafe,
    DisplayOnly,
    /// Safe for some matches, unsafe for others.
    Sometimes,
}

impl FixAvailability {
    pub const fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "no",
            FixAvailability::Safe => "safe",
            FixAvailability::Unsafe => "unsafe",
            FixAvailability::DisplayOnly => "display-only",
            FixAvailability::Sometimes => "safe/unsafe",
        }
    }
}

impl RuleMeta {
    /// The severity of this rule's findings under `options`, or `None` when it is turned off:
    /// the one place a finding's severity is decided.
    pub fn severity(&self, options: &Options) -> Option<Severity> {
        options.level_of(self.id, self.default_severity, self.enabled_by_default)
    }

    /// The rule's documentation in Markdown: its `//!` module comment.
    pub fn doc(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                break;
            };
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
        }
        doc.trim_end().to_owned() + "\n"
    }

    /// The text under one `## Heading` of the doc, without the heading.
    pub fn doc_section(&self, heading: &str) -> Option<String> {
        let doc = self.doc();
        let marker = format!("## {heading}\n");
        let start = doc.find(&marker)? + marker.len();
        let rest = &doc[start..];
        let end = rest.find("\n## ").map_or(rest.len(), |end| end + 1);
        Some(rest[..end].trim().to_owned())
    }

    /// The one-line summary: the first sentence under *What it does*.
    pub fn summary(&self) -> String {
        first_sentence(&self.doc_section("What it does").unwrap_or_default())
    }

    /// The rule's documentation for readers of `language`: in English, the doc without its
    /// Dutch section; in Dutch, the Dutch section (its `###` sub-headings raised to `##`), so a
    /// hover in a Dutch draft reads as a doc of its own.
    pub fn doc_in(&self, language: Language) -> String {
        let doc = self.doc();
        let marker = format!("## {DUTCH_SECTION}\n");
        match (language, doc.find(&marker)) {
            (Language::English, Some(start)) => doc[..start].trim_end().to_owned() + "\n",
            (Language::English, None) => doc,
            (Language::Dutch, _) => self.doc_section(DUTCH_SECTION).map_or(doc, |section| {
                format!("\n{section}")
                    .replace("\n### ", "\n## ")
                    .trim()
                    .to_owned()
                    + "\n"
            }),
        }
    }

    /// The one-line summary for readers of `language`: the first sentence of *What it does*, or
    /// of the Dutch section.
    pub fn summary_in(&self, language: Language) -> String {
        match language {
            Language::English => self.summary(),
            Language::Dutch => self
                .doc_section(DUTCH_SECTION)
                .map_or_else(|| self.summary(), |section| first_sentence(&section)),
        }
    }

    /// The fenced text blocks under a heading in `language`: `Example` and `Use instead` are
    /// `### Voorbeeld` and `### Gebruik liever` in the Dutch section.
    pub fn doc_examples_in(&self, language: Language, heading: &str) -> Vec<String> {
        match language {
            Language::English => self.doc_examples(heading),
            Language::Dutch => {
                let sub_heading = match heading {
                    "Example" => "Voorbeeld",
                    "Use instead" => "Gebruik liever",
                    other => other,
                };
                let section = self.doc_section(DUTCH_SECTION).unwrap_or_default();
                let marker = format!("### {sub_heading}\n");
                let Some(start) = section.find(&marker).map(|at| at + marker.len()) else {
                    return Vec::new();
                };
                let rest = &section[start..];
                let end = rest.find("\n### ").unwrap_or(rest.len());
                code_blocks(&rest[..end])
            }
        }
    }

    /// The fenced text blocks under a heading (`Example`, `Use instead`).
    pub fn doc_examples(&self, heading: &str) -> Vec<String> {
        let Some(section) = self.doc_section(heading) else {
            return Vec::new();
        };
        code_blocks(&section)
    }
}

/// The heading of the Dutch section at the end of every rule's doc.
pub const DUTCH_SECTION: &str = "In het Nederlands";

/// The first sentence of the first paragraph of `text`, on one line.
fn first_sentence(text: &str) -> String {
    let paragraph = text
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .replace('\n', " ");
    match paragraph.find(". ") {
        Some(end) => paragraph[..=end].to_owned(),
        None => paragraph,
    }
}

/// The fenced blocks of `section`, each without its fences.
fn code_blocks(section: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in section.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

/// What a rule sees of the document, and who it is: the findings it makes carry its id and the
/// severity the options give it.
pub struct Context<'a> {
    /// The rule this context is for.
    pub rule: &'static RuleMeta,
    /// The severity its findings have (the options decide it, [`RuleMeta::severity`]).
    pub severity: Severity,
    pub source: &'a str,
    pub analysis: &'a Analysis<'a>,
    pub prose: &'a Prose,
    pub kind: DocumentKind,
    /// The first apology sentence: where structure findings attach.
    pub anchor: TextRange,
    /// The language findings speak: the draft's under `messages = "draft"` (the default),
    /// English under `messages = "en"`.
    pub messages: Language,
}

impl Context<'_> {
    /// The message in the language findings speak: every rule passes both, side by side, so a
    /// message and its translation are edited together.
    pub fn localized<T>(&self, english: T, dutch: T) -> T {
        match self.messages {
            Language::English => english,
            Language::Dutch => dutch,
        }
    }

    /// [`Context::localized`] for messages that quote the draft: only the language shown is
    /// formatted, as a long draft has thousands of findings.
    pub fn format_localized(
        &self,
        english: std::fmt::Arguments<'_>,
        dutch: std::fmt::Arguments<'_>,
    ) -> String {
        edits::format_draft_text(self.localized(english, dutch))
    }

    /// Text that goes into the draft (a fix's template) in the language of the words this
    /// rule is looking at, whatever language the messages speak.
    pub fn in_draft_language<T>(&self, english: T, dutch: T) -> T {
        match self.analysis.language {
            Language::English => english,
            Language::Dutch => dutch,
        }
    }

    /// The language of the words this rule is looking at (a mixed document is read as one part
    /// per language).
    pub fn language(&self) -> Language {
        self.analysis.language
    }

    /// A finding of this rule for `range`, at its configured severity.
    pub fn finding(
        &self,
        range: TextRange,
        message: impl Into<crate::lint::finding::FindingText>,
        fixes: Vec<Fix>,
    ) -> Finding {
        Finding {
            rule: self.rule.id,
            severity: self.severity,
            message: message.into(),
            range,
            fixes,
        }
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Push this rule's findings onto `findings`, which already holds other rules' (push only).
    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>);
}

/// Every rule, once, in the order `amends rules` lists them.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &conditional_apology::ConditionalApology,
        &apology_but::ApologyBut,
        &sorry_you_feel::SorryYouFeel,
        &blames_customer::BlamesCustomer,
        &blames_third_party::BlamesThirdParty,
        &denies_fault::DeniesFault,
        &minimizing::Minimizing,
        &hedging::Hedging,
        &passive_evasion::PassiveEvasion,
        &cliche::Cliche,
        &excuse::Excuse,
        &defensive::Defensive,
        &vague_apology::VagueApology,
        &vague_remedy::VagueRemedy,
        &pressures_forgiveness::PressuresForgiveness,
        &over_apologizing::OverApologizing,
        &prefer_apologize::PreferApologize,
        &email_channel::EmailChannel,
        &missing_responsibility::MissingResponsibility,
        &missing_remedy::MissingRemedy,
        &missing_empathy::MissingEmpathy,
        &missing_explanation::MissingExplanation,
        &missing_prevention::MissingPrevention,
        &missing_forgiveness_request::MissingForgivenessRequest,
        &unreadable_email_body::UnreadableEmailBody,
    ]
}

/// The metadata of the rule with this id.
pub fn meta_of(id: &str) -> Option<&'static RuleMeta> {
    // The score and the server's hover and code actions ask about findings one by one, and a
    // megabyte draft has thousands: a lookup, not a walk over every rule.
    static BY_ID: LazyLock<FxHashMap<&'static str, &'static RuleMeta>> = LazyLock::new(|| {
        registry()
            .iter()
            .map(|rule| (rule.meta().id, rule.meta()))
            .collect()
    });
    BY_ID.get(id).copied()
}

/// Whether `id` names a phrase rule: the findings the score takes points off for.
pub fn is_phrase_rule(id: &str) -> bool {
    meta_of(id).is_some_and(|meta| meta.kind == RuleKind::Phrase)
}
