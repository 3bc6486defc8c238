//! Editing as a user does it, on a temporary copy of the bundled plan: the
//! keys, the screen after them, and the file after saving.

mod common;

use actplan::model::fields::Field;
use actplan::model::{Period, ScheduleEntry};
use actplan::store;
use common::drive::{go_to, seed, to_field};
use common::named::{project, project_mut};
use common::{ctrl, draw, keys, open, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

#[test]
fn add_a_progress_entry_in_japanese_and_save() {
    let (_dir, path) = seed_copy();
    let before = store::load(&path).unwrap().plan;
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "R5.10 テスト入力");
    assert!(screen_text(&app).contains("R5.10 テスト入力"));
    press(&mut app, KeyCode::Esc);
    assert!(screen_text(&app).contains("[+]"), "unsaved mark");
    ctrl(&mut app, 's');
    let text = screen_text(&app);
    assert!(text.contains("saved"), "{text}");
    assert!(!text.contains("[+]"));

    let after = store::load(&path).unwrap().plan;
    let mut expected = before;
    project_mut(&mut expected, seed::PLATFORM)
        .schedule
        .push(ScheduleEntry {
            date: Some(Period::parse("R5.10").unwrap()),
            text: "テスト入力".to_owned(),
        });
    // The save records who changed the project, and nothing else changed.
    let stamp = project(&after, seed::PLATFORM)
        .last_change
        .clone()
        .expect("stamped");
    assert!(!stamp.at.is_empty());
    project_mut(&mut expected, seed::PLATFORM).last_change = Some(stamp);
    assert_eq!(after, expected, "the new entry and nothing else changed");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("(date: \"R5.10\", text: \"テスト入力\"),"));
    assert_eq!(
        store::to_canonical(&after),
        saved,
        "saved in canonical form"
    );
}

#[test]
fn the_caret_is_the_terminal_cursor_after_wide_characters() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "R5.10 テスト");
    let mut screen = draw(&app);
    // The text starts in column 41 (right of the tree and the separator);
    // "R5.10 " is 6 cells and テスト three wide characters, 6 more.
    let cursor = ratatui::backend::Backend::get_cursor_position(screen.backend_mut()).unwrap();
    assert_eq!(cursor.x, 41 + 12);
    let row = &common::screen(&app)[usize::from(cursor.y)];
    assert!(
        row.ends_with("|R5.10 テスト                           "),
        "{row:?}"
    );
    assert!(screen.backend().cursor_visible());
}

#[test]
fn edit_a_budget_from_the_detail_pane_and_see_totals_change() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    to_field(&mut app, Field::Budget);
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&app).contains("編集: 予算額"));
    for _ in 0.."142,600".len() {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "abc");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(
        text.contains("error: 予算額: `abc` is not a budget"),
        "{text}"
    );
    assert!(
        text.contains("編集: 予算額"),
        "editor stays open with the text:\n{text}"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "１５０，０００");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("合計 176,451千円"), "{text}");
    assert!(text.contains("150,000千円"), "{text}");
    keys(&mut app, "q"); // detail focus: q still quits, and asks
    assert!(screen_text(&app).contains("Unsaved changes in:"));
    keys(&mut app, "s");
    assert!(peek::quit(&app));
    let saved = store::load(&path).unwrap().plan;
    assert_eq!(project(&saved, seed::PLATFORM).budget, Some(150_000));
}

#[test]
fn a_refused_period_says_what_is_accepted_and_ctrl_g_discards() {
    let (_dir, path) = seed_copy();
    let original = std::fs::read(&path).unwrap();
    let mut app = open(std::slice::from_ref(&path), 120, 40);
    go_to(&mut app, seed::PLATFORM);
    to_field(&mut app, Field::Period);
    keys(&mut app, "e");
    keys(&mut app, "xyz");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("accepted: R5.4, R5.4～R6.3"), "{text}");
    ctrl(&mut app, 'g');
    let text = screen_text(&app);
    assert!(text.contains("edit discarded"), "{text}");
    assert!(text.contains("R5.4～R6.3  (2023-04..2024-03)"));
    assert!(!peek::dirty(&app));
    keys(&mut app, "q");
    assert!(peek::quit(&app), "nothing to save, so no question");
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[test]
fn quit_asks_and_discard_leaves_the_file_alone() {
    let (_dir, path) = seed_copy();
    let original = std::fs::read(&path).unwrap();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "・追加");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "q");
    assert!(screen_text(&app).contains("s  save and quit"));
    keys(&mut app, "c");
    assert!(!peek::quit(&app));
    assert!(!screen_text(&app).contains("Unsaved changes in:"));
    keys(&mut app, "q");
    keys(&mut app, "d");
    assert!(peek::quit(&app));
    assert_eq!(std::fs::read(&path).unwrap(), original);
}

#[test]
fn saving_a_file_with_comments_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let text = std::fs::read_to_string(common::SEED).unwrap();
    std::fs::write(&path, format!("// 第2四半期の更新\n{text}")).unwrap();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "R5.11 追記");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    let screen = screen_text(&app);
    assert!(
        screen.contains("Saving rewrites these files without their comments:"),
        "{screen}"
    );
    assert!(screen.contains("(1 comment(s))"), "{screen}");
    keys(&mut app, "c");
    assert!(screen_text(&app).contains("not saved"));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("// 第2四半期の更新")
    );
    keys(&mut app, "w");
    keys(&mut app, "s");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(!saved.contains("//"));
    assert!(saved.contains("(date: \"R5.11\", text: \"追記\"),"));
}

#[test]
fn ctrl_s_in_the_editor_applies_and_saves() {
    let (_dir, path) = seed_copy();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "R5.12 完了");
    ctrl(&mut app, 's');
    assert!(!peek::editing(&app));
    assert!(!peek::dirty(&app));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("(date: \"R5.12\", text: \"完了\"),")
    );
}

#[test]
fn two_plans_show_a_plan_level_and_a_combined_total() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::SEED, dir.path().join("a.ron")).unwrap();
    std::fs::copy(common::SEED, dir.path().join("b.ron")).unwrap();
    let mut app = open(&[dir.path().to_owned()], 80, 24);
    let text = screen_text(&app);
    assert!(text.contains("2 plans"), "{text}");
    assert!(text.contains("合計 338,102千円"), "{text}");
    assert!(text.contains("▾ 令和５年度成長戦略"), "{text}");
    keys(&mut app, "G"); // the last row: b.ron's
    keys(&mut app, "e");
    keys(&mut app, "R6.1 b only");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    assert!(
        std::fs::read_to_string(dir.path().join("b.ron"))
            .unwrap()
            .contains("b only")
    );
    assert!(
        !std::fs::read_to_string(dir.path().join("a.ron"))
            .unwrap()
            .contains("b only")
    );
}

#[test]
fn agreeing_to_drop_comments_covers_only_the_files_saved() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::SEED).unwrap();
    for name in ["a.ron", "b.ron"] {
        std::fs::write(dir.path().join(name), format!("// {name}\n{text}")).unwrap();
    }
    let mut app = open(&[dir.path().to_owned()], 80, 24);
    keys(&mut app, "G"); // the last row: b.ron's
    keys(&mut app, "e");
    keys(&mut app, "R6.1 b");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    keys(&mut app, "s");
    assert!(
        !std::fs::read_to_string(dir.path().join("b.ron"))
            .unwrap()
            .contains("//")
    );
    go_to(&mut app, seed::ACTIVATION); // the first: a.ron's
    keys(&mut app, "e");
    keys(&mut app, "R6.1 a");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    assert!(
        screen_text(&app).contains("a.ron (1 comment(s))"),
        "{}",
        screen_text(&app)
    );
}

#[test]
fn changing_a_measures_kpis_keeps_it_selected() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 80, 24);
    go_to(&mut app, seed::MEASURE_3); // under KPI ⅱ
    to_field(&mut app, Field::Kpis);
    keys(&mut app, "e");
    press(&mut app, KeyCode::Backspace);
    keys(&mut app, "ⅰ");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    let plan = common::named::seed_plan();
    let measure_3 = common::named::measure_total(&plan, seed::MEASURE_3);
    let status = common::named::selected_status("③", measure_3);
    assert!(text.contains(&status), "{status} in {text}");
    // KPI ⅰ now holds the whole plan.
    let whole =
        actplan::model::money::group_thousands(actplan::model::totals::plan_total(&plan).budget);
    let row = text.lines().find(|l| l.contains("KPI ⅰ")).unwrap();
    assert!(row.contains(&format!(" {whole}|")), "{row}");
}

#[test]
fn paging_the_detail_pane_back_up_moves_at_once() {
    let (_dir, path) = seed_copy();
    let mut app = open(&[path], 80, 12);
    go_to(&mut app, seed::ACTIVATION); // more fields than fit
    press(&mut app, KeyCode::Tab);
    let top = screen_text(&app);
    for _ in 0..20 {
        press(&mut app, KeyCode::PageDown);
    }
    let bottom = screen_text(&app);
    assert_ne!(top, bottom);
    press(&mut app, KeyCode::PageUp);
    assert_ne!(screen_text(&app), bottom, "one PageUp scrolls back");
}

#[test]
fn putting_back_unchanged_progress_text_changes_nothing() {
    let (_dir, path) = seed_copy();
    let mut plan = store::load(&path).unwrap().plan;
    // An undated bullet that starts like a date must stay undated.
    project_mut(&mut plan, seed::PLATFORM)
        .schedule
        .push(ScheduleEntry {
            date: None,
            text: "R6.3 完了予定".to_owned(),
        });
    store::save(&path, &plan).unwrap();
    let mut app = open(std::slice::from_ref(&path), 80, 24);
    go_to(&mut app, seed::PLATFORM);
    keys(&mut app, "e");
    keys(&mut app, "R6.4 追加");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "w");
    let after = store::load(&path).unwrap().plan;
    let schedule = &project(&after, seed::PLATFORM).schedule;
    let [.., undated, added] = schedule.as_slice() else {
        panic!("{schedule:?}");
    };
    assert_eq!(undated.date, None);
    assert_eq!(undated.text, "R6.3 完了予定");
    assert_eq!(added.to_line(), "R6.4 追加");
}
