//! Speed of what a user waits for, at 1k, 10k and 100k projects: loading,
//! one full frame, single keys (update + render), saving, and totals after
//! a budget edit. Plans come from `examples/gen_plan.rs` (run it first:
//! `cargo run --release --example gen_plan -- --projects N --seed 1 >
//! /tmp/actplan-bench-N.ron`); a size whose file is missing is skipped.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use actplan::action::Action;
use actplan::app::App;
use actplan::backend::Lean;
use actplan::screen::Screen;
use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Size;

fn plan_file(projects: usize) -> Option<PathBuf> {
    let path = PathBuf::from(format!("/tmp/actplan-bench-{projects}.ron"));
    path.exists().then_some(path)
}

fn open(path: &Path) -> App {
    let (docs, errors) = actplan::open_documents(&[path.to_owned()]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut app = App::new(docs, errors);
    app.update(Action::Resize(120, 40));
    actplan::screen::measure(&mut app);
    app
}

fn draw(app: &App, screen: &mut Screen<TestBackend>) {
    screen.draw(app, Size::new(120, 40)).unwrap();
}

fn screen() -> Screen<TestBackend> {
    Screen::new(TestBackend::new(120, 40))
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app
        .keymap()
        .resolve(app.context(), KeyEvent::new(code, modifiers))
    {
        app.update(action);
    }
    // As the terminal loop does before it draws.
    actplan::screen::measure(app);
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let Some(path) = plan_file(n) else { continue };
        group.bench_function(format!("{n}"), |b| b.iter(|| open(&path)));
    }
    group.finish();
}

/// The way the app reads a large plan: measure by measure (the first part
/// is shown meanwhile; see BENCHMARKS.md for the first screen), then the
/// tree built.
fn load_in_pieces(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_in_pieces");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let Some(path) = plan_file(n) else { continue };
        group.bench_function(format!("{n}"), |b| {
            b.iter(|| {
                let loaded = actplan::store::load_in_pieces(&path, &mut |_| {}).unwrap();
                let doc = actplan::app::Document::new(path.clone(), loaded);
                App::new(vec![doc], Vec::new())
            });
        });
    }
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_120x40");
    for n in [10_000, 100_000] {
        let Some(path) = plan_file(n) else { continue };
        let app = open(&path);
        let mut screen = screen();
        group.bench_function(format!("{n}"), |b| {
            b.iter(|| {
                screen.clear().unwrap();
                draw(&app, &mut screen);
            });
        });
    }
    group.finish();
}

/// Keys at 100k: each key's update and the frame it draws, as the user
/// sees it.
fn keys(c: &mut Criterion) {
    let Some(path) = plan_file(100_000) else {
        return;
    };
    let mut app = open(&path);
    let mut screen = screen();
    let mut group = c.benchmark_group("key_100k");
    let none = KeyModifiers::NONE;
    let mut step = |name: &str, app: &mut App, keys: &[(KeyCode, KeyModifiers)]| {
        group.bench_function(name, |b| {
            b.iter(|| {
                // Moves go on from the top once at the bottom, where a
                // move would change nothing and draw nothing.
                if app.selected_row().unwrap_or(0) + 1 >= app.tree().len() {
                    key(app, KeyCode::Char('g'), KeyModifiers::NONE);
                    draw(app, &mut screen);
                }
                for &(code, modifiers) in keys {
                    key(app, code, modifiers);
                    draw(app, &mut screen);
                }
            });
        });
    };
    step("j", &mut app, &[(KeyCode::Char('j'), none)]);
    key(&mut app, KeyCode::Char('0'), none);
    step("j_tree_only", &mut app, &[(KeyCode::Char('j'), none)]);
    key(&mut app, KeyCode::Char('1'), none);
    step(
        "G_g",
        &mut app,
        &[
            (KeyCode::Char('G'), KeyModifiers::SHIFT),
            (KeyCode::Char('g'), none),
        ],
    );
    step("PageDown", &mut app, &[(KeyCode::PageDown, none)]);
    step(
        "collapse_expand_strategy",
        &mut app,
        &[
            (KeyCode::Home, none),
            (KeyCode::Left, none),
            (KeyCode::Right, none),
        ],
    );
    step(
        "open_close_editor",
        &mut app,
        &[
            (KeyCode::Char('G'), KeyModifiers::SHIFT),
            (KeyCode::Char('e'), none),
            (KeyCode::Char('g'), KeyModifiers::CONTROL),
        ],
    );
    step(
        "search_keystroke",
        &mut app,
        &[
            (KeyCode::Char('/'), none),
            (KeyCode::Char('x'), none),
            (KeyCode::Esc, none),
        ],
    );
    step(
        "filter_change",
        &mut app,
        &[
            (KeyCode::Char('f'), none),
            (KeyCode::Char('o'), none),
            (KeyCode::Char('o'), none),
            (KeyCode::Esc, none),
        ],
    );
    drawn_ahead(&mut group, &mut app);
    group.finish();
}

/// `j` when its frame was drawn ahead (as while the user reads), and the
/// drawing ahead itself; through the app's own backend, into nothing.
fn drawn_ahead(group: &mut BenchmarkGroup<'_, WallTime>, app: &mut App) {
    let mut screen = Screen::new(Lean::new(CrosstermBackend::new(io::sink())));
    let size = Size::new(120, 40);
    let mut timed = |name: &str, ahead_timed: bool| {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    if app.selected_row().unwrap_or(0) + 1 >= app.tree().len() {
                        key(app, KeyCode::Char('g'), KeyModifiers::NONE);
                        screen.draw(app, size).unwrap();
                    }
                    let start = Instant::now();
                    screen.draw_ahead(app, || false);
                    let ahead = start.elapsed();
                    let start = Instant::now();
                    key(app, KeyCode::Char('j'), KeyModifiers::NONE);
                    screen.draw(app, size).unwrap();
                    spent += if ahead_timed { ahead } else { start.elapsed() };
                }
                spent
            });
        });
    };
    timed("j_drawn_ahead", false);
    timed("drawing_ahead", true);
}

fn save(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    for n in [10_000, 100_000] {
        let Some(path) = plan_file(n) else { continue };
        let plan = actplan::store::load(&path).unwrap().plan;
        let target = dir.path().join("plan.ron");
        group.bench_function(format!("{n}"), |b| {
            b.iter(|| actplan::store::save(&target, &plan).unwrap())
        });
    }
    group.finish();
}

/// A budget edit and the totals after it, at 100k.
fn totals(c: &mut Criterion) {
    let Some(path) = plan_file(100_000) else {
        return;
    };
    let mut group = c.benchmark_group("budget_edit_100k");
    group.sample_size(10);
    group.bench_function("edit_and_totals", |b| {
        b.iter_batched(
            || {
                let mut app = open(&path);
                key(&mut app, KeyCode::Char('G'), KeyModifiers::SHIFT);
                key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
                for _ in 0..4 {
                    key(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
                }
                key(&mut app, KeyCode::Char('e'), KeyModifiers::NONE);
                key(&mut app, KeyCode::Char('1'), KeyModifiers::NONE);
                app
            },
            |mut app| {
                key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
                app
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

/// 20 KB of many lines pasted into an open editor on 概要, with the
/// frame after it (key by key this took minutes).
fn paste(c: &mut Criterion) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/r5-growth-strategy.ron");
    let text = "県庁活性化促進事業の概要、第一段階の取組み。\n".repeat(300);
    let mut group = c.benchmark_group("paste");
    group.sample_size(10);
    let mut screen = screen();
    group.bench_function("20kb_into_the_editor", |b| {
        b.iter_batched(
            || {
                let mut app = open(&seed);
                key(&mut app, KeyCode::Char('G'), KeyModifiers::SHIFT);
                key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
                key(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
                key(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
                key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
                app
            },
            |mut app| {
                app.update(Action::Paste(text.clone()));
                draw(&app, &mut screen);
                app
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(
    benches,
    load,
    load_in_pieces,
    frame,
    keys,
    save,
    totals,
    paste
);
criterion_main!(benches);
