//! A KPI's fields over time as the editor shows and reads them: targets by
//! year (`R7年度 30 中間`), dated actuals (`H30.2月末 1.2`), a phrase for a
//! target (`全国1位`).

use super::error::FieldError;
use super::read::{non_empty_lines, parse_number};
use crate::model::dates::{self, fiscal_year_label};
use crate::model::period::Period;
use crate::model::plan::{Actual, DatedTarget, TargetKind, TargetValue};

/// The words a target's kind is written with, Japanese first.
const KINDS: [(&str, TargetKind); 4] = [
    ("中間", TargetKind::Interim),
    ("長期", TargetKind::LongTerm),
    ("interim", TargetKind::Interim),
    ("long-term", TargetKind::LongTerm),
];

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// A value as written: a number, else the phrase.
pub(super) fn target_value(text: &str) -> TargetValue {
    parse_number(text).map_or_else(|| TargetValue::Text(text.to_owned()), TargetValue::Number)
}

pub(super) fn value_text(value: &TargetValue) -> String {
    match value {
        TargetValue::Number(n) => n.to_string(),
        TargetValue::Text(t) => t.clone(),
    }
}

/// `R7年度 30 中間`.
pub fn dated_target_line(target: &DatedTarget) -> String {
    let kind = KINDS
        .iter()
        .find(|(_, k)| Some(*k) == target.kind)
        .map(|(word, _)| format!(" {word}"))
        .unwrap_or_default();
    format!("{} {}{kind}", target.at, value_text(&target.value))
}

/// One target per line: a year or date, a value (a number or a phrase) and
/// an optional kind (`中間`, `長期`).
pub(super) fn parse_dated_targets(text: &str) -> Result<Vec<DatedTarget>, FieldError> {
    non_empty_lines(text)
        .map(|line| {
            let refuse = || FieldError::TargetNeedsDateAndValue {
                line: line.to_owned(),
            };
            let (at, rest) = leading_period(line).ok_or_else(refuse)?;
            let (value, kind) = match KINDS
                .iter()
                .find_map(|(word, kind)| rest.strip_suffix(word).map(|v| (v, *kind)))
            {
                Some((value, kind)) => (value.trim_matches(is_space), Some(kind)),
                None => (rest, None),
            };
            if value.is_empty() {
                return Err(refuse());
            }
            Ok(DatedTarget {
                at,
                value: target_value(value),
                kind,
            })
        })
        .collect()
}

/// The longest leading run of words that reads as a period, and the rest.
fn leading_period(line: &str) -> Option<(Period, &str)> {
    let line = line.trim_matches(is_space);
    let cuts: Vec<usize> = line.match_indices(is_space).map(|(i, _)| i).collect();
    cuts.iter().rev().find_map(|&cut| {
        let at = Period::parse(&line[..cut]).ok()?;
        Some((at, line[cut..].trim_matches(is_space)))
    })
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
        let (fiscal_year, at) = if year.chars().all(|c| c.is_ascii_digit()) {
            (year.parse().map_err(|_| refuse())?, None)
        } else {
            actual_date(line, year)?
        };
        let value = parse_number(value).ok_or_else(refuse)?;
        if actuals
            .iter()
            .any(|a| a.fiscal_year == fiscal_year && a.at == at)
        {
            return Err(FieldError::YearTwice {
                line: line.to_owned(),
                fiscal_year,
            });
        }
        actuals.push(Actual {
            fiscal_year,
            at,
            value,
        });
    }
    actuals.sort_by_key(Actual::last_month);
    Ok(actuals)
}

/// `R5年度 1.2` for a fiscal year, `R5.6.30 1.2` for a date within one.
pub fn actual_line(actual: &Actual) -> String {
    match &actual.at {
        Some(at) => format!("{at} {}", actual.value),
        None => format!("{} {}", fiscal_year_label(actual.fiscal_year), actual.value),
    }
}

/// The fiscal year an actual's date names, and the date when it is finer
/// than a year: a month, a day or a range of months (a quarter,
/// `R5.4～6`) is kept as written; a year (calendar or fiscal) names the
/// fiscal year starting in it.
fn actual_date(line: &str, year: &str) -> Result<(i32, Option<Period>), FieldError> {
    let finer = |text: &str| -> Option<(i32, Option<Period>)> {
        let at = Period::parse(text).ok()?;
        let start = at.start()?;
        Some((dates::fiscal_year(start), Some(at)))
    };
    match dates::parse_span(year) {
        Ok(span) if span.start == span.end => {
            finer(year).ok_or_else(|| FieldError::ActualNeedsYearAndValue {
                line: line.to_owned(),
            })
        }
        Ok(span) => Ok((span.start.year, None)),
        Err(error) => finer(year).ok_or_else(|| FieldError::ActualDate {
            line: line.to_owned(),
            error,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::{FieldError, parse_actuals};

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
    fn actuals_may_be_dated_to_a_quarter_a_month_s_end_or_a_day() {
        let a = parse_actuals("R5.7～9 1\nH30.2月末 1.2\n2020年6月1日 3.29\nR5.6.30 2").unwrap();
        let read: Vec<(i32, Option<&str>, f64)> = a
            .iter()
            .map(|a| (a.fiscal_year, a.at.as_ref().map(|p| p.as_str()), a.value))
            .collect();
        assert_eq!(
            read,
            [
                (2017, Some("H30.2月末"), 1.2),
                (2020, Some("2020年6月1日"), 3.29),
                (2023, Some("R5.6.30"), 2.0),
                (2023, Some("R5.7～9"), 1.0),
            ],
            "in date order, a quarter counting as of its last month"
        );
        assert!(matches!(
            parse_actuals("R5.6.32 1"),
            Err(FieldError::ActualDate { .. })
        ));
    }

    #[test]
    fn targets_by_year_read_a_number_or_a_phrase_and_a_kind() {
        let t = super::parse_dated_targets("R7年度 30 中間\nR12年度 全国1位 長期\n2030年度 1,200")
            .unwrap();
        let lines: Vec<String> = t.iter().map(super::dated_target_line).collect();
        assert_eq!(
            lines,
            ["R7年度 30 中間", "R12年度 全国1位 長期", "2030年度 1200"]
        );
        assert_eq!(t[0].fiscal_year(), Some(2025));
        assert!(super::parse_dated_targets("全国1位").is_err(), "no date");
    }
}
