//! Which drafts to check, and reading them.
//!
//! Paths named on the command line are checked whatever their extension; directories are walked
//! with the `ignore` crate (ripgrep's walker), which honours `.gitignore`, `.ignore` and hidden
//! files, and keeps the files whose extension names a [`DocumentKind`]. `-` is standard input.

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::cli::describe_io_error;
use crate::lint::DocumentKind;

/// Where a draft comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

/// One draft to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Input {
    pub source: Source,
    /// Named on the command line (or standard input), rather than found in a directory: a file
    /// the user asked about gets a word even when it is not an apology.
    pub named: bool,
}

impl Input {
    /// The path as the user sees it in findings; `-` for standard input.
    pub fn display_path(&self) -> String {
        match &self.source {
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }

    /// How to read the markup: from the extension, else guessed from the text.
    pub fn kind(&self, text: &str) -> DocumentKind {
        match &self.source {
            Source::File(path) => path
                .file_name()
                .and_then(|name| name.to_str())
                .and_then(DocumentKind::from_path)
                .unwrap_or_else(|| DocumentKind::sniff(text)),
            Source::Stdin => DocumentKind::sniff(text),
        }
    }
}

/// The drafts found, and the paths that could not be walked (`path`, `what went wrong`).
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    pub errors: Vec<String>,
}

/// The drafts the command line names, in order, each once. No path means standard input.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut discovery = Discovery::default();
    if paths.is_empty() {
        discovery.inputs.push(Input {
            source: Source::Stdin,
            named: true,
        });
        return discovery;
    }
    let mut seen: HashSet<Source> = HashSet::new();
    let mut push = |discovery: &mut Discovery, source: Source, named: bool| {
        if seen.insert(source.clone()) {
            discovery.inputs.push(Input { source, named });
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            push(&mut discovery, Source::Stdin, true);
        } else if path.is_dir() {
            for found in walk(path, &mut discovery.errors) {
                push(&mut discovery, Source::File(found), false);
            }
        } else {
            // Missing files are reported when they are read, in order with the others.
            push(&mut discovery, Source::File(path.clone()), true);
        }
    }
    discovery
}

/// The draft files under `root`, sorted by path so output is stable.
fn walk(root: &Path, errors: &mut Vec<String>) -> Vec<PathBuf> {
    let walker = ignore::WalkBuilder::new(root)
        // Drafts often live outside a git repository; a .gitignore there still says what the
        // writer wants left alone.
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                let is_draft = entry
                    .file_name()
                    .to_str()
                    .and_then(DocumentKind::from_path)
                    .is_some();
                if is_file && is_draft {
                    files.push(entry.into_path());
                }
            }
            Err(error) => errors.push(describe_walk_error(&error)),
        }
    }
    files
}

fn describe_walk_error(error: &ignore::Error) -> String {
    match error {
        ignore::Error::WithPath { path, err } => {
            format!("{}: {}", path.display(), describe_walk_error(err))
        }
        ignore::Error::Io(io) => describe_io_error(io),
        ignore::Error::WithLineNumber { line, err } => {
            format!("line {line}: {}", describe_walk_error(err))
        }
        ignore::Error::WithDepth { err, .. } => describe_walk_error(err),
        other => other.to_string(),
    }
}

/// Why a draft could not be checked: one phrase for `amends: path: …; skipped`.
#[derive(Debug, PartialEq, Eq)]
pub struct ReadError(pub String);

/// The draft's text. Nothing is done to it: a byte order mark stays (and takes a column), line
/// endings stay, so offsets are offsets into the file on disk and `--fix` writes back what it read.
pub fn read(input: &Input) -> Result<String, ReadError> {
    let bytes = match &input.source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| ReadError(describe_io_error(&error)))?;
            bytes
        }
        Source::File(path) => {
            std::fs::read(path).map_err(|error| ReadError(describe_io_error(&error)))?
        }
    };
    String::from_utf8(bytes).map_err(|error| {
        ReadError(format!(
            "not valid UTF-8 (byte {})",
            error.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_path_means_standard_input() {
        let discovery = discover(&[]);
        assert_eq!(discovery.inputs.len(), 1);
        assert_eq!(discovery.inputs[0].source, Source::Stdin);
        assert_eq!(discovery.inputs[0].display_path(), "-");
    }

    #[test]
    fn named_paths_are_kept_in_order_once() {
        let paths = [
            PathBuf::from("b.md"),
            PathBuf::from("-"),
            PathBuf::from("a.txt"),
            PathBuf::from("b.md"),
        ];
        let discovery = discover(&paths);
        let shown: Vec<String> = discovery.inputs.iter().map(Input::display_path).collect();
        assert_eq!(shown, ["b.md", "-", "a.txt"]);
        assert!(discovery.inputs.iter().all(|input| input.named));
    }

    #[test]
    fn the_kind_comes_from_the_extension() {
        let input = Input {
            source: Source::File("reply.EML".into()),
            named: true,
        };
        assert_eq!(input.kind("Hello"), DocumentKind::Email);
        let input = Input {
            source: Source::File("reply.text".into()),
            named: true,
        };
        assert_eq!(input.kind("# Heading"), DocumentKind::PlainText);
    }
}
