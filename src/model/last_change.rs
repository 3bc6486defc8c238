//! Who last saved a change to a project, and when: written on one line
//! without RON's `Some(…)`.

use serde::{Deserialize, Serialize};

use super::text_serde::{literal, text, write_raw};

/// Recorded when a changed project is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastChange {
    #[serde(serialize_with = "text")]
    pub user: String,
    /// Local time, `2026-11-28 10:32`.
    #[serde(serialize_with = "text")]
    pub at: String,
}

#[allow(clippy::ref_option)] // serde's serialize_with passes &Option
pub(super) fn bare_change<S: serde::Serializer>(
    change: &Option<Box<LastChange>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match change {
        Some(c) => write_raw(
            format!("(user: {}, at: {})", literal(&c.user), literal(&c.at)),
            serializer,
        ),
        None => serializer.serialize_none(),
    }
}

pub(super) fn present_change<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Box<LastChange>>, D::Error> {
    LastChange::deserialize(deserializer).map(|c| Some(Box::new(c)))
}
