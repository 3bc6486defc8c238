//! The real binary in a pseudo-terminal: what it draws, and that it leaves
//! the terminal as it found it.

mod common;

use common::pty::{Session, plan_dir, row_text};

#[test]
fn starts_shows_plan_and_quits_cleanly() {
    let dir = plan_dir();
    let mut session = Session::actplan(dir.path(), &[], &[], (80, 24));
    session.wait_for(|screen| {
        let text = screen.contents();
        text.contains("県庁オープン化戦略") && text.contains("169,051")
    });
    session.send(b"q");
    session.expect_clean_exit();
    // All output up to the exit has been written; the terminal must be back
    // in normal mode.
    session.wait_for(|screen| !screen.alternate_screen() && !screen.hide_cursor());
}

#[test]
fn resize_redraws() {
    let dir = plan_dir();
    let mut session = Session::actplan(dir.path(), &[], &[], (80, 24));
    session.wait_for_text("169,051");
    session.resize(120, 40);
    session.wait_for(|screen| {
        screen.size() == (40, 120)
            && (row_text(screen, 38).contains("選択") || row_text(screen, 39).contains("選択"))
    });
    session.send(b"q");
    session.expect_clean_exit();
}
