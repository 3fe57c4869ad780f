//! Markdown: prose from pulldown-cmark's offset iterator, and the mail structure (signature,
//! attributions, quoted history) found line by line outside code, HTML and quotes.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::lint::finding::TextRange;
use crate::lint::suppress::Suppressions;

use super::mail_history::{
    MailLines, classify_mail_lines, is_atx_heading, is_history_marker, is_quoted,
    is_signature_delimiter,
};
use super::runs_and_lines::{Line, LineIter, RunBuilder, clip_runs, is_blank, subtract};
use super::{Prose, ProseRun};

/// Markdown via pulldown-cmark; returns the raw runs (before URLs are cut out).
pub(super) fn read_markdown(text: &str, start: usize, prose: &mut Prose) -> Vec<ProseRun> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::markup::tests::{blocks_of, markdown, plain, read};
    use crate::lint::markup::{DocumentKind, extract_prose};

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
}
