//! `import --rules`: a table whose headings are not ours, read through a
//! mapping file kept beside it, and the mistakes a mapping file can have,
//! named by its line and column in the user's language.

mod common;

use actplan::model::levels::Role;
use actplan::store;
use common::{actplan, arg, stderr};

/// A department's sheet as published: a title above, its own headings.
const TABLE: &str = "令和5年度 主な取組一覧,,,,\n\
,,,,\n\
分野,主な取組,所管課,当初予算額（円）,実施期間\n\
1 子育て,保育料の無償化,子育て支援課,\"1,200,000\",R5.4～R6.3\n\
,病児保育の拡充,子育て支援課,350000,R5.4～R6.3\n\
2 医療,小児医療費助成,医療政策課,900000,R5.4～R6.3\n";

const RULES: &str = "# 主な取組一覧を読む\n\
header 3\n\
unit 円\n\
事業名 = 主な取組\n\
担当課 = 所管課\n\
予算額 = 当初予算額（円）\n\
期間 = 実施期間\n\
見出し（分野） = 分野\n";

#[test]
fn a_table_with_its_own_headings_is_read_through_the_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let (table, rules, plan) = (
        dir.path().join("一覧.csv"),
        dir.path().join("一覧.rules"),
        dir.path().join("一覧.ron"),
    );
    std::fs::write(&table, TABLE).unwrap();
    std::fs::write(&rules, RULES).unwrap();
    let out = actplan(&[
        "import",
        arg(&table),
        "-o",
        arg(&plan),
        "--rules",
        arg(&rules),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = store::load(&plan).unwrap().plan;
    assert_eq!(plan.unit, "円");
    assert_eq!(plan.level_names(), ["分野", "事業"]);
    assert_eq!(plan.roles(), [Role::Heading, Role::Project]);
    let headings: Vec<(&str, &str)> = (plan.headings.iter())
        .map(|h| (h.label.as_str(), h.name.as_str()))
        .collect();
    assert_eq!(headings, [("1", "子育て"), ("2", "医療")]);
    let projects: Vec<(String, &str, u64)> = (0..plan.strategies.len())
        .flat_map(|s| {
            let heading = &plan.headings[plan.headings_of(s)[0]].name;
            (plan.strategies[s].measures.iter())
                .flat_map(|m| &m.projects)
                .map(move |p| {
                    (
                        heading.clone(),
                        p.name.as_str(),
                        p.budget.expect("every row states its budget"),
                    )
                })
        })
        .collect();
    assert_eq!(
        projects,
        [
            ("子育て".to_owned(), "保育料の無償化", 1_200_000),
            ("子育て".to_owned(), "病児保育の拡充", 350_000),
            ("医療".to_owned(), "小児医療費助成", 900_000),
        ]
    );
    // The department every row of a heading names goes on the heading.
    assert_eq!(plan.headings[0].owner, "子育て支援課");
}

#[test]
fn a_wrong_rule_is_named_by_its_line_and_column_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let (table, rules, plan) = (
        dir.path().join("一覧.csv"),
        dir.path().join("一覧.rules"),
        dir.path().join("一覧.ron"),
    );
    std::fs::write(&table, TABLE).unwrap();
    std::fs::write(&rules, "header 3\n事業 = 主な取組\n  header 三\n").unwrap();
    let run = |rules: &std::path::Path| {
        actplan(&[
            "import",
            "--lang",
            "ja",
            arg(&table),
            "-o",
            arg(&plan),
            "--rules",
            arg(rules),
        ])
    };
    let out = run(&rules);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    let at = rules.display();
    assert!(
        said.contains(&format!(
            "{at}:2:1: `事業` は actplan の列の見出しではありません"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("{at}:3:10: `三` は行番号ではありません")),
        "{said}"
    );
    assert!(!plan.exists(), "nothing written");
    std::fs::write(&rules, "事業名 = 主要事業\n").unwrap();
    let said = stderr(&run(&rules));
    assert!(
        said.contains(&format!("{at}:1:7: 表の見出しに `主要事業` がありません")),
        "{said}"
    );
}
