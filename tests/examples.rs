//! The published tables encoded in `plans/examples/` (each named after its
//! source in the collection of real plans, `NN-…ron`): every one loads,
//! passes `check`, is in canonical form, and gives the figures its source
//! publishes.

mod common;

use actplan::model::achievement::{achievement, percent};
use actplan::model::validate::validate;
use actplan::store;
use common::examples::{example, examples, load};

#[test]
fn every_example_is_named_after_its_source_loads_and_passes_check() {
    let examples = examples();
    assert!(!examples.is_empty());
    for path in &examples {
        let name = path.file_name().unwrap().to_string_lossy();
        let number: String = name.chars().take_while(char::is_ascii_digit).collect();
        assert!(
            number.len() == 2 && name[2..].starts_with('-'),
            "{name} is named NN-… after its source"
        );
        let plan = load(path);
        assert!(validate(&plan).is_empty(), "{name}: {:?}", validate(&plan));
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(
            store::to_canonical(&plan),
            text,
            "{name} is in canonical form"
        );
    }
}

/// Table 20 (鳥取県 事後評価): 目標達成率 = 実績値 ÷ 目標値, published as
/// 38 % and 118 % (from the baseline, the second would be 609 %).
#[test]
fn table_20_gives_the_published_rates_of_achievement() {
    let plan = example("20");
    let rates: Vec<(String, String)> = plan.strategies[0]
        .kpis
        .iter()
        .map(|k| {
            let rate = achievement(k, plan.achievement).map(|a| percent(a.rate));
            (k.statement.clone(), rate.unwrap_or_default())
        })
        .collect();
    assert_eq!(
        rates,
        [
            ("鳥取市へのアクセス時間の短縮".to_owned(), "38%".to_owned()),
            ("県東部地域への入り込み客数".to_owned(), "118%".to_owned()),
        ]
    );
}

/// Table 16 (鳥取県 予算編成過程 H30 県庁働き方改革推進事業): three rows
/// of 事業費 (A), 人件費 (B) and トータルコスト (A+B), and the 計上額 the
/// 要求額 of 1,020千円 was assessed at. 29年度's 事業費 is a stated 0.
#[test]
fn table_16_gives_its_published_budget_figures() {
    use actplan::model::budget_figures::figure_totals;

    let plan = example("16");
    let totals: Vec<(String, u64, usize)> = figure_totals(&plan);
    let figure = |name: &str| {
        let (_, sum, blank) = totals.iter().find(|(n, _, _)| n == name).unwrap();
        assert_eq!(*blank, 0, "{name} is stated");
        *sum
    };
    let rows = [
        ("30年度当初予算額", 1962, 7945, 9907),
        ("30年度当初予算要求額", 1020, 6356, 7376),
        ("29年度当初予算額", 0, 6358, 6358),
    ];
    for (row, business, personnel, total) in rows {
        let a = figure(&format!("{row}・事業費"));
        let b = figure(&format!("{row}・人件費"));
        assert_eq!((a, b), (business, personnel), "{row}");
        assert_eq!(figure(&format!("{row}・トータルコスト")), total, "{row}");
        assert_eq!(a + b, total, "{row}: トータルコスト is A+B");
    }
    assert_eq!(figure("計上額"), 140);
    assert_eq!(plan.totalled_figure(), "30年度当初予算額・事業費");
    assert_eq!(actplan::model::totals::plan_total(&plan).budget, 1962);
}

/// Table 30 (内閣府 KPIの進捗状況): A where a KPI has come at least as far as
/// the share of its period elapsed. 設備投資 64.9兆円 (2012年度) → 70兆円 by
/// 2015年度, 69.4兆円 in 2014年度: 88 % of the way with two thirds of the
/// period gone, so A, as published; the grade entered is the same.
#[test]
fn table_30_gives_the_published_grade_by_the_share_of_the_period_elapsed() {
    use actplan::model::pace::{computed_grade, disagreement, elapsed_share};

    let plan = example("30");
    let kpi = &plan.strategies[0].kpis[0];
    let rate = achievement(kpi, plan.achievement).map(|a| percent(a.rate));
    assert_eq!(rate.as_deref(), Some("88%"));
    let elapsed = elapsed_share(kpi).unwrap();
    assert_eq!(percent(elapsed), "67%");
    assert_eq!(computed_grade(&plan, kpi), Some("A"));
    assert_eq!(kpi.evaluation, "A");
    assert_eq!(disagreement(&plan, kpi), None);
    assert!(
        kpi.reason
            .starts_with("設備投資水準は 2012 年度に 64.9 兆円")
    );
    // Had the KPI come less far than the time gone, B.
    let mut slow = plan.clone();
    slow.strategies[0].kpis[0].actuals[1].value = 67.0;
    let kpi = &slow.strategies[0].kpis[0];
    assert_eq!(computed_grade(&slow, kpi), Some("B"));
    assert_eq!(disagreement(&slow, kpi), Some("B"));
}

/// Every example opens in the app at 80x24; table 20's KPI rows are headed
/// by its own word for them, 成果目標, as is the list in the detail of
/// its goal.
#[test]
fn the_examples_open_at_80x24_with_their_own_level_names() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::{press, screen_text};
    use crossterm::event::KeyCode;

    for path in examples() {
        let app = open_in(std::slice::from_ref(&path), 80, 24, Lang::Ja);
        let plan = load(&path);
        let shown = screen_text(&app);
        let title: String = plan.title.chars().take(8).collect();
        assert!(shown.contains(&title), "{}:\n{shown}", path.display());
    }
    let path = examples()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("/20-"))
        .unwrap();
    let mut app = open_in(&[path], 80, 24, Lang::Ja);
    let shown = screen_text(&app);
    assert!(shown.contains("成果目標 1 38%"), "{shown}");
    assert!(shown.contains("成果目標 2 118%"), "{shown}");
    assert!(!shown.contains("KPI"), "{shown}");
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(
        detail.contains("計画の目標名"),
        "its name, headed:\n{detail}"
    );
    assert!(!detail.contains("戦略"), "{detail}");
    assert!(detail.contains("成果目標"), "{detail}");
}

/// The detail pane lists what a node holds by the levels the plan has:
/// table 19's heading holds 政策項目 (its strategy and measure have no
/// level, so no row and no list), and a 主要事業 of table 05 names no
/// 施策, which that table does not have; its 測定指標's department comes
/// from its 政策内容.
#[test]
fn the_detail_pane_lists_only_the_levels_a_plan_has() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::{keys, press, screen_text};
    use crossterm::event::KeyCode;

    let path = common::examples::example_path("19");
    let mut app = open_in(&[path], 100, 30, Lang::Ja);
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(!detail.contains("戦略"), "{detail}");
    assert!(
        detail.contains("|  ①地域の協力を得て保育料を第3子から無償化 "),
        "the heading lists its 政策項目:\n{detail}"
    );
    let path = common::examples::example_path("05");
    let mut app = open_in(&[path], 100, 40, Lang::Ja);
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(detail.contains("人事・給与等管理費"), "{detail}");
    assert!(!detail.contains("施策"), "{detail}");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "k");
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(detail.contains("測定指標 / 1"), "{detail}");
    assert!(
        !detail.contains("施策"),
        "the indicator's detail:\n{detail}"
    );
    assert!(
        detail.contains("人事企画課（政策内容から）"),
        "its department, from the level as the plan calls it:\n{detail}"
    );
}
