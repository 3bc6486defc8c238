//! Headings above the strategies (分野 → 戦略の柱 in Kochi's plan): each
//! groups the strategies that name it or a heading under it. A strategy
//! names the lowest heading it stands under (`under`, the heading's id),
//! a heading the one above it, so reordering strategies or renaming a
//! heading moves nothing else.

use serde::{Deserialize, Serialize};

use super::plan::{NodeKey, Plan};
use super::text_serde::text;

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

impl Plan {
    /// Index of the heading with id `id`.
    pub fn heading_index(&self, id: &str) -> Option<usize> {
        self.headings.iter().position(|h| h.id == id)
    }

    /// The headings above heading `h`, top first, with `h` last; stops at a
    /// heading named twice on the way (a loop `check` reports).
    pub fn heading_chain(&self, h: usize) -> Vec<usize> {
        let mut chain = vec![h];
        let mut at = h;
        while let Some(up) = self.heading_index(&self.headings[at].under) {
            if chain.contains(&up) {
                break;
            }
            chain.push(up);
            at = up;
        }
        chain.reverse();
        chain
    }

    /// The headings above strategy `s`, top first (none when it names no
    /// heading, or one the plan does not have).
    pub fn headings_of(&self, s: usize) -> Vec<usize> {
        self.strategies
            .get(s)
            .and_then(|strategy| self.heading_index(&strategy.under))
            .map_or_else(Vec::new, |h| self.heading_chain(h))
    }
}
