//! The annotated example in `docs/plan-format.md` is a real plan: it loads,
//! validates, and (without its comments) is in canonical form. The period
//! table, the default evaluation scale and the messages quoted there read as
//! they say.

use std::path::Path;

use actplan::model::achievement::{achievement, percent};
use actplan::model::grade::{self, Colour, default_scale};
use actplan::model::period::Period;
use actplan::model::totals::{kpi_total, plan_total, strategy_total};
use actplan::model::validate::validate;
use actplan::model::{Direction, LastChange, Plan};
use actplan::store;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/plan-format.md");

fn doc() -> String {
    std::fs::read_to_string(DOC).expect("docs/plan-format.md is readable")
}

/// The section of the document under `## {heading}`.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    doc.split("\n## ")
        .find(|s| s.strip_prefix(heading).is_some_and(|r| r.starts_with('\n')))
        .unwrap_or_else(|| panic!("the document has a section {heading}"))
}

/// The rows of the markdown tables in `text`, as trimmed cells.
fn table_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|line| line.starts_with('|') && !line.starts_with("| ---"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            cells[1..cells.len() - 1].to_vec()
        })
}

/// `text` without its surrounding backticks, if it has them.
fn code(text: &str) -> Option<&str> {
    text.strip_prefix('`').and_then(|t| t.strip_suffix('`'))
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

    // A scale of its own: five grades, ◎ ○ △ × and one meaning finished.
    let scale = &plan.evaluation_scale;
    assert_ne!(*scale, default_scale());
    assert_eq!(scale.len(), 5);
    let markers: Vec<&str> = scale.iter().map(|g| g.marker.as_str()).collect();
    assert_eq!(markers, ["◎", "○", "△", "×", "済"]);
    assert!(scale.iter().all(|g| !g.marker.is_ascii()));
    let done: Vec<&str> = scale
        .iter()
        .filter(|g| g.done)
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(done, ["完了"]);
    assert_eq!(scale[0].colour, Colour::Green);

    assert_eq!(plan.strategies.len(), 1);
    let s = &plan.strategies[0];
    assert_eq!(s.kpis.len(), 2);
    assert_eq!(s.kpis[0].target.direction, Direction::AtLeast);
    assert_eq!(s.kpis[1].target.direction, Direction::AtMost);

    // KPI ⅰ has a baseline and actuals for R4年度 and R5年度; ⅱ has neither.
    assert_eq!(s.kpis[0].baseline, Some(45.0));
    let actuals: Vec<(i32, f64)> = s.kpis[0]
        .actuals
        .iter()
        .map(|a| (a.fiscal_year, a.value))
        .collect();
    assert_eq!(actuals, [(2022, 52.0), (2023, 61.5)]);
    assert_eq!(s.kpis[1].baseline, None);
    assert!(s.kpis[1].actuals.is_empty());
    // "KPI ⅰ's latest actual (61.5% in R5年度) is 47% of the way …"
    let reached = achievement(&s.kpis[0], plan.achievement).expect("KPI ⅰ has an achievement");
    assert_eq!(
        (reached.fiscal_year, reached.actual, percent(reached.rate)),
        (2023, 61.5, "47%".to_owned())
    );
    let prose = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(prose.contains("KPI ⅰ's latest actual (61.5% in R5年度) is 47% of the way"));
    assert_eq!(achievement(&s.kpis[1], plan.achievement), None);
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
    let owners: Vec<&str> = projects.iter().map(|p| p.owner.as_str()).collect();
    assert_eq!(owners, ["デジタル政策課", "税務課", "人事課"]);

    // Every evaluation is the name of a grade of the plan's scale, and the
    // finished project's grade is a done one.
    let evaluations: Vec<&str> = projects.iter().map(|p| p.evaluation.as_str()).collect();
    assert_eq!(evaluations, ["計画どおり", "やや遅れ", "完了"]);
    for evaluation in evaluations {
        assert!(
            scale.iter().any(|g| g.name == evaluation),
            "{evaluation} is on the scale"
        );
    }
    assert!(grade::find(scale, &projects[2].evaluation).is_some_and(|g| g.done));

    let changed: Vec<&LastChange> = projects
        .iter()
        .filter_map(|p| p.last_change.as_deref())
        .collect();
    assert_eq!(
        changed,
        [&LastChange {
            user: "tanaka".to_owned(),
            at: "2023-11-28 10:32".to_owned(),
        }]
    );
    assert!(projects[0].last_change.is_some());
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
    let mut rows = 0;
    for cells in table_rows(section(&doc, "Periods")) {
        // | `written` | meaning | `gregorian` |
        let [written, _, gregorian] = cells[..] else {
            continue;
        };
        let (Some(written), Some(gregorian)) = (code(written), code(gregorian)) else {
            continue;
        };
        let period = Period::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(period.gregorian(), gregorian, "{written}");
        assert_eq!(period.as_str(), written, "kept as written");
        rows += 1;
    }
    assert_eq!(rows, 25, "period rows in the table");
}

#[test]
fn period_notes_read_as_documented() {
    let doc = doc();
    let section = section(&doc, "Periods");
    let reads = |written: &str, gregorian: &str| {
        assert!(section.contains(written), "{written} is mentioned");
        let period = Period::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(
            (period.start(), period.end()),
            (
                Period::parse(gregorian).unwrap().start(),
                Period::parse(gregorian).unwrap().end()
            ),
            "{written}"
        );
    };
    for month in [
        "R5.4",
        "令和5年4月",
        "2023-04",
        "2023/4",
        "2023年4月",
        "Ｒ５．４",
    ] {
        reads(month, "2023-04");
    }
    for year in ["R5", "令和5年", "2023"] {
        reads(year, "2023-01..2023-12");
    }
    for fiscal in ["R5年度", "令和5年度", "2023年度", "FY2023"] {
        reads(fiscal, "2023-04..2024-03");
    }
    reads("令和元年5月", "2019-05");
    reads("令和元年度", "2019-04..2020-03");
    reads("平成31年度", "2019-04..2020-03");
    reads("R5年度～R7年度", "2023-04..2026-03");
    reads("R5.4～9月", "2023-04..2023-09");

    // The era table's boundaries are the first and last months accepted.
    for inside in ["R1.5", "H1.1", "H31.4", "S1.12", "S64.1"] {
        assert!(section.contains(&format!("`{inside}`")), "{inside}");
        assert!(Period::parse(inside).is_ok(), "{inside}");
    }
    for outside in ["R1.4", "H31.5", "S1.11", "S64.2"] {
        assert!(Period::parse(outside).is_err(), "{outside}");
    }

    // The refusals quoted, up to the list of accepted forms.
    for (written, quoted) in [
        (
            "H31.5",
            "invalid period `H31.5`: H31.5 is outside 平成 (H1.1 to H31.4); write R1.5 (",
        ),
        (
            "R5.13",
            "invalid period `R5.13`: month 13 is not between 1 and 12 (",
        ),
    ] {
        let message = Period::parse(written).unwrap_err().to_string();
        assert!(message.starts_with(quoted), "{message}");
        assert!(section.contains(quoted), "{quoted} is quoted");
    }
}

#[test]
fn default_scale_is_as_documented() {
    let doc = doc();
    let documented: Vec<(String, String, String, bool)> =
        table_rows(section(&doc, "Evaluation scales"))
            .skip(1)
            .map(|cells| {
                let [name, marker, colour, done] = cells[..] else {
                    panic!("a row of the default scale has four cells: {cells:?}");
                };
                (
                    name.to_owned(),
                    marker.to_owned(),
                    colour.to_owned(),
                    done == "yes",
                )
            })
            .collect();
    let actual: Vec<(String, String, String, bool)> = default_scale()
        .into_iter()
        .map(|g| (g.name, g.marker, format!("{:?}", g.colour), g.done))
        .collect();
    assert_eq!(documented, actual);
}

#[test]
fn check_reports_an_evaluation_off_the_scale() {
    let doc = doc();
    let mut plan = parse(example(&doc)).plan;
    plan.strategies[0].measure_mut(0).projects[0].evaluation = "B".to_owned();
    let problems = validate(&plan);
    let messages: Vec<String> = problems.iter().map(|p| p.kind.to_string()).collect();
    assert_eq!(
        messages,
        ["evaluation `B` is not on the plan's evaluation scale"]
    );
    let section = section(&doc, "Errors and checks");
    assert!(section.contains(&format!("``{}``", messages[0])));

    // A marker is not a name: the file holds the grade's name.
    plan.strategies[0].measure_mut(0).projects[0].evaluation = "○".to_owned();
    assert_eq!(validate(&plan).len(), 1);
}
