//! What configures a document in the editor: the editor's `amends` settings, and the project's
//! `amends.toml` on top of them (the file wins, key by key: a team shares it).
//!
//! Editor settings use the same keys as the file and are checked by the same parser
//! ([`crate::lint::config`]), so a typo gets the same "did you mean" in both places. Files are
//! found by the command line's search ([`ConfigSearch`]), and searched for and read again only
//! when they may have changed (a watched-file event, a save, a settings change).
//!
//! A broken `amends.toml` does not switch amends off or back to defaults: documents keep the
//! last configuration that parsed, and the user is told once, with the file, line and column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::config_search::ConfigSearch;
use crate::lint::{Options, config};

/// Settings that exist only in the editor.
const EDITOR_ONLY_KEYS: [&str; 4] = ["codeLens", "logLevel", "server", "trace"];

/// The editor's `amends` settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorSettings {
    /// `language`, `apology`, `messages` and `rules`: the keys `amends.toml` has too.
    pub options: Options,
    /// One lens at the top of an apology draft with its strength and what it misses.
    pub code_lens: bool,
    /// A `tracing` filter (`info`, `debug`, `amends=trace` …); `AMENDS_LOG` wins over it.
    pub log_level: Option<String>,
}

impl Default for EditorSettings {
    fn default() -> Self {
        EditorSettings {
            options: Options::default(),
            code_lens: true,
            log_level: None,
        }
    }
}

impl EditorSettings {
    /// Read the `amends` settings object. Each bad key (or rule) is reported, with the valid
    /// choices, and left at its default; the rest of the settings still apply.
    pub fn from_json(value: &Value) -> (EditorSettings, Vec<String>) {
        let mut settings = EditorSettings::default();
        let mut problems = Vec::new();
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                problems.push(format!(
                    "editor settings: `amends` must be an object of settings, found {value}"
                ));
            }
            return (settings, problems);
        };
        match object.get("codeLens") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(on)) => settings.code_lens = *on,
            Some(other) => problems.push(format!(
                "editor settings: \"codeLens\" must be true or false, found {other}"
            )),
        }
        match object.get("logLevel") {
            None | Some(Value::Null) => {}
            Some(Value::String(level)) => settings.log_level = Some(level.clone()),
            Some(other) => problems.push(format!(
                "editor settings: \"logLevel\" must be a string such as \"info\", found {other}"
            )),
        }
        // The shared keys go through the amends.toml parser, written out as the TOML they mean,
        // one key (and one rule) at a time: a bad one is reported and left out, and the others
        // still apply.
        let mut options = Options::default();
        let mut take = |toml: String| match config::parse_over(&toml, options.clone()) {
            Ok(parsed) => options = parsed,
            Err(error) => {
                let message = error.message.replace(
                    "set it in your editor's `amends` settings, not in amends.toml; ",
                    "",
                );
                problems.push(format!("editor settings: {message}"));
            }
        };
        for (key, value) in object {
            if EDITOR_ONLY_KEYS.contains(&key.as_str()) || value.is_null() {
                continue;
            }
            match (key.as_str(), value) {
                ("rules", Value::Object(levels)) => {
                    for (id, level) in levels {
                        take(format!(
                            "[rules]\n{} = {}\n",
                            toml_key(id),
                            toml_value(level)
                        ));
                    }
                }
                _ => take(format!("{} = {}\n", toml_key(key), toml_value(value))),
            }
        }
        settings.options = options;
        (settings, problems)
    }
}

/// A JSON key as a TOML key: quoted, so any text stays one key.
fn toml_key(key: &str) -> String {
    Value::String(key.to_owned()).to_string()
}

/// A JSON value as TOML, faithfully enough for the parser to name its type in an error: strings
/// keep their JSON escapes (valid TOML escapes too), numbers and booleans are the same, and
/// anything else becomes an empty array or table.
fn toml_value(value: &Value) -> String {
    match value {
        Value::String(_) | Value::Number(_) | Value::Bool(_) => value.to_string(),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) | Value::Null => "{}".to_owned(),
    }
}

/// One `amends.toml` seen by the server.
#[derive(Debug, Default)]
struct ProjectFile {
    /// Read since the last invalidation.
    fresh: bool,
    /// The last text that parsed: what documents use while the file is broken.
    good_text: Option<String>,
    /// The error last shown to the user, so it is shown once, not on every keystroke.
    shown_error: Option<String>,
}

/// The editor settings and the project files, with a generation number that changes whenever
/// anything here may have changed what a document's options are.
#[derive(Debug, Default)]
pub struct Settings {
    pub editor: EditorSettings,
    generation: u64,
    search: ConfigSearch,
    files: HashMap<PathBuf, ProjectFile>,
}

/// The options for one document, and a message for the user when its file is broken (once).
#[derive(Debug)]
pub struct Resolved {
    pub options: Options,
    pub generation: u64,
    pub message: Option<String>,
}

impl Settings {
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// New editor settings: every document's options may change.
    pub fn set_editor(&mut self, editor: EditorSettings) {
        self.editor = editor;
        self.generation += 1;
    }

    /// Files may have been created, changed or deleted: look again before the next lint.
    pub fn invalidate_files(&mut self) {
        self.search.forget();
        for file in self.files.values_mut() {
            file.fresh = false;
        }
        self.generation += 1;
    }

    /// The `amends.toml` that governs a document in `directory`, if any.
    pub fn config_file_for(&mut self, directory: &Path) -> Option<PathBuf> {
        self.search.nearest(directory)
    }

    /// The options for a document in `directory` (`None`: not a file on disk).
    pub fn options_for(&mut self, directory: Option<&Path>) -> Resolved {
        let generation = self.generation;
        let base = self.editor.options.clone();
        let Some(path) = directory.and_then(|directory| self.config_file_for(directory)) else {
            return Resolved {
                options: base,
                generation,
                message: None,
            };
        };
        let file = self.files.entry(path.clone()).or_default();
        let mut message = None;
        if !file.fresh {
            file.fresh = true;
            let problem = match std::fs::read_to_string(&path) {
                Ok(text) => match config::parse(&text) {
                    Ok(_) => {
                        file.good_text = Some(text);
                        None
                    }
                    Err(error) => Some(format!("{}:{error}", path.display())),
                },
                Err(error) => Some(format!("{}: could not read it: {error}", path.display())),
            };
            match problem {
                Some(problem) if file.shown_error.as_ref() != Some(&problem) => {
                    let fallback = if file.good_text.is_some() {
                        "amends keeps using its last good version"
                    } else {
                        "amends uses the editor settings until it is fixed"
                    };
                    message = Some(format!("{problem} ({fallback})"));
                    file.shown_error = Some(problem);
                }
                Some(_) => {}
                None => file.shown_error = None,
            }
        }
        let options = match &file.good_text {
            // It parsed alone, so it parses over any base.
            Some(text) => config::parse_over(text, base.clone()).unwrap_or(base),
            None => base,
        };
        Resolved {
            options,
            generation,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::config::FILE_NAME as CONFIG_FILE_NAME;
    use crate::lint::{LanguageSetting, RuleLevel, Severity};
    use serde_json::json;

    #[test]
    fn editor_settings_use_the_file_keys_and_report_typos_like_the_file() {
        let (settings, problems) = EditorSettings::from_json(&json!({
            "language": "nl",
            "rules": { "cliche": "off", "hedging": "error" },
            "codeLens": false,
            "logLevel": "debug",
            "server": { "path": "/usr/bin/amends" },
        }));
        assert_eq!(problems, Vec::<String>::new());
        assert!(!settings.code_lens);
        assert_eq!(settings.log_level.as_deref(), Some("debug"));
        assert_eq!(
            settings.options.language,
            LanguageSetting::Fixed(crate::lint::Language::Dutch)
        );
        assert_eq!(settings.options.rules.get("cliche"), Some(&RuleLevel::Off));
        assert_eq!(
            settings.options.rules.get("hedging"),
            Some(&RuleLevel::On(Severity::Error))
        );

        let (settings, problems) =
            EditorSettings::from_json(&json!({ "rules": { "hedgin": "off" }, "codeLens": 3 }));
        assert_eq!(settings.options, Options::default());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("did you mean \"hedging\""))
        );
        let (_, problems) = EditorSettings::from_json(&json!({ "language": ["en"] }));
        assert!(problems[0].contains("must be a string"), "{problems:?}");
        // One bad key does not take the good ones with it.
        let (settings, problems) = EditorSettings::from_json(&json!({
            "apology": "always",
            "language": "fr",
            "rules": { "hedging": "loud", "cliche": "off" },
        }));
        assert_eq!(
            settings.options.apology,
            crate::lint::ApologySetting::Always
        );
        assert_eq!(settings.options.rules.get("cliche"), Some(&RuleLevel::Off));
        assert_eq!(settings.options.rules.get("hedging"), None);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn the_file_wins_and_a_broken_file_keeps_the_last_good_one() {
        let root = tempfile::tempdir().expect("temp dir");
        let drafts = root.path().join("drafts");
        std::fs::create_dir_all(&drafts).unwrap();
        let file = root.path().join(CONFIG_FILE_NAME);
        std::fs::write(&file, "[rules]\ncliche = \"hint\"\n").unwrap();

        let mut settings = Settings::default();
        let (editor, _) = EditorSettings::from_json(&json!({
            "language": "nl",
            "rules": { "cliche": "error", "hedging": "off" }
        }));
        settings.set_editor(editor);
        let resolved = settings.options_for(Some(&drafts));
        assert_eq!(resolved.message, None);
        assert_eq!(
            resolved.options.rules.get("cliche"),
            Some(&RuleLevel::On(Severity::Hint))
        );
        assert_eq!(resolved.options.rules.get("hedging"), Some(&RuleLevel::Off));

        std::fs::write(&file, "[rules]\ncliche = \"loud\"\n").unwrap();
        settings.invalidate_files();
        let resolved = settings.options_for(Some(&drafts));
        let message = resolved.message.expect("the broken file is reported");
        assert!(message.contains("amends.toml:2:10"), "{message}");
        assert!(message.contains("last good"), "{message}");
        assert_eq!(
            resolved.options.rules.get("cliche"),
            Some(&RuleLevel::On(Severity::Hint))
        );
        // Reported once, not on every lint.
        settings.invalidate_files();
        assert_eq!(settings.options_for(Some(&drafts)).message, None);
        // No file at all: the editor settings.
        assert_eq!(
            settings.options_for(None).options.rules.get("cliche"),
            Some(&RuleLevel::On(Severity::Error))
        );
    }
}
