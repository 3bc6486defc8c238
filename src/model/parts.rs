//! The parts of a plan's shape as the file holds them: the role a level
//! plays and the headings above strategies. Only data: what a plan does
//! with them is in `levels` and `headings`.

use serde::{Deserialize, Serialize};

use super::ids::NodeKey;
use super::text_serde::text;

/// The parts of a plan, in the order they nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Groups strategies (and headings of the level below).
    Heading,
    Strategy,
    Kpi,
    Measure,
    Project,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// Written always: strategies and headings name it.
    pub id: NodeKey,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub label: String,
    #[serde(serialize_with = "text")]
    pub name: String,
    /// The department in charge (担当課) of everything under it that names
    /// none of its own.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        serialize_with = "text"
    )]
    pub owner: String,
    /// The id of the heading one level up; empty at the top level.
    #[serde(default, skip_serializing_if = "NodeKey::is_empty")]
    pub under: NodeKey,
}
