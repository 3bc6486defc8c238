//! Calendar months, the spans a written date stands for, and the fiscal
//! year (April to March) a month is in.

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

/// The months a written date stands for: one month, a calendar year or a
/// fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: YearMonth,
    pub end: YearMonth,
}

impl Span {
    pub(super) fn month(month: YearMonth) -> Self {
        Self {
            start: month,
            end: month,
        }
    }

    pub(super) fn calendar_year(year: i32) -> Self {
        Self {
            start: YearMonth { year, month: 1 },
            end: YearMonth { year, month: 12 },
        }
    }

    /// Quarter `q` (1 to 4) of FY`year`: April–June is the first, January–
    /// March of the next year the fourth.
    pub(super) fn quarter(year: i32, q: u8) -> Self {
        let first = 4 + 3 * (q.clamp(1, 4) - 1);
        let (year, month) = if first > 12 {
            (year.saturating_add(1), first - 12)
        } else {
            (year, first)
        };
        Self {
            start: YearMonth { year, month },
            end: YearMonth {
                year,
                month: month + 2,
            },
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

/// This month, by the local clock.
pub fn this_month() -> YearMonth {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    YearMonth {
        year: today.year(),
        month: u8::try_from(today.month()).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::{YearMonth, fiscal_year};

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn fiscal_year_edges() {
        assert_eq!(fiscal_year(ym(2024, 3)), 2023);
        assert_eq!(fiscal_year(ym(2024, 4)), 2024);
        assert_eq!(fiscal_year(ym(2023, 12)), 2023);
        assert_eq!(ym(2023, 4).to_string(), "2023-04");
    }
}
