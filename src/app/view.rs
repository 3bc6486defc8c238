//! Read-only views of the app for the ui, the terminal loop and tests, and
//! the set-up of a session before its first key. Nothing here changes
//! state once the session runs: that is `update`'s alone.

use ratatui::layout::Rect;

use super::App;
use super::cursor::Cursor;
use super::dialogs::{ConflictResolution, Overlay};
use super::document::Document;
use super::edit::Editor;
use super::loading::Loading;
use super::prompt::Prompt;
use super::settings::Settings;
use super::structure::Picker;
use crate::frame::FrameSizes;
use crate::keymap::Keymap;
use crate::model::filter::Filter;
use crate::model::tally::Tally;
use crate::model::{Plan, Total, YearMonth};
use crate::store::recovery::Recovery;
use crate::tree::Tree;
use crate::words::Lang;
use crate::words::tell::{Message, Notice};

impl App {
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    pub fn plans(&self) -> Vec<&Plan> {
        self.docs.iter().map(|d| &*d.plan).collect()
    }

    pub fn is_dirty(&self) -> bool {
        self.docs.iter().any(|d| d.dirty)
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// Budget total of every open plan, per unit.
    pub fn grand_totals(&self) -> &[(String, Total)] {
        &self.grand_totals
    }

    /// The 合計 plan `doc` states where it is not the sum of its budgets:
    /// (stated, sum).
    pub fn stated_total_differs(&self, doc: usize) -> Option<(u64, u64)> {
        let stated = self.docs.get(doc)?.plan.stated_total?;
        let sum = self.plan_totals.get(doc)?.budget;
        (stated != sum).then_some((stated, sum))
    }

    /// Projects of open plan `doc` by grade.
    pub fn tally(&self, doc: usize) -> Option<&Tally> {
        self.tallies.get(doc)
    }

    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn keymap(&self) -> &Keymap {
        self.settings.keymap()
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    pub fn read_only(&self) -> bool {
        self.settings.read_only()
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    pub fn editor(&self) -> Option<&Editor> {
        self.editor.as_ref()
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    pub fn conflict(&self) -> Option<&ConflictResolution> {
        self.conflict.as_ref()
    }

    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// The recovered edits being offered, with their document.
    pub fn offered_recovery(&self) -> Option<(&Document, &Recovery)> {
        let (doc, recovery) = self.recovery.first()?;
        Some((self.docs.get(doc)?, recovery))
    }

    pub fn message(&self) -> Option<&Message> {
        self.notices.message()
    }

    /// What the panel above the status bar says: files that could not be
    /// opened, problems with the settings, who else has a plan open, plans
    /// changed on disk.
    pub fn notices(&self) -> Vec<Notice<'_>> {
        self.notices.list(&self.docs)
    }

    /// The current search, normalised; matches are highlighted.
    pub fn search_query(&self) -> Option<&str> {
        self.search.query()
    }

    /// Whether matches are being counted in the background.
    pub fn counting(&self) -> bool {
        self.counts.busy()
    }

    /// Whether some plan is still being read.
    pub fn still_loading(&self) -> bool {
        self.reading.any()
    }

    pub fn size(&self) -> Rect {
        self.size
    }

    pub fn frame(&self) -> FrameSizes {
        self.frame
    }

    /// Whether the session is over.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn month(&self) -> YearMonth {
        self.month
    }

    /// Why the session had to end, if it had to.
    pub fn fatal(&self) -> Option<&crate::store::LoadError> {
        self.reading.fatal()
    }

    /// Set-up: opened with `--read-only`.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.settings.set_read_only(read_only);
    }

    /// Set-up: the interface language.
    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.set_lang(lang);
    }

    /// Set-up: draw without colours.
    pub fn set_no_color(&mut self, no_color: bool) {
        self.settings.set_no_color(no_color);
    }

    /// Set-up: the settings file could not be used (the session runs on
    /// the defaults).
    pub fn settings_unused(&mut self, problem: crate::config::ConfigProblem) {
        self.notices.settings_unused(problem);
    }

    /// Set-up: plans whose rest is still being read.
    pub fn start_loading(&mut self, loading: Vec<Loading>) {
        self.reading.start(loading);
    }

    /// Set-up: the month the session starts in (a test's "now").
    pub fn start_in_month(&mut self, month: YearMonth) {
        self.month = month;
    }

    /// The next tick looks at the files on disk, however soon it comes.
    pub fn watch_at_next_tick(&mut self) {
        self.watching.look_at_next_tick();
    }
}
