//! The apology gate: is apologizing one of this document's purposes?
//!
//! STUB.

use crate::lint::language::Analysis;
use crate::lint::markup::Prose;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GateVerdict {
    pub is_apology: bool,
}

pub fn judge(_analysis: &Analysis<'_>, _prose: &Prose, forced: bool) -> GateVerdict {
    GateVerdict { is_apology: forced }
}
