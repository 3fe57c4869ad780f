//! The apology gate on whole documents: `tests/fixtures/gate/apology/` must pass it and
//! `tests/fixtures/gate/not-apology/` must not — and a non-apology gets no finding at all.

use std::path::Path;

use amends::lint::{DocumentKind, Options, lint};

fn documents(verdict: &str) -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gate")
        .join(verdict);
    let mut documents: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| {
            let path = entry.expect("readable folder").path();
            let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                text,
            )
        })
        .collect();
    documents.sort();
    assert!(documents.len() >= 5, "too few {verdict} documents");
    documents
}

fn kind_of(name: &str) -> DocumentKind {
    DocumentKind::from_path(name).unwrap_or(DocumentKind::PlainText)
}

#[test]
fn apology_documents_pass_the_gate() {
    let mut wrong = Vec::new();
    for (name, text) in documents("apology") {
        let report = lint(&text, kind_of(&name), &Options::default());
        if !report.is_apology || report.summary.is_none() {
            wrong.push(format!(
                "{name}: should be an apology; gate {:?}",
                report.gate
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn other_documents_get_nothing_at_all() {
    let mut wrong = Vec::new();
    for (name, text) in documents("not-apology") {
        let report = lint(&text, kind_of(&name), &Options::default());
        if report.is_apology || !report.findings.is_empty() || report.summary.is_some() {
            wrong.push(format!(
                "{name}: should not be an apology; gate {:?}, {} findings",
                report.gate,
                report.findings.len()
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// Whose apology each expression is, the gate's first question, on the forms real apologies
/// take beyond "I'm sorry": an act in other words, an institution speaking of itself, a purpose,
/// news of someone else's apology, a promise to apologize later, an apology for the message.
#[test]
fn each_apology_is_read_in_its_voice() {
    use amends::lint::language::Voice::{self, Passing, Planned, Reported, Writer};
    let cases: &[(&str, &[(&str, Voice)])] = &[
        (
            "Allow me to apologize for the late delivery of your sofa.",
            &[("apologize", Writer)],
        ),
        (
            "I can't apologize enough for the mix-up with your booking.",
            &[("apologize", Writer)],
        ),
        (
            "I am writing to apologize for the missed appointment on Monday.",
            &[("apologize", Writer)],
        ),
        (
            "The council apologizes to residents of Mill Street for the missed bin collections.",
            &[("apologizes", Writer)],
        ),
        (
            "Sorry for the late reply. The build fails on Windows with a linker error.",
            &[("Sorry", Passing)],
        ),
        (
            "I will apologize to the team in person at Monday's meeting.",
            &[("apologize", Planned)],
        ),
        (
            "The airline apologized to passengers on Tuesday, a spokesperson told reporters.",
            &[("apologized", Reported)],
        ),
        (
            "I just wanted to say I'm sorry for the mix-up with your booking.",
            &[("sorry", Writer)],
        ),
        (
            "Not once did the manager say, I'm sorry, when the plate came out cold.",
            &[("sorry", Reported)],
        ),
        (
            "So play it straight and apologise for the disruption.",
            &[("apologise", Reported)],
        ),
        (
            "Years ago I went down to the platform to apologise on the evening news.",
            &[("apologise", Reported)],
        ),
        (
            "I am writing to you today to apologise for the error on your invoice.",
            &[("apologise", Writer)],
        ),
        (
            "The trains did not run, and we can only apologise for the disruption.",
            &[("apologise", Writer)],
        ),
        (
            "She went back to the counter to apologise to the customer.",
            &[("apologise", Reported)],
        ),
        (
            "My apologies if I'm coming off a little blunt here: the form is on page two.",
            &[("apologies", Passing)],
        ),
        (
            "De vervoerder verwacht hinder. Ze verontschuldigt zich voor het ongemak.",
            &[("verontschuldigt", Reported)],
        ),
        (
            "Our members wrote in about the backlog. I understand that and regret the wait.",
            &[("regret", Writer)],
        ),
        (
            "The manager said that he regrets the wait.",
            &[("regrets", Reported)],
        ),
        (
            "The mayor apologizes to residents of Mill Street for the missed bin collections.",
            &[("apologizes", Reported)],
        ),
        (
            "Wethouder De Vries biedt zijn excuses aan voor de late aanslagen.",
            &[("biedt zijn excuses aan", Reported)],
        ),
        (
            "De gemeente biedt haar excuses aan voor de late aanslagen.",
            &[("biedt haar excuses aan", Writer)],
        ),
        (
            "Sorry als ik wat bot overkom, maar het formulier staat op pagina twee.",
            &[("Sorry", Passing)],
        ),
        (
            "Wij bieden u onze excuses aan voor de vertraging van uw bestelling.",
            &[("onze excuses", Writer)],
        ),
        (
            "Sorry voor de late reactie. De installatie loopt vast bij stap drie.",
            &[("Sorry", Passing)],
        ),
    ];
    let mut wrong = Vec::new();
    for (text, expected) in cases {
        let report = lint(text, DocumentKind::PlainText, &Options::default());
        let found: Vec<(&str, Voice)> = report
            .apologies
            .iter()
            .map(|(range, voice)| (&text[range.start..range.end], *voice))
            .collect();
        let matches = found.len() == expected.len()
            && found
                .iter()
                .zip(expected.iter())
                .all(|((words, voice), (needle, want))| words.contains(needle) && voice == want);
        if !matches {
            wrong.push(format!(
                "{text}\n  expected {expected:?}\n  found    {found:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}
