//! The LSP handlers: thin dispatch from protocol messages to documents, lints and answers.
//!
//! Concurrency, in three rules:
//! 1. A change is applied inside its notification handler before the first `.await`, under the
//!    documents lock, which is never held across an await. Edits land in the order sent.
//! 2. Linting runs on the lint workers ([`LintWorker`]: large documents on a thread of their
//!    own), at most one push lint per document at a time; a change during a lint only bumps the
//!    version, and the running task lints again before it stops. A job whose version is stale
//!    when its turn comes is skipped, and so is the fix-all of one, between passes.
//! 3. Nothing is published or answered from a lint of an older version or older settings: a
//!    request whose answer would be is answered with `ContentModified`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::lint::{DocumentKind, Edit};
use crate::position::Encoding;
use crate::server::actions::{self, EditSupport, FIX_ALL_KIND, FixAll, FixAllData};
use crate::server::documents::{self, Document};
use crate::server::framing::NewerCapabilities;
use crate::server::hover;
use crate::server::lifecycle::Lifecycle;
use crate::server::linting::Linted;
use crate::server::logging::LogControl;
use crate::server::output::{LateJson, Output};
use crate::server::project_config;
use crate::server::settings::{EditorSettings, Settings};
use crate::server::worker::LintWorker;

/// Commands the server runs (`workspace/executeCommand`); an editor binds them to keys or a
/// palette, and the code lens runs the first.
pub const SHOW_SUMMARY_COMMAND: &str = "amends.showSummary";
pub const FIX_ALL_COMMAND: &str = "amends.fixAll";

/// How long a document must stay unchanged after a lint before its fix-all is worked out ahead.
/// A fix-all pass lints the whole draft on the document's worker and cannot stop midway: started
/// after every keystroke, it would hold up the next keystroke's lint by up to a lint's time.
/// Typing pauses for less than this.
const QUIET_BEFORE_WORKING_AHEAD: Duration = Duration::from_millis(250);

/// The largest draft whose fix-all is worked out ahead. Working ahead is a bet that the user
/// will open the lightbulb: it lints the draft again beside the lint the document holds, which
/// at 10 MB is some 60 MB more at its peak and a quarter of a second a pass. Past this size the
/// fix-all is worked out when it is asked for.
const LARGEST_DRAFT_WORKED_AHEAD: usize = 8 << 20;

/// What was agreed with the client at `initialize`.
#[derive(Clone, Debug)]
struct Session {
    encoding: Encoding,
    /// The client pulls diagnostics (`textDocument/diagnostic`); never push to it as well.
    pull_diagnostics: bool,
    diagnostic_refresh: bool,
    code_lens_refresh: bool,
    configuration_requests: bool,
    watch_files: bool,
    apply_edit: bool,
    edit_support: EditSupport,
    /// The client resolves a code action's edit later (`codeAction/resolve`, keeping `data`):
    /// `source.fixAll.amends` goes out without its edit, which is worked out only when chosen.
    resolves_fix_all: bool,
    workspace_folders: Vec<PathBuf>,
}

/// Everything the handlers share.
#[derive(Debug)]
struct State {
    documents: Mutex<HashMap<Uri, Document>>,
    settings: Mutex<Settings>,
    session: OnceLock<Session>,
    /// Messages already shown, so each reaches the user once.
    shown: Mutex<HashSet<String>>,
    /// Warnings already logged that would otherwise come with every request.
    logged: Mutex<HashSet<String>>,
    log: LogControl,
    worker: LintWorker,
    /// Pull reports sent so far: the last part of each full report's `resultId`, which makes it
    /// unique ([`Output::defer_items`]).
    full_reports: AtomicU64,
    /// Documents opened so far: each opening's number ([`Document::opening`]).
    openings: AtomicU64,
    /// What the input guard read from `initialize` that the typed parameters lack.
    newer_capabilities: Arc<NewerCapabilities>,
    lifecycle: Arc<Lifecycle>,
}

impl State {
    fn documents(&self) -> MutexGuard<'_, HashMap<Uri, Document>> {
        // A panic while holding the lock (a bug) must not take every later request down with it.
        self.documents
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn settings(&self) -> MutexGuard<'_, Settings> {
        self.settings
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether `linted` is a lint of `uri` as it is now, under the current settings.
    fn is_current(&self, uri: &Uri, linted: &Linted) -> bool {
        let generation = self.settings().generation();
        self.documents()
            .get(uri)
            .is_some_and(|document| document.is_current(linted, generation))
    }

    fn session(&self) -> Session {
        self.session
            .get()
            .cloned()
            .expect("requests are only served after initialize")
    }
}

/// The language server.
#[derive(Debug, Clone)]
pub struct Backend {
    client: Client,
    /// Where `publishDiagnostics` goes, past tower-lsp-server's `Value` detour ([`Output`]).
    output: Output,
    state: Arc<State>,
}

/// What a lint needs, taken from a document under the lock.
struct Job {
    text: ropey::Rope,
    opening: u64,
    version: i32,
    kind: DocumentKind,
    directory: Option<PathBuf>,
}

/// What a document's lint task does next.
enum Next {
    /// Lint the current version.
    Lint(Job),
    /// Publish a lint of the current version that a request made.
    Publish(Arc<Linted>),
}

/// How a lint job ended.
enum Lint {
    Done(Arc<Linted>),
    /// The client changed the document before the job's turn came.
    Stale,
    /// It panicked (logged), or the workers are gone.
    Failed,
}

impl Backend {
    pub fn new(
        client: Client,
        log: LogControl,
        output: Output,
        newer_capabilities: Arc<NewerCapabilities>,
        lifecycle: Arc<Lifecycle>,
    ) -> Backend {
        Backend {
            client,
            output,
            state: Arc::new(State {
                documents: Mutex::new(HashMap::new()),
                settings: Mutex::new(Settings::default()),
                session: OnceLock::new(),
                shown: Mutex::new(HashSet::new()),
                logged: Mutex::new(HashSet::new()),
                log,
                worker: LintWorker::start(),
                full_reports: AtomicU64::new(0),
                openings: AtomicU64::new(0),
                newer_capabilities,
                lifecycle,
            }),
        }
    }

    /// The lint of `uri`'s current version and settings: the cached one, or a new one. An error
    /// for a document that is not open, or that changed before its lint's turn came.
    async fn current_lint(&self, uri: &Uri) -> Result<Arc<Linted>> {
        let job = {
            let generation = self.state.settings().generation();
            let documents = self.state.documents();
            let Some(document) = documents.get(uri) else {
                tracing::warn!(
                    uri = uri.as_str(),
                    "request for a document that is not open"
                );
                return Err(unknown_document(uri));
            };
            if let Some(linted) = &document.linted
                && document.is_current(linted, generation)
            {
                return Ok(Arc::clone(linted));
            }
            job_of(document)
        };
        let linted = match self.run(uri, job).await {
            Lint::Done(linted) => linted,
            Lint::Stale => return Err(Error::content_modified()),
            Lint::Failed => return Err(Error::internal_error()),
        };
        let stored = {
            let generation = self.state.settings().generation();
            let mut documents = self.state.documents();
            match documents.get_mut(uri) {
                Some(document) if document.is_current(&linted, generation) => {
                    document.linted = Some(Arc::clone(&linted));
                    true
                }
                _ => false,
            }
        };
        if stored {
            self.work_ahead_on_fix_all(uri, &linted);
        }
        Ok(linted)
    }

    /// Lint on a worker thread, then tell the user about a broken `amends.toml` if this lint was
    /// the first to meet it. When the job's turn comes, a lint of the same version that finished
    /// meanwhile is used instead, and a version the client has replaced is not linted at all.
    async fn run(&self, uri: &Uri, job: Job) -> Lint {
        let state = Arc::clone(&self.state);
        let encoding = state.session().encoding;
        let uri = uri.clone();
        let outcome = self
            .state
            .worker
            .run(job.text.len_bytes(), move || {
                let generation = state.settings().generation();
                match state.documents().get(&uri) {
                    Some(document)
                        if document.opening == job.opening && document.version == job.version =>
                    {
                        if let Some(linted) = &document.linted
                            && document.is_current(linted, generation)
                        {
                            return (Lint::Done(Arc::clone(linted)), None);
                        }
                    }
                    _ => {
                        tracing::debug!(
                            uri = uri.as_str(),
                            version = job.version,
                            "skipped the lint of a stale version"
                        );
                        return (Lint::Stale, None);
                    }
                }
                let resolved = state.settings().options_for(job.directory.as_deref());
                let text = String::from(&job.text);
                drop(job.text);
                let linted = Linted::new(
                    text,
                    job.opening,
                    job.version,
                    resolved.generation,
                    job.kind,
                    resolved.options,
                    encoding,
                );
                (Lint::Done(Arc::new(linted)), resolved.message)
            })
            .await;
        let Some((lint, message)) = outcome else {
            return Lint::Failed;
        };
        if let Some(message) = message {
            self.show_once(MessageType::ERROR, message).await;
        }
        lint
    }

    /// The edit of `source.fixAll.amends` for `linted`, worked out on a worker once per lint. An
    /// error (`ContentModified`) when the document changes before it is done: each pass lints the
    /// whole draft, and a long fix-all of a text the client no longer has is stopped between them.
    async fn fix_all_edit(&self, uri: &Uri, linted: &Arc<Linted>) -> Result<Option<Edit>> {
        if let Some(edit) = linted.fix_all.get() {
            return Ok(edit.clone());
        }
        let state = Arc::clone(&self.state);
        let job_uri = uri.clone();
        let job_lint = Arc::clone(linted);
        let edit = self
            .state
            .worker
            .run(linted.text.len(), move || {
                // Worked out meanwhile by a job queued before this one (the work ahead).
                if let Some(edit) = job_lint.fix_all.get() {
                    return Some(edit.clone());
                }
                let changed = || !state.is_current(&job_uri, &job_lint);
                if changed() {
                    return None;
                }
                let edit = actions::fix_all_edit(&job_lint, changed)?;
                tracing::debug!(
                    uri = job_uri.as_str(),
                    version = job_lint.version,
                    "worked out the fix-all"
                );
                let _ = job_lint.fix_all.set(edit.clone());
                Some(edit)
            })
            .await
            .flatten();
        edit.ok_or_else(|| {
            tracing::debug!(
                uri = uri.as_str(),
                version = linted.version,
                "stopped a fix-all: the document changed"
            );
            Error::content_modified()
        })
    }

    /// For a client that cannot resolve the fix-all action's edit later, work it out once the
    /// document has been quiet for [`QUIET_BEFORE_WORKING_AHEAD`] after a lint, so that a
    /// code-action request finds it done instead of waiting for a fix-all of its own. Stopped
    /// between passes, like any fix-all, when the document changes.
    fn work_ahead_on_fix_all(&self, uri: &Uri, linted: &Arc<Linted>) {
        if self.state.session().resolves_fix_all
            || linted.fix_all.get().is_some()
            || !worth_working_ahead(linted.text.len())
        {
            return;
        }
        let backend = self.clone();
        let uri = uri.clone();
        // Not a strong reference while waiting: a change frees the lint before the next one's
        // peak (see `did_change`), and a large draft's lint is tens of megabytes.
        let linted = Arc::downgrade(linted);
        tokio::spawn(async move {
            tokio::time::sleep(QUIET_BEFORE_WORKING_AHEAD).await;
            // A document that changed meanwhile gets its own work ahead after its next lint.
            if let Some(linted) = linted.upgrade()
                && backend.state.is_current(&uri, &linted)
            {
                let _ = backend.fix_all_edit(&uri, &linted).await;
            }
        });
    }

    /// Make sure `uri` gets diagnostics for its newest version (push mode only).
    fn schedule_lint(&self, uri: Uri) {
        if self.state.session().pull_diagnostics {
            return;
        }
        {
            let mut documents = self.state.documents();
            let Some(document) = documents.get_mut(&uri) else {
                return;
            };
            if document.lint_running {
                return;
            }
            document.lint_running = true;
        }
        let backend = self.clone();
        tokio::spawn(async move { backend.lint_and_publish(uri).await });
    }

    /// The lint task of one document: lint, publish, and again while the document or the
    /// settings moved on meanwhile. A version a request has linted already is published from
    /// that lint.
    async fn lint_and_publish(&self, uri: Uri) {
        loop {
            let next = {
                let generation = self.state.settings().generation();
                let mut documents = self.state.documents();
                let Some(document) = documents.get_mut(&uri) else {
                    return;
                };
                match &document.linted {
                    Some(linted) if document.is_current(linted, generation) => {
                        if document.published == Some((linted.version, linted.generation)) {
                            // Cleared under the same lock a change takes: a change after this
                            // point starts a new task.
                            document.lint_running = false;
                            return;
                        }
                        Next::Publish(Arc::clone(linted))
                    }
                    _ => Next::Lint(job_of(document)),
                }
            };
            let linted = match next {
                Next::Publish(linted) => linted,
                Next::Lint(job) => match self.run(&uri, job).await {
                    Lint::Done(linted) => linted,
                    // The document moved on before this lint's turn: lint its newest version.
                    Lint::Stale => continue,
                    Lint::Failed => {
                        if let Some(document) = self.state.documents().get_mut(&uri) {
                            document.lint_running = false;
                        }
                        return;
                    }
                },
            };
            let fresh = {
                let generation = self.state.settings().generation();
                let mut documents = self.state.documents();
                let Some(document) = documents.get_mut(&uri) else {
                    return;
                };
                let fresh = document.is_current(&linted, generation);
                if fresh {
                    document.linted = Some(Arc::clone(&linted));
                    document.published = Some((linted.version, linted.generation));
                } else {
                    tracing::debug!(
                        uri = uri.as_str(),
                        version = linted.version,
                        "dropped a stale lint"
                    );
                }
                fresh
            };
            if fresh {
                self.work_ahead_on_fix_all(&uri, &linted);
                let version = Some(linted.version);
                self.output.publish_late(&uri, linted, version);
            }
        }
    }

    /// Settings or `amends.toml` changed: every open document may lint differently.
    async fn relint_all(&self) {
        let session = self.state.session();
        if session.pull_diagnostics {
            if session.diagnostic_refresh {
                let _ = self.client.workspace_diagnostic_refresh().await;
            }
        } else {
            let uris: Vec<Uri> = self.state.documents().keys().cloned().collect();
            for uri in uris {
                self.schedule_lint(uri);
            }
        }
        if session.code_lens_refresh {
            let _ = self.client.code_lens_refresh().await;
        }
    }

    /// Take new editor settings: apply them, set the log level, report what is wrong once.
    async fn take_editor_settings(&self, value: &Value) {
        let (settings, problems) = EditorSettings::from_json(value);
        if let Err(problem) = self.state.log.set_level(settings.log_level.as_deref()) {
            self.show_once(MessageType::WARNING, problem).await;
        }
        let changed = {
            let mut current = self.state.settings();
            let changed = current.editor != settings;
            if changed {
                current.set_editor(settings);
            }
            changed
        };
        for problem in problems {
            self.show_once(MessageType::WARNING, problem).await;
        }
        if changed {
            tracing::info!("editor settings changed; linting open documents again");
            self.relint_all().await;
        }
    }

    /// Ask the client for the `amends` section, if it answers such requests.
    async fn fetch_editor_settings(&self) {
        if !self.state.session().configuration_requests {
            return;
        }
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some("amends".to_owned()),
        };
        match self.client.configuration(vec![item]).await {
            // `null`: the client has no `amends` settings; keep what `initializationOptions` set.
            Ok(mut values) if values.first().is_some_and(|value| !value.is_null()) => {
                let value = values.swap_remove(0);
                self.take_editor_settings(&value).await;
            }
            Ok(_) => {}
            Err(error) => tracing::warn!("workspace/configuration failed: {error}"),
        }
    }

    /// `window/showMessage`, once per distinct message; every message is logged.
    async fn show_once(&self, kind: MessageType, message: String) {
        tracing::warn!("{message}");
        let first_time = self
            .state
            .shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(message.clone());
        if first_time {
            self.client
                .show_message(kind, format!("amends: {message}"))
                .await;
        }
    }

    /// Where "Disable <rule> in amends.toml" writes for a document in `directory`; `None` (and a
    /// log line, once) when it may write nowhere.
    fn project_config(&self, directory: &std::path::Path) -> Option<project_config::Target> {
        let governing = self.state.settings().config_file_for(directory);
        let folders = self.state.session().workspace_folders;
        match project_config::target(directory, governing.as_deref(), &folders) {
            Ok(target) => Some(target),
            Err(why) => {
                self.log_once(format!("no \"Disable … in amends.toml\" action: {why}"));
                None
            }
        }
    }

    /// A warning in the log, once per distinct message: some are about every request.
    fn log_once(&self, message: String) {
        let first_time = self
            .state
            .logged
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(message.clone());
        if first_time {
            tracing::warn!("{message}");
        }
    }

    fn directory_of(&self, uri: &Uri) -> Option<PathBuf> {
        self.state.documents().get(uri)?.directory()
    }
}

fn job_of(document: &Document) -> Job {
    Job {
        // A rope clone shares its chunks: cheap whatever the size.
        text: document.text.clone(),
        opening: document.opening,
        version: document.version,
        kind: document.kind,
        directory: document.directory(),
    }
}

/// The position encoding to use: UTF-8 when offered, then UTF-32, else the default UTF-16.
/// Clients that predate LSP 3.17 offer encodings through clangd's `offsetEncoding` extension;
/// the second value says whether to answer through it too.
pub fn negotiate_encoding(
    position_encodings: Option<&[PositionEncodingKind]>,
    offset_encodings: Option<&[String]>,
) -> (Encoding, bool) {
    let pick = |offered: &[&str]| {
        if offered.contains(&"utf-8") {
            Encoding::Utf8
        } else if offered.contains(&"utf-32") {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        }
    };
    match (position_encodings, offset_encodings) {
        (Some(kinds), _) if !kinds.is_empty() => {
            let offered: Vec<&str> = kinds.iter().map(PositionEncodingKind::as_str).collect();
            (pick(&offered), offset_encodings.is_some())
        }
        (_, Some(names)) if !names.is_empty() => {
            let offered: Vec<&str> = names.iter().map(String::as_str).collect();
            (pick(&offered), true)
        }
        _ => (Encoding::Utf16, false),
    }
}

/// The workspace folders on disk: those the client named, or else its root (older clients send
/// only `rootUri`, or even only `rootPath`).
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    let folders: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|folder| folder.uri.to_file_path().map(|path| path.into_owned()))
        .collect();
    if !folders.is_empty() {
        return folders;
    }
    #[allow(deprecated)]
    let root = params
        .root_uri
        .as_ref()
        .and_then(|uri| uri.to_file_path().map(|path| path.into_owned()))
        .or_else(|| params.root_path.as_ref().map(PathBuf::from));
    root.into_iter().collect()
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf16 => "utf-16",
        Encoding::Utf32 => "utf-32",
    }
}

/// The `amends` settings inside `initializationOptions` or `didChangeConfiguration`: either
/// under an `amends` key or the settings object itself.
fn amends_section(value: &Value) -> Option<&Value> {
    match value {
        Value::Null => None,
        Value::Object(object) => Some(object.get("amends").unwrap_or(value)),
        other => Some(other),
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let capabilities = &params.capabilities;
        let general = capabilities.general.as_ref();
        let (encoding, answer_offset_encoding) = negotiate_encoding(
            general.and_then(|general| general.position_encodings.as_deref()),
            capabilities.offset_encoding.as_deref(),
        );
        let workspace = capabilities.workspace.as_ref();
        let text_document = capabilities.text_document.as_ref();
        let pull_diagnostics = text_document.is_some_and(|text| text.diagnostic.is_some());
        let workspace_folders = workspace_folders(&params);
        let apply_edit = workspace
            .and_then(|workspace| workspace.apply_edit)
            .unwrap_or(false);
        let code_action = text_document.and_then(|text| text.code_action.as_ref());
        let resolves_fix_all = code_action.is_some_and(|code_action| {
            code_action.data_support == Some(true)
                && code_action
                    .resolve_support
                    .as_ref()
                    .is_some_and(|resolve| resolve.properties.iter().any(|name| name == "edit"))
        });
        let session = Session {
            encoding,
            pull_diagnostics,
            diagnostic_refresh: workspace
                .and_then(|workspace| workspace.diagnostics.as_ref())
                .and_then(|diagnostics| diagnostics.refresh_support)
                .unwrap_or(false),
            code_lens_refresh: workspace
                .and_then(|workspace| workspace.code_lens.as_ref())
                .and_then(|lens| lens.refresh_support)
                .unwrap_or(false),
            configuration_requests: workspace
                .and_then(|workspace| workspace.configuration)
                .unwrap_or(false),
            watch_files: workspace
                .and_then(|workspace| workspace.did_change_watched_files.as_ref())
                .and_then(|watch| watch.dynamic_registration)
                .unwrap_or(false),
            apply_edit,
            edit_support: EditSupport {
                create_files: workspace
                    .and_then(|workspace| workspace.workspace_edit.as_ref())
                    .and_then(|edit| edit.resource_operations.as_ref())
                    .is_some_and(|operations| operations.contains(&ResourceOperationKind::Create)),
                snippets: apply_edit && self.state.newer_capabilities.snippet_edits(),
            },
            resolves_fix_all,
            workspace_folders,
        };
        tracing::info!(
            encoding = encoding_name(encoding),
            pull_diagnostics,
            "initialize"
        );
        if self.state.session.set(session).is_err() {
            return Err(Error::invalid_request());
        }
        if let Some(section) = params
            .initialization_options
            .as_ref()
            .and_then(amends_section)
        {
            self.take_editor_settings(section).await;
        }

        let encoding_kind = PositionEncodingKind::new(encoding_name(encoding));
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(FIX_ALL_KIND),
                        ]),
                        resolve_provider: Some(true),
                        ..CodeActionOptions::default()
                    },
                )),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        SHOW_SUMMARY_COMMAND.to_owned(),
                        FIX_ALL_COMMAND.to_owned(),
                        actions::INSERT_TEMPLATE_COMMAND.to_owned(),
                    ],
                    ..ExecuteCommandOptions::default()
                }),
                diagnostic_provider: pull_diagnostics.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("amends".to_owned()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..DiagnosticOptions::default()
                    })
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "amends".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: answer_offset_encoding.then(|| encoding_name(encoding).to_owned()),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let session = self.state.session();
        if session.watch_files {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/amends.toml".to_owned()),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "amends-toml".to_owned(),
                method: "workspace/didChangeWatchedFiles".to_owned(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(error) = self.client.register_capability(vec![registration]).await {
                tracing::warn!("could not watch amends.toml files: {error}");
            }
        }
        self.fetch_editor_settings().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.lifecycle.shutdown_received();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let opening = self.state.openings.fetch_add(1, Ordering::Relaxed);
        let document = Document::new(
            &item.uri,
            &item.text,
            item.version,
            item.language_id,
            opening,
        );
        tracing::debug!(
            uri = item.uri.as_str(),
            language = document.language_id,
            kind = ?document.kind,
            "open"
        );
        self.state.documents().insert(item.uri.clone(), document);
        self.schedule_lint(item.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Applied here, before any await: see the module comment.
        {
            let encoding = self.state.session().encoding;
            let mut documents = self.state.documents();
            let Some(document) = documents.get_mut(&uri) else {
                tracing::warn!(uri = uri.as_str(), "change to a document that is not open");
                return;
            };
            if version <= document.version {
                tracing::warn!(
                    uri = uri.as_str(),
                    version,
                    current = document.version,
                    "dropped a change that is not newer than the document"
                );
                return;
            }
            for change in &params.content_changes {
                if let Some(problem) = documents::apply_change(&mut document.text, change, encoding)
                {
                    tracing::warn!(uri = uri.as_str(), version, ?problem, "odd change range");
                }
            }
            document.version = version;
            // Nothing answers from a lint of an older version: free it now, before the next
            // lint's peak, rather than when that lint replaces it.
            document.linted = None;
        }
        self.schedule_lint(uri);
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {
        // Without file watching, a save is when an edited amends.toml is noticed.
        if !self.state.session().watch_files {
            self.state.settings().invalidate_files();
            self.relint_all().await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let removed = self.state.documents().remove(&uri);
        if removed.is_some() && !self.state.session().pull_diagnostics {
            self.output
                .publish_diagnostics::<Diagnostic>(&uri, &[], None);
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Some clients send the settings along, most send null and expect to be asked.
        match amends_section(&params.settings) {
            Some(section) if !self.state.session().configuration_requests => {
                self.take_editor_settings(section).await;
            }
            _ => self.fetch_editor_settings().await,
        }
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        tracing::info!("amends.toml changed; linting open documents again");
        self.state.settings().invalidate_files();
        self.relint_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let linted = self.current_lint(&uri).await?;
        // A result id is "<version>.<settings generation>.<report number>": the first two say
        // which lint it reports, the last makes it unique.
        let lint_id = format!("{}.{}", linted.version, linted.generation);
        let previous = params.previous_result_id.as_deref();
        let report = match previous.and_then(|previous| previous.rsplit_once('.')) {
            Some((previous_lint, _)) if previous_lint == lint_id => {
                DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                        result_id: previous.unwrap_or_default().to_owned(),
                    },
                })
            }
            _ => {
                let number = self.state.full_reports.fetch_add(1, Ordering::Relaxed);
                let result_id = format!("{lint_id}.{number}");
                // The items skip the framework's `Value` detour: the output puts them in.
                self.output
                    .defer_items(result_id.clone(), Arc::clone(&linted) as Arc<dyn LateJson>);
                let items = Vec::new();
                DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                    related_documents: None,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport {
                        result_id: Some(result_id),
                        items,
                    },
                })
            }
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let place = params.text_document_position_params;
        let linted = self.current_lint(&place.text_document.uri).await?;
        let offset = linted.offset(place.position);
        Ok(
            hover::hover_at(&linted.report, offset, linted.messages_language()).map(
                |(markdown, range)| Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value: markdown,
                    }),
                    range: Some(linted.range(range)),
                },
            ),
        )
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let linted = self.current_lint(&uri).await?;
        let session = self.state.session();
        let only = params.context.only.as_deref();
        let fix_all = if !actions::wanted(&CodeActionKind::new(FIX_ALL_KIND), only) {
            FixAll::NotAsked
        } else if session.resolves_fix_all {
            FixAll::Unresolved
        } else {
            FixAll::Resolved(self.fix_all_edit(&uri, &linted).await?)
        };
        let project_config = match linted.kind {
            DocumentKind::Markdown => None,
            DocumentKind::PlainText | DocumentKind::Email => self
                .directory_of(&uri)
                .and_then(|directory| self.project_config(&directory)),
        };
        let request = actions::Request {
            uri: &uri,
            linted: &linted,
            range: linted.byte_range(params.range),
            only,
            support: session.edit_support,
            project_config,
            fix_all,
        };
        let actions = actions::code_actions(&request);
        Ok((!actions.is_empty()).then_some(actions))
    }

    /// The edit of an unresolved `source.fixAll.amends`, for the version it was offered for only:
    /// a later version gets `ContentModified`, and the client asks for code actions again. Every
    /// other action is complete as sent (VS Code still asks to resolve one that only runs a
    /// command, such as a template's): it comes back unchanged.
    async fn code_action_resolve(&self, action: CodeAction) -> Result<CodeAction> {
        let fix_all_data = action
            .data
            .clone()
            .and_then(|data| serde_json::from_value::<FixAllData>(data).ok());
        let Some(data) = fix_all_data else {
            return Ok(action);
        };
        let linted = self.current_lint(&data.uri).await?;
        if linted.version != data.version {
            tracing::debug!(
                uri = data.uri.as_str(),
                offered = data.version,
                current = linted.version,
                "refused to resolve a fix-all of an older version"
            );
            return Err(Error::content_modified());
        }
        let edit = self.fix_all_edit(&data.uri, &linted).await?;
        Ok(actions::resolve_fix_all(
            action,
            &data,
            &linted,
            edit.as_ref(),
        ))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        if !self.state.settings().editor.code_lens {
            return Ok(None);
        }
        let linted = self.current_lint(&uri).await?;
        let Some(summary) = &linted.report.summary else {
            return Ok(None);
        };
        let top = Range::new(Position::new(0, 0), Position::new(0, 0));
        Ok(Some(vec![CodeLens {
            range: top,
            command: Some(Command {
                title: hover::lens_title(summary, linted.messages_language()),
                command: SHOW_SUMMARY_COMMAND.to_owned(),
                arguments: Some(vec![serde_json::to_value(&uri).unwrap_or(Value::Null)]),
            }),
            data: None,
        }]))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        let uri: Uri = params
            .arguments
            .first()
            .cloned()
            .and_then(|argument| serde_json::from_value(argument).ok())
            .ok_or_else(|| Error::invalid_params("expected the document's URI as argument"))?;
        let linted = self.current_lint(&uri).await?;
        match params.command.as_str() {
            SHOW_SUMMARY_COMMAND => {
                let text = match &linted.report.summary {
                    Some(summary) => hover::lens_title(summary, linted.messages_language()),
                    None => "not an apology draft: amends has nothing to say".to_owned(),
                };
                self.client.show_message(MessageType::INFO, &text).await;
                Ok(Some(Value::String(text)))
            }
            FIX_ALL_COMMAND => {
                let edit = self.fix_all_edit(&uri, &linted).await?;
                let Some(action) = actions::fix_all(&uri, &linted, edit.as_ref()) else {
                    return Ok(Some(Value::Bool(false)));
                };
                if !self.state.session().apply_edit {
                    return Err(Error::invalid_request());
                }
                let edit = action.edit.unwrap_or_default();
                let applied = self
                    .client
                    .apply_edit(edit)
                    .await
                    .map(|response| response.applied)?;
                Ok(Some(Value::Bool(applied)))
            }
            actions::INSERT_TEMPLATE_COMMAND => {
                let rule = params
                    .arguments
                    .get(1)
                    .and_then(Value::as_str)
                    .ok_or_else(|| {
                        Error::invalid_params("expected a rule id as second argument")
                    })?;
                let session = self.state.session();
                if !session.edit_support.snippets {
                    return Err(Error::invalid_request());
                }
                let Some(edit) = actions::template_snippet_edit(&uri, &linted, rule) else {
                    // The draft changed and no longer lacks what the template adds.
                    return Ok(Some(Value::Bool(false)));
                };
                let applied = self
                    .client
                    .send_request::<ApplySnippetEdit>(edit)
                    .await
                    .map(|response| response["applied"] == true)?;
                Ok(Some(Value::Bool(applied)))
            }
            other => Err(Error::invalid_params(format!("unknown command {other:?}"))),
        }
    }
}

/// `workspace/applyEdit` with a snippet edit, which the protocol types cannot express yet.
enum ApplySnippetEdit {}

impl tower_lsp_server::ls_types::request::Request for ApplySnippetEdit {
    type Params = Value;
    type Result = Value;
    const METHOD: &'static str = "workspace/applyEdit";
}

fn unknown_document(uri: &Uri) -> Error {
    Error::invalid_params(format!("{} is not open", uri.as_str()))
}

/// Whether a draft of `bytes` gets its fix-all worked out ahead ([`LARGEST_DRAFT_WORKED_AHEAD`]).
fn worth_working_ahead(bytes: usize) -> bool {
    bytes <= LARGEST_DRAFT_WORKED_AHEAD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_drafts_up_to_the_limit_get_their_fix_all_worked_out_ahead() {
        // `tests/lsp.rs` checks the work ahead on a 4 MB draft.
        assert!(worth_working_ahead(4 << 20));
        assert!(worth_working_ahead(LARGEST_DRAFT_WORKED_AHEAD));
        assert!(!worth_working_ahead(LARGEST_DRAFT_WORKED_AHEAD + 1));
    }

    #[test]
    fn utf8_is_preferred_then_utf32_then_the_default() {
        let kinds = |names: &[&'static str]| -> Vec<PositionEncodingKind> {
            names
                .iter()
                .map(|name| PositionEncodingKind::new(name))
                .collect()
        };
        assert_eq!(
            negotiate_encoding(Some(&kinds(&["utf-16", "utf-8"])), None),
            (Encoding::Utf8, false)
        );
        assert_eq!(
            negotiate_encoding(Some(&kinds(&["utf-32", "utf-16"])), None),
            (Encoding::Utf32, false)
        );
        assert_eq!(negotiate_encoding(None, None), (Encoding::Utf16, false));
        let offset = vec!["utf-8".to_owned(), "utf-16".to_owned()];
        assert_eq!(
            negotiate_encoding(None, Some(&offset)),
            (Encoding::Utf8, true)
        );
        assert_eq!(
            negotiate_encoding(Some(&[]), Some(&offset)),
            (Encoding::Utf8, true)
        );
    }
}
