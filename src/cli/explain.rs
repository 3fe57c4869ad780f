//! `amends explain <id>`: a rule's documentation, from the same doc comment that feeds the
//! editor's hover and `docs/rules/`.

use std::io::{self, Write};

use anstream::{AutoStream, ColorChoice};
use anstyle::Style;

use crate::cli::args::ExplainArgs;
use crate::cli::{Status, color_for, error_line};
use crate::lint::config;
use crate::rules::{self, FixAvailability, RuleMeta};

pub fn run(args: &ExplainArgs, color: ColorChoice) -> Status {
    let meta = match config::known_rule_id(args.rule.trim()) {
        Ok(id) => rules::meta_of(id).expect("known ids have metadata"),
        Err(unknown) => {
            error_line(color, unknown);
            return Status::Error;
        }
    };
    let stdout = io::stdout();
    let choice = color_for(color, &stdout);
    let mut out = AutoStream::new(stdout.lock(), choice);
    // A closed pipe (`amends explain x | head -3`) is not worth an error.
    let _ = out.write_all(explanation(meta).as_bytes());
    Status::Clean
}

/// The heading, a line of facts (severity, default, fix), then the doc as written.
pub fn explanation(meta: &RuleMeta) -> String {
    let bold = Style::new().bold();
    let fix = match meta.fix {
        FixAvailability::None => "no fix".to_owned(),
        other => format!("fix: {}", other.as_str()),
    };
    let default = if meta.enabled_by_default {
        "on by default"
    } else {
        "off by default (turn it on in [rules] or with --select)"
    };
    format!(
        "{bold}# {}{bold:#}\n\n{}, {default}, {fix}.\n\n{}",
        meta.id,
        meta.default_severity.as_str(),
        meta.doc()
    )
}
