//! The language server, tested as an editor uses it: the built `amends lsp` binary, real
//! JSON-RPC over its standard input and output.

mod support;

use std::time::Duration;

use serde_json::{Value, json};
use support::lsp_client::{LspClient, apply_text_edits, capabilities, position_at};

/// An apology draft with a phrase finding of each fix safety: `minimizing` (safe), `hedging`
/// (unsafe), `cliche` and `conditional-apology` (display-only), after an emoji and CJK so that
/// UTF-8, UTF-16 and UTF-32 columns all differ.
const DRAFT: &str = "Hi Sam 🙏,\n\nWe are sorry if the 配送 delay upset you. We apologize for any \
                     inconvenience this slight delay may have caused.\n\nBest,\nAnna\n";

const URI: &str = "file:///drafts/reply.md";

fn start(encodings: &[&str]) -> (LspClient, Value) {
    let mut client = LspClient::start(None);
    let result = client.initialize(capabilities(encodings), Value::Null);
    (client, result)
}

fn codes(diagnostics: &Value) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|diagnostic| diagnostic["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

fn diagnostic<'d>(diagnostics: &'d Value, code: &str) -> &'d Value {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|diagnostic| diagnostic["code"] == code)
        .unwrap_or_else(|| panic!("no {code} diagnostic in {diagnostics}"))
}

fn range_of(text: &str, needle: &str, encoding: &str) -> Value {
    let start = text.find(needle).expect("needle in text");
    let (start_line, start_character) = position_at(text, start, encoding);
    let (end_line, end_character) = position_at(text, start + needle.len(), encoding);
    json!({
        "start": { "line": start_line, "character": start_character },
        "end": { "line": end_line, "character": end_character },
    })
}

fn code_actions(
    client: &mut LspClient,
    uri: &str,
    range: &Value,
    only: Option<&[&str]>,
) -> Vec<Value> {
    let mut context = json!({ "diagnostics": [] });
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let result = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
    );
    result.as_array().cloned().unwrap_or_default()
}

fn edits_for(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri]
        .as_array()
        .unwrap_or_else(|| panic!("no edits for {uri} in {action}"))
        .clone()
}

#[test]
fn open_publishes_diagnostics_with_the_version_and_rule_ids() {
    let (mut client, result) = start(&["utf-16"]);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["capabilities"]["textDocumentSync"]["change"], 2);
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    assert_eq!(published["version"], 1);
    let diagnostics = &published["diagnostics"];
    for code in [
        "conditional-apology",
        "cliche",
        "minimizing",
        "hedging",
        "missing-remedy",
    ] {
        let found = diagnostic(diagnostics, code);
        assert_eq!(found["source"], "amends");
        assert!(!found["message"].as_str().unwrap().is_empty());
    }
    // Structure findings sit on the first apology sentence, in view.
    let anchor = range_of(DRAFT, "We are sorry if the 配送 delay upset you.", "utf-16");
    assert_eq!(diagnostic(diagnostics, "missing-remedy")["range"], anchor);
    assert_eq!(diagnostic(diagnostics, "missing-remedy")["severity"], 2);
    assert!(client.shutdown().success());
}

#[test]
fn ranges_are_exact_after_edits_in_every_encoding() {
    for encoding in ["utf-8", "utf-16", "utf-32"] {
        let (mut client, result) = start(&[encoding]);
        assert_eq!(result["capabilities"]["positionEncoding"], encoding);
        client.open(URI, "markdown", DRAFT);
        client.diagnostics_for(URI, 1);

        // Insert a second emoji and a CJK word before the findings, incrementally.
        let at = DRAFT.find("delay upset").unwrap();
        let (line, character) = position_at(DRAFT, at, encoding);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": 2 },
                "contentChanges": [{
                    "range": { "start": { "line": line, "character": character },
                               "end": { "line": line, "character": character } },
                    "text": "😔 遅延 ",
                }],
            }),
        );
        let mut text = DRAFT.to_owned();
        text.insert_str(at, "😔 遅延 ");
        let published = client.diagnostics_for(URI, 2);
        let diagnostics = &published["diagnostics"];
        assert_eq!(
            diagnostic(diagnostics, "minimizing")["range"],
            range_of(&text, "this slight delay", encoding),
            "{encoding}"
        );
        assert_eq!(
            diagnostic(diagnostics, "cliche")["range"],
            range_of(&text, "apologize for any inconvenience", encoding),
            "{encoding}"
        );
        assert!(client.shutdown().success());
    }
}

#[test]
fn rapid_changes_end_with_the_diagnostics_of_the_final_text() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    // 200 one-character edits at the end of the first apology sentence, without waiting.
    let at = DRAFT.find(" We apologize").unwrap();
    let (line, character) = position_at(DRAFT, at, "utf-16");
    let mut text = DRAFT.to_owned();
    for step in 0..200u32 {
        let typed = if step % 10 == 9 { " " } else { "x" };
        let column = character + u64::from(step);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": 2 + step },
                "contentChanges": [{
                    "range": { "start": { "line": line, "character": column },
                               "end": { "line": line, "character": column } },
                    "text": typed,
                }],
            }),
        );
        text.insert_str(at + step as usize, typed);
    }
    let last = client.diagnostics_for(URI, 201);
    assert_eq!(last["version"], 201);

    // The same text opened fresh gives the same diagnostics: no edit was lost or reordered.
    let fresh = "file:///drafts/fresh.md";
    client.open(fresh, "markdown", &text);
    let expected = client.diagnostics_for(fresh, 1);
    assert_eq!(last["diagnostics"], expected["diagnostics"]);
    assert!(client.shutdown().success());
}

#[test]
fn a_version_a_request_linted_first_is_still_published() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    // A hover right behind each change often reaches the lint worker before the change's own
    // lint task does, and lints that version for the hover; every version must still be pushed.
    let start_of_text = json!({ "line": 0, "character": 0 });
    for version in 2..=80 {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": version },
                "contentChanges": [{
                    "range": { "start": start_of_text, "end": start_of_text },
                    "text": " ",
                }],
            }),
        );
        client.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": URI }, "position": start_of_text }),
        );
        let published = client.wait_for(&format!("diagnostics of version {version}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["version"] == version
        });
        assert!(
            !published["params"]["diagnostics"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    assert!(client.shutdown().success());
}

#[test]
fn a_quick_fix_edit_removes_its_finding() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    let minimizing = diagnostic(&published["diagnostics"], "minimizing").clone();
    let actions = code_actions(&mut client, URI, &minimizing["range"], Some(&["quickfix"]));
    let fix = actions
        .iter()
        .find(|action| action["title"] == "Remove 'slight'")
        .unwrap_or_else(|| panic!("no 'Remove' fix in {actions:?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "minimizing");
    // An unsafe fix is offered too, but not preferred.
    let hedging = diagnostic(&published["diagnostics"], "hedging").clone();
    let hedging_actions = code_actions(&mut client, URI, &hedging["range"], None);
    let unsafe_fix = hedging_actions
        .iter()
        .find(|action| {
            action["title"]
                .as_str()
                .unwrap()
                .starts_with("Replace 'may have")
        })
        .expect("the hedging fix");
    assert_eq!(unsafe_fix["isPreferred"], false);

    let fixed = apply_text_edits(DRAFT, &edits_for(fix, URI), "utf-16");
    assert!(fixed.contains("this delay may have caused"), "{fixed}");
    client.replace_all(URI, 2, &fixed);
    let after = client.diagnostics_for(URI, 2);
    assert!(!codes(&after["diagnostics"]).contains(&"minimizing".to_owned()));
    assert!(codes(&after["diagnostics"]).contains(&"hedging".to_owned()));
    assert!(client.shutdown().success());
}

#[test]
fn fix_all_applies_every_safe_fix_and_nothing_else() {
    let (mut client, result) = start(&["utf-16"]);
    let kinds = &result["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert!(
        kinds
            .as_array()
            .unwrap()
            .contains(&json!("source.fixAll.amends"))
    );
    let text = DRAFT.replace("upset you.", "upset you. It was a very, very small delay.");
    client.open(URI, "markdown", &text);
    let before = client.diagnostics_for(URI, 1);
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } });
    let actions = code_actions(&mut client, URI, &whole, Some(&["source.fixAll"]));
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.amends");
    let fixed = apply_text_edits(&text, &edits_for(&actions[0], URI), "utf-16");
    client.replace_all(URI, 2, &fixed);
    let after = client.diagnostics_for(URI, 2);
    let minimizing_before = codes(&before["diagnostics"])
        .iter()
        .filter(|code| *code == "minimizing")
        .count();
    assert!(minimizing_before >= 1);
    assert!(!codes(&after["diagnostics"]).contains(&"minimizing".to_owned()));
    // Unsafe and display-only fixes are left for the writer.
    for kept in ["hedging", "cliche", "conditional-apology"] {
        assert!(
            codes(&after["diagnostics"]).contains(&kept.to_owned()),
            "{kept}"
        );
    }
    // Only quick fixes asked for: no fix-all.
    let quick = code_actions(&mut client, URI, &whole, Some(&["quickfix"]));
    assert!(quick.iter().all(|action| action["kind"] == "quickfix"));
    assert!(client.shutdown().success());
}

/// Capabilities of a client that resolves a code action's edit later, as VS Code, Neovim, Helix
/// and Emacs do.
fn resolving_capabilities() -> Value {
    let mut capabilities = capabilities(&["utf-16"]);
    capabilities["textDocument"]["codeAction"]["resolveSupport"] =
        json!({ "properties": ["edit"] });
    capabilities["textDocument"]["codeAction"]["dataSupport"] = json!(true);
    capabilities
}

fn fix_all_of(actions: &[Value]) -> Value {
    actions
        .iter()
        .find(|action| action["kind"] == "source.fixAll.amends")
        .unwrap_or_else(|| panic!("no fix-all in {actions:?}"))
        .clone()
}

/// The range of the cursor at `needle`, as VS Code asks for code actions on each cursor move.
fn cursor_at(text: &str, needle: &str) -> Value {
    let (line, character) = position_at(text, text.find(needle).unwrap(), "utf-16");
    let cursor = json!({ "line": line, "character": character });
    json!({ "start": cursor, "end": cursor })
}

#[test]
fn a_client_that_resolves_gets_the_fix_all_without_its_edit_and_resolving_gives_the_same_edit() {
    let text = DRAFT.replace("upset you.", "upset you. It was a very, very small delay.");
    let cursor = cursor_at(&text, "apologize");

    let mut plain = LspClient::start(None);
    plain.initialize(capabilities(&["utf-16"]), Value::Null);
    plain.open(URI, "markdown", &text);
    plain.diagnostics_for(URI, 1);
    // Without resolveSupport the edit is worked out right after the lint, before any request.
    assert!(
        plain.log_says("worked out the fix-all"),
        "{}",
        plain.stderr()
    );
    let inline = fix_all_of(&code_actions(&mut plain, URI, &cursor, None));
    let expected = edits_for(&inline, URI);
    assert!(!expected.is_empty());
    assert!(plain.shutdown().success());

    let mut client = LspClient::start(None);
    let result = client.initialize(resolving_capabilities(), Value::Null);
    assert_eq!(
        result["capabilities"]["codeActionProvider"]["resolveProvider"],
        true
    );
    client.open(URI, "markdown", &text);
    client.diagnostics_for(URI, 1);
    let actions = code_actions(&mut client, URI, &cursor, None);
    let unresolved = fix_all_of(&actions);
    assert!(unresolved.get("edit").is_none(), "{unresolved}");
    assert_eq!(unresolved["title"], inline["title"]);
    assert_eq!(unresolved["data"], json!({ "uri": URI, "version": 1 }));
    // The quick fixes still carry their edits.
    assert!(
        actions
            .iter()
            .filter(|action| action["kind"] == "quickfix")
            .all(|action| action.get("edit").is_some() || action.get("command").is_some())
    );
    assert!(
        !client.stderr().contains("worked out the fix-all"),
        "a code-action request worked out the fix-all: {}",
        client.stderr()
    );
    let resolved = client.call("codeAction/resolve", unresolved.clone());
    assert_eq!(edits_for(&resolved, URI), expected);
    assert_eq!(resolved["kind"], "source.fixAll.amends");
    assert_eq!(resolved["data"], unresolved["data"]);
    assert!(client.shutdown().success());
}

#[test]
fn a_fix_all_resolved_after_the_document_changed_is_refused() {
    let mut client = LspClient::start(None);
    client.initialize(resolving_capabilities(), Value::Null);
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    let cursor = cursor_at(DRAFT, "slight");
    let offered = fix_all_of(&code_actions(&mut client, URI, &cursor, None));
    let changed = DRAFT.replace("Best,", "Kind regards,");
    client.replace_all(URI, 2, &changed);
    let response = client.request("codeAction/resolve", offered);
    // LSP's ContentModified: the edit would be for a text the client no longer has.
    assert_eq!(response["error"]["code"], -32801, "{response}");

    // Asked again, the action for the new version resolves to an edit of the new text.
    let offered = fix_all_of(&code_actions(&mut client, URI, &cursor, None));
    assert_eq!(offered["data"]["version"], 2);
    let resolved = client.call("codeAction/resolve", offered);
    let fixed = apply_text_edits(&changed, &edits_for(&resolved, URI), "utf-16");
    assert_eq!(fixed, changed.replace("this slight delay", "this delay"));

    // Only the fix-all is sent unresolved; an action that is complete as sent (VS Code asks to
    // resolve a template's, which runs a command and has no edit) comes back unchanged.
    let template = code_actions(
        &mut client,
        URI,
        &cursor_at(DRAFT, "We are"),
        Some(&["quickfix"]),
    )
    .into_iter()
    .find(|action| {
        action["title"]
            .as_str()
            .unwrap()
            .starts_with("Add a sentence")
    })
    .expect("a template action");
    assert_eq!(
        client.call("codeAction/resolve", template.clone()),
        template
    );
    assert!(client.shutdown().success());
}

#[test]
fn disable_for_this_line_in_markdown_silences_the_rule_there() {
    let (mut client, _) = start(&["utf-8"]);
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    let cliche = diagnostic(&published["diagnostics"], "cliche").clone();
    let actions = code_actions(&mut client, URI, &cliche["range"], None);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Disable cliche for this file"),
        "{titles:?}"
    );
    let line = actions
        .iter()
        .find(|action| action["title"] == "Disable cliche for this line")
        .unwrap_or_else(|| panic!("{titles:?}"));
    let fixed = apply_text_edits(DRAFT, &edits_for(line, URI), "utf-8");
    assert!(fixed.contains("<!-- amends-ignore: cliche -->"), "{fixed}");
    client.replace_all(URI, 2, &fixed);
    let after = client.diagnostics_for(URI, 2);
    assert!(!codes(&after["diagnostics"]).contains(&"cliche".to_owned()));
    assert!(codes(&after["diagnostics"]).contains(&"minimizing".to_owned()));
    assert!(client.shutdown().success());
}

#[test]
fn disable_in_plain_text_creates_amends_toml_and_the_change_is_picked_up() {
    let workspace = tempfile::tempdir().expect("temp dir");
    let drafts = workspace.path().join("drafts");
    std::fs::create_dir_all(&drafts).unwrap();
    let draft_path = drafts.join("reply.txt");
    std::fs::write(&draft_path, DRAFT).unwrap();
    let uri = format!("file://{}", draft_path.display());
    let root_uri = format!("file://{}", workspace.path().display());

    let mut client = LspClient::start(Some(workspace.path()));
    let mut caps = capabilities(&["utf-16"]);
    caps["workspace"]["didChangeWatchedFiles"] = json!({ "dynamicRegistration": true });
    client.call(
        "initialize",
        json!({
            "processId": null,
            "capabilities": caps,
            "workspaceFolders": [{ "uri": root_uri, "name": "project" }],
        }),
    );
    client.notify("initialized", json!({}));
    client.open(&uri, "plaintext", DRAFT);
    let published = client.diagnostics_for(&uri, 1);
    let cliche = diagnostic(&published["diagnostics"], "cliche").clone();
    let actions = code_actions(&mut client, &uri, &cliche["range"], None);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        !titles.iter().any(|title| title.contains("for this line")),
        "no comment in plain text: {titles:?}"
    );
    let disable = actions
        .iter()
        .find(|action| action["title"] == "Disable cliche in amends.toml")
        .unwrap_or_else(|| panic!("{titles:?}"));
    let operations = disable["edit"]["documentChanges"]
        .as_array()
        .expect("document changes");
    assert_eq!(operations[0]["kind"], "create");
    let config_uri = operations[0]["uri"].as_str().unwrap();
    assert_eq!(config_uri, format!("{root_uri}/amends.toml"));
    let config_text = apply_text_edits("", operations[1]["edits"].as_array().unwrap(), "utf-16");
    std::fs::write(workspace.path().join("amends.toml"), &config_text).unwrap();

    // The server asked to watch amends.toml; tell it the file appeared.
    let registered = client
        .server_requests
        .lock()
        .unwrap()
        .iter()
        .any(|request| {
            request["method"] == "client/registerCapability"
                && request["params"]["registrations"][0]["method"]
                    == "workspace/didChangeWatchedFiles"
        });
    assert!(registered, "amends.toml is watched");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 1 }] }),
    );
    let after = client.wait_for("diagnostics without cliche", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && !codes(&message["params"]["diagnostics"]).contains(&"cliche".to_owned())
    });
    assert!(codes(&after["params"]["diagnostics"]).contains(&"minimizing".to_owned()));

    // An existing file is edited in place, keeping what it says.
    let hedging = diagnostic(&published["diagnostics"], "hedging").clone();
    let actions = code_actions(&mut client, &uri, &hedging["range"], None);
    let disable = actions
        .iter()
        .find(|action| action["title"] == "Disable hedging in amends.toml")
        .expect("disable hedging");
    let config_edits = disable["edit"]["changes"][config_uri]
        .as_array()
        .expect("edits")
        .clone();
    let edited = apply_text_edits(&config_text, &config_edits, "utf-16");
    assert!(
        edited.contains("cliche = \"off\"") && edited.contains("hedging = \"off\""),
        "{edited}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn hover_explains_a_finding_and_summarizes_on_the_first_apology_sentence() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    let hover_at = |client: &mut LspClient, needle: &str| {
        let offset = DRAFT.find(needle).unwrap() + 2;
        let (line, character) = position_at(DRAFT, offset, "utf-16");
        client.call(
            "textDocument/hover",
            json!({
                "textDocument": { "uri": URI },
                "position": { "line": line, "character": character },
            }),
        )
    };
    let on_cliche = hover_at(&mut client, "inconvenience");
    let text = on_cliche["contents"]["value"]
        .as_str()
        .expect("markdown hover");
    assert_eq!(on_cliche["contents"]["kind"], "markdown");
    assert!(text.contains("cliche"), "{text}");
    assert!(text.contains("Why this weakens the apology"), "{text}");
    assert!(text.contains("**Instead**"), "{text}");

    let on_apology = hover_at(&mut client, "are sorry");
    let text = on_apology["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Apology strength"), "{text}");
    assert!(text.contains("✗ remedy"), "{text}");
    assert!(text.contains("English"), "{text}");

    // Outside any finding and the first apology sentence: nothing.
    assert_eq!(hover_at(&mut client, "Anna"), Value::Null);
    assert!(client.shutdown().success());
}

#[test]
fn code_lens_shows_the_strength_and_what_is_missing() {
    let (mut client, result) = start(&["utf-16"]);
    assert!(result["capabilities"]["codeLensProvider"].is_object());
    client.open(URI, "markdown", DRAFT);
    let lenses = client.call(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": URI } }),
    );
    let title = lenses[0]["command"]["title"].as_str().expect("one lens");
    assert!(title.starts_with("Apology strength "), "{title}");
    assert!(title.contains("missing: responsibility, remedy"), "{title}");

    // Not an apology: no lens.
    let note = "file:///drafts/note.md";
    client.open(
        note,
        "markdown",
        "Sorry for the late reply. The report is attached.\n",
    );
    let lenses = client.call(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": note } }),
    );
    assert_eq!(lenses, Value::Null);
    assert!(client.shutdown().success());
}

#[test]
fn pull_diagnostics_are_served_instead_of_pushed() {
    let mut client = LspClient::start(None);
    let mut caps = capabilities(&["utf-16"]);
    caps["textDocument"]["diagnostic"] = json!({ "dynamicRegistration": false });
    let result = client.initialize(caps, Value::Null);
    assert!(result["capabilities"]["diagnosticProvider"].is_object());
    client.open(URI, "markdown", DRAFT);
    let params = json!({ "textDocument": { "uri": URI } });
    let full = client.call("textDocument/diagnostic", params.clone());
    assert_eq!(full["kind"], "full");
    assert!(codes(&full["items"]).contains(&"cliche".to_owned()));
    // The pulled items are exactly what a client that takes pushes gets.
    let (mut pushed_to, _) = start(&["utf-16"]);
    pushed_to.open(URI, "markdown", DRAFT);
    assert_eq!(
        full["items"],
        pushed_to.diagnostics_for(URI, 1)["diagnostics"]
    );
    assert!(pushed_to.shutdown().success());
    let result_id = full["resultId"].as_str().expect("a result id").to_owned();
    let again = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI }, "previousResultId": result_id }),
    );
    assert_eq!(again["kind"], "unchanged");
    assert_eq!(again["resultId"], result_id);

    client.replace_all(URI, 2, &DRAFT.replace("slight ", ""));
    let changed = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI }, "previousResultId": result_id }),
    );
    assert_eq!(changed["kind"], "full");
    assert!(!codes(&changed["items"]).contains(&"minimizing".to_owned()));
    // Never both: nothing was pushed.
    let pushed = client.notifications_during(Duration::from_millis(300));
    assert!(
        pushed
            .iter()
            .all(|n| n["method"] != "textDocument/publishDiagnostics"),
        "{pushed:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_settings_change_lints_open_documents_again() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    let first = client.diagnostics_for(URI, 1);
    assert!(codes(&first["diagnostics"]).contains(&"cliche".to_owned()));

    client.set_settings(json!({ "rules": { "cliche": "off", "hedging": "error" } }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let after = client.wait_for("diagnostics without cliche", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && !codes(&message["params"]["diagnostics"]).contains(&"cliche".to_owned())
    });
    let diagnostics = &after["params"]["diagnostics"];
    assert_eq!(diagnostic(diagnostics, "hedging")["severity"], 1);

    // A typo in the settings reaches the user once, named, with a suggestion.
    client.set_settings(json!({ "rules": { "clichee": "off" } }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let message = client.wait_for("a showMessage", |message| {
        message["method"] == "window/showMessage"
    });
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("did you mean \"cliche\""), "{text}");
    assert!(client.shutdown().success());
}

#[test]
fn initialization_options_configure_from_the_start() {
    let mut client = LspClient::start(None);
    client.initialize(
        capabilities(&["utf-16"]),
        json!({ "amends": { "rules": { "minimizing": "off" } } }),
    );
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    assert!(!codes(&published["diagnostics"]).contains(&"minimizing".to_owned()));
    assert!(codes(&published["diagnostics"]).contains(&"cliche".to_owned()));
    assert!(client.shutdown().success());
}

#[test]
fn a_broken_amends_toml_is_reported_once_and_the_last_good_one_is_kept() {
    let workspace = tempfile::tempdir().expect("temp dir");
    let config = workspace.path().join("amends.toml");
    std::fs::write(&config, "[rules]\ncliche = \"off\"\n").unwrap();
    let draft_path = workspace.path().join("reply.md");
    let uri = format!("file://{}", draft_path.display());

    let mut client = LspClient::start(Some(workspace.path()));
    client.initialize(capabilities(&["utf-16"]), Value::Null);
    client.open(&uri, "markdown", DRAFT);
    let first = client.diagnostics_for(&uri, 1);
    assert!(!codes(&first["diagnostics"]).contains(&"cliche".to_owned()));

    std::fs::write(&config, "[rules]\ncliche = \"of\"\n").unwrap();
    // This client cannot watch files: a save is when the server looks again.
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let message = client.wait_for("a showMessage", |message| {
        message["method"] == "window/showMessage"
    });
    let text = message["params"]["message"].as_str().unwrap();
    assert!(text.contains("amends.toml:2:10"), "{text}");
    assert!(text.contains("last good"), "{text}");
    client.replace_all(&uri, 2, &format!("{DRAFT}\n"));
    let after = client.diagnostics_for(&uri, 2);
    assert!(!codes(&after["diagnostics"]).contains(&"cliche".to_owned()));
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let later = client.notifications_during(Duration::from_millis(500));
    assert!(
        later.iter().all(|n| n["method"] != "window/showMessage"),
        "reported once: {later:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn old_clients_get_utf8_through_offset_encoding() {
    let mut client = LspClient::start(None);
    let result = client.initialize(
        json!({ "offsetEncoding": ["utf-8", "utf-16"] }),
        Value::Null,
    );
    assert_eq!(result["offsetEncoding"], "utf-8");
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    client.open(URI, "markdown", DRAFT);
    let published = client.diagnostics_for(URI, 1);
    assert_eq!(
        diagnostic(&published["diagnostics"], "cliche")["range"],
        range_of(DRAFT, "apologize for any inconvenience", "utf-8")
    );
    assert!(client.shutdown().success());
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let (mut client, _) = start(&["utf-16"]);
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    let cleared = client.wait_for("cleared diagnostics", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == URI
            && message["params"]["diagnostics"] == json!([])
    });
    assert!(cleared["params"]["version"].is_null());
    assert!(client.shutdown().success());
}

#[test]
fn bad_input_gets_an_error_or_a_log_line_and_the_server_goes_on() {
    let (mut client, _) = start(&["utf-16"]);
    // A request about a document that is not open: an error response.
    let response = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere.md" },
                "position": { "line": 0, "character": 0 } }),
    );
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not open"),
        "{response}"
    );
    // Malformed params: an error response.
    let response = client.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert!(response.get("error").is_some(), "{response}");
    // Not JSON at all: logged, and the server reads on.
    client.send_raw("{ this is not json");
    client.send_raw("[1, 2]");
    client.send_bytes(b"Content-Type: application/json\r\n\r\n");
    // A change to an unknown document, and a stale version: logged and dropped.
    client.replace_all("file:///nowhere.md", 2, "text");
    client.open(URI, "markdown", DRAFT);
    client.diagnostics_for(URI, 1);
    client.replace_all(URI, 1, "stale text");
    // Positions far past the end of the line and the document: clamped.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 5 },
            "contentChanges": [{
                "range": { "start": { "line": 400, "character": 9 },
                           "end": { "line": 900, "character": 99 } },
                "text": "\nThank you.",
            }],
        }),
    );
    let published = client.diagnostics_for(URI, 5);
    assert!(codes(&published["diagnostics"]).contains(&"cliche".to_owned()));
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI },
                "position": { "line": 9999, "character": 9999 } }),
    );
    assert_eq!(hover, Value::Null);
    // The stale change was dropped: the text still holds the draft plus the appended line.
    let lenses = client.call(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert!(lenses[0]["command"]["title"].is_string());
    let log = client.stderr();
    assert!(log.contains("not newer"), "{log}");
    assert!(log.contains("not open"), "{log}");
    assert!(
        log.contains("dropped a malformed message: not JSON"),
        "{log}"
    );
    assert!(log.contains("without a valid Content-Length"), "{log}");
    assert!(client.shutdown().success());
}

#[test]
fn huge_and_odd_unicode_documents_are_linted_without_loss() {
    let (mut client, _) = start(&["utf-16"]);
    let mut text = String::new();
    for index in 0..3000 {
        text.push_str(&format!(
            "Paragraph {index} 👩‍👩‍👧 e\u{301} 漢字 \u{200d}\u{feff} ok.\r\n\r\n"
        ));
    }
    text.push_str(DRAFT);
    client.open(URI, "markdown", &text);
    let published = client.diagnostics_for(URI, 1);
    assert_eq!(
        diagnostic(&published["diagnostics"], "cliche")["range"],
        range_of(&text, "apologize for any inconvenience", "utf-16")
    );
    assert!(client.shutdown().success());
}

#[test]
fn the_server_exits_cleanly_on_shutdown_and_exit() {
    let (client, result) = start(&[]);
    assert_eq!(result["serverInfo"]["name"], "amends");
    let status = client.shutdown();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn shutdown_with_empty_params_is_accepted_as_lsp_mode_sends_it() {
    let (mut client, _) = start(&["utf-16"]);
    let response = client.request("shutdown", json!({}));
    assert!(response.get("error").is_none(), "{response}");
    client.notify("exit", json!({}));
    assert_eq!(client.wait_for_exit().code(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_the_process_with_status_1() {
    let (mut client, _) = start(&["utf-16"]);
    // Still waiting for an answer of ours when `exit` comes: the process ends anyway.
    client.open(URI, "markdown", DRAFT);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_for_exit().code(), Some(1));
}

#[test]
fn a_dutch_draft_gets_dutch_hover_and_lens() {
    let (mut client, _) = start(&["utf-16"]);
    let uri = "file:///drafts/antwoord.md";
    let text = "Beste Sanne,\n\nHet spijt ons als de levering te laat was. Excuses voor het \
                eventuele ongemak.\n\nMet vriendelijke groet,\nTom\n";
    client.open(uri, "markdown", text);
    let published = client.diagnostics_for(uri, 1);
    assert!(codes(&published["diagnostics"]).contains(&"cliche".to_owned()));
    let hover_at = |client: &mut LspClient, needle: &str| {
        let (line, character) = position_at(text, text.find(needle).unwrap() + 1, "utf-16");
        client.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri },
                    "position": { "line": line, "character": character } }),
        )["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let on_cliche = hover_at(&mut client, "ongemak");
    assert!(
        on_cliche.contains("Waarom dit de excuses verzwakt"),
        "{on_cliche}"
    );
    assert!(on_cliche.contains("**Voorbeeld**"), "{on_cliche}");
    let on_apology = hover_at(&mut client, "spijt ons");
    assert!(
        on_apology.contains("Sterkte van de excuses"),
        "{on_apology}"
    );
    assert!(on_apology.contains("Nederlands"), "{on_apology}");
    assert!(on_apology.contains("✗ herstel"), "{on_apology}");
    let lenses = client.call(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri } }),
    );
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert!(
        title.contains("ontbreekt: verantwoordelijkheid, herstel"),
        "{title}"
    );

    // `messages = "en"` speaks English about the same Dutch draft.
    client.set_settings(json!({ "messages": "en" }));
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    client.wait_for("diagnostics in English", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == uri
            && message["params"]["diagnostics"][0]["message"]
                .as_str()
                .is_some_and(|text| text.contains("conditional"))
    });
    let on_apology = hover_at(&mut client, "spijt ons");
    assert!(on_apology.contains("Apology strength"), "{on_apology}");
    assert!(on_apology.contains("Dutch"), "{on_apology}");
    assert!(client.shutdown().success());
}

#[test]
fn a_document_closed_and_opened_again_is_linted_from_its_new_text() {
    let (mut client, _) = start(&["utf-16"]);
    let other = DRAFT.replace(" any inconvenience", " the cold dinner");
    let expected = {
        let fresh = "file:///drafts/other.md";
        client.open(fresh, "markdown", &other);
        client.diagnostics_for(fresh, 1)["diagnostics"].clone()
    };
    client.open(URI, "markdown", DRAFT);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    // The same URI and version, other text, while the first lint may still run.
    client.open(URI, "markdown", &other);
    let settled = client.wait_for("diagnostics of the new text", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == URI
            && message["params"]["diagnostics"] == expected
    });
    assert_eq!(settled["params"]["version"], 1);
    // Nothing about the old text follows.
    let later = client.notifications_during(Duration::from_millis(300));
    assert!(
        later
            .iter()
            .filter(|n| n["params"]["uri"] == URI)
            .all(|n| n["params"]["diagnostics"] == expected),
        "{later:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_missing_component_template_is_a_snippet_where_the_client_applies_snippets() {
    let missing_remedy = |client: &mut LspClient| {
        client.open(URI, "markdown", DRAFT);
        let published = client.diagnostics_for(URI, 1);
        let range = diagnostic(&published["diagnostics"], "missing-remedy")["range"].clone();
        code_actions(client, URI, &range, Some(&["quickfix"]))
            .into_iter()
            .find(|action| action["diagnostics"][0]["code"] == "missing-remedy")
            .map(|action| (action, range))
            .expect("a template action for the missing remedy")
    };

    // A client without snippet edits gets the sentence as text, placeholders in brackets.
    let (mut plain_client, _) = start(&["utf-16"]);
    let (plain, _) = missing_remedy(&mut plain_client);
    let plain_edit = edits_for(&plain, URI)[0].clone();
    assert!(plain_edit["newText"].as_str().unwrap().contains('['));
    assert!(plain.get("command").is_none());
    assert!(plain_client.shutdown().success());

    // One that applies LSP 3.18 snippet edits gets tab stops, through workspace/applyEdit.
    let mut snippet_client = LspClient::start(None);
    let mut capabilities = capabilities(&["utf-16"]);
    capabilities["workspace"]["workspaceEdit"]["snippetEditSupport"] = json!(true);
    let result = snippet_client.initialize(capabilities, Value::Null);
    assert!(
        result["capabilities"]["executeCommandProvider"]["commands"]
            .as_array()
            .unwrap()
            .contains(&json!("amends.insertTemplate"))
    );
    let (action, _) = missing_remedy(&mut snippet_client);
    assert_eq!(action["title"], plain["title"]);
    assert!(action.get("edit").is_none());
    let command = &action["command"];
    assert_eq!(command["command"], "amends.insertTemplate");
    let applied = snippet_client.call(
        "workspace/executeCommand",
        json!({ "command": command["command"], "arguments": command["arguments"] }),
    );
    assert_eq!(applied, json!(true));
    let requests = snippet_client.server_requests.lock().unwrap().clone();
    let apply = requests
        .iter()
        .find(|request| request["method"] == "workspace/applyEdit")
        .expect("the server asked the client to apply the snippet");
    let document_edit = &apply["params"]["edit"]["documentChanges"][0];
    assert_eq!(document_edit["textDocument"]["uri"], URI);
    assert_eq!(document_edit["textDocument"]["version"], 1);
    let edit = &document_edit["edits"][0];
    assert_eq!(edit["range"], plain_edit["range"]);
    assert_eq!(edit["snippet"]["kind"], "snippet");
    let snippet = edit["snippet"]["value"].as_str().unwrap();
    assert!(
        snippet.contains("${1:") && snippet.ends_with("$0"),
        "{snippet}"
    );
    assert!(!snippet.contains('['), "{snippet}");
    assert!(snippet_client.shutdown().success());
}

/// A draft of about `bytes` with a safe fix in every sentence: fixing it all takes a lint per
/// pass of the whole draft, seconds in a test build at a few megabytes.
fn draft_with_a_fix_per_sentence(bytes: usize) -> String {
    let sentence = "We are sorry for the slight delay. ";
    sentence.repeat(bytes / sentence.len())
}

/// Version 2 of a draft: "Hi Sam, " typed at its start, one incremental change whatever the
/// draft's size.
fn greet_at_the_start(client: &LspClient, uri: &str) {
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{
                "range": { "start": { "line": 0, "character": 0 },
                           "end": { "line": 0, "character": 0 } },
                "text": "Hi Sam, ",
            }],
        }),
    );
}

fn position_of(messages: &[Value], wanted: impl Fn(&Value) -> bool) -> Option<usize> {
    messages.iter().position(wanted)
}

/// A client that resolves code actions (so the server does not work out the fix-all ahead),
/// with a 4 MB draft open whose fix-all it has just asked for, as request "fix-all".
fn fixing_all_of_a_big_draft() -> (LspClient, &'static str) {
    let mut client = LspClient::start(None);
    client.initialize(resolving_capabilities(), Value::Null);
    let big_uri = "file:///drafts/big.txt";
    let big = draft_with_a_fix_per_sentence(4 << 20);
    client.open(big_uri, "plaintext", &big);
    client.diagnostics_for(big_uri, 1);
    client.send_request(
        "fix-all",
        "workspace/executeCommand",
        json!({ "command": "amends.fixAll", "arguments": [big_uri] }),
    );
    (client, big_uri)
}

#[test]
fn a_long_fix_all_does_not_hold_up_other_documents() {
    let (mut client, _) = fixing_all_of_a_big_draft();
    client.open(URI, "markdown", DRAFT);
    let (line, character) = position_at(DRAFT, DRAFT.find("slight").unwrap(), "utf-16");
    client.send_request(
        "hover",
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI },
                "position": { "line": line, "character": character } }),
    );
    let small_draft_diagnostics = |message: &Value| {
        message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == URI
    };
    // Wait for all three, so a slow machine shows their order rather than a missing message.
    let messages = client.messages_until(|seen| {
        position_of(seen, |message| message["id"] == "fix-all").is_some()
            && position_of(seen, |message| message["id"] == "hover").is_some()
            && position_of(seen, small_draft_diagnostics).is_some()
    });
    let fix_all = position_of(&messages, |message| message["id"] == "fix-all").unwrap();
    // The server asks the client to apply the edit once it has worked it out.
    let fixed = position_of(&messages, |message| {
        message["method"] == "workspace/applyEdit"
    })
    .expect("the fix-all edit");
    let hover = position_of(&messages, |message| message["id"] == "hover").unwrap();
    let small_diagnostics =
        position_of(&messages, small_draft_diagnostics).expect("the small draft's diagnostics");
    assert!(
        hover < fixed && small_diagnostics < fixed,
        "the small draft waited for the big one's fix-all: hover {hover}, diagnostics \
         {small_diagnostics}, fix-all edit {fixed}"
    );
    assert!(
        messages[hover]["result"]["contents"].is_object(),
        "{}",
        messages[hover]
    );
    assert_eq!(messages[fix_all]["result"], true, "{}", messages[fix_all]);
    assert!(client.shutdown().success());
}

#[test]
fn a_fix_all_of_a_version_the_client_has_changed_is_cancelled() {
    let (mut client, big_uri) = fixing_all_of_a_big_draft();
    greet_at_the_start(&client, big_uri);
    let response = client.response_to(json!("fix-all"));
    // LSP's ContentModified: the result would be for a text the client no longer has.
    assert_eq!(response["error"]["code"], -32801, "{response}");
    let applied = client
        .server_requests
        .lock()
        .unwrap()
        .iter()
        .any(|request| request["method"] == "workspace/applyEdit");
    assert!(!applied, "no edit of the old text is sent");
    let published = client.diagnostics_for(big_uri, 2);
    assert_eq!(published["version"], 2);
    assert!(client.shutdown().success());
}

#[test]
fn the_fix_all_worked_out_ahead_is_of_the_version_the_client_has() {
    // A client that cannot resolve code actions: the fix-all is worked out after each lint, and
    // a change while it is (a long one, at 4 MB) stops it between passes.
    let (mut client, _) = start(&["utf-16"]);
    let big_uri = "file:///drafts/big.txt";
    let big = draft_with_a_fix_per_sentence(4 << 20);
    client.open(big_uri, "plaintext", &big);
    assert!(client.log_says("linted version=1"), "{}", client.stderr());
    let changed = format!("Hi Sam, {big}");
    greet_at_the_start(&client, big_uri);
    client.diagnostics_for(big_uri, 2);
    let start_of_text = json!({ "start": { "line": 0, "character": 0 },
                                "end": { "line": 0, "character": 0 } });
    let fix_all = fix_all_of(&code_actions(&mut client, big_uri, &start_of_text, None));
    let edits = edits_for(&fix_all, big_uri);
    let [edit] = edits.as_slice() else {
        panic!("one edit expected: {edits:?}");
    };
    // One line of ASCII: UTF-16 columns are byte offsets (and the tests' own conversion would
    // take minutes at 4 MB).
    assert_eq!(edit["range"]["start"]["line"], 0);
    assert_eq!(edit["range"]["end"]["line"], 0);
    let column = |end: &str| edit["range"][end]["character"].as_u64().unwrap() as usize;
    let mut fixed = changed.clone();
    fixed.replace_range(
        column("start")..column("end"),
        edit["newText"].as_str().unwrap(),
    );
    assert_eq!(fixed, changed.replace("the slight delay", "the delay"));
    assert!(client.shutdown().success());
}

/// A server whose workspace folder is `workspace`, with `draft` open at `relative` in it as plain
/// text; the URI and its `cliche` diagnostic.
fn plain_draft_in_workspace(
    workspace: &std::path::Path,
    relative: &str,
) -> (LspClient, String, Value) {
    let draft_path = workspace.join(relative);
    std::fs::create_dir_all(draft_path.parent().unwrap()).unwrap();
    std::fs::write(&draft_path, DRAFT).unwrap();
    let uri = format!("file://{}", draft_path.display());
    let root_uri = format!("file://{}", workspace.display());
    let mut client = LspClient::start(Some(workspace));
    client.call(
        "initialize",
        json!({
            "processId": null,
            "capabilities": capabilities(&["utf-16"]),
            "workspaceFolders": [{ "uri": root_uri, "name": "project" }],
        }),
    );
    client.notify("initialized", json!({}));
    client.open(&uri, "plaintext", DRAFT);
    let published = client.diagnostics_for(&uri, 1);
    let cliche = diagnostic(&published["diagnostics"], "cliche").clone();
    (client, uri, cliche)
}

fn titles(actions: &[Value]) -> Vec<String> {
    actions
        .iter()
        .map(|action| action["title"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file a workspace edit would create or change.
fn files_written(edit: &Value) -> Vec<String> {
    let mut files: Vec<String> = edit["changes"]
        .as_object()
        .map(|changes| changes.keys().cloned().collect())
        .unwrap_or_default();
    for operation in edit["documentChanges"].as_array().into_iter().flatten() {
        let uri = operation["uri"]
            .as_str()
            .or_else(|| operation["textDocument"]["uri"].as_str());
        files.extend(uri.map(str::to_owned));
    }
    files
}

#[test]
fn disable_in_amends_toml_above_the_workspace_creates_one_at_its_root_with_the_same_settings() {
    let outside = tempfile::tempdir().expect("temp dir");
    let above = "language = \"en\"\napology = \"always\"\n\n[rules]\nhedging = \"info\"\n";
    std::fs::write(outside.path().join("amends.toml"), above).unwrap();
    let workspace = outside.path().join("project");
    let (mut client, uri, cliche) = plain_draft_in_workspace(&workspace, "drafts/reply.txt");
    let actions = code_actions(&mut client, &uri, &cliche["range"], None);
    let disable = actions
        .iter()
        .find(|action| {
            action["title"]
                .as_str()
                .is_some_and(|title| title.starts_with("Disable cliche in"))
        })
        .unwrap_or_else(|| panic!("{:?}", titles(&actions)));
    let title = disable["title"].as_str().unwrap();
    assert!(
        title.contains("new amends.toml") && title.contains("workspace"),
        "the title says a file is created: {title}"
    );
    let root_config = format!("file://{}/amends.toml", workspace.display());
    assert_eq!(
        files_written(&disable["edit"]),
        [root_config.clone(), root_config]
    );
    let operations = disable["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(operations[0]["kind"], "create");
    let created = apply_text_edits("", operations[1]["edits"].as_array().unwrap(), "utf-16");
    // Nearest wins and nothing merges: the new file keeps every setting of the one above.
    assert!(
        above
            .lines()
            .all(|line| created.lines().any(|kept| kept == line)),
        "{created}"
    );
    assert!(created.contains("cliche = \"off\""), "{created}");
    assert_eq!(
        std::fs::read_to_string(outside.path().join("amends.toml")).unwrap(),
        above
    );
    assert!(client.shutdown().success());
}

#[test]
fn disable_in_amends_toml_is_not_offered_through_a_symlink() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("shared-amends.toml");
    std::fs::write(&target, "[rules]\nhedging = \"info\"\n").unwrap();
    let workspace = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(&target, workspace.path().join("amends.toml")).unwrap();
    let (mut client, uri, cliche) = plain_draft_in_workspace(workspace.path(), "reply.txt");
    let actions = code_actions(&mut client, &uri, &cliche["range"], None);
    let titles = titles(&actions);
    assert!(
        !titles.iter().any(|title| title.contains("amends.toml")),
        "{titles:?}"
    );
    // The quick fixes are still there.
    assert!(!titles.is_empty());
    assert!(client.log_says("is a symbolic link"), "{}", client.stderr());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "[rules]\nhedging = \"info\"\n"
    );
    assert!(client.shutdown().success());
}

#[test]
fn disable_in_amends_toml_is_not_offered_for_a_draft_outside_every_workspace_folder() {
    let workspace = tempfile::tempdir().expect("temp dir");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let draft_path = elsewhere.path().join("reply.txt");
    std::fs::write(&draft_path, DRAFT).unwrap();
    let uri = format!("file://{}", draft_path.display());
    let (mut client, _, _) = plain_draft_in_workspace(workspace.path(), "other.txt");
    client.open(&uri, "plaintext", DRAFT);
    let published = client.diagnostics_for(&uri, 1);
    let cliche = diagnostic(&published["diagnostics"], "cliche").clone();
    let actions = code_actions(&mut client, &uri, &cliche["range"], None);
    for action in &actions {
        for file in files_written(&action["edit"]) {
            assert_eq!(file, uri, "only the draft itself is edited: {action}");
        }
    }
    assert!(client.log_says("outside every workspace folder"));
    assert!(client.shutdown().success());
}

#[test]
fn one_bad_editor_setting_is_reported_once_and_the_others_are_kept() {
    // Not an apology by itself: only `apology = "always"` gets it checked.
    let note = "The parcel had a slight delay. The new one ships on Monday.\n";
    let mut client = LspClient::start(None);
    let settings = json!({ "amends": {
        "apology": "always",
        "language": "fr",
        "rules": { "hedging": "loud", "missing-remedy": "off", "hedgin": "off" },
        "codeLens": "yes",
    } });
    client.initialize(capabilities(&["utf-16"]), settings.clone());
    let shown = |notifications: Vec<Value>| -> Vec<String> {
        notifications
            .iter()
            .filter(|message| message["method"] == "window/showMessage")
            .map(|message| message["params"]["message"].as_str().unwrap().to_owned())
            .collect()
    };
    let messages = shown(client.notifications_during(Duration::from_millis(800)));
    for (key, hint) in [
        ("language \"fr\"", "valid choices: \"auto\", \"en\", \"nl\""),
        ("level \"loud\" for \"hedging\"", "\"off\""),
        ("rule id \"hedgin\"", "did you mean \"hedging\""),
        ("\"codeLens\"", "true or false"),
    ] {
        let about: Vec<&String> = messages
            .iter()
            .filter(|message| message.contains(key))
            .collect();
        assert_eq!(about.len(), 1, "{key}: {messages:#?}");
        assert!(about[0].contains(hint), "{key}: {}", about[0]);
    }
    client.open(URI, "markdown", note);
    let published = client.diagnostics_for(URI, 1);
    let found = codes(&published["diagnostics"]);
    assert!(
        found.contains(&"minimizing".to_owned()),
        "apology kept: {found:?}"
    );
    assert!(
        !found.contains(&"missing-remedy".to_owned()),
        "missing-remedy off kept: {found:?}"
    );
    // The same settings again say nothing new.
    client.set_settings(settings["amends"].clone());
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let again = shown(client.notifications_during(Duration::from_millis(800)));
    assert_eq!(again, Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_large_draft_with_a_finding_per_sentence_peaks_below_135_mib() {
    // 4 MB, a finding and a fix per sentence: the findings' diagnostics as JSON, built whole on
    // the message loop, a second list of findings in the lint and copies of both peaked at
    // 181 MiB in a release build (156 in a test build); written straight from the lint, 117
    // (114). The limit sits between them.
    let (mut client, _) = start(&["utf-16"]);
    let uri = "file:///drafts/big.txt";
    client.open(uri, "plaintext", &draft_with_a_fix_per_sentence(4_000_000));
    client.diagnostics_for(uri, 1);
    greet_at_the_start(&client, uri);
    client.diagnostics_for(uri, 2);
    let Some(peak) = client.peak_memory_kib() else {
        eprintln!("no /proc/<pid>/status here: the peak is not measured");
        return;
    };
    eprintln!("peak {} MiB", peak / 1024);
    assert!(peak < 135 * 1024, "peak {} MiB", peak / 1024);
    assert!(client.shutdown().success());
}
