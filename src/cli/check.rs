//! `amends check`: find the drafts, lint each with its configuration, fix if asked, report.
//!
//! Errors about one draft (unreadable, not UTF-8, under a broken `amends.toml`) are one line on
//! standard error; the other drafts are still checked and the run ends with exit code 2. Errors
//! that make the whole run meaningless (an unknown id in `--select`, a broken `--config` file)
//! stop it before anything is checked.

use std::io::{self, BufWriter, IsTerminal, Write};

use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Style};

use crate::cli::args::{CheckArgs, OutputFormat};
use crate::cli::inputs::{self, Input, Source};
use crate::cli::output::human::Human;
use crate::cli::output::json::Json;
use crate::cli::output::sarif::Sarif;
use crate::cli::output::{CheckedFile, Reporter, Totals};
use crate::cli::settings::{Lookup, Overrides, Settings};
use crate::cli::{Status, color_for, describe_io_error, error_line, is_broken_pipe, plural};
use crate::lint::fix::{Applicability, fix_until_stable};
use crate::lint::{self, config};
use crate::position::LineIndex;

/// What the run does with fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Report findings.
    Check,
    /// `--fix`: apply fixes, write changed files, report what remains.
    Fix,
    /// `--diff`: print what `--fix` would change; write nothing, report nothing else.
    Diff,
}

pub fn run(args: &CheckArgs, color: ColorChoice) -> Status {
    let overrides = match overrides(args) {
        Ok(overrides) => overrides,
        Err(message) => {
            error_line(color, message);
            return Status::Error;
        }
    };
    let settings = match Settings::new(overrides, args.config.as_deref()) {
        Ok(settings) => settings,
        Err(message) => {
            error_line(color, message);
            return Status::Error;
        }
    };
    let mode = if args.diff {
        Mode::Diff
    } else if args.fix {
        Mode::Fix
    } else {
        Mode::Check
    };
    let applicability = if args.unsafe_fixes {
        Applicability::SafeAndUnsafe
    } else {
        Applicability::Safe
    };
    let mut run = Run {
        args,
        color,
        mode,
        applicability,
        settings,
        status: Status::Clean,
        totals: Totals {
            fix_mode: (mode == Mode::Fix).then_some(applicability),
            ..Totals::default()
        },
        diffs: Diffs::default(),
    };
    match run.check_all() {
        Ok(()) => run.status,
        // `amends check | head`: the reader is gone; there is no one left to tell.
        Err(error) if is_broken_pipe(&error) => Status::Error,
        Err(error) => {
            error_line(
                color,
                format!("could not write the output: {}", describe_io_error(&error)),
            );
            Status::Error
        }
    }
}

/// `--select` and `--ignore`, checked against the registry: a typo must not silently run
/// nothing (or everything).
fn overrides(args: &CheckArgs) -> Result<Overrides, String> {
    let checked = |flag: &str, ids: &[String]| -> Result<Vec<String>, String> {
        let mut known: Vec<String> = Vec::new();
        for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
            let id = config::known_rule_id(id).map_err(|unknown| format!("{flag}: {unknown}"))?;
            if !known.iter().any(|seen| seen == id) {
                known.push(id.to_owned());
            }
        }
        Ok(known)
    };
    Ok(Overrides {
        select: args
            .select
            .as_deref()
            .map(|ids| checked("--select", ids))
            .transpose()?,
        ignore: checked("--ignore", &args.ignore)?,
    })
}

/// Diff-mode counts.
#[derive(Debug, Default)]
struct Diffs {
    fixes: usize,
    files: usize,
}

struct Run<'a> {
    args: &'a CheckArgs,
    color: ColorChoice,
    mode: Mode,
    applicability: Applicability,
    settings: Settings,
    status: Status,
    totals: Totals,
    diffs: Diffs,
}

impl Run<'_> {
    fn check_all(&mut self) -> io::Result<()> {
        let discovery = inputs::discover(&self.args.paths);
        for error in &discovery.errors {
            self.fail(error);
        }
        if discovery.inputs.is_empty() && discovery.errors.is_empty() {
            error_line(
                self.color,
                "warning: no drafts (.md, .markdown, .txt, .text, .eml) found in the given paths",
            );
        }
        let reads_stdin = discovery
            .inputs
            .iter()
            .any(|input| input.source == Source::Stdin);
        // With `--fix` on standard input the fixed text goes to standard output, so the report
        // moves to standard error (as ruff does).
        let report_to_stderr = self.mode == Mode::Fix && reads_stdin;
        let mut reporter = self.reporter(report_to_stderr);
        for input in &discovery.inputs {
            self.check_one(input, &mut reporter)?;
        }
        match reporter {
            Some(mut reporter) => reporter.finish(&self.totals)?,
            None => self.finish_diff(),
        }
        Ok(())
    }

    /// The reporter for the chosen format; none in diff mode, which prints only diffs.
    fn reporter(&self, to_stderr: bool) -> Option<Box<dyn Reporter>> {
        if self.mode == Mode::Diff {
            return None;
        }
        let (raw, choice): (Box<dyn Write>, ColorChoice) = if to_stderr {
            (Box::new(io::stderr()), color_for(self.color, &io::stderr()))
        } else {
            (Box::new(io::stdout()), color_for(self.color, &io::stdout()))
        };
        Some(match self.args.format {
            // Unbuffered beyond the standard line buffering, so findings and the error lines of
            // unreadable drafts come out in the order the drafts were checked.
            OutputFormat::Human => Box::new(Human::new(
                AutoStream::new(raw, choice),
                !self.args.no_summary,
            )),
            // One document printed at the end: buffer it.
            OutputFormat::Json => Box::new(Json::new(BufWriter::new(raw))),
            OutputFormat::Sarif => Box::new(Sarif::new(BufWriter::new(raw))),
        })
    }

    fn check_one(
        &mut self,
        input: &Input,
        reporter: &mut Option<Box<dyn Reporter>>,
    ) -> io::Result<()> {
        let path = input.display_path();
        let options = match self.settings.options_for(input) {
            Lookup::Found(options) => options,
            Lookup::Broken { report } => {
                if let Some(report) = report {
                    self.fail(&report);
                }
                self.totals.skipped += 1;
                return Ok(());
            }
        };
        if input.source == Source::Stdin && io::stdin().is_terminal() {
            // Otherwise `amends check` with no path just seems to hang.
            error_line(
                self.color,
                "reading a draft from standard input (end it with Ctrl-D; `amends check --help` \
                 for paths)",
            );
        }
        let limits = inputs::ReadLimits {
            max_bytes: self.args.max_size,
            regular_files_only: self.mode == Mode::Fix,
        };
        let original = match inputs::read(input, limits) {
            Ok(text) => text,
            Err(inputs::ReadError(why)) => {
                self.fail(&format!("{path}: {why}; skipped"));
                self.totals.skipped += 1;
                return Ok(());
            }
        };
        let kind = input.kind(&original);
        let report = lint::lint(&original, kind, &options);
        let (text, report, fixed) = if self.mode == Mode::Check {
            (original, report, 0)
        } else {
            let fixed = fix_until_stable(
                &original,
                report,
                |report| &report.findings,
                |text| lint::lint(text, kind, &options),
                self.applicability,
            );
            let changed = fixed.text != original;
            match (&input.source, self.mode) {
                (_, Mode::Diff) => {
                    if changed {
                        self.diffs.fixes += fixed.applied;
                        self.diffs.files += 1;
                        self.print_diff(&path, &original, &fixed.text)?;
                    }
                    return Ok(());
                }
                // Always echo standard input, fixed or not, so `amends check --fix - < a > b`
                // never leaves an empty `b`.
                (Source::Stdin, _) => {
                    let mut stdout = io::stdout().lock();
                    stdout.write_all(fixed.text.as_bytes())?;
                    stdout.flush()?;
                }
                (Source::File(file), _) if changed => {
                    if let Err(error) = std::fs::write(file, &fixed.text) {
                        self.fail(&format!(
                            "{path}: could not write the fixes: {}",
                            describe_io_error(&error)
                        ));
                        return Ok(());
                    }
                }
                (Source::File(_), _) => {}
            }
            (fixed.text, fixed.report, fixed.applied)
        };

        let lines = LineIndex::new(&text);
        let checked = CheckedFile {
            path: &path,
            text: &text,
            lines: &lines,
            report: &report,
            fixed,
            named: input.named,
        };
        self.totals.count(&checked);
        let fail_on = self.args.fail_on.severity();
        if report
            .findings
            .iter()
            .any(|finding| finding.severity >= fail_on)
        {
            self.status = self.status.max(Status::Findings);
        }
        match reporter {
            Some(reporter) => reporter.file(&checked),
            None => Ok(()),
        }
    }

    fn print_diff(&self, path: &str, before: &str, after: &str) -> io::Result<()> {
        let diff = similar::TextDiff::from_lines(before, after);
        let text = diff
            .unified_diff()
            .context_radius(3)
            .header(path, path)
            .to_string();
        let mut stdout = AutoStream::new(io::stdout().lock(), color_for(self.color, &io::stdout()));
        for line in text.split_inclusive('\n') {
            let style = match line.as_bytes().first() {
                Some(b'+') if !line.starts_with("+++") => AnsiColor::Green.on_default(),
                Some(b'-') if !line.starts_with("---") => AnsiColor::Red.on_default(),
                Some(b'@') => AnsiColor::Cyan.on_default(),
                _ => Style::new(),
            };
            write!(stdout, "{style}{line}{style:#}")?;
        }
        if !text.ends_with('\n') {
            writeln!(stdout)?;
        }
        stdout.flush()
    }

    /// `--diff`'s closing line goes to standard error, so standard output is a clean patch.
    fn finish_diff(&mut self) {
        let mut stderr = AutoStream::new(io::stderr(), color_for(self.color, &io::stderr()));
        let message = if self.diffs.files == 0 {
            "No fixes to apply.".to_owned()
        } else {
            self.status = self.status.max(Status::Findings);
            format!(
                "Would fix {} in {}.",
                plural(self.diffs.fixes, "finding", "findings"),
                plural(self.diffs.files, "file", "files"),
            )
        };
        let _ = writeln!(stderr, "{message}");
    }

    /// Report an error about one draft; the run goes on and ends with exit code 2.
    fn fail(&mut self, message: &str) {
        error_line(self.color, message);
        self.status = Status::Error;
    }
}
