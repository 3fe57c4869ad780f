//! amends: a linter and language server for apologies that work.
//!
//! [`lint`] is the pure rule module (text in, findings out); [`rules`] holds one file per rule.
//! The faces — the `amends check` command line ([`cli`]) and the `amends lsp` language server
//! ([`server`]) — are thin layers over them. See `ARCHITECTURE.md` for the map.

pub mod cli;
pub mod config_search;
pub mod lint;
pub mod position;
pub mod reflow;
pub mod rules;
pub mod server;
