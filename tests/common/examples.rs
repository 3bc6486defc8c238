//! The published tables encoded in `plans/examples/`, each named after its
//! source in the collection of real plans (`NN-…ron`), and the tree a user
//! sees of one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use actplan::model::Plan;
use actplan::store;
use actplan::tree::{Tree, describe};

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/examples");

/// Every example file, in order.
pub fn examples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(EXAMPLES)
        .expect("plans/examples is readable")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    found.sort();
    found
}

/// The path of table `number`'s example (`"19"`).
pub fn example_path(number: &str) -> PathBuf {
    examples()
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(number) && name[number.len()..].starts_with('-')
        })
        .unwrap_or_else(|| panic!("plans/examples has table {number}"))
}

/// Table `number`'s plan, as the app loads it.
pub fn example(number: &str) -> Plan {
    load(&example_path(number))
}

pub fn load(path: &Path) -> Plan {
    store::load(path)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
        .plan
}

/// The tree's rows, all unfolded, each as `depth kind label+name total`.
pub fn rows(plan: &Plan) -> Vec<String> {
    let tree = Tree::build(&[plan], HashSet::new());
    (0..tree.len())
        .map(|r| {
            let node = tree.row(r).unwrap();
            let d = describe(plan, node.place.address());
            format!(
                "{}{} {}{} {}",
                " ".repeat(node.depth.into()),
                d.kind,
                d.label,
                d.name,
                node.total.shown()
            )
        })
        .collect()
}

/// How many rows of the tree are of each level, in the order of the
/// plan's levels.
pub fn rows_per_level(plan: &Plan) -> Vec<(String, usize)> {
    let rows = rows(plan);
    plan.level_names()
        .into_iter()
        .map(|level| {
            let count = rows
                .iter()
                .filter(|r| r.trim_start().split(' ').next() == Some(level))
                .count();
            (level.to_owned(), count)
        })
        .collect()
}
