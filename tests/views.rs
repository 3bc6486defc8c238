//! The budget, timeline and KPI views at 80x24 and 120x40: what they show
//! and that they follow the selection.

mod common;

use actplan::app::App;
use actplan::model::fields::Field;
use common::drive::{go_to, seed, to_field};
use common::{SEED, keys, open, path, peek, press, screen_text};
use crossterm::event::KeyCode;

fn right_pane(app: &App) -> Vec<String> {
    let split = usize::from(peek::right_pane_x(app));
    screen_text(app)
        .lines()
        .map(|l| {
            let mut width = 0;
            l.chars()
                .skip_while(|c| {
                    width += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                    width <= split
                })
                .collect()
        })
        .collect()
}

#[test]
fn budget_bars_by_strategy_kpi_and_measure() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = open(&[path(SEED)], w, h);
        go_to(&mut app, seed::MEASURE_3);
        keys(&mut app, "2");
        let pane = right_pane(&app);
        assert!(pane[0].contains("予算 戦略別"), "{w}x{h}: {pane:?}");
        assert!(
            pane[1].contains("169,051 100.0%") && pane[1].contains('#'),
            "{pane:?}"
        );
        keys(&mut app, "B");
        let pane = right_pane(&app).join("\n");
        assert!(pane.contains("16,550   9.8%"), "{w}x{h}:\n{pane}");
        assert!(pane.contains("152,501  90.2%"), "{pane}");
        keys(&mut app, "B");
        let pane = right_pane(&app).join("\n");
        assert!(pane.contains("予算 施策別"));
        assert!(
            pane.contains("152,501  90.2%") && pane.contains("7,350   4.3%"),
            "{w}x{h}:\n{pane}"
        );
        insta::assert_snapshot!(format!("budget_measures_{w}x{h}"), screen_text(&app));
    }
}

#[test]
fn timeline_bars_follow_each_period() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = open(&[path(SEED)], w, h);
        go_to(&mut app, seed::PLATFORM);
        keys(&mut app, "3");
        let pane = right_pane(&app);
        assert!(pane[0].contains("期間 R5年度"), "{pane:?}");
        // 地方創生人材育成研修事業 runs R5.4～R5.9: 6 of the 12 months.
        let row = pane
            .iter()
            .find(|l| l.contains("地方創生"))
            .unwrap_or_else(|| panic!("{pane:?}"));
        let step = row.matches('=').count() / 6;
        assert!(step >= 1 && row.matches('=').count() == 6 * step, "{row}");
        let full = pane.iter().find(|l| l.contains("県庁活性化")).unwrap();
        assert_eq!(full.matches('=').count(), 12 * step, "{full}");
        // Ended long before this month and not finished: overdue.
        assert!(row.contains("!地方創生"), "{row}");
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), screen_text(&app));
    }
}

#[test]
fn kpi_view_shows_targets_actuals_and_gauges() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = open(&[path(SEED)], w, h);
        go_to(&mut app, seed::KPI_2);
        keys(&mut app, "4");
        let pane = right_pane(&app).join("\n");
        assert!(pane.contains("目標 20.0 以上"), "{pane}");
        assert!(pane.contains("実績なし"), "{pane}");
        assert!(pane.contains("達成度 --"), "{pane}");
        insta::assert_snapshot!(format!("kpis_{w}x{h}"), screen_text(&app));
    }
    // With actuals, the gauge.
    let (_dir, file) = common::seed_copy();
    let mut app = open(&[file], 120, 40);
    go_to(&mut app, seed::KPI_2);
    to_field(&mut app, Field::Baseline);
    keys(&mut app, "e");
    keys(&mut app, "15");
    press(&mut app, KeyCode::Enter);
    to_field(&mut app, Field::Actuals);
    keys(&mut app, "e");
    keys(&mut app, "R5年度 18");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "4");
    let pane = right_pane(&app).join("\n");
    assert!(
        pane.contains("実績 R5年度 18") && pane.contains("[######----] 60%"),
        "{pane}"
    );
}

#[test]
fn views_follow_the_selection_in_a_long_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = actplan::store::load(std::path::Path::new(SEED))
        .unwrap()
        .plan;
    let (s, m) = common::named::measure_place(&plan, seed::MEASURE_3);
    let template = plan.strategies[s].measures[m].projects[0].clone();
    plan.strategies[s].measure_mut(m).projects = (0..60)
        .map(|i| actplan::model::Project {
            name: format!("事業{i:02}"),
            ..template.clone()
        })
        .collect();
    let file = dir.path().join("long.ron");
    actplan::store::save(&file, &plan).unwrap();
    let mut app = open(&[file], 80, 24);
    go_to(&mut app, "事業59");
    keys(&mut app, "3");
    let pane = right_pane(&app).join("\n");
    assert!(
        pane.contains("事業59"),
        "the selected project is on screen:\n{pane}"
    );
    assert!(!pane.contains("事業00"), "{pane}");
}

#[test]
fn the_timeline_follows_the_month_while_the_plan_is_open() {
    let mut app = open(&[path(SEED)], 120, 40);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "3");
    // As if the plan had been opened in June of its year.
    peek::set_month(&mut app, 2023, 6);
    let pane = right_pane(&app);
    let row = pane.iter().find(|l| l.contains("地方創生")).unwrap();
    // R5.4～R5.9 is not over yet in June.
    assert!(row.contains(" 地方創生") && !row.contains('!'), "{row}");
    // The month is looked at again while the app runs; the change counts
    // as one (a running screen draws the pane again).
    let revision = peek::revision(&app);
    app.update(actplan::action::Action::Tick);
    assert_ne!(peek::month(&app).year, 2023);
    assert!(peek::revision(&app) > revision);
    let pane = right_pane(&app);
    let row = pane.iter().find(|l| l.contains("地方創生")).unwrap();
    assert!(row.contains("!地方創生"), "{row}");
}

#[test]
fn the_overdue_filter_follows_the_month_while_the_plan_is_open() {
    let mut app = open(&[path(SEED)], 120, 40);
    peek::set_month(&mut app, 2023, 6);
    keys(&mut app, "fo");
    press(&mut app, KeyCode::Esc);
    // In June 2023 R5.4～R5.9 is not over: not overdue.
    assert!(
        screen_text(&app).contains("絞込[期限超過]"),
        "the filter shows"
    );
    assert!(!screen_text(&app).contains("地方創生人材育成研修事業"));
    // Months later, unfinished, it is.
    app.update(actplan::action::Action::Tick);
    assert!(screen_text(&app).contains("地方創生人材育成研修事業"));
}
