//! Which byte ranges of a document are the writer's own prose.
//!
//! The catalog ("Scope: what is linted") lints only what the writer wrote for this reader: not
//! code, HTML, front matter, URLs, quoted mail history, a signature or mail headers (except the
//! `Subject:`). [`extract_prose`] reads a document's markup and returns those ranges as
//! [`ProseRun`]s, byte-exact into the original text, so every finding downstream lands where the
//! editor shows it.
//!
//! - **Markdown** goes through pulldown-cmark's offset iterator: `Text` events outside code, HTML,
//!   block quotes, images and autolinks are prose. HTML comments are handed to
//!   [`Suppressions`].
//! - **Plain text** is read line by line: blank lines separate paragraphs, list markers start a
//!   block, an indented block after a blank line is code or a log.
//! - **E-mail** (`.eml`): the headers, of which only `Subject:` is prose, then a plain-text body;
//!   a body amends cannot read at exact offsets (quoted-printable, base64, HTML-only) is recorded
//!   as [`UnreadableBody`], which the `unreadable-email-body` rule reports, instead of findings
//!   at wrong positions.
//!
//! For every kind, mail conventions mark where the writer's text stops: quoted lines (`>`),
//! "On … wrote:" attributions, an Outlook header block or `-----Original Message-----`, and a
//! signature delimiter (`-- `). Bare URLs and e-mail addresses are cut out of the runs last.
//!
//! One file per format (`markdown`, `plain`, `email`), beside what they share: the mail
//! conventions (`mail_history`), URLs (`urls`), and building runs and reading lines
//! (`runs_and_lines`).
//!
//! Everything here is a single forward pass over the text (plus pulldown-cmark's own parse), with
//! no backtracking patterns: a 1 MB document costs milliseconds.

mod email;
mod mail_history;
mod markdown;
mod plain;
mod runs_and_lines;
mod urls;

use crate::lint::finding::TextRange;
use crate::lint::suppress::Suppressions;

pub use email::{UnreadableBody, UnreadableReason};

use email::{header_name, read_email};
use markdown::read_markdown;
use plain::read_plain;
use runs_and_lines::finish_runs;

/// A UTF-8 byte-order mark, which some Windows editors put at the start of a file.
const BOM: &str = "\u{feff}";

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
    ///
    /// "Starts with mail headers" means the leading lines are `Name: value` header lines (folded
    /// continuations and an mbox `From ` line allowed) and at least two different well-known mail
    /// headers appear among them before the first blank line. One `Subject:` or `Date:` line at
    /// the top of a note is not enough.
    pub fn sniff(text: &str) -> DocumentKind {
        const MAIL_HEADERS: [&str; 14] = [
            "from",
            "to",
            "cc",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "reply-to",
            "in-reply-to",
            "references",
            "received",
            "return-path",
            "delivered-to",
            "sender",
        ];
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut seen = 0u32;
        for (index, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                break;
            }
            if index == 0 && line.starts_with("From ") {
                continue;
            }
            if line.starts_with([' ', '\t']) {
                if index == 0 {
                    break;
                }
                continue;
            }
            let Some(name) = header_name(line) else {
                break;
            };
            if let Some(known) = MAIL_HEADERS
                .iter()
                .position(|header| header.eq_ignore_ascii_case(name))
            {
                seen |= 1 << known;
                if seen.count_ones() >= 2 {
                    return DocumentKind::Email;
                }
            }
        }
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
    /// An e-mail body amends could not read at exact offsets, and why: the
    /// `unreadable-email-body` rule reports it.
    pub unreadable_body: Option<UnreadableBody>,
    pub suppressions: Suppressions,
    pub genre: GenreSigns,
}

/// Reads `text` as a document of `kind` and returns the writer's prose.
///
/// The runs are sorted, non-overlapping, never empty, on char boundaries, trimmed of whitespace
/// at both ends and never contain a line break; the first run always has `block_start`.
pub fn extract_prose(text: &str, kind: DocumentKind) -> Prose {
    // The BOM is not text: start every reader after it so front matter, headers and `>` at the
    // start of the file are still recognised, while offsets stay those of the original.
    let start = if text.starts_with(BOM) { BOM.len() } else { 0 };
    let mut prose = Prose::default();
    let raw_runs = match kind {
        DocumentKind::Markdown => read_markdown(text, start, &mut prose),
        DocumentKind::PlainText => read_plain(text, TextRange::new(start, text.len()), &mut prose),
        DocumentKind::Email => read_email(text, start, &mut prose),
    };
    prose.runs = finish_runs(text, raw_runs);
    prose
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` and checks the run invariants every consumer relies on.
    pub(super) fn read(text: &str, kind: DocumentKind) -> Prose {
        let prose = extract_prose(text, kind);
        let mut previous_end = 0;
        for (index, run) in prose.runs.iter().enumerate() {
            let range = run.range;
            assert!(!range.is_empty(), "empty run {range}");
            assert!(range.start >= previous_end, "runs overlap or are unsorted");
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            let content = range.slice(text);
            assert!(
                !content.contains(['\n', '\r']),
                "line break in run {content:?}"
            );
            assert_eq!(content, content.trim(), "untrimmed run");
            assert!(!content.contains('\u{feff}'), "BOM in run");
            if index == 0 {
                assert!(run.block_start, "the first run starts a block");
            }
            previous_end = range.end;
        }
        prose
    }

    /// The prose as strings.
    pub(super) fn prose_of(text: &str, kind: DocumentKind) -> Vec<&str> {
        read(text, kind)
            .runs
            .iter()
            .map(|run| run.range.slice(text))
            .collect()
    }

    /// The prose as strings, with `¶` marking the runs that start a block.
    pub(super) fn blocks_of(text: &str, kind: DocumentKind) -> Vec<String> {
        read(text, kind)
            .runs
            .iter()
            .map(|run| {
                let mark = if run.block_start { "¶" } else { "" };
                format!("{mark}{}", run.range.slice(text))
            })
            .collect()
    }

    pub(super) fn markdown(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::Markdown)
    }

    pub(super) fn plain(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::PlainText)
    }

    pub(super) fn email(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::Email)
    }

    #[test]
    fn empty_and_blank_documents_have_no_runs() {
        for kind in [
            DocumentKind::Markdown,
            DocumentKind::PlainText,
            DocumentKind::Email,
        ] {
            assert!(read("", kind).runs.is_empty());
            assert!(read("\u{feff}", kind).runs.is_empty());
            assert!(read("  \r\n\r\n\t\n", kind).runs.is_empty());
        }
    }

    pub(super) const SIMPLE_HEADERS: &str = "From: Support <help@example.com>\r\nTo: Ann Smith\r\n <ann@example.com>\r\nSubject: Re: Your broken\r\n kettle\r\nDate: Tue, 3 Mar 2026 10:14:00 +0100\r\nMessage-ID: <abc@example.com>\r\n";

    #[test]
    fn sniff_recognises_mail_headers() {
        assert_eq!(DocumentKind::sniff(SIMPLE_HEADERS), DocumentKind::Email);
        assert_eq!(
            DocumentKind::sniff("\u{feff}Subject: Hi\r\nMIME-Version: 1.0\r\n\r\nBody"),
            DocumentKind::Email
        );
        assert_eq!(
            DocumentKind::sniff("From ann Tue Mar 3 2026\nX-Mailer: x\nDate: today\nTo: Ann\n\nHi"),
            DocumentKind::Email
        );
    }

    #[test]
    fn sniff_defaults_to_markdown() {
        for text in [
            "",
            "# Sorry\n\nWe broke it.",
            "Subject: just one header\n\nHi",
            "Subject: Hi\nSubject: again\n\nHi",
            "Dear Ann,\nFrom: us\nTo: you\n",
            "Note: we are sorry\nTo: Ann\n\n",
            "Subject: Hi\n\nTo: Ann\n",
            " To: Ann\nFrom: us\n",
        ] {
            assert_eq!(
                DocumentKind::sniff(text),
                DocumentKind::Markdown,
                "{text:?}"
            );
        }
    }

    #[test]
    fn large_and_hostile_inputs_stay_linear() {
        // Each would take minutes if any step were quadratic.
        // Unbalanced closing brackets are not part of the URL: they stay in the prose.
        let brackets = format!("see https://example.com/{} now", ")".repeat(200_000));
        let runs = plain(&brackets);
        assert_eq!(runs.len(), 2);
        assert!(runs[1].starts_with(")))") && runs[1].ends_with(") now"));
        let ats = format!("x{}", "@a".repeat(100_000));
        assert_eq!(plain(&ats).len(), 1);
        let schemes = "://".repeat(100_000);
        assert_eq!(plain(&schemes).len(), 1);
        let quotes = "> quoted\n".repeat(50_000) + "Ours.";
        assert_eq!(plain(&quotes), ["Ours."]);
        let attributions = "On a line\n".repeat(50_000);
        assert_eq!(plain(&attributions).len(), 50_000);
        let paragraph = "We are sorry, truly. ".repeat(40_000);
        let document = format!("# Title\n\n{paragraph}\n\n- item\n\n```\ncode\n```\n");
        assert_eq!(markdown(&document).len(), 3);
        let dashes = "---\nword\n".repeat(20_000);
        assert!(!markdown(&dashes).is_empty());
        let boundaries = format!(
            "Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n{}--b--\n",
            "--b\nContent-Type: text/html\n\n<p>x</p>\n".repeat(20_000)
        );
        assert!(
            read(&boundaries, DocumentKind::Email)
                .unreadable_body
                .is_some()
        );
    }
}
