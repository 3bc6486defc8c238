use std::path::PathBuf;

use super::{OK, PROBLEM, Said, Speaker};
use crate::model::validate::{Problem, validate};
use crate::store::{self, Position, SourceMap};

/// One problem, as `FILE:LINE:COLUMN: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub at: Position,
    pub finding: Finding,
}

/// What is wrong at a place in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A value the model refuses.
    /// the model's problems are typed).
    Invalid(crate::model::validate::ProblemKind),
    /// A comment, which a save drops.
    Comment,
}

/// Problems in a loaded plan: validation, and comments a save would drop.
pub fn diagnostics(file: &str, loaded: &store::Loaded) -> Vec<Diagnostic> {
    placed(
        std::path::Path::new(file),
        validate(&loaded.plan),
        &loaded.source,
        &loaded.source,
    )
}

/// The validation `problems` placed by `positions`, and the comments of
/// `comments`, in file order.
fn placed(
    file: &std::path::Path,
    problems: Vec<Problem>,
    positions: &SourceMap,
    comments: &SourceMap,
) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| Diagnostic {
            file: file.to_owned(),
            at: positions.position(&p.path),
            finding: Finding::Invalid(p.kind),
        })
        .collect();
    found.extend(comments.comments().iter().map(|&at| Diagnostic {
        file: file.to_owned(),
        at,
        finding: Finding::Comment,
    }));
    found.sort_by_key(|d| d.at);
    found
}

pub fn run(paths: &[PathBuf], mut to: Speaker) -> u8 {
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
                for d in placed(file, found, positions, &loaded.source) {
                    to.say(&d);
                    problems += 1;
                }
            }
            Err(e) => {
                to.found(e);
                problems += 1;
            }
        }
    }
    to.tell(&Said::Checked {
        files: results.len(),
        problems,
    });
    if problems == 0 { OK } else { PROBLEM }
}
