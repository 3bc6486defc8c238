//! The figures the published tables of Kochi, Nagano, Hamamatsu and
//! Okayama state, read from their encodings in `plans/examples/`.

mod common;

use actplan::model::achievement::achievement;
use actplan::model::fields::{actual_line, dated_target_line, target_text};
use common::examples::{example, rows, rows_per_level};

/// Table 32 (高知県 産業成長戦略 進捗管理シート H26 第2四半期): five
/// levels; the 目次 names five 分野, and under 農業分野 the excerpt shows
/// ten 取組 (its 戦略の柱, 取組方針 and 施策 are not named in it) and one
/// 成果 with its dated areas.
#[test]
fn table_32_has_five_levels_and_the_ten_actions_of_its_farming_field() {
    let plan = example("32");
    let fields: Vec<String> = (plan.headings.iter())
        .filter(|h| h.under.is_empty())
        .map(|h| format!("{} {}", h.label, h.name))
        .collect();
    assert_eq!(
        fields,
        [
            "1 農業分野",
            "2 林業分野",
            "3 水産業分野",
            "4 商工業分野",
            "5 観光分野"
        ]
    );
    let counts = rows_per_level(&plan);
    assert_eq!(
        counts[1..],
        [
            ("戦略の柱".to_owned(), 1),
            ("取組方針".to_owned(), 1),
            ("施策".to_owned(), 1),
            ("取組".to_owned(), 10),
        ]
    );
    let rows = rows(&plan);
    assert_eq!(rows[0], "分野 1農業分野 ");
    assert_eq!(
        rows[4],
        "    取組 「学び教えあう場」を205ヵ所、「グループ実証」 を13品目・27グループで実施。 "
    );
    let actions = &plan.strategies[0].measures[0].projects;
    assert_eq!(
        actions.last().unwrap().name,
        "試験栽培、検討会の実施による新品目の導 入"
    );
    let results: Vec<&String> = actions.iter().flat_map(|p| &p.analysis).collect();
    assert_eq!(results.len(), 1, "one ◆成果");
    assert!(results[0].contains("野菜:H24年12月・15ha→H25年12月・30ha"));
    for action in actions {
        assert_eq!(action.period.gregorian(), "..2014-09", "done by Q2 of H26");
    }
}

/// The 目次 of table 32 names five 分野; the excerpt fills only 農業分野.
/// The four others hold nothing yet, and are shown all the same, in the
/// order of the contents.
#[test]
fn table_32_shows_all_five_fields_of_its_contents() {
    let plan = example("32");
    assert_eq!(rows_per_level(&plan)[0], ("分野".to_owned(), 5));
    let rows = rows(&plan);
    assert_eq!(
        rows[rows.len() - 4..],
        [
            "分野 2林業分野 0",
            "分野 3水産業分野 0",
            "分野 4商工業分野 0",
            "分野 5観光分野 0"
        ]
    );
}

/// The excerpt of table 32 names its 戦略の柱, 取組方針 and 施策 nowhere:
/// their rows say which level they are, not nothing.
#[test]
fn table_32_shows_a_level_the_excerpt_leaves_unnamed_by_its_level() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::screen_text;

    let path = common::examples::example_path("32");
    let app = open_in(&[path], 80, 24, Lang::Ja);
    let shown = screen_text(&app);
    for row in ["  ▾ （戦略の柱）", "    ▾ （取組方針）", "      ▾ （施策）"]
    {
        assert!(shown.contains(row), "{row}:\n{shown}");
    }
}

/// Table 29 (長野県 総合5か年計画 主要目標): 政策の柱 1 with the ten
/// 主要目標 the excerpt shows, each 現状 and 目標 dated, and its six
/// 該当する施策; 健康寿命's target is 全国1位, and nothing is measured yet.
#[test]
fn table_29_dates_its_main_targets_and_holds_a_target_of_words() {
    let plan = example("29");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("政策の柱".to_owned(), 1),
            ("主要目標".to_owned(), 10),
            ("該当する施策".to_owned(), 6),
        ]
    );
    let kpis = &plan.strategies[0].kpis;
    let energy = &kpis[0];
    assert_eq!(energy.statement, "再生可能エネルギー生産量");
    assert_eq!(target_text(&energy.target), "3.7万TJ 以上");
    assert_eq!(energy.baseline, Some(2.9));
    let at = energy.baseline_at.as_ref().unwrap();
    assert_eq!(
        (at.as_str(), at.gregorian().as_str()),
        ("2020 年度", "2020-04..2021-03")
    );
    assert_eq!(dated_target_line(&energy.targets[0]), "2027年度 3.7");
    let health = &kpis[6];
    assert_eq!(
        health.statement,
        "健康寿命(日常生活が自立している期間の平均)"
    );
    assert_eq!(target_text(&health.target), "全国1位");
    assert_eq!(dated_target_line(&health.targets[0]), "2026 年 全国1位");
    assert_eq!(
        target_text(&kpis[8].target),
        "45.0人 以下",
        "交通事故死者数"
    );
    let suicide = &kpis[9];
    assert_eq!(
        (suicide.baseline, target_text(&suicide.target).as_str()),
        (Some(16.3), "12.2人 以下"),
        "自殺死亡率, its target's year cut off"
    );
    assert!(suicide.targets.is_empty());
    assert!(
        kpis.iter()
            .all(|k| achievement(k, plan.achievement).is_none()),
        "a table of 現状 and 目標 gives no rate"
    );
    assert_eq!(rows(&plan)[11], " 該当する施策 1-1地球環境を保全する 0");
}

/// Table 22 (浜松市 DX推進計画 2024 KPI進捗, 3.自治体の生産性向上の取組):
/// six 取組項目 with the nine 目標 the excerpt shows (the sixth's is cut
/// off), each as published; six state a number to reach.
#[test]
fn table_22_lists_nine_goals_under_six_items_with_their_numbers() {
    let plan = example("22");
    assert_eq!(
        rows_per_level(&plan),
        [("取組項目".to_owned(), 6), ("目標".to_owned(), 9)]
    );
    assert_eq!(rows(&plan)[2], " 目標 2DX人材育成研修受講者:1,000人/年 0");
    let targets: Vec<String> = (plan.strategies.iter())
        .flat_map(|s| &s.kpis)
        .filter(|k| k.target.value.number().is_some())
        .map(|k| target_text(&k.target))
        .collect();
    assert_eq!(
        targets,
        [
            "1000.0人/年 以上",
            "75.0人(累計) 以上",
            "50.0% 以上",
            "4.0箇所(累計) 以上",
            "85.0% 以上",
            "20.0業務 以上",
        ]
    );
    let standard = &plan.strategies[4].kpis[0];
    assert_eq!(dated_target_line(&standard.targets[0]), "2025年度 20");
}

/// Table 28 (岡山県 第4次生き活きプラン 生き活き指標): under 重点戦略 4,
/// the 福祉サービス推進プログラム's three 指標 with 現況値 and 目標値 as
/// the text edition reads them (6.4 % in 令和4年度 → 8.0 %; 523 → 866
/// 事業所; 4年間累計1,825人, a target in words).
#[test]
fn table_28_reads_current_values_and_targets_of_three_indicators() {
    let plan = example("28");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("重点戦略".to_owned(), 1),
            ("重点戦略等".to_owned(), 1),
            ("生き活き指標".to_owned(), 3),
        ]
    );
    assert_eq!(
        rows(&plan)[0],
        "重点戦略 4安心で豊かさが実感できる地域の創造 0"
    );
    let kpis = &plan.strategies[0].kpis;
    let share = &kpis[0];
    assert_eq!(
        (share.baseline, target_text(&share.target).as_str()),
        (Some(6.4), "8.0% 以上")
    );
    assert_eq!(
        share.baseline_at.as_ref().unwrap().gregorian(),
        "2022-04..2023-03"
    );
    assert_eq!(
        (kpis[1].baseline, kpis[1].target.value.number()),
        (Some(523.0), Some(866.0))
    );
    assert_eq!(target_text(&kpis[2].target), "4年間累計1,825人");
}

/// Table 26 (三重県 行政のDX 3-1 行政手続のデジタル化): four levels, the
/// four parts of any plan: the 取組, its 目標項目 from 39 % to 100 % in
/// 2026年, the 取組概要 serving it and two 具体的な取組 dated by when
/// they are to be done (R6年度, R8年度).
#[test]
fn table_26_is_four_levels_from_its_aim_to_its_dated_actions() {
    let plan = example("26");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("取組".to_owned(), 1),
            ("目標項目".to_owned(), 1),
            ("取組概要".to_owned(), 1),
            ("具体的な取組".to_owned(), 2),
        ]
    );
    let kpi = &plan.strategies[0].kpis[0];
    assert_eq!(
        (kpi.baseline, target_text(&kpi.target).as_str()),
        (Some(39.0), "100.0% 以上")
    );
    assert_eq!(dated_target_line(&kpi.targets[0]), "2026年 100");
    let ends: Vec<String> = (plan.strategies[0].measures[0].projects.iter())
        .map(|p| p.period.gregorian())
        .collect();
    assert_eq!(ends, ["..2025-03", "..2027-03"]);
    assert_eq!(rows(&plan)[0], "取組 3-1行政手続のデジタル化 ");
}

/// A 目標 of table 22 stated in words alone is listed in its 取組項目's
/// detail as published, with no empty target after it.
#[test]
fn table_22_lists_a_goal_in_words_without_an_empty_target() {
    use actplan::words::Lang;
    use common::drive::open_in;
    use common::{press, screen_text};
    use crossterm::event::KeyCode;

    let path = common::examples::example_path("22");
    let mut app = open_in(&[path], 120, 30, Lang::Ja);
    press(&mut app, KeyCode::Tab);
    let detail = screen_text(&app);
    assert!(
        detail.contains("|  1 LGX行動規範の制定、ビジネスチャットの導入 "),
        "{detail}"
    );
    assert!(!detail.contains("（目標 ）"), "{detail}");
    assert!(
        detail.contains("2 DX人材育成研修受講者:1,000人/年（目標 1000.0人/年"),
        "{detail}"
    );
}

/// Table 27 (静岡県 ふじのくにDX推進計画, 定例幹部職員会議): three 区分
/// with their 主な進捗状況 as published (1,100万件→1,700万件, 27.8%→36.2%,
/// 48.0%→55.2%, 2件), targets not stated, so no rate; and the 事業 of
/// デジタル戦略局 with their R4 実績 and R5 取組.
#[test]
fn table_27_reports_progress_without_targets_and_dates_its_projects() {
    let plan = example("27");
    assert_eq!(
        rows_per_level(&plan),
        [
            ("区分".to_owned(), 3),
            ("主な進捗状況".to_owned(), 4),
            ("事業".to_owned(), 2),
        ]
    );
    let progress: Vec<String> = (plan.strategies.iter())
        .flat_map(|s| &s.kpis)
        .map(|k| {
            let from = k.baseline.map(|b| format!("{b}→")).unwrap_or_default();
            let to = k.actuals.iter().map(actual_line).collect::<String>();
            format!("{}:{from}{to}{}", k.statement, k.target.unit)
        })
        .collect();
    assert_eq!(
        progress,
        [
            "公開データの利用:1100→R4年度 1700万件",
            "デジタル技術実証事業の社会実装:R4年度 2件",
            "行政手続のオンライン化:27.8→R4年度 36.2%",
            "ICT人材を確保している企業の割合:48→R4年度 55.2%",
        ]
    );
    let kpis = plan.strategies.iter().flat_map(|s| &s.kpis);
    assert!(
        kpis.clone()
            .all(|k| achievement(k, plan.achievement).is_none())
    );
    let divide = &plan.strategies[0].measures[0].projects[0];
    let schedule: Vec<String> = (divide.schedule.iter())
        .map(|e| format!("{} {}", e.date.as_ref().unwrap(), e.text))
        .collect();
    assert_eq!(
        schedule,
        [
            "R4年度 デジタルサポーターの育成に着手し、343名育成",
            "R5年度 年間の育成数を500名に拡充",
        ]
    );
}
