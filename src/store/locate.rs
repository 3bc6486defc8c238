//! Finds where values sit in a RON file, so a problem found in the parsed
//! plan can be reported at its line and column, and where the comments are
//! (a save drops them). Runs only on text that RON already accepted, so it
//! may stop early on anything it does not expect.

use std::collections::HashMap;

pub use super::scan::Position;
use super::scan::Scanner;
use crate::model::FieldPath;

#[derive(Debug, Default)]
pub struct SourceMap {
    values: HashMap<FieldPath, Position>,
    comments: Vec<Position>,
}

impl SourceMap {
    pub fn scan(text: &str) -> Self {
        Self::scan_with(text, true)
    }

    /// Only the comments: what opening a plan for editing needs. A plan
    /// without `//` or `/*` anywhere has none, and is not scanned at all.
    pub fn scan_comments(text: &str) -> Self {
        if text.contains("//") || text.contains("/*") {
            Self::scan_with(text, false)
        } else {
            Self::default()
        }
    }

    fn scan_with(text: &str, record_values: bool) -> Self {
        let (values, comments) = Scanner::scan(text, record_values);
        SourceMap { values, comments }
    }

    /// Where the value at `path` starts; for a path the scan did not reach,
    /// the nearest enclosing value.
    pub fn position(&self, path: &FieldPath) -> Position {
        let mut path = Some(path.clone());
        while let Some(p) = path {
            if let Some(pos) = self.values.get(&p) {
                return *pos;
            }
            path = p.parent();
        }
        Position { line: 1, column: 1 }
    }

    /// Start of every comment, in file order.
    pub fn comments(&self) -> &[Position] {
        &self.comments
    }
}

#[cfg(test)]
mod tests {
    use super::{FieldPath, SourceMap};

    const SAMPLE: &str = "// a comment\n(\n    title: \"計画\", /* inline */\n    list: [\n        (name: r#\"a \"// not a comment\"#),\n        (name: \"b\"),\n    ],\n)\n";

    #[test]
    fn finds_values_by_path() {
        let map = SourceMap::scan(SAMPLE);
        let root = FieldPath::root();
        assert_eq!(map.position(&root.field("title")).to_string(), "3:12");
        assert_eq!(
            map.position(&root.field("list").index(1).field("name"))
                .to_string(),
            "6:16"
        );
        // Unknown paths fall back to the nearest enclosing value.
        assert_eq!(
            map.position(&root.field("list").index(1).field("zzz"))
                .to_string(),
            "6:9"
        );
    }

    #[test]
    fn comments_between_a_field_name_and_its_colon_do_not_stop_the_scan() {
        let text = "(\n    title /* c */ : \"x\",\n    unit // c\n    : \"y\",\n)";
        assert!(ron::from_str::<ron::Value>(text).is_ok(), "valid RON");
        let map = SourceMap::scan(text);
        assert_eq!(
            map.position(&FieldPath::root().field("unit")).to_string(),
            "4:7"
        );
        assert_eq!(map.comments().len(), 2);
    }

    #[test]
    fn finds_comments_but_not_inside_strings() {
        let map = SourceMap::scan(SAMPLE);
        let found: Vec<String> = map.comments().iter().map(ToString::to_string).collect();
        assert_eq!(found, ["1:1", "3:18"]);
    }
}
