//! Suppression comments in Markdown (and HTML): which findings the writer has silenced.
//!
//! The directives (catalog, "Suppression"):
//!
//! - `<!-- amends-ignore -->` / `<!-- amends-ignore: rule-id, rule-id -->`: one line.
//! - `<!-- amends-disable: rule-id -->` … `<!-- amends-enable: rule-id -->`: a region, to the end
//!   of the file when never enabled again; no ids means every rule.
//! - `<!-- amends-disable-file: rule-id -->` anywhere: the whole file; no ids means every rule.
//! - `<!-- amends: apology -->`: treat the document as an apology whatever the gate says.
//!
//! Plain text and e-mail have no suppression comments: an HTML comment there would reach the
//! reader, so those kinds are configured in `amends.toml` instead and never build a
//! [`Suppressions`] from comments.
//!
//! Parsing is lenient about whitespace (`<!--amends-ignore:a,b-->` works) and strict about words:
//! ids and directive words are case-sensitive, a comment whose directive word amends does not know
//! (or that has text after the word without a colon) does nothing, and unknown ids simply never
//! match. A comment holds one directive.

use crate::lint::finding::{Edit, TextRange};

/// Which rules a directive applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RuleFilter {
    All,
    Only(Vec<String>),
    /// Inside an `amends-disable` (all rules) region after `amends-enable: some-id`.
    AllExcept(Vec<String>),
}

impl RuleFilter {
    /// The ids after a directive's colon: separated by commas and/or whitespace; none means all.
    fn parse(ids: &str) -> RuleFilter {
        let ids: Vec<String> = ids
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect();
        if ids.is_empty() {
            RuleFilter::All
        } else {
            RuleFilter::Only(ids)
        }
    }

    fn matches(&self, rule: &str) -> bool {
        match self {
            RuleFilter::All => true,
            RuleFilter::Only(ids) => ids.iter().any(|id| id == rule),
            RuleFilter::AllExcept(ids) => !ids.iter().any(|id| id == rule),
        }
    }
}

/// A directive parsed from one comment.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Directive {
    Ignore(RuleFilter),
    Disable(RuleFilter),
    Enable(RuleFilter),
    DisableFile(RuleFilter),
    Apology,
}

impl Directive {
    /// Parses `<!-- amends-word: ids -->` (the comment's full text, delimiters included).
    fn parse(comment: &str) -> Option<Directive> {
        let inner = comment.strip_prefix("<!--").unwrap_or(comment);
        let inner = inner.strip_suffix("-->").unwrap_or(inner).trim();
        let rest = inner.strip_prefix("amends")?;
        let (word, rest) = match rest.strip_prefix('-') {
            Some(rest) => {
                let word_end = rest
                    .find(|c: char| c == ':' || c.is_whitespace())
                    .unwrap_or(rest.len());
                (&rest[..word_end], &rest[word_end..])
            }
            None => ("", rest),
        };
        let rest = rest.trim_start();
        let ids = match rest.strip_prefix(':') {
            Some(ids) => ids,
            // `amends-ignore` alone is fine; `amends-ignore because …` is not a directive, and
            // `amendsfoo` is not ours at all.
            None if rest.is_empty() => "",
            None => return None,
        };
        let rules = RuleFilter::parse(ids);
        match word {
            "" => match rules {
                RuleFilter::Only(words) if words.iter().any(|word| word == "apology") => {
                    Some(Directive::Apology)
                }
                _ => None,
            },
            "ignore" => Some(Directive::Ignore(rules)),
            "disable" => Some(Directive::Disable(rules)),
            "enable" => Some(Directive::Enable(rules)),
            "disable-file" => Some(Directive::DisableFile(rules)),
            _ => None,
        }
    }
}

/// Rules silenced within a byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Scoped {
    range: TextRange,
    rules: RuleFilter,
}

/// The suppression directives of one document, ready to answer "is this finding silenced?".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    force_apology: bool,
    /// `amends-disable-file` with no ids.
    file_all: bool,
    /// `amends-disable-file: ids`.
    file_rules: Vec<String>,
    /// `amends-ignore`: the line each one applies to.
    lines: Vec<Scoped>,
    /// `amends-disable` … `amends-enable`.
    regions: Vec<Scoped>,
}

impl Suppressions {
    /// Reads the directives of a document's HTML comments.
    ///
    /// `comments` are the byte ranges of the comments (`<!--` through `-->`) in `source`, the whole
    /// document: the caller decides which comments are real (not inside code or a block quote);
    /// the lines they sit on are read from `source`. Ranges may come in any order; comments that
    /// are not amends directives still count as "not content" when deciding whether an
    /// `amends-ignore` stands alone on its line.
    pub fn from_comments(source: &str, comments: &[TextRange]) -> Suppressions {
        let mut comments: Vec<TextRange> = comments
            .iter()
            .copied()
            .filter(|range| {
                range.end <= source.len()
                    && source.is_char_boundary(range.start)
                    && source.is_char_boundary(range.end)
                    && !range.is_empty()
            })
            .collect();
        comments.sort();
        comments.dedup_by(|later, earlier| later.start < earlier.end);
        let directives: Vec<Option<Directive>> = comments
            .iter()
            .map(|range| Directive::parse(range.slice(source)))
            .collect();

        let mut suppressions = Suppressions::default();
        let mut regions = RegionTracker::default();
        for (range, directive) in comments.iter().zip(&directives) {
            match directive {
                Some(Directive::Apology) => suppressions.force_apology = true,
                Some(Directive::DisableFile(RuleFilter::Only(ids))) => {
                    suppressions.file_rules.extend(ids.iter().cloned());
                }
                Some(Directive::DisableFile(_)) => suppressions.file_all = true,
                Some(Directive::Disable(rules)) => regions.disable(range.end, rules),
                Some(Directive::Enable(rules)) => regions.enable(range.start, rules),
                Some(Directive::Ignore(_)) | None => {}
            }
        }
        suppressions.regions = regions.finish(source.len());
        if directives
            .iter()
            .any(|directive| matches!(directive, Some(Directive::Ignore(_))))
        {
            suppressions.lines = ignored_lines(source, &comments, &directives);
        }
        suppressions
    }

    /// `<!-- amends: apology -->` was found.
    pub fn forces_apology(&self) -> bool {
        self.force_apology
    }

    /// `<!-- amends-disable-file: rule -->` names this rule.
    pub fn disables_file(&self, rule: &str) -> bool {
        self.file_all || self.file_rules.iter().any(|id| id == rule)
    }

    /// A finding of `rule` at `range` is suppressed by an ignore comment or a disabled region.
    ///
    /// A finding belongs to the line (or region) its start offset lies in.
    pub fn suppresses(&self, rule: &str, range: TextRange) -> bool {
        let applies =
            |scoped: &Scoped| scoped.range.contains(range.start) && scoped.rules.matches(rule);
        self.lines.iter().any(applies) || self.regions.iter().any(applies)
    }

    /// No directive at all.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        *self == Suppressions::default()
    }
}

/// Turns `amends-disable` / `amends-enable` comments, in document order, into closed regions.
///
/// Semantics follow ESLint's `eslint-disable`/`eslint-enable`: a bare `amends-enable` ends every
/// open region; `amends-enable: id` ends `id`'s own region and, inside a bare `amends-disable`
/// region, turns `id` back on while the other rules stay off.
#[derive(Default)]
struct RegionTracker {
    closed: Vec<Scoped>,
    /// A bare `amends-disable` is open since this offset, except for these re-enabled ids.
    all_since: Option<(usize, Vec<String>)>,
    /// `amends-disable: id` regions still open: (id, since).
    open: Vec<(String, usize)>,
}

impl RegionTracker {
    fn disable(&mut self, at: usize, rules: &RuleFilter) {
        match rules {
            RuleFilter::Only(ids) => {
                for id in ids {
                    if let Some((_, except)) = &self.all_since
                        && except.contains(id)
                    {
                        let mut except = except.clone();
                        except.retain(|other| other != id);
                        self.restart_all(at, except);
                    }
                    if !self.open.iter().any(|(open, _)| open == id) {
                        self.open.push((id.clone(), at));
                    }
                }
            }
            RuleFilter::All | RuleFilter::AllExcept(_) => match &self.all_since {
                Some((_, except)) if except.is_empty() => {}
                Some(_) => self.restart_all(at, Vec::new()),
                None => self.all_since = Some((at, Vec::new())),
            },
        }
    }

    fn enable(&mut self, at: usize, rules: &RuleFilter) {
        match rules {
            RuleFilter::Only(ids) => {
                for id in ids {
                    if let Some(index) = self.open.iter().position(|(open, _)| open == id) {
                        let (id, since) = self.open.remove(index);
                        self.close(since, at, RuleFilter::Only(vec![id]));
                    }
                    if let Some((_, except)) = &self.all_since
                        && !except.contains(id)
                    {
                        let mut except = except.clone();
                        except.push(id.clone());
                        self.restart_all(at, except);
                    }
                }
            }
            RuleFilter::All | RuleFilter::AllExcept(_) => self.close_everything(at),
        }
    }

    /// Closes the open bare region at `at` and reopens it there with a new exception list.
    fn restart_all(&mut self, at: usize, except: Vec<String>) {
        if let Some((since, old_except)) = self.all_since.take() {
            self.close(since, at, all_except(old_except));
        }
        self.all_since = Some((at, except));
    }

    fn close_everything(&mut self, at: usize) {
        if let Some((since, except)) = self.all_since.take() {
            self.close(since, at, all_except(except));
        }
        for (id, since) in std::mem::take(&mut self.open) {
            self.close(since, at, RuleFilter::Only(vec![id]));
        }
    }

    fn close(&mut self, since: usize, at: usize, rules: RuleFilter) {
        if since < at {
            self.closed.push(Scoped {
                range: TextRange::new(since, at),
                rules,
            });
        }
    }

    fn finish(mut self, end_of_file: usize) -> Vec<Scoped> {
        self.close_everything(end_of_file);
        self.closed
    }
}

/// The edit that silences `rule` on the line holding `offset`: an `amends-ignore` comment at the
/// end of that line. At the end of the line, not on a line of its own above it: in Markdown an
/// HTML comment line would split the paragraph it sits in, which changes the rendered draft,
/// while an inline comment shows nowhere.
pub fn ignore_on_line(source: &str, rule: &str, offset: usize) -> Edit {
    let offset = offset.min(source.len());
    let line_end = source[offset..]
        .find(['\n', '\r'])
        .map_or(source.len(), |end| offset + end);
    let line_start = source[..offset].rfind('\n').map_or(0, |nl| nl + 1);
    let separator = if source[line_start..line_end].ends_with(char::is_whitespace) {
        ""
    } else {
        " "
    };
    Edit::insert(
        line_end,
        format!("{separator}<!-- amends-ignore: {rule} -->"),
    )
}

/// The edit that silences `rule` for the whole file: an `amends-disable-file` comment on a line
/// of its own at the top, after front matter (which must stay the first thing in the file) and
/// a byte order mark.
pub fn disable_in_file(source: &str, rule: &str) -> Edit {
    let line_break = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let at = front_matter_end(source, start).unwrap_or(start);
    Edit::insert(
        at,
        format!("<!-- amends-disable-file: {rule} -->{line_break}"),
    )
}

/// Where the YAML (`---`) or TOML (`+++`) front matter starting at `start` ends: after its
/// closing fence line.
fn front_matter_end(source: &str, start: usize) -> Option<usize> {
    let mut lines = source[start..].split_inclusive('\n');
    let fence = lines.next()?.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let mut at = start + fence.len();
    at += source[at..].find('\n')? + 1;
    for line in lines {
        at += line.len();
        let closing = line.trim_end();
        if closing == fence || (fence == "---" && closing == "...") {
            return Some(at);
        }
    }
    None
}

fn all_except(except: Vec<String>) -> RuleFilter {
    if except.is_empty() {
        RuleFilter::All
    } else {
        RuleFilter::AllExcept(except)
    }
}

/// The line each `amends-ignore` applies to.
///
/// Decision (the catalog only says "next line"): a comment *alone on its line* (nothing but
/// whitespace and other comments there) applies to the next line that has content, skipping blank
/// lines and other comment-only lines, so stacked ignores all reach the sentence below them. A
/// comment that *trails* (or leads) other content applies to the line(s) it sits on — for a
/// comment spanning lines, every line it touches. A finding is on a line when its start offset is
/// in the line's byte range.
///
/// One pass over the lines from the first comment on, never re-reading a byte: linear time.
fn ignored_lines(
    source: &str,
    comments: &[TextRange],
    directives: &[Option<Directive>],
) -> Vec<Scoped> {
    /// What we learn about a comment while walking the lines it touches.
    #[derive(Clone, Copy)]
    struct Touch {
        first_line_start: usize,
        content_beside: bool,
    }

    let mut targets = Vec::new();
    let mut touches: Vec<Option<Touch>> = vec![None; comments.len()];
    let mut waiting: Vec<RuleFilter> = Vec::new();
    // Index of the first comment that ends after the current line's start.
    let mut first_open = 0;
    let mut line_start = comments.first().map_or(0, |first| {
        source[..first.start].rfind('\n').map_or(0, |nl| nl + 1)
    });

    while line_start < source.len() && (first_open < comments.len() || !waiting.is_empty()) {
        let next_line = source[line_start..]
            .find('\n')
            .map_or(source.len(), |nl| line_start + nl + 1);
        let line_end = next_line;

        // Does the line hold anything besides whitespace and comments?
        let mut has_content = false;
        let mut position = line_start;
        let mut index = first_open;
        while position < line_end {
            if let Some(comment) = comments.get(index)
                && comment.start <= position
            {
                position = position.max(comment.end);
                index += 1;
                continue;
            }
            let stop = comments
                .get(index)
                .map_or(line_end, |comment| comment.start.min(line_end));
            if source[position..stop].chars().any(|c| !c.is_whitespace()) {
                has_content = true;
                break;
            }
            position = stop;
        }

        if has_content {
            for rules in waiting.drain(..) {
                targets.push(Scoped {
                    range: TextRange::new(line_start, line_end),
                    rules,
                });
            }
        }

        let mut index = first_open;
        while let Some(comment) = comments.get(index)
            && comment.start < next_line
        {
            let touch = touches[index].get_or_insert(Touch {
                first_line_start: line_start,
                content_beside: false,
            });
            touch.content_beside |= has_content;
            if comment.end <= next_line
                && let Some(Directive::Ignore(rules)) = &directives[index]
            {
                if touch.content_beside {
                    targets.push(Scoped {
                        range: TextRange::new(touch.first_line_start, line_end),
                        rules: rules.clone(),
                    });
                } else {
                    waiting.push(rules.clone());
                }
            }
            index += 1;
        }
        while comments
            .get(first_open)
            .is_some_and(|comment| comment.end <= next_line)
        {
            first_open += 1;
        }
        line_start = next_line;
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds suppressions from every `<!-- … -->` in `source`, as markup.rs does for Markdown.
    fn parse(source: &str) -> Suppressions {
        let mut comments = Vec::new();
        let mut from = 0;
        while let Some(open) = source[from..].find("<!--") {
            let start = from + open;
            let end = start + 4 + source[start + 4..].find("-->").expect("closed comment") + 3;
            comments.push(TextRange::new(start, end));
            from = end;
        }
        Suppressions::from_comments(source, &comments)
    }

    /// The range of the first occurrence of `needle`, where a rule would report a finding.
    fn at(source: &str, needle: &str) -> TextRange {
        let start = source.find(needle).expect("needle in source");
        TextRange::new(start, start + needle.len())
    }

    #[test]
    fn directives_parse_with_any_spacing() {
        assert_eq!(
            Directive::parse("<!-- amends-ignore -->"),
            Some(Directive::Ignore(RuleFilter::All))
        );
        assert_eq!(
            Directive::parse("<!--amends-ignore:cliche,hedging-->"),
            Some(Directive::Ignore(RuleFilter::Only(vec![
                "cliche".into(),
                "hedging".into()
            ])))
        );
        assert_eq!(
            Directive::parse("<!--   amends-disable :  cliche ,  hedging   -->"),
            Some(Directive::Disable(RuleFilter::Only(vec![
                "cliche".into(),
                "hedging".into()
            ])))
        );
        assert_eq!(
            Directive::parse("<!--\n  amends-enable: minimizing\n-->"),
            Some(Directive::Enable(RuleFilter::Only(vec![
                "minimizing".into()
            ])))
        );
        assert_eq!(
            Directive::parse("<!-- amends-disable-file -->"),
            Some(Directive::DisableFile(RuleFilter::All))
        );
        assert_eq!(
            Directive::parse("<!-- amends-ignore: -->"),
            Some(Directive::Ignore(RuleFilter::All))
        );
        assert_eq!(
            Directive::parse("<!-- amends: apology -->"),
            Some(Directive::Apology)
        );
        assert_eq!(
            Directive::parse("<!--amends:apology-->"),
            Some(Directive::Apology)
        );
    }

    #[test]
    fn other_comments_and_unknown_words_are_not_directives() {
        for comment in [
            "<!-- a note for the editor -->",
            "<!-- amends-silence: cliche -->",
            "<!-- amendsignore -->",
            "<!-- amends-ignore because the customer asked for it -->",
            "<!-- Amends-Ignore -->",
            "<!-- amends: draft -->",
            "<!-- amends -->",
            "<!-- please run amends-ignore -->",
        ] {
            assert_eq!(Directive::parse(comment), None, "{comment}");
        }
    }

    #[test]
    fn no_comments_means_nothing_suppressed() {
        let suppressions = Suppressions::from_comments("We lost your parcel.", &[]);
        assert!(suppressions.is_empty());
        assert!(!suppressions.forces_apology());
        assert!(!suppressions.disables_file("cliche"));
        assert!(!suppressions.suppresses("cliche", TextRange::new(0, 2)));
    }

    #[test]
    fn ignore_alone_on_its_line_applies_to_the_next_line() {
        let source =
            "We shipped late.\n<!-- amends-ignore -->\nOur courier lost it.\nWe are sorry.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("blames-third-party", at(source, "courier")));
        assert!(suppressions.suppresses("cliche", at(source, "lost it")));
        assert!(!suppressions.suppresses("cliche", at(source, "shipped")));
        assert!(!suppressions.suppresses("cliche", at(source, "sorry")));
    }

    #[test]
    fn ignore_skips_blank_lines_before_its_target() {
        let source = "<!-- amends-ignore -->\n\n   \r\nThe delay was minor.\nNext line.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("minimizing", at(source, "minor")));
        assert!(!suppressions.suppresses("minimizing", at(source, "Next")));
    }

    #[test]
    fn ignore_with_ids_names_only_those_rules() {
        let source =
            "<!-- amends-ignore: minimizing, hedging -->\nIt may have been a slight delay.\n";
        let suppressions = parse(source);
        let finding = at(source, "slight delay");
        assert!(suppressions.suppresses("minimizing", finding));
        assert!(suppressions.suppresses("hedging", finding));
        assert!(!suppressions.suppresses("cliche", finding));
        // Ids are case-sensitive.
        assert!(!suppressions.suppresses("Minimizing", finding));
    }

    #[test]
    fn trailing_ignore_applies_to_its_own_line() {
        let source = "First line.\nIt was a slight delay. <!-- amends-ignore: minimizing -->\nAnother slight delay.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("minimizing", at(source, "slight delay.")));
        assert!(!suppressions.suppresses("minimizing", at(source, "Another slight")));
        assert!(!suppressions.suppresses("minimizing", at(source, "First")));
    }

    #[test]
    fn leading_ignore_applies_to_its_own_line() {
        let source = "<!-- amends-ignore --> Mistakes were made.\nWe fixed them.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("passive-evasion", at(source, "Mistakes")));
        assert!(!suppressions.suppresses("passive-evasion", at(source, "We fixed")));
    }

    #[test]
    fn stacked_ignores_all_reach_the_next_content_line() {
        let source = "<!-- amends-ignore: cliche -->\n<!-- a reviewer's note --><!-- amends-ignore: hedging -->\n\nWe may have caused some inconvenience.\n";
        let suppressions = parse(source);
        let finding = at(source, "inconvenience");
        assert!(suppressions.suppresses("cliche", finding));
        assert!(suppressions.suppresses("hedging", finding));
        assert!(!suppressions.suppresses("minimizing", finding));
    }

    #[test]
    fn multi_line_ignore_comment_applies_after_it_closes() {
        let source = "<!--\n  amends-ignore: excuse\n-->\nIt was a busy season.\nThat is on us.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("excuse", at(source, "busy season")));
        assert!(!suppressions.suppresses("excuse", at(source, "That is")));
    }

    #[test]
    fn ignore_at_end_of_file_suppresses_nothing() {
        let source = "We are sorry.\n<!-- amends-ignore -->\n\n";
        let suppressions = parse(source);
        assert!(!suppressions.suppresses("cliche", at(source, "sorry")));
    }

    #[test]
    fn ignore_works_with_crlf_lines() {
        let source = "<!-- amends-ignore -->\r\nSorry for any inconvenience.\r\nThanks.\r\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("cliche", at(source, "inconvenience")));
        assert!(!suppressions.suppresses("cliche", at(source, "Thanks")));
    }

    #[test]
    fn disable_enable_makes_a_region() {
        let source = "A slight delay.\n<!-- amends-disable: minimizing -->\nB slight delay.\n\nC slight delay.\n<!-- amends-enable: minimizing -->\nD slight delay.\n";
        let suppressions = parse(source);
        assert!(!suppressions.suppresses("minimizing", at(source, "A slight")));
        assert!(suppressions.suppresses("minimizing", at(source, "B slight")));
        assert!(suppressions.suppresses("minimizing", at(source, "C slight")));
        assert!(!suppressions.suppresses("minimizing", at(source, "D slight")));
        assert!(!suppressions.suppresses("cliche", at(source, "B slight")));
    }

    #[test]
    fn disable_without_enable_runs_to_the_end_of_the_file() {
        let source =
            "Before.\n<!-- amends-disable: cliche, hedging -->\nAfter one.\n\n\nAfter two.";
        let suppressions = parse(source);
        assert!(!suppressions.suppresses("cliche", at(source, "Before")));
        assert!(suppressions.suppresses("cliche", at(source, "After one")));
        assert!(suppressions.suppresses("hedging", at(source, "After two")));
        assert!(!suppressions.suppresses("excuse", at(source, "After two")));
    }

    #[test]
    fn bare_disable_covers_every_rule_until_bare_enable() {
        let source = "<!-- amends-disable -->\nInside.\n<!-- amends-enable -->\nOutside.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("cliche", at(source, "Inside")));
        assert!(suppressions.suppresses("anything-at-all", at(source, "Inside")));
        assert!(!suppressions.suppresses("cliche", at(source, "Outside")));
    }

    #[test]
    fn enabling_one_rule_inside_a_bare_disable_keeps_the_others_off() {
        let source = "<!-- amends-disable -->\nOne.\n<!-- amends-enable: cliche -->\nTwo.\n<!-- amends-disable: cliche -->\nThree.\n<!-- amends-enable -->\nFour.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("cliche", at(source, "One")));
        assert!(!suppressions.suppresses("cliche", at(source, "Two")));
        assert!(suppressions.suppresses("hedging", at(source, "Two")));
        assert!(suppressions.suppresses("cliche", at(source, "Three")));
        assert!(suppressions.suppresses("hedging", at(source, "Three")));
        assert!(!suppressions.suppresses("cliche", at(source, "Four")));
        assert!(!suppressions.suppresses("hedging", at(source, "Four")));
    }

    #[test]
    fn bare_enable_closes_named_regions_too() {
        let source = "<!-- amends-disable: cliche -->\nOne.\n<!-- amends-enable -->\nTwo.\n";
        let suppressions = parse(source);
        assert!(suppressions.suppresses("cliche", at(source, "One")));
        assert!(!suppressions.suppresses("cliche", at(source, "Two")));
    }

    #[test]
    fn enable_of_a_rule_never_disabled_changes_nothing() {
        let source = "<!-- amends-enable: cliche -->\nOne.\n";
        let suppressions = parse(source);
        assert!(!suppressions.suppresses("cliche", at(source, "One")));
        assert!(suppressions.regions.is_empty());
    }

    #[test]
    fn trailing_disable_starts_after_the_comment() {
        let source = "Early words <!-- amends-disable: cliche --> later words.\n";
        let suppressions = parse(source);
        assert!(!suppressions.suppresses("cliche", at(source, "Early")));
        assert!(suppressions.suppresses("cliche", at(source, "later")));
    }

    #[test]
    fn disable_file_names_rules_anywhere_in_the_file() {
        let source = "We are sorry.\n\n<!-- amends-disable-file: prefer-apologize, cliche -->\n";
        let suppressions = parse(source);
        assert!(suppressions.disables_file("prefer-apologize"));
        assert!(suppressions.disables_file("cliche"));
        assert!(!suppressions.disables_file("hedging"));
        assert!(!suppressions.forces_apology());
    }

    #[test]
    fn bare_disable_file_covers_every_rule() {
        let suppressions = parse("<!--amends-disable-file-->\nText.");
        assert!(suppressions.disables_file("cliche"));
        assert!(suppressions.disables_file("missing-remedy"));
    }

    #[test]
    fn apology_comment_forces_the_gate() {
        let suppressions = parse("Release notes.\n<!-- amends: apology -->\n");
        assert!(suppressions.forces_apology());
        assert!(!suppressions.disables_file("cliche"));
        assert!(!parse("<!-- amends-ignore: apology -->\nx").forces_apology());
    }

    #[test]
    fn comments_given_out_of_order_or_twice_still_work() {
        let source = "<!-- amends-disable: cliche -->\nA.\n<!-- amends-enable: cliche -->\nB.\n";
        let first = at(source, "<!-- amends-disable: cliche -->");
        let second = at(source, "<!-- amends-enable: cliche -->");
        let suppressions = Suppressions::from_comments(source, &[second, first, first]);
        assert!(suppressions.suppresses("cliche", at(source, "A.")));
        assert!(!suppressions.suppresses("cliche", at(source, "B.")));
    }

    #[test]
    fn ranges_outside_the_source_are_ignored() {
        let suppressions = Suppressions::from_comments("short", &[TextRange::new(2, 40)]);
        assert!(suppressions.is_empty());
    }

    #[test]
    fn many_ignores_stay_fast() {
        // 20 000 stacked comment lines, then content: each byte is read once.
        let mut source = "<!-- amends-ignore: cliche -->\n".repeat(20_000);
        source.push_str("\n".repeat(20_000).as_str());
        source.push_str("Sorry for any inconvenience.\n");
        let suppressions = parse(&source);
        assert!(suppressions.suppresses("cliche", at(&source, "Sorry")));
        assert_eq!(suppressions.lines.len(), 20_000);
    }

    #[test]
    fn an_ignore_comment_goes_to_the_end_of_the_finding_line_and_silences_it() {
        let source = "Intro line.\nSorry for any inconvenience.\r\nNext line.\n";
        let finding = at(source, "any inconvenience");
        let edit = ignore_on_line(source, "cliche", finding.start);
        let (fixed, _) = crate::lint::apply_edits(source, [&edit]);
        assert_eq!(
            fixed,
            "Intro line.\nSorry for any inconvenience. <!-- amends-ignore: cliche -->\r\nNext line.\n"
        );
        let moved = at(&fixed, "any inconvenience");
        assert!(parse(&fixed).suppresses("cliche", moved));
        assert!(!parse(&fixed).suppresses("hedging", moved));
    }

    #[test]
    fn a_file_comment_goes_after_front_matter_and_silences_the_rule() {
        let source = "---\ntitle: Reply\n---\nSorry for any inconvenience.\n";
        let edit = disable_in_file(source, "cliche");
        assert_eq!(edit.range.start, "---\ntitle: Reply\n---\n".len());
        let (fixed, _) = crate::lint::apply_edits(source, [&edit]);
        assert!(parse(&fixed).disables_file("cliche"));
        let plain = "Sorry.\r\nMore.";
        let edit = disable_in_file(plain, "hedging");
        assert_eq!(
            (edit.range.start, &*edit.replacement),
            (0, "<!-- amends-disable-file: hedging -->\r\n")
        );
        // An unclosed fence is not front matter.
        assert_eq!(disable_in_file("---\nno end", "cliche").range.start, 0);
    }
}
