//! [`Options`]: what the user configured, whatever face it came from.
//!
//! The same keys come from `amends.toml`, the editor's settings and command-line flags; the faces
//! merge them (the file wins over editor settings, flags win over the file) and hand the result
//! here. Parsing the TOML text lives in [`crate::lint::config`]; finding the file is I/O and
//! belongs to the faces.

use std::collections::BTreeMap;

use crate::lint::finding::Severity;
use crate::lint::language::Language;

/// `language = "auto" | "en" | "nl"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LanguageSetting {
    #[default]
    Auto,
    Fixed(Language),
}

/// `apology = "auto" | "always"`: whether the apology gate decides, or every file is an apology.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApologySetting {
    #[default]
    Auto,
    Always,
}

/// `messages = "en" | "draft"`: the language of amends' own messages and hover text. By default
/// they speak the draft's language (Dutch messages for a Dutch draft); `"en"` keeps them English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MessagesSetting {
    English,
    #[default]
    Draft,
}

/// `rule-id = "off" | "hint" | "info" | "warning" | "error"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

impl RuleLevel {
    pub const CHOICES: [&'static str; 5] = ["off", "hint", "info", "warning", "error"];

    pub fn parse(name: &str) -> Option<RuleLevel> {
        match name {
            "off" => Some(RuleLevel::Off),
            other => Severity::parse(other).map(RuleLevel::On),
        }
    }
}

/// Everything that changes what [`crate::lint::lint`] reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub language: LanguageSetting,
    pub apology: ApologySetting,
    pub messages: MessagesSetting,
    /// Per-rule levels from `[rules]`; rules not named keep their default.
    pub rules: BTreeMap<String, RuleLevel>,
    /// `--select`: when set, only these rules run (rules that are off by default included).
    pub select: Option<Vec<String>>,
    /// `--ignore`: these rules never run.
    pub ignore: Vec<String>,
}

impl Options {
    /// The language of amends' messages about a draft in `draft`.
    pub fn messages_language(&self, draft: Language) -> Language {
        match self.messages {
            MessagesSetting::Draft => draft,
            MessagesSetting::English => Language::English,
        }
    }

    /// The severity `rule` reports at, or `None` when it does not run.
    pub fn level_of(
        &self,
        rule: &str,
        default: Severity,
        enabled_by_default: bool,
    ) -> Option<Severity> {
        if self.ignore.iter().any(|id| id == rule) {
            return None;
        }
        let selected = self
            .select
            .as_ref()
            .map(|ids| ids.iter().any(|id| id == rule));
        match (self.rules.get(rule), selected) {
            (_, Some(false)) => None,
            (Some(RuleLevel::Off), None) => None,
            (Some(RuleLevel::On(severity)), _) => Some(*severity),
            // `--select` turns on a rule the file turned off: flags win over the file.
            (Some(RuleLevel::Off), Some(true)) | (None, Some(true)) => Some(default),
            (None, None) => enabled_by_default.then_some(default),
        }
    }
}
