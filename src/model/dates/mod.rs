//! Japanese era dates, Gregorian dates and fiscal years, read and printed in
//! one place. Eras: Reiwa (R, 令和, from 2019-05), Heisei (H, 平成,
//! 1989-01 to 2019-04), Showa (S, 昭和, 1926-12 to 1989-01); year 1 may be
//! written 元. The fiscal year runs April to March: FY2023 = `R5年度` =
//! 2023-04..2024-03.

mod era;
mod month;
mod read;

pub use era::{Era, era_long, era_short, fiscal_year_label};
pub use month::{Span, YearMonth, fiscal_year, this_month};
pub use read::{DateError, MAX_ERA_YEAR, month_number, normalize, parse_span};
