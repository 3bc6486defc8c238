//! The figures Tottori's published tables state (工程表, チャレンジ70),
//! read from their encodings in `plans/examples/`.

mod common;

use actplan::model::Address;
use actplan::model::achievement::{achievement, latest, percent};
use actplan::model::department::department;
use actplan::model::fields::{actual_line, dated_target_line};
use actplan::model::tally::Tally;
use common::examples::{example, rows, rows_per_level};

/// Table 19 (チャレンジ70 進捗状況一覧 H29): under Ⅰ 人を元気に, four
/// 政策項目, each graded A by 福祉保健部, with dated figures in the
/// reason (評価理由).
#[test]
fn table_19_grades_four_policy_items_a_under_one_heading() {
    let plan = example("19");
    assert_eq!(
        rows_per_level(&plan),
        [("分野".to_owned(), 1), ("政策項目".to_owned(), 4)]
    );
    assert_eq!(rows(&plan)[0], "分野 Ⅰ人を元気に ");
    let tally = Tally::of_projects(&plan);
    assert_eq!((tally.total(), tally.counts), (4, vec![4]), "A 4件");
    let projects = &plan.strategies[0].measures[0].projects;
    for (p, project) in projects.iter().enumerate() {
        let owner = department(&plan, Address::Project(0, 0, p)).map(|d| d.name);
        assert_eq!(owner, Some("福祉保健部"), "{}", project.name);
    }
    let names: Vec<&str> = projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[3], "④若者の幸せをつくる出会い・結婚サポートの充実");
    assert_eq!(
        projects[2].name,
        "③安心して子育てできる病児・病後児保育の体制拡充"
    );
    let reason: Vec<&str> = projects[2].reason().lines().collect();
    assert_eq!(reason.len(), 3, "{reason:?}");
    assert_eq!(reason[1], "・施設数:21施設(H27.4月)→27施設(H30.2月末)");
}

/// Table 05 (人事企画課 工程表 R2): one 政策内容, 指標1 from 3.17 %
/// (2017年6月1日) with 3.29 % measured against a target of words for the
/// year (前年度実績値を下回らない), so no rate; and three 主要事業, of
/// which only the first states its budget, 139,955千円.
#[test]
fn table_05_dates_its_indicator_and_totals_the_stated_budget() {
    let plan = example("05");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("政策内容".to_owned(), 1),
            ("測定指標".to_owned(), 1),
            ("主要事業・主要制度".to_owned(), 3),
        ]
    );
    assert_eq!(
        rows(&plan)[0],
        "政策内容 組織力を最大限に発揮する人事制度の構築・運営 139,955"
    );
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(kpi.baseline, Some(3.17));
    assert_eq!(kpi.baseline_at.as_ref().unwrap().as_str(), "2017年6月1日");
    let targets: Vec<String> = kpi.targets.iter().map(dated_target_line).collect();
    assert_eq!(
        targets,
        [
            "2020年6月1日 前年度実績値を下回らない 中間",
            "2024年6月1日 3.5 長期"
        ]
    );
    assert_eq!(actual_line(latest(kpi).unwrap()), "2020年6月1日 3.29");
    assert_eq!(achievement(kpi, plan.achievement), None, "no rate of words");
    let owner = department(&plan, Address::Project(0, 0, 1)).map(|d| d.name);
    assert_eq!(owner, Some("人事企画課"));
    let budgets: Vec<Option<u64>> = (plan.strategies[0].measures[0].projects.iter())
        .map(|p| p.budget)
        .collect();
    assert_eq!(
        budgets,
        [Some(139955), None, None],
        "予算額(事業費)千円: blank"
    );
}

/// Table 03 (道路建設課 工程表 R3, 地域高規格道路): 整備延長 25.9 km of
/// 25.9 km from 0 km (H9), so 100 %; one 主要事業 of 5,042,000千円; the
/// 政策内容 graded ○(予定どおり), 達成度の評価 8 of 10, with its reason.
#[test]
fn table_03_reaches_its_target_with_one_project_of_five_billion_yen() {
    let plan = example("03");
    assert_eq!(
        rows(&plan),
        [
            "政策内容 高速道路ネットワークの整備(地域高規格道路の整備) 5,042,000",
            " 測定指標 1地域高規格道路の整備延長 0",
            " 主要事業・主要制度 地域高規格道路整備事業 5,042,000",
        ]
    );
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(
        kpi.baseline_at.as_ref().unwrap().gregorian(),
        "1997-04..1998-03"
    );
    let rate = achievement(kpi, plan.achievement).unwrap();
    assert_eq!(
        (rate.fiscal_year, percent(rate.rate)),
        (2021, "100%".to_owned())
    );
    let tally = Tally::of_strategies(&plan);
    assert_eq!(tally.counts, [0, 1, 0], "◎ 0, ○ 1, △ 0");
    let graded = &plan.strategies[0];
    assert_eq!(
        (graded.evaluation.as_str(), graded.score),
        ("予定どおり", Some(8))
    );
    assert_eq!(
        plan.score.as_ref().map(|s| (s.name.as_str(), s.max)),
        Some(("達成度の評価", 10))
    );
    assert!(
        graded
            .reason
            .ends_with("江府道路の早期供用に向け、整備が進捗した。")
    );
}

/// Table 02 (道路建設課 工程表 R3, 環境配慮): 指標1 from 97.1 % (H22) to
/// 98.8 % for R3, 98.7 % at the start of the year: 94 % of the way;
/// graded ◎(予定以上), 達成度の評価 10, for its actual above the target.
/// Its one 主要事業 row is blank, so the plan has no project: the grade
/// is its indicator's.
#[test]
fn table_02_measures_its_indicator_from_the_baseline() {
    let plan = example("02");
    assert_eq!(
        rows_per_level(&plan),
        [("政策内容".to_owned(), 1), ("測定指標".to_owned(), 1)]
    );
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(
        (kpi.baseline, kpi.target.value.number()),
        (Some(97.1), Some(98.8))
    );
    assert_eq!(dated_target_line(&kpi.targets[0]), "R3年度 98.8 中間");
    assert_eq!(
        kpi.baseline_at.as_ref().unwrap().gregorian(),
        "2010-04..2011-03"
    );
    assert_eq!(actual_line(latest(kpi).unwrap()), "R2年度 98.7");
    let rate = achievement(kpi, plan.achievement).map(|a| percent(a.rate));
    assert_eq!(rate.as_deref(), Some("94%"));
    assert_eq!((kpi.evaluation.as_str(), kpi.score), ("予定以上", Some(10)));
    assert_eq!(kpi.reason, "目標値に対して実績値が上回ったため。");
}

/// Table 05's indicator is measured (3.29 %) against a target in words
/// for the year: the detail pane and the report say it has no rate, not
/// that nothing was measured.
#[test]
fn table_05_is_measured_but_has_no_rate() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::{arg, keys, press, screen_text};
    use crossterm::event::KeyCode;

    let path = common::examples::example_path("05");
    let mut app = open_in(std::slice::from_ref(&path), 100, 40, Lang::Ja);
    keys(&mut app, "j");
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(detail.contains("2020年6月1日 3.29"), "{detail}");
    assert!(detail.contains("達成率なし"), "{detail}");
    assert!(!detail.contains("実績なし"), "{detail}");
    let out = common::actplan(&["export", "--format", "md", "-o", "-", arg(&path)]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("- 達成度: 達成率なし\n"), "{report}");
}

/// Tables 01 and 04 (西部振興課 R1, 情報政策課 R3): 測定指標なし, one
/// 主要事業 each, of 1,898千円 and of 15,479千円 with the year's 取組; each
/// 政策内容 graded as a whole, ○(予定どおり) 達成度 7 and △(やや遅れ)
/// 達成度 6, with the reason.
#[test]
fn tables_01_and_04_grade_their_policy_as_a_whole() {
    for (number, budget, counts, score, reason) in [
        ("01", 1898, [0, 1, 0], 7, "計画どおり目標達成が図れた。"),
        ("04", 15479, [0, 0, 1], 6, "取り組む足掛かりができたため。"),
    ] {
        let plan = example(number);
        assert_eq!(plan.strategies[0].kpis.len(), 0, "{number}: 測定指標なし");
        assert_eq!(rows(&plan).len(), 2, "{number}: 政策内容 and its 主要事業");
        assert_eq!(Tally::of_strategies(&plan).counts, counts, "{number}");
        let policy = &plan.strategies[0];
        assert!(policy.reason.ends_with(reason), "{number}");
        assert_eq!(policy.score, Some(score), "{number}: 達成度の評価");
        let project = &policy.measures[0].projects[0];
        assert_eq!(project.budget, Some(budget), "{number}");
        assert_eq!(project.schedule.len(), 1, "{number}: the year's 取組");
    }
}

/// Table 07 (人事企画課 H25): 時間外勤務 with its cells blank, and one
/// 主要事業 of トータルコスト 700千円 whose schedule names its months.
#[test]
fn table_07_dates_its_schedule_by_the_month() {
    let plan = example("07");
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!((kpi.statement.as_str(), kpi.baseline), ("時間外勤務", None));
    assert!(kpi.actuals.is_empty() && kpi.targets.is_empty());
    let project = &plan.strategies[0].measures[0].projects[0];
    assert_eq!(
        (project.budget, project.budget_note.as_str()),
        (Some(700), "トータルコスト予算額700千円")
    );
    let dated: Vec<String> = (project.schedule.iter())
        .filter_map(|e| {
            e.date
                .as_ref()
                .map(|d| format!("{} {}", d.gregorian(), e.text))
        })
        .collect();
    assert_eq!(
        dated,
        [
            "2013-09 時間外の多い所属を対象に意見交換",
            "2013-12 時間外の多い所属を対象に意見交換",
            "2013-07 職場力アップセミナーの開催",
        ]
    );
}

/// `summary` of table 05 keeps a space between its level names, longer
/// than the default ones, and the names of the nodes.
#[test]
fn table_05_summary_separates_its_level_names_from_the_names() {
    let path = common::examples::example_path("05");
    let out = common::actplan(&["summary", common::arg(&path)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("  政策内容 組織力を最大限に発揮する人事制度の構築・運営\n"),
        "{text}"
    );
    assert!(text.contains("  139,955  合計 3件\n"), "{text}");
}

/// Table 19's counts of grades are headed by its own word for what it
/// grades, 政策項目, in the app (key `5`) and in `summary`.
#[test]
fn table_19_counts_its_grades_as_policy_items() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::{keys, screen_text};

    let path = common::examples::example_path("19");
    let mut app = open_in(std::slice::from_ref(&path), 80, 24, Lang::Ja);
    keys(&mut app, "5");
    let view = screen_text(&app);
    assert!(view.contains("政策項目（評価）"), "{view}");
    assert!(!view.contains("事業"), "{view}");
    let out = common::actplan(&["summary", common::arg(&path)]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("政策項目（評価）: A 4件（100.0%） 合計 4件\n"),
        "{text}"
    );
}
