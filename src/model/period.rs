//! Periods in the notation of Japanese plan tables: era year.month (`R5.4`),
//! ranges with `～` or `~` (`R5.4～R6.3`), an end month without a year
//! (`R5.4～9`, same year as the start) and open ends (`R5.4～`, `～R6.3`).
//! The text the user wrote is kept and shown as written; the parsed months are
//! used for ordering and validation.

use std::fmt;

/// A calendar month, Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A Japanese era: the letter used in tables and the Gregorian year of its
/// first year (so that era year 1 maps to `first_year`).
struct Era {
    letter: char,
    first_year: i32,
}

const ERAS: [Era; 3] = [
    Era {
        letter: 'R',
        first_year: 2019,
    },
    Era {
        letter: 'H',
        first_year: 1989,
    },
    Era {
        letter: 'S',
        first_year: 1926,
    },
];

/// No era has lasted longer; also keeps the arithmetic far from overflow.
const MAX_ERA_YEAR: i32 = 99;

/// A single month or a range of months, with the text it was written as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    text: String,
    start: Option<YearMonth>,
    end: Option<YearMonth>,
}

/// Why a period could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid period `{text}`: {reason} (expected e.g. R5.4, R5.4～R6.3, R5.4～9, R5.4～)")]
pub struct PeriodError {
    pub text: String,
    pub reason: String,
}

impl Period {
    /// Parses `text`; surrounding spaces are ignored but otherwise the text is
    /// kept exactly as written.
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let fail = |reason: &str| PeriodError {
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let trimmed = text.trim_matches(is_space);
        if trimmed.is_empty() {
            return Err(fail("it is empty"));
        }
        let (start, end) = match trimmed.split_once(['～', '~', '〜']) {
            None => {
                let month = parse_era_month(trimmed).map_err(|r| fail(&r))?;
                (Some(month), Some(month))
            }
            Some((left, right)) => {
                let (left, right) = (left.trim_matches(is_space), right.trim_matches(is_space));
                if left.is_empty() && right.is_empty() {
                    return Err(fail("a range needs a start or an end"));
                }
                let start = if left.is_empty() {
                    None
                } else {
                    Some(parse_era_month(left).map_err(|r| fail(&r))?)
                };
                let end = if right.is_empty() {
                    None
                } else {
                    Some(parse_range_end(right, start).map_err(|r| fail(&r))?)
                };
                (start, end)
            }
        };
        Ok(Self {
            text: trimmed.to_owned(),
            start,
            end,
        })
    }

    /// The text as the user wrote it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn start(&self) -> Option<YearMonth> {
        self.start
    }

    pub fn end(&self) -> Option<YearMonth> {
        self.end
    }

    /// True when both ends are known and the end comes before the start.
    pub fn is_reversed(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e < s)
    }

    /// The Gregorian reading, e.g. `2023-04..2024-03`, `2023-04..` or `2023-05`.
    pub fn gregorian(&self) -> String {
        let show = |m: Option<YearMonth>| m.map(|m| m.to_string()).unwrap_or_default();
        if self.start.is_some() && self.start == self.end && !self.is_range_text() {
            show(self.start)
        } else {
            format!("{}..{}", show(self.start), show(self.end))
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

/// Full-width digits and dots count as their ASCII forms; tables mix both.
fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            'Ｒ' | 'ｒ' | 'r' => 'R',
            'Ｈ' | 'ｈ' | 'h' => 'H',
            'Ｓ' | 'ｓ' | 's' => 'S',
            _ => c,
        })
        .collect()
}

/// `R5.4` → April 2023.
fn parse_era_month(text: &str) -> Result<YearMonth, String> {
    let text = normalize(text);
    let mut chars = text.chars();
    let letter = chars.next().ok_or("missing era")?;
    let era = ERAS
        .iter()
        .find(|e| e.letter == letter)
        .ok_or_else(|| format!("`{letter}` is not an era (R, H or S)"))?;
    let rest = chars.as_str();
    let (year, month) = rest
        .split_once('.')
        .ok_or_else(|| format!("`{text}` needs a month after the year, as in R5.4"))?;
    let year: i32 = parse_number(year, "year")?;
    if !(1..=MAX_ERA_YEAR).contains(&year) {
        return Err(format!(
            "era year {year} is not between 1 and {MAX_ERA_YEAR}"
        ));
    }
    Ok(YearMonth {
        year: era.first_year + year - 1,
        month: parse_month(month)?,
    })
}

/// The end of a range: a full era month, or a bare month meaning the start's
/// year (`R5.4～9` ends September 2023).
fn parse_range_end(text: &str, start: Option<YearMonth>) -> Result<YearMonth, String> {
    let normalized = normalize(text);
    if normalized.chars().all(|c| c.is_ascii_digit()) {
        let start = start.ok_or("an end month without a year needs a start")?;
        return Ok(YearMonth {
            year: start.year,
            month: parse_month(&normalized)?,
        });
    }
    parse_era_month(text)
}

fn parse_month(text: &str) -> Result<u8, String> {
    let month: u8 = parse_number(text, "month")?;
    if (1..=12).contains(&month) {
        Ok(month)
    } else {
        Err(format!("month {month} is not between 1 and 12"))
    }
}

fn parse_number<T: std::str::FromStr>(text: &str, what: &str) -> Result<T, String> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("`{text}` is not a {what}"));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is not a {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            ("X5.4", "`X` is not an era (R, H or S)"),
            ("R5", "`R5` needs a month after the year, as in R5.4"),
            ("R5.13", "month 13 is not between 1 and 12"),
            ("R0.4", "era year 0 is not between 1 and 99"),
            (
                "R2147483647.4",
                "era year 2147483647 is not between 1 and 99",
            ),
            ("R99999999999.4", "`99999999999` is not a year"),
            ("R5.4～Q", "`Q` is not an era (R, H or S)"),
            ("～9", "an end month without a year needs a start"),
            ("R5.a", "`a` is not a month"),
        ];
        for (bad, reason) in cases {
            let err = Period::parse(bad).unwrap_err();
            assert_eq!((err.text.as_str(), err.reason.as_str()), (bad, reason));
        }
    }
}
