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
//!   a body amends cannot read at exact offsets (quoted-printable, base64, HTML-only) gets one
//!   `info` notice instead of findings at wrong positions.
//!
//! For every kind, mail conventions mark where the writer's text stops: quoted lines (`>`),
//! "On … wrote:" attributions, an Outlook header block or `-----Original Message-----`, and a
//! signature delimiter (`-- `). Bare URLs and e-mail addresses are cut out of the runs last.
//!
//! Everything here is a single forward pass over the text (plus pulldown-cmark's own parse), with
//! no backtracking patterns: a 1 MB document costs milliseconds.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::lint::finding::{Finding, Severity, TextRange};
use crate::lint::suppress::Suppressions;

/// The rule id of the notice for an e-mail body amends cannot read.
pub const UNREADABLE_EMAIL_BODY: &str = "unreadable-email-body";

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
    /// Findings about the reading itself (an e-mail body amends cannot decode).
    pub notices: Vec<Finding>,
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

// ---------------------------------------------------------------------------------------------
// Markdown

/// Markdown via pulldown-cmark; returns the raw runs (before URLs are cut out).
fn read_markdown(text: &str, start: usize, prose: &mut Prose) -> Vec<ProseRun> {
    // Front matter is only front matter at the very top. pulldown-cmark's metadata-block option
    // would also swallow everything between two `---` lines further down (a thematic break
    // followed directly by text), which drafts use as separators, so we find it ourselves and
    // parse the rest without that option.
    let mut opaque = Vec::new();
    let markdown_start = match front_matter_end(text, start) {
        Some(end) => {
            opaque.push(TextRange::new(start, end));
            end
        }
        None => start,
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;

    let mut builder = RunBuilder::default();
    let mut comments = Vec::new();
    let mut headings = Vec::new();
    let mut code_block_starts = Vec::new();
    let mut list_item_starts = Vec::new();
    // For each open tag: does it hide its content? `hidden` counts the open ones that do.
    let mut hides_stack: Vec<bool> = Vec::new();
    let mut hidden = 0usize;

    let parser = Parser::new_ext(&text[markdown_start..], options).into_offset_iter();
    for (event, range) in parser {
        let range = TextRange::new(markdown_start + range.start, markdown_start + range.end);
        match event {
            Event::Start(tag) => {
                if is_block_tag(&tag) {
                    builder.new_block();
                }
                if hidden == 0 {
                    match tag {
                        Tag::Heading { .. } => headings.push(range),
                        Tag::Item => list_item_starts.push(range.start),
                        Tag::CodeBlock(_) => {
                            code_block_starts.push(range.start);
                            opaque.push(range);
                        }
                        Tag::BlockQuote(_) => opaque.push(range),
                        Tag::HtmlBlock => {
                            opaque.push(range);
                            find_comments(text, range, &mut comments);
                        }
                        _ => {}
                    }
                }
                let hides = hides_prose(&tag);
                hidden += usize::from(hides);
                hides_stack.push(hides);
            }
            Event::End(tag) => {
                if hides_stack.pop() == Some(true) {
                    hidden -= 1;
                }
                if is_block_end(tag) {
                    builder.new_block();
                }
            }
            Event::Text(_) if hidden == 0 => builder.push(text, range, true),
            Event::InlineHtml(_) if hidden == 0 => find_comments(text, range, &mut comments),
            Event::Rule => builder.new_block(),
            // Inline code, footnote references, task markers, line breaks and hidden text are not
            // prose; a line break stays visible to consumers as the gap between two runs.
            _ => {}
        }
    }

    let tail = scan_markdown_mail(text, TextRange::new(start, text.len()), &opaque);
    let cutoff = tail.history_start.unwrap_or(text.len());
    prose.genre.headings = headings
        .iter()
        // A setext heading whose underline is the `-- ` signature delimiter is a signature.
        .filter(|heading| heading.start < cutoff && !heading.contains(cutoff))
        .count();
    prose.genre.code_blocks = code_block_starts.iter().filter(|&&at| at < cutoff).count();
    prose.genre.list_items = list_item_starts.iter().filter(|&&at| at < cutoff).count();
    prose.suppressions = Suppressions::from_comments(text, &comments);

    let mut runs = builder.runs;
    clip_runs(&mut runs, cutoff);
    subtract(runs, &tail.excluded, true)
}

/// Tags that start a block, so that text after them starts a new sentence.
fn is_block_tag(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Containers whose text is not the writer's prose: code, HTML, quoted words (block quotes are
/// usually the customer's own words or mail history), an image's alt text (it describes a
/// picture; the reader of the message does not see it as text) and autolinks (a URL).
fn hides_prose(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::Image { .. }
            | Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }
    )
}

/// Where YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter at `start` ends (the
/// offset after its closing line), following pulldown-cmark's rules: the opening line holds only
/// the fence, the next line is not blank, and the block must be closed.
fn front_matter_end(text: &str, start: usize) -> Option<usize> {
    let mut lines = LineIter::new(text, TextRange::new(start, text.len()));
    let opening = lines.next()?;
    let fence = opening.text(text).trim_end();
    let closings: &[&str] = match fence {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    let first = lines.next()?;
    if is_blank(first.text(text)) || closings.contains(&first.text(text).trim_end()) {
        return None;
    }
    lines
        .find(|line| closings.contains(&line.text(text).trim_end()))
        .map(|closing| closing.next)
}

/// The byte ranges of the HTML comments (`<!--` … `-->`) inside `range`.
fn find_comments(text: &str, range: TextRange, comments: &mut Vec<TextRange>) {
    let mut from = range.start;
    while let Some(open) = text[from..range.end].find("<!--") {
        let start = from + open;
        let Some(close) = text[start + 4..range.end].find("-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        comments.push(TextRange::new(start, end));
        from = end;
    }
}

/// Mail structure in a Markdown document, found line by line outside code, HTML and quotes.
struct MailTail {
    /// Quoted history or a signature starts here: nothing after it is prose.
    history_start: Option<usize>,
    /// Attribution lines ("On … wrote:") to cut out of the runs.
    excluded: Vec<TextRange>,
}

fn scan_markdown_mail(text: &str, region: TextRange, opaque: &[TextRange]) -> MailTail {
    let lines: Vec<Line> = LineIter::new(text, region).collect();
    let mut tail = MailTail {
        history_start: None,
        excluded: Vec::new(),
    };
    let mut next_opaque = 0;
    let mut seen_body = false;
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        while opaque
            .get(next_opaque)
            .is_some_and(|block| block.end <= line.start)
        {
            next_opaque += 1;
        }
        let inside_opaque = opaque
            .get(next_opaque)
            .is_some_and(|block| block.start <= line.start);
        let content = line.text(text);
        if inside_opaque || is_blank(content) || is_quoted(content) {
            index += 1;
            continue;
        }
        // A bare `--` under a line is a setext heading underline in Markdown, so only the
        // RFC 3676 delimiter with its trailing space marks a signature here.
        if is_signature_delimiter(content, false) {
            // A signature cannot hold a new section: in Markdown it ends at an ATX heading after
            // a blank line (drafts that collect several replies in one file), else at the end.
            let next_heading = (index + 1..lines.len()).find(|&later| {
                let candidate = lines[later];
                // `opaque` is sorted: a binary search, not a scan per line.
                let before = opaque.partition_point(|block| block.start <= candidate.start);
                let in_code = before > 0 && candidate.start < opaque[before - 1].end;
                let after_blank = is_blank(lines[later - 1].text(text));
                !in_code && after_blank && is_atx_heading(candidate.text(text))
            });
            match next_heading {
                Some(heading) => {
                    tail.excluded
                        .push(TextRange::new(line.start, lines[heading].start));
                    index = heading;
                    continue;
                }
                None => {
                    tail.history_start = Some(line.start);
                    break;
                }
            }
        }
        if is_history_marker(content) {
            tail.history_start = Some(line.start);
            break;
        }
        match classify_mail_lines(text, &lines, index) {
            Some(MailLines::HeaderBlock(_)) if seen_body => {
                tail.history_start = Some(line.start);
                break;
            }
            Some(MailLines::HeaderBlock(count) | MailLines::Attribution(count)) => {
                let last = lines[index + count - 1];
                tail.excluded.push(TextRange::new(line.start, last.end));
                index += count;
            }
            None => {
                seen_body = true;
                index += 1;
            }
        }
    }
    tail
}

// ---------------------------------------------------------------------------------------------
// Plain text

/// Plain text (also an e-mail body) in `region`, line by line; returns the raw runs.
fn read_plain(text: &str, region: TextRange, prose: &mut Prose) -> Vec<ProseRun> {
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

// ---------------------------------------------------------------------------------------------
// E-mail

/// An `.eml` file: headers (only `Subject:` is prose), then the first readable plain-text body.
fn read_email(text: &str, start: usize, prose: &mut Prose) -> Vec<ProseRun> {
    let headers = Headers::parse(text, TextRange::new(start, text.len()));
    prose.genre.email_headers = !headers.fields.is_empty();
    let mut runs = Vec::new();
    if let Some(subject) = headers.get(text, "subject") {
        push_subject(text, subject.value, &mut runs);
    }

    let body = TextRange::new(headers.body_start, text.len());
    let mut search = BodySearch::default();
    search.entity(text, &headers, body, 0);
    match search.verdict(&headers, text, body) {
        Ok(plain) => runs.extend(read_plain(text, plain, prose)),
        Err(notice) => prose.notices.push(notice),
    }
    runs
}

/// The `Subject:` value as runs, one per folded line, without `Re:`/`Fwd:` prefixes (those are
/// the mail program's words). An RFC 2047 encoded subject (`=?UTF-8?Q?…?=`) cannot be linted at
/// exact offsets and is left out.
fn push_subject(text: &str, value: TextRange, runs: &mut Vec<ProseRun>) {
    let raw = value.slice(text);
    if raw.contains("=?") && raw.contains("?=") {
        return;
    }
    let mut start = value.start;
    loop {
        let rest = &text[start..value.end];
        let trimmed = rest.trim_start();
        let Some(colon) = trimmed.find(':') else {
            break;
        };
        let prefix = &trimmed[..colon];
        if ["re", "fw", "fwd", "aw", "antw", "doorst", "wg"]
            .iter()
            .any(|known| known.eq_ignore_ascii_case(prefix))
        {
            start += rest.len() - trimmed.len() + colon + 1;
        } else {
            break;
        }
    }
    let mut first = true;
    for line in LineIter::new(text, TextRange::new(start, value.end)) {
        runs.push(ProseRun {
            range: line.range(),
            block_start: first,
        });
        first = false;
    }
}

/// One header field: `name: value`, with folded continuation lines.
#[derive(Clone, Copy, Debug)]
struct Header {
    name: TextRange,
    /// From after the colon (and leading spaces) to the end of the last continuation line.
    value: TextRange,
    /// The whole field, name to end of value, without the final line break.
    whole: TextRange,
}

/// A header section (of the message or of one MIME part) and where its body starts.
#[derive(Debug)]
struct Headers {
    fields: Vec<Header>,
    body_start: usize,
}

impl Headers {
    /// Reads header fields from the start of `region` up to the first blank line. A line that is
    /// neither a header nor a continuation ends the headers without a blank line (the body
    /// starts there), so a file with no headers at all is all body.
    fn parse(text: &str, region: TextRange) -> Headers {
        let mut fields: Vec<Header> = Vec::new();
        for (index, line) in LineIter::new(text, region).enumerate() {
            let content = line.text(text);
            if is_blank(content) {
                return Headers {
                    fields,
                    body_start: line.next,
                };
            }
            if index == 0 && content.starts_with("From ") {
                // An mbox separator line ("From ann@example.com Tue Mar  3 10:14:00 2026").
                continue;
            }
            if content.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    let end = line.start + content.trim_end().len();
                    last.value.end = end;
                    last.whole.end = end;
                    continue;
                }
            } else if let Some(name) = header_name(content) {
                let after_colon = line.start + name.len() + 1;
                let value = &text[after_colon..line.end];
                let value_start = after_colon + (value.len() - value.trim_start().len());
                let value_end = (line.start + content.trim_end().len()).max(value_start);
                fields.push(Header {
                    name: TextRange::new(line.start, line.start + name.len()),
                    value: TextRange::new(value_start, value_end),
                    whole: TextRange::new(line.start, value_end),
                });
                continue;
            }
            return Headers {
                fields,
                body_start: line.start,
            };
        }
        Headers {
            fields,
            body_start: region.end,
        }
    }

    fn get(&self, text: &str, name: &str) -> Option<&Header> {
        self.fields
            .iter()
            .find(|field| field.name.slice(text).eq_ignore_ascii_case(name))
    }

    /// The unfolded value of a field, if present.
    fn value(&self, text: &str, name: &str) -> Option<String> {
        self.get(text, name)
            .map(|field| unfold(field.value.slice(text)))
    }

    /// The media type (lowercase) and parameters of `Content-Type`.
    fn content_type(&self, text: &str) -> Option<ContentType> {
        self.value(text, "content-type")
            .map(|value| ContentType::parse(&value))
    }

    /// `Content-Transfer-Encoding`, lowercase; `None` when absent (which means 7bit).
    fn transfer_encoding(&self, text: &str) -> Option<String> {
        self.value(text, "content-transfer-encoding")
            .map(|value| value.trim().to_ascii_lowercase())
    }

    fn is_attachment(&self, text: &str) -> bool {
        self.value(text, "content-disposition")
            .is_some_and(|value| {
                value
                    .trim_start()
                    .get(..10)
                    .is_some_and(|word| word.eq_ignore_ascii_case("attachment"))
            })
    }
}

/// The name of a `Name: value` header line: printable ASCII without spaces, before a colon.
fn header_name(line: &str) -> Option<&str> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let valid = !name.is_empty() && name.bytes().all(|byte| (33..=126).contains(&byte));
    valid.then_some(name)
}

/// A folded header value on one line.
fn unfold(value: &str) -> String {
    value
        .split('\n')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

struct ContentType {
    media_type: String,
    boundary: Option<String>,
}

impl ContentType {
    /// `type/subtype; name=value; name="quoted value"`.
    fn parse(value: &str) -> ContentType {
        let mut parts = split_parameters(value).into_iter();
        let media_type = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let boundary = parts.find_map(|parameter| {
            let (name, value) = parameter.split_once('=')?;
            name.trim().eq_ignore_ascii_case("boundary").then(|| {
                let value = value.trim();
                value
                    .strip_prefix('"')
                    .and_then(|quoted| quoted.strip_suffix('"'))
                    .unwrap_or(value)
                    .to_owned()
            })
        });
        ContentType {
            media_type,
            boundary: boundary.filter(|boundary| !boundary.is_empty()),
        }
    }
}

/// Splits a header value at `;` outside double quotes.
fn split_parameters(value: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_quotes = false;
    let mut from = 0;
    for (index, c) in value.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => {
                parts.push(&value[from..index]);
                from = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&value[from..]);
    parts
}

/// The parts of a `multipart/*` body: for each, the range between its delimiter line and the
/// line break before the next delimiter (RFC 2046 §5.1.1: that line break belongs to the
/// delimiter).
fn multipart_parts(text: &str, body: TextRange, boundary: &str) -> Vec<TextRange> {
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut part_start: Option<usize> = None;
    for line in LineIter::new(text, body) {
        let Some(rest) = line.text(text).strip_prefix(delimiter.as_str()) else {
            continue;
        };
        let rest = rest.trim_end();
        let closing = rest == "--";
        if !rest.is_empty() && !closing {
            continue;
        }
        if let Some(start) = part_start.take() {
            let end = line_break_before(text, line.start).max(start);
            parts.push(TextRange::new(start, end));
        }
        if closing {
            return parts;
        }
        part_start = Some(line.next);
    }
    if let Some(start) = part_start {
        parts.push(TextRange::new(start, body.end));
    }
    parts
}

/// The start of the line break that ends just before `line_start`.
fn line_break_before(text: &str, line_start: usize) -> usize {
    let before = &text[..line_start];
    if before.ends_with("\r\n") {
        line_start - 2
    } else if before.ends_with('\n') {
        line_start - 1
    } else {
        line_start
    }
}

/// How deep `multipart/*` parts may nest before we stop looking (real mail nests two or three).
const MAX_MIME_DEPTH: usize = 8;

/// The search for the body to lint: the first `text/plain` part we can read byte-exactly, and
/// what we saw on the way in case there is none.
#[derive(Default)]
struct BodySearch {
    plain: Option<TextRange>,
    /// The first `text/plain` part in an encoding we cannot lint: (encoding, its header line).
    encoded_plain: Option<(String, TextRange)>,
    /// The `Content-Type` line of the first HTML part.
    html: Option<TextRange>,
    /// The first other media type and its `Content-Type` line.
    other: Option<(String, TextRange)>,
}

impl BodySearch {
    fn entity(&mut self, text: &str, headers: &Headers, body: TextRange, depth: usize) {
        if self.plain.is_some() || headers.is_attachment(text) {
            return;
        }
        let content_type = headers.content_type(text);
        let type_line = headers
            .get(text, "content-type")
            .map_or(TextRange::empty(body.start), |field| field.whole);
        let media_type = content_type.as_ref().map_or("text/plain", |content_type| {
            content_type.media_type.as_str()
        });
        if media_type == "text/plain" {
            match headers.transfer_encoding(text).as_deref() {
                None | Some("7bit" | "8bit" | "binary" | "") => self.plain = Some(body),
                Some(encoding) => {
                    if self.encoded_plain.is_none() {
                        let line = headers
                            .get(text, "content-transfer-encoding")
                            .map_or(type_line, |field| field.whole);
                        self.encoded_plain = Some((encoding.to_owned(), line));
                    }
                }
            }
        } else if media_type.starts_with("multipart/") {
            let boundary = content_type.and_then(|content_type| content_type.boundary);
            if let Some(boundary) = boundary
                && depth < MAX_MIME_DEPTH
            {
                for part in multipart_parts(text, body, &boundary) {
                    let part_headers = Headers::parse(text, part);
                    let part_body = TextRange::new(part_headers.body_start.min(part.end), part.end);
                    self.entity(text, &part_headers, part_body, depth + 1);
                    if self.plain.is_some() {
                        return;
                    }
                }
            }
        } else if media_type == "text/html" {
            self.html.get_or_insert(type_line);
        } else if self.other.is_none() {
            self.other = Some((media_type.to_owned(), type_line));
        }
    }

    /// The plain-text range to lint, or the one notice saying why there is none.
    fn verdict(self, headers: &Headers, text: &str, body: TextRange) -> Result<TextRange, Finding> {
        if let Some(plain) = self.plain {
            return Ok(plain);
        }
        let (what, range) = if let Some((encoding, line)) = self.encoded_plain {
            let what = match encoding.as_str() {
                "quoted-printable" => "quoted-printable encoded".to_owned(),
                "base64" => "base64 encoded".to_owned(),
                other => format!("in the \"{other}\" transfer encoding"),
            };
            (what, line)
        } else if let Some(line) = self.html {
            ("HTML only".to_owned(), line)
        } else if let Some((media_type, line)) = self.other {
            (format!("{media_type}, not plain text"), line)
        } else {
            let line = headers
                .get(text, "content-type")
                .map_or(TextRange::empty(body.start), |field| field.whole);
            (
                "without a plain-text part amends could find".to_owned(),
                line,
            )
        };
        Err(Finding {
            rule: UNREADABLE_EMAIL_BODY,
            severity: Severity::Info,
            message: format!(
                "This e-mail's body is {what}, so amends did not check it; save the message as \
                 plain text (7bit or 8bit) to lint it."
            )
            .into(),
            range,
            fixes: Vec::new(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Mail history and signatures (all kinds)

/// `>` quoting, after optional spaces: the customer's words or earlier mail.
fn is_quoted(line: &str) -> bool {
    line.trim_start_matches([' ', '\t']).starts_with('>')
}

/// `# Heading` … `###### Heading` (up to three spaces of indent).
fn is_atx_heading(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes)
        && trimmed[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\r')
}

/// The RFC 3676 signature delimiter `-- `; where allowed, also the bare `--` that many mail
/// programs and people write.
fn is_signature_delimiter(line: &str, bare_allowed: bool) -> bool {
    line == "-- " || (bare_allowed && line == "--")
}

/// A line that opens forwarded or quoted history: `-----Original Message-----`, Gmail's
/// `---------- Forwarded message ---------`, Apple Mail's `Begin forwarded message:`, and the
/// Dutch forms.
fn is_history_marker(line: &str) -> bool {
    // Every marker starts with `-` or `B`: most lines are passed over after their first letter.
    let line = line.trim_start();
    if !line.starts_with(['-', 'B']) {
        return false;
    }
    let line = line.trim_end();
    if line.starts_with("--") {
        let core = line.trim_matches(|c: char| c == '-' || c == ' ');
        return [
            "original message",
            "forwarded message",
            "oorspronkelijk bericht",
            "doorgestuurd bericht",
        ]
        .iter()
        .any(|marker| marker.eq_ignore_ascii_case(core));
    }
    line == "Begin forwarded message:" || line == "Begin doorgestuurd bericht:"
}

/// Lines that are mail structure rather than the writer's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MailLines {
    /// "On Tue, 3 Mar 2026 at 10:14, Ann <ann@example.com> wrote:" over this many lines (1–2).
    Attribution(usize),
    /// An Outlook-style `From:` / `Sent:` / `To:` / `Subject:` block of this many lines.
    HeaderBlock(usize),
}

/// What the lines starting at `index` are, if they are mail structure.
fn classify_mail_lines(text: &str, lines: &[Line], index: usize) -> Option<MailLines> {
    // A header block opens with `From:` or `Van:` (perhaps in bold), an attribution with "On"
    // or "Op": most lines are passed over after their first letter.
    let first = lines[index].text(text).trim_start();
    if !first.starts_with(['F', 'f', 'V', 'v', '*', 'O']) {
        return None;
    }
    let first = first.trim_end();
    if let Some(count) = header_block_len(text, lines, index) {
        return Some(MailLines::HeaderBlock(count));
    }
    if !(first.starts_with("On ") || first.starts_with("Op ")) {
        return None;
    }
    // An attribution names a date or an address; this keeps "On behalf of the team, …" prose.
    const MAX_ATTRIBUTION: usize = 300;
    if first.len() <= MAX_ATTRIBUTION && is_attribution(first, first) {
        return Some(MailLines::Attribution(1));
    }
    let second = lines.get(index + 1)?.text(text).trim();
    let names_date_or_address = first.contains(|c: char| c.is_ascii_digit() || c == '@');
    (!second.is_empty()
        && first.len() + second.len() < MAX_ATTRIBUTION
        && names_date_or_address
        && is_attribution(first, second))
    .then_some(MailLines::Attribution(2))
}

/// An attribution starting with `first` and ending with `last` (the same line, or two).
fn is_attribution(first: &str, last: &str) -> bool {
    if first.starts_with("On ") {
        return last.ends_with("wrote:");
    }
    // Dutch: "Op di 3 mrt 2026 om 10:14 schreef Ann Smith <ann@example.com>:" or Apple Mail's
    // "Op 3 mrt. 2026 om 10:14 heeft Ann Smith het volgende geschreven:".
    first.starts_with("Op ")
        && last.ends_with(':')
        && (first.contains("schreef") || last.contains("schreef") || last.ends_with("geschreven:"))
}

/// An Outlook-style quoted header block at `index`: a `From:` (or `Van:`) line followed, within
/// the next five lines, by at least two of `Sent:`/`Date:`/`To:`/`Subject:`/`Cc:` (or the Dutch
/// names). Returns how many consecutive lines the block has.
fn header_block_len(text: &str, lines: &[Line], index: usize) -> Option<usize> {
    fn field(line: &str) -> Option<&str> {
        let line = line.trim_start().trim_start_matches('*');
        // The name before the colon (less trailing `*`) is a known, ASCII-letter name: read the
        // letters and check that a colon follows, rather than search a paragraph for a colon.
        let letters = line.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (name, rest) = line.split_at(letters);
        if !rest.trim_start_matches('*').starts_with(':') {
            return None;
        }
        [
            "From",
            "Sent",
            "Date",
            "To",
            "Subject",
            "Cc",
            "Van",
            "Verzonden",
            "Datum",
            "Aan",
            "Onderwerp",
        ]
        .into_iter()
        .find(|known| known.eq_ignore_ascii_case(name))
    }
    let opening = field(lines[index].text(text))?;
    if opening != "From" && opening != "Van" {
        return None;
    }
    let mut count = 1;
    let mut others = 0;
    for line in lines[index + 1..].iter().take(5) {
        let content = line.text(text);
        if is_blank(content) {
            break;
        }
        if field(content).is_some() {
            others += 1;
        } else if !content.starts_with([' ', '\t']) {
            break;
        }
        count += 1;
    }
    (others >= 2).then_some(count)
}

// ---------------------------------------------------------------------------------------------
// URLs and e-mail addresses

/// Appends the bare URLs and e-mail addresses inside `range` to `links`, in order.
///
/// Every link holds a `:` (`scheme://`), the `.` of `www.` or an `@`, so only the
/// whitespace-separated words around those bytes are looked at: a search for the three bytes,
/// then the word around each hit. A full stop that does not follow `www` is passed over, as
/// most prose has one per sentence and nothing else. Linear time, no regex.
fn find_links(text: &str, range: TextRange, links: &mut Vec<TextRange>) {
    let bytes = text.as_bytes();
    let mut from = range.start;
    while let Some(offset) = memchr::memchr3(b':', b'@', b'.', &bytes[from..range.end]) {
        let at = from + offset;
        if bytes[at] == b'.'
            && !(at >= range.start + 3 && bytes[at - 3..at].eq_ignore_ascii_case(b"www"))
        {
            from = at + 1;
            continue;
        }
        let start = text[range.start..at]
            .char_indices()
            .rev()
            .find(|(_, c)| separates_words(*c))
            .map_or(range.start, |(index, c)| range.start + index + c.len_utf8());
        let end = text[at..range.end]
            .char_indices()
            .find(|(_, c)| separates_words(*c))
            .map_or(range.end, |(index, _)| at + index);
        links_in_word(text, TextRange::new(start, end), links);
        from = end;
    }
}

/// Whitespace between words: ASCII's (no vertical tab) or Unicode's.
fn separates_words(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace()
    } else {
        c.is_whitespace()
    }
}

fn links_in_word(text: &str, word: TextRange, links: &mut Vec<TextRange>) {
    let mut cursor = word.start;
    while cursor < word.end {
        let url = find_url(text, TextRange::new(cursor, word.end));
        // Addresses only in what lies before the URL: a URL may hold an `@` of its own.
        let before_url = TextRange::new(cursor, url.map_or(word.end, |url| url.start));
        addresses_in(text, before_url, links);
        let Some(url) = url else {
            break;
        };
        links.push(url);
        cursor = url.end;
    }
}

/// Appends the e-mail addresses in `span`, in order.
fn addresses_in(text: &str, span: TextRange, links: &mut Vec<TextRange>) {
    let mut from = span.start;
    while let Some(at) = text[from..span.end].find('@').map(|offset| from + offset) {
        match email_around(text.as_bytes(), span, at) {
            Some(address) => {
                links.push(address);
                from = address.end;
            }
            None => from = at + 1,
        }
    }
}

/// The first URL in `span` (one word or the rest of it): `scheme://…` or `www.…`.
fn find_url(text: &str, span: TextRange) -> Option<TextRange> {
    let bytes = text.as_bytes();
    let mut index = span.start;
    while index < span.end {
        if !matches!(bytes[index], b':' | b'w' | b'W') {
            index += 1;
            continue;
        }
        let rest = &bytes[index..span.end];
        let start = if rest.starts_with(b"://") {
            let mut scheme_start = index;
            while scheme_start > span.start
                && (bytes[scheme_start - 1].is_ascii_alphanumeric()
                    || matches!(bytes[scheme_start - 1], b'+' | b'-' | b'.'))
            {
                scheme_start -= 1;
            }
            while scheme_start < index && !bytes[scheme_start].is_ascii_alphabetic() {
                scheme_start += 1;
            }
            (index - scheme_start >= 2 && index + 3 < span.end).then_some(scheme_start)
        } else if rest.len() > 4
            && rest[..4].eq_ignore_ascii_case(b"www.")
            && (index == span.start || !is_word_byte(bytes[index - 1]))
        {
            Some(index)
        } else {
            None
        };
        if let Some(start) = start {
            let end = url_end(text, start, span.end);
            if end > start {
                return Some(TextRange::new(start, end));
            }
        }
        index += 1;
    }
    None
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_' | b'@' | b'/')
}

/// Where a URL starting at `start` ends: at a character a URL does not hold, minus trailing
/// sentence punctuation and closing brackets it did not open ("(see https://x.example/a).").
fn url_end(text: &str, start: usize, limit: usize) -> usize {
    let mut end = start;
    for (offset, c) in text[start..limit].char_indices() {
        let in_url = if c.is_ascii() {
            c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`')
        } else {
            c.is_alphanumeric()
        };
        if !in_url {
            break;
        }
        end = start + offset + c.len_utf8();
    }
    // Bracket balance (opened minus closed) for `()`, `[]`, `{}`, counted once.
    let mut balance = [0isize; 3];
    for byte in text[start..end].bytes() {
        match byte {
            b'(' => balance[0] += 1,
            b')' => balance[0] -= 1,
            b'[' => balance[1] += 1,
            b']' => balance[1] -= 1,
            b'{' => balance[2] += 1,
            b'}' => balance[2] -= 1,
            _ => {}
        }
    }
    while let Some(last) = text[start..end].chars().next_back() {
        let bracket = match last {
            ')' => Some(0),
            ']' => Some(1),
            '}' => Some(2),
            _ => None,
        };
        let strip = match bracket {
            Some(kind) if balance[kind] < 0 => {
                balance[kind] += 1;
                true
            }
            Some(_) => false,
            None => matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_'),
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// The e-mail address around the `@` at `at`, within `span`, with a `mailto:` before it.
fn email_around(bytes: &[u8], span: TextRange, at: usize) -> Option<TextRange> {
    let is_local = |byte: u8| byte.is_ascii_alphanumeric() || b"._%+-'".contains(&byte);
    let is_domain = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'.' || byte == b'-';
    let mut start = at;
    while start > span.start && is_local(bytes[start - 1]) {
        start -= 1;
    }
    while start < at && matches!(bytes[start], b'.' | b'\'') {
        start += 1;
    }
    let mut end = at + 1;
    while end < span.end && is_domain(bytes[end]) {
        end += 1;
    }
    while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &bytes[at + 1..end];
    let last_dot = domain.iter().rposition(|&byte| byte == b'.')?;
    let top_level = &domain[last_dot + 1..];
    if start == at || last_dot == 0 || top_level.len() < 2 {
        return None;
    }
    if !top_level.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    const MAILTO: &[u8] = b"mailto:";
    if start >= span.start + MAILTO.len()
        && bytes[start - MAILTO.len()..start].eq_ignore_ascii_case(MAILTO)
    {
        start -= MAILTO.len();
    }
    Some(TextRange::new(start, end))
}

// ---------------------------------------------------------------------------------------------
// Runs

/// Collects runs, merging contiguous text of one block and remembering block starts.
#[derive(Default)]
struct RunBuilder {
    runs: Vec<ProseRun>,
    block_pending: bool,
}

impl RunBuilder {
    /// The next text starts a new block.
    fn new_block(&mut self) {
        self.block_pending = true;
    }

    /// Adds `range` of `text`; with `merge`, text that continues the previous run of the same
    /// block where it ended extends it (pulldown-cmark splits text at `[`, `&`, `'` …, and leaves
    /// out the backslash of an escape such as `\*`, which should not break a sentence in two).
    fn push(&mut self, text: &str, range: TextRange, merge: bool) {
        if range.is_empty() {
            return;
        }
        if merge
            && !self.block_pending
            && let Some(last) = self.runs.last_mut()
            && last.range.end <= range.start
            && matches!(&text[last.range.end..range.start], "" | "\\")
        {
            last.range.end = range.end;
            return;
        }
        self.runs.push(ProseRun {
            range,
            block_start: self.block_pending || self.runs.is_empty(),
        });
        self.block_pending = false;
    }
}

/// Drops everything from `cutoff` on.
fn clip_runs(runs: &mut Vec<ProseRun>, cutoff: usize) {
    runs.retain(|run| run.range.start < cutoff);
    if let Some(last) = runs.last_mut() {
        last.range.end = last.range.end.min(cutoff);
    }
}

/// `runs` minus the sorted, non-overlapping `excluded` ranges. With `block_after`, the text
/// after an excluded range starts a new block.
fn subtract(runs: Vec<ProseRun>, excluded: &[TextRange], block_after: bool) -> Vec<ProseRun> {
    if excluded.is_empty() {
        return runs;
    }
    let mut pieces = Vec::with_capacity(runs.len() + excluded.len());
    let mut next = 0;
    // A block start whose whole run was cut away passes to the next piece.
    let mut carried_block = false;
    for run in runs {
        while excluded
            .get(next)
            .is_some_and(|cut| cut.end <= run.range.start)
        {
            next += 1;
        }
        let mut start = run.range.start;
        let mut block_start = run.block_start || carried_block;
        let mut index = next;
        while let Some(cut) = excluded.get(index)
            && cut.start < run.range.end
        {
            if cut.start > start {
                pieces.push(ProseRun {
                    range: TextRange::new(start, cut.start),
                    block_start,
                });
                block_start = false;
            }
            start = start.max(cut.end);
            block_start |= block_after;
            index += 1;
        }
        if start < run.range.end {
            pieces.push(ProseRun {
                range: TextRange::new(start, run.range.end),
                block_start,
            });
            block_start = false;
        }
        carried_block = block_start;
    }
    pieces
}

/// The last step for every kind: cut out URLs and e-mail addresses, split at any line break,
/// trim whitespace, drop what is left empty (handing its block start to the next run).
fn finish_runs(text: &str, runs: Vec<ProseRun>) -> Vec<ProseRun> {
    let mut links = Vec::new();
    for run in &runs {
        find_links(text, run.range, &mut links);
    }
    let runs = subtract(runs, &links, false);

    let mut finished: Vec<ProseRun> = Vec::with_capacity(runs.len());
    let mut carried_block = false;
    for run in runs {
        let mut block_start = run.block_start || carried_block;
        for line in LineIter::new(text, run.range) {
            let content = line.text(text);
            let trimmed = content.trim_start();
            let start = line.start + (content.len() - trimmed.len());
            let end = start + trimmed.trim_end().len();
            if start == end {
                continue;
            }
            finished.push(ProseRun {
                range: TextRange::new(start, end),
                block_start: block_start || finished.is_empty(),
            });
            block_start = false;
        }
        carried_block = block_start;
    }
    debug_assert!(
        finished
            .windows(2)
            .all(|pair| pair[0].range.end <= pair[1].range.start)
    );
    finished
}

// ---------------------------------------------------------------------------------------------
// Lines

/// One line: `start..end` is its content without the line break (`\n` or `\r\n`); `next` is
/// where the following line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

impl Line {
    fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    fn range(self) -> TextRange {
        TextRange::new(self.start, self.end)
    }
}

/// The lines of `region`.
struct LineIter<'t> {
    text: &'t str,
    position: usize,
    end: usize,
}

impl<'t> LineIter<'t> {
    fn new(text: &'t str, region: TextRange) -> Self {
        LineIter {
            text,
            position: region.start,
            end: region.end,
        }
    }
}

impl Iterator for LineIter<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.position >= self.end {
            return None;
        }
        let start = self.position;
        // memchr reads 32 bytes at a time: the lines of a long document are looked for twice.
        let (content_end, next) =
            match memchr::memchr(b'\n', &self.text.as_bytes()[start..self.end]) {
                Some(offset) => (start + offset, start + offset + 1),
                None => (self.end, self.end),
            };
        let end = if self.text[start..content_end].ends_with('\r') {
            content_end - 1
        } else {
            content_end
        };
        self.position = next;
        Some(Line { start, end, next })
    }
}

fn is_blank(line: &str) -> bool {
    line.trim_start().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` and checks the run invariants every consumer relies on.
    fn read(text: &str, kind: DocumentKind) -> Prose {
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
    fn prose_of(text: &str, kind: DocumentKind) -> Vec<&str> {
        read(text, kind)
            .runs
            .iter()
            .map(|run| run.range.slice(text))
            .collect()
    }

    /// The prose as strings, with `¶` marking the runs that start a block.
    fn blocks_of(text: &str, kind: DocumentKind) -> Vec<String> {
        read(text, kind)
            .runs
            .iter()
            .map(|run| {
                let mark = if run.block_start { "¶" } else { "" };
                format!("{mark}{}", run.range.slice(text))
            })
            .collect()
    }

    fn markdown(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::Markdown)
    }

    fn plain(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::PlainText)
    }

    fn email(text: &str) -> Vec<&str> {
        prose_of(text, DocumentKind::Email)
    }

    // --- Markdown ---------------------------------------------------------------------------

    #[test]
    fn markdown_paragraphs_and_soft_breaks() {
        let text = "We shipped the wrong size.\nA new pair leaves today.\n\nCall me any time.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            [
                "¶We shipped the wrong size.",
                "A new pair leaves today.",
                "¶Call me any time."
            ]
        );
    }

    #[test]
    fn markdown_exact_byte_ranges() {
        let text = "Hi Ann,\n\nWe double-charged you.";
        let prose = read(text, DocumentKind::Markdown);
        let ranges: Vec<TextRange> = prose.runs.iter().map(|run| run.range).collect();
        assert_eq!(ranges, [TextRange::new(0, 7), TextRange::new(9, 31)]);
    }

    #[test]
    fn markdown_fenced_code_is_not_prose() {
        let text = "We broke the export.\n\n```sh\nsorry --all\n```\n\nIt works again.\n";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(markdown(text), ["We broke the export.", "It works again."]);
        assert_eq!(prose.genre.code_blocks, 1);
    }

    #[test]
    fn markdown_tilde_fence_and_indented_code_are_not_prose() {
        let text = "Our log:\n\n    ERROR sorry, timeout\n    retrying\n\n~~~\nmore output\n~~~\n\nFixed now.";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(markdown(text), ["Our log:", "Fixed now."]);
        assert_eq!(prose.genre.code_blocks, 2);
    }

    #[test]
    fn markdown_inline_code_splits_a_sentence_without_a_block_start() {
        let text = "Run `amends check --fix` before you send the reply.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Run", "before you send the reply."]
        );
    }

    #[test]
    fn markdown_block_quote_is_not_prose() {
        let text = "> Your app deleted my photos.\n> All of them.\nstill quoted (lazy line)\n\nThat should never have happened, and I am sorry.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶That should never have happened, and I am sorry."]
        );
    }

    #[test]
    fn markdown_nested_list_items_start_blocks() {
        let text = "What we changed:\n\n- a second check\n  - on every order\n- a faster refund\n";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            [
                "¶What we changed:",
                "¶a second check",
                "¶on every order",
                "¶a faster refund"
            ]
        );
        assert_eq!(prose.genre.list_items, 3);
    }

    #[test]
    fn markdown_ordered_list_and_task_markers() {
        let text = "1. refund sent\n2. [x] label printed\n";
        assert_eq!(markdown(text), ["refund sent", "label printed"]);
    }

    #[test]
    fn markdown_headings_are_prose_and_counted() {
        let text = "# What went wrong\n\nThe update wiped settings.\n\nNext steps\n----------\n\nWe restore them.\n";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            [
                "¶What went wrong",
                "¶The update wiped settings.",
                "¶Next steps",
                "¶We restore them."
            ]
        );
        assert_eq!(prose.genre.headings, 2);
    }

    #[test]
    fn markdown_table_cells_start_blocks() {
        let text = "| Order | Status |\n|---|---|\n| 1042 | refunded in full |\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Order", "¶Status", "¶1042", "¶refunded in full"]
        );
    }

    #[test]
    fn markdown_link_text_is_prose_and_its_url_is_not() {
        let text = "Read [our refund page](https://example.com/refunds \"Refunds\") today.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Read", "our refund page", "today."]
        );
        let reference = "See [the status page][status].\n\n[status]: https://status.example.com\n";
        assert_eq!(markdown(reference), ["See", "the status page", "."]);
    }

    #[test]
    fn markdown_autolinks_and_images_are_not_prose() {
        let text = "Write to <help@example.com> or <https://example.com/help>. ![a sad face](sad.png) Thanks.";
        assert_eq!(markdown(text), ["Write to", "or", ".", "Thanks."]);
    }

    #[test]
    fn bare_urls_and_addresses_are_cut_out_mid_sentence() {
        let text = "Track it at https://example.com/track?id=7, then reply to ann.smith+orders@example.co.uk today.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Track it at", ", then reply to", "today."]
        );
        assert_eq!(
            markdown("Visit www.example.com. It is back."),
            ["Visit", ". It is back."]
        );
        assert_eq!(
            markdown("A link as its own text: [https://example.com/x](https://example.com/x)."),
            ["A link as its own text:", "."]
        );
    }

    #[test]
    fn url_edges_keep_sentence_punctuation_and_balanced_brackets() {
        assert_eq!(
            plain("(see https://example.com/a) and https://en.example.org/wiki/Tea_(drink)!"),
            ["(see", ") and", "!"]
        );
        assert_eq!(
            plain("Mail mailto:help@example.com or ftp://files.example.com/log.txt; thanks"),
            ["Mail", "or", "; thanks"]
        );
        // Not links: a handle, a price, a time, a word with "www" inside.
        assert_eq!(
            plain("Ask @support at 5@3.50 by 10:30, see awww.nope"),
            ["Ask @support at 5@3.50 by 10:30, see awww.nope"]
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_url_leaves_no_run_and_keeps_the_block_start() {
        let text = "Thanks.\n\nhttps://example.com/status\nIt was our cache.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Thanks.", "¶It was our cache."]
        );
    }

    #[test]
    fn markdown_front_matter_is_not_prose() {
        let yaml = "---\ntitle: Outage on 3 March\nauthor: ops\n---\n\nWe took the site down by mistake.\n";
        assert_eq!(markdown(yaml), ["We took the site down by mistake."]);
        let toml = "+++\ntitle = \"Outage\"\n+++\nWe are sorry.\n";
        assert_eq!(markdown(toml), ["We are sorry."]);
    }

    #[test]
    fn dashes_further_down_are_not_front_matter() {
        let text = "Hello Ann.\n\n---\nWe lost your parcel.\n---\n\nBye.\n";
        assert_eq!(
            markdown(text),
            ["Hello Ann.", "We lost your parcel.", "Bye."]
        );
        // An unclosed fence at the top is a thematic break, not front matter.
        assert_eq!(markdown("---\nWe are sorry.\n"), ["We are sorry."]);
    }

    #[test]
    fn markdown_html_is_not_prose_but_its_text_between_tags_is() {
        let text =
            "<div class=\"note\">\nhidden markup\n</div>\n\nWe are <b>really</b> sorry.<br>\n";
        assert_eq!(markdown(text), ["We are", "really", "sorry."]);
    }

    #[test]
    fn markdown_comments_are_not_prose_and_feed_suppressions() {
        let text = "<!-- amends: apology -->\n<!-- amends-ignore: cliche -->\nSorry for any inconvenience.\nSorry again. <!-- amends-ignore -->\n";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(
            markdown(text),
            ["Sorry for any inconvenience.", "Sorry again."]
        );
        assert!(prose.suppressions.forces_apology());
        let first = TextRange::new(text.find("Sorry for").unwrap(), text.len());
        assert!(prose.suppressions.suppresses("cliche", first));
        assert!(!prose.suppressions.suppresses("hedging", first));
        let second = TextRange::new(text.find("Sorry again").unwrap(), text.len());
        assert!(prose.suppressions.suppresses("hedging", second));
    }

    #[test]
    fn comments_inside_code_or_quotes_are_not_directives() {
        let text = "```\n<!-- amends-disable-file -->\n```\n\n> <!-- amends: apology -->\n\n`<!-- amends-disable-file: cliche -->`\n";
        let prose = read(text, DocumentKind::Markdown);
        assert!(prose.suppressions.is_empty());
    }

    #[test]
    fn text_split_by_the_parser_merges_into_one_run() {
        let text = "We can&#39;t [really] say AT&T or \\*why\\* it failed.";
        assert_eq!(markdown(text), [text]);
    }

    #[test]
    fn emphasis_and_strikethrough_are_prose() {
        let text = "We are *truly* sorry for ~~the hiccup~~ losing your data.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            [
                "¶We are",
                "truly",
                "sorry for",
                "the hiccup",
                "losing your data."
            ]
        );
    }

    #[test]
    fn footnote_text_is_prose_but_the_reference_is_not() {
        let text = "We refunded you.[^1]\n\n[^1]: Within two working days.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶We refunded you.", "¶Within two working days."]
        );
    }

    #[test]
    fn markdown_crlf() {
        let text = "# Sorry\r\n\r\nWe sent it twice.\r\nYou paid once.\r\n\r\n- a refund\r\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            [
                "¶Sorry",
                "¶We sent it twice.",
                "You paid once.",
                "¶a refund"
            ]
        );
    }

    #[test]
    fn markdown_bom_and_front_matter_after_it() {
        let text = "\u{feff}---\nlang: en\n---\nWe missed the deadline.";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(prose.runs[0].range.start, text.find("We").unwrap());
        assert_eq!(markdown(text), ["We missed the deadline."]);
        assert_eq!(markdown("\u{feff}Plain start."), ["Plain start."]);
        assert_eq!(
            read("\u{feff}Plain start.", DocumentKind::Markdown).runs[0]
                .range
                .start,
            3
        );
    }

    #[test]
    fn emoji_and_cjk_before_prose_keep_exact_offsets() {
        let text = "🙏 我们很抱歉。 We are sorry — see https://例え.jp/ページ 🙇 today.";
        let runs = markdown(text);
        assert_eq!(runs, ["🙏 我们很抱歉。 We are sorry — see", "🙇 today."]);
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(prose.runs[1].range.start, text.find("🙇").unwrap());
        assert_eq!(
            plain("« Désolé » pour https://x.example/é."),
            ["« Désolé » pour", "."]
        );
    }

    #[test]
    fn markdown_quoted_reply_with_attribution() {
        let text = "Hi Ann,\n\nWe sent the refund today.\n\nOn Tue, 3 Mar 2026 at 10:14, Ann Smith <ann@example.com> wrote:\n> Where is my money?\n> I asked twice.\n";
        assert_eq!(markdown(text), ["Hi Ann,", "We sent the refund today."]);
    }

    #[test]
    fn markdown_wrapped_and_dutch_attributions() {
        let wrapped = "Done.\nOn Tue, Mar 3, 2026 at 10:14 AM Ann Smith <\nann@example.com> wrote:\n> Hello?\n\nAnything else?";
        assert_eq!(markdown(wrapped), ["Done.", "Anything else?"]);
        assert_eq!(
            blocks_of(wrapped, DocumentKind::Markdown),
            ["¶Done.", "¶Anything else?"]
        );
        let dutch = "Het is opgelost.\n\nOp di 3 mrt 2026 om 10:14 schreef Ann Smith <ann@example.com>:\n> Waar blijft mijn pakket?\n";
        assert_eq!(markdown(dutch), ["Het is opgelost."]);
    }

    #[test]
    fn sentences_starting_with_on_stay_prose() {
        let text = "On behalf of the whole team, I apologize.\nOn Monday we will call you.\n";
        assert_eq!(
            markdown(text),
            [
                "On behalf of the whole team, I apologize.",
                "On Monday we will call you."
            ]
        );
    }

    #[test]
    fn markdown_signature_after_dash_dash_space() {
        // Directly under a line, `-- ` would make a setext heading: it is a signature here.
        let text = "We are sorry.\nAnn\n-- \nAnn Smith\nSupport lead";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(markdown(text), ["We are sorry.", "Ann"]);
        assert_eq!(prose.genre.headings, 0);
        let after_blank = "We are sorry.\n\n-- \nAnn Smith, we apologize for nothing\n";
        assert_eq!(markdown(after_blank), ["We are sorry."]);
    }

    #[test]
    fn a_markdown_signature_ends_at_the_next_heading() {
        let text = "We are sorry.\n\n-- \nAnna\nSupport\n\n# Second reply\n\nWe apologize again.\n";
        let prose = extract_prose(text, DocumentKind::Markdown);
        let runs: Vec<&str> = prose
            .runs
            .iter()
            .map(|run| &text[run.range.start..run.range.end])
            .collect();
        assert_eq!(
            runs,
            ["We are sorry.", "Second reply", "We apologize again."]
        );
    }

    #[test]
    fn markdown_bare_dash_dash_is_not_a_signature() {
        let text = "Our apology\n--\n\nMore text.";
        let prose = read(text, DocumentKind::Markdown);
        assert_eq!(markdown(text), ["Our apology", "More text."]);
        assert_eq!(prose.genre.headings, 1);
    }

    #[test]
    fn signature_inside_code_does_not_cut() {
        let text = "```\n-- \n```\n\nStill prose.";
        assert_eq!(markdown(text), ["Still prose."]);
    }

    #[test]
    fn dash_dash_inside_a_comment_is_not_a_signature() {
        // (Inside a paragraph, CommonMark reads such a line as a setext underline first, so a
        // comment can only hold one when it opens an HTML block.)
        let text = "We are sorry.\n\n<!-- old sign-off:\n-- \nAnn -->\nWe refunded you.\n";
        assert_eq!(markdown(text), ["We are sorry.", "We refunded you."]);
    }

    #[test]
    fn markdown_header_block_before_the_body_is_not_prose() {
        let text =
            "From: Support\nTo: Ann Smith\nSubject: Your order\n\nWe sent the wrong colour.\n";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶We sent the wrong colour."]
        );
    }

    #[test]
    fn markdown_outlook_history_cuts_everything_after() {
        let text = "We fixed your invoice.\n\nFrom: Ann Smith <ann@example.com>\nSent: Tuesday, 3 March 2026 10:14\nTo: Support\nSubject: Wrong invoice\n\nYou overcharged me, sorry to say.\n";
        assert_eq!(markdown(text), ["We fixed your invoice."]);
        let marker = "Refund done.\n\n-----Original Message-----\nPlease help.\n";
        assert_eq!(markdown(marker), ["Refund done."]);
    }

    #[test]
    fn genre_signs_ignore_what_is_quoted_or_after_the_signature() {
        let text = "# Update\n\n> # Quoted heading\n> - quoted item\n\n- ours\n\n-- \n# Sig heading\n- sig item\n";
        let genre = read(text, DocumentKind::Markdown).genre;
        assert_eq!(genre.headings, 1);
        assert_eq!(genre.list_items, 1);
        assert!(!genre.email_headers);
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

    // --- Plain text -------------------------------------------------------------------------

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
    fn plain_reply_with_attribution_and_quote() {
        let text = "Your new card is on its way.\n\nOn Tue, 3 Mar 2026 at 10:14, Ann Smith <ann@example.com> wrote:\n\n> My card was blocked.\n";
        assert_eq!(plain(text), ["Your new card is on its way."]);
        let wrapped =
            "Sent.\nOn Tue, 3 Mar 2026 at 10:14, Ann Smith\n<ann@example.com> wrote:\n> Hello\n";
        assert_eq!(plain(wrapped), ["Sent."]);
        let apple_dutch = "Verstuurd.\nOp 3 mrt. 2026 om 10:14 heeft Ann Smith het volgende geschreven:\n> Hallo\n";
        assert_eq!(plain(apple_dutch), ["Verstuurd."]);
    }

    #[test]
    fn plain_signature_with_or_without_trailing_space() {
        assert_eq!(
            plain("We are sorry.\n-- \nAnn, we regret nothing\n"),
            ["We are sorry."]
        );
        assert_eq!(
            plain("We are sorry.\r\n--\r\nAnn Smith\r\n"),
            ["We are sorry."]
        );
        // Not a delimiter: more dashes is a separator line, text after it is prose.
        assert_eq!(plain("One.\n---\nTwo.\n"), ["One.", "Two."]);
        assert_eq!(plain("One -- two."), ["One -- two."]);
    }

    #[test]
    fn plain_original_message_and_outlook_block_cut_history() {
        let marker = "Refunded.\n\n-----Original Message-----\nFrom: Ann\nWhy so slow?\n";
        assert_eq!(plain(marker), ["Refunded."]);
        let forwarded = "See below.\n---------- Forwarded message ---------\nOld words.\n";
        assert_eq!(plain(forwarded), ["See below."]);
        let outlook = "We have fixed it.\n________________________________\nFrom: Ann Smith <ann@example.com>\nSent: Tuesday, March 3, 2026 10:14 AM\nTo: Support <help@example.com>\nSubject: Broken again\n\nIt broke again. Sorry to bother you.\n";
        assert_eq!(plain(outlook), ["We have fixed it."]);
        let dutch = "Opgelost.\n\nVan: Ann Smith\nVerzonden: dinsdag 3 maart 2026 10:14\nAan: Support\nOnderwerp: Kapot\n\nHet is kapot.\n";
        assert_eq!(plain(dutch), ["Opgelost."]);
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
    fn plain_urls_and_addresses_are_cut() {
        let text = "Reply to help@example.com or open https://example.com/help.\n";
        assert_eq!(plain(text), ["Reply to", "or open", "."]);
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

    // --- E-mail -----------------------------------------------------------------------------

    const SIMPLE_HEADERS: &str = "From: Support <help@example.com>\r\nTo: Ann Smith\r\n <ann@example.com>\r\nSubject: Re: Your broken\r\n kettle\r\nDate: Tue, 3 Mar 2026 10:14:00 +0100\r\nMessage-ID: <abc@example.com>\r\n";

    #[test]
    fn email_only_subject_and_body_are_prose() {
        let text = format!("{SIMPLE_HEADERS}\r\nDear Ann,\r\n\r\nWe sent a kettle that leaks.\r\n");
        let prose = read(&text, DocumentKind::Email);
        assert_eq!(
            blocks_of(&text, DocumentKind::Email),
            [
                "¶Your broken",
                "kettle",
                "¶Dear Ann,",
                "¶We sent a kettle that leaks."
            ]
        );
        assert!(prose.genre.email_headers);
        assert!(prose.notices.is_empty());
        assert!(prose.suppressions.is_empty());
    }

    #[test]
    fn email_subject_prefixes_and_encoded_words() {
        let text = "Subject: RE: Fwd: Late delivery\nFrom: a@example.com\n\nBody.";
        assert_eq!(email(text), ["Late delivery", "Body."]);
        let encoded = "Subject: =?UTF-8?Q?Sorry_f=C3=BCr?=\nFrom: a@example.com\n\nBody.";
        assert_eq!(email(encoded), ["Body."]);
    }

    #[test]
    fn email_body_with_reply_history_and_signature() {
        let text = "From: help@example.com\nTo: ann@example.com\nSubject: Your refund\n\nHi Ann,\nThe refund left today.\n\nOn Mon, 2 Mar 2026, Ann <ann@example.com> wrote:\n> Still waiting.\n\n-- \nBen, Support\n";
        assert_eq!(
            email(text),
            ["Your refund", "Hi Ann,", "The refund left today."]
        );
    }

    #[test]
    fn email_without_headers_is_all_body() {
        let text = "We are sorry.\n\nIt will not happen again.";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["We are sorry.", "It will not happen again."]);
        assert!(!prose.genre.email_headers);
    }

    #[test]
    fn email_with_mbox_line_and_headers_only() {
        let text = "From ann@example.com Tue Mar  3 10:14:00 2026\nFrom: ann@example.com\nSubject: Missing parcel\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Missing parcel"]);
        assert!(prose.genre.email_headers);
        assert!(prose.notices.is_empty());
    }

    #[test]
    fn eight_bit_plain_body_is_read() {
        let text = "Subject: Excuses\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nHet spijt ons: de bestelling was te laat.\n";
        assert_eq!(
            email(text),
            ["Excuses", "Het spijt ons: de bestelling was te laat."]
        );
    }

    #[test]
    fn quoted_printable_body_gets_one_notice() {
        let text = "Subject: Sorry\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nWe are sorry f=\nor the delay.\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Sorry"]);
        assert_eq!(prose.notices.len(), 1);
        let notice = &prose.notices[0];
        assert_eq!(notice.rule, UNREADABLE_EMAIL_BODY);
        assert_eq!(notice.severity, Severity::Info);
        assert_eq!(
            notice.range.slice(text),
            "Content-Transfer-Encoding: quoted-printable"
        );
        assert!(notice.message.contains("quoted-printable"));
        assert!(notice.message.contains("plain text"));
        assert!(!notice.message.contains('\n'));
        assert!(notice.fixes.is_empty());
    }

    #[test]
    fn base64_body_gets_one_notice() {
        let text =
            "Subject: Update\r\nContent-Transfer-Encoding: BASE64\r\n\r\nV2UgYXJlIHNvcnJ5Lg==\r\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Update"]);
        assert_eq!(prose.notices.len(), 1);
        assert_eq!(
            prose.notices[0].range.slice(text),
            "Content-Transfer-Encoding: BASE64"
        );
        assert!(prose.notices[0].message.contains("base64"));
    }

    #[test]
    fn html_only_body_gets_one_notice_on_its_content_type() {
        let text =
            "Subject: Update\nContent-Type: text/html;\n charset=utf-8\n\n<p>We are sorry.</p>\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Update"]);
        assert_eq!(prose.notices.len(), 1);
        assert_eq!(
            prose.notices[0].range.slice(text),
            "Content-Type: text/html;\n charset=utf-8"
        );
        assert!(prose.notices[0].message.contains("HTML"));
    }

    const ALTERNATIVE: &str = "From: help@example.com\r\nSubject: Your order\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1=_x;y\"\r\n\r\nThis is a multi-part message in MIME format.\r\n--b1=_x;y\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nWe sent the wrong size.\r\nA new pair ships today.\r\n--b1=_x;y\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>We sent the wrong size.</p>\r\n--b1=_x;y--\r\nepilogue words\r\n";

    #[test]
    fn multipart_reads_its_plain_text_part_in_place() {
        let prose = read(ALTERNATIVE, DocumentKind::Email);
        assert_eq!(
            email(ALTERNATIVE),
            [
                "Your order",
                "We sent the wrong size.",
                "A new pair ships today."
            ]
        );
        assert!(prose.notices.is_empty());
        let first_body = ALTERNATIVE.find("We sent the wrong size.").unwrap();
        assert_eq!(prose.runs[1].range.start, first_body);
    }

    #[test]
    fn nested_multipart_finds_the_plain_part() {
        let text = "Subject: Refund\nContent-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: multipart/alternative; boundary=inner\n\n--inner\nContent-Type: text/html\n\n<p>Hi</p>\n--inner\nContent-Type: text/plain\n\nThe refund is on its way.\n--inner--\n--outer\nContent-Type: text/plain\nContent-Disposition: attachment; filename=log.txt\n\nERROR sorry\n--outer--\n";
        assert_eq!(email(text), ["Refund", "The refund is on its way."]);
    }

    #[test]
    fn attached_text_is_not_the_body() {
        let text = "Subject: Logs\nContent-Type: multipart/mixed; boundary=xyz\n\n--xyz\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"log.txt\"\n\nwe are sorry log line\n--xyz\nContent-Type: text/html\n\n<p>See log</p>\n--xyz--\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Logs"]);
        assert_eq!(prose.notices.len(), 1);
        assert_eq!(
            prose.notices[0].range.slice(text),
            "Content-Type: text/html"
        );
    }

    #[test]
    fn multipart_with_only_encoded_plain_text_gets_the_notice() {
        let text = "Subject: Hi\nContent-Type: multipart/alternative; boundary=zz\n\n--zz\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nSorry f=\nor that.\n--zz\nContent-Type: text/html\n\n<p>Sorry</p>\n--zz--\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi"]);
        assert_eq!(prose.notices.len(), 1);
        assert_eq!(
            prose.notices[0].range.slice(text),
            "Content-Transfer-Encoding: quoted-printable"
        );
    }

    #[test]
    fn multipart_without_boundary_or_parts_gets_the_notice() {
        let text = "Subject: Hi\nContent-Type: multipart/mixed\n\nSorry.\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi"]);
        assert_eq!(prose.notices.len(), 1);
        assert_eq!(
            prose.notices[0].range.slice(text),
            "Content-Type: multipart/mixed"
        );
    }

    #[test]
    fn a_later_readable_plain_part_wins_over_an_earlier_encoded_one() {
        let text = "Subject: Hi\nContent-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nU29ycnk=\n--q\nContent-Type: text/plain\nContent-Transfer-Encoding: 7bit\n\nWe are sorry.\n--q--\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi", "We are sorry."]);
        assert!(prose.notices.is_empty());
    }

    #[test]
    fn email_body_urls_and_lists() {
        let text = "Subject: Fixed\n\nWhat we did:\n- restored https://example.com/a\n- wrote to ops@example.com\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(
            blocks_of(text, DocumentKind::Email),
            ["¶Fixed", "¶What we did:", "¶restored", "¶wrote to"]
        );
        assert_eq!(prose.genre.list_items, 2);
    }

    // --- Sniffing ---------------------------------------------------------------------------

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

    // --- Helpers and scale ------------------------------------------------------------------

    #[test]
    fn subtract_cuts_runs_and_marks_blocks() {
        let runs = vec![
            ProseRun {
                range: TextRange::new(0, 10),
                block_start: true,
            },
            ProseRun {
                range: TextRange::new(12, 20),
                block_start: false,
            },
        ];
        let cut = subtract(runs, &[TextRange::new(3, 5), TextRange::new(9, 14)], true);
        let pieces: Vec<(usize, usize, bool)> = cut
            .iter()
            .map(|run| (run.range.start, run.range.end, run.block_start))
            .collect();
        assert_eq!(pieces, [(0, 3, true), (5, 9, true), (14, 20, true)]);
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
        assert_eq!(read(&boundaries, DocumentKind::Email).notices.len(), 1);
    }
}
