//! The language layer. STUB.

use crate::lint::finding::TextRange;
use crate::lint::markup::{Prose, ProseRun};
use crate::lint::summary::Components;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Dutch,
}

impl Language {
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
        }
    }
}

pub fn detect(_text: &str, _runs: &[ProseRun]) -> Language {
    Language::English
}

pub struct Analysis<'a> {
    pub source: &'a str,
}

impl<'a> Analysis<'a> {
    pub fn new(source: &'a str, _prose: &Prose, _language: Language) -> Self {
        Analysis { source }
    }
    pub fn anchor(&self) -> TextRange {
        TextRange::empty(0)
    }
    pub fn components(&self) -> Components {
        Components::none()
    }
}
