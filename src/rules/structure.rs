//! What the structure rules share: report a missing component on the first apology sentence and
//! offer a template sentence for it.
//!
//! Not a rule itself. Each `missing-*` rule file holds its own doc, message and template and
//! calls [`report_missing`].

use smallvec::smallvec;

use crate::lint::finding::{Edit, Finding, Fix, Safety};
use crate::lint::summary::Component;
use crate::rules::Context;

/// If the draft lacks `component`, report `message` on the anchor, with a fix that inserts
/// `template` at the end of the first apology paragraph. A template with `[placeholders]` needs
/// the writer's knowledge, so it is display-only; one without is an unsafe insertion.
pub(crate) fn report_missing(
    context: &Context<'_>,
    component: Component,
    message: &'static str,
    template: &str,
    findings: &mut Vec<Finding>,
) {
    if context.analysis.components().contains(component) {
        return;
    }
    let paragraph = context.analysis.first_apology_paragraph();
    let at = context.analysis.span(paragraph).end;
    let safety = if template.contains('[') {
        Safety::DisplayOnly
    } else {
        Safety::Unsafe
    };
    let fix = Fix::new(
        format!(
            "{}: '{template}'",
            context.localized("Add a sentence", "Voeg een zin toe")
        ),
        safety,
        smallvec![Edit::insert(at, format!(" {template}"))],
    );
    findings.push(context.finding(context.anchor, message, vec![fix]));
}
