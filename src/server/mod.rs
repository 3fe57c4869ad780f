//! `amends lsp`: the language server, a thin face over [`crate::lint`].
//!
//! It keeps the open documents ([`documents`]), lints them off the message loop ([`linting`]),
//! and answers in the protocol's terms: diagnostics (pushed, or pulled where the client asks),
//! code actions ([`actions`]), hover and code lens ([`hover`]). Configuration is the editor's
//! `amends` settings with the project's `amends.toml` on top ([`settings`]). It adds no rule
//! logic: everything it says about a draft comes from a [`crate::lint::Report`].
//!
//! This module is the only place that uses tower-lsp-server, tokio and ropey.

mod actions;
mod backend;
// Public for the fuzz targets (`fuzz/`): the frame reader and the edits of open documents.
pub mod documents;
pub mod framing;
mod hover;
mod lifecycle;
mod linting;
mod logging;
mod output;
mod project_config;
mod settings;
mod worker;

use std::process::ExitCode;
use std::sync::Arc;

use tower_lsp_server::{LspService, Server};

use crate::lint::{DocumentKind, Options};
use backend::Backend;
use framing::NewerCapabilities;
use lifecycle::Lifecycle;
use logging::LogControl;

/// Serve LSP over standard input and output until the client says `exit` or closes the pipe.
pub fn run() -> ExitCode {
    share_one_heap();
    let log = LogControl::init();
    // Building the English phrase automaton is the one slow step of the first lint; start it now,
    // while the client is still sending `initialize`, so the first diagnostics do not wait for it.
    std::thread::spawn(|| {
        crate::lint::lint(
            "We are sorry we sent the wrong parcel.",
            DocumentKind::PlainText,
            &Options::default(),
        )
    });
    // One thread for the protocol is plenty: the lints run on their own thread ([`worker`]).
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .thread_name("amends-lsp")
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            tracing::error!("could not start the server's runtime: {error}");
            return ExitCode::from(2);
        }
    };
    let lifecycle = Arc::new(Lifecycle::default());
    let capabilities = Arc::new(NewerCapabilities::default());
    runtime.block_on(async {
        let (stdout, direct_output) = output::start();
        let input = framing::guarded_stdin(Arc::clone(&capabilities), Arc::clone(&lifecycle));
        let (service, socket) = LspService::new(|client| {
            Backend::new(
                client,
                log,
                direct_output,
                capabilities,
                Arc::clone(&lifecycle),
            )
        });
        Server::new(input, stdout, socket).serve(service).await;
    });
    // The stdin reader may be blocked in a read that cannot be cancelled; do not wait for it.
    runtime.shutdown_background();
    tracing::info!("exit");
    lifecycle.exit_code()
}

/// glibc gives each thread that allocates a heap of its own ("arena") and keeps what is freed in
/// it for reuse. The lint worker's heap and the protocol thread's would each hold a large
/// draft's worth; one heap for all threads holds it once (a fifth less peak memory for a
/// megabyte draft), at no cost in latency: the threads seldom allocate at once.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn share_one_heap() {
    // SAFETY: `mallopt` only sets a parameter of the allocator, before any thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn share_one_heap() {}
