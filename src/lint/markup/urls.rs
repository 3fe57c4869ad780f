//! Bare URLs and e-mail addresses, which are cut out of the prose runs last.

use crate::lint::finding::TextRange;

/// Appends the bare URLs and e-mail addresses inside `range` to `links`, in order.
///
/// Every link holds a `:` (`scheme://`), the `.` of `www.` or an `@`, so only the
/// whitespace-separated words around those bytes are looked at: a search for the three bytes,
/// then the word around each hit. A full stop that does not follow `www` is passed over, as
/// most prose has one per sentence and nothing else. Linear time, no regex.
pub(super) fn find_links(text: &str, range: TextRange, links: &mut Vec<TextRange>) {
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

#[cfg(test)]
mod tests {
    use crate::lint::markup::DocumentKind;
    use crate::lint::markup::tests::{blocks_of, markdown, plain};

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
    fn plain_urls_and_addresses_are_cut() {
        let text = "Reply to help@example.com or open https://example.com/help.\n";
        assert_eq!(plain(text), ["Reply to", "or open", "."]);
    }
}
