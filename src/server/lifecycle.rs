//! Ending the process as the protocol says: after `exit`, promptly, with 0 when `shutdown` came
//! first and 1 otherwise.
//!
//! tower-lsp-server returns from `serve` only once every handler has finished. A handler waiting
//! for the client's answer to one of our requests (`workspace/configuration` sent just before the
//! client said `exit`) would keep the process alive after `exit`, because the answer is never
//! read. So `exit` also starts a short watchdog that ends the process if `serve` has not returned.

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

static SHUTDOWN_RECEIVED: AtomicBool = AtomicBool::new(false);
static EXIT_RECEIVED: AtomicBool = AtomicBool::new(false);

/// How long handlers get to finish after `exit`.
const EXIT_GRACE: Duration = Duration::from_secs(1);

pub fn shutdown_received() {
    SHUTDOWN_RECEIVED.store(true, Ordering::SeqCst);
}

/// The `exit` notification has been read: end the process soon, whatever is still running.
pub fn exit_received() {
    if EXIT_RECEIVED.swap(true, Ordering::SeqCst) {
        return;
    }
    let watchdog = std::thread::Builder::new()
        .name("amends-exit".to_owned())
        .spawn(|| {
            std::thread::sleep(EXIT_GRACE);
            tracing::warn!("handlers still running after exit; ending the process");
            std::process::exit(i32::from(exit_code_number()));
        });
    if let Err(error) = watchdog {
        tracing::error!("could not start the exit watchdog: {error}");
    }
}

/// 1 after an `exit` that no `shutdown` preceded; 0 otherwise (also when the client just closed
/// the pipe).
pub fn exit_code() -> ExitCode {
    ExitCode::from(exit_code_number())
}

fn exit_code_number() -> u8 {
    let exit = EXIT_RECEIVED.load(Ordering::SeqCst);
    let shutdown = SHUTDOWN_RECEIVED.load(Ordering::SeqCst);
    u8::from(exit && !shutdown)
}
