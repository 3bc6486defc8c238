//! How text is written to a plan file: readable, never escaped. Single-line
//! text is an ordinary string; text spanning lines is a raw string so its line
//! breaks appear as real line breaks and no character needs escaping.

use serde::Serializer;
use serde::ser::{Error as _, SerializeSeq};

use super::money::BudgetError;
use super::period::Period;

#[allow(clippy::ptr_arg)] // serde's serialize_with passes &String
pub fn text<S: Serializer>(value: &String, serializer: S) -> Result<S::Ok, S::Error> {
    write_text(value, serializer)
}

#[allow(clippy::ptr_arg)]
pub fn text_list<S: Serializer>(values: &Vec<String>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(values.len()))?;
    for value in values {
        seq.serialize_element(&Text(value))?;
    }
    seq.end()
}

/// Short labels on one line: `["ⅰ", "ⅱ"]`.
#[allow(clippy::ptr_arg)]
pub fn inline_list<S: Serializer>(values: &Vec<String>, serializer: S) -> Result<S::Ok, S::Error> {
    let items: Vec<String> = values.iter().map(|v| literal(v)).collect();
    write_raw(format!("[{}]", items.join(", ")), serializer)
}

struct Text<'a>(&'a str);

impl serde::Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_text(self.0, serializer)
    }
}

pub(super) fn write_text<S: Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if value.contains('\n') {
        write_raw(raw_string(value), serializer)
    } else {
        serializer.serialize_str(value)
    }
}

/// Writes already-formed RON text in place of a value.
pub fn write_raw<S: Serializer>(ron_text: String, serializer: S) -> Result<S::Ok, S::Error> {
    let raw = ron::value::RawValue::from_boxed_ron(ron_text.into_boxed_str())
        .map_err(S::Error::custom)?;
    serde::Serialize::serialize(&raw, serializer)
}

/// A string as RON text, written the way `text` writes it.
pub fn literal(value: &str) -> String {
    if value.contains('\n') {
        return raw_string(value);
    }
    let config = ron::ser::PrettyConfig::new().escape_strings(false);
    ron::ser::to_string_pretty(value, config).unwrap_or_else(|_| raw_string(value))
}

/// `r#"…"#` with enough hashes that no `"#…` inside can end it early.
fn raw_string(value: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in value.chars() {
        run = if c == '#' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let hashes = "#".repeat(longest + 1);
    format!("r{hashes}\"{value}\"{hashes}")
}

/// An optional number written bare (`45.0`, not `Some(45.0)`), as users
/// write it.
#[allow(clippy::ref_option)] // serde's serialize_with passes &Option
pub(super) fn bare_number<S: serde::Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.serialize_f64(*v),
        None => serializer.serialize_none(),
    }
}

pub(super) fn present_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    <f64 as serde::Deserialize>::deserialize(deserializer).map(Some)
}

/// An optional amount written bare (`170000`), as budgets are.
#[allow(clippy::ref_option)] // serde's serialize_with passes &Option
pub(super) fn bare_amount<S: serde::Serializer>(
    value: &Option<u64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.serialize_u64(*v),
        None => serializer.serialize_none(),
    }
}

pub(super) fn present_amount<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    <Amount as serde::Deserialize>::deserialize(deserializer).map(|a| Some(a.0))
}

/// An amount as a plan file holds it: a whole number. A decimal (`33.6`)
/// or text (`"1,200"`) is refused, saying why, in either language.
pub(super) struct Amount(pub u64);

impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Whole;
        impl serde::de::Visitor<'_> for Whole {
            type Value = Amount;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                u64::try_from(v)
                    .map(Amount)
                    .map_err(|_| not_whole(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
                Err(super::refused::refuse(BudgetError::Fraction {
                    text: v.to_string(),
                }))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
                Err(not_whole(format!("\"{v}\"")))
            }
        }
        fn not_whole<E: serde::de::Error>(text: String) -> E {
            super::refused::refuse(BudgetError::NotABudget { text })
        }
        deserializer.deserialize_any(Whole)
    }
}

/// An optional period written bare (`"H27.4"`, not `Some("H27.4")`).
#[allow(clippy::ref_option)] // serde's serialize_with passes &Option
pub(super) fn bare_period<S: serde::Serializer>(
    period: &Option<Period>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match period {
        Some(p) => serializer.serialize_str(p.as_str()),
        None => serializer.serialize_none(),
    }
}

pub(super) fn present_period<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Period>, D::Error> {
    <Period as serde::Deserialize>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::raw_string;

    #[test]
    fn raw_string_outlasts_hashes_inside() {
        assert_eq!(raw_string("a\nb"), "r#\"a\nb\"#");
        assert_eq!(raw_string("x\"#y\n"), "r##\"x\"#y\n\"##");
    }
}
