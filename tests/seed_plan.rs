//! The bundled plan holds every fact of the source table. The expected
//! values are written here, not read from anywhere else.

use std::path::Path;

use actplan::model::totals::{kpi_total, measure_total, plan_total, strategy_total};
use actplan::model::{Direction, Plan, Project};
use actplan::store;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/r5-growth-strategy.ron");

fn seed() -> Plan {
    store::load(Path::new(SEED))
        .expect("the bundled plan loads")
        .plan
}

fn project<'a>(plan: &'a Plan, name: &str) -> &'a Project {
    plan.strategies
        .iter()
        .flat_map(|s| &s.measures)
        .flat_map(|m| &m.projects)
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no project {name}"))
}

#[test]
fn plan_strategy_and_kpis() {
    let plan = seed();
    assert_eq!(
        plan.title,
        "令和５年度成長戦略アクションプランの推進について"
    );
    assert_eq!(plan.fiscal_year, 2023);
    assert_eq!(plan.unit, "千円");
    assert_eq!(plan.strategies.len(), 1);
    let s = &plan.strategies[0];
    assert_eq!(
        (s.label.as_str(), s.name.as_str()),
        ("（６）", "県庁オープン化戦略")
    );
    assert_eq!(s.kpis.len(), 2);
    assert_eq!(s.kpis[0].label, "ⅰ");
    assert_eq!(
        s.kpis[0].statement,
        "一般行政部門職員(約3,200名)の１% 以上/年がジョブチャレンジ制度や庁内複業制度を活用"
    );
    assert_eq!(s.kpis[0].target.value.number(), Some(1.0));
    assert_eq!(s.kpis[0].target.direction, Direction::AtLeast);
    assert_eq!(s.kpis[1].label, "ⅱ");
    assert!(
        s.kpis[1]
            .statement
            .starts_with("DCI（デジタル・ケイパビリティ・インデックス）")
    );
    assert!(
        s.kpis[1]
            .statement
            .ends_with("のスコアが全国上位の20.0以上")
    );
    assert_eq!(s.kpis[1].target.value.number(), Some(20.0));
    assert_eq!(s.kpis[1].target.direction, Direction::AtLeast);
}

#[test]
fn measures_serve_their_kpis() {
    let plan = seed();
    let s = &plan.strategies[0];
    let measures: Vec<(&str, &str, Vec<&str>)> = s
        .measures
        .iter()
        .map(|m| {
            (
                m.label.as_str(),
                m.name.as_str(),
                m.kpis.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        measures,
        [
            ("①", "県庁組織の活性化", vec!["ⅰ"]),
            ("②", "県庁の働き方改革の推進", vec!["ⅰ"]),
            (
                "③",
                "デジタル技術を活用した住民サービスの向上・住民参加の推進",
                vec!["ⅱ"]
            ),
        ]
    );
}

#[test]
fn projects_budgets_periods_and_entry_counts() {
    let plan = seed();
    // name, measure, budget, period, schedule entries, analysis bullets
    let expected = [
        ("県庁活性化促進事業", "①", 4450, "R5.4～R6.3", 5, 4),
        ("地方創生人材育成研修事業", "①", 2900, "R5.4～R5.9", 3, 1),
        ("働き方改革ラボ2.0事業", "②", 9200, "R5.4～R6.3", 2, 1),
        (
            "マイナンバーカード利活用プラットフォーム実証事業",
            "③",
            7567,
            "R5.4～9",
            1,
            3,
        ),
        ("行政手続きオンライン化事業", "③", 2334, "R5.4～R6.3", 2, 2),
        (
            "サービス連携プラットフォーム等整備事業",
            "③",
            142_600,
            "R5.4～R6.3",
            3,
            2,
        ),
    ];
    let actual: Vec<_> = plan.strategies[0]
        .measures
        .iter()
        .flat_map(|m| m.projects.iter().map(move |p| (m, p)))
        .map(|(m, p)| {
            (
                p.name.as_str(),
                m.label.as_str(),
                p.budget
                    .expect("every project of the seed states its budget"),
                p.period.as_str(),
                p.schedule.len(),
                p.analysis.len(),
            )
        })
        .collect();
    assert_eq!(actual, expected);
    let mynumber = project(&plan, "マイナンバーカード利活用プラットフォーム実証事業");
    assert_eq!(mynumber.period.gregorian(), "2023-04..2023-09");
}

#[test]
fn easily_lost_details_survive() {
    let plan = seed();
    let online = project(&plan, "行政手続きオンライン化事業");
    assert_eq!(online.budget_note, "※2,334は電子申請サービス委託料");
    let entries: Vec<String> = online.schedule.iter().map(|e| e.to_line()).collect();
    assert_eq!(
        entries,
        [
            "R4.4～9 電子納付機能導入準備・電子納付対応手続の選定",
            "R4.10～ 電子納付、電子契約の開始"
        ]
    );
    assert_eq!(online.analysis[1], "R5年度目標：5,300件");
    assert_eq!(
        online.schedule[1]
            .date
            .as_ref()
            .map(|d| (d.start().map(|m| m.to_string()), d.end())),
        Some((Some("2022-10".to_owned()), None)),
        "open-ended entry from before the plan's year"
    );

    let first = project(&plan, "県庁活性化促進事業");
    assert_eq!(
        first.schedule[0].to_line(),
        "R5.4～ 庁内広報「BEYOND」隔週発行"
    );
    assert_eq!(
        first.schedule[4].to_line(),
        "R5.6～ 共創スペース「コクリ」を活用した職員向けセミナー等実施",
        "wrapped line joined"
    );
    assert_eq!(
        first.analysis[1],
        "・プロジェクトチームを追加設置し、組織の枠を越えて対応する体制を強化（R4:３→R5:６）"
    );
    let training = project(&plan, "地方創生人材育成研修事業");
    assert!(training.analysis[0].contains("１２名（県４名、市町村８名）"));
    assert_eq!(training.schedule[0].to_line(), "R5.4～5 インプット研修");

    let lab = project(&plan, "働き方改革ラボ2.0事業");
    assert!(
        lab.schedule.iter().all(|e| e.date.is_none()),
        "undated bullets"
    );
    assert!(
        lab.schedule[0]
            .text
            .starts_with("・庁内横展開　好事例を集積")
    );
    assert!(lab.schedule[0].text.ends_with("今後全庁展開予定"));
    assert_eq!(
        lab.schedule[1].text,
        "・官民協働コミュニティ　5/31に新年度1回目のイベント開催"
    );

    let platform = project(&plan, "サービス連携プラットフォーム等整備事業");
    assert_eq!(
        platform.overview,
        "住民が利用する防災分野のデジタル防災マップや、アプリ・サービスを連携させるプラットフォーム等を整備"
    );
}

#[test]
fn totals_count_each_project_once() {
    let plan = seed();
    let s = &plan.strategies[0];
    assert_eq!(plan_total(&plan).budget, 169_051);
    assert_eq!(plan_total(&plan).projects, 6);
    assert_eq!(strategy_total(s).budget, 169_051);
    assert_eq!(kpi_total(s, 0).budget, 16_550);
    assert_eq!(kpi_total(s, 1).budget, 152_501);
    assert_eq!(measure_total(&s.measures[2]).budget, 152_501);
    assert_eq!(measure_total(&s.measures[2]).projects, 3);
}

#[test]
fn shared_measure_counts_once_in_totals() {
    let mut plan = seed();
    // Let measure ③ serve both KPIs: it appears under each, the total stays.
    plan.strategies[0].measure_mut(2).kpis = vec!["ⅰ".to_owned(), "ⅱ".to_owned()];
    let s = &plan.strategies[0];
    assert_eq!(kpi_total(s, 0).budget, 16_550 + 152_501);
    assert_eq!(kpi_total(s, 1).budget, 152_501);
    assert_eq!(strategy_total(s).budget, 169_051);
    assert_eq!(plan_total(&plan).budget, 169_051);
}

#[test]
fn canonical_round_trip_is_byte_for_byte() {
    let original = std::fs::read_to_string(SEED).unwrap();
    let plan = store::parse(Path::new(SEED), &original).unwrap().plan;
    assert_eq!(store::to_canonical(&plan), original);
}

#[test]
fn save_and_reload_gives_the_same_plan_and_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = seed();
    store::save(&path, &plan).unwrap();
    assert_eq!(store::load(&path).unwrap().plan, plan);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(SEED).unwrap()
    );
}

#[test]
fn multi_line_text_is_written_as_a_raw_string_and_reads_back() {
    let mut plan = seed();
    plan.strategies[0].measure_mut(0).projects[0].overview = "一行目\n二行目 \"引用\"".to_owned();
    let text = store::to_canonical(&plan);
    assert!(
        text.contains("overview: r#\"一行目\n二行目 \"引用\"\"#,"),
        "{text}"
    );
    let back = store::parse(Path::new("x.ron"), &text).unwrap().plan;
    assert_eq!(back, plan);
    assert_eq!(store::to_canonical(&back), text);
}
