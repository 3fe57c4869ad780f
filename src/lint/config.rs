//! Parsing the text of an `amends.toml` into [`Options`], and checking rule ids wherever a user
//! types them.
//!
//! The keys are those of the catalog's "Configuration" section, the same in `amends.toml` and the
//! editor's settings: `language`, `apology`, `messages` and a `[rules]` table of levels. Every
//! mistake is an error that points at the offending key or value (1-based line and column, and the
//! byte span for an editor) and names the valid choices, with a close match when there is one: a
//! typo in a rule id must not silently leave the rule on.
//!
//! Finding the file is I/O and belongs to the faces; this module only sees its text.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::lint::finding::{Edit, TextRange};
use crate::lint::language::Language;
use crate::lint::options::{ApologySetting, LanguageSetting, MessagesSetting, Options, RuleLevel};
use crate::position::LineIndex;
use crate::rules;

/// The name of the configuration file, looked for from a draft's folder upward by both faces.
pub const FILE_NAME: &str = "amends.toml";

/// The top-level keys of `amends.toml`, in the order the documentation lists them.
pub const KEYS: [&str; 4] = ["language", "apology", "messages", "rules"];

/// Settings that exist only in an editor's `amends` settings: named so the error can say where
/// they belong instead of just "unknown key".
const EDITOR_ONLY_KEYS: [&str; 3] = ["codeLens", "logLevel", "server"];

const LANGUAGE_CHOICES: [&str; 3] = ["auto", "en", "nl"];
const APOLOGY_CHOICES: [&str; 2] = ["auto", "always"];
const MESSAGES_CHOICES: [&str; 2] = ["en", "draft"];

/// A mistake in `amends.toml`, located at the key or value it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ConfigError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in Unicode scalar values.
    pub column: usize,
    /// The bytes of the configuration text the error is about (for an editor's squiggle).
    pub span: TextRange,
    /// One line: what is wrong and what would be right.
    pub message: String,
}

/// Parse the text of an `amends.toml`. Only the file's own keys are set: `select` and `ignore`
/// come from command-line flags.
pub fn parse(text: &str) -> Result<Options, ConfigError> {
    parse_over(text, Options::default())
}

/// Parse the text of an `amends.toml` on top of `base`: every key the file sets replaces the
/// base's (in `[rules]`, rule by rule), the rest is kept. This is how the file wins over the
/// editor's settings without erasing the ones it does not mention.
pub fn parse_over(text: &str, base: Options) -> Result<Options, ConfigError> {
    let at = |span: Range<usize>, message: String| {
        let index = LineIndex::new(text);
        let start = index.floor_char_boundary(span.start);
        let end = index.floor_char_boundary(span.end).max(start);
        let position = index.line_column(start);
        ConfigError {
            line: position.line,
            column: position.column,
            span: TextRange::new(start, end),
            message,
        }
    };
    let table = DeTable::parse(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let mut message = syntax_message(error.message());
        // The toml crate says "duplicate key" without saying which.
        let key = text.get(span.clone()).map(str::trim).unwrap_or_default();
        if message.ends_with("duplicate key") && !key.is_empty() {
            message.push_str(&format!(" `{key}`"));
        }
        at(span, message)
    })?;
    read_options(table.get_ref(), base).map_err(|Located { span, message }| at(span, message))
}

/// The edit to an `amends.toml`'s text that sets `rule` to `level` in its `[rules]` table,
/// adding the table when there is none. `None` when the text does not parse, or keeps its rules
/// in an inline table (`rules = { … }`), where a line cannot simply be added: better no edit
/// than a broken file.
pub fn set_rule_level(text: &str, rule: &str, level: &str) -> Option<Edit> {
    let table = DeTable::parse(text).ok()?;
    let setting = format!("{rule} = \"{level}\"");
    let Some(rules) = table.get_ref().get("rules") else {
        let separator = match text {
            "" => "",
            _ if text.ends_with("\n\n") => "",
            _ if text.ends_with('\n') => "\n",
            _ => "\n\n",
        };
        return Some(Edit::insert(
            text.len(),
            format!("{separator}[rules]\n{setting}\n"),
        ));
    };
    let DeValue::Table(entries) = rules.get_ref() else {
        return None;
    };
    if let Some((_, value)) = entries.iter().find(|(key, _)| key.get_ref() == rule) {
        let span = value.span();
        return Some(Edit::replace(
            TextRange::new(span.start, span.end),
            format!("\"{level}\""),
        ));
    }
    // After the `[rules]` header line.
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if line.trim() == "[rules]" {
            let line_break = if line.ends_with('\n') { "" } else { "\n" };
            return Some(Edit::insert(offset, format!("{line_break}{setting}\n")));
        }
    }
    None
}

/// An id that names no rule, with the closest one that does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRuleId {
    pub id: String,
    pub suggestion: Option<&'static str>,
}

impl UnknownRuleId {
    /// The message, with `place` saying where the id was written (`" in [rules]"`, or empty).
    pub fn message(&self, place: &str) -> String {
        let mut message = format!("unknown rule id \"{}\"{place}", self.id);
        match self.suggestion {
            Some(suggestion) => message.push_str(&format!("; did you mean \"{suggestion}\"?")),
            None => message.push(';'),
        }
        let ids: Vec<&str> = rules::registry()
            .iter()
            .map(|rule| rule.meta().id)
            .collect();
        if ids.is_empty() {
            message.push_str(" no rules are registered");
        } else {
            message.push_str(&format!(" valid ids: {}", ids.join(", ")));
        }
        message
    }
}

impl fmt::Display for UnknownRuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(""))
    }
}

impl std::error::Error for UnknownRuleId {}

/// The registered id equal to `id`, or an error with the closest registered one. Rule ids are
/// checked against the registry, never a list of their own, so a new rule is valid everywhere at
/// once.
pub fn known_rule_id(id: &str) -> Result<&'static str, UnknownRuleId> {
    match rules::meta_of(id) {
        Some(meta) => Ok(meta.id),
        None => Err(UnknownRuleId {
            id: id.to_owned(),
            suggestion: closest_match(id, rules::registry().iter().map(|rule| rule.meta().id)),
        }),
    }
}

/// The candidate closest to `word`, if one is close enough to be a plausible typo: at most a
/// third of the word's characters differ (at least one), ignoring case. A candidate that starts
/// with the whole word (`hedg` → `hedging`) also counts, as people abbreviate ids.
pub fn closest_match<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let lowered = candidate.to_lowercase();
        let distance = if word.len() >= 3 && lowered.starts_with(&word) {
            // Rank a prefix below a one-letter typo but above anything else.
            1
        } else {
            edit_distance(&word, &lowered)
        };
        if distance <= allowed && best.is_none_or(|(best, _)| distance < best) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbours ("hegding") each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut distance = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                distance = distance.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = distance;
        }
    }
    table[a.len() * width + b.len()]
}

/// An error message and the span it is about, before it is turned into a line and column.
struct Located {
    span: Range<usize>,
    message: String,
}

fn located(span: Range<usize>, message: String) -> Located {
    Located { span, message }
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

/// The table's entries in the order they are written, so the first mistake in the file is the
/// one reported (the parsed table is sorted by key).
fn in_source_order<'t, 'i>(table: &'t DeTable<'i>) -> Vec<Entry<'t, 'i>> {
    let mut entries: Vec<Entry<'t, 'i>> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

fn read_options(table: &DeTable<'_>, mut options: Options) -> Result<Options, Located> {
    for (key, value) in in_source_order(table) {
        let name: &str = key.get_ref();
        match name {
            "language" => {
                options.language = match choice(name, value, &LANGUAGE_CHOICES)? {
                    "en" => LanguageSetting::Fixed(Language::English),
                    "nl" => LanguageSetting::Fixed(Language::Dutch),
                    _ => LanguageSetting::Auto,
                }
            }
            "apology" => {
                options.apology = match choice(name, value, &APOLOGY_CHOICES)? {
                    "always" => ApologySetting::Always,
                    _ => ApologySetting::Auto,
                }
            }
            // Reserved for the Dutch work: accepted and kept, not yet used by any message.
            "messages" => {
                options.messages = match choice(name, value, &MESSAGES_CHOICES)? {
                    "draft" => MessagesSetting::Draft,
                    _ => MessagesSetting::English,
                }
            }
            "rules" => read_rules(value, &mut options)?,
            _ => return Err(unknown_key(key)),
        }
    }
    Ok(options)
}

fn read_rules(value: &Spanned<DeValue<'_>>, options: &mut Options) -> Result<(), Located> {
    let DeValue::Table(table) = value.get_ref() else {
        return Err(located(
            value.span(),
            format!(
                "\"rules\" must be a table of rule levels, like `[rules]` then `hedging = \"off\"` \
                 (found {})",
                value.get_ref().type_str()
            ),
        ));
    };
    for (key, level) in in_source_order(table) {
        let id = known_rule_id(key.get_ref())
            .map_err(|unknown| located(key.span(), unknown.message(" in [rules]")))?;
        let choices = RuleLevel::CHOICES;
        let DeValue::String(name) = level.get_ref() else {
            return Err(located(
                level.span(),
                format!(
                    "the level of \"{id}\" must be a string: one of {} (found {})",
                    quoted_list(&choices),
                    level.get_ref().type_str()
                ),
            ));
        };
        let Some(parsed) = RuleLevel::parse(name) else {
            return Err(located(
                level.span(),
                invalid_value(&format!("level \"{name}\" for \"{id}\""), name, &choices),
            ));
        };
        options.rules.insert(id.to_owned(), parsed);
    }
    Ok(())
}

/// The string value of `key`, which must be one of `choices`.
fn choice<'c>(
    key: &str,
    value: &Spanned<DeValue<'_>>,
    choices: &[&'c str],
) -> Result<&'c str, Located> {
    let DeValue::String(found) = value.get_ref() else {
        return Err(located(
            value.span(),
            format!(
                "\"{key}\" must be a string: one of {} (found {})",
                quoted_list(choices),
                value.get_ref().type_str()
            ),
        ));
    };
    choices
        .iter()
        .copied()
        .find(|choice| choice == found)
        .ok_or_else(|| {
            located(
                value.span(),
                invalid_value(&format!("{key} \"{found}\""), found, choices),
            )
        })
}

fn invalid_value(what: &str, found: &str, choices: &[&str]) -> String {
    let mut message = format!("invalid {what}");
    match closest_match(found, choices.iter().copied()) {
        Some(suggestion) => message.push_str(&format!("; did you mean \"{suggestion}\"?")),
        None => message.push(';'),
    }
    message.push_str(&format!(" valid choices: {}", quoted_list(choices)));
    message
}

fn unknown_key(key: &Spanned<std::borrow::Cow<'_, str>>) -> Located {
    let name: &str = key.get_ref();
    let message = if EDITOR_ONLY_KEYS.contains(&name) {
        format!(
            "\"{name}\" is an editor setting: set it in your editor's `amends` settings, not in \
             amends.toml; valid keys here: {}",
            quoted_list(&KEYS)
        )
    } else if rules::meta_of(name).is_some() {
        // `hedging = "off"` written above any table header.
        format!(
            "\"{name}\" is a rule id: put it under a `[rules]` table, like `[rules]` then `{name} = \"off\"`"
        )
    } else {
        let mut message = format!("unknown key \"{name}\"");
        match closest_match(name, KEYS) {
            Some(suggestion) => message.push_str(&format!("; did you mean \"{suggestion}\"?")),
            None => message.push(';'),
        }
        message.push_str(&format!(" valid keys: {}", quoted_list(&KEYS)));
        message
    };
    located(key.span(), message)
}

fn quoted_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| format!("\"{item}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The toml crate's syntax messages can span lines ("invalid string\nexpected …"); amends shows
/// errors on one line.
fn syntax_message(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    format!("invalid TOML: {}", lines.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::finding::Severity;

    fn error_in(text: &str) -> ConfigError {
        parse(text).expect_err("the configuration is invalid")
    }

    #[test]
    fn the_empty_file_is_the_default() {
        assert_eq!(parse(""), Ok(Options::default()));
        assert_eq!(parse("# nothing here\n"), Ok(Options::default()));
    }

    #[test]
    fn every_key_is_read() {
        let options = parse("language = \"nl\"\napology = \"always\"\nmessages = \"draft\"\n")
            .expect("valid");
        assert_eq!(options.language, LanguageSetting::Fixed(Language::Dutch));
        assert_eq!(options.apology, ApologySetting::Always);
        assert_eq!(options.messages, MessagesSetting::Draft);
        let options = parse("language = \"auto\"\napology = \"auto\"\nmessages = \"draft\"\n")
            .expect("valid");
        assert_eq!(options, Options::default());
        assert_eq!(
            parse("messages = \"en\"").unwrap().messages,
            MessagesSetting::English
        );
        assert_eq!(
            parse("language = \"en\"").unwrap().language,
            LanguageSetting::Fixed(Language::English)
        );
    }

    #[test]
    fn an_empty_rules_table_is_fine() {
        assert_eq!(parse("[rules]\n"), Ok(Options::default()));
    }

    #[test]
    fn an_unknown_key_names_the_valid_ones_and_the_closest() {
        let error = error_in("apology = \"auto\"\nlangauge = \"en\"\n");
        assert_eq!((error.line, error.column), (2, 1));
        assert_eq!(
            error.message,
            "unknown key \"langauge\"; did you mean \"language\"? valid keys: \"language\", \
             \"apology\", \"messages\", \"rules\""
        );
        assert_eq!(error.span, TextRange::new(17, 25));
        assert_eq!(error.to_string(), format!("2:1: {}", error.message));
    }

    #[test]
    fn an_editor_setting_says_where_it_belongs() {
        let error = error_in("codeLens = true\n");
        assert!(
            error.message.contains("editor setting"),
            "{}",
            error.message
        );
        let error = error_in("[server]\npath = \"/usr/bin/amends\"\n");
        assert_eq!(error.line, 1);
        assert!(
            error.message.contains("editor setting"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_bad_value_names_the_choices() {
        let error = error_in("\nlanguage = \"fr\"\n");
        assert_eq!((error.line, error.column), (2, 12));
        assert_eq!(
            error.message,
            "invalid language \"fr\"; valid choices: \"auto\", \"en\", \"nl\""
        );
        let error = error_in("apology = \"alway\"");
        assert_eq!(
            error.message,
            "invalid apology \"alway\"; did you mean \"always\"? valid choices: \"auto\", \"always\""
        );
    }

    #[test]
    fn a_wrong_type_says_what_was_found() {
        let error = error_in("language = 1");
        assert_eq!((error.line, error.column), (1, 12));
        assert_eq!(
            error.message,
            "\"language\" must be a string: one of \"auto\", \"en\", \"nl\" (found integer)"
        );
        let error = error_in("rules = \"off\"");
        assert!(
            error.message.starts_with("\"rules\" must be a table"),
            "{}",
            error.message
        );
    }

    #[test]
    fn syntax_errors_have_a_position_and_one_line() {
        let error = error_in("language = \"en\"\napology = \n");
        assert_eq!(error.line, 2);
        assert!(
            error.message.starts_with("invalid TOML: "),
            "{}",
            error.message
        );
        assert!(!error.message.contains('\n'));
        let error = error_in("language = \"en\"\nlanguage = \"nl\"\n");
        assert_eq!(error.line, 2, "{}", error.message);
        assert_eq!(error.message, "invalid TOML: duplicate key `language`");
    }

    #[test]
    fn the_first_mistake_in_the_file_is_reported() {
        // The parsed table is sorted by key; the report follows the file.
        let error = error_in("messages = \"fr\"\napology = \"sometimes\"\n");
        assert_eq!(error.line, 1, "{}", error.message);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let error = error_in("# café ☕\nlanguage   =   \"fr\" # 😀\n");
        assert_eq!((error.line, error.column), (2, 16));
        let error = error_in("language = \"fr\" # 😀\nx = 1 # é\n");
        assert_eq!((error.line, error.column), (1, 12));
    }

    #[test]
    fn unknown_rule_ids_are_errors() {
        // Whatever the registry holds, this id is not in it.
        let error = error_in("[rules]\nno-such-rule-at-all = \"off\"\n");
        assert_eq!((error.line, error.column), (2, 1));
        assert!(
            error
                .message
                .starts_with("unknown rule id \"no-such-rule-at-all\" in [rules]"),
            "{}",
            error.message
        );
    }

    #[test]
    fn rule_levels_are_read_for_registered_rules() {
        let Some(rule) = rules::registry().first() else {
            // The registry is filled in by the rules; nothing to read before that.
            return;
        };
        let id = rule.meta().id;
        let options = parse(&format!("[rules]\n{id} = \"error\"\n")).expect("valid");
        assert_eq!(options.rules[id], RuleLevel::On(Severity::Error));
        let options = parse(&format!("rules.{id} = \"off\"\n")).expect("dotted keys work");
        assert_eq!(options.rules[id], RuleLevel::Off);
        let error = error_in(&format!("[rules]\n{id} = \"warn\"\n"));
        assert_eq!((error.line, error.column), (2, id.len() + 4));
        assert!(
            error.message.contains("did you mean \"warning\"?"),
            "{}",
            error.message
        );
        let error = error_in(&format!("[rules]\n{id} = false\n"));
        assert!(
            error.message.contains("(found boolean)"),
            "{}",
            error.message
        );
        let error = error_in(&format!("{id} = \"off\"\n"));
        assert!(error.message.contains("[rules]"), "{}", error.message);
    }

    #[test]
    fn close_matches_allow_a_typo_per_three_letters() {
        let ids = ["hedging", "minimizing", "cliche", "excuse", "defensive"];
        assert_eq!(closest_match("hedgeing", ids), Some("hedging"));
        assert_eq!(closest_match("hegding", ids), Some("hedging"));
        assert_eq!(closest_match("Cliché", ids), Some("cliche"));
        assert_eq!(closest_match("minimising", ids), Some("minimizing"));
        assert_eq!(closest_match("hedg", ids), Some("hedging"));
        assert_eq!(closest_match("apology", ids), None);
        assert_eq!(closest_match("", ids), None);
    }

    #[test]
    fn unknown_rule_id_messages_suggest_and_list() {
        let unknown = UnknownRuleId {
            id: "hedgeing".into(),
            suggestion: Some("hedging"),
        };
        let message = unknown.message(" in [rules]");
        assert!(
            message
                .starts_with("unknown rule id \"hedgeing\" in [rules]; did you mean \"hedging\"?"),
            "{message}"
        );
        assert!(known_rule_id("no-such-rule-at-all").is_err());
    }

    #[test]
    fn the_file_wins_key_by_key_over_a_base() {
        let base = parse("language = \"nl\"\n[rules]\nhedging = \"off\"\ncliche = \"error\"\n")
            .expect("valid");
        let merged = parse_over("[rules]\ncliche = \"hint\"\n", base).expect("valid");
        assert_eq!(merged.language, LanguageSetting::Fixed(Language::Dutch));
        assert_eq!(merged.rules.get("hedging"), Some(&RuleLevel::Off));
        assert_eq!(
            merged.rules.get("cliche"),
            Some(&RuleLevel::On(crate::lint::Severity::Hint))
        );
    }

    #[test]
    fn a_rule_level_is_set_in_every_shape_of_file() {
        let apply = |text: &str| {
            let edit = set_rule_level(text, "cliche", "off")?;
            let (fixed, _) = crate::lint::apply_edits(text, [&edit]);
            let options = parse(&fixed).expect("the edited file parses");
            assert_eq!(
                options.rules.get("cliche"),
                Some(&RuleLevel::Off),
                "{fixed}"
            );
            Some(fixed)
        };
        assert_eq!(apply("").as_deref(), Some("[rules]\ncliche = \"off\"\n"));
        assert_eq!(
            apply("language = \"en\"").as_deref(),
            Some("language = \"en\"\n\n[rules]\ncliche = \"off\"\n")
        );
        assert_eq!(
            apply("[rules]\nhedging = \"off\"\n").as_deref(),
            Some("[rules]\ncliche = \"off\"\nhedging = \"off\"\n")
        );
        assert_eq!(
            apply("[rules]\ncliche = \"error\" # loud\n").as_deref(),
            Some("[rules]\ncliche = \"off\" # loud\n")
        );
        assert_eq!(apply("rules = { hedging = \"off\" }\n"), None);
        assert_eq!(set_rule_level("language = ", "cliche", "off"), None);
    }
}
