//! Plan text and file names made safe to print. A plan folder is shared, so
//! a colleague can put any character into a name or a file name; printed
//! raw, an escape sequence clears the reader's screen, sets their window
//! title or writes to their clipboard (OSC 52), a carriage return overwrites
//! the line, and a bidi override shows text in another order than it is.
//! Such characters are shown as escapes instead, `\u{1b}` for ESC, in plain
//! ASCII so that Shift_JIS output can hold them too. A CSV cell that a
//! spreadsheet would run as a formula gets a leading `'` (the OWASP advice
//! for CSV injection), which `import` takes off again.
//!
//! The TUI needs none of this: ratatui drops control and zero-width
//! characters (bidi controls are zero-width) when it writes a cell.

use std::borrow::Cow;

/// Whether a line break is part of the text (a report, a cell) or would
/// start a line of output that the text did not write (a message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaks {
    Keep,
    Escape,
}

/// `text` with every character that a terminal would act on shown as an
/// escape; line breaks and tabs stay.
pub fn printable(text: &str) -> Cow<'_, str> {
    neutralise(text, Breaks::Keep)
}

/// `text` as part of one line of output (a message naming a file or
/// quoting a plan): line breaks are shown as escapes too.
pub fn one_line(text: &str) -> Cow<'_, str> {
    neutralise(text, Breaks::Escape)
}

/// JSON made by serde_json with the DEL, C1 and bidi characters in its
/// strings written as `\uXXXX` escapes, as serde_json already writes C0
/// controls. The text a JSON reader gets back is unchanged; only the bytes
/// that reach a terminal are. Every such character lies inside a string
/// (JSON's own syntax is ASCII) and in the Basic Multilingual Plane.
pub fn json(text: String) -> String {
    if !text.chars().any(beyond_c0) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if beyond_c0(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A text cell as a spreadsheet must read it. A cell starting with `=`,
/// `+`, `-`, `@`, tab or CR is run as a formula, so it gets a leading `'`;
/// one made of `'`s before such a character gets one more, so that
/// `from_spreadsheet_cell` can always take exactly one away.
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let text = printable(text);
    if !runs_as_formula(text.trim_start_matches('\'')) {
        return text;
    }
    Cow::Owned(format!("'{text}"))
}

/// The text of a cell written by `spreadsheet_cell`.
pub fn from_spreadsheet_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest.trim_start_matches('\'')) => rest,
        _ => cell,
    }
}

fn runs_as_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn neutralise(text: &str, breaks: Breaks) -> Cow<'_, str> {
    if !text.chars().any(|c| hidden(c, breaks)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c, breaks) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// C0 controls but tab (and line feed where `breaks` keeps it), and what
/// `beyond_c0` names.
fn hidden(c: char, breaks: Breaks) -> bool {
    match c {
        '\t' => false,
        '\n' => breaks == Breaks::Escape,
        '\u{0}'..='\u{1f}' => true,
        _ => beyond_c0(c),
    }
}

/// DEL, C1 controls, and the characters that change the direction text is
/// shown in: embeddings and overrides (U+202A–U+202E), isolates
/// (U+2066–U+2069), the marks U+200E, U+200F and U+061C.
fn beyond_c0(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{61c}'
    )
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{
        from_spreadsheet_cell, json, one_line, printable, runs_as_formula, spreadsheet_cell,
    };

    #[test]
    fn controls_and_bidi_become_escapes() {
        assert_eq!(
            printable("a\u{1b}[2Jb\u{7}\r\u{9b}\u{85}\u{202e}\u{7f}\u{61c}\t\n"),
            "a\\u{1b}[2Jb\\u{7}\\u{d}\\u{9b}\\u{85}\\u{202e}\\u{7f}\\u{61c}\t\n"
        );
        assert_eq!(one_line("a\nb\tc"), "a\\u{a}b\tc");
        assert!(matches!(printable("県庁活性化促進事業"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_the_text_and_writes_no_raw_controls() {
        let value = serde_json::json!({"name": "a\u{85}\u{202e}b\u{1b}"});
        let text = json(serde_json::to_string(&value).unwrap());
        assert_eq!(text, r#"{"name":"a\u0085\u202eb\u001b"}"#);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        let pretty = json(serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(pretty, "{\n  \"name\": \"a\\u0085\\u202eb\\u001b\"\n}");
    }

    #[test]
    fn formula_cells_get_a_quote_that_comes_off_again() {
        for text in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "'=x",
            "''-x",
            "'",
            "'plain",
            "plain",
            "",
        ] {
            let cell = spreadsheet_cell(text);
            assert!(!runs_as_formula(&cell), "{cell}");
            assert_eq!(from_spreadsheet_cell(&cell), text, "{cell}");
        }
        assert_eq!(spreadsheet_cell("=1+1"), "'=1+1");
        assert_eq!(
            spreadsheet_cell("\r=1"),
            "\\u{d}=1",
            "a CR is shown, not kept"
        );
    }
}
