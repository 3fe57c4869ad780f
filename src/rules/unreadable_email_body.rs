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

use crate::lint::finding::{Finding, Severity};
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

    /// The markup layer raises this notice while reading the file; there is nothing to look for
    /// in the prose.
    fn check(&self, _context: &Context<'_>, _findings: &mut Vec<Finding>) {}
}
