//! The command line's grammar (clap derive): `check`, `rules`, `explain`, `lsp`.
//!
//! Only parsing lives here; what a command does is in its own module. Help texts are written for
//! the writer of an apology, not for a linter expert.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lint::Severity;

/// A linter for apologies that work: finds the weak spots of an apology draft and scores its
/// strength.
#[derive(Debug, Parser)]
#[command(
    name = "amends",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to color the output (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, global = true, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts for weak spots and summarize each apology's strength.
    Check(CheckArgs),
    /// List every rule with its default severity and fix.
    Rules(RulesArgs),
    /// Show a rule's documentation.
    Explain(ExplainArgs),
    /// Run the language server (LSP over standard input and output).
    Lsp(LspArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 when no finding at or above --fail-on remains, 1 when one \
    does, 2 for a usage, configuration or I/O error (after checking the other drafts)."
)]
pub struct CheckArgs {
    /// Files or directories to check. Directories are searched for .md, .markdown, .txt, .text
    /// and .eml files, honouring .gitignore and .ignore. `-` or no path reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// Apply safe fixes in place (on standard input: print the fixed text).
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, apply unsafe fixes too: they may change what the draft admits or
    /// claims, so read the result.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what --fix would change and write nothing (--format does not
    /// apply; exits with 1 when a file would change).
    #[arg(long)]
    pub diff: bool,

    /// Run only these rules (comma-separated ids), including rules that are off by default.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub select: Option<Vec<String>>,

    /// Never run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub ignore: Vec<String>,

    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Use this configuration file instead of the nearest amends.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Do not print the strength summary after each apology (human format).
    #[arg(long)]
    pub no_summary: bool,

    /// Refuse a draft larger than this: bytes, or a number with K, M or G (powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_size: usize,
}

/// A size in bytes from `16M`, `512K`, `1G` or a plain number (`KiB`, `MB` and lower case read the
/// same: powers of 1024).
pub fn parse_size(text: &str) -> Result<usize, String> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let number = lower
        .trim_end_matches("ib")
        .trim_end_matches('b')
        .trim_end_matches(['k', 'm', 'g']);
    let unit = &lower[number.len()..];
    let shift = match unit.chars().next() {
        None | Some('b') => 0,
        Some('k') => 10,
        Some('m') => 20,
        Some('g') => 30,
        Some(_) => return Err(size_error(text)),
    };
    number
        .parse::<usize>()
        .ok()
        .and_then(|number| number.checked_mul(1 << shift))
        .ok_or_else(|| size_error(text))
}

fn size_error(text: &str) -> String {
    format!("{text:?} is not a size: use a number of bytes, or one with K, M or G, such as 16M")
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// How to print the list.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's id, as shown in brackets after a finding's severity.
    #[arg(value_name = "RULE")]
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Speak the protocol over standard input and output: accepted for the clients that pass it;
    /// standard input and output is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Findings with the source line and carets, like rustc or ruff.
    Human,
    /// One JSON object for other tools.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table.
    Human,
    /// `{"rules": [...]}`, one object per rule.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Hint,
    Info,
    Warning,
    Error,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Hint => Severity::Hint,
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Color when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Color even into a pipe or a file.
    Always,
    /// Never color.
    Never,
}

impl ColorWhen {
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn id_lists_split_on_commas_and_repeat() {
        let cli = Cli::try_parse_from([
            "amends",
            "check",
            "--select",
            "hedging,cliche",
            "--select",
            "excuse",
            "--ignore=minimizing",
            "draft.md",
        ])
        .expect("valid");
        let Command::Check(args) = cli.command else {
            panic!("check");
        };
        assert_eq!(
            args.select,
            Some(vec!["hedging".into(), "cliche".into(), "excuse".into()])
        );
        assert_eq!(args.ignore, vec!["minimizing".to_owned()]);
        assert_eq!(args.paths, vec![PathBuf::from("draft.md")]);
        assert_eq!(args.fail_on, FailOn::Warning);
    }

    #[test]
    fn sizes_read_as_powers_of_1024() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("1MB"), Ok(1 << 20));
        assert_eq!(parse_size("1000"), Ok(1000));
        for bad in ["", "lots", "M", "1.5M", "-1", "1T", "99999999999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn color_is_accepted_before_and_after_the_subcommand() {
        for args in [
            ["amends", "--color", "never", "rules"],
            ["amends", "rules", "--color", "never"],
        ] {
            let cli = Cli::try_parse_from(args).expect("valid");
            assert_eq!(cli.color, ColorWhen::Never);
        }
    }
}
