//! Finds where values sit in a RON file, so a problem found in the parsed
//! plan can be reported at its line and column, and where the comments are
//! (a save drops them). Runs only on text that RON already accepted, so it
//! may stop early on anything it does not expect.

use std::collections::HashMap;

use crate::model::FieldPath;

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

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
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
            map: SourceMap::default(),
            record_values,
        };
        scanner.skip_attributes();
        scanner.value(&FieldPath::root());
        scanner.skip_trivia();
        scanner.map
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

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    map: SourceMap,
    /// Whether to keep the position of every value (for `check`).
    record_values: bool,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// `#![enable(...)]` lines at the top.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_trivia();
            if self.peek() == Some('#') && self.peek_at(1) == Some('!') {
                while self.peek().is_some_and(|c| c != ']') {
                    self.bump();
                }
                self.bump();
            } else {
                return;
            }
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    self.map.comments.push(self.position());
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.map.comments.push(self.position());
                    self.block_comment();
                }
                _ => return,
            }
        }
    }

    /// RON block comments nest.
    fn block_comment(&mut self) {
        let mut depth = 0;
        while let Some(c) = self.bump() {
            match (c, self.peek()) {
                ('/', Some('*')) => {
                    self.bump();
                    depth += 1;
                }
                ('*', Some('/')) => {
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn value(&mut self, path: &FieldPath) {
        self.skip_trivia();
        let start = self.at;
        if self.record_values {
            self.map.values.insert(path.clone(), self.position());
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('\'') => self.char_literal(),
            Some('r') if self.raw_string_ahead() => self.raw_string(),
            Some('(') => self.parenthesized(path),
            Some('[') => self.list(path),
            Some('{') => self.map_literal(path),
            Some(c) if c.is_alphabetic() || c == '_' => {
                self.word();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.parenthesized(path);
                }
            }
            Some(_) => self.word(),
            None => {}
        }
        // Never stand still on a character nothing here expects.
        if self.at == start {
            self.bump();
        }
    }

    fn word(&mut self) {
        while self
            .peek()
            .is_some_and(|c| !(c.is_whitespace() || ",:()[]{}/".contains(c)))
        {
            self.bump();
        }
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn char_literal(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '\'' => return,
                _ => {}
            }
        }
    }

    fn raw_string_ahead(&self) -> bool {
        let mut i = 1;
        while self.peek_at(i) == Some('#') {
            i += 1;
        }
        self.peek_at(i) == Some('"')
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|i| self.peek_at(i) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }

    /// A struct body `(name: value, …)` or a tuple `(value, …)`.
    fn parenthesized(&mut self, path: &FieldPath) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(')') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                _ => {
                    if let Some(name) = self.field_name() {
                        self.value(&path.field(&name));
                    } else {
                        self.value(&path.index(index));
                        index += 1;
                    }
                }
            }
            if self.at >= self.chars.len() {
                return;
            }
        }
    }

    /// Consumes `name:` if it comes next.
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        let mut end = start;
        while self
            .chars
            .get(end)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            end += 1;
        }
        if end == start {
            return None;
        }
        if self.chars.get(self.trivia_end(end)) != Some(&':') {
            return None;
        }
        let name: String = self.chars[start..end].iter().collect();
        while self.at < end {
            self.bump();
        }
        self.skip_trivia();
        self.bump();
        Some(name)
    }

    /// Where whitespace and comments starting at `from` end, without
    /// consuming them.
    fn trivia_end(&self, from: usize) -> usize {
        let at = |i: usize| self.chars.get(i).copied();
        let mut i = from;
        loop {
            match (at(i), at(i + 1)) {
                (Some(c), _) if c.is_whitespace() => i += 1,
                (Some('/'), Some('/')) => {
                    while at(i).is_some_and(|c| c != '\n') {
                        i += 1;
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0;
                    while let Some(c) = at(i) {
                        match (c, at(i + 1)) {
                            ('/', Some('*')) => {
                                depth += 1;
                                i += 2;
                            }
                            ('*', Some('/')) => {
                                depth -= 1;
                                i += 2;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => i += 1,
                        }
                    }
                }
                _ => return i,
            }
        }
    }

    fn list(&mut self, path: &FieldPath) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(']') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                _ => {
                    self.value(&path.index(index));
                    index += 1;
                }
            }
        }
    }

    fn map_literal(&mut self, path: &FieldPath) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some('}') => {
                    self.bump();
                    return;
                }
                Some(',' | ':') => {
                    self.bump();
                }
                _ => {
                    self.value(&path.index(index));
                    index += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
