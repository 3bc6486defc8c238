//! The review workflow, driven by keys on a copy of the bundled plan: what
//! the screen shows after them, what the file holds after saving, and that
//! undo takes each kind of change back exactly.

mod common;

use actplan::app::App;
use actplan::model::dates::{era_short, this_month};
use actplan::model::fields::Field;
use actplan::model::{Plan, Project};
use actplan::store;
use common::drive::{edit_field, go_to, seed, to_tree};
use common::named::{measure_place, project};
use common::{ctrl, keys, open, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

fn plan_of(app: &App) -> Plan {
    peek::plan(app)
}

fn saved(path: &std::path::Path) -> Plan {
    store::load(path).unwrap().plan
}

/// Nodes of the bundled plan.
const LAST_PROJECT: &str = seed::PLATFORM;
const MEASURE_3: &str = seed::MEASURE_3;
const KPI_2: &str = seed::KPI_2;
const MEASURE_1: &str = seed::MEASURE_1;

fn go(app: &mut App, name: &str) {
    go_to(app, name);
}

/// The project of the bundled plan named `name`, as `plan` holds it.
fn the<'a>(plan: &'a Plan, name: &str) -> &'a Project {
    project(plan, name)
}

/// Edits `field` of the selected node: clears it and types.
fn set_field(app: &mut App, field: Field, text: &str, multiline: bool) {
    edit_field(app, field);
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
    keys(app, text);
    press(
        app,
        if multiline {
            KeyCode::Esc
        } else {
            KeyCode::Enter
        },
    );
    // A refused value keeps the editor open, for the test to look at.
    if !peek::editing(app) {
        to_tree(app);
    }
}

#[test]
fn owner_and_evaluation_are_shown_and_saved_with_who_changed_it() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 60);
    go(&mut app, LAST_PROJECT);
    set_field(&mut app, Field::Owner, "デジタル推進課", false);
    set_field(&mut app, Field::Evaluation, "遅", false);
    let text = screen_text(&app);
    assert!(
        text.contains("[遅]サービス連携"),
        "marker in the tree:\n{text}"
    );
    assert!(text.contains("[遅] 遅れ"), "{text}");
    assert!(text.contains("デジタル推進課"), "{text}");
    set_field(&mut app, Field::Evaluation, "A", false);
    assert!(screen_text(&app).contains("`A` is not on this plan's scale: 順調 / 概ね順調"));
    ctrl(&mut app, 'g');
    to_tree(&mut app);
    ctrl(&mut app, 's');
    let plan = saved(&path);
    let project = the(&plan, LAST_PROJECT);
    assert_eq!(
        (project.owner.as_str(), project.evaluation.as_str()),
        ("デジタル推進課", "遅れ")
    );
    let change = project.last_change.as_ref().expect("who changed it");
    assert!(screen_text(&app).contains(&format!("{} {}", change.user, change.at)));
    let unchanged = the(&plan, seed::MY_NUMBER);
    assert_eq!(
        unchanged.last_change, None,
        "projects not changed are not stamped"
    );
}

#[test]
fn a_key_adds_a_progress_entry_dated_this_month() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, LAST_PROJECT);
    keys(&mut app, "a");
    let month = era_short(this_month());
    assert!(
        screen_text(&app).contains(&format!("{month} ")),
        "{}",
        screen_text(&app)
    );
    keys(&mut app, "進捗を報告");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    let entry = the(&saved(&path), LAST_PROJECT)
        .schedule
        .last()
        .unwrap()
        .to_line();
    assert_eq!(entry, format!("{month} 進捗を報告"));
    // The date alone is no entry.
    let count = the(&plan_of(&app), LAST_PROJECT).schedule.len();
    keys(&mut app, "a");
    press(&mut app, KeyCode::Esc);
    assert_eq!(the(&plan_of(&app), LAST_PROJECT).schedule.len(), count);
}

#[test]
fn budgets_in_every_form_and_a_refusal_that_keeps_the_old_value() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, LAST_PROJECT);
    for (typed, expected) in [
        ("4450", 4450),
        ("4,450", 4450),
        ("４，４５０", 4450),
        ("150000", 150_000),
    ] {
        set_field(&mut app, Field::Budget, typed, false);
        assert_eq!(
            the(&plan_of(&app), LAST_PROJECT).budget,
            Some(expected),
            "{typed}"
        );
    }
    set_field(&mut app, Field::Budget, "十万", false);
    assert!(
        screen_text(&app).contains("`十万` is not a budget"),
        "{}",
        screen_text(&app)
    );
    ctrl(&mut app, 'g');
    assert_eq!(the(&plan_of(&app), LAST_PROJECT).budget, Some(150_000));
}

#[test]
fn periods_in_every_notation_are_kept_as_written() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, LAST_PROJECT);
    for typed in [
        "令和5年4月～令和6年3月",
        "R5年度",
        "2023-04..2024-03",
        "2023/4～2024/3",
        "H31.4",
        "平成27年度～平成30年度",
    ] {
        set_field(&mut app, Field::Period, typed, false);
        let plan = plan_of(&app);
        assert_eq!(the(&plan, LAST_PROJECT).period.as_str(), typed);
    }
    set_field(&mut app, Field::Period, "来年", false);
    assert!(
        screen_text(&app).contains("accepted: R5.4"),
        "{}",
        screen_text(&app)
    );
    ctrl(&mut app, 'g');
    ctrl(&mut app, 's');
    assert_eq!(
        the(&saved(&path), LAST_PROJECT).period.as_str(),
        "平成27年度～平成30年度"
    );
}

#[test]
fn dates_switch_between_as_written_and_gregorian() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 100, 30);
    go(&mut app, LAST_PROJECT);
    assert!(screen_text(&app).contains("R5.4～R6.3  (2023-04..2024-03)"));
    keys(&mut app, "D");
    let text = screen_text(&app);
    assert!(!text.contains("R5.4～R6.3"), "{text}");
    assert!(text.contains("2023-04..2024-03"));
    assert!(text.contains("2023-06..2023-08 プロポーザル実施"), "{text}");
    keys(&mut app, "D");
    assert!(screen_text(&app).contains("R5.6～8 プロポーザル実施"));
}

#[test]
fn kpi_actuals_show_an_achievement_gauge_and_missing_ones_say_so() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, KPI_2);
    assert!(
        screen_text(&app).contains("実績なし"),
        "{}",
        screen_text(&app)
    );
    set_field(&mut app, Field::Baseline, "15", false);
    set_field(&mut app, Field::Actuals, "R5年度 18", true);
    let text = screen_text(&app);
    assert!(text.contains("R5年度 実績 18 [######----] 60%"), "{text}");
    assert!(text.contains("KPI ⅱ 60%"), "{text}");
    assert!(text.contains("KPI ⅰ --"), "no actuals is not 0%:\n{text}");
    keys(&mut app, "w");
    let plan = saved(&path);
    let kpi = plan.strategies[0]
        .kpis
        .iter()
        .find(|k| k.label == KPI_2)
        .unwrap();
    assert_eq!(kpi.baseline, Some(15.0));
    assert_eq!(
        (kpi.actuals[0].fiscal_year, kpi.actuals[0].value),
        (2023, 18.0)
    );
}

#[test]
fn add_a_project_name_it_and_save() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, MEASURE_3);
    keys(&mut app, "+");
    assert!(screen_text(&app).contains("編集: 事業名"));
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&app).contains("not added"),
        "left unnamed, it goes again"
    );
    let projects_of_3 = |plan: &Plan| {
        let (s, m) = measure_place(plan, MEASURE_3);
        plan.strategies[s].measures[m].projects.len()
    };
    let before = projects_of_3(&saved(&path));
    assert_eq!(projects_of_3(&plan_of(&app)), before);
    go(&mut app, MEASURE_3);
    keys(&mut app, "+");
    keys(&mut app, "ＤＸ推進事業");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("ＤＸ推進事業"), "{text}");
    assert!(text.contains("選択 ＤＸ推進事業 0千円 1件"), "{text}");
    keys(&mut app, "w");
    let plan = saved(&path);
    let added = the(&plan, "ＤＸ推進事業");
    assert_eq!(
        (added.name.as_str(), added.period.as_str(), added.budget),
        ("ＤＸ推進事業", "R5年度", Some(0))
    );
    // Cancelling the name of a new node removes it again.
    keys(&mut app, "o");
    ctrl(&mut app, 'g');
    assert_eq!(projects_of_3(&plan_of(&app)), before + 1);
    assert!(screen_text(&app).contains("not added"));
}

#[test]
fn delete_asks_first_and_undo_restores_it() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 100, 30);
    let before = plan_of(&app);
    go(&mut app, LAST_PROJECT);
    keys(&mut app, "d");
    let text = screen_text(&app);
    assert!(
        text.contains("Delete 事業 サービス連携プラットフォーム等整備事業"),
        "{text}"
    );
    assert!(text.contains("and everything under it?"), "{text}");
    keys(&mut app, "n");
    assert_eq!(plan_of(&app), before);
    go(&mut app, LAST_PROJECT);
    keys(&mut app, "d");
    keys(&mut app, "y");
    assert!(
        screen_text(&app).contains("合計 26,451千円"),
        "{}",
        screen_text(&app)
    );
    keys(&mut app, "u");
    assert_eq!(plan_of(&app), before, "undo restores the exact plan");
    assert!(!peek::dirty(&app), "back to what is on disk");
}

/// Keys that make one change.
type Change = Box<dyn Fn(&mut App)>;

#[test]
fn every_kind_of_change_undoes_exactly_and_redoes() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 100, 30);
    let changes: Vec<(&str, Change)> = vec![
        (
            "field",
            Box::new(|a: &mut App| set_field(a, Field::Budget, "1", false)),
        ),
        (
            "add",
            Box::new(|a: &mut App| {
                keys(a, "o");
                keys(a, "新規");
                press(a, KeyCode::Enter);
            }),
        ),
        ("delete", Box::new(|a: &mut App| keys(a, "dy"))),
        ("reorder", Box::new(|a: &mut App| keys(a, "K"))),
        (
            "move",
            Box::new(|a: &mut App| {
                keys(a, "m");
                press(a, KeyCode::Enter);
            }),
        ),
        (
            "progress entry",
            Box::new(|a: &mut App| {
                keys(a, "a");
                keys(a, "x");
                press(a, KeyCode::Esc);
            }),
        ),
    ];
    for (what, change) in changes {
        go(&mut app, LAST_PROJECT);
        let before = plan_of(&app);
        change(&mut app);
        let after = plan_of(&app);
        assert_ne!(after, before, "{what} changed something");
        keys(&mut app, "u");
        assert_eq!(plan_of(&app), before, "undo of {what}");
        ctrl(&mut app, 'r');
        assert_eq!(plan_of(&app), after, "redo of {what}");
        keys(&mut app, "u");
    }
    // Linking a measure to a second KPI, and the undo of that.
    go(&mut app, MEASURE_1);
    let before = plan_of(&app);
    keys(&mut app, "L");
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    let (s, m) = measure_place(&plan_of(&app), MEASURE_1);
    assert_eq!(plan_of(&app).strategies[s].measures[m].kpis, ["ⅰ", "ⅱ"]);
    keys(&mut app, "u");
    assert_eq!(plan_of(&app), before);
}

#[test]
fn moving_a_project_and_linking_a_measure_keep_totals_right() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    go(&mut app, LAST_PROJECT);
    keys(&mut app, "m");
    let text = screen_text(&app);
    assert!(text.contains("Move the project to"), "{text}");
    assert!(text.contains("（６） / ①県庁組織の活性化"), "{text}");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    let row = |text: &str, what: &str| {
        text.lines()
            .find(|l| l.contains(what))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row(&text, "KPI ⅰ").contains("159,150"), "{text}");
    let status = text.lines().rev().nth(1).unwrap_or_default();
    assert!(
        status.contains("選択 サービス連携") && status.contains("142,600千円 1件"),
        "selection follows:\n{text}"
    );
    // Measure ① now also serves KPI ⅱ: shown under both, counted once.
    go(&mut app, MEASURE_1);
    keys(&mut app, "L");
    assert!(screen_text(&app).contains("[x] ⅰ"));
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("[x] ⅱ"));
    press(&mut app, KeyCode::Esc);
    let text = screen_text(&app);
    assert!(text.contains("合計 169,051千円"), "{text}");
    assert!(
        row(&text, "（６）県庁オープン化戦略").contains("169,051"),
        "{text}"
    );
    assert!(
        row(&text, "KPI ⅱ").contains("159,851"),
        "measure ① now counts under ⅱ too:\n{text}"
    );
    keys(&mut app, "w");
    let plan = saved(&path);
    let (s, m) = measure_place(&plan, MEASURE_1);
    assert_eq!(plan.strategies[s].measures[m].kpis, ["ⅰ", "ⅱ"]);
    assert_eq!(
        plan.strategies[s].measures[m].projects.last().unwrap().name,
        LAST_PROJECT
    );
    // Reordering: the moved project up one place, then the file.
    go(&mut app, LAST_PROJECT);
    keys(&mut app, "K");
    keys(&mut app, "w");
    let plan = saved(&path);
    let known = [seed::ACTIVATION, LAST_PROJECT, seed::TRAINING];
    let names: Vec<String> = plan.strategies[s].measures[m]
        .projects
        .iter()
        .filter(|p| known.contains(&p.name.as_str()))
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "県庁活性化促進事業",
            "サービス連携プラットフォーム等整備事業",
            "地方創生人材育成研修事業"
        ]
    );
}

/// A plan of 1,000 projects: 10 measures of 100, every 10th about ＤＸ,
/// evaluations cycling through the scale, budgets 1..=1000 × 10.
fn big_plan(dir: &std::path::Path) -> std::path::PathBuf {
    big_plan_of(dir, 100)
}

/// Ten measures of `per_measure` projects each.
fn big_plan_of(dir: &std::path::Path, per_measure: usize) -> std::path::PathBuf {
    let mut plan = store::load(std::path::Path::new(common::SEED))
        .unwrap()
        .plan;
    let template = plan.strategies[0].measures[0].projects[0].clone();
    let grades = ["順調", "概ね順調", "やや遅れ", "遅れ", "完了", "未着手"];
    let mut measures = Vec::new();
    for m in 0..10 {
        let mut measure = (*plan.strategies[0].measures[m % 3]).clone();
        measure.label = format!("({})", m + 1);
        measure.projects = (0..per_measure)
            .map(|p| {
                let i = m * per_measure + p;
                Project {
                    name: if i.is_multiple_of(10) {
                        format!("ＤＸ事業{i:04}")
                    } else {
                        format!("事業{i:04}")
                    },
                    budget: Some((i as u64 + 1) * 10),
                    evaluation: grades[i % 6].to_owned(),
                    // Half ended in 2023, half run to 2099.
                    period: actplan::model::Period::parse(if i.is_multiple_of(2) {
                        "R5.4～R5.9"
                    } else {
                        "R5.4～R81.3"
                    })
                    .unwrap(),
                    ..template.clone()
                }
            })
            .collect();
        measures.push(std::sync::Arc::new(measure));
    }
    plan.strategies[0].measures = measures;
    let path = dir.join("big.ron");
    store::save(&path, &plan).unwrap();
    path
}

/// The status bar: the line above the key hints.
fn status(app: &App) -> String {
    screen_text(app)
        .lines()
        .rev()
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

/// Types `typed` and checks the selection's name (as the status bar shows
/// it) begins with `expect`.
fn type_then_selected(app: &mut App, typed: &[KeyCode], expect: &str) {
    for &key in typed {
        press(app, key);
    }
    let line = status(app);
    let selected = line.split("選択 ").nth(1).unwrap_or_default();
    assert!(selected.starts_with(expect), "{typed:?}: {line}");
}

#[test]
fn search_follows_each_typed_character_and_backspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan(dir.path());
    let mut app = open(&[path], 120, 40);
    let chars = |text: &str| text.chars().map(KeyCode::Char).collect::<Vec<_>>();
    keys(&mut app, "/");
    // The first node holding `d` is also the first holding `dx`.
    type_then_selected(&mut app, &chars("d"), "ＤＸ事業0000");
    type_then_selected(&mut app, &chars("x"), "ＤＸ事業0000");
    type_then_selected(&mut app, &chars("事業00"), "ＤＸ事業0000");
    type_then_selected(&mut app, &chars("5"), "ＤＸ事業0050");
    // A shorter query starts again from where the search began.
    type_then_selected(&mut app, &[KeyCode::Backspace], "ＤＸ事業0000");
    type_then_selected(&mut app, &chars("5"), "ＤＸ事業0050");
    // No node holds this: the selection stays.
    type_then_selected(&mut app, &chars("9"), "ＤＸ事業0050");
    let back = [KeyCode::Backspace, KeyCode::Backspace, KeyCode::Char('6')];
    type_then_selected(&mut app, &back, "ＤＸ事業0060");
}

#[test]
fn a_search_through_a_large_plan_never_holds_up_a_keystroke() {
    let dir = tempfile::tempdir().unwrap();
    // 4,000 projects: more than one step of the search.
    let path = big_plan_of(dir.path(), 400);
    let mut plan = saved(&path);
    let last = std::sync::Arc::make_mut(&mut plan.strategies[0].measures[9]);
    last.projects[399].name = "Ω事業".to_owned();
    store::save(&path, &plan).unwrap();
    let mut app = open(&[path], 120, 40);
    keys(&mut app, "/");
    press(&mut app, KeyCode::Char('Ω'));
    // The key is on screen at once; the match, thousands of nodes on, not
    // yet.
    let text = screen_text(&app);
    assert!(text.contains(" /Ω  searching..."), "{text}");
    assert!(!status(&app).contains("選択 Ω事業"), "{text}");
    // The search goes on a step at a time while no key waits.
    let mut steps = 0;
    while peek::searching(&app) {
        app.update(actplan::action::Action::Tick);
        steps += 1;
    }
    assert!(steps > 1, "{steps}");
    let text = screen_text(&app);
    assert!(status(&app).contains("選択 Ω事業"), "{text}");
    assert!(!text.contains("searching..."), "{text}");
    // Enter while it still looks goes to the match.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/");
    press(&mut app, KeyCode::Char('Ω'));
    assert!(peek::searching(&app));
    press(&mut app, KeyCode::Enter);
    assert!(status(&app).contains("選択 Ω事業"), "{}", screen_text(&app));
    // `n` looks through the plan between keys too: the only match is
    // the one selected, found again after a whole round.
    keys(&mut app, "j");
    keys(&mut app, "n");
    assert!(screen_text(&app).contains("searching..."));
    assert!(!status(&app).contains("選択 Ω事業"));
    while peek::searching(&app) {
        app.update(actplan::action::Action::Tick);
    }
    assert!(status(&app).contains("選択 Ω事業"), "{}", screen_text(&app));
    assert!(!screen_text(&app).contains("searching..."));
    // Another key takes over from a search still looking.
    keys(&mut app, "N");
    assert!(peek::searching(&app));
    keys(&mut app, "k");
    assert!(!peek::searching(&app));
    let moved = status(&app);
    assert!(!moved.contains("選択 Ω事業"), "{moved}");
    app.update(actplan::action::Action::Tick);
    assert_eq!(status(&app), moved);
}

#[test]
fn search_and_filters_on_a_thousand_projects() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan(dir.path());
    let mut app = open(&[path], 120, 40);
    // Search: width-insensitive, counted over every node, n / N move.
    keys(&mut app, "/");
    keys(&mut app, "dx");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("counting matches for \"dx\""), "{text}");
    assert!(
        text.contains("選択 ＤＸ事業0000"),
        "at the match at once: {text}"
    );
    wait_for_count(&mut app);
    let text = screen_text(&app);
    assert!(text.contains("100 match(es) for \"dx\""), "{text}");
    keys(&mut app, "n");
    let text = screen_text(&app);
    assert!(text.contains("選択 ＤＸ事業0010"), "{text}");
    assert!(text.contains("100 match(es)"), "the count is kept: {text}");
    keys(&mut app, "N");
    assert!(
        screen_text(&app).contains("選択 ＤＸ事業0000"),
        "{}",
        screen_text(&app)
    );
    keys(&mut app, "N");
    // Measures 2, 5 and 8 serve KPI ⅱ and come last in the tree.
    assert!(
        screen_text(&app).contains("選択 ＤＸ事業0890"),
        "wraps around:\n{}",
        screen_text(&app)
    );

    // Evaluation 遅れ: i % 6 == 3 → 167 projects; budgets (i+1)*10.
    let expect = |pred: &dyn Fn(usize) -> bool| {
        let shown: Vec<usize> = (0..1000).filter(|&i| pred(i)).collect();
        (
            shown.len(),
            shown.iter().map(|&i| (i as u64 + 1) * 10).sum::<u64>(),
        )
    };
    // The filter menu stays open while filters are chosen.
    keys(&mut app, "f");
    keys(&mut app, "eeee"); // 順調 → 概ね順調 → やや遅れ → 遅れ
    let (count, total) = expect(&|i| i % 6 == 3);
    let line = status(&app);
    assert!(
        line.contains(&format!(
            "絞込[評価=遅れ] {count}件 {}千円",
            actplan::model::money::group_thousands(total)
        )),
        "{line}"
    );
    // And overdue: ended in 2023 (even i) and not 完了.
    keys(&mut app, "o");
    let (count, total) = expect(&|i| i % 6 == 3 && i % 2 == 0);
    let line = status(&app);
    assert!(
        line.contains(&format!(
            "{count}件 {}千円",
            actplan::model::money::group_thousands(total)
        )),
        "{line}"
    );
    // Overdue alone: 完了 is never overdue.
    keys(&mut app, "co");
    let (count, _) = expect(&|i| i % 2 == 0 && i % 6 != 4);
    assert!(
        status(&app).contains(&format!("絞込[期限超過] {count}件")),
        "{}",
        status(&app)
    );
    // Text, then a budget range on top of it.
    keys(&mut app, "c");
    keys(&mut app, "t");
    keys(&mut app, "ＤＸ");
    press(&mut app, KeyCode::Enter);
    let (count, total) = expect(&|i| i % 10 == 0);
    assert!(
        status(&app).contains(&format!(
            "{count}件 {}千円",
            actplan::model::money::group_thousands(total)
        )),
        "{}",
        status(&app)
    );
    keys(&mut app, "f");
    keys(&mut app, "b");
    keys(&mut app, "1000-5000");
    press(&mut app, KeyCode::Enter);
    let (count, total) = expect(&|i| i % 10 == 0 && (1000..=5000).contains(&((i as u64 + 1) * 10)));
    assert!(
        status(&app).contains(&format!(
            "{count}件 {}千円",
            actplan::model::money::group_thousands(total)
        )),
        "{}",
        status(&app)
    );
    let tree_rows = screen_text(&app);
    assert!(
        tree_rows.contains("ＤＸ事業0100") && !tree_rows.contains("事業0101"),
        "only what passes is shown:\n{tree_rows}"
    );
    keys(&mut app, "f");
    keys(&mut app, "c");
    press(&mut app, KeyCode::Esc);
    assert!(!status(&app).contains("絞込"));
}

#[test]
fn a_measure_moves_to_another_strategy() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    keys(&mut app, "g");
    keys(&mut app, "o");
    keys(&mut app, "人材戦略");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&app).contains("（７）人材戦略"),
        "the label continues the series:\n{}",
        screen_text(&app)
    );
    go(&mut app, MEASURE_1);
    keys(&mut app, "m");
    assert!(screen_text(&app).contains("Move the measure to"));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "w");
    let plan = saved(&path);
    let (s, m) = measure_place(&plan, MEASURE_1);
    assert_eq!(plan.strategies[s].label, "（７）");
    assert!(
        plan.strategies[s].measures[m].kpis.is_empty(),
        "the new strategy has no KPI ⅰ"
    );
    let before = saved(std::path::Path::new(common::SEED));
    assert_eq!(
        plan.strategies[0].measures.len(),
        before.strategies[0].measures.len() - 1
    );
    let text = screen_text(&app);
    assert!(
        text.lines()
            .any(|l| l.contains("（７）人材戦略") && l.contains("7,350")),
        "{text}"
    );
}

/// Every row's total, the shown total and the grand total, as drawn.
fn all_totals(
    app: &App,
) -> (
    Vec<actplan::model::Total>,
    Vec<(String, actplan::model::Total)>,
) {
    peek::totals(app)
}

/// The same totals from a tree built afresh from the plan as it is now.
fn totals_from_scratch(
    app: &App,
) -> (
    Vec<actplan::model::Total>,
    Vec<(String, actplan::model::Total)>,
) {
    let plans: Vec<Plan> = (0..peek::plan_count(app))
        .map(|i| peek::plan_at(app, i))
        .collect();
    let plans: Vec<&Plan> = plans.iter().collect();
    let tree = actplan::tree::Tree::build(&plans, Default::default());
    let rows = (0..tree.len()).map(|r| tree.row(r).unwrap().total);
    let mut grand = actplan::model::totals::totals_by_unit(&plans);
    grand.push(("shown".to_owned(), tree.shown_total()));
    (rows.collect(), grand)
}

#[test]
fn budget_edits_and_their_undo_update_every_total_above_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Measure ① serves both KPIs, so it and its projects are shown twice.
    let seed = std::fs::read_to_string(common::SEED).unwrap();
    std::fs::write(
        &path,
        seed.replacen("kpis: [\"ⅰ\"]", "kpis: [\"ⅰ\", \"ⅱ\"]", 1),
    )
    .unwrap();
    let mut app = open(std::slice::from_ref(&path), 100, 30);
    let before = all_totals(&app);
    assert_eq!(before, totals_from_scratch(&app));
    for (name, budget) in [
        (seed::ACTIVATION, "5000"),
        (seed::WORK_STYLE_LAB, "1"),
        (LAST_PROJECT, "300000"),
    ] {
        go(&mut app, name);
        set_field(&mut app, Field::Budget, budget, false);
        assert_eq!(
            all_totals(&app),
            totals_from_scratch(&app),
            "after {budget}"
        );
        assert!(
            screen_text(&app).contains(&actplan::model::money::group_thousands(
                peek::totals(&app).1[0].1.budget
            ))
        );
    }
    assert_ne!(all_totals(&app), before, "the edits changed the totals");
    for _ in 0..3 {
        keys(&mut app, "u");
        assert_eq!(all_totals(&app), totals_from_scratch(&app), "after undo");
    }
    assert_eq!(all_totals(&app), before, "all undone");
    ctrl(&mut app, 'r');
    assert_eq!(all_totals(&app), totals_from_scratch(&app), "after redo");
}

#[test]
fn only_changes_that_keep_rows_and_unit_are_taken_as_measure_changes() {
    let plan = store::load(std::path::Path::new(common::SEED))
        .unwrap()
        .plan;
    let mut budget = plan.clone();
    budget.strategies[0].measure_mut(1).projects[0].budget = Some(1);
    assert_eq!(budget.changed_measures(&plan), Some(vec![(0, 1)]));
    let mut unit = budget.clone();
    unit.unit = "円".to_owned();
    assert_eq!(
        unit.changed_measures(&plan),
        None,
        "totals are kept per unit"
    );
    let mut added = plan.clone();
    let project = added.strategies[0].measures[0].projects[0].clone();
    added.strategies[0].measure_mut(0).projects.push(project);
    assert_eq!(added.changed_measures(&plan), None, "a new row");
}

/// Ticks until the background match count is in.
fn wait_for_count(app: &mut App) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while peek::counting(app) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        app.update(actplan::action::Action::Tick);
    }
}

#[test]
fn the_match_count_follows_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan(dir.path());
    let mut app = open(&[path], 120, 40);
    keys(&mut app, "/dx");
    press(&mut app, KeyCode::Enter);
    wait_for_count(&mut app);
    assert!(
        screen_text(&app).contains("100 match(es)"),
        "{}",
        screen_text(&app)
    );
    // Evaluation 順調: i % 6 == 0; ＤＸ: i % 10 == 0 → i % 30 == 0, 34 projects.
    keys(&mut app, "fe");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "n");
    wait_for_count(&mut app);
    let text = screen_text(&app);
    assert!(text.contains("34 match(es)"), "{text}");
}

/// The 4,000-project plan with projects renamed: `(measure, project, name)`.
fn big_plan_named(dir: &std::path::Path, names: &[(usize, usize, &str)]) -> std::path::PathBuf {
    let path = big_plan_of(dir, 400);
    let mut plan = saved(&path);
    for &(m, p, name) in names {
        let measure = std::sync::Arc::make_mut(&mut plan.strategies[0].measures[m]);
        measure.projects[p].name = name.to_owned();
    }
    store::save(&path, &plan).unwrap();
    path
}

fn until_found(app: &mut App) {
    while peek::searching(app) {
        app.update(actplan::action::Action::Tick);
    }
}

fn selected_name(app: &App) -> String {
    let line = status(app);
    line.split("選択 ").nth(1).unwrap_or_default().to_owned()
}

#[test]
fn n_pressed_twice_while_the_first_still_looks_moves_twice() {
    let dir = tempfile::tempdir().unwrap();
    // Two matches some 2,000 nodes apart either way round.
    let path = big_plan_named(dir.path(), &[(3, 0, "Ω一事業"), (9, 399, "Ω二事業")]);
    let mut app = open(&[path], 120, 40);
    keys(&mut app, "/");
    press(&mut app, KeyCode::Char('Ω'));
    press(&mut app, KeyCode::Enter);
    let first = selected_name(&app);
    keys(&mut app, "n");
    until_found(&mut app);
    let second = selected_name(&app);
    assert!(first.starts_with('Ω') && second.starts_with('Ω') && first != second);
    // Both presses arrive before the first found its match.
    keys(&mut app, "nn");
    until_found(&mut app);
    assert_eq!(selected_name(&app), second);
}

#[test]
fn a_search_still_looking_when_the_plan_changes_on_disk_looks_in_the_new_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = big_plan_named(dir.path(), &[(9, 399, "Ω事業")]);
    let mut app = open(std::slice::from_ref(&path), 120, 40);
    keys(&mut app, "/");
    press(&mut app, KeyCode::Char('Ω'));
    app.update(actplan::action::Action::Tick);
    app.update(actplan::action::Action::Tick);
    assert!(peek::searching(&app));
    // Someone else moves the name near the top, past where it looked.
    let mut plan = saved(&path);
    let measures = &mut plan.strategies[0].measures;
    std::sync::Arc::make_mut(&mut measures[9]).projects[399].name = "事業9999".to_owned();
    std::sync::Arc::make_mut(&mut measures[0]).projects[20].name = "Ω事業".to_owned();
    store::save(&path, &plan).unwrap();
    peek::look_at_files_on_next_tick(&mut app);
    until_found(&mut app);
    assert!(
        selected_name(&app).starts_with("Ω事業"),
        "{}",
        screen_text(&app)
    );
}
