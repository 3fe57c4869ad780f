//! Which `amends.toml` governs a draft: the nearest one from the draft's folder upward. The
//! command line and the language server both find it here, so they never disagree about which
//! file applies. Reading and parsing it is theirs: a broken file stops the command line's drafts
//! but leaves the editor on the file's last good version.
//!
//! Finding it is file I/O, so it lives outside the pure rule module; the file's name and its
//! syntax are the core's ([`crate::lint::config`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::lint::config::FILE_NAME;

/// The nearest-file search, with what it has seen. Every folder a search passes is remembered
/// with its answer, so a thousand drafts in one tree look for each folder's file once, and a
/// draft beside one already searched costs a lookup.
#[derive(Debug, Default)]
pub struct ConfigSearch {
    /// Folder → the `amends.toml` that governs it, if any.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
}

impl ConfigSearch {
    /// The `amends.toml` at or above `directory`, an absolute folder path with no `.` or `..`
    /// (so that one folder is one key).
    pub fn nearest(&mut self, directory: &Path) -> Option<PathBuf> {
        let mut passed = Vec::new();
        let mut found = None;
        for ancestor in directory.ancestors() {
            if let Some(known) = self.nearest.get(ancestor) {
                found = known.clone();
                break;
            }
            passed.push(ancestor);
            let candidate = ancestor.join(FILE_NAME);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        for folder in passed {
            self.nearest.insert(folder.to_path_buf(), found.clone());
        }
        found
    }

    /// Files may have been created or deleted: search again from now on.
    pub fn forget(&mut self) {
        self.nearest.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_file_governs_and_each_folder_is_searched_once() {
        let root = tempfile::tempdir().expect("temp dir");
        let root = root.path();
        let drafts = root.join("team/drafts");
        std::fs::create_dir_all(&drafts).unwrap();
        let mut search = ConfigSearch::default();
        assert_eq!(search.nearest(&drafts), None);

        std::fs::write(root.join("team").join(FILE_NAME), "").unwrap();
        std::fs::write(root.join(FILE_NAME), "").unwrap();
        // Remembered: the files written since are not seen until the search forgets.
        assert_eq!(search.nearest(&drafts), None);
        assert_eq!(search.nearest(&root.join("team")), None);
        search.forget();
        assert_eq!(
            search.nearest(&drafts),
            Some(root.join("team").join(FILE_NAME))
        );
        assert_eq!(search.nearest(root), Some(root.join(FILE_NAME)));
        // The folders passed on the way up were remembered with the answer.
        assert_eq!(
            search.nearest.get(&root.join("team")),
            Some(&Some(root.join("team").join(FILE_NAME)))
        );
    }

    #[test]
    fn a_folder_named_amends_toml_is_not_a_configuration() {
        let root = tempfile::tempdir().expect("temp dir");
        let nested = root.path().join(FILE_NAME).join("drafts");
        std::fs::create_dir_all(&nested).unwrap();
        let mut search = ConfigSearch::default();
        assert_eq!(search.nearest(&nested), None);
    }
}
