//! The generated drafts the benchmarks read: apology prose of any size, the same every run.
//!
//! The drafts mix strong and weak apology sentences, a quoted customer mail, a fenced code
//! block, emoji and CJK, so every layer (markup, tokens, phrase automaton, rules) does real work.

const BLOCKS: &[&str] = &[
    "Hi Maarten,\n\nI am so sorry if the delay upset you. Mistakes were made in our warehouse and your order was delayed.\n\n",
    "> I ordered the blue kettle three weeks ago and nobody answers my mails.\n> This is the worst shop I have dealt with.\n\n",
    "We apologise for any inconvenience this may have caused. We will look into it and get back to you as soon as possible.\n\n",
    "That was our mistake: we printed the wrong address on the label. I have refunded the shipping fee today 🎉 and a new kettle ships on Wednesday.\n\n",
    "```\nERROR 2026-03-02 label-printer: queue stalled (job 4411)\n```\n\n",
    "It was only a slight delay, but we take this very seriously. 東京 orders were not affected.\n\n",
    "I understand how frustrating it is to wait for a gift. To make sure this does not happen again, we have added a check to every parcel.\n\n",
    "We're sorry, but our policy does not allow refunds on opened items. Our courier lost the first parcel due to the weather.\n\n",
];

/// The blocks repeated in order up to `size` bytes (cut on a character boundary).
pub fn draft(size: usize) -> String {
    let mut text = String::with_capacity(size + 512);
    let mut index = 0;
    while text.len() < size {
        text.push_str(BLOCKS[index % BLOCKS.len()]);
        index += 1;
    }
    let mut end = size.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}
