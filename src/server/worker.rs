//! The lint worker: one thread that runs every lint, in the order asked.
//!
//! Lints run off the message loop so a megabyte draft never delays a hover. One dedicated thread
//! rather than tokio's blocking pool: the pool spreads lints over many threads, and the allocator
//! then keeps a grown arena per thread, so a server with a large draft open would hold several
//! copies of a lint's peak memory. On one thread, each lint reuses the last one's memory.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Sender, channel};

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

#[derive(Debug)]
pub struct LintWorker {
    jobs: Sender<Job>,
}

impl LintWorker {
    /// Start the worker thread. It ends when the worker is dropped.
    pub fn start() -> LintWorker {
        let (jobs, queue) = channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("amends-lint".to_owned())
            .spawn(move || {
                for job in queue {
                    job();
                }
            });
        if let Err(error) = spawned {
            tracing::error!("could not start the lint thread: {error}");
        }
        LintWorker { jobs }
    }

    /// Run `work` on the worker and wait for its result. `None` when it panicked (a bug, which
    /// is logged; the worker and the server go on) or the worker is gone.
    pub async fn run<T: Send + 'static>(
        &self,
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
        self.jobs.send(job).ok()?;
        receiver.await.ok().flatten()
    }
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
            assert_eq!(worker.run(|| 6 * 7).await, Some(42));
            let panicked: Option<()> = worker.run(|| panic!("a rule bug")).await;
            assert_eq!(panicked, None);
            assert_eq!(worker.run(|| "still here").await, Some("still here"));
        });
    }
}
