//! The strength score orders drafts as a reader would: of two drafts that differ on one point,
//! the one a reader finds the better apology scores higher. Each pair changes one thing: a
//! component present or missing, or a weak phrase written or avoided.

use amends::lint::{DocumentKind, Options, lint};

fn score(draft: &str) -> u8 {
    let report = lint(draft, DocumentKind::PlainText, &Options::default());
    assert!(report.is_apology, "not read as an apology: {draft:?}");
    report.summary.expect("an apology has a summary").score
}

/// (what differs, the better draft, the worse one)
const PAIRS: &[(&str, &str, &str)] = &[
    (
        "owning the fault",
        "I'm sorry your order arrived late. We packed it on the wrong day, which was our mistake.",
        "I'm sorry your order arrived late. It was packed on a later day.",
    ),
    (
        "a repair in the passive voice",
        "We apologize for the double charge on your card. The second charge has been refunded.",
        "We apologize for the double charge on your card. Charges like this can happen.",
    ),
    (
        "a repair by the firm's own name",
        "Our apologies for the cracked basin. Harbour Bathrooms will cover the cost of a new one.",
        "Our apologies for the cracked basin. Basins like this are fragile.",
    ),
    (
        "empathy for the reader's week",
        "I apologize that the keys were not ready on Monday. That must have been a stressful start to your move.",
        "I apologize that the keys were not ready on Monday. The keys are ready now.",
    ),
    (
        "a concrete cause instead of a vague one",
        "We are sorry the site was down this morning. It went down because our certificate expired overnight.",
        "We are sorry the site was down this morning. It went down due to technical difficulties.",
    ),
    (
        "a change that prevents a repeat",
        "Sorry we sent the invoice twice. We have added a check that stops a second invoice for the same order.",
        "Sorry we sent the invoice twice. We will do better.",
    ),
    (
        "an unconditional apology",
        "I apologize for the rude reply you got at the desk. I have spoken to the team about it.",
        "I apologize if the reply you got at the desk seemed rude. I have spoken to the team about it.",
    ),
    (
        "no 'but' that takes it back",
        "We are sorry the class was cancelled. We will refund your fee today.",
        "We are sorry the class was cancelled, but our terms do not allow refunds.",
    ),
    (
        "a named harm instead of a canned line",
        "We apologize for the four-hour wait at the clinic. We have refunded the parking fee.",
        "We apologize for any inconvenience this may have caused. We have refunded the parking fee.",
    ),
    (
        "owning instead of blaming the courier",
        "Sorry your parcel was lost. We chose that courier, so the loss is on us, and a new parcel left today.",
        "Sorry your parcel was lost. Our courier lost it, and a new parcel left today.",
    ),
    (
        "a remedy with a date instead of 'shortly'",
        "I'm sorry the heating failed. An engineer will come on Thursday at nine.",
        "I'm sorry the heating failed. An engineer will come shortly.",
    ),
    (
        "Dutch: owning the fault",
        "Het spijt ons dat uw pakket te laat was. Wij hebben het op de verkeerde dag verstuurd; dat was onze fout.",
        "Het spijt ons dat uw pakket te laat was. Er is iets misgegaan bij de verzending.",
    ),
    (
        "Dutch: a repair in the passive voice",
        "Onze excuses voor de dubbele afschrijving. Het bedrag is vandaag teruggestort.",
        "Onze excuses voor de dubbele afschrijving. Zulke dingen gebeuren.",
    ),
];

#[test]
fn the_better_draft_of_each_pair_scores_higher() {
    let mut wrong = Vec::new();
    for (point, better, worse) in PAIRS {
        let (high, low) = (score(better), score(worse));
        if high <= low {
            wrong.push(format!(
                "{point}: {high} for {better:?} but {low} for {worse:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}
