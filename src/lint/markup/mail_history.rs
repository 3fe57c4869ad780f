//! Mail conventions that mark where the writer's text stops, for every kind of document: quoted
//! lines, attributions ("On … wrote:"), Outlook header blocks, history markers and signature
//! delimiters.

use super::runs_and_lines::{Line, is_blank};

/// `>` quoting, after optional spaces: the customer's words or earlier mail.
pub(super) fn is_quoted(line: &str) -> bool {
    line.trim_start_matches([' ', '\t']).starts_with('>')
}

/// `# Heading` … `###### Heading` (up to three spaces of indent).
pub(super) fn is_atx_heading(line: &str) -> bool {
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
pub(super) fn is_signature_delimiter(line: &str, bare_allowed: bool) -> bool {
    line == "-- " || (bare_allowed && line == "--")
}

/// A line that opens forwarded or quoted history: `-----Original Message-----`, Gmail's
/// `---------- Forwarded message ---------`, Apple Mail's `Begin forwarded message:`, and the
/// Dutch forms.
pub(super) fn is_history_marker(line: &str) -> bool {
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
pub(super) enum MailLines {
    /// "On Tue, 3 Mar 2026 at 10:14, Ann <ann@example.com> wrote:" over this many lines (1–2).
    Attribution(usize),
    /// An Outlook-style `From:` / `Sent:` / `To:` / `Subject:` block of this many lines.
    HeaderBlock(usize),
}

/// What the lines starting at `index` are, if they are mail structure.
pub(super) fn classify_mail_lines(text: &str, lines: &[Line], index: usize) -> Option<MailLines> {
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

#[cfg(test)]
mod tests {
    use crate::lint::markup::DocumentKind;
    use crate::lint::markup::tests::{blocks_of, markdown, plain};

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
}
