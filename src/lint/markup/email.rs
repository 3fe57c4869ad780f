//! E-mail (`.eml`): the headers, of which only `Subject:` is prose, and the MIME structure that
//! leads to the first plain-text body amends can read at exact offsets.

use crate::lint::finding::TextRange;

use super::plain::read_plain;
use super::runs_and_lines::{LineIter, is_blank};
use super::{Prose, ProseRun};

/// An e-mail body amends could not read at exact offsets: linting it would put findings at
/// wrong positions, and passing it in silence would call an unread apology fine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableBody {
    /// The header line that says why: the part's `Content-Transfer-Encoding` or `Content-Type`
    /// (empty at the body's start when the message has neither).
    pub range: TextRange,
    pub reason: UnreadableReason,
}

/// Why amends could not read an e-mail's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnreadableReason {
    QuotedPrintable,
    Base64,
    /// Another transfer encoding than 7bit, 8bit or binary: its name, in lowercase.
    OtherEncoding(String),
    /// HTML, and no plain-text part.
    HtmlOnly,
    /// Another media type than plain text, HTML or multipart: its name, in lowercase.
    NotPlainText(String),
    /// No plain-text part at all (a `multipart/*` without a boundary or with only attachments).
    NoPlainPart,
}

/// An `.eml` file: headers (only `Subject:` is prose), then the first readable plain-text body.
pub(super) fn read_email(text: &str, start: usize, prose: &mut Prose) -> Vec<ProseRun> {
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
        Err(unreadable) => prose.unreadable_body = Some(unreadable),
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
pub(super) fn header_name(line: &str) -> Option<&str> {
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

    /// The plain-text range to lint, or why there is none.
    fn verdict(
        self,
        headers: &Headers,
        text: &str,
        body: TextRange,
    ) -> Result<TextRange, UnreadableBody> {
        if let Some(plain) = self.plain {
            return Ok(plain);
        }
        let (reason, range) = if let Some((encoding, line)) = self.encoded_plain {
            let reason = match encoding.as_str() {
                "quoted-printable" => UnreadableReason::QuotedPrintable,
                "base64" => UnreadableReason::Base64,
                _ => UnreadableReason::OtherEncoding(encoding),
            };
            (reason, line)
        } else if let Some(line) = self.html {
            (UnreadableReason::HtmlOnly, line)
        } else if let Some((media_type, line)) = self.other {
            (UnreadableReason::NotPlainText(media_type), line)
        } else {
            let line = headers
                .get(text, "content-type")
                .map_or(TextRange::empty(body.start), |field| field.whole);
            (UnreadableReason::NoPlainPart, line)
        };
        Err(UnreadableBody { range, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::markup::DocumentKind;
    use crate::lint::markup::tests::{SIMPLE_HEADERS, blocks_of, email, read};

    /// The header line an unread body is reported on.
    fn unreadable_line<'t>(prose: &Prose, text: &'t str) -> &'t str {
        let unreadable = prose
            .unreadable_body
            .as_ref()
            .expect("the body is not read");
        unreadable.range.slice(text)
    }

    fn reason(prose: &Prose) -> UnreadableReason {
        let unreadable = prose
            .unreadable_body
            .as_ref()
            .expect("the body is not read");
        unreadable.reason.clone()
    }

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
        assert_eq!(prose.unreadable_body, None);
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
        assert_eq!(prose.unreadable_body, None);
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
    fn quoted_printable_body_is_recorded_as_unreadable() {
        let text = "Subject: Sorry\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nWe are sorry f=\nor the delay.\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Sorry"]);
        let unreadable = prose.unreadable_body.expect("the body is not read");
        assert_eq!(unreadable.reason, UnreadableReason::QuotedPrintable);
        assert_eq!(
            unreadable.range.slice(text),
            "Content-Transfer-Encoding: quoted-printable"
        );
    }

    #[test]
    fn base64_body_is_recorded_as_unreadable() {
        let text =
            "Subject: Update\r\nContent-Transfer-Encoding: BASE64\r\n\r\nV2UgYXJlIHNvcnJ5Lg==\r\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Update"]);
        assert_eq!(
            unreadable_line(&prose, text),
            "Content-Transfer-Encoding: BASE64"
        );
        assert_eq!(reason(&prose), UnreadableReason::Base64);
    }

    #[test]
    fn html_only_body_is_recorded_as_unreadable_at_its_content_type() {
        let text =
            "Subject: Update\nContent-Type: text/html;\n charset=utf-8\n\n<p>We are sorry.</p>\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Update"]);
        assert_eq!(
            unreadable_line(&prose, text),
            "Content-Type: text/html;\n charset=utf-8"
        );
        assert_eq!(reason(&prose), UnreadableReason::HtmlOnly);
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
        assert_eq!(prose.unreadable_body, None);
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
        assert_eq!(unreadable_line(&prose, text), "Content-Type: text/html");
    }

    #[test]
    fn multipart_with_only_encoded_plain_text_is_unreadable() {
        let text = "Subject: Hi\nContent-Type: multipart/alternative; boundary=zz\n\n--zz\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nSorry f=\nor that.\n--zz\nContent-Type: text/html\n\n<p>Sorry</p>\n--zz--\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi"]);
        assert_eq!(
            unreadable_line(&prose, text),
            "Content-Transfer-Encoding: quoted-printable"
        );
    }

    #[test]
    fn multipart_without_boundary_or_parts_is_unreadable() {
        let text = "Subject: Hi\nContent-Type: multipart/mixed\n\nSorry.\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi"]);
        assert_eq!(
            unreadable_line(&prose, text),
            "Content-Type: multipart/mixed"
        );
        assert_eq!(reason(&prose), UnreadableReason::NoPlainPart);
    }

    #[test]
    fn other_encodings_and_media_types_are_named() {
        let encoding = "Subject: Hi\nContent-Transfer-Encoding: X-UUEncode\n\nbegin 644 x\n";
        let prose = read(encoding, DocumentKind::Email);
        assert_eq!(
            reason(&prose),
            UnreadableReason::OtherEncoding("x-uuencode".to_owned())
        );
        let calendar = "Subject: Hi\nContent-Type: Text/Calendar\n\nBEGIN:VCALENDAR\n";
        let prose = read(calendar, DocumentKind::Email);
        assert_eq!(
            reason(&prose),
            UnreadableReason::NotPlainText("text/calendar".to_owned())
        );
        assert_eq!(
            unreadable_line(&prose, calendar),
            "Content-Type: Text/Calendar"
        );
    }

    #[test]
    fn a_later_readable_plain_part_wins_over_an_earlier_encoded_one() {
        let text = "Subject: Hi\nContent-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nU29ycnk=\n--q\nContent-Type: text/plain\nContent-Transfer-Encoding: 7bit\n\nWe are sorry.\n--q--\n";
        let prose = read(text, DocumentKind::Email);
        assert_eq!(email(text), ["Hi", "We are sorry."]);
        assert_eq!(prose.unreadable_body, None);
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
}
