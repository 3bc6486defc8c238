//! The shape of the house (ARCHITECTURE.md), checked on the source: which
//! rooms may use which, no circles between modules, rooms of a readable
//! size. A change that breaks the map fails here, not in review.
//!
//! A module uses another when its code names it (`use crate::…`,
//! `crate::…::f()`, `super::…`). A module naming its own ancestor or
//! descendant is not counted: a parent re-exporting what its parts define,
//! and a part using its parent's types, is one room with its furniture.
//! Both at once are a circle, and are checked on their own
//! (`no_part_leans_on_a_parent_that_uses_it`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
const MAX_LINES: usize = 400;

/// Rooms that must not use the others listed.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("app", &["ui", "screen", "tui", "backend", "commands"]),
    (
        "model",
        &[
            "store", "commands", "app", "ui", "screen", "tui", "backend", "words", "config",
        ],
    ),
    (
        "store",
        &["commands", "app", "ui", "screen", "tui", "backend"],
    ),
    ("commands", &["app", "ui", "screen", "tui", "backend"]),
    ("words", &["app", "ui", "screen", "tui", "backend"]),
    ("ui", &["tui", "backend"]),
];

struct Source {
    module: String,
    text: String,
}

/// Every file in `src/`, tests included, with its text.
fn files() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    walk(Path::new(SRC), &mut files);
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).unwrap();
            (file, text)
        })
        .collect()
}

/// Whether a file holds unit tests kept in a file of their own
/// (`decode_tests.rs`, `merge/tests_nodes.rs`, `words/tests/keys.rs`).
fn is_test_file(relative: &Path) -> bool {
    relative.with_extension("").iter().any(|part| {
        let part = part.to_string_lossy();
        part == "tests" || part.starts_with("tests_") || part.ends_with("_tests")
    })
}

/// The modules of `src/`, without the unit tests kept in files of their
/// own: test code may reach anywhere. `lib.rs` is the crate's root (the
/// module ""); `main.rs`, the program, is a crate of its own and named
/// `main` here.
fn sources() -> Vec<Source> {
    files()
        .into_iter()
        .filter(|(f, _)| !is_test_file(f.strip_prefix(SRC).unwrap()))
        .map(|(file, text)| {
            let relative = file.strip_prefix(SRC).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            Source {
                module: parts.join("::"),
                text,
            }
        })
        .collect()
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
}

/// The code of a file without its comments and its test module (a
/// `mod tests { … }` at its end; `mod tests;` only declares one kept in a
/// file of its own, and the code after it is still the file's).
fn code(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    body.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names, as written (`crate::a::b`, `super::c`),
/// with `use` groups (`use crate::a::{b, c::d}`) spelled out.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        expand("", &rest[..end], &mut paths);
    }
    for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
        if word.starts_with("crate::") || word.starts_with("super::") {
            paths.push(word.trim_end_matches(':').to_owned());
        }
    }
    paths
}

fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => {
            for item in tree.split(',') {
                let item = item.split(" as ").next().unwrap().trim();
                if !item.is_empty() {
                    out.push(format!("{prefix}{item}"));
                }
            }
        }
        Some(open) => {
            let head = format!("{prefix}{}", &tree[..open]);
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&head, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&head, &inner[start..], out);
        }
    }
}

/// The module a path names, if it names one of ours (the longest match).
fn target(from: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    target_item(from, path, modules).map(|(module, _)| module)
}

/// Like `target`, and whether the path goes on past that module to an item
/// of it (`super::App`, `super::*`; not `super::view` nor `super::{self}`).
fn target_item(from: &str, path: &str, modules: &BTreeSet<String>) -> Option<(String, bool)> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<&str> = from.split("::").filter(|p| !p.is_empty()).collect();
    match parts.first().copied() {
        Some("crate") => {
            parts.remove(0);
            base.clear();
        }
        Some("super") => {
            while parts.first() == Some(&"super") {
                parts.remove(0);
                base.pop();
            }
        }
        Some("self") => {
            parts.remove(0);
        }
        _ => return None,
    }
    base.extend(parts);
    (0..=base.len()).rev().find_map(|n| {
        let module = base[..n].join("::");
        let item = base.get(n).is_some_and(|next| *next != "self");
        modules.contains(&module).then_some((module, item))
    })
}

/// The part of `parent` that holds `module` (`view` for `app` and
/// `app::view::tree`), if `module` is inside it.
fn part_of<'a>(parent: &str, module: &'a str) -> Option<&'a str> {
    let inside = if parent.is_empty() {
        module
    } else {
        module.strip_prefix(parent)?.strip_prefix("::")?
    };
    inside.split("::").next().filter(|p| !p.is_empty())
}

/// Whether `parent`'s code names its part `part`, by any path (`part::f()`,
/// `use part::X`, `pub use part::X`, `self::part`, `crate::…::part`);
/// declaring it (`mod part;`) is not naming it.
fn names_part(parent: &str, part: &str, code: &str, modules: &BTreeSet<String>) -> bool {
    let whole = if parent.is_empty() {
        part.to_owned()
    } else {
        format!("{parent}::{part}")
    };
    let bare = format!("{part}::");
    named_paths(code).iter().any(|p| {
        p == part
            || p.starts_with(&bare)
            || target(parent, p, modules).is_some_and(|t| related(&t, &whole) && t != parent)
    }) || code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .any(|word| word.starts_with(&bare))
}

/// Whether one is the other's ancestor or descendant (the crate's root,
/// "", is everyone's ancestor).
fn related(a: &str, b: &str) -> bool {
    a.is_empty()
        || b.is_empty()
        || a == b
        || a.starts_with(&format!("{b}::"))
        || b.starts_with(&format!("{a}::"))
}

/// Which modules each module uses.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for source in &sources {
        let used: BTreeSet<String> = named_paths(&code(&source.text))
            .iter()
            .filter_map(|p| target(&source.module, p, &modules))
            .filter(|t| !related(t, &source.module))
            .collect();
        graph.insert(source.module.clone(), used);
    }
    graph
}

/// Circles in the graph: its strongly connected parts of more than one.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Two modules are in one circle when each reaches the other.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reached: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|m| (m, reach(m))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for (m, from_m) in &reached {
        if !from_m.contains(*m) || found.iter().any(|c| c.contains(m)) {
            continue;
        }
        let circle: Vec<String> = from_m
            .iter()
            .filter(|n| reached.get(n).is_some_and(|r| r.contains(*m)))
            .cloned()
            .collect();
        found.push(circle);
    }
    found
}

#[test]
fn no_module_circles_anywhere() {
    let graph = uses();
    let found = circles(&graph);
    assert!(found.is_empty(), "import circles: {found:#?}");
}

/// Items a part may take from a parent that uses it: `App` in
/// `app/mod.rs` is the app's one state, and each room's file adds its
/// handling of actions to it as `impl App` (`update` hands each action
/// there). A room naming `App` adds to that one state; the rooms' own
/// fields are types of their own files, which `App` holds.
const EXTENDED: &[(&str, &str)] = &[("app", "App")];

/// A part may use its parent's items, and a parent its parts, but not both:
/// a parent using a part that leans on the parent's own items is a circle
/// too. What both need moves down into a part of its own.
#[test]
fn no_part_leans_on_a_parent_that_uses_it() {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let code: BTreeMap<&str, String> = sources
        .iter()
        .map(|s| (s.module.as_str(), code(&s.text)))
        .collect();
    let mut found = BTreeSet::new();
    for (module, text) in &code {
        for path in named_paths(text) {
            let Some((parent, true)) = target_item(module, &path, &modules) else {
                continue;
            };
            let Some(part) = part_of(&parent, module) else {
                continue;
            };
            let item = path.rsplit("::").next().unwrap_or_default();
            if EXTENDED.contains(&(parent.as_str(), item)) {
                continue;
            }
            if names_part(&parent, part, &code[parent.as_str()], &modules) {
                found.insert(format!(
                    "{module} uses {item} of {parent:?}, which uses {part}"
                ));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn rooms_use_only_what_the_map_allows() {
    let mut wrong = Vec::new();
    for (module, used) in uses() {
        for (room, forbidden) in FORBIDDEN {
            if !related(&module, room) {
                continue;
            }
            for u in &used {
                if forbidden.iter().any(|f| related(u, f)) {
                    wrong.push(format!("{module} uses {u}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_file_in_src_is_over_400_lines() {
    // Unit tests in files of their own are rooms too.
    let long: Vec<String> = files()
        .iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(file, text)| format!("{} ({} lines)", file.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn no_glob_imports_of_a_parent() {
    // Test code too: a test names what it uses like any other code.
    let glob: Vec<String> = files()
        .iter()
        .filter(|(_, text)| text.contains("use super::*"))
        .map(|(file, _)| file.display().to_string())
        .collect();
    assert!(glob.is_empty(), "{glob:#?}");
}

#[test]
fn the_checker_sees_a_circle_and_a_forbidden_use() {
    let modules: BTreeSet<String> = ["app", "ui", "ui::tree", "model", "model::dates"]
        .map(String::from)
        .into();
    let paths =
        named_paths("use crate::{ui::{self, tree::Tree}, model::dates};\nfn f() { super::x(); }");
    let targets: BTreeSet<String> = paths
        .iter()
        .filter_map(|p| target("app", p, &modules))
        .collect();
    assert_eq!(
        targets,
        ["ui", "ui::tree", "model::dates"].map(String::from).into()
    );
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("app".into(), ["ui".into()].into()),
        ("ui".into(), ["app".into()].into()),
        ("model".into(), BTreeSet::new()),
    ]
    .into();
    assert_eq!(circles(&graph), [vec!["app".to_owned(), "ui".to_owned()]]);
}

#[test]
fn the_checker_reads_past_a_test_module_kept_elsewhere_and_skips_test_files() {
    let text = "#[cfg(test)]\nmod tests;\n\nuse crate::ui;\n\n\
                #[cfg(test)]\nmod tests {\n    use crate::app;\n}\n";
    let paths: BTreeSet<String> = named_paths(&code(text)).into_iter().collect();
    assert_eq!(paths, ["crate::ui".to_owned()].into());
    for test in [
        "decode_tests.rs",
        "model/merge/tests_nodes.rs",
        "words/tests/keys.rs",
    ] {
        assert!(is_test_file(Path::new(test)), "{test}");
    }
    assert!(!is_test_file(Path::new("store/stream/splitter.rs")));
    assert!(
        related("", "app::view"),
        "the crate's root holds every room"
    );
}

#[test]
fn the_checker_sees_a_part_leaning_on_a_parent_that_uses_it() {
    let modules: BTreeSet<String> = ["", "app", "app::view", "ui"].map(String::from).into();
    let to = |from: &str, path: &str| target_item(from, path, &modules);
    assert_eq!(to("app::view", "super::App"), Some(("app".into(), true)));
    assert_eq!(
        to("app::view", "super::view::Row"),
        Some(("app::view".into(), true))
    );
    assert_eq!(to("app", "crate::ui::self"), Some(("ui".into(), false)));
    assert_eq!(to("ui", "crate::PLANS"), Some(("".into(), true)));
    assert_eq!(part_of("app", "app::view::tree"), Some("view"));
    assert_eq!(part_of("", "app::view"), Some("app"));
    assert_eq!(part_of("app", "application"), None);
    let names = |code: &str| names_part("app", "view", code, &modules);
    assert!(names("pub use view::Views;"));
    assert!(names("fn f() { view::draw() }"));
    assert!(names("use crate::app::view::Views;"));
    assert!(!names(
        "mod view;\nuse crate::ui;\nfn f() { ratatui::view::x() }"
    ));
}
