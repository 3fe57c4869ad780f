//! Which byte ranges of a document are the writer's own prose.
//!
//! STUB: the real implementation (Markdown via pulldown-cmark, e-mail, plain text) replaces this.

use crate::lint::finding::{Finding, TextRange};
use crate::lint::suppress::Suppressions;

/// The kind of input, which decides how its markup is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    Markdown,
    PlainText,
    Email,
}

impl DocumentKind {
    /// From a file name's extension: `.md .markdown` → Markdown, `.txt .text` → plain text,
    /// `.eml` → e-mail; `None` for anything else.
    pub fn from_path(path: &str) -> Option<DocumentKind> {
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(DocumentKind::Markdown),
            "txt" | "text" => Some(DocumentKind::PlainText),
            "eml" => Some(DocumentKind::Email),
            _ => None,
        }
    }

    /// From an LSP language id (`markdown`, `plaintext`, `mail`, `gitcommit` …).
    pub fn from_language_id(id: &str) -> Option<DocumentKind> {
        match id {
            "markdown" | "md" => Some(DocumentKind::Markdown),
            "plaintext" | "text" | "txt" | "gitcommit" | "git-commit" => {
                Some(DocumentKind::PlainText)
            }
            "mail" | "email" | "eml" => Some(DocumentKind::Email),
            _ => None,
        }
    }

    /// For input with no name (stdin): an e-mail when it starts with mail headers, else Markdown.
    pub fn sniff(_text: &str) -> DocumentKind {
        DocumentKind::Markdown
    }
}

/// A stretch of the writer's prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProseRun {
    pub range: TextRange,
    /// A new block (paragraph, heading, list item, table cell, e-mail subject) starts here, so a
    /// sentence ends before it whatever the punctuation says.
    pub block_start: bool,
}

/// Signs of a document's genre, for the apology gate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenreSigns {
    pub headings: usize,
    pub code_blocks: usize,
    pub list_items: usize,
    /// The document is an e-mail with headers.
    pub email_headers: bool,
}

/// The result of reading a document's markup.
#[derive(Clone, Debug, Default)]
pub struct Prose {
    /// Sorted, non-overlapping, on char boundaries.
    pub runs: Vec<ProseRun>,
    /// Findings about the reading itself (an e-mail body amends cannot decode).
    pub notices: Vec<Finding>,
    pub suppressions: Suppressions,
    pub genre: GenreSigns,
}

pub fn extract_prose(text: &str, _kind: DocumentKind) -> Prose {
    Prose {
        runs: vec![ProseRun {
            range: TextRange::new(0, text.len()),
            block_start: true,
        }],
        ..Prose::default()
    }
}
