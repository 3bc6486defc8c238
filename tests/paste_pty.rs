//! Pasting into the real binary in a pseudo-terminal: bracketed paste is
//! on while it runs and off after, and a paste in the tree runs nothing.

mod common;

use common::pty::{Session, plan_dir};

fn start(dir: &std::path::Path) -> Session {
    let session = Session::actplan(dir, &[], &[], (100, 30));
    session.wait_for_text("169,051");
    session
}

#[test]
fn bracketed_paste_is_on_while_running_and_off_after_quitting() {
    let dir = plan_dir();
    let mut session = start(dir.path());
    session.wait_for(vt100::Screen::bracketed_paste);
    session.send(b"q");
    session.expect_clean_exit();
    session.wait_for(|screen| !screen.bracketed_paste() && !screen.alternate_screen());
}

#[test]
fn a_paste_in_the_tree_leaves_the_plan_file_as_it_was() {
    let dir = plan_dir();
    let plan = dir.path().join("plans/r5-growth-strategy.ron");
    let before = std::fs::read(&plan).unwrap();
    let mut session = start(dir.path());
    // A name, a line break, then keys that would move, delete and confirm.
    session.send("\x1b[200~名前\rjjdy\x1b[201~".as_bytes());
    session.wait_for_text("paste ignored");
    session.send(b"w");
    session.send(b"q");
    session.expect_clean_exit();
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

#[test]
fn a_paste_into_the_editor_is_kept_whole() {
    let dir = plan_dir();
    let plan = dir.path().join("plans/r5-growth-strategy.ron");
    let mut session = start(dir.path());
    // The last project's progress entries, on a fresh line.
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send("\x1b[200~R5.11 貼り付け\rjjdy\x1b[201~".as_bytes());
    session.wait_for_text("jjdy");
    session.send(b"\x1b");
    session.wait_for_text("[+]");
    session.send(b"w");
    session.wait_for_text("saved");
    session.send(b"q");
    session.expect_clean_exit();
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert!(
        saved.contains("(date: \"R5.11\", text: \"貼り付け\")"),
        "{saved}"
    );
    assert!(saved.contains("jjdy"), "the second line kept");
}

#[test]
fn keys_read_together_stay_apart_and_a_cut_character_waits_for_its_rest() {
    let dir = plan_dir();
    let plan = dir.path().join("plans/r5-growth-strategy.ron");
    let mut session = start(dir.path());
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    // 名 (E5 90 8D) cut between two reads, the next character right after.
    session.send(b"R5.11 \xe5\x90");
    std::thread::sleep(std::time::Duration::from_millis(100));
    session.send(b"\x8dj");
    session.wait_for_text("R5.11 名j");
    // Esc and `w` in one read (typed while the app was busy): the edit is
    // applied, then saved; not Alt-w.
    session.send(b"\x1bw");
    session.wait_for_text("saved");
    session.send(b"q");
    session.expect_clean_exit();
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert!(saved.contains("text: \"名j\""), "{saved}");
}

#[test]
fn a_cut_character_does_not_swallow_the_next_key() {
    let dir = plan_dir();
    let mut session = start(dir.path());
    // The first two bytes of あ, then `z`, `q`: the `z` used to be lost.
    session.send(b"/\xe3\x81zq");
    session.wait_for_text("/zq");
    session.send(b"\x1b");
    session.send(b"q");
    session.expect_clean_exit();
}
