//! Periods in the notation of Japanese plan tables: era year.month (`R5.4`),
//! ranges with `～` or `~` (`R5.4～R6.3`), an end month without a year
//! (`R5.4～9`, same year as the start) and open ends (`R5.4～`, `～R6.3`).
//! The text the user wrote is kept and shown as written; the parsed months are
//! used for ordering and validation.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::dates::{self, DateError, YearMonth};

/// The forms a refusal lists.
pub const ACCEPTED: &str = "R5.4, R5.4～R6.3, R5.4～9, R5.4～, ～R6.3, 令和5年4月～令和6年3月, H31.4, \
    R5年度, R5年度末, R5年度第2四半期, 平成27年度～平成30年度, 2023-04..2024-03, 2023/4～2024/3";

/// A single month or a range of months, with the text it was written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Inline up to 24 bytes: most periods (`R7.4～R8.3`) take no
    /// allocation of their own, which counts in plans of 100,000 projects.
    text: compact_str::CompactString,
    start: Month,
    end: Month,
}

/// A month or none in four bytes: every progress entry has a date, so a
/// period's size counts in large plans. 0 is none; otherwise the year
/// (offset to be positive) and the month, which is never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Month(u32);

impl Month {
    const YEAR_OFFSET: i32 = 1 << 27;

    fn pack(month: Option<YearMonth>) -> Self {
        Self(month.map_or(0, |m| {
            let year = u32::try_from(m.year.saturating_add(Self::YEAR_OFFSET)).unwrap_or(0);
            (year << 4) | u32::from(m.month & 0xf)
        }))
    }

    fn get(self) -> Option<YearMonth> {
        (self.0 != 0).then(|| YearMonth {
            year: i32::try_from(self.0 >> 4).unwrap_or(0) - Self::YEAR_OFFSET,
            month: u8::try_from(self.0 & 0xf).unwrap_or(0),
        })
    }
}

/// Why a period could not be read: the text as written, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PeriodError {
    pub text: String,
    pub reason: PeriodReason,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodReason {
    Empty,
    /// `～` alone.
    NoEnds,
    /// `～9`: an end month without a year, and no start to take it from.
    EndMonthWithoutStart,
    Date(#[from] DateError),
}

impl Period {
    /// Parses `text`; surrounding spaces are ignored but otherwise the text is
    /// kept exactly as written. Each side of a range may be a month, a
    /// calendar year or a fiscal year (see `dates`); a range covers from the
    /// first month of its start to the last month of its end.
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let fail = |reason: PeriodReason| PeriodError {
            text: text.to_owned(),
            reason,
        };
        let date = |e: DateError| fail(e.into());
        let trimmed = text.trim_matches(is_space);
        if trimmed.is_empty() {
            return Err(fail(PeriodReason::Empty));
        }
        let (start, end) = match split_range(trimmed) {
            None => {
                let span = dates::parse_span(trimmed).map_err(date)?;
                (Some(span.start), Some(span.end))
            }
            Some((left, right)) => {
                if left.is_empty() && right.is_empty() {
                    return Err(fail(PeriodReason::NoEnds));
                }
                let start = if left.is_empty() {
                    None
                } else {
                    Some(dates::parse_span(left).map_err(date)?.start)
                };
                let end = if right.is_empty() {
                    None
                } else {
                    Some(parse_range_end(right, start).map_err(fail)?)
                };
                (start, end)
            }
        };
        Ok(Self {
            text: trimmed.into(),
            start: Month::pack(start),
            end: Month::pack(end),
        })
    }

    /// The text as the user wrote it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn start(&self) -> Option<YearMonth> {
        self.start.get()
    }

    pub fn end(&self) -> Option<YearMonth> {
        self.end.get()
    }

    /// True when both ends are known and the end comes before the start.
    pub fn is_reversed(&self) -> bool {
        matches!((self.start(), self.end()), (Some(s), Some(e)) if e < s)
    }

    /// The Gregorian reading, e.g. `2023-04..2024-03`, `2023-04..` or `2023-05`.
    pub fn gregorian(&self) -> String {
        let show = |m: Option<YearMonth>| m.map(|m| m.to_string()).unwrap_or_default();
        let (start, end) = (self.start(), self.end());
        if start.is_some() && start == end && !self.is_range_text() {
            show(start)
        } else {
            format!("{}..{}", show(start), show(end))
        }
    }

    fn is_range_text(&self) -> bool {
        self.text.contains(['～', '~', '〜'])
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// `A～B`, `A~B`, `A〜B` or `A..B`, split at the first separator.
fn split_range(text: &str) -> Option<(&str, &str)> {
    let at = ["～", "~", "〜", ".."]
        .iter()
        .filter_map(|sep| text.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let (left, right) = (&text[..at.0], &text[at.0 + at.1..]);
    Some((left.trim_matches(is_space), right.trim_matches(is_space)))
}

/// The end of a range: a date (its last month), or a bare month meaning the
/// start's year (`R5.4～9` ends September 2023).
fn parse_range_end(text: &str, start: Option<YearMonth>) -> Result<YearMonth, PeriodReason> {
    let normalized = dates::normalize(text);
    let bare = normalized.strip_suffix('月').unwrap_or(&normalized);
    if !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) && bare.len() <= 2 {
        let start = start.ok_or(PeriodReason::EndMonthWithoutStart)?;
        return Ok(YearMonth {
            year: start.year,
            month: dates::month_number(bare)?,
        });
    }
    Ok(dates::parse_span(text)?.end)
}

/// Written as it was typed: `"R5.4～R6.3"`.
impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse(&text).map_err(super::refused::refuse)
    }
}

#[cfg(test)]
mod tests {
    use super::{Month, Period, YearMonth};

    #[test]
    fn months_are_kept_exactly_in_their_small_form() {
        for year in [1, 1868, 1989, 2019, 2024, 2100, 9999] {
            for month in 1..=12 {
                let m = Some(YearMonth { year, month });
                assert_eq!(Month::pack(m).get(), m);
            }
        }
        assert_eq!(Month::pack(None).get(), None);
    }

    fn ym(year: i32, month: u8) -> Option<YearMonth> {
        Some(YearMonth { year, month })
    }

    #[test]
    fn parses_every_form_of_the_source_table() {
        let cases = [
            ("R5.4～R6.3", ym(2023, 4), ym(2024, 3)),
            ("R5.4～9", ym(2023, 4), ym(2023, 9)),
            ("R5.4～", ym(2023, 4), None),
            ("R4.10～", ym(2022, 10), None),
            ("R5.5", ym(2023, 5), ym(2023, 5)),
            ("R5.4~R6.3", ym(2023, 4), ym(2024, 3)),
            ("～R6.3", None, ym(2024, 3)),
            ("R1.5", ym(2019, 5), ym(2019, 5)),
            ("H31.4", ym(2019, 4), ym(2019, 4)),
            ("H1.1", ym(1989, 1), ym(1989, 1)),
            ("R５.４～R６.３", ym(2023, 4), ym(2024, 3)),
            ("R5.4 ～ R6.3", ym(2023, 4), ym(2024, 3)),
            ("R5.4~", ym(2023, 4), None),
            ("令和5年4月～令和6年3月", ym(2023, 4), ym(2024, 3)),
            ("R5年度", ym(2023, 4), ym(2024, 3)),
            ("令和元年度", ym(2019, 4), ym(2020, 3)),
            ("平成27年度～平成30年度", ym(2015, 4), ym(2019, 3)),
            ("2023-04..2024-03", ym(2023, 4), ym(2024, 3)),
            ("2023/4～2024/3", ym(2023, 4), ym(2024, 3)),
            ("R5.4～9月", ym(2023, 4), ym(2023, 9)),
            ("H28年度末", ym(2017, 3), ym(2017, 3)),
            ("2025年度末", ym(2026, 3), ym(2026, 3)),
            ("H25末", ym(2014, 3), ym(2014, 3)),
            ("H30.2月末", ym(2018, 2), ym(2018, 2)),
            ("平成26年度 第2四半期", ym(2014, 7), ym(2014, 9)),
            ("R5年度Q4", ym(2024, 1), ym(2024, 3)),
            ("H27.4月～H30.2月末", ym(2015, 4), ym(2018, 2)),
        ];
        for (text, start, end) in cases {
            let p = Period::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((p.start(), p.end()), (start, end), "{text}");
            assert_eq!(p.as_str(), text, "kept as written");
        }
    }

    #[test]
    fn gregorian_reading() {
        assert_eq!(
            Period::parse("R5.4～9").unwrap().gregorian(),
            "2023-04..2023-09"
        );
        assert_eq!(Period::parse("R4.10～").unwrap().gregorian(), "2022-10..");
        assert_eq!(Period::parse("R5.5").unwrap().gregorian(), "2023-05");
    }

    #[test]
    fn reversed_range_is_detected_not_refused() {
        let p = Period::parse("R6.3～R5.4").unwrap();
        assert!(p.is_reversed());
        assert!(Period::parse("R5.9～4").unwrap().is_reversed());
        assert!(!Period::parse("R5.4～").unwrap().is_reversed());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        let cases = [
            ("", "it is empty"),
            ("～", "a range needs a start or an end"),
            ("X5.4", "`X5.4` is not a date"),
            ("R5.13", "month 13 is not between 1 and 12"),
            ("R0.4", "era year 0 is not between 1 and 99"),
            (
                "R2147483647.4",
                "era year 2147483647 is not between 1 and 99",
            ),
            ("R99999999999.4", "`99999999999` is not a year"),
            ("R5.4～Q", "`Q` is not a date"),
            ("～9", "an end month without a year needs a start"),
            ("R5.a", "`a` is not a month"),
        ];
        for (bad, reason) in cases {
            let err = Period::parse(bad).unwrap_err();
            assert_eq!(
                (err.text.as_str(), err.reason.to_string()),
                (bad, reason.to_owned())
            );
            assert!(err.to_string().contains("accepted: R5.4"), "{err}");
        }
    }
}
