//! How this user wants the session: keys, language, colours, dates, how
//! many backups a save keeps, the evaluation scale, and whether anything
//! may be changed at all.

use crate::config::{Config, DateDisplay, Recolour};
use crate::keymap::{Keymap, OverrideError};
use crate::model::grade::Grade;
use crate::words::Lang;

#[derive(Debug)]
pub struct Settings {
    /// The keys in force.
    keymap: Keymap,
    /// The interface language (plan content is never translated).
    lang: Lang,
    /// Colours drawn as others.
    palette: Vec<Recolour>,
    /// Draw without colours (`NO_COLOR`, or the config): meaning stays in
    /// markers, bold, underline and reverse video.
    no_color: bool,
    /// Show dates in Gregorian instead of as written (era notation).
    gregorian_dates: bool,
    /// Show the tree's department column, and the department field of
    /// strategies and measures that have none.
    departments_shown: bool,
    /// How many earlier versions a save keeps.
    backups: usize,
    /// The evaluation scale, for plans without their own.
    user_scale: Option<Vec<Grade>>,
    /// Opened with `--read-only`: nothing can be changed or saved.
    read_only: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            keymap: Keymap::default(),
            lang: Lang::En,
            palette: Vec::new(),
            no_color: false,
            gregorian_dates: false,
            departments_shown: false,
            backups: 1,
            user_scale: None,
            read_only: false,
        }
    }
}

impl Settings {
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn palette(&self) -> &[Recolour] {
        &self.palette
    }

    pub fn no_color(&self) -> bool {
        self.no_color
    }

    pub fn gregorian_dates(&self) -> bool {
        self.gregorian_dates
    }

    pub fn departments_shown(&self) -> bool {
        self.departments_shown
    }

    pub fn backups(&self) -> usize {
        self.backups
    }

    pub fn user_scale(&self) -> Option<&[Grade]> {
        self.user_scale.as_deref()
    }

    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Takes the user's settings; `no_color` is the `NO_COLOR`
    /// environment. Returns the problems found with the keys.
    pub(super) fn apply(&mut self, settings: &Config, no_color: bool) -> Vec<OverrideError> {
        self.no_color = no_color || !settings.colours;
        self.gregorian_dates = settings.dates == DateDisplay::Gregorian;
        self.backups = settings.backups;
        self.palette.clone_from(&settings.palette);
        let (keymap, errors) = Keymap::with_overrides(&settings.keys);
        self.keymap = keymap;
        self.user_scale.clone_from(&settings.evaluation_scale);
        errors
    }

    /// Switches dates between as written and Gregorian; whether they are
    /// now Gregorian.
    pub(super) fn toggle_dates(&mut self) -> bool {
        self.gregorian_dates = !self.gregorian_dates;
        self.gregorian_dates
    }

    pub(super) fn toggle_departments(&mut self) {
        self.departments_shown = !self.departments_shown;
    }

    pub(super) fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    pub(super) fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub(super) fn set_no_color(&mut self, no_color: bool) {
        self.no_color = no_color;
    }
}

impl super::App {
    /// Takes the user's settings; `no_color` is the `NO_COLOR` environment.
    pub fn apply_settings(&mut self, settings: &Config, no_color: bool) {
        let problems = self.settings.apply(settings, no_color);
        self.notices.keys_unused(problems);
        for doc in 0..self.docs.len() {
            self.give_user_scale(doc);
        }
        self.rebuild_tree();
    }

    /// Plans without an evaluation scale of their own take the user's (from
    /// the settings); a save then writes it into the plan.
    pub(super) fn give_user_scale(&mut self, doc: usize) {
        let (Some(scale), Some(doc)) = (self.settings.user_scale(), self.docs.get_mut(doc)) else {
            return;
        };
        if crate::model::grade::is_default_scale(&doc.plan.evaluation_scale) {
            std::sync::Arc::make_mut(&mut doc.plan).evaluation_scale = scale.to_vec();
            std::sync::Arc::make_mut(&mut doc.base).evaluation_scale = scale.to_vec();
        }
    }
}
