//! Reading a written date: era, Gregorian or fiscal-year notation, with
//! full-width digits accepted.

use super::era::Era;
use super::month::{Span, YearMonth};

/// No era has lasted longer; also keeps the arithmetic far from overflow.
pub const MAX_ERA_YEAR: i32 = 99;

/// Why a written date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    Empty,
    NotADate {
        text: String,
    },
    NotAYear {
        text: String,
    },
    NotAMonth {
        text: String,
    },
    EraYearOutOfRange {
        year: i32,
    },
    /// `H31.5`: a month the era did not reach; `month` is when it is.
    OutsideEra {
        written: String,
        era: Era,
        month: YearMonth,
    },
    /// A Gregorian year not written in four digits, as `23-04`.
    YearNotFourDigits {
        year: i32,
    },
    MonthOutOfRange {
        month: u8,
    },
}

/// Full-width digits and letters as ASCII; `元` stays. Spaces before
/// 年, 月 or 日 (`2020 年度`, as tables copied from a page have them) go.
pub fn normalize(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let before_date_word = |i: usize| {
        let next = chars[i..].iter().find(|c| !c.is_whitespace());
        matches!(next, Some('年' | '月' | '日'))
    };
    (chars.iter().enumerate())
        .filter(|&(i, c)| !(c.is_whitespace() && before_date_word(i)))
        .map(|(_, &c)| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '／' | '－' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// Reads one written date: `R5.4`, `H31.4`, `令和5年4月`, `令和元年5月`,
/// `R5` or `令和5年` (a calendar year), `R5年度`, `令和元年度`, `2023年度` or
/// `FY2023` (a fiscal year), `2023-04`, `2023/4`, `2023年4月`, `2023`.
pub fn parse_span(text: &str) -> Result<Span, DateError> {
    let text = normalize(text);
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    if let Some(year) = text.strip_prefix("FY").or_else(|| text.strip_prefix("fy")) {
        return Ok(Span::fiscal_year(year_number(year)?));
    }
    if let Some(year) = text.strip_suffix("年度") {
        return Ok(Span::fiscal_year(any_year(year)?));
    }
    if let Some(span) = fiscal_part(&text)? {
        return Ok(span);
    }
    let (era, rest) = split_era(&text);
    match era {
        Some(era) => era_date(era, rest),
        None => gregorian_date(&text),
    }
}

/// A part of a fiscal year as the tables date their measurements: its end
/// (`H28年度末`, `2025年度末`, and `H25末`, which these tables write for the
/// fiscal year's end) or a quarter (`H26年度第2四半期`, `R5年度Q2`).
fn fiscal_part(text: &str) -> Result<Option<Span>, DateError> {
    let end = |year: &str| -> Result<Span, DateError> {
        let year = any_year(year)?;
        Ok(Span::month(YearMonth {
            year: year.saturating_add(1),
            month: 3,
        }))
    };
    if let Some(year) = text.strip_suffix("年度末") {
        return end(year).map(Some);
    }
    if let Some(year) = text.strip_suffix('末')
        && split_era(year).0.is_some()
        && !year.contains(['.', '月'])
    {
        return end(year).map(Some);
    }
    let Some((year, quarter)) = text.split_once("年度") else {
        return Ok(None);
    };
    let quarter = quarter.trim_start_matches([' ', '\u{3000}']);
    let q = match quarter {
        "第1四半期" | "第一四半期" | "Q1" | "1Q" => 1,
        "第2四半期" | "第二四半期" | "Q2" | "2Q" => 2,
        "第3四半期" | "第三四半期" | "Q3" | "3Q" => 3,
        "第4四半期" | "第四四半期" | "Q4" | "4Q" => 4,
        _ => return Ok(None),
    };
    Ok(Some(Span::quarter(any_year(year)?, q)))
}

/// `R`/`令和`/… and what follows.
fn split_era(text: &str) -> (Option<Era>, &str) {
    for era in Era::ALL {
        if let Some(rest) = text.strip_prefix(era.kanji()) {
            return (Some(era), rest);
        }
        let letter = era.letter();
        if let Some(rest) = text
            .strip_prefix(letter)
            .or_else(|| text.strip_prefix(letter.to_ascii_lowercase()))
            && rest.starts_with(|c: char| c.is_ascii_digit() || c == '元')
        {
            return (Some(era), rest);
        }
    }
    (None, text)
}

/// A Gregorian year, or an era year as in `R5` / `令和元`.
fn any_year(text: &str) -> Result<i32, DateError> {
    let text = text.strip_suffix('年').unwrap_or(text);
    match split_era(text) {
        (Some(era), rest) => Ok(era.first_year() + era_year(rest)? - 1),
        (None, rest) => year_number(rest),
    }
}

fn era_year(text: &str) -> Result<i32, DateError> {
    let year = if text == "元" { 1 } else { year_number(text)? };
    if (1..=MAX_ERA_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(DateError::EraYearOutOfRange { year })
    }
}

/// After the era: `5.4`, `5`, `5年4月`, `元年5月`, `5年`.
fn era_date(era: Era, rest: &str) -> Result<Span, DateError> {
    let (year, month) = match rest.split_once(['.', '年']) {
        Some((year, month)) => (year, without_day(month)?),
        None => (rest, ""),
    };
    let year = era.first_year() + era_year(year)? - 1;
    if month.is_empty() {
        return Ok(Span::calendar_year(year));
    }
    let month = YearMonth {
        year,
        month: month_number(month)?,
    };
    if !era.contains(month) {
        return Err(DateError::OutsideEra {
            written: format!("{}{rest}", era.letter()),
            era,
            month,
        });
    }
    Ok(Span::month(month))
}

/// `2023-04`, `2023/4`, `2023.4`, `2023年4月`, `2023`.
fn gregorian_date(text: &str) -> Result<Span, DateError> {
    let (year, month) = match text.split_once(['-', '/', '.', '年']) {
        Some((year, month)) => (year, without_day(month)?),
        None => (text, ""),
    };
    if !year.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(DateError::NotADate {
            text: text.to_owned(),
        });
    }
    let year = year_number(year)?;
    if !(1000..=9999).contains(&year) {
        return Err(DateError::YearNotFourDigits { year });
    }
    if month.is_empty() {
        return Ok(Span::calendar_year(year));
    }
    Ok(Span::month(YearMonth {
        year,
        month: month_number(month)?,
    }))
}

/// The month of `6`, `6月`, `6.30`, `6月30日` or `2月末`: a measurement
/// may be dated to the day, which the text keeps; the month orders it.
fn without_day(text: &str) -> Result<&str, DateError> {
    let month = text.strip_suffix('末').unwrap_or(text);
    let Some((month, day)) = month.split_once(['.', '/', '-', '月']) else {
        return Ok(month);
    };
    let day = day.strip_suffix('日').unwrap_or(day);
    match digits::<u8>(day) {
        _ if day.is_empty() => Ok(month),
        Some(1..=31) => Ok(month),
        _ => Err(DateError::NotAMonth {
            text: text.to_owned(),
        }),
    }
}

pub fn month_number(text: &str) -> Result<u8, DateError> {
    let not_a_month = || DateError::NotAMonth {
        text: text.to_owned(),
    };
    let month: u8 = digits(text).ok_or_else(not_a_month)?;
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(DateError::MonthOutOfRange { month })
    }
}

fn year_number(text: &str) -> Result<i32, DateError> {
    digits(text).ok_or_else(|| DateError::NotAYear {
        text: text.to_owned(),
    })
}

/// `text` as a number if it is all ASCII digits and fits.
fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{DateError, parse_span};
    use crate::words::{Lang, Say};

    fn span(text: &str) -> (String, String) {
        let s = parse_span(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (s.start.to_string(), s.end.to_string())
    }

    fn refusal(text: &str) -> String {
        parse_span(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_form() {
        let month = |m: &str| (m.to_owned(), m.to_owned());
        let range = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(span("R5.4"), month("2023-04"));
        assert_eq!(span("Ｒ５．４"), month("2023-04"));
        assert_eq!(span("令和5年4月"), month("2023-04"));
        assert_eq!(span("令和元年5月"), month("2019-05"));
        assert_eq!(span("R5年4月"), month("2023-04"));
        assert_eq!(span("R5"), range("2023-01", "2023-12"));
        assert_eq!(span("令和5年"), range("2023-01", "2023-12"));
        assert_eq!(span("令和元年"), range("2019-01", "2019-12"));
        assert_eq!(span("R5年度"), range("2023-04", "2024-03"));
        assert_eq!(span("令和5年度"), range("2023-04", "2024-03"));
        assert_eq!(span("令和元年度"), range("2019-04", "2020-03"));
        assert_eq!(span("平成27年度"), range("2015-04", "2016-03"));
        assert_eq!(span("2023年度"), range("2023-04", "2024-03"));
        assert_eq!(span("FY2023"), range("2023-04", "2024-03"));
        assert_eq!(span("2023-04"), month("2023-04"));
        assert_eq!(span("2023/4"), month("2023-04"));
        assert_eq!(span("2023年4月"), month("2023-04"));
        assert_eq!(span("S64.1"), month("1989-01"));
        assert_eq!(span("昭和63年12月"), month("1988-12"));
    }

    /// Tables copied from a PDF or a web page put a space before 年, 月
    /// or 日 (`2020 年度`, `2026 年`): read as without it.
    #[test]
    fn a_space_before_the_year_or_month_word_is_read_past() {
        let range = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(span("2020 年度"), range("2020-04", "2021-03"));
        assert_eq!(span("2026 年"), range("2026-01", "2026-12"));
        assert_eq!(span("H30.2　月末"), range("2018-02", "2018-02"));
        assert!(parse_span("20 20年度").is_err(), "digits stay together");
    }

    /// 工程表 date a value to the end of a fiscal year: its March.
    #[test]
    fn the_end_of_a_fiscal_year_is_its_march() {
        let month = |m: &str| (m.to_owned(), m.to_owned());
        assert_eq!(span("R3年度末"), month("2022-03"));
        assert_eq!(span("令和元年度末"), month("2020-03"));
        assert_eq!(span("2023年度末"), month("2024-03"));
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(span("H31.4"), ("2019-04".to_owned(), "2019-04".to_owned()));
        assert_eq!(span("R1.5"), ("2019-05".to_owned(), "2019-05".to_owned()));
        assert_eq!(span("H1.1"), ("1989-01".to_owned(), "1989-01".to_owned()));
        assert_eq!(
            refusal("H31.5"),
            "H31.5 is outside 平成 (H1.1 to H31.4); write R1.5"
        );
        assert_eq!(
            refusal("R1.4"),
            "R1.4 is outside 令和 (from R1.5); write H31.4"
        );
        assert_eq!(
            parse_span("H31.5").unwrap_err().say(Lang::Ja),
            "H31.5 は平成（H1.1〜H31.4）の外です。R1.5 と書いてください"
        );
        assert!(parse_span("S64.2").is_err());
    }

    #[test]
    fn refuses_with_reasons() {
        for (bad, reason) in [
            ("", "it is empty"),
            ("X5.4", "`X5.4` is not a date"),
            ("R5.13", "month 13 is not between 1 and 12"),
            ("R0.4", "era year 0 is not between 1 and 99"),
            ("R100.4", "era year 100 is not between 1 and 99"),
            (
                "23-04",
                "`23` is not a year; write it in four digits or as R5",
            ),
            ("R5.a", "`a` is not a month"),
        ] {
            assert_eq!(refusal(bad), reason, "{bad}");
        }
        assert_eq!(
            parse_span("R5.13").unwrap_err(),
            DateError::MonthOutOfRange { month: 13 }
        );
    }
}
