//! What the structure rules share: report a missing component on the first apology sentence and
//! offer a template sentence for it.
//!
//! Not a rule itself. Each `missing-*` rule file holds its own doc, message and template and
//! calls [`report_missing`].

use crate::lint::finding::{Edit, Finding, Fix, Safety};
use crate::lint::summary::Component;
use crate::rules::Context;
use crate::rules::edits::draft_text;

/// The sentence a structure rule offers to add.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Addition {
    /// A finished sentence: an unsafe insertion, as it says something for the writer.
    Sentence(&'static str),
    /// A sentence with `[placeholders]` only the writer can fill in.
    Template(&'static str),
}

/// If the draft lacks `component`, report `message` on the anchor, with a fix that inserts
/// `addition` at the end of the first apology paragraph.
pub(crate) fn report_missing(
    context: &Context<'_>,
    component: Component,
    message: &'static str,
    addition: Addition,
    findings: &mut Vec<Finding>,
) {
    if context.analysis.components().contains(component) {
        return;
    }
    let paragraph = context.analysis.first_apology_paragraph();
    let at = context.analysis.span(paragraph).end;
    let (Addition::Sentence(sentence) | Addition::Template(sentence)) = addition;
    let title = draft_text!(
        "{}: '{sentence}'",
        context.localized("Add a sentence", "Voeg een zin toe")
    );
    let insertion = Edit::insert(at, draft_text!(" {sentence}"));
    let fix = match addition {
        Addition::Sentence(_) => Fix::new(title, Safety::Unsafe, insertion),
        Addition::Template(_) => Fix::template(title, insertion),
    };
    findings.push(context.finding(context.anchor, message, vec![fix]));
}
