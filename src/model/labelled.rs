//! A strategy's or measure's label and name in one cell, as the tables
//! write them: `（６）県庁オープン化戦略`, `1-1 施策`, `No.1002 事業`. Reading
//! them apart finds only forms that are labels, so a name that merely
//! begins with a word (`AI活用`, `アクション`, `1.5倍`) stays whole.

const SPACES: [char; 2] = [' ', '\u{3000}'];

/// What may follow a one-letter label (`A 施策`, `ア．施策`): without it, the
/// letter is the first of a word.
const AFTER_LETTER: [char; 10] = [' ', '\u{3000}', '.', '．', '、', ':', '：', ')', '）', '-'];

/// `（６）県庁オープン化戦略` → (`（６）`, `県庁オープン化戦略`). A label is
/// `（６）`, `(a)`, `（ア）` and the like; `①`…`⑳`, `ⅰ`, `Ⅰ`; `1-1`, `1.`,
/// `1）`; `No.1002`; a letter `A` or `ア` before a space or stop. Text
/// without one has an empty label.
pub fn split_label(text: &str) -> (String, String) {
    let text = text.trim_matches(SPACES);
    let len = bracketed(text)
        .or_else(|| numbered_mark(text))
        .or_else(|| number_entry(text))
        .or_else(|| numero(text))
        .or_else(|| letter(text))
        .unwrap_or(0);
    let (label, name) = text.split_at(len);
    (label.to_owned(), name.trim_start_matches(SPACES).to_owned())
}

/// The cell `export` writes for a label and a name: the two joined, with a
/// space between when `split_label` would not otherwise find them apart
/// (`A` and `地区整備` → `A 地区整備`).
pub fn labelled(label: &str, name: &str) -> String {
    let joined = format!("{label}{name}");
    let (l, n) = split_label(&joined);
    if label.is_empty() || (l == label && n == name) {
        joined
    } else {
        format!("{label} {name}")
    }
}

/// `c` with full-width ASCII (`Ｎ`, `１`, `．`) read as ASCII.
fn ascii(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '‐' | '‑' | '–' | '−' => '-',
        _ => c,
    }
}

/// Length of a leading `（６）`, `(12)`, `（三）`, `(a)` or `（ア）`: a short
/// number or letter in brackets, not a word such as `（仮称）`.
fn bracketed(text: &str) -> Option<usize> {
    let close = match text.chars().next()? {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let end = text.find(close)?;
    let inner = &text[text.chars().next()?.len_utf8()..end];
    let count = inner.chars().count();
    let numbering =
        |c: char| c.is_numeric() || c.is_ascii_alphabetic() || "一二三四五六七八九十".contains(c);
    let fits = inner.chars().all(numbering) || (count == 1 && inner.chars().all(is_katakana));
    ((1..=4).contains(&count) && fits).then_some(end + close.len_utf8())
}

fn is_katakana(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c)
}

/// Length of a leading circled number (①, ㉑, ❶) or Roman numeral (ⅰ, Ⅳ).
fn numbered_mark(text: &str) -> Option<usize> {
    let c = text.chars().next()?;
    matches!(
        u32::from(c),
        0x2460..=0x2473 | 0x2776..=0x2793 | 0x3251..=0x325F | 0x32B1..=0x32BF | 0x2160..=0x217F
    )
    .then_some(c.len_utf8())
}

/// Length of the digits (ASCII or full-width) at the start of `text`.
fn digits(text: &str) -> usize {
    text.char_indices()
        .find(|(_, c)| !ascii(*c).is_ascii_digit())
        .map_or(text.len(), |(i, _)| i)
}

/// Length of a leading `1-1`, `1-1-2`, a number ended by `.`, `)`, `、`
/// (`1.`, `２）`) or a number of up to three digits before a space (`2 施策`,
/// as the app numbers a series it does not know); not a decimal (`1.5倍`),
/// a year (`2025年`, `2025 年`) or a number within a word (`100人会議`).
fn number_entry(text: &str) -> Option<usize> {
    let mut at = digits(text);
    if at == 0 {
        return None;
    }
    let mut parts = 1;
    loop {
        let rest = &text[at..];
        let c = rest.chars().next()?;
        let after = &rest[c.len_utf8()..];
        let more = digits(after);
        match ascii(c) {
            '-' if more > 0 => {
                parts += 1;
                at += c.len_utf8() + more;
            }
            '.' | ')' | '、' if more == 0 => return Some(at + c.len_utf8()),
            ' ' | '\u{3000}' if parts == 1 && text[..at].chars().count() <= 3 => return Some(at),
            _ if parts > 1 => return Some(at),
            _ => return None,
        }
    }
}

/// Length of a leading `No.1002`, `NO 12`, `№5` or `Ｎｏ．１２`.
fn numero(text: &str) -> Option<usize> {
    let after_mark = if let Some(rest) = text.strip_prefix('№') {
        text.len() - rest.len()
    } else {
        let mut chars = text.char_indices();
        let (_, n) = chars.next()?;
        let (_, o) = chars.next()?;
        if !ascii(n).eq_ignore_ascii_case(&'n') || !ascii(o).eq_ignore_ascii_case(&'o') {
            return None;
        }
        let (i, c) = chars.next()?;
        if matches!(ascii(c), '.' | ' ') || c == '\u{3000}' {
            i + c.len_utf8()
        } else {
            i
        }
    };
    let number = digits(&text[after_mark..]);
    (number > 0).then_some(after_mark + number)
}

/// Length of a leading one-letter label (`A`, `ア`, `ａ`) followed by a
/// space or a stop, which is kept with it (`ア.`) unless it is a space.
fn letter(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if !(ascii(first).is_ascii_alphabetic() || is_katakana(first)) {
        return None;
    }
    let next = chars.next()?;
    if !AFTER_LETTER.contains(&next) {
        return None;
    }
    let stop = usize::from(!SPACES.contains(&next)) * next.len_utf8();
    Some(first.len_utf8() + stop)
}

#[cfg(test)]
mod tests {
    use super::{labelled, split_label};

    fn split(text: &str) -> (String, String) {
        split_label(text)
    }

    fn parts(label: &str, name: &str) -> (String, String) {
        (label.to_owned(), name.to_owned())
    }

    #[test]
    fn brackets_and_marks() {
        assert_eq!(
            split("（６）県庁オープン化戦略"),
            parts("（６）", "県庁オープン化戦略")
        );
        assert_eq!(split("(6) 戦略"), parts("(6)", "戦略"));
        assert_eq!(split("（ア）施策"), parts("（ア）", "施策"));
        assert_eq!(split("(a)施策"), parts("(a)", "施策"));
        assert_eq!(split("（十二）施策"), parts("（十二）", "施策"));
        assert_eq!(split("⑳施策"), parts("⑳", "施策"));
        assert_eq!(split("ⅱ　施策"), parts("ⅱ", "施策"));
        assert_eq!(split("Ⅰ施策"), parts("Ⅰ", "施策"));
    }

    #[test]
    fn numbers_letters_and_numeros() {
        assert_eq!(split("1-1 地域の施策"), parts("1-1", "地域の施策"));
        assert_eq!(split("１－２－３施策"), parts("１－２－３", "施策"));
        assert_eq!(split("1. 施策"), parts("1.", "施策"));
        assert_eq!(split("２）施策"), parts("２）", "施策"));
        assert_eq!(split("No.1002 事業"), parts("No.1002", "事業"));
        assert_eq!(split("Ｎｏ．１２施策"), parts("Ｎｏ．１２", "施策"));
        assert_eq!(split("№5 施策"), parts("№5", "施策"));
        assert_eq!(split("A 地区整備"), parts("A", "地区整備"));
        assert_eq!(split("ア　施策"), parts("ア", "施策"));
        assert_eq!(split("イ．施策"), parts("イ．", "施策"));
    }

    #[test]
    fn names_that_begin_with_a_word_stay_whole() {
        for name in [
            "（仮称）新しい施策の検討",
            "戦略",
            "AI活用の推進",
            "アクションプランの推進",
            "1.5倍の観光客",
            "2025年大阪・関西万博",
            "2025 年度の目標",
            "100人会議",
            "Nobody施策",
            "North地区",
            "DX推進",
        ] {
            assert_eq!(split(name), parts("", name), "{name}");
        }
    }

    #[test]
    fn export_writes_a_space_where_the_label_needs_one() {
        assert_eq!(labelled("（６）", "戦略"), "（６）戦略");
        assert_eq!(labelled("A", "地区整備"), "A 地区整備");
        assert_eq!(labelled("1-1", "施策"), "1-1施策");
        assert_eq!(labelled("2", "施策"), "2 施策");
        assert_eq!(labelled("", "AI活用"), "AI活用");
        for (label, name) in [
            ("A", "地区整備"),
            ("No.3", "事業"),
            ("ア", "施策"),
            ("①", "施策"),
            ("12", "施策"),
        ] {
            assert_eq!(split(&labelled(label, name)), parts(label, name));
        }
    }
}
