//! What every reader shares: building prose runs (merging, cutting, finishing them) and reading
//! a region line by line.

use crate::lint::finding::TextRange;

use super::ProseRun;
use super::urls::find_links;

/// Collects runs, merging contiguous text of one block and remembering block starts.
#[derive(Default)]
pub(super) struct RunBuilder {
    pub(super) runs: Vec<ProseRun>,
    block_pending: bool,
}

impl RunBuilder {
    /// The next text starts a new block.
    pub(super) fn new_block(&mut self) {
        self.block_pending = true;
    }

    /// Adds `range` of `text`; with `merge`, text that continues the previous run of the same
    /// block where it ended extends it (pulldown-cmark splits text at `[`, `&`, `'` …, and leaves
    /// out the backslash of an escape such as `\*`, which should not break a sentence in two).
    pub(super) fn push(&mut self, text: &str, range: TextRange, merge: bool) {
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
pub(super) fn clip_runs(runs: &mut Vec<ProseRun>, cutoff: usize) {
    runs.retain(|run| run.range.start < cutoff);
    if let Some(last) = runs.last_mut() {
        last.range.end = last.range.end.min(cutoff);
    }
}

/// `runs` minus the sorted, non-overlapping `excluded` ranges. With `block_after`, the text
/// after an excluded range starts a new block.
pub(super) fn subtract(
    runs: Vec<ProseRun>,
    excluded: &[TextRange],
    block_after: bool,
) -> Vec<ProseRun> {
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
pub(super) fn finish_runs(text: &str, runs: Vec<ProseRun>) -> Vec<ProseRun> {
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
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

impl Line {
    pub(super) fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub(super) fn range(self) -> TextRange {
        TextRange::new(self.start, self.end)
    }
}

/// The lines of `region`.
pub(super) struct LineIter<'t> {
    text: &'t str,
    position: usize,
    end: usize,
}

impl<'t> LineIter<'t> {
    pub(super) fn new(text: &'t str, region: TextRange) -> Self {
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
        // A long document's lines are read twice (by its format's reader and by `finish_runs`):
        // memchr finds each line break reading many bytes at a time.
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

pub(super) fn is_blank(line: &str) -> bool {
    line.trim_start().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::markup::DocumentKind;
    use crate::lint::markup::tests::{blocks_of, markdown};

    #[test]
    fn a_paragraph_that_is_only_a_url_leaves_no_run_and_keeps_the_block_start() {
        let text = "Thanks.\n\nhttps://example.com/status\nIt was our cache.";
        assert_eq!(
            blocks_of(text, DocumentKind::Markdown),
            ["¶Thanks.", "¶It was our cache."]
        );
    }

    #[test]
    fn text_split_by_the_parser_merges_into_one_run() {
        let text = "We can&#39;t [really] say AT&T or \\*why\\* it failed.";
        assert_eq!(markdown(text), [text]);
    }

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
}
