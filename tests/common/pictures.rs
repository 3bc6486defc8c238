//! Scenes for the screen pictures (tests/snapshots_ja.rs and
//! tests/snapshots_en.rs): each screen and dialog reached by keys on the
//! bundled plan, at a fixed month, so a picture changes only when what
//! the user sees changes.

use std::path::{Path, PathBuf};

use actplan::app::App;
use actplan::model::fields::Field;
use actplan::words::Lang;
use crossterm::event::KeyCode;

use super::drive::{edit_field, go_to, open_in, seed};
use super::{keys, peek, press, screen_text};

/// A copy of the bundled plan and the app on it, in `lang` at the size,
/// in October of the plan's year (the timeline's marker and what is
/// overdue depend on the month).
pub struct Scene {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub app: App,
}

impl Scene {
    pub fn new(width: u16, height: u16, lang: Lang) -> Self {
        let dir = folder();
        let path = dir.path().join("plan.ron");
        std::fs::copy(super::SEED, &path).unwrap();
        Self::on(dir, path, width, height, lang)
    }

    /// The app on `path` (inside `dir`).
    pub fn on(dir: tempfile::TempDir, path: PathBuf, width: u16, height: u16, lang: Lang) -> Self {
        let mut app = open_in(std::slice::from_ref(&path), width, height, lang);
        peek::set_month(&mut app, 2023, 10);
        Self { dir, path, app }
    }

    /// The screen, the folder's random part written as `XXXXXX`.
    pub fn screen(&self) -> String {
        without_dir(&screen_text(&self.app), self.dir.path())
    }
}

/// A temporary folder whose name is as long on every machine (whatever
/// `TMPDIR` says), so a dialog naming a file in it is laid out the same.
fn folder() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("pictures-")
        .rand_bytes(6)
        .tempdir_in("/tmp")
        .unwrap()
}

fn without_dir(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "/tmp/pictures-XXXXXX")
}

/// The editor on the last project's progress entries, a line typed.
pub fn progress_editor(app: &mut App) {
    go_to(app, seed::PLATFORM);
    keys(app, "e");
    keys(app, "R5.10 説明会を開催");
}

/// The one-line editor on the last project's budget.
pub fn budget_editor(app: &mut App) {
    go_to(app, seed::PLATFORM);
    edit_field(app, Field::Budget);
}

/// Unsaved progress on the last project, back in the tree.
pub fn unsaved_entry(app: &mut App) {
    progress_editor(app);
    press(app, KeyCode::Esc);
}

/// Two people changed the last project's budget; the second saves and is
/// asked which value to keep. Returns the second's app (the first saved).
pub fn conflict(scene: &mut Scene) -> App {
    let (width, height) = {
        let size = peek::size(&scene.app);
        (size.width, size.height)
    };
    let lang = peek::lang(&scene.app);
    let mut other = open_in(std::slice::from_ref(&scene.path), width, height, lang);
    peek::set_month(&mut other, 2023, 10);
    for (app, budget) in [(&mut other, "150000"), (&mut scene.app, "160000")] {
        budget_editor(app);
        for _ in 0..10 {
            press(app, KeyCode::Backspace);
        }
        keys(app, budget);
        press(app, KeyCode::Enter);
        super::drive::to_tree(app);
    }
    keys(&mut other, "w");
    keys(&mut scene.app, "w");
    other
}

/// Edits of an earlier session that ended without saving, offered back.
pub fn offer_recovered_edits(scene: &mut Scene) {
    let base = actplan::store::load(&scene.path).unwrap().plan;
    let mut edited = base.clone();
    super::named::project_mut(&mut edited, seed::PLATFORM)
        .schedule
        .push(actplan::model::ScheduleEntry::from_line(
            "R5.10 復旧した進捗",
        ));
    super::named::project_mut(&mut edited, seed::ACTIVATION).budget = Some(5000);
    peek::offer_recoveries(
        &mut scene.app,
        vec![actplan::store::recovery::Recovery {
            plan_path: scene.path.clone(),
            written: "2023-10-02 17:45:00".to_owned(),
            user: "tanaka".to_owned(),
            base,
            edited,
            unapplied: None,
        }],
    );
}

/// A plan file with a comment in it, opened, a change made and `w`.
pub fn comment_question(width: u16, height: u16, lang: Lang) -> Scene {
    let dir = folder();
    let path = dir.path().join("plan.ron");
    let text = std::fs::read_to_string(super::SEED).unwrap();
    std::fs::write(&path, format!("// 第2四半期の更新\n{text}")).unwrap();
    let mut scene = Scene::on(dir, path, width, height, lang);
    unsaved_entry(&mut scene.app);
    keys(&mut scene.app, "w");
    scene
}

/// A folder holding the plan and a broken file beside it.
pub fn broken_beside(width: u16, height: u16, lang: Lang) -> Scene {
    let dir = folder();
    std::fs::copy(super::SEED, dir.path().join("a.ron")).unwrap();
    std::fs::write(dir.path().join("b.ron"), "(title: \"x\",").unwrap();
    let path = dir.path().to_owned();
    Scene::on(dir, path, width, height, lang)
}
