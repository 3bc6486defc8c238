//! A KPI over time as published tables give it: targets that are a number
//! or a phrase (`全国1位`), targets for later years (中間目標, 長期的目標),
//! and measurements dated finer than a fiscal year (`H30.2月末`). Each is
//! written on one line of the file, like a row of the table.

use serde::{Deserialize, Serialize};

use super::dates::{self, YearMonth};
use super::period::Period;
use super::text_serde::{literal, present_period, write_raw, write_text};

/// What a target asks for: a number, or a phrase no rate can be computed
/// from (`全国1位`, `前年度実績値を下回らない`, `なし`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum TargetValue {
    Number(f64),
    Text(String),
}

impl TargetValue {
    pub fn number(&self) -> Option<f64> {
        match self {
            TargetValue::Number(n) => Some(*n),
            TargetValue::Text(_) => None,
        }
    }

    /// As RON writes it: a number bare (as before phrases were allowed), a
    /// phrase as a string.
    fn ron(&self) -> String {
        match self {
            TargetValue::Number(n) => format!("{n:?}"),
            TargetValue::Text(t) => literal(t),
        }
    }
}

impl Serialize for TargetValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TargetValue::Number(n) => serializer.serialize_f64(*n),
            TargetValue::Text(t) => write_text(t, serializer),
        }
    }
}

/// What a target for a later year is, as the tables name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetKind {
    /// 中間目標, 今年度目標値.
    Interim,
    /// 長期的目標値.
    LongTerm,
}

/// A target for a year or a date besides the KPI's main target, in the
/// main target's unit and direction.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedTarget {
    pub at: Period,
    pub value: TargetValue,
    #[serde(default, deserialize_with = "present_kind")]
    pub kind: Option<TargetKind>,
}

impl DatedTarget {
    /// The fiscal year the target is for: the one its period ends in, as a
    /// target is to be reached by then.
    pub fn fiscal_year(&self) -> Option<i32> {
        self.at.end().or(self.at.start()).map(dates::fiscal_year)
    }
}

impl Serialize for DatedTarget {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut ron_text = format!(
            "(at: {}, value: {}",
            literal(self.at.as_str()),
            self.value.ron()
        );
        if let Some(kind) = self.kind {
            ron_text.push_str(&format!(", kind: {kind:?}"));
        }
        ron_text.push(')');
        write_raw(ron_text, serializer)
    }
}

/// A KPI's measured value: for a fiscal year, or (with `at`) for a
/// quarter, month or day within it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// Gregorian year in which the fiscal year starts.
    pub fiscal_year: i32,
    /// When within the fiscal year it was measured (`H30.2月末`,
    /// `R5.6.30`); absent for the year as a whole.
    #[serde(default, deserialize_with = "present_period")]
    pub at: Option<Period>,
    pub value: f64,
}

impl Actual {
    /// The last month the value speaks for, to find the latest: a value
    /// for a whole fiscal year speaks for its March.
    pub fn last_month(&self) -> YearMonth {
        self.at
            .as_ref()
            .and_then(|at| at.end().or(at.start()))
            .unwrap_or(YearMonth {
                year: self.fiscal_year + 1,
                month: 3,
            })
    }
}

impl Serialize for Actual {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let at = self
            .at
            .as_ref()
            .map(|at| format!("at: {}, ", literal(at.as_str())))
            .unwrap_or_default();
        let ron_text = format!(
            "(fiscal_year: {}, {at}value: {:?})",
            self.fiscal_year, self.value
        );
        write_raw(ron_text, serializer)
    }
}

fn present_kind<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<TargetKind>, D::Error> {
    TargetKind::deserialize(deserializer).map(Some)
}
