//! A large plan is on screen before it is all read: its first part can be
//! looked through at once, the rest follows, and a plan broken near its end
//! still gets its file, line and column.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use actplan::action::Action;
use actplan::app::{App, Opened, open_early_from};
use actplan::model::Plan;
use actplan::model::money::group_thousands;
use actplan::store::{content_hash, to_canonical};
use common::pty::Session;
use common::{keys, peek, screen_text};

/// The bundled plan with each measure's projects repeated `times` over.
fn large_plan(times: usize) -> Plan {
    let mut plan = actplan::store::load(Path::new(common::SEED)).unwrap().plan;
    for strategy in &mut plan.strategies {
        for measure in strategy.measures_mut() {
            let projects = measure.projects.clone();
            for i in 0..times {
                measure
                    .projects
                    .extend(projects.iter().cloned().map(|mut p| {
                        p.name = format!("{}（{i}）", p.name);
                        // Copies are other projects: the ids of their places.
                        p.id.clear();
                        p
                    }));
            }
        }
    }
    plan.settle_ids();
    plan
}

fn total_budget(plan: &Plan) -> u64 {
    let projects = plan.strategies.iter().flat_map(|s| &s.measures);
    projects
        .flat_map(|m| &m.projects)
        .filter_map(|p| p.budget)
        .sum()
}

/// Bytes as a slow link delivers them: a read waits for the next chunk;
/// the end comes when the sender is gone.
struct Arriving {
    chunks: std::sync::mpsc::Receiver<Vec<u8>>,
    pending: Vec<u8>,
}

impl std::io::Read for Arriving {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.chunks.recv() {
                Ok(chunk) => self.pending = chunk,
                Err(_) => return Ok(0),
            }
        }
        let n = buffer.len().min(self.pending.len());
        buffer[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// The app on `text` arriving through a pipe: three quarters of it at
/// once, the rest when the returned sender says so (the writer then ends).
fn open_through_fifo(
    text: &str,
) -> (
    App,
    std::sync::mpsc::Sender<()>,
    std::thread::JoinHandle<()>,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("plan.ron");
    // The file is there as well (a plan that is a pipe is refused), as a
    // plan sent over a slow link would be.
    std::fs::write(&path, text).unwrap();
    let (chunks, arriving) = std::sync::mpsc::channel::<Vec<u8>>();
    let (go_on, wait) = std::sync::mpsc::channel::<()>();
    let writer = {
        let text = text.to_owned();
        std::thread::spawn(move || {
            let part = text.len() * 3 / 4;
            chunks.send(text.as_bytes()[..part].to_vec()).unwrap();
            wait.recv().unwrap();
            chunks.send(text.as_bytes()[part..].to_vec()).unwrap();
        })
    };
    let source = Arriving {
        chunks: arriving,
        pending: Vec::new(),
    };
    let Opened::Partly(doc, loading) = open_early_from(path, 0, Some(Box::new(source))).unwrap()
    else {
        panic!("a large plan is shown in parts");
    };
    let mut app = App::new(vec![doc], Vec::new());
    peek::set_lang(&mut app, actplan::words::Lang::En);
    peek::set_loading(&mut app, loading);
    app.update(Action::Resize(120, 40));
    (app, go_on, writer, dir)
}

fn wait_until_read(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while peek::loading(app) {
        assert!(Instant::now() < deadline, "the rest was never taken in");
        std::thread::sleep(Duration::from_millis(10));
        app.update(Action::Tick);
    }
}

#[test]
fn the_first_part_is_shown_while_the_rest_is_read_and_then_the_whole() {
    let plan = large_plan(100);
    let text = to_canonical(&plan);
    let (mut app, go_on, writer, _dir) = open_through_fifo(&text);
    // A scale from the settings, for plans without their own.
    let mut settings = actplan::config::Config::default();
    let scale = vec![actplan::model::grade::Grade {
        name: "Ａ".to_owned(),
        marker: "A".to_owned(),
        colour: actplan::model::grade::Colour::Green,
        done: false,
    }];
    settings.evaluation_scale = Some(scale.clone());
    peek::apply_settings(&mut app, &settings, false);

    let first = screen_text(&app);
    let project = &plan.strategies[0].measures[0].projects[0].name;
    assert!(first.contains(project), "{first}");
    assert!(first.contains("合計 読込中..."), "{first}");
    assert!(!first.contains(&group_thousands(total_budget(&plan))));
    let top = peek::selected_name(&app);
    keys(&mut app, "jj");
    let selected = peek::selected_name(&app);
    assert_ne!(selected, top, "the first part can be looked through");
    assert!(peek::loading(&app), "the rest is not read yet");

    go_on.send(()).unwrap();
    writer.join().unwrap();
    wait_until_read(&mut app);
    let whole = screen_text(&app);
    let total = format!("合計 {}千円", group_thousands(total_budget(&plan)));
    assert!(whole.contains(&total), "{total} in {whole}");
    assert!(!whole.contains("読込中"), "{whole}");
    assert_eq!(peek::selected_name(&app), selected, "the selection stays");
    assert_eq!(
        peek::plan(&app).evaluation_scale,
        scale,
        "the user's scale holds"
    );
    let mut plan = plan;
    plan.evaluation_scale = scale;
    assert_eq!(peek::plan(&app), plan);
    assert_eq!(peek::disk_hash(&app), Some(content_hash(text.as_bytes())));
    keys(&mut app, "e");
    assert!(peek::editing(&app), "editing works once it is all read");
}

#[test]
fn a_large_plan_opens_in_a_terminal_and_shows_its_total() {
    let plan = large_plan(600);
    let text = to_canonical(&plan);
    assert!(text.len() > 4 << 20, "{} bytes: large enough", text.len());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.ron"), &text).unwrap();
    let mut session = Session::actplan(dir.path(), &["big.ron"], &[], (120, 40));
    let total = format!("合計 {}千円", group_thousands(total_budget(&plan)));
    session.wait_for_text(&total);
    session.send(b"q");
    session.expect_clean_exit();
}

#[test]
fn a_large_plan_broken_near_its_end_ends_the_session_with_the_position() {
    let text = to_canonical(&large_plan(600));
    let at = text.rfind("budget:").unwrap();
    let broken = format!("{}budgte:{}", &text[..at], &text[at + "budget:".len()..]);
    let line = broken[..at].matches('\n').count() + 1;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.ron"), &broken).unwrap();
    let mut session = Session::actplan(dir.path(), &["big.ron"], &[], (120, 40));
    let status = session.wait_exit();
    assert_eq!(status.exit_code(), 1, "{}", session.screen());
    // The message may reach the screen a moment after the process ended.
    session.wait_for_text(&format!("big.ron:{line}:"));
    let screen = session.screen();
    assert!(screen.contains("budgte"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}

#[test]
fn a_search_typed_before_the_rest_is_read_waits_for_it_and_finds_what_is_there() {
    let mut plan = large_plan(100);
    let last = plan.strategies[0].measures.len() - 1;
    let deep = plan.strategies[0].measures[last].projects.len() - 1;
    plan.strategies[0].measure_mut(last).projects[deep].name = "最後の検索対象事業".to_owned();
    let text = to_canonical(&plan);
    let (mut app, go_on, writer, _dir) = open_through_fifo(&text);
    // The rest arrives while `/` waits for it.
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        go_on.send(()).unwrap();
    });
    keys(&mut app, "/");
    assert!(
        !peek::loading(&app),
        "the search key waited for the whole plan"
    );
    assert!(
        peek::prompt_text(&app).is_some(),
        "and then opened the search line"
    );
    keys(&mut app, "最後の検索");
    let screen = screen_text(&app);
    assert!(screen.contains("選択 最後の検索対象事業"), "{screen}");
    release.join().unwrap();
    writer.join().unwrap();
}

#[test]
fn several_large_plans_open_side_by_side_and_a_broken_one_is_reported() {
    let plan = large_plan(600);
    let text = to_canonical(&plan);
    let at = text.rfind("budget:").unwrap();
    let broken = format!("{}budgte:{}", &text[..at], &text[at + "budget:".len()..]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), &text).unwrap();
    std::fs::write(dir.path().join("b.ron"), &broken).unwrap();
    std::fs::copy(common::SEED, dir.path().join("c.ron")).unwrap();
    let seed = actplan::store::load(Path::new(common::SEED)).unwrap().plan;
    let mut session = Session::actplan(dir.path(), &["."], &[], (120, 40));
    let total = group_thousands(total_budget(&plan) + total_budget(&seed));
    session.wait_for_text(&format!("合計 {total}千円"));
    session.wait_for_text("Could not open 1 file(s)");
    assert!(session.screen().contains("b.ron:"), "{}", session.screen());
    session.send(b"q");
    session.expect_clean_exit();
}
