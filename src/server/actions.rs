//! Code actions: a quick fix per fix of a finding, "disable this rule" (a suppression comment in
//! Markdown, a line in `amends.toml` elsewhere), and `source.fixAll.amends`.
//!
//! A structure finding's template sentence ("I have [refunded / replaced / …] [what] on
//! [date].") is inserted as a snippet, each `[placeholder]` a tab stop, when the client applies
//! LSP 3.18 snippet edits. The protocol types cannot carry a snippet edit in a code action, so
//! that action runs [`INSERT_TEMPLATE_COMMAND`], which sends the edit through
//! `workspace/applyEdit` ([`template_snippet_edit`]). Other clients get the same sentence as
//! plain text, brackets and all, for the writer to fill in.
//!
//! `source.fixAll.amends` lints the draft once per pass, so working out its edit costs as much
//! as a lint or more (tens of milliseconds at a megabyte). VS Code asks for code actions on every
//! cursor move, so a client that can resolve an action's edit later (`codeAction/resolve`) gets
//! the action without it ([`FixAll::Unresolved`], with [`FixAllData`] naming the document
//! version); other clients get the edit the server worked out ahead, after the lint.
//!
//! The fixes themselves come from the rules; this module only turns them into workspace edits
//! and decides which actions a request asked for (`context.only`).

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use crate::lint::fix::{Applicability, changed_stretch, fix_until_stable_unless};
use crate::lint::{self, DocumentKind, Edit, Fix, FixKind, Safety, TextRange, config, suppress};
use crate::position::Encoding;
use crate::rules::{self, RuleKind};
use crate::server::linting::{Linted, lsp_range};
use crate::server::project_config::Target;

/// The kind of the fix-all action, for `editor.codeActionsOnSave`.
pub const FIX_ALL_KIND: &str = "source.fixAll.amends";

const FIX_ALL_TITLE: &str = "Fix all safe amends problems";

/// The `data` of an unresolved fix-all action: the document version it was offered for. Its edit
/// is only worked out for that version; a later one is refused with `ContentModified`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct FixAllData {
    pub uri: Uri,
    pub version: i32,
}

/// What a code-action answer carries of `source.fixAll.amends`.
#[derive(Debug)]
pub enum FixAll {
    /// The request did not ask for that kind.
    NotAsked,
    /// The action without its edit, for the client to resolve when it is chosen.
    Unresolved,
    /// The edit, worked out off the message loop (`None`: nothing would change).
    Resolved(Option<Edit>),
}

/// What the client can do with a workspace edit.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditSupport {
    /// `workspace.workspaceEdit.resourceOperations` includes `create`.
    pub create_files: bool,
    /// The client applies snippet edits sent with `workspace/applyEdit` (LSP 3.18).
    pub snippets: bool,
}

/// Inserts a structure finding's template as a snippet; arguments: the document's URI and the
/// rule id.
pub const INSERT_TEMPLATE_COMMAND: &str = "amends.insertTemplate";

/// One code-action request, resolved against a lint of the document's current version.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub linted: &'a Linted,
    pub range: TextRange,
    pub only: Option<&'a [CodeActionKind]>,
    pub support: EditSupport,
    /// For plain text and e-mail: where to turn a rule off, if anywhere.
    pub project_config: Option<Target>,
    pub fix_all: FixAll,
}

/// Every action the request asks for, quick fixes first.
pub fn code_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX, request.only) {
        let linted = request.linted;
        let mut disabled: Vec<&str> = Vec::new();
        for index in linted.findings_touching(request.range) {
            let finding = &linted.report.findings[index];
            for fix in finding.fixes.iter().filter(|fix| !fix.edits.is_empty()) {
                if request.support.snippets && template_edit(finding.rule, fix).is_some() {
                    actions.push(template_action(request, index, fix));
                } else {
                    actions.push(quick_fix(request, index, fix));
                }
            }
            // One set of "disable" actions per rule, however many of its findings are here.
            if !disabled.contains(&finding.rule) {
                disabled.push(finding.rule);
                actions.extend(disable_actions(request, index));
            }
        }
    }
    let fix_all_action = match &request.fix_all {
        FixAll::NotAsked => None,
        FixAll::Unresolved => unresolved_fix_all(request.uri, request.linted),
        FixAll::Resolved(edit) => fix_all(request.uri, request.linted, edit.as_ref()),
    };
    actions.extend(fix_all_action.map(CodeActionOrCommand::CodeAction));
    actions
}

/// Whether an action of `kind` was asked for: `only` lists kinds and their parents
/// (`source` asks for `source.fixAll.amends`).
pub fn wanted(kind: &CodeActionKind, only: Option<&[CodeActionKind]>) -> bool {
    let Some(only) = only else {
        return true;
    };
    let kind = kind.as_str();
    only.iter().any(|asked| {
        let asked = asked.as_str();
        kind == asked
            || kind
                .strip_prefix(asked)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

fn quick_fix(request: &Request<'_>, index: usize, fix: &Fix) -> CodeActionOrCommand {
    let linted = request.linted;
    let edits = fix
        .edits
        .iter()
        .map(|edit| text_edit(linted, edit))
        .collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title.to_string(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![linted.diagnostic(index)]),
        edit: Some(changes(request.uri, edits)),
        is_preferred: Some(fix.kind == FixKind::Edit(Safety::Safe)),
        ..CodeAction::default()
    })
}

/// The insertion of a structure rule's template sentence with `[placeholders]`, if `fix` is one.
fn template_edit<'f>(rule: &str, fix: &'f Fix) -> Option<&'f Edit> {
    let structure = rules::meta_of(rule).is_some_and(|meta| meta.kind == RuleKind::Structure);
    match fix.edits.as_slice() {
        [edit] if structure && edit.range.is_empty() && fix.kind == FixKind::Template => Some(edit),
        _ => None,
    }
}

fn template_action(request: &Request<'_>, index: usize, fix: &Fix) -> CodeActionOrCommand {
    let linted = request.linted;
    let rule = linted.report.findings[index].rule;
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title.to_string(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![linted.diagnostic(index)]),
        command: Some(Command {
            title: fix.title.to_string(),
            command: INSERT_TEMPLATE_COMMAND.to_owned(),
            arguments: Some(vec![
                serde_json::json!(request.uri.as_str()),
                serde_json::json!(rule),
            ]),
        }),
        ..CodeAction::default()
    })
}

/// The `workspace/applyEdit` parameters that insert `rule`'s template into the linted draft as
/// a snippet (LSP 3.18 `SnippetTextEdit`), or `None` if the draft has no such template now.
pub fn template_snippet_edit(uri: &Uri, linted: &Linted, rule: &str) -> Option<serde_json::Value> {
    let (fix, edit) = linted
        .report
        .findings
        .iter()
        .filter(|finding| finding.rule == rule)
        .flat_map(|finding| &finding.fixes)
        .find_map(|fix| Some((fix, template_edit(rule, fix)?)))?;
    Some(serde_json::json!({
        "label": fix.title,
        "edit": {
            "documentChanges": [{
                "textDocument": { "uri": uri.as_str(), "version": linted.version },
                "edits": [{
                    "range": linted.range(edit.range),
                    "snippet": { "kind": "snippet", "value": snippet(&edit.replacement) },
                }],
            }],
        },
    }))
}

/// A template in snippet syntax: each `[placeholder]` becomes a numbered tab stop with its text
/// as the default, the cursor ends after the sentence, and `$`, `}` and `\` are escaped.
fn snippet(template: &str) -> String {
    let escape = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('$', "\\$")
            .replace('}', "\\}")
    };
    let mut out = String::new();
    let mut rest = template;
    let mut stop = 0;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|close| open + close) else {
            break;
        };
        stop += 1;
        out.push_str(&escape(&rest[..open]));
        out.push_str(&format!("${{{stop}:{}}}", escape(&rest[open + 1..close])));
        rest = &rest[close + 1..];
    }
    out.push_str(&escape(rest));
    out.push_str("$0");
    out
}

/// "Disable <rule> for this line / for this file" in Markdown; "Disable <rule> in amends.toml"
/// where a comment would reach the reader.
fn disable_actions(request: &Request<'_>, index: usize) -> Vec<CodeActionOrCommand> {
    let linted = request.linted;
    let finding = &linted.report.findings[index];
    let rule = finding.rule;
    let mut actions = Vec::new();
    let mut action = |title: String, edit: WorkspaceEdit| {
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![linted.diagnostic(index)]),
            edit: Some(edit),
            ..CodeAction::default()
        }));
    };
    if linted.kind == DocumentKind::Markdown {
        // A structure finding is about the whole draft: a line comment would not say so.
        let phrase = rules::meta_of(rule).is_some_and(|meta| meta.kind != RuleKind::Structure);
        if phrase {
            let edit = suppress::ignore_on_line(&linted.text, rule, finding.range.start);
            action(
                format!("Disable {rule} for this line"),
                changes(request.uri, vec![text_edit(linted, &edit)]),
            );
        }
        let edit = suppress::disable_in_file(&linted.text, rule);
        action(
            format!("Disable {rule} for this file"),
            changes(request.uri, vec![text_edit(linted, &edit)]),
        );
    } else if let Some(project) = &request.project_config
        && let Some(edit) = disable_in_config(project, rule, request.support, linted.encoding)
    {
        let title = match project {
            Target::Create {
                seed: Some((governing, _)),
                ..
            } => format!(
                "Disable {rule} in a new amends.toml at the workspace root (with the settings of \
                 {})",
                governing.display()
            ),
            _ => format!("Disable {rule} in amends.toml"),
        };
        action(title, edit);
    }
    actions
}

/// The workspace edit that turns `rule` off in the project's `amends.toml`, creating it when
/// that is where it goes (and the client can create files).
fn disable_in_config(
    project: &Target,
    rule: &str,
    support: EditSupport,
    encoding: Encoding,
) -> Option<WorkspaceEdit> {
    let (path, text) = match project {
        Target::Edit { path, text } => (path, text.as_str()),
        Target::Create { path, seed } => (path, seed.as_ref().map_or("", |(_, text)| text)),
    };
    let uri = Uri::from_file_path(path)?;
    let edit = config::set_rule_level(text, rule, "off")?;
    if let Target::Edit { .. } = project {
        let index = crate::position::LineIndex::new(text);
        let text_edit = TextEdit::new(
            lsp_range(&index, edit.range, encoding),
            edit.replacement.into_owned(),
        );
        return Some(changes(&uri, vec![text_edit]));
    }
    if !support.create_files {
        return None;
    }
    // The new file's whole text, inserted into the empty file.
    let (content, _) = lint::apply_edits(text, [&edit]);
    let text_edit = TextEdit::new(Default::default(), content);
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![
            DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            })),
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(text_edit)],
            }),
        ])),
        ..WorkspaceEdit::default()
    })
}

/// `source.fixAll.amends` with the one edit [`fix_all_edit`] worked out. `None` when nothing
/// would change.
pub fn fix_all(uri: &Uri, linted: &Linted, edit: Option<&Edit>) -> Option<CodeAction> {
    let edit = edit?;
    Some(CodeAction {
        title: FIX_ALL_TITLE.to_owned(),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        edit: Some(changes(uri, vec![text_edit(linted, edit)])),
        ..CodeAction::default()
    })
}

/// `source.fixAll.amends` without its edit, when the lint has a safe fix to apply. Deciding that
/// is a look at the findings; the edit itself comes with `codeAction/resolve`
/// ([`resolve_fix_all`]).
fn unresolved_fix_all(uri: &Uri, linted: &Linted) -> Option<CodeAction> {
    let data = FixAllData {
        uri: uri.clone(),
        version: linted.version,
    };
    has_safe_fix(linted).then(|| CodeAction {
        title: FIX_ALL_TITLE.to_owned(),
        kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
        data: serde_json::to_value(data).ok(),
        ..CodeAction::default()
    })
}

/// The client's unresolved fix-all `action` with its edit filled in from `linted`, the lint of
/// the version it was offered for. An action whose fixes undo each other gets an empty edit: the
/// client asked to apply it, and applying nothing is the honest answer.
pub fn resolve_fix_all(
    mut action: CodeAction,
    data: &FixAllData,
    linted: &Linted,
    edit: Option<&Edit>,
) -> CodeAction {
    let edits = edit
        .map(|edit| text_edit(linted, edit))
        .into_iter()
        .collect();
    action.edit = Some(changes(&data.uri, edits));
    action
}

fn has_safe_fix(linted: &Linted) -> bool {
    linted.report.findings.iter().any(|finding| {
        finding
            .fixes
            .iter()
            .any(|fix| fix.kind == FixKind::Edit(Safety::Safe))
    })
}

/// Every safe fix, applied pass after pass as `amends check --fix` does, as one edit of the
/// changed stretch (`None` inside: nothing would change). `None` when `stop` said to stop
/// between passes.
pub fn fix_all_edit(linted: &Linted, stop: impl Fn() -> bool) -> Option<Option<Edit>> {
    if !has_safe_fix(linted) {
        return Some(None);
    }
    // The lint's own report starts the loop: a draft's report is not copied to be fixed.
    let fixed = fix_until_stable_unless(
        &linted.text,
        Cow::Borrowed(&linted.report),
        |report| &report.findings,
        |text| Cow::Owned(lint::lint(text, linted.kind, &linted.options)),
        Applicability::Safe,
        stop,
    )?;
    Some(changed_stretch(&linted.text, &fixed.text))
}

fn text_edit(linted: &Linted, edit: &Edit) -> TextEdit {
    TextEdit::new(linted.range(edit.range), edit.replacement.to_string())
}

fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_becomes_a_snippet_with_a_tab_stop_per_placeholder() {
        assert_eq!(
            snippet(" I have [refunded / replaced] [what] on [date]."),
            " I have ${1:refunded / replaced} ${2:what} on ${3:date}.$0"
        );
        assert_eq!(
            snippet("Costs $5 {or} [a\\b}]"),
            "Costs \\$5 {or\\} ${1:a\\\\b\\}}$0"
        );
        assert_eq!(snippet("No [end"), "No [end$0");
    }

    #[test]
    fn only_asks_for_kinds_and_their_children() {
        let fix_all = CodeActionKind::new(FIX_ALL_KIND);
        let only = |kinds: &[&'static str]| -> Vec<CodeActionKind> {
            kinds.iter().map(|kind| CodeActionKind::new(kind)).collect()
        };
        assert!(wanted(&fix_all, None));
        assert!(wanted(&fix_all, Some(&only(&["source"]))));
        assert!(wanted(&fix_all, Some(&only(&["source.fixAll"]))));
        assert!(!wanted(&fix_all, Some(&only(&["source.fix"]))));
        assert!(!wanted(&fix_all, Some(&only(&["quickfix"]))));
        assert!(wanted(
            &CodeActionKind::QUICKFIX,
            Some(&only(&["quickfix"]))
        ));
    }
}
