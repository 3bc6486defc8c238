//! The Japanese eras a plan's dates are written in, and months printed in
//! their notation (`R5.4`, `令和5年4月`, `R5年度`).

use super::month::YearMonth;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    pub(super) const ALL: [Era; 3] = [Era::Reiwa, Era::Heisei, Era::Showa];

    pub fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    pub fn kanji(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// Gregorian year of era year 1.
    pub(super) fn first_year(self) -> i32 {
        match self {
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// First and last month of the era (by the month its first day falls in).
    pub fn months(self) -> (YearMonth, Option<YearMonth>) {
        let ym = |year, month| YearMonth { year, month };
        match self {
            Era::Showa => (ym(1926, 12), Some(ym(1989, 1))),
            Era::Heisei => (ym(1989, 1), Some(ym(2019, 4))),
            Era::Reiwa => (ym(2019, 5), None),
        }
    }

    pub(super) fn contains(self, month: YearMonth) -> bool {
        let (first, last) = self.months();
        month >= first && last.is_none_or(|last| month <= last)
    }

    /// The era a month belongs to (the later era in a month two share).
    pub fn of(month: YearMonth) -> Option<Era> {
        Era::ALL.into_iter().find(|era| era.contains(month))
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

#[cfg(test)]
mod tests {
    use super::{YearMonth, era_long, era_short, fiscal_year_label};

    fn ym(year: i32, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn fiscal_years_take_the_name_of_their_may() {
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
    }
}
