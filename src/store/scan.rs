//! Scans RON text for where its values and comments start. Runs only on
//! text that RON already accepted, so it may stop early on anything it does
//! not expect.

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

pub(super) struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    values: HashMap<FieldPath, Position>,
    comments: Vec<Position>,
    /// Whether to keep the position of every value (for `check`).
    record_values: bool,
}

impl Scanner {
    /// Where every value (if `record_values`) and every comment of `text`
    /// starts.
    pub(super) fn scan(
        text: &str,
        record_values: bool,
    ) -> (HashMap<FieldPath, Position>, Vec<Position>) {
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
            values: HashMap::new(),
            comments: Vec::new(),
            record_values,
        };
        scanner.skip_attributes();
        scanner.value(&FieldPath::root());
        scanner.skip_trivia();
        (scanner.values, scanner.comments)
    }

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
                    self.comments.push(self.position());
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.comments.push(self.position());
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
            self.values.insert(path.clone(), self.position());
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
