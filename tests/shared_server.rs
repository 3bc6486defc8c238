//! A hostile colleague on a shared server: real accounts of one office group
//! (apbob attacks, apalice is the victim), a `2775` plan folder and the usual
//! `umask 022`. Each attack is tried against the real binary: the victim's
//! files stay as they were, every typed value is kept, nothing hangs, and
//! modes hold. Runs as root (as CI does); elsewhere each test says it skipped.

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::Duration;

use common::accounts::{
    self, ALICE, BOB, Background, CAROL, app, gid_of_group, home, owner_and_mode, sh, state_dir,
    uid,
};
use common::office::{
    FIRST_PROJECT, LAST_PROJECT, Office, SAVE, SECOND_PROJECT, absent, answers_keys,
    assert_refused, conflict, conflict_copies, costs_nothing, open, project, quits,
    save_and_expect_saved, save_outcome, set_budget, waits_until,
};
use common::pty::{Session, names};

/// A save waits 10 s for the lock; the refusal must be on screen by then.
const LOCK_REFUSAL: Duration = Duration::from_secs(15);

/// A fresh office folder, or `None` without root (the test's name and the
/// reason printed).
macro_rules! office {
    () => {{
        fn here() {}
        let path = std::any::type_name_of_val(&here).trim_end_matches("::here");
        let test = path.rsplit("::").next().unwrap_or(path);
        accounts::can_run(test).then(Office::new)
    }};
}

#[test]
fn presence_links_to_the_victims_bashrc_leave_it_alone() {
    let Some(office) = office!() else { return };
    let bashrc = home(ALICE).join(".bashrc");
    let settings = format!(
        "# alice's own settings ({})\nexport EDITOR=vi\n",
        office.tag()
    );
    fs::write(&bashrc, &settings).unwrap();
    office.own(&bashrc, ALICE, 0o644);
    let script = "ln -s /home/apalice/.bashrc .plan.ron.presence && \
                  ln -s /home/apalice/.bashrc .plan.ron.presence.apalice";
    sh(BOB, &office.dir, script);
    let mut alice = open(ALICE, &office, &[]);
    // A change on disk shows once the session looked at the folder again,
    // presence files and all.
    let total = office.changed_by_a_colleague();
    alice.wait_for_text(&actplan::model::money::group_thousands(total));
    quits(&mut alice, ALICE);
    assert_eq!(fs::read_to_string(&bashrc).unwrap(), settings);
    assert!(fs::symlink_metadata(&bashrc).unwrap().is_file());
    assert_eq!(owner_and_mode(&bashrc), (uid(ALICE), 0o644));
}

/// Bob plants a key line in a note of Alice's plan, waits until she has it
/// open, and swaps the plan for a link to `target`; she edits and saves.
/// Returns her session and the screen after the save.
fn plan_swapped_for_a_link(office: &Office, target: &Path, budget: &str) -> (Session, String) {
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMalloryWasHere mallory@office";
    let text = fs::read_to_string(office.plan()).unwrap().replace(
        "budget_note: \"※2,334は電子申請サービス委託料\"",
        &format!("budget_note: \"\n{key}\n\""),
    );
    assert!(text.contains(key));
    fs::write(office.dir.with_file_name("bob-edit"), text).unwrap();
    sh(BOB, &office.dir, "cat ../bob-edit > plan.ron");
    let mut alice = open(ALICE, office, &[]);
    let swap = format!("ln -s {} new && mv -f new plan.ron", target.display());
    sh(BOB, &office.dir, &swap);
    set_budget(&mut alice, FIRST_PROJECT, budget);
    let screen = save_outcome(&mut alice, "plan.ron", SAVE);
    (alice, screen)
}

/// The save was refused naming the plan and Bob, and the edit survives the
/// terminal closing: nothing offers to quit keeping edits (the quit dialog
/// has save, discard, cancel), so the recovery file must hold it.
fn refused_and_kept(mut alice: Session, screen: &str, budget: &str) {
    assert_refused(screen, "plan.ron", Some(BOB));
    alice.send(b"q");
    alice.wait_for_text("discard and quit");
    alice.send(b"c");
    // Kept shortly after the change, as always; a loaded machine may take
    // a while, and the hang-up must not have taken it away.
    let holding = || -> Vec<std::path::PathBuf> {
        let files = fs::read_dir(state_dir(ALICE))
            .into_iter()
            .flatten()
            .flatten();
        files
            .map(|e| e.path())
            .filter(|p| fs::read_to_string(p).is_ok_and(|t| t.contains(budget)))
            .collect()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while holding().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    alice.hang_up();
    alice.wait_exit();
    let holding = holding();
    for file in &holding {
        let _ = fs::remove_file(file);
    }
    assert!(
        !holding.is_empty(),
        "her edit {budget} is in no recovery file"
    );
}

#[test]
fn plan_swapped_for_a_link_to_authorized_keys_is_not_written_through() {
    let Some(office) = office!() else { return };
    let ssh = home(ALICE).join(".ssh");
    let _ = fs::remove_dir_all(&ssh);
    let (alice, screen) = plan_swapped_for_a_link(&office, &ssh.join("authorized_keys"), "271828");
    assert!(absent(&ssh), "{} was created", ssh.display());
    refused_and_kept(alice, &screen, "271828");
}

#[test]
fn plan_swapped_for_a_link_to_an_existing_file_leaves_it_unchanged() {
    let Some(office) = office!() else { return };
    let notes = home(ALICE).join("notes.txt");
    let text = format!("Alice's notes ({})\n", office.tag());
    fs::write(&notes, &text).unwrap();
    office.own(&notes, ALICE, 0o644);
    let (alice, screen) = plan_swapped_for_a_link(&office, &notes, "314159");
    assert_eq!(fs::read_to_string(&notes).unwrap(), text);
    refused_and_kept(alice, &screen, "314159");
}

#[test]
fn links_planted_at_conflict_copy_names_receive_nothing() {
    let Some(office) = office!() else { return };
    let tag = office.tag();
    // Every name of the coming 30 seconds (local time and UTC), bare and
    // with guessed suffixes, each a link to its own file in Alice's home.
    let plant = format!(
        r#"now=$(date +%s); i=0; while [ $i -lt 30 ]; do for z in "" -u; do
           stamp=$(date $z -d "@$((now + i))" +%Y%m%d-%H%M%S)
           for s in "" -000000 -AAAAAA -XXXXXX -aaaaaa; do
             ln -sf "/home/apalice/{tag}-$i$z$s" "plan.ron.conflict-$stamp-apalice$s"
           done; done; i=$((i + 1)); done"#
    );
    sh(BOB, &office.dir, &plant);
    conflict(&office);
    let created: Vec<_> = fs::read_dir(home(ALICE))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&tag))
        .collect();
    assert!(
        created.is_empty(),
        "written through bob's links: {created:?}"
    );
    let copies = conflict_copies(&office);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(owner_and_mode(&copies[0]).0, uid(ALICE));
    assert_eq!(
        project(&copies[0], LAST_PROJECT).budget,
        Some(150_000),
        "her value"
    );
}

#[test]
fn a_lock_link_creates_nothing_at_its_target() {
    let Some(office) = office!() else { return };
    let target = home(ALICE).join("created-by-lock");
    let _ = fs::remove_file(&target);
    let link = "ln -s /home/apalice/created-by-lock .plan.ron.lock";
    sh(BOB, &office.dir, link);
    let mut alice = open(ALICE, &office, &[]);
    set_budget(&mut alice, FIRST_PROJECT, "4242");
    let screen = save_outcome(&mut alice, ".plan.ron.lock", LOCK_REFUSAL);
    assert!(absent(&target), "{} was created", target.display());
    assert_refused(&screen, ".plan.ron.lock", Some(BOB));
}

#[test]
fn two_users_saving_in_turn_keep_every_change_and_see_each_other() {
    let Some(office) = office!() else { return };
    let mut alice = open(ALICE, &office, &[]);
    let mut bob = open(BOB, &office, &[]);
    set_budget(&mut alice, FIRST_PROJECT, "123456");
    save_and_expect_saved(&mut alice, ALICE);
    bob.wait_for_text("123,456"); // reloaded by itself: nothing unsaved there
    bob.go_to(SECOND_PROJECT);
    bob.send(b"r");
    bob.wait_for_text(" EDIT ");
    bob.send("（改）\r".as_bytes());
    bob.wait_for_text("plan.ron[+]");
    save_and_expect_saved(&mut bob, BOB);
    alice.wait_for_text("（改）");
    set_budget(&mut alice, LAST_PROJECT, "150000");
    save_and_expect_saved(&mut alice, ALICE);
    let plan = office.plan();
    assert_eq!(
        project(&plan, FIRST_PROJECT).budget,
        Some(123_456),
        "alice's first change"
    );
    let renamed = format!("{SECOND_PROJECT}（改）");
    assert_eq!(project(&plan, &renamed).name, renamed);
    assert_eq!(
        project(&plan, LAST_PROJECT).budget,
        Some(150_000),
        "alice's second change"
    );
    let meta = fs::metadata(&plan).unwrap();
    assert_eq!((meta.mode() & 0o7777, meta.gid()), (0o664, gid_of_group()));
    let sees =
        |s: &Session, other: &str| s.holds_within(Duration::from_secs(3), |sc| names(sc, other));
    assert!(
        sees(&alice, BOB),
        "alice never saw bob:\n{}",
        alice.screen()
    );
    assert!(sees(&bob, ALICE), "bob never saw alice:\n{}", bob.screen());
    assert!(absent(&office.file(".plan.ron.lock")), "lock left behind");
}

#[test]
fn a_lock_held_by_a_colleague_refuses_the_save_with_a_reason() {
    let Some(office) = office!() else { return };
    let mut alice = open(ALICE, &office, &[]);
    let hold = "exec flock -x .plan.ron.lock sh -c 'echo locked; exec sleep 30'";
    let _bob = Background::start(BOB, &office.dir, hold, "locked");
    set_budget(&mut alice, FIRST_PROJECT, "5151");
    let before = fs::read(office.plan()).unwrap();
    let screen = save_outcome(&mut alice, "plan.ron", LOCK_REFUSAL);
    assert!(
        fs::read(office.plan()).unwrap() == before,
        "saved under bob's lock: {screen}"
    );
    assert_refused(&screen, "plan.ron", None);
}

#[test]
fn presence_fifos_freeze_no_session() {
    let Some(office) = office!() else { return };
    let mut alice = open(ALICE, &office, &[]);
    let mut review = open(CAROL, &office, &["-R"]);
    let fifos = ".plan.ron.presence .plan.ron.presence.apbob .plan.ron.presence.apalice";
    sh(
        BOB,
        &office.dir,
        &format!("rm -f {fifos}; mkfifo -m 666 {fifos}"),
    );
    // Two looks at the folder, each shown by a change on disk.
    let mut total = String::new();
    for _ in 0..2 {
        total = actplan::model::money::group_thousands(office.changed_by_a_colleague());
        alice.wait_for_text(&total);
        review.wait_for_text(&total);
    }
    answers_keys(&mut alice, ALICE);
    answers_keys(&mut review, "carol (-R)");
    let mut late = app(ALICE, &office.dir, &["plan.ron"]);
    let started = late.holds_within(Duration::from_secs(10), |sc| sc.contains(&total));
    assert!(started, "a new start hangs:\n{}", late.screen());
    answers_keys(&mut late, "alice (new start)");
    quits(&mut alice, ALICE);
    quits(&mut review, "carol (-R)");
    quits(&mut late, "alice (new start)");
}

#[test]
fn a_lock_fifo_refuses_the_save_without_hanging() {
    let Some(office) = office!() else { return };
    sh(BOB, &office.dir, "mkfifo -m 666 .plan.ron.lock");
    let mut alice = open(ALICE, &office, &[]);
    set_budget(&mut alice, FIRST_PROJECT, "7777");
    let before = fs::read(office.plan()).unwrap();
    let screen = save_outcome(&mut alice, ".plan.ron.lock", LOCK_REFUSAL);
    assert!(
        fs::read(office.plan()).unwrap() == before,
        "saved despite the lock"
    );
    assert_refused(&screen, ".plan.ron.lock", None);
    answers_keys(&mut alice, ALICE);
}

#[test]
fn a_plan_made_a_fifo_is_reported_not_waited_on() {
    let Some(office) = office!() else { return };
    sh(BOB, &office.dir, "rm plan.ron && mkfifo plan.ron");
    let out = accounts::actplan(ALICE, &office.dir, &["check", "plan.ron"]);
    let said = format!("{}{}", common::stdout(&out), common::stderr(&out));
    assert!(!out.status.success() && said.contains("plan.ron"), "{said}");
    let mut alice = app(ALICE, &office.dir, &["plan.ron"]);
    let shown = alice.holds_within(Duration::from_secs(10), |sc| names(sc, "plan.ron"));
    assert!(shown, "no error naming plan.ron:\n{}", alice.screen());
    if alice.exit_within(Duration::from_millis(200)).is_none() {
        quits(&mut alice, ALICE);
    }
}

#[test]
fn presence_linked_to_dev_zero_costs_nothing() {
    let Some(office) = office!() else { return };
    let links = "ln -s /dev/zero .plan.ron.presence && ln -s /dev/zero .plan.ron.presence.apbob";
    sh(BOB, &office.dir, links);
    costs_nothing(&mut open(ALICE, &office, &[]));
}

#[test]
fn a_24_mb_presence_file_costs_nothing() {
    let Some(office) = office!() else { return };
    let since = chrono::Local::now().to_rfc3339();
    let mut entries = String::from("[\n");
    for pid in 0..320_000 {
        let line =
            format!("(user: \"apbob\", host: \"elsewhere\", pid: {pid}, since: \"{since}\"),\n");
        entries.push_str(&line);
    }
    entries.push_str("]\n");
    assert!(entries.len() > 24_000_000);
    for name in [".plan.ron.presence", ".plan.ron.presence.apbob"] {
        fs::write(office.file(name), &entries).unwrap();
        office.own(&office.file(name), BOB, 0o664);
    }
    costs_nothing(&mut open(ALICE, &office, &[]));
}

#[test]
fn saving_a_0600_plan_leaves_nothing_readable_by_others() {
    let Some(office) = office!() else { return };
    office.own(&office.plan(), ALICE, 0o600);
    let exposed = || {
        let files = office.names().into_iter().map(|n| office.file(&n));
        let alices = files.filter(|p| owner_and_mode(p).0 == uid(ALICE));
        let open_to_others = alices.filter(|p| owner_and_mode(p).1 & 0o077 != 0);
        open_to_others.collect::<Vec<_>>()
    };
    let mut alice = open(ALICE, &office, &[]);
    set_budget(&mut alice, FIRST_PROJECT, "6006");
    save_and_expect_saved(&mut alice, ALICE);
    assert_eq!(exposed(), Vec::<std::path::PathBuf>::new(), "while open");
    quits(&mut alice, ALICE);
    assert_eq!(
        exposed(),
        Vec::<std::path::PathBuf>::new(),
        "after quitting"
    );
    assert_eq!(owner_and_mode(&office.plan()).1, 0o600);
}

#[test]
fn a_0660_plan_saved_with_umask_022_stays_0660_in_its_group() {
    let Some(office) = office!() else { return };
    office.own(&office.plan(), BOB, 0o660);
    let mut alice = open(ALICE, &office, &[]);
    set_budget(&mut alice, FIRST_PROJECT, "6606");
    save_and_expect_saved(&mut alice, ALICE);
    quits(&mut alice, ALICE);
    let meta = fs::metadata(office.plan()).unwrap();
    assert_eq!((meta.mode() & 0o7777, meta.gid()), (0o660, gid_of_group()));
    assert_eq!(project(&office.plan(), FIRST_PROJECT).budget, Some(6606));
}

#[test]
fn the_conflict_copy_of_a_0660_plan_is_0660() {
    let Some(office) = office!() else { return };
    office.own(&office.plan(), ALICE, 0o660);
    conflict(&office);
    let copies = conflict_copies(&office);
    assert_eq!(copies.len(), 1, "{copies:?}");
    let meta = fs::metadata(&copies[0]).unwrap();
    assert_eq!((meta.mode() & 0o7777, meta.gid()), (0o660, gid_of_group()));
}

#[test]
fn leftover_temporary_files_of_a_crash_are_removed_only_for_their_owner() {
    let Some(office) = office!() else { return };
    // 12345678 is above any pid Linux hands out: these processes are gone.
    let hers = office.file(".plan.ron.12345678-x.tmp");
    let bobs = office.file(".plan.ron.12345679-x.tmp");
    for (path, user) in [(&hers, ALICE), (&bobs, BOB)] {
        fs::write(path, "(title: \"partial").unwrap();
        office.own(path, user, 0o600);
    }
    sh(ALICE, &office.dir, "mkdir -p ~/.local/state/actplan");
    let name = format!(".{}.12345678-1.tmp", office.recovery_name);
    let recovery_temp = state_dir(ALICE).join(name);
    fs::write(&recovery_temp, "(plan_path: \"partial").unwrap();
    office.own(&recovery_temp, ALICE, 0o600);
    let mut alice = open(ALICE, &office, &[]);
    let cleaned = waits_until(Duration::from_secs(5), || {
        absent(&hers) && absent(&recovery_temp)
    });
    quits(&mut alice, ALICE);
    assert!(
        cleaned,
        "left: {:?} {}",
        office.names(),
        recovery_temp.display()
    );
    assert!(!absent(&bobs), "bob's file was removed");
}
