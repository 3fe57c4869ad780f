//! ## What it does
//! Says, once, that an e-mail's body was not checked because it is quoted-printable, base64 or
//! HTML only.
//!
//! ## Why is this bad?
//! amends lints what an editor shows. An encoded body would be reported at wrong positions, or
//! not at all; a silent pass would tell the writer their apology is fine when it was never read.
//! This notice is about amends' reading of the file, not about the draft, so it is reported
//! whatever the apology gate says.
//!
//! ## Example
//! ```text
//! From: support@example.com
//! To: customer@example.org
//! Subject: Your order
//! Content-Transfer-Encoding: base64
//!
//! SSBhbSBzb3JyeSB3ZSBsb3N0IHlvdXIgb3JkZXIu
//! ```
//!
//! ## Use instead
//! ```text
//! From: support@example.com
//! To: customer@example.org
//! Subject: Your order
//!
//! I am sorry we lost your order. I have sent a new one today.
//! ```
//!
//! ## Fix safety
//! There is no fix: save the draft as plain text (most mail clients can) and check it again.
//!
//! ## In het Nederlands
//! Meldt één keer dat de tekst van een e-mail niet is gecontroleerd omdat die quoted-printable,
//! base64 of alleen HTML is. Sla het concept op als platte tekst en controleer het opnieuw.
//!
//! ### Voorbeeld
//! ```text
//! From: klantenservice@example.com
//! To: klant@example.org
//! Subject: Uw bestelling
//! Content-Transfer-Encoding: base64
//!
//! SGV0IHNwaWp0IG9ucyBkYXQgdXcgYmVzdGVsbGluZyB6b2VrIGlzLg==
//! ```
//!
//! ### Gebruik liever
//! ```text
//! From: klantenservice@example.com
//! To: klant@example.org
//! Subject: Uw bestelling
//!
//! Het spijt ons dat uw bestelling zoek is. Wij sturen vandaag een nieuwe.
//! ```

use std::borrow::Cow;

use crate::lint::finding::{Finding, Severity};
use crate::lint::markup::UnreadableReason;
use crate::rules::{Context, FixAvailability, Rule, RuleKind, RuleMeta};

pub struct UnreadableEmailBody;

static META: RuleMeta = RuleMeta {
    id: "unreadable-email-body",
    default_severity: Severity::Info,
    enabled_by_default: true,
    kind: RuleKind::Notice,
    component: None,
    fix: FixAvailability::None,
    source: include_str!("unreadable_email_body.rs"),
};

impl Rule for UnreadableEmailBody {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Reports what markup recorded while reading the file (`Prose::unreadable_body`); there is
    /// nothing to look for in the prose.
    fn check(&self, context: &Context<'_>, findings: &mut Vec<Finding>) {
        let Some(body) = &context.prose.unreadable_body else {
            return;
        };
        let reason: Cow<'static, str> = match &body.reason {
            UnreadableReason::QuotedPrintable => context
                .localized(
                    "quoted-printable encoded",
                    "die is gecodeerd als quoted-printable",
                )
                .into(),
            UnreadableReason::Base64 => context
                .localized("base64 encoded", "die is gecodeerd als base64")
                .into(),
            UnreadableReason::OtherEncoding(encoding) => context
                .format_localized(
                    format_args!("in the \"{encoding}\" transfer encoding"),
                    format_args!("die is gecodeerd in de transfercodering \"{encoding}\""),
                )
                .into(),
            UnreadableReason::HtmlOnly => {
                context.localized("HTML only", "die is alleen HTML").into()
            }
            UnreadableReason::NotPlainText(media_type) => context
                .format_localized(
                    format_args!("{media_type}, not plain text"),
                    format_args!("die is {media_type} en geen platte tekst"),
                )
                .into(),
            UnreadableReason::NoPlainPart => context
                .localized(
                    "without a plain-text part amends could find",
                    "er is geen deel in platte tekst te vinden",
                )
                .into(),
        };
        let message = context.format_localized(
            format_args!(
                "This e-mail's body is {reason}, so amends did not check it; save the message as \
                 plain text (7bit or 8bit) to lint it."
            ),
            format_args!(
                "amends heeft de tekst van deze e-mail niet gecontroleerd, want {reason}; sla het \
                 bericht op als platte tekst (7bit of 8bit) om het te controleren."
            ),
        );
        findings.push(context.finding(body.range, message, Vec::new()));
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{DocumentKind, Language, MessagesSetting, Options, Severity, lint};

    const DUTCH: &str = "From: klantenservice@example.com\nTo: klant@example.org\nSubject: Uw bestelling van vorige week\nContent-Type: text/html\n\n<p>Het spijt ons.</p>\n";

    fn notices(text: &str, options: &Options) -> Vec<(String, Severity)> {
        lint(text, DocumentKind::Email, options)
            .findings
            .into_iter()
            .filter(|finding| finding.rule == "unreadable-email-body")
            .map(|finding| (finding.message.into_owned(), finding.severity))
            .collect()
    }

    #[test]
    fn the_notice_speaks_the_language_of_the_messages() {
        let english = "From: help@example.com\nTo: ann@example.org\nSubject: Your order\nContent-Transfer-Encoding: base64\n\nV2UgYXJlIHNvcnJ5Lg==\n";
        assert_eq!(
            notices(english, &Options::default()),
            [(
                "This e-mail's body is base64 encoded, so amends did not check it; save the \
                 message as plain text (7bit or 8bit) to lint it."
                    .to_owned(),
                Severity::Info
            )]
        );

        let report = lint(DUTCH, DocumentKind::Email, &Options::default());
        assert_eq!(report.language, Language::Dutch);
        // Not an apology by the gate (only the subject is read), and still reported.
        assert!(!report.is_apology);
        assert_eq!(
            notices(DUTCH, &Options::default()),
            [(
                "amends heeft de tekst van deze e-mail niet gecontroleerd, want die is alleen \
                 HTML; sla het bericht op als platte tekst (7bit of 8bit) om het te controleren."
                    .to_owned(),
                Severity::Info
            )]
        );

        let in_english = Options {
            messages: MessagesSetting::English,
            ..Options::default()
        };
        assert_eq!(
            notices(DUTCH, &in_english),
            [(
                "This e-mail's body is HTML only, so amends did not check it; save the message \
                 as plain text (7bit or 8bit) to lint it."
                    .to_owned(),
                Severity::Info
            )]
        );
    }
}
