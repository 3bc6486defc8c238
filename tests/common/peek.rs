//! The one place tests look inside the app's state or set it directly,
//! for what the screen does not show exactly enough (the whole plan as
//! held, whether the session ended). When the app's state moves, only
//! this file follows it.

use actplan::app::App;
use actplan::keymap::Context;
use actplan::model::Plan;
use actplan::model::fields::Field;
use actplan::words::Lang;

/// Makes the interface speak `lang`.
pub fn set_lang(app: &mut App, lang: Lang) {
    app.set_lang(lang);
}

/// Opened with `--read-only`.
pub fn set_read_only(app: &mut App) {
    app.set_read_only(true);
}

/// What a key does now, by the app's keymap.
pub fn resolve(app: &App, event: crossterm::event::KeyEvent) -> Option<actplan::action::Action> {
    app.keymap().resolve(app.context(), event)
}

/// The terminal's size as the app last heard it.
pub fn size(app: &App) -> ratatui::layout::Rect {
    app.size()
}

/// Which keys apply now.
pub fn context(app: &App) -> Context {
    app.context()
}

/// A search still looking (it goes on between keys in a large plan).
pub fn searching(app: &App) -> bool {
    app.searching()
}

/// Nodes in the tree, shown or folded away.
pub fn node_count(app: &App) -> usize {
    app.tree().node_count()
}

/// The selected node's name (a KPI's statement, a plan's title).
pub fn selected_name(app: &App) -> Option<String> {
    let place = app.selected_node()?;
    let plans = app.plans();
    let node = actplan::tree::labels::describe(plans[place.plan()], place.address());
    Some(node.name.to_owned())
}

/// Whether the selected node is named `name`, or (a KPI or measure) is
/// labelled so.
pub fn selected_is(app: &App, name: &str) -> bool {
    app.selected_node().is_some_and(|place| {
        let plans = app.plans();
        let node = actplan::tree::labels::describe(plans[place.plan()], place.address());
        node.name == name || node.label == name
    })
}

/// Where `field` is among the selected node's fields in the detail pane.
pub fn field_index(app: &App, field: Field) -> Option<usize> {
    app.fields().iter().position(|&f| f == field)
}

pub fn field_count(app: &App) -> usize {
    app.fields().len()
}

/// The plan of the first open file, as the app holds it now.
pub fn plan(app: &App) -> Plan {
    plan_at(app, 0)
}

pub fn plan_at(app: &App, doc: usize) -> Plan {
    Plan::clone(&app.docs()[doc].plan)
}

/// Whether the session ended.
pub fn quit(app: &App) -> bool {
    app.quitting()
}

/// Whether an editor is open.
pub fn editing(app: &App) -> bool {
    app.editor().is_some()
}

/// How wide the tree pane is.
pub fn tree_width(app: &App) -> u16 {
    areas(app).tree.width
}

/// Where the right pane starts.
pub fn right_pane_x(app: &App) -> u16 {
    areas(app).detail.x
}

/// Where each region of the screen is, as the ui lays it out.
fn areas(app: &App) -> actplan::ui::layout::Areas {
    actplan::ui::layout::areas(app.size(), actplan::ui::notice_lines(app), app.tree_only())
}

/// The budget total of the node on the tree's `row`-th row on screen.
pub fn shown_row_budget(app: &App, row: usize) -> Option<u64> {
    app.tree()
        .row(app.cursor().tree_offset() + row)
        .map(|node| node.total.budget)
}

/// Whether anything is unsaved.
pub fn dirty(app: &App) -> bool {
    app.is_dirty()
}

/// This month as the app holds it (it is looked at once a second).
pub fn month(app: &App) -> actplan::model::YearMonth {
    app.month()
}

/// As if this month were `year`-`month`.
pub fn set_month(app: &mut App, year: i32, month: u8) {
    app.start_in_month(actplan::model::YearMonth { year, month });
}

/// Counts every change that may show on screen.
pub fn revision(app: &App) -> u64 {
    app.revision()
}

/// As with `NO_COLOR` set.
pub fn set_no_color(app: &mut App) {
    app.set_no_color(true);
}

/// Rows the tree shows (folded nodes not counted).
pub fn row_count(app: &App) -> usize {
    app.tree().len()
}

/// The text in the open editor.
pub fn editor_text(app: &App) -> Option<String> {
    app.editor().map(|e| e.textarea.lines().join("\n"))
}

/// What the search or filter line holds, while it is open.
pub fn prompt_text(app: &App) -> Option<String> {
    app.prompt().map(|p| p.text.clone())
}

/// The settings file's choices, as at start.
pub fn apply_settings(app: &mut App, settings: &actplan::config::Config, no_color: bool) {
    app.apply_settings(settings, no_color);
}

/// Recovered edits found at start, offered to the user.
pub fn offer_recoveries(app: &mut App, found: Vec<actplan::store::recovery::Recovery>) {
    app.offer_recoveries(found);
}

/// How many plans are open.
pub fn plan_count(app: &App) -> usize {
    app.docs().len()
}

/// Every tree row's total, and the grand totals with the shown total
/// last, as drawn.
pub fn totals(
    app: &App,
) -> (
    Vec<actplan::model::Total>,
    Vec<(String, actplan::model::Total)>,
) {
    let tree = app.tree();
    let rows = (0..tree.len()).map(|r| tree.row(r).unwrap().total);
    let mut grand = app.grand_totals().to_vec();
    grand.push(("shown".to_owned(), tree.shown_total()));
    (rows.collect(), grand)
}

/// Matches still being counted in the background.
pub fn counting(app: &App) -> bool {
    app.counting()
}

/// The next tick looks at the files on disk, however soon it comes (they
/// are looked at once a second).
pub fn look_at_files_on_next_tick(app: &mut App) {
    app.watch_at_next_tick();
}

/// The rest of a large plan still being read.
pub fn loading(app: &App) -> bool {
    app.still_loading()
}

/// Hands the app the rest of a plan being read, as at start.
pub fn set_loading(app: &mut App, loading: actplan::app::Loading) {
    app.start_loading(vec![loading]);
}

/// The hash of the first plan's file as last read or saved.
pub fn disk_hash(app: &App) -> Option<u64> {
    app.docs()[0].disk_hash
}

/// The language the interface speaks now.
pub fn lang(app: &App) -> Lang {
    app.lang()
}
