//! Which [`Options`] apply to a draft: the nearest `amends.toml` from the draft's folder upward
//! (standard input: from the current directory), or the `--config` file instead of the search,
//! with `--select` / `--ignore` on top. No merging: the nearest file is the whole configuration,
//! as the catalog's "Configuration" section says.
//!
//! The search is [`ConfigSearch`], the server's too. Each file is parsed once per run, so checking
//! a thousand drafts in one folder reads one `amends.toml`. A broken file is reported once; the
//! drafts it governs are skipped rather than checked with settings the writer did not mean.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::cli::describe_io_error;
use crate::cli::inputs::{Input, Source};
use crate::config_search::ConfigSearch;
use crate::lint::{Options, config};

/// What the command line adds to every configuration: flags win over the file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Overrides {
    fn apply(&self, mut options: Options) -> Options {
        if self.select.is_some() {
            options.select = self.select.clone();
        }
        options.ignore.extend(self.ignore.iter().cloned());
        options
    }
}

/// The options for a draft, or why there are none.
#[derive(Debug)]
pub enum Lookup {
    Found(Rc<Options>),
    /// The governing `amends.toml` is broken. `report` holds the one-line error the first time
    /// it is met, `None` after that.
    Broken {
        report: Option<String>,
    },
}

/// Finds and caches configurations for one run.
#[derive(Debug)]
pub struct Settings {
    overrides: Overrides,
    /// `--config`: replaces the search for every draft.
    explicit: Option<Rc<Options>>,
    search: ConfigSearch,
    /// Configuration file → its options, or `None` when it is broken (already reported).
    loaded: HashMap<PathBuf, Option<Rc<Options>>>,
    current_dir: PathBuf,
}

impl Settings {
    /// Settings for a run. With `--config`, the file is read now: a broken one stops the run
    /// before any draft is checked (the error is the `Err`).
    pub fn new(overrides: Overrides, explicit: Option<&Path>) -> Result<Settings, String> {
        let current_dir = std::env::current_dir().unwrap_or_default();
        let explicit = match explicit {
            Some(path) => Some(Rc::new(overrides.apply(load(path)?))),
            None => None,
        };
        Ok(Settings {
            overrides,
            explicit,
            search: ConfigSearch::default(),
            loaded: HashMap::new(),
            current_dir,
        })
    }

    /// The options for one draft.
    pub fn options_for(&mut self, input: &Input) -> Lookup {
        if let Some(options) = &self.explicit {
            return Lookup::Found(Rc::clone(options));
        }
        let start = match &input.source {
            Source::Stdin => self.current_dir.clone(),
            Source::File(path) => {
                let parent = path.parent().unwrap_or(Path::new(""));
                normalize(&self.current_dir.join(parent))
            }
        };
        let Some(config_path) = self.search.nearest(&start) else {
            return Lookup::Found(Rc::new(self.overrides.apply(Options::default())));
        };
        if let Some(loaded) = self.loaded.get(&config_path) {
            return match loaded {
                Some(options) => Lookup::Found(Rc::clone(options)),
                None => Lookup::Broken { report: None },
            };
        }
        let shown = self.shown_path(&config_path);
        match load(&shown) {
            Ok(options) => {
                let options = Rc::new(self.overrides.apply(options));
                self.loaded.insert(config_path, Some(Rc::clone(&options)));
                Lookup::Found(options)
            }
            Err(report) => {
                self.loaded.insert(config_path, None);
                Lookup::Broken {
                    report: Some(report),
                }
            }
        }
    }

    /// A configuration path as the user would write it: relative to the current directory when
    /// it is below it.
    fn shown_path(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.current_dir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// `path` with `.` and `..` resolved by spelling, so `drafts/../amends.toml` is looked for where
/// the writer means it, not in every folder the spelling passes through.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    normal
}

/// Read and parse one configuration file; the error is the whole `path:line:column: message`.
fn load(path: &Path) -> Result<Options, String> {
    let shown = path.display();
    let bytes = std::fs::read(path)
        .map_err(|error| format!("{shown}: could not read it: {}", describe_io_error(&error)))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "{shown}: not valid UTF-8 (byte {})",
            error.utf8_error().valid_up_to()
        )
    })?;
    config::parse(&text).map_err(|error| format!("{shown}:{error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::config::FILE_NAME as CONFIG_FILE_NAME;

    fn file_input(path: &Path) -> Input {
        Input {
            source: Source::File(path.to_path_buf()),
            named: true,
        }
    }

    #[test]
    fn the_nearest_file_wins_and_is_read_once() {
        let root = tempfile::tempdir().expect("temp dir");
        let nested = root.path().join("team/drafts");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(root.path().join(CONFIG_FILE_NAME), "apology = \"always\"\n").unwrap();
        std::fs::write(
            root.path().join("team").join(CONFIG_FILE_NAME),
            "language = \"nl\"\n",
        )
        .unwrap();
        let mut settings = Settings::new(Overrides::default(), None).unwrap();

        let Lookup::Found(options) = settings.options_for(&file_input(&nested.join("a.md"))) else {
            panic!("found");
        };
        // No merging: the nearer file does not inherit `apology` from the farther one.
        assert_eq!(options.apology, crate::lint::ApologySetting::Auto);
        assert_ne!(options.language, crate::lint::LanguageSetting::Auto);

        let Lookup::Found(top) = settings.options_for(&file_input(&root.path().join("b.md")))
        else {
            panic!("found");
        };
        assert_eq!(top.apology, crate::lint::ApologySetting::Always);
        assert_eq!(settings.loaded.len(), 2);
        settings.options_for(&file_input(&nested.join("c.md")));
        assert_eq!(settings.loaded.len(), 2, "cached");
    }

    #[test]
    fn a_broken_file_is_reported_once() {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::write(root.path().join(CONFIG_FILE_NAME), "\nlanguage = \"fr\"\n").unwrap();
        let mut settings = Settings::new(Overrides::default(), None).unwrap();
        let Lookup::Broken {
            report: Some(report),
        } = settings.options_for(&file_input(&root.path().join("a.md")))
        else {
            panic!("broken, reported");
        };
        assert!(
            report.ends_with(
                "amends.toml:2:12: invalid language \"fr\"; valid choices: \"auto\", \"en\", \"nl\""
            ),
            "{report}"
        );
        assert!(matches!(
            settings.options_for(&file_input(&root.path().join("b.md"))),
            Lookup::Broken { report: None }
        ));
    }

    #[test]
    fn flags_win_over_the_file() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("custom.toml");
        std::fs::write(&path, "apology = \"always\"\n").unwrap();
        let overrides = Overrides {
            select: Some(vec!["hedging".into()]),
            ignore: vec!["cliche".into()],
        };
        let mut settings = Settings::new(overrides, Some(&path)).unwrap();
        let Lookup::Found(options) = settings.options_for(&Input {
            source: Source::Stdin,
            named: true,
        }) else {
            panic!("found");
        };
        assert_eq!(options.apology, crate::lint::ApologySetting::Always);
        assert_eq!(options.select, Some(vec!["hedging".to_owned()]));
        assert_eq!(options.ignore, vec!["cliche".to_owned()]);
    }

    #[test]
    fn dots_are_resolved_by_spelling() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }

    #[test]
    fn a_missing_explicit_file_stops_the_run() {
        let error = Settings::new(Overrides::default(), Some(Path::new("no/such/amends.toml")))
            .expect_err("missing");
        assert_eq!(
            error,
            "no/such/amends.toml: could not read it: no such file or directory"
        );
    }
}
