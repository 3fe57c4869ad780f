//! The lint workers: two threads, one for the large documents and one for all the others.
//!
//! Lints and fix-alls run off the message loop, so a megabyte draft never delays a hover. Two
//! threads, each running its jobs in the order asked: a long job (a fix-all of a large draft
//! takes a lint of the whole draft per pass, seconds at tens of megabytes) holds up only the
//! other large documents, never an edit or a request in an ordinary one. Not a thread per job,
//! nor tokio's blocking pool: each concurrent lint of a large draft costs its own peak memory,
//! and at most two lints run at once here, one of them small. (All threads share one heap, see
//! `share_one_heap` in the server module, so a thread that once linted a large draft does not keep
//! an arena of that size.)
//!
//! A job decides for itself whether it is still wanted when its turn comes (a lint of a version
//! the client has already replaced is skipped), and a fix-all checks between passes whether its
//! document moved on ([`crate::lint::fix::fix_until_stable_unless`]); a lint that has started runs
//! to its end, which at 16 MB is about a second.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Sender, channel};

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// Documents of at least this many bytes are linted on the large documents' thread.
pub const LARGE_DOCUMENT: usize = 256 * 1024;

#[derive(Debug)]
pub struct LintWorker {
    small: Sender<Job>,
    large: Sender<Job>,
}

impl LintWorker {
    /// Start the worker threads. They end when the worker is dropped.
    pub fn start() -> LintWorker {
        LintWorker {
            small: start_thread("amends-lint"),
            large: start_thread("amends-lint-large"),
        }
    }

    /// Run `work`, a job about a document of `bytes`, on that document's thread and wait for
    /// its result. `None` when it panicked (a bug, which is logged; the workers and the server go
    /// on) or the workers are gone.
    pub async fn run<T: Send + 'static>(
        &self,
        bytes: usize,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        let (result, receiver) = oneshot::channel();
        let job: Job = Box::new(move || {
            let outcome = catch_unwind(AssertUnwindSafe(work));
            if outcome.is_err() {
                tracing::error!("a lint panicked; its document keeps its last diagnostics");
            }
            let _ = result.send(outcome.ok());
        });
        let queue = if bytes >= LARGE_DOCUMENT {
            &self.large
        } else {
            &self.small
        };
        queue.send(job).ok()?;
        receiver.await.ok().flatten()
    }
}

fn start_thread(name: &str) -> Sender<Job> {
    let (jobs, queue) = channel::<Job>();
    let spawned = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            for job in queue {
                job();
            }
        });
    if let Err(error) = spawned {
        tracing::error!("could not start the lint thread {name}: {error}");
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_and_a_panic_is_survived() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let worker = LintWorker::start();
        runtime.block_on(async {
            assert_eq!(worker.run(10, || 6 * 7).await, Some(42));
            let panicked: Option<()> = worker.run(10, || panic!("a rule bug")).await;
            assert_eq!(panicked, None);
            assert_eq!(worker.run(10, || "still here").await, Some("still here"));
        });
    }

    #[test]
    fn a_long_job_on_a_large_document_does_not_hold_up_a_small_one() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let worker = std::sync::Arc::new(LintWorker::start());
        let (release, blocked) = std::sync::mpsc::channel::<()>();
        runtime.block_on(async {
            // The large job waits until the small one has finished.
            let large = {
                let worker = std::sync::Arc::clone(&worker);
                tokio::spawn(async move {
                    worker
                        .run(LARGE_DOCUMENT, move || blocked.recv().is_ok())
                        .await
                })
            };
            let small = worker.run(10, || "small").await;
            release.send(()).unwrap();
            let large = large.await.unwrap();
            assert_eq!((large, small), (Some(true), Some("small")));
        });
    }
}
