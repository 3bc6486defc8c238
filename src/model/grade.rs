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

impl Colour {
    const ALL: [Colour; 7] = [
        Colour::Green,
        Colour::Cyan,
        Colour::Blue,
        Colour::Yellow,
        Colour::Red,
        Colour::Magenta,
        Colour::Gray,
    ];

    /// As the plan file writes it.
    pub fn name(self) -> &'static str {
        match self {
            Colour::Green => "Green",
            Colour::Cyan => "Cyan",
            Colour::Blue => "Blue",
            Colour::Yellow => "Yellow",
            Colour::Red => "Red",
            Colour::Magenta => "Magenta",
            Colour::Gray => "Gray",
        }
    }
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

/// What marks a grade finished in `scale_text`.
const DONE: &str = "done";

/// A scale in one line, as a table's heading carries it:
/// `計画以上=◎:Green / … / 完了=済:Blue:done`.
pub fn scale_text(scale: &[Grade]) -> String {
    scale
        .iter()
        .map(|g| {
            let done = if g.done { ":done" } else { "" };
            format!("{}={}:{}{done}", g.name, g.marker, g.colour.name())
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Reads `scale_text` back. A grade may also be its name alone
/// (`計画以上 / 計画どおり / 遅れ`), as a user lists a published table's
/// grades: it takes the marker and colour of the default grade of that
/// name, else its first character and gray. `None` unless every grade
/// reads, with a name, once.
pub fn read_scale(text: &str) -> Option<Vec<Grade>> {
    let mut scale: Vec<Grade> = Vec::new();
    for item in text.split(['/', '／']) {
        let grade = read_grade(item.trim())?;
        if scale.iter().any(|g| g.name == grade.name) {
            return None;
        }
        scale.push(grade);
    }
    Some(scale)
}

fn read_grade(item: &str) -> Option<Grade> {
    let (name, rest) = item.split_once(['=', '＝']).unwrap_or((item, ""));
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if rest.is_empty() {
        let known = default_scale().into_iter().find(|g| g.name == name);
        return Some(known.unwrap_or_else(|| Grade {
            name: name.to_owned(),
            marker: name.chars().take(1).collect(),
            colour: Colour::Gray,
            done: false,
        }));
    }
    let mut parts = rest.split([':', '：']).map(str::trim);
    let marker = parts
        .next()
        .filter(|m| (1..=2).contains(&m.chars().count()))?;
    let colour = parts.next()?;
    let colour = Colour::ALL
        .into_iter()
        .find(|c| c.name().eq_ignore_ascii_case(colour))?;
    let done = match parts.next() {
        None => false,
        Some(word) if word.eq_ignore_ascii_case(DONE) => true,
        Some(_) => return None,
    };
    parts.next().is_none().then(|| Grade {
        name: name.to_owned(),
        marker: marker.to_owned(),
        colour,
        done,
    })
}

#[cfg(test)]
mod tests {
    use super::{default_scale, read_scale, scale_text};

    #[test]
    fn a_scale_reads_back_from_its_text() {
        let scale = default_scale();
        assert_eq!(scale_text(&scale[3..5]), "遅れ=遅:Red / 完了=完:Blue:done");
        assert_eq!(read_scale(&scale_text(&scale)), Some(scale.clone()));
        let names = read_scale("計画以上 / 遅れ").unwrap();
        assert_eq!(
            (names[0].marker.as_str(), names[1].marker.as_str()),
            ("計", "遅")
        );
        assert_eq!(read_scale("A=◎:Green / A=○:Cyan"), None, "a name twice");
        assert_eq!(read_scale("A=◎:Purple"), None);
        assert_eq!(read_scale("A=◎:Green:finished"), None);
        assert_eq!(read_scale(" / A"), None);
    }
}
