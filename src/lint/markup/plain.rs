//! Plain text, and the body of an e-mail: read line by line.

use crate::lint::finding::TextRange;

use super::mail_history::{
    MailLines, classify_mail_lines, is_history_marker, is_quoted, is_signature_delimiter,
};
use super::runs_and_lines::{Line, LineIter, RunBuilder, is_blank};
use super::{Prose, ProseRun};

/// Plain text (also an e-mail body) in `region`, line by line; returns the raw runs.
pub(super) fn read_plain(text: &str, region: TextRange, prose: &mut Prose) -> Vec<ProseRun> {
    let lines: Vec<Line> = LineIter::new(text, region).collect();
    let mut builder = RunBuilder::default();
    builder.new_block();
    let mut after_blank = true;
    let mut in_code = false;
    let mut seen_body = false;
    let mut index = 0;
    while let Some(&line) = lines.get(index) {
        let content = line.text(text);
        if is_blank(content) {
            builder.new_block();
            after_blank = true;
            index += 1;
            continue;
        }
        if is_signature_delimiter(content, true) || is_history_marker(content) {
            break;
        }
        if is_quoted(content) {
            builder.new_block();
            after_blank = false;
            in_code = false;
            index += 1;
            continue;
        }
        match classify_mail_lines(text, &lines, index) {
            // Quoted history starts after the writer's own text.
            Some(MailLines::HeaderBlock(_)) if seen_body => break,
            // Before any body (a pasted draft that starts with headers) the block is skipped.
            Some(MailLines::HeaderBlock(count) | MailLines::Attribution(count)) => {
                builder.new_block();
                after_blank = false;
                index += count;
                continue;
            }
            None => {}
        }
        // An indented block after a blank line is code or a pasted log; an indented line right
        // under a prose line is that paragraph's continuation.
        if is_indented(content) && (after_blank || in_code) {
            if !in_code {
                prose.genre.code_blocks += 1;
                in_code = true;
            }
            builder.new_block();
            after_blank = false;
            index += 1;
            continue;
        }
        in_code = false;
        after_blank = false;
        index += 1;
        if is_separator_line(content) {
            builder.new_block();
            continue;
        }
        let indent = content.len() - content.trim_start().len();
        let mut start = line.start + indent;
        if let Some(marker) = list_marker_len(&content[indent..]) {
            prose.genre.list_items += 1;
            builder.new_block();
            start += marker;
        }
        builder.push(text, TextRange::new(start, line.end), false);
        seen_body = true;
    }
    builder.runs
}

/// A tab or at least four spaces of indentation.
fn is_indented(line: &str) -> bool {
    line.starts_with('\t') || line.starts_with("    ")
}

/// The length of a list-item marker (`- `, `* `, `• `, `1. `, `1) `) at the start of `line`.
fn list_marker_len(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "• ", "-\t", "*\t", "•\t"] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let bytes = line.as_bytes();
    let digits = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    // At most three digits: a wrapped line starting with a year ("2026. …") is not a list item.
    let numbered = (1..=3).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && matches!(bytes.get(digits + 1), Some(b' ' | b'\t'));
    numbered.then_some(digits + 2)
}

/// A line drawn with one repeated character (`-----`, `=====`, `*****`, `_____`): layout.
fn is_separator_line(line: &str) -> bool {
    let line = line.trim();
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    "-=_*~#+".contains(first) && line.len() >= 3 && chars.all(|c| c == first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::markup::DocumentKind;
    use crate::lint::markup::tests::{blocks_of, plain, read};

    #[test]
    fn plain_paragraphs_and_wrapped_lines() {
        let text =
            "Dear Ann,\n\nWe charged you twice for\none order. That was our error.\n\nBest,\nBen\n";
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            [
                "¶Dear Ann,",
                "¶We charged you twice for",
                "one order. That was our error.",
                "¶Best,",
                "Ben"
            ]
        );
    }

    #[test]
    fn plain_list_items_start_blocks() {
        let text = "We will:\n- refund the fee\n* send a new card\n• call you\n1. on Monday\n2) at noon\n2026. was a hard year\n";
        let prose = read(text, DocumentKind::PlainText);
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            [
                "¶We will:",
                "¶refund the fee",
                "¶send a new card",
                "¶call you",
                "¶on Monday",
                "¶at noon",
                "2026. was a hard year"
            ]
        );
        assert_eq!(prose.genre.list_items, 5);
    }

    #[test]
    fn plain_indented_block_after_blank_line_is_code() {
        let text = "The error was:\n\n    Error 503: sorry, try again\n\tat worker.rs:10\n\n    still the log\nWe fixed it.\n";
        let prose = read(text, DocumentKind::PlainText);
        assert_eq!(plain(text), ["The error was:", "We fixed it."]);
        assert_eq!(prose.genre.code_blocks, 1);
    }

    #[test]
    fn plain_indented_continuation_is_prose() {
        let text = "We are sorry that the parcel\n    arrived broken.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            ["¶We are sorry that the parcel", "arrived broken."]
        );
    }

    #[test]
    fn plain_quoted_lines_are_not_prose() {
        let text = "I have refunded you.\n> You never answer.\n  >> Nested quote.\nAnything else, just ask.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            ["¶I have refunded you.", "¶Anything else, just ask."]
        );
    }

    #[test]
    fn header_block_before_any_body_is_skipped_not_a_cut() {
        let text = "From: Support\nTo: Ann\nSubject: Your order\n\nWe sent the wrong colour.\n";
        assert_eq!(plain(text), ["We sent the wrong colour."]);
        // One `From:` line alone is prose.
        assert_eq!(
            plain("From: the whole team\nSorry."),
            ["From: the whole team", "Sorry."]
        );
    }

    #[test]
    fn plain_has_no_comment_syntax() {
        let text = "<!-- amends-disable-file -->\nSorry for any inconvenience.\n";
        let prose = read(text, DocumentKind::PlainText);
        assert!(prose.suppressions.is_empty());
        assert_eq!(
            plain(text),
            [
                "<!-- amends-disable-file -->",
                "Sorry for any inconvenience."
            ]
        );
    }

    #[test]
    fn plain_separator_lines_are_layout() {
        let text = "Summary\n=======\nWe lost it.\n*****\nWe found it.";
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            ["¶Summary", "¶We lost it.", "¶We found it."]
        );
    }

    #[test]
    fn plain_crlf_and_bom() {
        let text = "\u{feff}We shipped late.\r\n\r\n- a refund\r\n> quoted\r\nThanks.\r\n";
        assert_eq!(
            blocks_of(text, DocumentKind::PlainText),
            ["¶We shipped late.", "¶a refund", "¶Thanks."]
        );
        let prose = read(text, DocumentKind::PlainText);
        assert_eq!(prose.runs[0].range, TextRange::new(3, 19));
    }
}
