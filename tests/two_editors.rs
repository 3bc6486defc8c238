//! Two people edit one plan: each app saves; the file then holds both
//! people's work, and a true conflict is settled by a choice with the other
//! value kept in a conflict copy.

mod common;

use actplan::app::App;
use actplan::model::fields::Field;
use actplan::store;
use common::drive::{edit_field, go_to, seed, to_tree};
use common::named::{project, project_mut};
use common::{ctrl, keys, open, peek, press, screen_text, seed_copy};
use crossterm::event::KeyCode;

/// Opens the file twice, as two people would.
fn two(path: &std::path::Path) -> (App, App) {
    (
        open(&[path.to_owned()], 100, 30),
        open(&[path.to_owned()], 100, 30),
    )
}

fn add_entry(app: &mut App, name: &str, line: &str) {
    go_to(app, name);
    keys(app, "e");
    keys(app, line);
    press(app, KeyCode::Esc);
}

fn set_budget(app: &mut App, name: &str, budget: &str) {
    go_to(app, name);
    edit_field(app, Field::Budget);
    for _ in 0..10 {
        press(app, KeyCode::Backspace);
    }
    keys(app, budget);
    press(app, KeyCode::Enter);
    to_tree(app);
}

const FIRST_PROJECT: &str = seed::ACTIVATION;
const LAST_PROJECT: &str = seed::PLATFORM;

/// A Japanese user is told of the merge in Japanese, not half in English.
#[test]
fn a_merged_save_is_told_in_japanese() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    peek::set_lang(&mut b, actplan::words::Lang::Ja);
    add_entry(&mut a, FIRST_PROJECT, "R5.10 Aの入力");
    set_budget(&mut b, LAST_PROJECT, "150000");
    keys(&mut a, "w");
    keys(&mut b, "w");
    let text = screen_text(&b);
    assert!(
        text.contains("（他の人の変更と統合） を保存しました"),
        "{text}"
    );
    assert!(!text.contains("merged"), "{text}");
}

#[test]
fn changes_to_different_projects_merge_without_a_question() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    add_entry(&mut a, FIRST_PROJECT, "R5.10 Aの入力");
    set_budget(&mut b, LAST_PROJECT, "150000");
    keys(&mut a, "w");
    keys(&mut b, "w");
    let text = screen_text(&b);
    assert!(
        text.contains("merged with changes saved by someone else"),
        "{text}"
    );
    let plan = store::load(&path).unwrap().plan;
    assert_eq!(
        project(&plan, FIRST_PROJECT)
            .schedule
            .last()
            .unwrap()
            .to_line(),
        "R5.10 Aの入力"
    );
    assert_eq!(project(&plan, LAST_PROJECT).budget, Some(150_000));
    assert!(peek::plan(&b) == plan, "B now shows A's entry too");
    assert!(screen_text(&b).contains("合計 176,451千円"));
}

#[test]
fn entries_added_by_both_to_the_same_project_are_all_kept() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    add_entry(&mut a, LAST_PROJECT, "R5.10 Aの進捗");
    add_entry(&mut b, LAST_PROJECT, "R5.11 Bの進捗");
    ctrl(&mut a, 's');
    ctrl(&mut b, 's');
    // B's entry follows A's, which was on disk first. A saves again after
    // B: A's own entry is not doubled and B's arrives.
    add_entry(&mut a, LAST_PROJECT, "R5.12 Aの追記");
    ctrl(&mut a, 's');
    let plan = store::load(&path).unwrap().plan;
    let lines: Vec<String> = project(&plan, LAST_PROJECT)
        .schedule
        .iter()
        .map(|e| e.to_line())
        .collect();
    let before = project(
        &store::load(std::path::Path::new(common::SEED))
            .unwrap()
            .plan,
        LAST_PROJECT,
    )
    .schedule
    .len();
    assert_eq!(
        lines[before..],
        ["R5.10 Aの進捗", "R5.11 Bの進捗", "R5.12 Aの追記"]
    );
}

#[test]
fn the_same_field_changed_by_both_asks_and_keeps_the_other_value_in_a_copy() {
    let (dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    set_budget(&mut a, LAST_PROJECT, "150000");
    set_budget(&mut b, LAST_PROJECT, "160000");
    add_entry(&mut b, FIRST_PROJECT, "R5.10 Bの入力");
    keys(&mut a, "w");
    keys(&mut b, "w");
    let text = screen_text(&b);
    assert!(text.contains("Conflict 1 of 1"), "{text}");
    assert!(
        text.contains("サービス連携プラットフォーム等整備事業 / 予算額"),
        "{text}"
    );
    assert!(text.contains("160,000"), "{text}");
    assert!(text.contains("150,000"), "{text}");
    keys(&mut b, "t"); // take A's 150,000
    let text = screen_text(&b);
    assert!(text.contains("the values not chosen are in"), "{text}");

    let plan = store::load(&path).unwrap().plan;
    assert_eq!(project(&plan, LAST_PROJECT).budget, Some(150_000));
    assert_eq!(
        project(&plan, FIRST_PROJECT)
            .schedule
            .last()
            .unwrap()
            .to_line(),
        "R5.10 Bの入力",
        "B's other edit saved"
    );
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let copy = store::load(&copies[0]).unwrap().plan;
    assert_eq!(
        project(&copy, LAST_PROJECT).budget,
        Some(160_000),
        "B's value kept"
    );
    assert!(!peek::dirty(&b));
}

#[test]
fn cancelling_a_conflict_saves_nothing_and_keeps_the_edits() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    set_budget(&mut a, LAST_PROJECT, "150000");
    set_budget(&mut b, LAST_PROJECT, "160000");
    keys(&mut a, "w");
    let after_a = std::fs::read(&path).unwrap();
    keys(&mut b, "w");
    press(&mut b, KeyCode::Esc);
    assert!(screen_text(&b).contains("not saved; your edits are kept"));
    assert!(peek::dirty(&b));
    assert_eq!(std::fs::read(&path).unwrap(), after_a);
    keys(&mut b, "w");
    keys(&mut b, "m"); // keep B's
    assert_eq!(
        project(&store::load(&path).unwrap().plan, LAST_PROJECT).budget,
        Some(160_000)
    );
}

/// The same, with two real actplan processes in two terminals.
mod two_processes {
    use super::common::drive::seed;
    use super::common::named::project;
    use super::common::pty::{Session, plan_dir};

    fn add_entry(session: &mut Session, line: &str) {
        session.go_to(seed::PLATFORM);
        session.send(b"e");
        session.wait_for_text("編集: 進捗状況やスケジュール");
        session.send(line.as_bytes());
        session.wait_for_text(line);
        session.send(b"\x1b");
        session.wait_for_text("[+]");
    }

    #[test]
    fn both_add_progress_entries_and_both_save() {
        let dir = plan_dir();
        let mut a = Session::actplan(dir.path(), &[], &[], (100, 30));
        let mut b = Session::actplan(dir.path(), &[], &[], (100, 30));
        a.wait_for_text("169,051");
        b.wait_for_text("169,051");
        add_entry(&mut a, "R5.10 Aさんの進捗");
        add_entry(&mut b, "R5.11 Bさんの進捗");
        a.send(b"w");
        a.wait_for_text("saved plans/");
        b.send(b"w");
        b.wait_for_text("merged with changes saved by someone else");
        let text =
            std::fs::read_to_string(dir.path().join("plans/r5-growth-strategy.ron")).unwrap();
        assert!(
            text.contains("(date: \"R5.10\", text: \"Aさんの進捗\"),\n"),
            "{text}"
        );
        assert!(
            text.contains("(date: \"R5.11\", text: \"Bさんの進捗\"),\n"),
            "{text}"
        );
        for mut session in [a, b] {
            session.send(b"q");
            session.expect_clean_exit();
        }
    }

    #[test]
    fn the_same_field_asks_the_second_and_keeps_a_conflict_copy() {
        let dir = plan_dir();
        let mut a = Session::actplan(dir.path(), &[], &[], (100, 30));
        let mut b = Session::actplan(dir.path(), &[], &[], (100, 30));
        a.wait_for_text("169,051");
        b.wait_for_text("169,051");
        for (session, budget) in [(&mut a, "150000"), (&mut b, "160000")] {
            session.go_to(seed::PLATFORM);
            // 事業名, 担当課, 概要, 予算額
            session.send(b"\tjjje");
            session.wait_for_text("編集: 予算額");
            session.send(b"\x7f\x7f\x7f\x7f\x7f\x7f\x7f");
            session.send(budget.as_bytes());
            session.send(b"\r");
            session.wait_for_text("[+]");
        }
        a.send(b"\x13");
        a.wait_for_text("saved plans/");
        b.send(b"\x13");
        b.wait_for_text("Conflict 1 of 1");
        b.send(b"m");
        b.wait_for_text("the values not chosen are in");
        let plan = actplan::store::load(&dir.path().join("plans/r5-growth-strategy.ron"))
            .unwrap()
            .plan;
        assert_eq!(project(&plan, seed::PLATFORM).budget, Some(160_000));
        let copy = std::fs::read_dir(dir.path().join("plans"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().contains(".conflict-"))
            .expect("a conflict copy");
        let copy = actplan::store::load(&copy).unwrap().plan;
        assert_eq!(project(&copy, seed::PLATFORM).budget, Some(150_000));
        for mut session in [a, b] {
            session.send(b"q");
            session.expect_clean_exit();
        }
    }
}

#[test]
fn restoring_recovered_edits_keeps_changes_made_on_disk_meanwhile() {
    use actplan::model::ScheduleEntry;
    use actplan::store::recovery::Recovery;
    let (_dir, path) = seed_copy();
    let original = store::load(&path).unwrap().plan;
    let mut edited = original.clone();
    project_mut(&mut edited, LAST_PROJECT)
        .schedule
        .push(ScheduleEntry::from_line("R5.10 復旧分"));
    // Meanwhile someone saved another change.
    let mut on_disk = original.clone();
    project_mut(&mut on_disk, FIRST_PROJECT).budget = Some(5000);
    store::save(&path, &on_disk).unwrap();

    let mut app = open(std::slice::from_ref(&path), 100, 30);
    peek::offer_recoveries(
        &mut app,
        vec![Recovery {
            plan_path: path.clone(),
            written: "2026-11-28 10:00:00".to_owned(),
            user: "alice".to_owned(),
            base: original,
            edited,
            unapplied: None,
        }],
    );
    let text = screen_text(&app);
    assert!(text.contains("Recovered unsaved edits"), "{text}");
    assert!(text.contains("+ R5.10 復旧分"), "{text}");
    keys(&mut app, "r");
    assert!(peek::dirty(&app));
    keys(&mut app, "w");
    let plan = store::load(&path).unwrap().plan;
    assert_eq!(
        project(&plan, FIRST_PROJECT).budget,
        Some(5000),
        "the change on disk stays"
    );
    assert_eq!(
        project(&plan, LAST_PROJECT)
            .schedule
            .last()
            .unwrap()
            .to_line(),
        "R5.10 復旧分"
    );
}

#[test]
fn a_save_made_while_a_conflict_is_open_is_merged_too() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    let mut c = open(std::slice::from_ref(&path), 100, 30);
    set_budget(&mut a, LAST_PROJECT, "150000");
    set_budget(&mut b, LAST_PROJECT, "160000");
    keys(&mut a, "w");
    keys(&mut b, "w");
    assert!(screen_text(&b).contains("Conflict 1 of 1"));
    add_entry(&mut c, FIRST_PROJECT, "R5.10 Cの入力");
    keys(&mut c, "w");
    keys(&mut b, "m");
    let plan = store::load(&path).unwrap().plan;
    assert_eq!(project(&plan, LAST_PROJECT).budget, Some(160_000));
    assert_eq!(
        project(&plan, FIRST_PROJECT)
            .schedule
            .last()
            .unwrap()
            .to_line(),
        "R5.10 Cの入力"
    );
}

fn set_owner(app: &mut App, name: &str, owner: &str) {
    go_to(app, name);
    edit_field(app, Field::Owner);
    keys(app, owner);
    press(app, KeyCode::Enter);
    to_tree(app);
}

/// The 担当課 of the projects of measure ① named in `names`, in the
/// order the plan has them (other projects of ① are left out).
fn owners_in_measure_1(path: &std::path::Path, names: &[&str]) -> Vec<(String, String)> {
    let plan = store::load(path).unwrap().plan;
    let (s, m) = common::named::measure_place(&plan, seed::MEASURE_1);
    plan.strategies[s].measures[m]
        .projects
        .iter()
        .filter(|p| names.contains(&p.name.as_str()))
        .map(|p| (p.name.clone(), p.owner.clone()))
        .collect()
}

const SECOND_PROJECT: &str = seed::TRAINING;

#[test]
fn an_owner_set_while_someone_moved_a_project_up_stays_on_its_project() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    set_owner(&mut b, FIRST_PROJECT, "行政改革課");
    go_to(&mut a, SECOND_PROJECT);
    keys(&mut a, "Kw");
    keys(&mut b, "w");
    let text = screen_text(&b);
    assert!(
        text.contains("merged with changes saved by someone else"),
        "{text}"
    );
    assert_eq!(
        owners_in_measure_1(&path, &[FIRST_PROJECT, SECOND_PROJECT]),
        [
            ("地方創生人材育成研修事業".to_owned(), String::new()),
            ("県庁活性化促進事業".to_owned(), "行政改革課".to_owned()),
        ]
    );
}

#[test]
fn an_owner_set_while_someone_inserted_a_project_before_stays_on_its_project() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    set_owner(&mut b, SECOND_PROJECT, "人事課");
    go_to(&mut a, FIRST_PROJECT);
    keys(&mut a, "o");
    keys(&mut a, "新規事業");
    press(&mut a, KeyCode::Enter);
    keys(&mut a, "w");
    keys(&mut b, "w");
    assert_eq!(
        owners_in_measure_1(&path, &[FIRST_PROJECT, "新規事業", SECOND_PROJECT]),
        [
            ("県庁活性化促進事業".to_owned(), String::new()),
            ("新規事業".to_owned(), String::new()),
            ("地方創生人材育成研修事業".to_owned(), "人事課".to_owned()),
        ]
    );
}

#[test]
fn projects_added_by_both_after_one_project_are_both_kept() {
    let (_dir, path) = seed_copy();
    let (mut a, mut b) = two(&path);
    for (app, name) in [(&mut a, "Aの新規"), (&mut b, "Bの新規")] {
        go_to(app, FIRST_PROJECT);
        keys(app, "o");
        keys(app, name);
        press(app, KeyCode::Enter);
    }
    keys(&mut a, "w");
    keys(&mut b, "w");
    let names: Vec<String> = owners_in_measure_1(
        &path,
        &[FIRST_PROJECT, "Aの新規", "Bの新規", SECOND_PROJECT],
    )
    .into_iter()
    .map(|(name, _)| name)
    .collect();
    assert_eq!(
        names,
        [
            "県庁活性化促進事業",
            "Aの新規",
            "Bの新規",
            "地方創生人材育成研修事業"
        ]
    );
}
