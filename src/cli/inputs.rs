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
                let name = entry.file_name().to_string_lossy();
                let is_draft = DocumentKind::from_path(&name).is_some();
                if !(is_file && is_draft) {
                    continue;
                }
                // A path that is not UTF-8 could not be shown or reported as it is (JSON and
                // SARIF paths are strings): name it rather than pass it over in silence.
                if entry.path().to_str().is_none() {
                    errors.push(format!(
                        "{}: the file name is not valid UTF-8; rename it to check it",
                        entry.path().display()
                    ));
                    continue;
                }
                files.push(entry.into_path());
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

/// What reading a draft may do.
#[derive(Clone, Copy, Debug)]
pub struct ReadLimits {
    /// The most bytes read (`--max-size`): a draft is never megabytes, and a device like
    /// `/dev/zero` never ends.
    pub max_bytes: usize,
    /// Only regular files (`--fix` writes back what it read: a FIFO would block it, a device
    /// would take the fixes somewhere else).
    pub regular_files_only: bool,
}

/// The draft's text. Nothing is done to it: a byte order mark stays (and takes a column), line
/// endings stay, so offsets are offsets into the file on disk and `--fix` writes back what it read.
pub fn read(input: &Input, limits: ReadLimits) -> Result<String, ReadError> {
    let too_large = || {
        ReadError(format!(
            "larger than {}, the most amends reads (--max-size raises it)",
            describe_size(limits.max_bytes)
        ))
    };
    let io_error = |error: io::Error| ReadError(describe_io_error(&error));
    let bytes = match &input.source {
        Source::Stdin => {
            if stdin_is_closed() {
                return Err(ReadError(
                    "standard input is closed (or /dev/null): there is no draft to read".to_owned(),
                ));
            }
            read_at_most(io::stdin().lock(), limits.max_bytes, 0)
                .map_err(io_error)?
                .ok_or_else(too_large)?
        }
        Source::File(path) => {
            // Looked at before it is opened: opening a FIFO waits for a writer.
            let metadata = std::fs::metadata(path).map_err(io_error)?;
            if limits.regular_files_only && !metadata.is_file() {
                return Err(ReadError(
                    "not a regular file: --fix only writes regular files".to_owned(),
                ));
            }
            let known = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
            if metadata.is_file() && known > limits.max_bytes {
                return Err(too_large());
            }
            let file = std::fs::File::open(path).map_err(io_error)?;
            read_at_most(file, limits.max_bytes, known)
                .map_err(io_error)?
                .ok_or_else(too_large)?
        }
    };
    String::from_utf8(bytes).map_err(|error| {
        ReadError(format!(
            "not valid UTF-8 (byte {})",
            error.utf8_error().valid_up_to()
        ))
    })
}

/// All of `reader`, unless it has more than `max` bytes (`None`); `expected` is how much there
/// should be, to allocate once.
fn read_at_most(reader: impl Read, max: usize, expected: usize) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(expected.min(max));
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes.len() <= max).then_some(bytes))
}

/// A size as a person reads it: "16 MiB", "512 KiB", or bytes.
pub fn describe_size(bytes: usize) -> String {
    match bytes {
        _ if bytes >= 1 << 30 && bytes % (1 << 30) == 0 => format!("{} GiB", bytes >> 30),
        _ if bytes >= 1 << 20 && bytes % (1 << 20) == 0 => format!("{} MiB", bytes >> 20),
        _ if bytes >= 1 << 10 && bytes % (1 << 10) == 0 => format!("{} KiB", bytes >> 10),
        _ => format!("{bytes} bytes"),
    }
}

/// Standard input was closed when amends started (`amends check - <&-`). The Rust runtime opens
/// `/dev/null` in place of a closed standard stream before `main`, so a closed input is told by
/// being `/dev/null`; reading that is no more a draft than reading nothing at all was.
#[cfg(unix)]
fn stdin_is_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(descriptor) = io::stdin().as_fd().try_clone_to_owned() else {
        return true;
    };
    let Ok(input) = std::fs::File::from(descriptor).metadata() else {
        return false;
    };
    std::fs::metadata("/dev/null")
        .is_ok_and(|null| input.file_type().is_char_device() && input.rdev() == null.rdev())
}

#[cfg(not(unix))]
fn stdin_is_closed() -> bool {
    false
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
