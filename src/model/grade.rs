//! Evaluation scales. Real tables use different ones (順調 / 概ね順調 /
//! やや遅れ / 遅れ, ◎ ○ △ ×, A–D); a plan file may set its own, else the
//! default below applies. Each grade has a marker shown in the tree
//! together with its colour, so meaning never rests on colour alone.

use serde::{Deserialize, Serialize};

use super::text_serde::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    #[serde(serialize_with = "text")]
    pub name: String,
    /// One or two characters shown in the tree, e.g. `遅` or `C`.
    #[serde(serialize_with = "text")]
    pub marker: String,
    pub colour: Colour,
    /// The project is finished: never counted as overdue.
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Colour {
    Green,
    Cyan,
    Blue,
    Yellow,
    Red,
    Magenta,
    Gray,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes &bool
fn is_false(value: &bool) -> bool {
    !value
}

/// 順調 / 概ね順調 / やや遅れ / 遅れ / 完了 / 未着手.
pub fn default_scale() -> Vec<Grade> {
    let grade = |name: &str, marker: &str, colour, done| Grade {
        name: name.to_owned(),
        marker: marker.to_owned(),
        colour,
        done,
    };
    vec![
        grade("順調", "順", Colour::Green, false),
        grade("概ね順調", "概", Colour::Cyan, false),
        grade("やや遅れ", "や", Colour::Yellow, false),
        grade("遅れ", "遅", Colour::Red, false),
        grade("完了", "完", Colour::Blue, true),
        grade("未着手", "未", Colour::Gray, false),
    ]
}

/// The default scale is not written to the file.
#[allow(clippy::ptr_arg)] // serde's skip_serializing_if passes &Vec
pub fn is_default_scale(scale: &Vec<Grade>) -> bool {
    *scale == default_scale()
}

/// The grade named `name` (or with that marker) in `scale`.
pub fn find<'a>(scale: &'a [Grade], name: &str) -> Option<&'a Grade> {
    scale.get(position(scale, name)?)
}

/// Where the grade named `name` (or with that marker) stands in `scale`.
pub fn position(scale: &[Grade], name: &str) -> Option<usize> {
    let name = name.trim();
    scale
        .iter()
        .position(|g| g.name == name || g.marker == name)
}
