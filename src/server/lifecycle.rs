//! Ending the process as the protocol says: after `exit`, promptly, with 0 when `shutdown` came
//! first and 1 otherwise.
//!
//! tower-lsp-server returns from `serve` only once every handler has finished. A handler waiting
//! for the client's answer to one of our requests (`workspace/configuration` sent just before the
//! client said `exit`) would keep the process alive after `exit`, because the answer is never
//! read. So `exit` also starts a short watchdog that ends the process if `serve` has not returned.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long handlers get to finish after `exit`.
const EXIT_GRACE: Duration = Duration::from_secs(1);

/// Which of `shutdown` and `exit` one server has received. The input guard notes `exit` as it
/// reads it (the framework's handler may never run: see the module comment), the `shutdown`
/// handler notes `shutdown`, and the server's caller asks for the exit code once `serve` returns.
#[derive(Debug, Default)]
pub struct Lifecycle {
    shutdown: AtomicBool,
    exit: AtomicBool,
}

impl Lifecycle {
    pub fn shutdown_received(&self) {
        self.shutdown.store(true, Ordering::SeqCst);
    }

    /// The `exit` notification has been read: end the process soon, whatever is still running.
    pub fn exit_received(self: &Arc<Self>) {
        if self.exit.swap(true, Ordering::SeqCst) {
            return;
        }
        let lifecycle = Arc::clone(self);
        let watchdog = std::thread::Builder::new()
            .name("amends-exit".to_owned())
            .spawn(move || {
                std::thread::sleep(EXIT_GRACE);
                tracing::warn!("handlers still running after exit; ending the process");
                std::process::exit(i32::from(lifecycle.exit_code_number()));
            });
        if let Err(error) = watchdog {
            tracing::error!("could not start the exit watchdog: {error}");
        }
    }

    /// 1 after an `exit` that no `shutdown` preceded; 0 otherwise (also when the client just
    /// closed the pipe).
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.exit_code_number())
    }

    fn exit_code_number(&self) -> u8 {
        let exit = self.exit.load(Ordering::SeqCst);
        let shutdown = self.shutdown.load(Ordering::SeqCst);
        u8::from(exit && !shutdown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_without_shutdown_is_status_one() {
        let quiet = Lifecycle::default();
        assert_eq!(quiet.exit_code_number(), 0, "the client closed the pipe");
        let orderly = Lifecycle::default();
        orderly.shutdown_received();
        orderly.exit.store(true, Ordering::SeqCst);
        assert_eq!(orderly.exit_code_number(), 0);
        let abrupt = Lifecycle::default();
        abrupt.exit.store(true, Ordering::SeqCst);
        assert_eq!(abrupt.exit_code_number(), 1);
    }
}
