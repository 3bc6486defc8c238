//! The piece-by-piece read gives what a whole read gives.

use super::splitter::PREVIEW_PROJECTS;
use super::{Loaded, load_in_pieces, read_split, read_split_by};
use crate::model::Plan;
use crate::store::error::LoadError;
use crate::store::whole::load_whole;
use crate::store::{content_hash, to_canonical};

const SEED: &str = include_str!("../../../plans/r5-growth-strategy.ron");

fn write(dir: &tempfile::TempDir, text: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// Reads `text` both ways; returns the piecewise result and the previews.
fn both_ways(text: impl AsRef<[u8]>) -> (Result<Loaded, LoadError>, Vec<Plan>) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, text);
    let mut previews = Vec::new();
    let pieces = load_in_pieces(&path, &mut |plan| previews.push(plan));
    let whole = load_whole(&path);
    match (&pieces, &whole) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.plan, b.plan);
            assert_eq!(a.disk_hash, b.disk_hash);
            assert_eq!(a.source.comments().len(), b.source.comments().len());
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("piecewise {pieces:?} but whole {whole:?}"),
    }
    (pieces, previews)
}

/// Whether `text` is read in pieces rather than whole.
fn splits(text: &str) -> bool {
    let dir = tempfile::tempdir().unwrap();
    read_split(&write(&dir, text), &mut |_| {}).is_some()
}

/// The bundled plan with its projects repeated `times` over.
fn large_plan(times: usize) -> Plan {
    let mut plan: Plan = ron::from_str(SEED).unwrap();
    for strategy in &mut plan.strategies {
        for measure in strategy.measures_mut() {
            let projects = measure.projects.clone();
            for _ in 0..times {
                // Copies are other projects: the ids of their places.
                measure
                    .projects
                    .extend(projects.iter().cloned().map(|mut p| {
                        p.id.clear();
                        p
                    }));
            }
        }
    }
    plan.settle_ids();
    plan
}

#[test]
fn the_bundled_plan_reads_the_same_in_pieces_and_has_the_file_hash() {
    let (loaded, previews) = both_ways(SEED);
    let loaded = loaded.unwrap();
    assert_eq!(loaded.disk_hash, Some(content_hash(SEED.as_bytes())));
    assert_eq!(previews.len(), 1, "one preview, after the first strategy");
    assert_eq!(previews[0].strategies.len(), 1);
    assert_eq!(previews[0].strategies[0], loaded.plan.strategies[0]);
    assert!(splits(SEED));
}

#[test]
fn a_large_plan_offers_its_first_measures_before_the_rest() {
    let plan = large_plan(120);
    let text = to_canonical(&plan);
    let (loaded, previews) = both_ways(&text);
    assert_eq!(loaded.unwrap().plan, plan);
    let [preview] = previews.as_slice() else {
        panic!("one preview, got {}", previews.len());
    };
    let first = &preview.strategies[0];
    assert_eq!(preview.strategies.len(), 1);
    assert_eq!(first.kpis, plan.strategies[0].kpis);
    assert!(first.measures.len() < plan.strategies[0].measures.len());
    assert_eq!(
        first.measures[..],
        plan.strategies[0].measures[..first.measures.len()]
    );
    let shown: usize = first.measures.iter().map(|m| m.projects.len()).sum();
    assert!(shown >= PREVIEW_PROJECTS, "{shown} projects in the preview");
}

#[test]
fn departments_of_strategies_and_measures_read_the_same_in_pieces() {
    let mut plan = large_plan(120);
    plan.strategies[0].owner = "総務部 measures: [".to_owned();
    plan.strategies[0].measure_mut(1).owner = "人事課".to_owned();
    let text = to_canonical(&plan);
    assert!(splits(&text));
    let (loaded, previews) = both_ways(&text);
    assert_eq!(loaded.unwrap().plan, plan);
    assert_eq!(previews[0].strategies[0].owner, "総務部 measures: [");
}

#[test]
fn a_plans_own_levels_rules_and_stated_total_read_the_same_in_pieces() {
    use crate::model::rule::{AchievementRule, GradeStep};
    let mut plan = large_plan(120);
    plan.levels = ["分野", "指標", "取組方針", "取組"]
        .map(String::from)
        .to_vec();
    plan.stated_total = Some(123_456);
    plan.achievement = AchievementRule::ActualOverTarget;
    plan.grading = vec![GradeStep {
        grade: "strategies: [".to_owned(),
        above: Some(110.0),
        at_least: None,
        at_least_elapsed: false,
    }];
    let text = to_canonical(&plan);
    assert!(splits(&text));
    let (loaded, previews) = both_ways(&text);
    assert_eq!(loaded.unwrap().plan, plan);
    assert_eq!(previews[0].levels, plan.levels);
    assert_eq!(previews[0].grading, plan.grading);
}

#[test]
fn text_with_brackets_quotes_and_raw_strings_does_not_confuse_the_reader() {
    let mut plan = large_plan(1);
    let project = &mut plan.strategies[0].measure_mut(0).projects[0];
    project.overview = "括弧 ) ] ( [ と \"引用\" と \\ と\n改行 \"# r#\"".to_owned();
    project.name = "measures: [ strategies: [".to_owned();
    let text = to_canonical(&plan);
    assert!(text.contains("r#\""), "the overview is written raw");
    let (loaded, _) = both_ways(&text);
    assert_eq!(loaded.unwrap().plan, plan);
    assert!(splits(&text));
    let named = text.replacen("\n        (\n", "\n        Strategy(\n", 1);
    assert_eq!(both_ways(&named).0.unwrap().plan, plan);
    assert!(splits(&named));
}

#[test]
fn comments_line_ends_and_other_layouts_are_read_whole() {
    let plan: Plan = ron::from_str(SEED).unwrap();
    let commented = SEED.replacen("    strategies: [", "    // 戦略\n    strategies: [", 1);
    let loaded = both_ways(&commented).0.unwrap();
    assert_eq!(loaded.source.comments().len(), 1);
    assert!(!splits(&commented));
    assert_eq!(both_ways(SEED.replace('\n', "\r\n")).0.unwrap().plan, plan);
    let bom = format!("\u{feff}{SEED}");
    assert_eq!(both_ways(&bom).0.unwrap().plan, plan);
    // Strategies before the title: not the saved layout, still read.
    let title_line = SEED.lines().find(|l| l.contains("title:")).unwrap();
    let moved = SEED
        .replacen(&format!("{title_line}\n"), "", 1)
        .trim_end()
        .strip_suffix(')')
        .unwrap()
        .to_owned()
        + title_line
        + "\n)\n";
    assert_eq!(both_ways(&moved).0.unwrap().plan, plan);
}

#[test]
fn a_damaged_plan_gets_the_whole_file_error() {
    let cut = &SEED[..SEED.len() * 2 / 3];
    assert!(both_ways(cut).0.is_err());
    let typo = SEED.replacen("budget:", "budgte:", 3);
    assert!(both_ways(&typo).0.is_err());
    assert!(both_ways("").0.is_err());
    assert!(both_ways("(title: \"x\", strategies: [)])").0.is_err());
}

#[test]
fn what_a_whole_read_refuses_is_refused_in_pieces_too() {
    let no_comma = "(title:\"t\",fiscal_year:2024,unit:\"u\",strategies:[(label:\"1\",name:\"n\",kpis:[],measures:[])([])])";
    assert!(both_ways(no_comma).0.is_err());
    let junk = SEED.replacen("strategies: [", "strategies: Foo [", 1);
    assert!(both_ways(junk).0.is_err());
    let measures = SEED
        .matches("\n                ),\n                (\n")
        .count();
    assert!(measures >= 2, "the bundled plan has measures side by side");
    let two_commas = SEED.replacen(
        "\n                ),\n                (\n",
        "\n                ),\n , \n                (\n",
        1,
    );
    assert!(both_ways(two_commas).0.is_err());
    let no_comma = SEED.replacen(
        "\n                ),\n                (\n",
        "\n                )\n                (\n",
        1,
    );
    assert!(both_ways(no_comma).0.is_err());
    let mut not_utf8 = SEED.as_bytes().to_vec();
    let title = SEED.find("title: \"").unwrap() + "title: \"".len();
    not_utf8[title] = 0xff;
    assert!(both_ways(not_utf8).0.is_err());
}

#[test]
fn windows_line_ends_inside_text_are_read_as_a_whole_read_does() {
    let mut plan: Plan = ron::from_str(SEED).unwrap();
    plan.strategies[0].measure_mut(0).projects[0].overview = "一行目\r\n二行目".to_owned();
    let text = to_canonical(&plan);
    assert!(text.contains('\r'));
    let read = both_ways(&text).0.unwrap().plan;
    assert_eq!(
        read.strategies[0].measures[0].projects[0].overview,
        "一行目\n二行目"
    );
}

#[test]
fn a_field_name_split_by_a_space_is_an_error_as_in_a_whole_read() {
    // Found by the property below: `s trategies` was read as `strategies`.
    for key in ["strategies: [", "measures: ["] {
        let broken = SEED.replacen(key, &format!("{} {}", &key[..1], &key[1..]), 1);
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, &broken);
        let pieces = read_split_by(&path, &mut |_| {}, 1).map_or_else(|| load_whole(&path), Ok);
        assert!(pieces.is_err(), "{key}");
        assert_eq!(pieces.unwrap_err(), load_whole(&path).unwrap_err());
    }
}

use proptest::prelude::*;

/// Bytes that change what the splitter sees: separators, brackets,
/// quotes, escapes, raw-string marks, a carriage return, bad UTF-8.
const SHARP: &[u8] = b",[]()\"\\r#:\r\xff ";

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Damaged copies of the bundled plan, read in blocks of any size,
    /// give what a whole read gives: the same plan or the same error.
    #[test]
    fn damaged_plans_in_any_blocks_read_as_a_whole_read_does(
        edits in proptest::collection::vec((0usize..usize::MAX, 0u8..3, 0usize..SHARP.len()), 0..4),
        block in 1usize..200,
    ) {
        let mut bytes = SEED.as_bytes().to_vec();
        for (at, kind, sharp) in edits {
            let at = at % bytes.len();
            match kind {
                0 => { bytes.remove(at); }
                1 => bytes.insert(at, SHARP[sharp]),
                _ => bytes[at] = SHARP[sharp],
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, &bytes);
        let pieces = read_split_by(&path, &mut |_| {}, block)
            .map_or_else(|| load_whole(&path), Ok);
        let whole = load_whole(&path);
        match (&pieces, &whole) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&a.plan, &b.plan),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "piecewise {:?} but whole {:?}", pieces, whole),
        }
    }
}
