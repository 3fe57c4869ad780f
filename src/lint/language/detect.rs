//! Which language a document is written in, and which of its paragraphs are in another one: a
//! stop-word vote, light enough for a four-word draft and a 1 MB one alike (no models to load,
//! two small sets, a bounded number of words looked at per paragraph and per document).
//!
//! The words are the short, frequent function words of each language that the other language
//! does not share ("we", "is", "in", "me", "was" and "of" are both English and Dutch, so they
//! vote for neither). "sorry" is Dutch as much as English, so it does not vote either.
//!
//! Mixed documents (a Dutch reply that quotes an English mail without `>` marks, a bilingual
//! notice) are decided per paragraph: the document is read in its main language, and a
//! paragraph goes to the other language only when the words the tokenizer read in it vote
//! clearly for it ([`switches_paragraph`]); short or undecided paragraphs ("Hi Anna,", "Groet,")
//! keep the document's language. The tokenizer numbers every word that votes (each lexicon's
//! vocabulary holds them all, [`voting_words`]), so a paragraph's vote is a look at numbers
//! already read, not a second pass over its text.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::Language;
use super::text::{Token, TokenKind};
use super::word::{WordMap, letter_runs};
use crate::lint::finding::TextRange;
use crate::lint::markup::ProseRun;

const ENGLISH: &[&str] = &[
    "the",
    "and",
    "you",
    "i",
    "to",
    "for",
    "your",
    "our",
    "that",
    "it",
    "this",
    "with",
    "are",
    "have",
    "will",
    "not",
    "on",
    "be",
    "my",
    "a",
    "an",
    "at",
    "us",
    "has",
    "can",
    "would",
    "please",
    "thank",
    "from",
    "if",
    "but",
    "been",
    "were",
    "am",
    "did",
    "do",
    "what",
    "when",
    "which",
    "them",
    "they",
    "about",
    "apologize",
    "apologise",
    "apologies",
];
const DUTCH: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "ik",
    "je",
    "u",
    "wij",
    "van",
    "voor",
    "niet",
    "dat",
    "met",
    "uw",
    "onze",
    "ons",
    "spijt",
    "excuses",
    "dit",
    "zijn",
    "heeft",
    "hebben",
    "op",
    "er",
    "ook",
    "maar",
    "als",
    "bij",
    "naar",
    "mijn",
    "jij",
    "jullie",
    "wat",
    "om",
    "te",
    "zo",
    "nog",
    "al",
    "aan",
    "heb",
    "hebt",
    "ben",
    "bent",
    "wordt",
    "wel",
    "geen",
    "deze",
    "die",
    "graag",
    "helaas",
    "excuus",
    "hier",
    "daar",
    "hoe",
    "waar",
    "kunt",
    "kan",
    "zal",
    "zullen",
    "waren",
    "omdat",
    "doordat",
    "ongemak",
    "groet",
    "beste",
    "mocht",
    "indien",
    "hartelijk",
    "kunnen",
    "gaan",
    "moet",
    "moeten",
    "worden",
    "even",
    "misschien",
    "ernaar",
    "erover",
    "hiermee",
    "daarmee",
    "nu",
    "dan",
    "meer",
    "veel",
    "alle",
    "wilt",
    "zou",
    "komt",
    "komen",
    "bedankt",
    "groeten",
    "dus",
    "toch",
    "nogmaals",
    "vandaag",
    "morgen",
    "gisteren",
    "gewoon",
    "echt",
    "heel",
];

/// A stop-word's vote: a bit per language whose list holds it.
const ENGLISH_VOTE: u8 = 1;
const DUTCH_VOTE: u8 = 2;

/// Both lists in one table, keyed as the vocabulary's words are ([`WordMap`]): one integer lookup
/// per word of up to eight ASCII bytes, as the table sees every word of a document's opening.
static STOP_WORDS: LazyLock<WordMap> = LazyLock::new(|| {
    let mut votes: FxHashMap<&str, u32> = FxHashMap::default();
    for (list, vote) in [(ENGLISH, ENGLISH_VOTE), (DUTCH, DUTCH_VOTE)] {
        for word in list {
            *votes.entry(word).or_insert(0) |= u32::from(vote);
        }
    }
    WordMap::new(
        votes
            .into_iter()
            .map(|(word, vote)| (word.as_bytes(), vote)),
    )
});

/// The stop-word vote of the normalized word `word`.
fn vote_of(word: &str) -> u8 {
    STOP_WORDS.get(word.as_bytes()).map_or(0, |vote| vote as u8)
}

/// The opening words decide a document: five hundred (a long e-mail) hold some two hundred votes,
/// far more than a two-way vote needs, and every word read after them would only cost time.
const DOCUMENT_WORDS: usize = 500;
/// The opening words of a paragraph decide it.
const PARAGRAPH_WORDS: usize = 32;
/// No stop-word is longer; longer words are skipped unread.
const MAX_WORD_LEN: usize = 10;

/// Stop-word votes of a stretch of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Votes {
    english: usize,
    dutch: usize,
    words: usize,
}

impl Votes {
    fn add(&mut self, vote: u8) {
        self.english += usize::from(vote & ENGLISH_VOTE != 0);
        self.dutch += usize::from(vote & DUTCH_VOTE != 0);
        self.words += 1;
    }

    /// The winner; English when undecided (a tie is most often a draft too short to say, and English is the default).
    fn winner(self) -> Language {
        if self.dutch > self.english {
            Language::Dutch
        } else {
            Language::English
        }
    }

    fn for_language(self, language: Language) -> usize {
        match language {
            Language::English => self.english,
            Language::Dutch => self.dutch,
        }
    }
}

/// Hands the stop-word vote of each word of `text[range]` to `visit`, in order, while it
/// returns true; `lower` is scratch space.
fn each_vote(text: &str, range: TextRange, lower: &mut String, mut visit: impl FnMut(u8) -> bool) {
    for word in letter_runs(range.slice(text)) {
        if word.len() > MAX_WORD_LEN {
            continue;
        }
        let in_text = range.start + word.start..range.start + word.end;
        let vote = STOP_WORDS
            .get_lowercase(text, in_text, lower)
            .map_or(0, |vote| vote as u8);
        if !visit(vote) {
            return;
        }
    }
}

/// A paragraph leaves the document's language only on clear evidence: at least three votes for
/// the other language and at least twice as many as for the document's own.
fn switches_paragraph(votes: Votes, document: Language, other: Language) -> bool {
    let theirs = votes.for_language(other);
    theirs >= 3 && theirs >= 2 * votes.for_language(document)
}

/// The words a paragraph's tokens vote with, and their votes: every word of both lists, and
/// each language's contractions ("we're", "z'n"), which its own tokenizer reads as the words
/// they stand for but the other language's reads whole; a contraction votes as those words do.
/// Each lexicon's vocabulary numbers them all, so that the tokenizer's numbers are enough for
/// [`votes_by_word`].
pub fn voting_words() -> Vec<(&'static str, u8)> {
    // The table the document's vote reads holds each listed word's vote.
    let listed = ENGLISH
        .iter()
        .chain(DUTCH)
        .map(|word| (*word, vote_of(word)));
    // Only true contractions: a misspelling the tables read as a word ("im", "mn") may be a word
    // of the other language.
    let contractions = super::en::EXPANSIONS
        .iter()
        .chain(super::nl::EXPANSIONS)
        .filter(|(word, _)| word.contains('\''))
        .map(|(word, parts)| {
            let vote = parts.iter().fold(0, |vote, part| vote | vote_of(part));
            (*word, vote)
        })
        .filter(|(_, vote)| *vote != 0);
    listed.chain(contractions).collect()
}

/// The vote of each word number of a lexicon whose vocabulary holds the `voting` words (its
/// [`voting_words`]); `look_up` gives a word's number, if it has one of its own (a word the
/// lexicon expands has none: its parts vote).
pub fn votes_by_word(
    voting: &[(&str, u8)],
    word_count: usize,
    look_up: impl Fn(&str) -> Option<u32>,
) -> Box<[u8]> {
    let mut votes = vec![0; word_count + 1];
    for (word, vote) in voting {
        if let Some(number) = look_up(word) {
            votes[number as usize] |= vote;
        }
    }
    votes.into_boxed_slice()
}

/// The main language of a document: the vote of its opening words, English when undecided.
pub fn document_language(text: &str, runs: &[ProseRun]) -> Language {
    let mut lower = String::new();
    let mut document = Votes::default();
    for run in runs {
        each_vote(text, run.range, &mut lower, |vote| {
            document.add(vote);
            document.words < DOCUMENT_WORDS
        });
        if document.words >= DOCUMENT_WORDS {
            break;
        }
    }
    document.winner()
}

/// Whether a paragraph, read in the document's language `main` as `tokens` with their word
/// numbers `word_ids`, is in the other language: its opening words vote for it clearly.
pub fn in_other_language(
    votes_by_word: &[u8],
    tokens: &[Token],
    word_ids: &[u32],
    main: Language,
) -> bool {
    let other = main.other();
    // Most paragraphs are clearly in the main language after a dozen words or so: stop once
    // even the rest of the opening words could not win it for the other language.
    let cannot_switch = |votes: &Votes| {
        let most_theirs = votes.for_language(other) + (PARAGRAPH_WORDS - votes.words);
        most_theirs < 3 || most_theirs < 2 * votes.for_language(main)
    };
    let mut votes = Votes::default();
    for (token, id) in tokens.iter().zip(word_ids) {
        if token.kind != TokenKind::Word {
            continue;
        }
        votes.add(votes_by_word.get(*id as usize).copied().unwrap_or(0));
        if votes.words == PARAGRAPH_WORDS || cannot_switch(&votes) {
            break;
        }
    }
    switches_paragraph(votes, main, other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::language::read_document;
    use crate::lint::markup::{DocumentKind, extract_prose};

    fn language_of(text: &str) -> Language {
        document_language(text, &extract_prose(text, DocumentKind::PlainText).runs)
    }

    /// Each part's language and the prose its tokens cover, paragraph by paragraph.
    fn parts_of(text: &str) -> Vec<(Language, Vec<String>)> {
        let prose = extract_prose(text, DocumentKind::PlainText);
        read_document(text, &prose, None)
            .iter()
            .map(|part| {
                let paragraphs = (0..part.text.paragraph_starts.len())
                    .map(|index| {
                        part.text
                            .span(part.text.paragraph(index))
                            .slice(text)
                            .to_owned()
                    })
                    .collect();
                (part.language, paragraphs)
            })
            .collect()
    }

    #[test]
    fn short_drafts_are_recognized() {
        assert_eq!(language_of("Sorry voor het ongemak."), Language::Dutch);
        assert_eq!(language_of("Excuses, mijn fout."), Language::Dutch);
        assert_eq!(language_of("Het spijt ons."), Language::Dutch);
        assert_eq!(language_of("Sorry for the delay."), Language::English);
        assert_eq!(language_of("Sorry!"), Language::English);
        assert_eq!(language_of(""), Language::English);
    }

    /// A long document is decided by its opening: a Dutch reply that quotes a longer English
    /// report below it (without `>` marks) is still a Dutch reply.
    #[test]
    fn the_opening_words_decide_a_long_document() {
        let dutch = "Het spijt ons dat uw pakket te laat was, en wij sturen u vandaag een nieuw \
                     pakket. ";
        let english = "The report says that the parcel left the depot on time and that the \
                       driver was not told about the new address. ";
        let opening = dutch.repeat(DOCUMENT_WORDS / 10);
        let text = format!("{opening}\n\n{}", english.repeat(DOCUMENT_WORDS / 5));
        assert_eq!(language_of(&text), Language::Dutch);
        // The same words the other way round.
        let text = format!("{}\n\n{opening}", english.repeat(DOCUMENT_WORDS / 10));
        assert_eq!(language_of(&text), Language::English);
    }

    #[test]
    fn a_clear_paragraph_in_the_other_language_switches_and_a_greeting_does_not() {
        let text = "Beste Anna,\n\nHet spijt ons dat uw pakket te laat was. Wij sturen u vandaag \
                    een nieuw pakket, en de verzendkosten storten we terug op uw rekening. Dat \
                    is het minste wat we kunnen doen.\n\nYou wrote: the parcel was late and \
                    the box was broken.\n\nMet vriendelijke groet,\nPiet";
        let parts = parts_of(text);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[0].0, Language::Dutch);
        for greeting in ["Beste Anna,", "Met vriendelijke groet,"] {
            assert!(
                parts[0].1.iter().any(|p| p == greeting),
                "{greeting}: {parts:?}"
            );
        }
        assert_eq!(parts[1].0, Language::English);
        assert_eq!(
            parts[1].1,
            ["You wrote: the parcel was late and the box was broken."]
        );
    }

    #[test]
    fn a_single_language_document_is_read_as_one_part() {
        let text = "Hi Anna,\n\nWe are sorry we shipped the wrong size.\n\nGroet,\nPiet";
        let parts = parts_of(text);
        assert_eq!(parts.len(), 1, "{parts:?}");
        assert_eq!(parts[0].0, Language::English);
    }

    /// A paragraph votes with the words the tokenizer read: capitals and curly apostrophes
    /// count as the words they are, and a contraction the main language's tokenizer reads whole
    /// ("I’m", "you're" in a Dutch draft) votes as the words it stands for.
    #[test]
    fn a_paragraph_votes_with_the_words_as_read() {
        let text = "Beste Anna,\n\nHet spijt ons dat uw pakket te laat was. Wij sturen u vandaag \
                    een nieuw pakket en storten de kosten terug.\n\nI’M SURE YOU'RE RIGHT, \
                    IT'S LATE.\n\nGroet,\nPiet";
        let parts = parts_of(text);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[1].1, ["I’M SURE YOU'RE RIGHT, IT'S LATE."]);
        // And the other way round: "z'n" and "m'n" are Dutch in an English draft.
        let text = "Hi Anna,\n\nWe are sorry the parcel was late, and we will send another one \
                    today.\n\nZ'n doos? M'n fout, z'n adres.\n\nCheers,\nPiet";
        let parts = parts_of(text);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert_eq!(parts[1].1, ["Z'n doos? M'n fout, z'n adres."]);
    }
}
