//! Typed text read back into values: targets, actuals, evaluations, numbers.

use super::error::{FieldError, TargetError};
use crate::model::dates;
use crate::model::grade::{self, Grade};
use crate::model::plan::{Actual, Direction, Target};

/// An evaluation as typed: a grade's name or marker, or nothing.
pub(super) fn parse_evaluation(scale: &[Grade], text: &str) -> Result<String, FieldError> {
    if text.is_empty() {
        return Ok(String::new());
    }
    grade::find(scale, text)
        .map(|g| g.name.clone())
        .ok_or_else(|| FieldError::NotOnScale {
            text: text.to_owned(),
            names: scale.iter().map(|g| g.name.clone()).collect(),
        })
}

/// `1.5`, `１．５`, `-3`.
pub(super) fn parse_number(text: &str) -> Option<f64> {
    dates::normalize(text).replace(['，', ','], "").parse().ok()
}

/// One actual per line: a fiscal year (`R5年度`, `2023年度`, `FY2023`,
/// `2023`) and a value.
pub(super) fn parse_actuals(text: &str) -> Result<Vec<Actual>, FieldError> {
    let mut actuals: Vec<Actual> = Vec::new();
    for line in non_empty_lines(text) {
        let refuse = || FieldError::ActualNeedsYearAndValue {
            line: line.to_owned(),
        };
        let (year, value) = line
            .trim()
            .rsplit_once([' ', '\u{3000}', ':', '：'])
            .ok_or_else(refuse)?;
        let year = year.trim();
        let fiscal_year = if year.chars().all(|c| c.is_ascii_digit()) {
            year.parse().map_err(|_| refuse())?
        } else {
            let span = dates::parse_span(year).map_err(|error| FieldError::ActualDate {
                line: line.to_owned(),
                error,
            })?;
            // A month names the fiscal year it falls in; a year (calendar or
            // fiscal) names the fiscal year starting in it.
            if span.start == span.end {
                dates::fiscal_year(span.start)
            } else {
                span.start.year
            }
        };
        let value = parse_number(value).ok_or_else(refuse)?;
        if actuals.iter().any(|a| a.fiscal_year == fiscal_year) {
            return Err(FieldError::YearTwice {
                line: line.to_owned(),
                fiscal_year,
            });
        }
        actuals.push(Actual { fiscal_year, value });
    }
    actuals.sort_by_key(|a| a.fiscal_year);
    Ok(actuals)
}

/// Reads a target back: a number, an optional unit, and a direction
/// (`以上`/`以下`, `>=`/`<=`, `at least`/`at most`).
pub fn parse_target(text: &str) -> Result<Target, TargetError> {
    const DIRECTIONS: [(&str, Direction); 8] = [
        ("以上", Direction::AtLeast),
        ("以下", Direction::AtMost),
        (">=", Direction::AtLeast),
        ("<=", Direction::AtMost),
        ("≥", Direction::AtLeast),
        ("≤", Direction::AtMost),
        ("at least", Direction::AtLeast),
        ("at most", Direction::AtMost),
    ];
    let refuse = || TargetError {
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    let (rest, direction) = DIRECTIONS
        .iter()
        .find_map(|(word, d)| {
            trimmed
                .strip_suffix(word)
                .or_else(|| trimmed.strip_prefix(word))
                .map(|rest| (rest.trim(), *d))
        })
        .ok_or_else(refuse)?;
    let (value, unit) = leading_number(rest).ok_or_else(refuse)?;
    Ok(Target {
        value,
        unit: unit.trim().to_owned(),
        direction,
    })
}

/// `1,000人/年` → 1000 and `人/年`: a number at the start of the text, in
/// ASCII or full-width digits, with an optional sign, thousands separators
/// (`,` or `，` before three digits) and decimals; and the text after it.
fn leading_number(text: &str) -> Option<(f64, &str)> {
    let ascii = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        '．' => Some('.'),
        '，' => Some(','),
        '－' | '−' => Some('-'),
        '＋' => Some('+'),
        _ => Some(c),
    };
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, ascii(c).unwrap_or(c)))
        .collect();
    let mut number = String::new();
    let mut at = 0;
    if let Some(&(_, sign @ ('-' | '+'))) = chars.first() {
        number.push(sign);
        at = 1;
    }
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut seen_point = false;
    while let Some(&(_, c)) = chars.get(at) {
        let separator = c == ','
            && !seen_point
            && at > 0
            && digit(at - 1)
            && (1..=3).all(|d| digit(at + d))
            && !digit(at + 4);
        if c.is_ascii_digit() {
            number.push(c);
        } else if c == '.' && !seen_point && digit(at + 1) {
            seen_point = true;
            number.push(c);
        } else if !separator {
            break;
        }
        at += 1;
    }
    let rest = chars.get(at).map_or("", |&(i, _)| &text[i..]);
    number.parse().ok().map(|value| (value, rest))
}

pub(super) fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::{FieldError, parse_actuals, parse_evaluation, parse_target};
    use crate::model::fields::target_text;
    use crate::model::grade;
    use crate::model::plan::{Direction, Target};

    #[test]
    fn targets_read_and_print() {
        let t = parse_target("20.0 以上").unwrap();
        assert_eq!(
            (t.value, t.unit.as_str(), t.direction),
            (20.0, "", Direction::AtLeast)
        );
        assert_eq!(target_text(&t), "20.0 以上");
        let t = parse_target("１%/年 以上").unwrap();
        assert_eq!((t.value, t.unit.as_str()), (1.0, "%/年"));
        assert_eq!(target_text(&t), "1.0%/年 以上");
        assert_eq!(
            parse_target("at most 3 件").unwrap().direction,
            Direction::AtMost
        );
        for value in [1e16, 1e-5, -3.0, 0.25] {
            let t = Target {
                value,
                unit: "件".to_owned(),
                direction: Direction::AtMost,
            };
            assert_eq!(
                parse_target(&target_text(&t)).unwrap(),
                t,
                "{}",
                target_text(&t)
            );
        }
        assert!(parse_target("20").is_err());
    }

    #[test]
    fn target_numbers_with_separators_full_width_signs_and_decimals() {
        let read = |text: &str| {
            let t = parse_target(text).unwrap();
            (t.value, t.unit)
        };
        assert_eq!(read("1,000人/年 以上"), (1000.0, "人/年".to_owned()));
        assert_eq!(
            read("１，２３４，５６７．５円 以下"),
            (1_234_567.5, "円".to_owned())
        );
        assert_eq!(read("-1,000.25 t 以下"), (-1000.25, "t".to_owned()));
        assert_eq!(read("－０．５ポイント 以上"), (-0.5, "ポイント".to_owned()));
        assert_eq!(read("12,34件 以上"), (12.0, ",34件".to_owned()));
        assert_eq!(read("3.件 以上"), (3.0, ".件".to_owned()));
    }

    #[test]
    fn actuals_read_fiscal_years_in_any_notation() {
        let a = parse_actuals("R5年度 1.2\n2022 0.8\nFY2024 １．５\n2025年 2\nR8 3").unwrap();
        let pairs: Vec<(i32, f64)> = a.iter().map(|a| (a.fiscal_year, a.value)).collect();
        assert_eq!(
            pairs,
            [
                (2022, 0.8),
                (2023, 1.2),
                (2024, 1.5),
                (2025, 2.0),
                (2026, 3.0)
            ]
        );
        assert!(parse_actuals("R5年度").is_err());
        assert_eq!(
            parse_actuals("R5年度 1\n2023 2").unwrap_err(),
            FieldError::YearTwice {
                line: "2023 2".to_owned(),
                fiscal_year: 2023
            }
        );
        assert_eq!(
            parse_actuals("R5年度 1\n2023 2").unwrap_err().to_string(),
            "`2023 2`: R5年度 is given twice"
        );
    }

    #[test]
    fn evaluations_take_names_or_markers_of_the_scale() {
        let scale = grade::default_scale();
        assert_eq!(parse_evaluation(&scale, "遅"), Ok("遅れ".to_owned()));
        assert_eq!(
            parse_evaluation(&scale, "概ね順調"),
            Ok("概ね順調".to_owned())
        );
        assert_eq!(parse_evaluation(&scale, ""), Ok(String::new()));
        assert_eq!(
            parse_evaluation(&scale, "A").unwrap_err().to_string(),
            "`A` is not on this plan's scale: 順調 / 概ね順調 / やや遅れ / 遅れ / 完了 / 未着手"
        );
        assert!(parse_target("たくさん 以上").is_err());
    }
}
