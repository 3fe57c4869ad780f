//! Markdown with each paragraph on one line, for readers that show every line break.
//!
//! The rule docs are hard-wrapped at 100 columns in their `//!` comments. In Markdown a single
//! line break inside a paragraph is a soft break, shown as a space; but some editors (Helix) show
//! it as a line break, so a hover built from the doc would break mid-sentence, and a terminal
//! narrower than the doc breaks each line again. [`join_paragraph_lines`] joins the lines of every
//! plain paragraph and keeps every other block exactly as written: headings, list items with their
//! continuation lines, fenced and indented code, tables, block quotes, HTML, thematic breaks, and
//! hard line breaks (two trailing spaces or a backslash). [`wrap_paragraphs`] then wraps those
//! paragraphs again at a width of the reader's choosing. Both are one pass over the lines.

/// What the line before belongs to: decides whether the next line joins it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// The start, a blank line, or a block of one line (heading, thematic break).
    Between,
    /// A paragraph the next plain line continues.
    Paragraph,
    /// A paragraph whose last line ends in a hard break: the next line keeps its own line.
    ParagraphAfterHardBreak,
    /// Inside a fenced code block, opened by `length` times `marker`.
    Fenced { marker: u8, length: usize },
    /// Inside a list item; `content_indent` is where its text starts (after the marker).
    ListItem { content_indent: usize },
    /// A blank line inside a list: a line indented to the item's text still belongs to it.
    ListGap { content_indent: usize },
    /// Indented code: it goes on while lines are indented four columns.
    IndentedCode,
    /// A table, a block quote or HTML: kept line for line up to a blank line.
    Verbatim,
}

/// `markdown` with the lines of each plain paragraph joined by single spaces; everything else
/// as it was. Rendered as CommonMark, the result is the same document.
pub fn join_paragraph_lines(markdown: &str) -> String {
    let mut joined = String::with_capacity(markdown.len());
    let mut block = Block::Between;
    for (index, line) in markdown.split('\n').enumerate() {
        let (next, joins) = classify(line, block);
        if joins {
            let kept = joined.trim_end_matches([' ', '\t']).len();
            joined.truncate(kept);
            joined.push(' ');
            joined.push_str(line.trim_start_matches([' ', '\t']));
        } else {
            if index > 0 {
                joined.push('\n');
            }
            joined.push_str(line);
        }
        block = next;
    }
    joined
}

/// [`join_paragraph_lines`], then each joined paragraph wrapped at `width` characters (a word
/// longer than that keeps a line of its own); other blocks as written.
pub fn wrap_paragraphs(markdown: &str, width: usize) -> String {
    let joined = join_paragraph_lines(markdown);
    let mut wrapped = String::with_capacity(joined.len());
    let mut block = Block::Between;
    for (index, line) in joined.split('\n').enumerate() {
        let (next, _) = classify(line, block);
        if index > 0 {
            wrapped.push('\n');
        }
        if matches!(next, Block::Paragraph | Block::ParagraphAfterHardBreak) {
            wrap_line(line, width, &mut wrapped);
        } else {
            wrapped.push_str(line);
        }
        block = next;
    }
    wrapped
}

/// Greedy word wrap of one paragraph line; its indentation stays on the first line only, as a
/// continuation line's indentation means nothing in a paragraph.
fn wrap_line(line: &str, width: usize, out: &mut String) {
    let hard_break = trailing_hard_break(line);
    let mut column = 0;
    for word in line.split([' ', '\t']).filter(|word| !word.is_empty()) {
        let length = word.chars().count();
        if column == 0 {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            out.push_str(&line[..indent]);
            column = indent;
        } else if column + 1 + length > width && !could_start_a_block(word) {
            out.push('\n');
            column = 0;
        } else {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += length;
    }
    out.push_str(hard_break);
}

/// Whether `word` at the start of a line could open a block (a list item, a heading, a quote, a
/// fence, a table, HTML, a setext underline) instead of going on with the paragraph.
fn could_start_a_block(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0 && digits + 1 == word.len() && word.ends_with(['.', ')']);
    let all = |mark: u8| word.bytes().all(|byte| byte == mark);
    ordered
        || ["-", "+", "*"].contains(&word)
        || (word.len() <= 6 && all(b'#'))
        || [b'-', b'=', b'_', b'*'].into_iter().any(all)
        || word.starts_with(['>', '|'])
        || word.starts_with("```")
        || word.starts_with("~~~")
        || starts_html(word)
}

/// The hard break a paragraph line ends in: two or more spaces (kept as two) or a backslash
/// (already part of the last word).
fn trailing_hard_break(line: &str) -> &'static str {
    if line.ends_with("  ") && !line.trim().is_empty() {
        "  "
    } else {
        ""
    }
}

/// The block `line` starts or continues after a line in `block`, and whether it joins the
/// paragraph before it.
fn classify(line: &str, block: Block) -> (Block, bool) {
    if let Block::Fenced { marker, length } = block {
        let closes = fence(line).is_some_and(|(closing_marker, closing_length, info)| {
            closing_marker == marker && closing_length >= length && info.trim().is_empty()
        });
        return (if closes { Block::Between } else { block }, false);
    }
    if line.trim().is_empty() {
        let next = match block {
            Block::ListItem { content_indent } | Block::ListGap { content_indent } => {
                Block::ListGap { content_indent }
            }
            _ => Block::Between,
        };
        return (next, false);
    }
    let indent = indentation(line);
    match block {
        // Anything not blank right after a list item's line is its continuation.
        Block::ListItem { .. } => return (block, false),
        Block::ListGap { content_indent } if indent >= content_indent => {
            return (Block::ListItem { content_indent }, false);
        }
        Block::Verbatim => return (block, false),
        Block::IndentedCode if indent >= 4 => return (block, false),
        _ => {}
    }
    let in_paragraph = block == Block::Paragraph || block == Block::ParagraphAfterHardBreak;
    if indent >= 4 {
        // Indented code, except inside a paragraph, where it is a lazy continuation line.
        return if in_paragraph {
            (paragraph_after(line), block == Block::Paragraph)
        } else {
            (Block::IndentedCode, false)
        };
    }
    let content = &line[indent..];
    if let Some((marker, length, _)) = fence(line) {
        return (Block::Fenced { marker, length }, false);
    }
    if is_heading(content) || is_thematic_break(content) || (in_paragraph && is_setext(content)) {
        return (Block::Between, false);
    }
    if content.starts_with('>') || content.starts_with('|') || starts_html(content) {
        return (Block::Verbatim, false);
    }
    if let Some(marker_width) = list_marker(content, in_paragraph) {
        let after_marker = &content[marker_width..];
        let spaces = after_marker.len() - after_marker.trim_start_matches(' ').len();
        // One to four spaces after the marker; more means indented code inside the item.
        let padding = if (1..=4).contains(&spaces) { spaces } else { 1 };
        let content_indent = indent + marker_width + padding;
        return (Block::ListItem { content_indent }, false);
    }
    (paragraph_after(line), block == Block::Paragraph)
}

/// The paragraph state after `line`, which belongs to a paragraph.
fn paragraph_after(line: &str) -> Block {
    if line.ends_with("  ") || line.ends_with('\\') {
        Block::ParagraphAfterHardBreak
    } else {
        Block::Paragraph
    }
}

/// Leading indentation in columns (a tab to the next multiple of four).
fn indentation(line: &str) -> usize {
    let mut columns = 0;
    for byte in line.bytes() {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// A code fence (three or more backticks or tildes, indented at most three spaces): its
/// marker, its length and the info string after it.
fn fence(line: &str) -> Option<(u8, usize, &str)> {
    let content = line.trim_start_matches(' ');
    if line.len() - content.len() > 3 {
        return None;
    }
    let marker = *content.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let length = content.bytes().take_while(|&byte| byte == marker).count();
    let info = &content[length..];
    // A backtick fence's info string has no backtick (that would be inline code).
    (length >= 3 && !(marker == b'`' && info.contains('`'))).then_some((marker, length, info))
}

/// An ATX heading: one to six `#`, then a space or the end of the line.
fn is_heading(content: &str) -> bool {
    let hashes = content.bytes().take_while(|&byte| byte == b'#').count();
    (1..=6).contains(&hashes) && matches!(content.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// `***`, `---` or `___` (three or more, spaces allowed between).
fn is_thematic_break(content: &str) -> bool {
    let mut marks = content
        .bytes()
        .filter(|&byte| byte != b' ' && byte != b'\t');
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, b'*' | b'-' | b'_') && {
        let mut count = 1;
        marks.all(|byte| {
            count += 1;
            byte == first
        }) && count >= 3
    }
}

/// The underline of a setext heading (`===` or `---`), which a paragraph line must not join.
fn is_setext(content: &str) -> bool {
    let marks = content.trim_end();
    !marks.is_empty()
        && (marks.bytes().all(|byte| byte == b'=') || marks.bytes().all(|b| b == b'-'))
}

/// The start of an HTML block: `<` then a tag name, `/` or `!`.
fn starts_html(content: &str) -> bool {
    let mut bytes = content.bytes();
    bytes.next() == Some(b'<')
        && bytes
            .next()
            .is_some_and(|byte| byte.is_ascii_alphabetic() || byte == b'/' || byte == b'!')
}

/// The width of a list marker at the start of `content` (`-`, `*`, `+`, or up to nine digits and
/// `.` or `)`), followed by a space or the end of the line. Inside a paragraph only an item with
/// text, and of an ordered list only one starting at 1, begins a list (CommonMark): "2019. That
/// year…" on a wrapped line goes on the paragraph.
fn list_marker(content: &str, in_paragraph: bool) -> Option<usize> {
    let bytes = content.as_bytes();
    let digits = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let width = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            if in_paragraph && &content[..digits] != "1" {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let rest = &content[width..];
    let has_text = !rest.trim().is_empty();
    let separated = rest.is_empty() || rest.starts_with([' ', '\t']);
    (separated && (has_text || !in_paragraph)).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_becomes_one_line() {
        assert_eq!(
            join_paragraph_lines(
                "We lost your parcel\nand we are sorry.\n\nNext one\n  goes on.\n"
            ),
            "We lost your parcel and we are sorry.\n\nNext one goes on.\n"
        );
    }

    #[test]
    fn trailing_spaces_before_a_soft_break_go() {
        assert_eq!(join_paragraph_lines("one \ntwo"), "one two");
    }

    #[test]
    fn hard_breaks_stay() {
        let text = "Dear Anna,  \nwe are sorry.\\\nTruly.\n";
        assert_eq!(join_paragraph_lines(text), text);
    }

    #[test]
    fn list_items_and_their_continuation_lines_stay() {
        let text = "Before the list\ngoes on.\n- first item\n  continued here\n- second\n\n  \
                    its second paragraph\n  on two lines\n1. one\n2. two\n\nAfter.\n";
        assert_eq!(
            join_paragraph_lines(text),
            "Before the list goes on.\n- first item\n  continued here\n- second\n\n  \
             its second paragraph\n  on two lines\n1. one\n2. two\n\nAfter.\n"
        );
    }

    #[test]
    fn an_ordered_number_other_than_one_goes_on_the_paragraph() {
        assert_eq!(
            join_paragraph_lines("It happened in\n2019. That year we moved.\n"),
            "It happened in 2019. That year we moved.\n"
        );
        assert_eq!(join_paragraph_lines("A dash\n-\nalone"), "A dash\n-\nalone");
    }

    #[test]
    fn code_blocks_stay() {
        // A fence closes only on a fence of its own kind, as long or longer, without words.
        let text = "Text\nbefore.\n```text\nline one\nline two\n``` still code\n~~~\n```\n\n    \
                    indented\n    code\n~~~\nx\ny\n~~~\nafter\nfence.\n";
        assert_eq!(
            join_paragraph_lines(text),
            "Text before.\n```text\nline one\nline two\n``` still code\n~~~\n```\n\n    \
             indented\n    code\n~~~\nx\ny\n~~~\nafter fence.\n"
        );
    }

    #[test]
    fn an_indented_line_inside_a_paragraph_is_its_continuation() {
        assert_eq!(join_paragraph_lines("one\n      two"), "one two");
    }

    #[test]
    fn headings_tables_quotes_and_breaks_stay() {
        let text = "# Title\nText\nhere.\n## Next\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\
                    lazy\n\nSetext\nheading\n---\n***\n<div>\nhtml\n</div>\n";
        assert_eq!(
            join_paragraph_lines(text),
            "# Title\nText here.\n## Next\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\
             lazy\n\nSetext heading\n---\n***\n<div>\nhtml\n</div>\n"
        );
    }

    #[test]
    fn wrapping_fills_lines_up_to_the_width() {
        let text =
            "We lost your\nparcel and we are\nsorry about it.\n\n- a list item that is long\n";
        assert_eq!(
            wrap_paragraphs(text, 20),
            "We lost your parcel\nand we are sorry\nabout it.\n\n- a list item that is long\n"
        );
        assert_eq!(
            wrap_paragraphs("unbreakable-word here", 5),
            "unbreakable-word\nhere"
        );
    }

    #[test]
    fn a_paragraph_after_indented_code_is_joined() {
        assert_eq!(
            join_paragraph_lines(
                "    code
    more
Text
here."
            ),
            "    code\n    more\nText here."
        );
    }

    #[test]
    fn a_wrapped_line_never_starts_a_block() {
        // "- sorry" or "2. we" at the start of a line would become a list item.
        assert_eq!(
            wrap_paragraphs("we were late - sorry 2. again # three *if* ok", 12),
            "we were late -\nsorry 2.\nagain #\nthree *if*\nok"
        );
    }

    #[test]
    fn a_megabyte_paragraph_joins_into_one_line() {
        let text = "word\n".repeat(200_000);
        let joined = join_paragraph_lines(&text);
        assert_eq!(joined.len(), text.len());
        assert!(!joined.trim_end().contains('\n'));
    }
}
