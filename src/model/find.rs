//! Finding: text matching that ignores the width of characters (`DX` finds
//! `ＤＸ`, `2,334` finds `２，３３４`) by comparing NFKC-normalised,
//! lower-cased text; and reading the budget range the filters take (the
//! filters themselves are in `filter`).

use unicode_normalization::UnicodeNormalization;

use super::address::Address;
use super::fields::{Field, field_text};
use super::money::{BudgetError, parse_budget};
use super::plan::{Plan, Project};

/// Text as compared: NFKC, lower case.
pub fn normalize(text: &str) -> String {
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// A normalised query, made ready once to be looked for in many texts.
pub struct Query<'q> {
    text: &'q str,
    finder: memchr::memmem::Finder<'q>,
    /// Whether it holds ASCII letters (lower-case, being normalised).
    letters: bool,
}

impl<'q> Query<'q> {
    pub fn new(text: &'q str) -> Self {
        Self {
            text,
            finder: memchr::memmem::Finder::new(text),
            letters: text.bytes().any(|b| b.is_ascii_alphabetic()),
        }
    }

    fn found_in(&self, haystack: &str) -> bool {
        self.finder.find(haystack.as_bytes()).is_some()
    }
}

/// Whether any field of a node holds `query` (normalised). A query is one
/// line, so matching field by field is matching the node's whole text.
pub fn node_contains(plan: &Plan, address: Address, query: &str) -> bool {
    node_holds(plan, address, &Query::new(query))
}

/// As `node_contains`, for a query looked for in many nodes.
pub fn node_holds(plan: &Plan, address: Address, query: &Query) -> bool {
    if let Address::Project(s, m, p) = address {
        return project_contains(&plan.strategies[s].measures[m].projects[p], query);
    }
    if let Address::Strategy(s) = address
        && normalized_contains(&plan.strategies[s].label, query)
    {
        return true;
    }
    Field::of(address)
        .iter()
        .any(|&field| normalized_contains(&field_text(plan, address, field), query))
}

/// How many nodes of `plan` hold `query`, each once (a measure shown under
/// two KPIs counts once): its strategies, KPIs, measures and projects, and
/// the plan itself when `with_plan` (a row when several plans are open).
pub fn count_matches(plan: &Plan, query: &str, with_plan: bool) -> usize {
    let query = Query::new(query);
    let query = &query;
    let hit = |address| usize::from(node_holds(plan, address, query));
    let mut count = if with_plan { hit(Address::Plan) } else { 0 };
    for (s, strategy) in plan.strategies.iter().enumerate() {
        count += hit(Address::Strategy(s));
        count += (0..strategy.kpis.len())
            .map(|k| hit(Address::Kpi(s, k)))
            .sum::<usize>();
        for (m, measure) in strategy.measures.iter().enumerate() {
            count += hit(Address::Measure(s, m));
            count += measure
                .projects
                .iter()
                .filter(|p| project_contains(p, query))
                .count();
        }
    }
    count
}

/// A project's fields matched where they lie: projects are nearly all of a
/// plan, and formatting each into new strings would double a search's cost.
fn project_contains(project: &Project, query: &Query) -> bool {
    let hit = |text: &str| normalized_contains(text, query);
    let plain = [
        &project.name,
        &project.owner,
        &project.overview,
        &project.budget_note,
        &project.evaluation,
    ];
    plain.into_iter().any(|text| hit(text))
        || project.analysis.iter().any(|text| hit(text))
        || project.schedule.iter().any(|entry| {
            // Shown as `DATE TEXT`: only a query with a space can span both.
            hit(&entry.text)
                || entry.date.as_ref().is_some_and(|date| {
                    hit(date.as_str()) || (query.text.contains(' ') && hit(&entry.to_line()))
                })
        })
        // The budget is shown as digits and commas: no other query can
        // match it, and formatting it for every project would cost.
        || (query.text.bytes().all(|b| b.is_ascii_digit() || b == b',')
            && project
                .budget
                .is_some_and(|b| hit(&super::money::group_thousands(b))))
        || hit(project.period.as_str())
}

/// `normalize(text).contains(query)`. Most text is plainly normal (kana,
/// kanji, lower-case ASCII), and checking that is far cheaper than
/// normalising it, which would dominate a search over a large plan.
fn normalized_contains(text: &str, query: &Query) -> bool {
    match plainness(text) {
        Plainness::Plain => query.found_in(text),
        // Lower-casing changes only ASCII letters: a query without any
        // finds the same places either way. Era dates (`R8.2`) put an
        // upper-case letter in nearly every progress entry.
        Plainness::Upper if !query.letters => query.found_in(text),
        Plainness::Upper => query.found_in(&text.to_ascii_lowercase()),
        Plainness::Other => query.found_in(&normalize(text)),
    }
}

enum Plainness {
    /// NFKC and lower-casing leave it as it is.
    Plain,
    /// Only lower-casing ASCII letters would change it.
    Upper,
    /// It needs normalising.
    Other,
}

/// How far `text` is from normal, read byte by byte: the bulk of Japanese
/// text (kanji, kana) is recognised from its UTF-8 bytes without decoding.
fn plainness(text: &str) -> Plainness {
    let bytes = text.as_bytes();
    let mut upper = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'A'..=b'Z' => {
                upper = true;
                i += 1;
            }
            0..=0x7f => i += 1,
            // U+4E00..U+9FFF, ideographs: all plainly normal.
            0xe4..=0xe9 => i += 3,
            _ => {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    return Plainness::Other;
                };
                if !is_plainly_normal(c) {
                    return Plainness::Other;
                }
                i += c.len_utf8();
            }
        }
    }
    if upper {
        Plainness::Upper
    } else {
        Plainness::Plain
    }
}

/// Characters that NFKC and lower-casing leave alone and that need no
/// table lookup: lower-case ASCII and the bulk of Japanese text.
fn is_plainly_normal(c: char) -> bool {
    matches!(c,
        '\0'..='@' | '['..='\u{7f}'
        | '\u{3001}'..='\u{3002}' // 、。
        | '\u{300c}'..='\u{3011}' // 「」『』【】
        | '\u{3041}'..='\u{3096}' // hiragana
        | '\u{30a1}'..='\u{30fc}' // katakana, ・ and ー
        | '\u{4e00}'..='\u{9fff}' // ideographs
    )
}

/// Where `query` (normalised) occurs in `text`, as ranges of `text`'s
/// characters, for highlighting.
pub fn char_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    // The normalised text, and for each of its bytes the original char.
    let mut normalized = String::new();
    let mut owner = Vec::new();
    for (i, c) in text.chars().enumerate() {
        for n in c.nfkc().flat_map(char::to_lowercase) {
            let before = normalized.len();
            normalized.push(n);
            owner.extend(std::iter::repeat_n(i, normalized.len() - before));
        }
    }
    // One character may expand to several (ⅱ → "ii"): ranges that fall
    // inside the one before are dropped.
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (at, m) in normalized.match_indices(query) {
        let range = owner[at]..owner[at + m.len() - 1] + 1;
        if ranges.last().is_none_or(|last| range.start >= last.end) {
            ranges.push(range);
        }
    }
    ranges
}

/// Why a budget range typed in the filter could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    NotARange { text: String },
    Budget(BudgetError),
    Reversed { text: String },
}

/// `1000-5000`, `1,000～5,000`, `1000-` (at least), `-5000` (at most).
pub fn parse_budget_range(text: &str, unit: &str) -> Result<(u64, u64), RangeError> {
    let (low, high) = text
        .split_once(['-', '～', '~', '〜', '－'])
        .ok_or_else(|| RangeError::NotARange {
            text: text.to_owned(),
        })?;
    let bound = |t: &str, default| {
        if t.trim().is_empty() {
            Ok(default)
        } else {
            parse_budget(t, unit).map_err(RangeError::Budget)
        }
    };
    let (low, high) = (bound(low, 0)?, bound(high, u64::MAX)?);
    if low > high {
        return Err(RangeError::Reversed {
            text: text.to_owned(),
        });
    }
    Ok((low, high))
}

#[cfg(test)]
mod tests {
    use super::{
        Query, char_ranges, is_plainly_normal, normalize, normalized_contains, parse_budget_range,
    };

    #[test]
    fn matching_skips_normalising_only_text_that_is_already_normal() {
        let texts = [
            "ＤＸ推進",
            "DX推進",
            "dx推進",
            "R8.2 導入",
            "R8.2～R9.3",
            "推進",
            "ｶﾀｶﾅ",
            "カタカナ",
            "か\u{3099}",
            "Ǆ",
            "①②",
        ];
        let queries = ["dx", "r8.2", "r8.2~r9", "カタカナ", "が", "ǆ", "1", "推進"];
        for text in texts {
            for query in queries {
                assert_eq!(
                    normalized_contains(text, &Query::new(query)),
                    normalize(text).contains(query),
                    "{text} / {query}"
                );
            }
        }
        // Characters taken as normal from their UTF-8 lead byte alone.
        let by_lead_byte = '\u{4000}'..='\u{9fff}';
        let shortcut = ('\0'..=char::MAX).filter(|&c| is_plainly_normal(c));
        for c in shortcut.chain(by_lead_byte) {
            assert_eq!(
                normalize(&c.to_string()),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn width_insensitive_matching() {
        assert!(normalize("ＤＸ推進").contains(&normalize("dx")));
        assert!(normalize("※２，３３４は").contains(&normalize("2,334")));
        assert_eq!(char_ranges("ＤＸとDX", &normalize("dx")), [0..2, 3..5]);
        assert_eq!(char_ranges("abc", ""), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(
            char_ranges("ⅱⅲ", "i"),
            [0..1, 1..2],
            "expanded characters are marked once"
        );
    }

    #[test]
    fn budget_ranges() {
        assert_eq!(parse_budget_range("1000-5000", "千円"), Ok((1000, 5000)));
        assert_eq!(
            parse_budget_range("１，０００～", "千円"),
            Ok((1000, u64::MAX))
        );
        assert_eq!(parse_budget_range("-5000", "千円"), Ok((0, 5000)));
        assert!(parse_budget_range("5000-1000", "千円").is_err());
        assert!(parse_budget_range("abc", "千円").is_err());
    }
}
