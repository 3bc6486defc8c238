//! Who changed a project is the account that saved it, found by its user
//! id, also where `$USER` and `$LOGNAME` are not set (some SSH setups,
//! `sudo -u`, cron).

mod common;

use common::pty::{Session, plan_dir};

#[test]
fn a_save_without_user_in_the_environment_records_the_account() {
    let dir = plan_dir();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_actplan"));
    cmd.env_clear();
    cmd.env("PATH", "/usr/bin:/bin");
    cmd.env("LC_ALL", "en_US.UTF-8");
    cmd.env("HOME", dir.path());
    let mut session = Session::spawn(cmd, dir.path(), (100, 30));
    session.wait_for_text("169,051");
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send("R5.12 口座の確認".as_bytes());
    session.wait_for_text("口座の確認");
    session.send(b"\x1b");
    session.wait_for_text("[+]");
    session.send(b"\x13");
    session.wait_for(|screen| !screen.contents().contains("[+]"));
    session.send(b"q");
    session.expect_clean_exit();
    let saved = std::fs::read_to_string(dir.path().join("plans/r5-growth-strategy.ron")).unwrap();
    let id = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8(id.stdout).unwrap().trim().to_owned();
    assert!(!account.is_empty() && account != "unknown");
    assert!(
        saved.contains(&format!("last_change: (user: \"{account}\"")),
        "the project records {account}:\n{}",
        saved
            .lines()
            .filter(|l| l.contains("last_change"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
