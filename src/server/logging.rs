//! Logging: `tracing` to standard error only (standard output is the protocol).
//!
//! The level comes from `AMENDS_LOG` when it is set (a `tracing` filter such as `debug` or
//! `amends=trace`), else from the editor's `logLevel` setting, else `warn`. The setting can change
//! while the server runs; the variable, set by someone debugging, always wins.

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Registry, fmt, reload};

/// The environment variable that sets the log filter.
pub const LOG_VARIABLE: &str = "AMENDS_LOG";

/// Warnings and errors only: some editors show every line a server writes to standard error as
/// an error in their log.
const DEFAULT_LEVEL: &str = "warn";

/// Changes the log level after start-up.
#[derive(Debug)]
pub struct LogControl {
    handle: Option<reload::Handle<EnvFilter, Registry>>,
    /// `AMENDS_LOG` was set: settings do not change the level.
    fixed: bool,
}

impl LogControl {
    /// Install the subscriber. Safe to call when one is installed already (then it does nothing).
    pub fn init() -> LogControl {
        let from_environment = std::env::var(LOG_VARIABLE).ok();
        let fixed = from_environment.is_some();
        let filter = from_environment
            .as_deref()
            .and_then(|filter| EnvFilter::try_new(filter).ok())
            .unwrap_or_else(|| EnvFilter::new(DEFAULT_LEVEL));
        let (filter, handle) = reload::Layer::new(filter);
        let installed = tracing_subscriber::registry()
            .with(filter)
            .with(
                fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(false)
                    .with_target(false),
            )
            .try_init()
            .is_ok();
        LogControl {
            handle: installed.then_some(handle),
            fixed,
        }
    }

    /// Apply the `logLevel` setting (`None`: back to the default). The error says what is wrong
    /// with the value.
    pub fn set_level(&self, level: Option<&str>) -> Result<(), String> {
        let (Some(handle), false) = (&self.handle, self.fixed) else {
            return Ok(());
        };
        let level = level.unwrap_or(DEFAULT_LEVEL);
        let filter = EnvFilter::try_new(level).map_err(|error| {
            format!(
                "editor settings: invalid \"logLevel\" {level:?} ({error}); use one of \"error\", \
                 \"warn\", \"info\", \"debug\", \"trace\""
            )
        })?;
        handle
            .reload(filter)
            .map_err(|error| format!("could not change the log level: {error}"))
    }
}
