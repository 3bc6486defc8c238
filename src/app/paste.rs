//! Pasted text (bracketed paste). It is taken whole, as one edit, by the
//! editor or the prompt line; anywhere else it is never run as keys (a
//! pasted `名前⏎jjdy` in the tree would rename, move and delete).

use super::App;
use crate::keymap::Context;
use crate::words::tell::Said;

impl App {
    pub(super) fn paste(&mut self, text: &str) {
        match self.context() {
            Context::Editor => self.paste_into_editor(&plain_text(text)),
            Context::LineEditor => self.paste_into_editor(&one_line(text)),
            Context::Prompt => self.paste_into_prompt(&one_line(text)),
            Context::Tree | Context::Detail => {
                self.info(Said::PasteIgnored);
            }
            // A question or a list takes only its own keys.
            _ => {}
        }
    }
}

/// The text as a field holds it: line breaks as `\n` (terminals send
/// `\r`), tabs as spaces, and no other control characters (C0, DEL, C1):
/// nothing a key typed into the editor could not have put there.
pub(super) fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The text for a one-line field or the prompt: a line break ending the
/// paste (copying a whole line takes it) is dropped, the others become
/// spaces, so a phrase copied across lines is still found or kept whole.
pub(super) fn one_line(text: &str) -> String {
    plain_text(text).trim_end_matches('\n').replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::{one_line, plain_text};

    #[test]
    fn line_breaks_tabs_and_controls() {
        assert_eq!(plain_text("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(
            plain_text("x\ty\u{1b}[2J\u{7}\u{9b}\u{85}\u{7f}z"),
            "x y[2Jz"
        );
        assert_eq!(
            plain_text("名前\u{202e}右"),
            "名前\u{202e}右",
            "not a control"
        );
        assert_eq!(one_line("県庁\r活性化\r\n"), "県庁 活性化");
    }
}
