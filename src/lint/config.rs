//! Parsing `amends.toml` text into [`Options`].
//!
//! STUB: the real implementation replaces this.

use crate::lint::options::Options;

/// A configuration error with the 1-based line it is on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConfigError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parse the text of an `amends.toml`.
pub fn parse(_text: &str) -> Result<Options, ConfigError> {
    Ok(Options::default())
}
