use std::io::Write;
use std::path::PathBuf;

use super::{OK, PROBLEM, display, neutral};
use crate::model::validate::{Problem, validate};
use crate::store::{self, Position, SourceMap};

/// One problem, as `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub at: Position,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.at, self.message)
    }
}

/// Problems in a loaded plan: validation, and comments a save would drop.
pub fn diagnostics(file: &str, loaded: &store::Loaded) -> Vec<Diagnostic> {
    placed(file, validate(&loaded.plan), &loaded.source, &loaded.source)
}

/// The validation `problems` placed by `positions`, and the comments of
/// `comments`, in file order.
fn placed(
    file: &str,
    problems: Vec<Problem>,
    positions: &SourceMap,
    comments: &SourceMap,
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| Diagnostic {
            file: file.to_owned(),
            at: positions.position(&p.path),
            message: p.kind.to_string(),
        })
        .collect();
    found.extend(comments.comments().iter().map(|&at| Diagnostic {
        file: file.to_owned(),
        at,
        message: "warning: comment will be dropped when actplan saves this file".to_owned(),
    }));
    found.sort_by_key(|d| d.at);
    found
}

pub fn run(paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let results = store::load_paths(paths);
    let mut problems = 0;
    for result in &results {
        match result {
            Ok((file, loaded)) => {
                // Where each value stands is found only for a plan with
                // problems to place: for a large plan the search costs more
                // than the reading.
                let found = validate(&loaded.plan);
                let located = (!found.is_empty())
                    .then(|| store::source_map(file))
                    .flatten();
                let positions = located.as_ref().unwrap_or(&loaded.source);
                for d in placed(&display(file), found, positions, &loaded.source) {
                    let _ = writeln!(out, "{}", neutral::one_line(&d.to_string()));
                    problems += 1;
                }
            }
            Err(e) => {
                let _ = writeln!(out, "{}", neutral::one_line(&e.to_string()));
                problems += 1;
            }
        }
    }
    let _ = writeln!(
        err,
        "checked {} file(s): {}",
        results.len(),
        if problems == 0 {
            "no problems".to_owned()
        } else {
            format!("{problems} problem(s)")
        }
    );
    if problems == 0 { OK } else { PROBLEM }
}
