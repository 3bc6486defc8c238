//! Moving through a plan as a user does: to a node by its name, through
//! the app's own search (`/`, the name, Enter, `n` until it is the node),
//! so a test keeps working when the bundled plan gains a project.

use actplan::app::App;
use actplan::keymap::Context;
use actplan::model::fields::Field;
use actplan::words::Lang;
use crossterm::event::KeyCode;

use super::{keys, peek, press};

/// Projects and measures of the bundled plan, by the names users see.
pub mod seed {
    pub const STRATEGY: &str = "県庁オープン化戦略";
    /// KPIs have no name: they are found by their label.
    pub const KPI_1: &str = "ⅰ";
    pub const KPI_2: &str = "ⅱ";
    pub const MEASURE_1: &str = "県庁組織の活性化";
    pub const MEASURE_2: &str = "県庁の働き方改革の推進";
    pub const MEASURE_3: &str = "デジタル技術を活用した住民サービスの向上・住民参加の推進";
    /// The projects of measure ①, ② and ③.
    pub const ACTIVATION: &str = "県庁活性化促進事業";
    pub const TRAINING: &str = "地方創生人材育成研修事業";
    pub const WORK_STYLE_LAB: &str = "働き方改革ラボ2.0事業";
    pub const MY_NUMBER: &str = "マイナンバーカード利活用プラットフォーム実証事業";
    pub const ONLINE: &str = "行政手続きオンライン化事業";
    pub const PLATFORM: &str = "サービス連携プラットフォーム等整備事業";
}

/// The app on `paths` at `width` x `height`, speaking `lang`.
pub fn open_in(paths: &[std::path::PathBuf], width: u16, height: u16, lang: Lang) -> App {
    let mut app = super::open(paths, width, height);
    peek::set_lang(&mut app, lang);
    app
}

/// Selects the first node, from the top of the tree, whose name (or, for
/// a KPI or measure, label) is `name`: searched for with `/`, then `n`
/// until the selection is that node (another node's text may hold the
/// name too). The search is forgotten again (`/` and Esc), so the screen
/// shows no search message or marks.
pub fn go_to(app: &mut App, name: &str) {
    to_tree(app);
    keys(app, "g");
    keys(app, "/");
    keys(app, name);
    press(app, KeyCode::Enter);
    // Every node is looked at once at most (the search wraps around).
    for _ in 0..=peek::node_count(app) {
        settle_search(app);
        if peek::selected_is(app, name) {
            // A search line closed with Esc forgets the search and goes
            // back to where it started: here.
            keys(app, "/");
            press(app, KeyCode::Esc);
            return;
        }
        keys(app, "n");
    }
    panic!(
        "no node named {name:?} on screen:\n{}",
        super::screen_text(app)
    );
}

/// Lets a search through a large plan finish (it goes on between keys).
fn settle_search(app: &mut App) {
    while peek::searching(app) {
        app.update(actplan::action::Action::Tick);
    }
}

/// Moves the detail pane's selection to `field` of the selected node and
/// leaves the focus there (Tab from the tree, then `j` to the field).
pub fn to_field(app: &mut App, field: Field) {
    let index = peek::field_index(app, field)
        .unwrap_or_else(|| panic!("the selected node has no {field:?} field"));
    if peek::context(app) == Context::Tree {
        press(app, KeyCode::Tab);
    }
    for _ in 0..peek::field_count(app) {
        keys(app, "k");
    }
    for _ in 0..index {
        keys(app, "j");
    }
}

/// Opens the editor on `field` of the selected node (the focus stays in
/// the detail pane).
pub fn edit_field(app: &mut App, field: Field) {
    to_field(app, field);
    keys(app, "e");
}

/// Puts the focus back on the tree (from the detail pane).
pub fn to_tree(app: &mut App) {
    if peek::context(app) == Context::Detail {
        press(app, KeyCode::Tab);
    }
    assert_eq!(peek::context(app), Context::Tree, "not on the tree");
}
