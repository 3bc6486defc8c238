//! Japanese era dates, Gregorian dates and fiscal years, read and printed in
//! one place. Eras: Reiwa (R, 令和, from 2019-05), Heisei (H, 平成,
//! 1989-01 to 2019-04), Showa (S, 昭和, 1926-12 to 1989-01); year 1 may be
//! written 元. The fiscal year runs April to March: FY2023 = `R5年度` =
//! 2023-04..2024-03.

use super::period::YearMonth;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    const ALL: [Era; 3] = [Era::Reiwa, Era::Heisei, Era::Showa];

    fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// Gregorian year of era year 1.
    fn first_year(self) -> i32 {
        match self {
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// First and last month of the era (by the month its first day falls in).
    fn months(self) -> (YearMonth, Option<YearMonth>) {
        let ym = |year, month| YearMonth { year, month };
        match self {
            Era::Showa => (ym(1926, 12), Some(ym(1989, 1))),
            Era::Heisei => (ym(1989, 1), Some(ym(2019, 4))),
            Era::Reiwa => (ym(2019, 5), None),
        }
    }

    fn contains(self, month: YearMonth) -> bool {
        let (first, last) = self.months();
        month >= first && last.is_none_or(|last| month <= last)
    }

    /// The era a month belongs to (the later era in a month two share).
    pub fn of(month: YearMonth) -> Option<Era> {
        Era::ALL.into_iter().find(|era| era.contains(month))
    }
}

/// No era has lasted longer; also keeps the arithmetic far from overflow.
const MAX_ERA_YEAR: i32 = 99;

/// The months a written date stands for: one month, a calendar year or a
/// fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: YearMonth,
    pub end: YearMonth,
}

impl Span {
    fn month(month: YearMonth) -> Self {
        Self {
            start: month,
            end: month,
        }
    }

    fn calendar_year(year: i32) -> Self {
        Self {
            start: YearMonth { year, month: 1 },
            end: YearMonth { year, month: 12 },
        }
    }

    /// FY`year`: April of `year` to March of the next.
    pub fn fiscal_year(year: i32) -> Self {
        Self {
            start: YearMonth { year, month: 4 },
            end: YearMonth {
                year: year.saturating_add(1),
                month: 3,
            },
        }
    }
}

/// The fiscal year a month is in.
pub fn fiscal_year(month: YearMonth) -> i32 {
    if month.month >= 4 {
        month.year
    } else {
        month.year - 1
    }
}

/// `R5.4`: the short era form of plan tables.
pub fn era_short(month: YearMonth) -> String {
    match Era::of(month) {
        Some(era) => format!(
            "{}{}.{}",
            era.letter(),
            month.year - era.first_year() + 1,
            month.month
        ),
        None => month.to_string(),
    }
}

/// `令和5年4月`, `令和元年5月`.
pub fn era_long(month: YearMonth) -> String {
    match Era::of(month) {
        Some(era) => {
            let year = month.year - era.first_year() + 1;
            let year = if year == 1 {
                "元".to_owned()
            } else {
                year.to_string()
            };
            format!("{}{year}年{}月", era.kanji(), month.month)
        }
        None => format!("{}年{}月", month.year, month.month),
    }
}

/// `R5年度` for FY2023. A fiscal year in which the era changed takes the
/// new era's name (FY2019 is 令和元年度), so its May decides.
pub fn fiscal_year_label(year: i32) -> String {
    match Era::of(YearMonth { year, month: 5 }) {
        Some(era) => format!("{}{}年度", era.letter(), year - era.first_year() + 1),
        None => format!("{year}年度"),
    }
}

/// This month, by the local clock.
pub fn this_month() -> YearMonth {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    YearMonth {
        year: today.year(),
        month: u8::try_from(today.month()).unwrap_or(1),
    }
}

/// Full-width digits and letters as ASCII; `元` stays.
pub fn normalize(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
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
pub fn parse_span(text: &str) -> Result<Span, String> {
    let text = normalize(text);
    if text.is_empty() {
        return Err("it is empty".to_owned());
    }
    if let Some(year) = text.strip_prefix("FY").or_else(|| text.strip_prefix("fy")) {
        return Ok(Span::fiscal_year(number(year, "year")?));
    }
    if let Some(year) = text.strip_suffix("年度") {
        return Ok(Span::fiscal_year(any_year(year)?));
    }
    let (era, rest) = split_era(&text);
    match era {
        Some(era) => era_date(era, rest),
        None => gregorian_date(&text),
    }
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
        {
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '元') {
                return (Some(era), rest);
            }
        }
    }
    (None, text)
}

/// A Gregorian year, or an era year as in `R5` / `令和元`.
fn any_year(text: &str) -> Result<i32, String> {
    let text = text.strip_suffix('年').unwrap_or(text);
    match split_era(text) {
        (Some(era), rest) => Ok(era.first_year() + era_year(rest)? - 1),
        (None, rest) => number(rest, "year"),
    }
}

fn era_year(text: &str) -> Result<i32, String> {
    let year = if text == "元" {
        1
    } else {
        number(text, "year")?
    };
    if (1..=MAX_ERA_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(format!(
            "era year {year} is not between 1 and {MAX_ERA_YEAR}"
        ))
    }
}

/// After the era: `5.4`, `5`, `5年4月`, `元年5月`, `5年`.
fn era_date(era: Era, rest: &str) -> Result<Span, String> {
    let (year, month) = match rest.split_once(['.', '年']) {
        Some((year, month)) => (year, month.strip_suffix('月').unwrap_or(month)),
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
        let (first, last) = era.months();
        let other = Era::of(month)
            .map(|_| era_short(month))
            .unwrap_or_else(|| month.to_string());
        let bounds = match last {
            Some(last) => format!("{} to {}", era_short(first), era_short(last)),
            None => format!("from {}", era_short(first)),
        };
        return Err(format!(
            "{}{} is outside {} ({bounds}); write {other}",
            era.letter(),
            rest,
            era.kanji()
        ));
    }
    Ok(Span::month(month))
}

/// `2023-04`, `2023/4`, `2023.4`, `2023年4月`, `2023`.
fn gregorian_date(text: &str) -> Result<Span, String> {
    let (year, month) = match text.split_once(['-', '/', '.', '年']) {
        Some((year, month)) => (year, month.strip_suffix('月').unwrap_or(month)),
        None => (text, ""),
    };
    if !year.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!("`{text}` is not a date"));
    }
    let year = number(year, "year")?;
    if !(1000..=9999).contains(&year) {
        return Err(format!(
            "`{year}` is not a year; write it in four digits or as R5"
        ));
    }
    if month.is_empty() {
        return Ok(Span::calendar_year(year));
    }
    Ok(Span::month(YearMonth {
        year,
        month: month_number(month)?,
    }))
}

pub(crate) fn month_number(text: &str) -> Result<u8, String> {
    let month: u8 = number(text, "month")?;
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(format!("month {month} is not between 1 and 12"))
    }
}

fn number<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, String> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("`{text}` is not a {what}"));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is not a {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    fn span(text: &str) -> (String, String) {
        let s = parse_span(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (s.start.to_string(), s.end.to_string())
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

    #[test]
    fn era_boundaries() {
        assert_eq!(
            span("H31.4"),
            (String::from("2019-04"), String::from("2019-04"))
        );
        assert_eq!(
            span("R1.5"),
            (String::from("2019-05"), String::from("2019-05"))
        );
        assert_eq!(
            span("H1.1"),
            (String::from("1989-01"), String::from("1989-01"))
        );
        assert_eq!(
            parse_span("H31.5").unwrap_err(),
            "H31.5 is outside 平成 (H1.1 to H31.4); write R1.5"
        );
        assert_eq!(
            parse_span("R1.4").unwrap_err(),
            "R1.4 is outside 令和 (from R1.5); write H31.4"
        );
        assert!(parse_span("S64.2").is_err());
    }

    #[test]
    fn fiscal_year_edges() {
        assert_eq!(fiscal_year(ym(2024, 3)), 2023);
        assert_eq!(fiscal_year(ym(2024, 4)), 2024);
        assert_eq!(fiscal_year(ym(2023, 12)), 2023);
        assert_eq!(fiscal_year_label(2023), "R5年度");
        assert_eq!(
            fiscal_year_label(2019),
            "R1年度",
            "FY2019 is named 令和元年度"
        );
        assert_eq!(fiscal_year_label(2018), "H30年度");
    }

    #[test]
    fn prints_era_and_gregorian() {
        assert_eq!(era_short(ym(2023, 4)), "R5.4");
        assert_eq!(era_short(ym(2026, 11)), "R8.11");
        assert_eq!(era_short(ym(2019, 4)), "H31.4");
        assert_eq!(era_short(ym(2019, 5)), "R1.5");
        assert_eq!(era_long(ym(2019, 5)), "令和元年5月");
        assert_eq!(era_long(ym(1989, 1)), "平成元年1月");
        assert_eq!(ym(2023, 4).to_string(), "2023-04");
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
            assert_eq!(parse_span(bad).unwrap_err(), reason, "{bad}");
        }
    }
}
