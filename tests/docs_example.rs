//! The annotated example in `docs/plan-format.md` is a real plan: it loads,
//! validates, and (without its comments) is in canonical form. The period
//! table there reads as it says.

use std::path::Path;

use actplan::model::period::Period;
use actplan::model::totals::{kpi_total, plan_total, strategy_total};
use actplan::model::validate::validate;
use actplan::model::{Direction, Plan};
use actplan::store;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-format.md");

fn doc() -> String {
    std::fs::read_to_string(DOC).expect("docs/plan-format.md is readable")
}

/// The first ```ron block of the document.
fn example(doc: &str) -> &str {
    let start = doc
        .find("```ron\n")
        .expect("the document has a ```ron block")
        + "```ron\n".len();
    let len = doc[start..]
        .find("\n```")
        .expect("the ```ron block is closed");
    &doc[start..=start + len]
}

fn parse(text: &str) -> store::Loaded {
    store::parse(Path::new("docs/plan-format.md"), text)
        .unwrap_or_else(|e| panic!("the documented example loads: {e}"))
}

#[test]
fn example_loads_and_validates() {
    let doc = doc();
    let loaded = parse(example(&doc));
    let problems = validate(&loaded.plan);
    assert!(problems.is_empty(), "validation problems: {problems:?}");
    assert!(
        !loaded.source.comments().is_empty(),
        "the example is annotated with comments"
    );
}

#[test]
fn example_says_what_the_text_around_it_says() {
    let doc = doc();
    let plan: Plan = parse(example(&doc)).plan;
    assert_eq!(plan.fiscal_year, 2023);
    assert_eq!(plan.unit, "千円");
    assert_eq!(plan.strategies.len(), 1);
    let s = &plan.strategies[0];
    assert_eq!(s.kpis.len(), 2);
    assert_eq!(s.kpis[0].target.direction, Direction::AtLeast);
    assert_eq!(s.kpis[1].target.direction, Direction::AtMost);
    assert_eq!(s.measures.len(), 2);
    assert_eq!(s.measures[0].kpis, ["ⅰ", "ⅱ"]);
    assert_eq!(s.unlinked_measures().collect::<Vec<_>>(), [1]);

    let projects: Vec<_> = s.measures.iter().flat_map(|m| &m.projects).collect();
    assert_eq!(projects.len(), 3);
    assert_eq!(
        projects
            .iter()
            .filter(|p| !p.budget_note.is_empty())
            .count(),
        1
    );
    assert!(projects.iter().any(|p| p.overview.contains('\n')));
    assert!(
        projects
            .iter()
            .flat_map(|p| &p.schedule)
            .any(|e| e.date.is_none())
    );

    // "each KPI shows a total of 7,334千円 … 8,534千円 for 3 projects"
    assert_eq!(kpi_total(s, 0).budget, 7334);
    assert_eq!(kpi_total(s, 1).budget, 7334);
    assert_eq!(strategy_total(s).budget, 8534);
    let total = plan_total(&plan);
    assert_eq!((total.budget, total.projects), (8534, 3));
    assert!(doc.contains("7,334千円") && doc.contains("8,534千円 for 3 projects"));
}

#[test]
fn example_round_trips_through_the_canonical_form() {
    let doc = doc();
    let text = example(&doc);
    let plan = parse(text).plan;
    let canonical = store::to_canonical(&plan);
    let again = parse(&canonical);
    assert_eq!(again.plan, plan);
    assert!(again.source.comments().is_empty());
    assert_eq!(store::to_canonical(&again.plan), canonical);

    // Without its comment lines, the example is exactly the canonical form.
    let uncommented: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_eq!(uncommented, canonical);
}

#[test]
fn period_table_reads_as_documented() {
    let doc = doc();
    let section = doc
        .split("\n## ")
        .find(|s| s.starts_with("Periods\n"))
        .expect("the document has a Periods section");
    let mut rows = 0;
    for line in section.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `written` | meaning | `gregorian` |
        let [_, written, _, gregorian, _] = cells[..] else {
            continue;
        };
        let (Some(written), Some(gregorian)) = (
            written.strip_prefix('`').and_then(|w| w.strip_suffix('`')),
            gregorian
                .strip_prefix('`')
                .and_then(|g| g.strip_suffix('`')),
        ) else {
            continue;
        };
        let period = Period::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(period.gregorian(), gregorian, "{written}");
        assert_eq!(period.as_str(), written, "kept as written");
        rows += 1;
    }
    assert_eq!(rows, 8, "period rows in the table");
}
