//! The grade scale a table's evaluation heading carries, so that a plan's
//! own grades travel with its table.

use super::problem::Trouble;
use crate::model::grade::{Grade, default_scale, read_scale};

/// The scale a table's evaluation heading carries in brackets
/// (`評価（計画以上=◎:Green / …）` as `export` writes it, or names alone:
/// `評価（計画以上 / 計画どおり / 遅れ）`); the default scale when it
/// carries none. A bracket holding one item is a note, not a scale.
pub fn scale_of(heading: &str) -> Result<Vec<Grade>, Trouble> {
    let inner = heading
        .find(['（', '('])
        .and_then(|open| {
            let from = open + heading[open..].chars().next()?.len_utf8();
            let close = heading.rfind(['）', ')'])?;
            heading.get(from..close)
        })
        .filter(|inner| inner.contains(['/', '／']));
    match inner {
        None => Ok(default_scale()),
        Some(inner) => read_scale(inner).ok_or_else(|| Trouble::NotAScale {
            text: inner.to_owned(),
        }),
    }
}
