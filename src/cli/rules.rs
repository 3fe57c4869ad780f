//! `amends rules`: every registered rule, as a table or as JSON.
//!
//! The list comes from the registry and each rule's doc comment, never from a list of its own,
//! so a new rule shows up here the moment it is registered.

use std::io::{self, Write};

use anstream::{AutoStream, ColorChoice};
use anstyle::Style;
use serde::Serialize;

use crate::cli::args::{ListFormat, RulesArgs};
use crate::cli::{Status, color_for, describe_io_error, error_line, is_broken_pipe};
use crate::rules::{self, FixAvailability, RuleKind, RuleMeta};

pub fn run(args: &RulesArgs, color: ColorChoice) -> Status {
    let stdout = io::stdout();
    let choice = color_for(color, &stdout);
    let mut out = AutoStream::new(stdout.lock(), choice);
    let metas: Vec<&RuleMeta> = rules::registry().iter().map(|rule| rule.meta()).collect();
    let written = match args.format {
        ListFormat::Human => write_table(&mut out, &metas),
        ListFormat::Json => write_json(&mut out, &metas),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Status::Clean,
        Err(error) if is_broken_pipe(&error) => Status::Clean,
        Err(error) => {
            error_line(
                color,
                format!("could not write the output: {}", describe_io_error(&error)),
            );
            Status::Error
        }
    }
}

/// One rule in `amends rules --format json`.
#[derive(Debug, Serialize)]
pub struct JsonRule {
    pub id: &'static str,
    pub default_severity: &'static str,
    pub enabled_by_default: bool,
    /// `"phrase"`, `"structure"` or `"notice"`.
    pub kind: &'static str,
    /// For structure rules, the component they look for.
    pub component: Option<&'static str>,
    /// `null` when the rule offers no fix, else `"safe"`, `"unsafe"`, `"display-only"` or
    /// `"safe/unsafe"`.
    pub fix: Option<&'static str>,
    pub summary: String,
}

impl JsonRule {
    pub fn new(meta: &RuleMeta) -> JsonRule {
        JsonRule {
            id: meta.id,
            default_severity: meta.default_severity.as_str(),
            enabled_by_default: meta.enabled_by_default,
            kind: kind_name(meta.kind),
            component: meta.component.map(|component| component.as_str()),
            fix: (meta.fix != FixAvailability::None).then(|| meta.fix.as_str()),
            summary: meta.summary(),
        }
    }
}

#[derive(Debug, Serialize)]
struct JsonRules {
    rules: Vec<JsonRule>,
}

fn kind_name(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Phrase => "phrase",
        RuleKind::Structure => "structure",
        RuleKind::Notice => "notice",
    }
}

fn write_json(out: &mut impl Write, metas: &[&RuleMeta]) -> io::Result<()> {
    let list = JsonRules {
        rules: metas.iter().map(|meta| JsonRule::new(meta)).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// `ID  SEVERITY  DEFAULT  FIX  SUMMARY`, columns padded to their widest cell.
fn write_table(out: &mut impl Write, metas: &[&RuleMeta]) -> io::Result<()> {
    let header = ["ID", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"];
    let rows: Vec<[String; 5]> = metas
        .iter()
        .map(|meta| {
            [
                meta.id.to_owned(),
                meta.default_severity.as_str().to_owned(),
                if meta.enabled_by_default { "on" } else { "off" }.to_owned(),
                meta.fix.as_str().to_owned(),
                meta.summary(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let bold = Style::new().bold();
    let line = |cells: [&str; 5]| {
        let mut line = String::new();
        for (column, cell) in cells.iter().enumerate() {
            if column + 1 == cells.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}  ", width = widths[column]));
            }
        }
        line
    };
    writeln!(out, "{bold}{}{bold:#}", line(header))?;
    for row in &rows {
        writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
    }
    if rows.is_empty() {
        writeln!(out, "(no rules are registered)")?;
    }
    writeln!(
        out,
        "\n`amends explain <ID>` shows a rule's documentation; `[rules]` in amends.toml changes \
         its level."
    )
}
