//! Odd and hostile input never panics, and every range lies on char boundaries of the text.
//! Positions stay exact after CRLF line endings, a BOM, emoji and CJK.

use amends::lint::{ApologySetting, DocumentKind, Options, Report, lint};

fn forced() -> Options {
    Options {
        apology: ApologySetting::Always,
        ..Options::default()
    }
}

fn check_ranges(text: &str, report: &Report) {
    for finding in &report.findings {
        let range = finding.range;
        assert!(
            range.start <= range.end && range.end <= text.len(),
            "{range} out of {}",
            text.len()
        );
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        for fix in &finding.fixes {
            for edit in &fix.edits {
                assert!(edit.range.end <= text.len());
                assert!(
                    text.is_char_boundary(edit.range.start)
                        && text.is_char_boundary(edit.range.end)
                );
            }
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let long_line = "sorry if ".repeat(20_000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "\u{feff}",
        "\r\n\r\n",
        "\u{301}\u{301}sorry\u{301} if",
        "\u{202e}sorry if you were upset\u{202c}",
        "\0\0 sorry \0 if \0",
        "🙇🙇🙇 sorry 🙇 if 🙇 you 🙇 felt",
        "I'm sorry if'",
        "'''''''''",
        "...!!!???…;;::——--",
        "> sorry if\n>\n> > sorry",
        "```\nsorry if\n",
        "<!-- amends-ignore",
        "<!-- amends-disable: -->sorry if you were upset",
        "From: \nSubject:\n\n",
        "Subject: sorry if you were upset\nContent-Type: multipart/mixed; boundary=\"\"\n\n--\n",
        long_line.as_str(),
    ];
    for text in inputs {
        for kind in [
            DocumentKind::Markdown,
            DocumentKind::PlainText,
            DocumentKind::Email,
        ] {
            check_ranges(text, &lint(text, kind, &forced()));
            check_ranges(text, &lint(text, kind, &Options::default()));
        }
    }
}

#[test]
fn ranges_stay_exact_after_crlf_bom_emoji_and_cjk() {
    let prefix = "\u{feff}Hi Anna 🎉,\r\n\r\n東京の件: ";
    let text = format!("{prefix}I am so sorry if you were upset.\r\nMistakes were made.\r\n");
    let report = lint(&text, DocumentKind::PlainText, &forced());
    check_ranges(&text, &report);
    let flagged: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.range.slice(&text))
        .collect();
    assert!(flagged.contains(&"Mistakes were made"), "{flagged:?}");
    let conditional = report
        .findings
        .iter()
        .find(|f| f.rule == "conditional-apology")
        .expect("the conditional apology is found");
    assert_eq!(conditional.range.start, prefix.len());
    assert_eq!(
        conditional.range.slice(&text),
        "I am so sorry if you were upset"
    );
}
