//! Where "Disable <rule> in amends.toml" may write: only a file inside a workspace folder, and
//! never through a symbolic link.
//!
//! The `amends.toml` that governs a draft is the nearest one from its folder upward, wherever it
//! lies, and reading it through a link is fine: that is how a team shares one. Writing is another
//! matter. An action must not change a file outside the project the user opened (a file in their
//! home folder governs every project below it), nor the file a link points at (settings shared
//! with other projects). So:
//!
//! - the governing file is inside a workspace folder, reached without a link: it is edited;
//! - it lies above the workspace folder that holds the draft: a new file is created at that
//!   folder's root, a copy of the governing file's text with the rule turned off — nearest wins
//!   and nothing merges, so every other setting stays as it was — and the title says so;
//! - there is none: a new file is created at that folder's root;
//! - the draft lies outside every workspace folder, or the file to edit or create is a link or is
//!   reached through one: there is no such action, and [`target`] says why (for the log).

use std::path::{Path, PathBuf};

use crate::lint::config::FILE_NAME;

/// The file "Disable <rule> in amends.toml" writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The governing file, with its text.
    Edit { path: PathBuf, text: String },
    /// A new file at the root of the workspace folder; `seed` is the governing file above that
    /// folder it starts as a copy of (its path and text), if there is one.
    Create {
        path: PathBuf,
        seed: Option<(PathBuf, String)>,
    },
}

/// Where a rule of a draft in `directory` is turned off, given the file that governs it now and
/// the workspace folders; the error says why there is no such place.
pub fn target(
    directory: &Path,
    governing: Option<&Path>,
    workspace_folders: &[PathBuf],
) -> Result<Target, String> {
    let folder = innermost_folder(directory, workspace_folders).ok_or_else(|| {
        format!(
            "the draft's folder {} is outside every workspace folder",
            directory.display()
        )
    })?;
    match governing {
        Some(path) => match innermost_folder(path, workspace_folders) {
            Some(its_folder) => {
                reached_without_a_link(path, its_folder)?;
                let text = std::fs::read_to_string(path)
                    .map_err(|error| format!("{} could not be read: {error}", path.display()))?;
                Ok(Target::Edit {
                    path: path.to_path_buf(),
                    text,
                })
            }
            None => {
                let text = std::fs::read_to_string(path)
                    .map_err(|error| format!("{} could not be read: {error}", path.display()))?;
                Ok(Target::Create {
                    path: creatable(folder)?,
                    seed: Some((path.to_path_buf(), text)),
                })
            }
        },
        None => Ok(Target::Create {
            path: creatable(folder)?,
            seed: None,
        }),
    }
}

/// The workspace folder that holds `path` most closely.
fn innermost_folder<'f>(path: &Path, workspace_folders: &'f [PathBuf]) -> Option<&'f Path> {
    workspace_folders
        .iter()
        .filter(|folder| path.starts_with(folder))
        .max_by_key(|folder| folder.components().count())
        .map(PathBuf::as_path)
}

/// `path` (inside `folder`) is neither a link nor inside a folder that is one, below `folder`.
fn reached_without_a_link(path: &Path, folder: &Path) -> Result<(), String> {
    for step in path.ancestors().take_while(|step| *step != folder) {
        let is_link = std::fs::symlink_metadata(step)
            .map(|metadata| metadata.file_type().is_symlink())
            .map_err(|error| format!("{} could not be read: {error}", step.display()))?;
        if is_link {
            return Err(if step == path {
                format!("{} is a symbolic link", path.display())
            } else {
                format!(
                    "{} is reached through {}, a symbolic link",
                    path.display(),
                    step.display()
                )
            });
        }
    }
    Ok(())
}

/// The new `amends.toml` at the root of `folder`, if nothing is in its place (not a link, even a
/// dangling one, which the client would write through).
fn creatable(folder: &Path) -> Result<PathBuf, String> {
    let path = folder.join(FILE_NAME);
    match std::fs::symlink_metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(path),
        Err(error) => Err(format!("{} could not be read: {error}", path.display())),
        Ok(metadata) if metadata.file_type().is_symlink() => {
            Err(format!("{} is a symbolic link", path.display()))
        }
        Ok(_) => Err(format!("{} is already there", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_governing_file_inside_the_workspace_is_edited() {
        let workspace = tempfile::tempdir().unwrap();
        let folders = [workspace.path().to_path_buf()];
        let drafts = workspace.path().join("drafts");
        std::fs::create_dir(&drafts).unwrap();
        let file = workspace.path().join(FILE_NAME);
        std::fs::write(&file, "apology = \"always\"\n").unwrap();
        assert_eq!(
            target(&drafts, Some(&file), &folders),
            Ok(Target::Edit {
                path: file,
                text: "apology = \"always\"\n".to_owned()
            })
        );
        // Never over a file that is there (had it been found, it would govern).
        let why = target(&drafts, None, &folders).unwrap_err();
        assert!(why.ends_with("amends.toml is already there"), "{why}");
    }

    #[test]
    fn a_file_above_the_workspace_is_copied_to_its_root() {
        let outside = tempfile::tempdir().unwrap();
        let above = outside.path().join(FILE_NAME);
        std::fs::write(&above, "language = \"nl\"\n").unwrap();
        let workspace = outside.path().join("project");
        let nested = workspace.join("team");
        std::fs::create_dir_all(nested.join("drafts")).unwrap();
        let folders = [workspace.clone(), nested.clone()];
        assert_eq!(
            target(&nested.join("drafts"), Some(&above), &folders),
            Ok(Target::Create {
                path: nested.join(FILE_NAME),
                seed: Some((above, "language = \"nl\"\n".to_owned())),
            })
        );
    }

    #[test]
    fn links_and_drafts_outside_the_workspace_get_no_target() {
        let elsewhere = tempfile::tempdir().unwrap();
        let shared = elsewhere.path().join("shared.toml");
        std::fs::write(&shared, "").unwrap();
        let workspace = tempfile::tempdir().unwrap();
        let folders = [workspace.path().to_path_buf()];
        // A linked file.
        let linked = workspace.path().join(FILE_NAME);
        std::os::unix::fs::symlink(&shared, &linked).unwrap();
        let why = target(workspace.path(), Some(&linked), &folders).unwrap_err();
        assert!(why.ends_with("amends.toml is a symbolic link"), "{why}");
        // A dangling link where a new file would go.
        std::fs::remove_file(&linked).unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("gone.toml"), &linked).unwrap();
        let why = target(workspace.path(), None, &folders).unwrap_err();
        assert!(why.ends_with("is a symbolic link"), "{why}");
        // A file reached through a linked folder.
        std::fs::remove_file(&linked).unwrap();
        std::fs::write(elsewhere.path().join(FILE_NAME), "").unwrap();
        let through = workspace.path().join("linked");
        std::os::unix::fs::symlink(elsewhere.path(), &through).unwrap();
        let why = target(&through, Some(&through.join(FILE_NAME)), &folders).unwrap_err();
        assert!(why.contains("a symbolic link"), "{why}");
        // A draft outside the workspace.
        let why = target(elsewhere.path(), None, &folders).unwrap_err();
        assert!(why.contains("outside every workspace folder"), "{why}");
    }
}
