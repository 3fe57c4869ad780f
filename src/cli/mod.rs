//! The command line: `amends check | rules | explain | lsp`.
//!
//! A thin face over the pure core: it finds and reads files, finds `amends.toml`, calls
//! [`crate::lint::lint`], applies fixes, and prints. Everything about positions goes through
//! [`crate::position`]; everything about rules through the registry.
//!
//! Exit codes (the contract scripts rely on): 0 when no finding at or above `--fail-on` remains,
//! 1 when one does, 2 for a usage, configuration or I/O error — including a file that could not be
//! read, after the others were checked.

pub mod args;
mod check;
mod explain;
mod inputs;
mod output;
mod rules;
mod settings;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// How a command ended, in the terms of the exit-code contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing at or above `--fail-on`.
    Clean,
    /// A finding at or above `--fail-on` remains (or, with `--diff`, a file would change).
    Findings,
    /// A usage, configuration or I/O error.
    Error,
}

impl Status {
    pub const fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Findings => 1,
            Status::Error => 2,
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(status.code())
    }
}

/// Parse the arguments and run the command.
pub fn main() -> ExitCode {
    // Clap exits with 2 on a usage error and 0 for --help and --version, as the contract wants.
    let cli = Cli::parse();
    let color = cli.color.choice();
    let status = match cli.command {
        Command::Check(args) => check::run(&args, color),
        Command::Rules(args) => rules::run(&args, color),
        Command::Explain(args) => explain::run(&args, color),
        // `--stdio` is accepted and ignored: standard input and output is the only transport.
        Command::Lsp(_) => return crate::server::run(),
    };
    status.into()
}

/// Print one `amends: …` line on standard error: the form every error reaches the user in.
pub(crate) fn error_line(color: anstream::ColorChoice, message: impl std::fmt::Display) {
    let mut stderr = anstream::AutoStream::new(io::stderr(), color);
    let bold = anstyle::Style::new().bold();
    // Nothing useful can be done when standard error itself is gone.
    let _ = writeln!(stderr, "{bold}amends:{bold:#} {message}");
}

/// The color choice for one stream: `auto` asks the stream (a terminal? `NO_COLOR`?
/// `CLICOLOR_FORCE`?), an explicit `always` or `never` wins over the environment.
pub(crate) fn color_for<S: anstream::stream::RawStream>(
    choice: anstream::ColorChoice,
    stream: &S,
) -> anstream::ColorChoice {
    match choice {
        anstream::ColorChoice::Auto => anstream::AutoStream::choice(stream),
        fixed => fixed,
    }
}

/// "1 file", "2 files".
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The end of a run that printed into a closed pipe (`amends check | head`): stop quietly, as
/// the exit code still says what happened.
pub(crate) fn is_broken_pipe(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::BrokenPipe
}

/// An I/O error as one lower-case phrase, without the "(os error 2)" noise: "no such file or
/// directory".
pub(crate) fn describe_io_error(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(end) => &text[..end],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_as_one_phrase() {
        let error = io::Error::from_raw_os_error(2);
        assert_eq!(describe_io_error(&error), "no such file or directory");
        let error = io::Error::other("Something odd");
        assert_eq!(describe_io_error(&error), "something odd");
    }

    #[test]
    fn statuses_order_by_severity() {
        assert!(Status::Clean < Status::Findings && Status::Findings < Status::Error);
        assert_eq!(Status::Error.code(), 2);
    }
}
