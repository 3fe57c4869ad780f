//! Text edits the rules' fixes share: dropping words with their spacing, capitalizing a new
//! sentence start, formatting text that quotes the draft. Not a rule.

use std::fmt::Write;
use std::ops::Range;

use crate::lint::finding::{Edit, TextRange};
use crate::lint::language::{Analysis, TokenKind};

/// `format!` for the text of a finding: its message, a fix's title or replacement. Rules use it
/// (or [`Context::format_localized`](crate::rules::Context::format_localized), which is the same)
/// and not `format!`, which sizes its string from the literal text alone: a text that is mostly
/// quoted words would grow through several reallocations, and a long draft has thousands of
/// findings. This one starts with room for a typical message.
macro_rules! draft_text {
    ($($argument:tt)*) => {
        $crate::rules::edits::format_draft_text(format_args!($($argument)*))
    };
}
pub(crate) use draft_text;

/// What [`draft_text!`] expands to.
pub(crate) fn format_draft_text(arguments: std::fmt::Arguments<'_>) -> String {
    const TYPICAL_LENGTH: usize = 96;
    let mut text = String::with_capacity(TYPICAL_LENGTH);
    text.write_fmt(arguments)
        .expect("formatting into a String does not fail");
    text
}

/// Whether `token` is the first word of its sentence (after opening quotes or brackets).
pub(crate) fn starts_sentence(analysis: &Analysis<'_>, token: usize) -> bool {
    let sentence = analysis.sentence_of(token);
    (sentence.start()..token).all(|i| analysis.is(i, &["\"", "'", "("]))
}

/// `text` with its first letter in uppercase.
pub(crate) fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The edit that deletes the words `tokens` with one adjacent space, so no double space is left
/// behind: commas around a parenthetical hedge go with it (", to some extent," → ""), and when
/// the words open a sentence the next word takes the capital.
pub(crate) fn drop_words(analysis: &Analysis<'_>, source: &str, tokens: Range<usize>) -> Edit {
    let span = analysis.span(tokens.clone());
    let sentence = analysis.sentence_of(tokens.start);
    let in_sentence = |i: usize| sentence.contains_token(i);
    let is_punct = |i: usize| {
        analysis
            .text
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    };
    let mut end_token = tokens.end;
    let opens = starts_sentence(analysis, tokens.start);
    let comma_before =
        tokens.start > 0 && in_sentence(tokens.start - 1) && analysis.word(tokens.start - 1) == ",";
    if in_sentence(end_token) && analysis.word(end_token) == "," && (opens || comma_before) {
        // "Perhaps, we …" and "we were, to some extent, at fault": the comma goes too.
        end_token += 1;
    }
    let start = if comma_before && end_token > tokens.end {
        analysis.span(tokens.start - 1..tokens.start).start
    } else {
        span.start
    };
    let next = end_token;
    if opens && in_sentence(next) && !is_punct(next) {
        // The next word becomes the sentence's first: give it the capital.
        let next_span = analysis.span(next..next + 1);
        let word = next_span.slice(source);
        let first_len = word.chars().next().map_or(0, char::len_utf8);
        return Edit::replace(
            TextRange::new(start, next_span.start + first_len),
            capitalize_first(&word[..first_len]),
        );
    }
    let end = analysis.span(tokens.start..end_token).end;
    if comma_before && end_token > tokens.end {
        // ", to some extent," → "": the space after the second comma stays.
        return Edit::delete(TextRange::new(start, end));
    }
    let after = &source[end..];
    let before = &source[..start];
    if after.starts_with(' ') && !(in_sentence(next) && is_punct(next)) {
        Edit::delete(TextRange::new(start, end + 1))
    } else if before.ends_with(' ') {
        Edit::delete(TextRange::new(start - 1, end))
    } else {
        Edit::delete(TextRange::new(start, end))
    }
}

/// `range` plus one adjacent space, so that deleting it leaves no double space: the space after
/// it, or else the one before it.
pub(crate) fn with_one_space(source: &str, range: TextRange) -> TextRange {
    let after = source[range.end..].chars().next();
    let before = source[..range.start].chars().next_back();
    match (before, after) {
        (_, Some(' ')) => TextRange::new(range.start, range.end + 1),
        (Some(c), _) if c.is_whitespace() => TextRange::new(range.start - c.len_utf8(), range.end),
        (_, Some(c)) if c.is_whitespace() => TextRange::new(range.start, range.end + c.len_utf8()),
        _ => range,
    }
}

/// The normalized words of `tokens`, as a message quotes them ("if", "that said").
pub(crate) fn quoted_words(analysis: &Analysis<'_>, tokens: Range<usize>) -> String {
    joined(tokens.map(|index| analysis.word(index)), 16)
}

/// Source text quoted in a fix title: on one line, single spaces.
pub(crate) fn one_line(text: &str) -> String {
    joined(text.split_whitespace(), text.len())
}

/// `words` with one space between each two, in one string of room `capacity` (a long draft
/// quotes thousands of phrases: no list of the words first).
fn joined<'w>(words: impl Iterator<Item = &'w str>, capacity: usize) -> String {
    let mut line = String::with_capacity(capacity);
    for word in words {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}
