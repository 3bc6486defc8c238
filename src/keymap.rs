//! The default keys, as one table: the key handler resolves keys with it and
//! the help screen and key hints are generated from it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use crate::config::KeyOverride;

/// Where the user is; decides which bindings apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Tree,
    Detail,
    /// Editing a multi-line field: Enter starts a new line.
    Editor,
    /// Editing a one-line field: Enter applies.
    LineEditor,
    Help,
    QuitDialog,
    CommentDialog,
    ConflictDialog,
    RecoveryDialog,
    DeleteDialog,
    Picker,
    FilterMenu,
    /// Typing a search or a filter value on the bottom line.
    Prompt,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Tree => "Tree",
            Context::Detail => "Detail pane",
            Context::Editor => "Editor",
            Context::LineEditor => "One-line editor",
            Context::Help => "Help",
            Context::QuitDialog => "Quit with unsaved changes",
            Context::CommentDialog => "Save would drop comments",
            Context::ConflictDialog => "Conflicting changes on disk",
            Context::RecoveryDialog => "Recovered unsaved edits",
            Context::DeleteDialog => "Delete",
            Context::Picker => "Choosing from a list",
            Context::FilterMenu => "Filters",
            Context::Prompt => "Search or filter line",
        }
    }
}

/// A key with or without Ctrl. Shift is part of the character (`G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn ch(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    const fn code(code: KeyCode) -> Self {
        Self { code, ctrl: false }
    }

    pub fn from_event(event: KeyEvent) -> Self {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            KeyCode::BackTab => KeyCode::Tab,
            code => code,
        };
        Self { code, ctrl }
    }

    /// How help shows the key; ASCII only, so every terminal draws it one
    /// cell wide.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "Up".to_owned(),
            KeyCode::Down => "Down".to_owned(),
            KeyCode::Left => "Left".to_owned(),
            KeyCode::Right => "Right".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// A word or two for the hint line; empty for keys not hinted.
    pub hint: &'static str,
    pub description: &'static str,
}

const fn bind(
    context: Context,
    key: Key,
    action: Action,
    hint: &'static str,
    description: &'static str,
) -> Binding {
    Binding {
        context,
        key,
        action,
        hint,
        description,
    }
}

use Action as A;
use Context as C;

#[rustfmt::skip]
pub const DEFAULT: &[Binding] = &[
    bind(C::Tree, Key::ch('j'), A::Down, "move", "next row"),
    bind(C::Tree, Key::code(KeyCode::Down), A::Down, "", "next row"),
    bind(C::Tree, Key::ch('k'), A::Up, "", "previous row"),
    bind(C::Tree, Key::code(KeyCode::Up), A::Up, "", "previous row"),
    bind(C::Tree, Key::ch('l'), A::Expand, "", "expand, or go to the first child"),
    bind(C::Tree, Key::code(KeyCode::Right), A::Expand, "", "expand, or go to the first child"),
    bind(C::Tree, Key::ch('h'), A::Collapse, "", "collapse, or go to the parent"),
    bind(C::Tree, Key::code(KeyCode::Left), A::Collapse, "", "collapse, or go to the parent"),
    bind(C::Tree, Key::code(KeyCode::Enter), A::Toggle, "", "expand or collapse"),
    bind(C::Tree, Key::ch('g'), A::First, "", "first row"),
    bind(C::Tree, Key::code(KeyCode::Home), A::First, "", "first row"),
    bind(C::Tree, Key::ch('G'), A::Last, "", "last row"),
    bind(C::Tree, Key::code(KeyCode::End), A::Last, "", "last row"),
    bind(C::Tree, Key::code(KeyCode::PageDown), A::PageDown, "", "one screen down"),
    bind(C::Tree, Key::code(KeyCode::PageUp), A::PageUp, "", "one screen up"),
    bind(C::Tree, Key::ch('e'), A::EditSchedule, "progress", "edit the project's progress entries"),
    bind(C::Tree, Key::ch('w'), A::Save, "save", "save"),
    bind(C::Tree, Key::code(KeyCode::Tab), A::SwitchFocus, "detail", "focus the detail pane"),
    bind(C::Tree, Key::ch('a'), A::AddEntry, "", "add a progress entry dated this month"),
    bind(C::Tree, Key::ch('o'), A::AddSibling, "", "add a node after this one"),
    bind(C::Tree, Key::ch('+'), A::AddChild, "", "add a node inside this one"),
    bind(C::Tree, Key::ch('r'), A::Rename, "", "rename"),
    bind(C::Tree, Key::ch('d'), A::Delete, "", "delete (asks first)"),
    bind(C::Tree, Key::ch('K'), A::MoveUp, "", "move up among its siblings"),
    bind(C::Tree, Key::ch('J'), A::MoveDown, "", "move down among its siblings"),
    bind(C::Tree, Key::ch('m'), A::MoveTo, "", "move to another measure or strategy"),
    bind(C::Tree, Key::ch('L'), A::Link, "", "link or unlink a measure and KPIs"),
    bind(C::Tree, Key::ch('u'), A::Undo, "undo", "undo"),
    bind(C::Tree, Key::ctrl('r'), A::Redo, "", "redo"),
    bind(C::Tree, Key::ch('/'), A::Search, "search", "search as you type"),
    bind(C::Tree, Key::ch('n'), A::NextMatch, "", "next match"),
    bind(C::Tree, Key::ch('N'), A::PrevMatch, "", "previous match"),
    bind(C::Tree, Key::ch('f'), A::Filters, "filter", "filters"),
    bind(C::Tree, Key::ch('D'), A::ToggleDates, "", "dates as written / Gregorian"),
    bind(C::Tree, Key::ch('1'), A::ShowDetail, "", "right pane: detail"),
    bind(C::Tree, Key::ch('2'), A::ShowBudget, "", "right pane: budget bars"),
    bind(C::Tree, Key::ch('3'), A::ShowTimeline, "", "right pane: timeline"),
    bind(C::Tree, Key::ch('4'), A::ShowKpis, "", "right pane: KPI gauges"),
    bind(C::Tree, Key::ch('0'), A::ShowTreeOnly, "", "no right pane: the tree across the screen"),
    bind(C::Tree, Key::ch('B'), A::CycleGrouping, "", "budget bars by strategy / KPI / measure"),
    bind(C::Detail, Key::ch('a'), A::AddEntry, "", "add a progress entry dated this month"),
    bind(C::Detail, Key::ch('u'), A::Undo, "undo", "undo"),
    bind(C::Detail, Key::ctrl('r'), A::Redo, "", "redo"),
    bind(C::Detail, Key::ch('D'), A::ToggleDates, "", "dates as written / Gregorian"),
    bind(C::Detail, Key::ch('j'), A::Down, "field", "next field"),
    bind(C::Detail, Key::code(KeyCode::Down), A::Down, "", "next field"),
    bind(C::Detail, Key::ch('k'), A::Up, "", "previous field"),
    bind(C::Detail, Key::code(KeyCode::Up), A::Up, "", "previous field"),
    bind(C::Detail, Key::ch('e'), A::Edit, "edit", "edit the field"),
    bind(C::Detail, Key::code(KeyCode::Enter), A::Edit, "", "edit the field"),
    bind(C::Detail, Key::code(KeyCode::PageDown), A::PageDown, "", "scroll down"),
    bind(C::Detail, Key::code(KeyCode::PageUp), A::PageUp, "", "scroll up"),
    bind(C::Detail, Key::code(KeyCode::Tab), A::SwitchFocus, "tree", "focus the tree"),
    bind(C::Detail, Key::code(KeyCode::Esc), A::SwitchFocus, "", "focus the tree"),
    bind(C::Tree, Key::ctrl('s'), A::Save, "", "save"),
    bind(C::Detail, Key::ctrl('s'), A::Save, "", "save"),
    bind(C::Tree, Key::ch('?'), A::Help, "help", "show the keys"),
    bind(C::Detail, Key::ch('?'), A::Help, "help", "show the keys"),
    bind(C::Tree, Key::ch('q'), A::Quit, "quit", "quit"),
    bind(C::Detail, Key::ch('q'), A::Quit, "quit", "quit"),
    bind(C::Editor, Key::code(KeyCode::Esc), A::ApplyEdit, "apply", "put the text into the plan"),
    bind(C::Editor, Key::ctrl('g'), A::CancelEdit, "discard", "discard the edit"),
    bind(C::Editor, Key::ctrl('s'), A::Save, "save", "apply the text and save"),
    bind(C::LineEditor, Key::code(KeyCode::Esc), A::ApplyEdit, "apply", "put the text into the plan"),
    bind(C::LineEditor, Key::code(KeyCode::Enter), A::ApplyEdit, "", "put the text into the plan"),
    bind(C::LineEditor, Key::ctrl('g'), A::CancelEdit, "discard", "discard the edit"),
    bind(C::LineEditor, Key::ctrl('s'), A::Save, "save", "apply the text and save"),
    bind(C::Help, Key::ch('j'), A::Down, "scroll", "scroll down"),
    bind(C::Help, Key::code(KeyCode::Down), A::Down, "", "scroll down"),
    bind(C::Help, Key::ch('k'), A::Up, "", "scroll up"),
    bind(C::Help, Key::code(KeyCode::Up), A::Up, "", "scroll up"),
    bind(C::Help, Key::code(KeyCode::Esc), A::Dismiss, "close", "close the help"),
    bind(C::Help, Key::ch('q'), A::Dismiss, "", "close the help"),
    bind(C::Help, Key::ch('?'), A::Dismiss, "", "close the help"),
    bind(C::QuitDialog, Key::ch('s'), A::Confirm, "save and quit", "save, then quit"),
    bind(C::QuitDialog, Key::ch('d'), A::Discard, "discard and quit", "quit without saving"),
    bind(C::QuitDialog, Key::ch('c'), A::Dismiss, "cancel", "keep working"),
    bind(C::QuitDialog, Key::code(KeyCode::Esc), A::Dismiss, "", "keep working"),
    bind(C::CommentDialog, Key::ch('s'), A::Confirm, "save anyway", "save, dropping the comments"),
    bind(C::CommentDialog, Key::ch('c'), A::Dismiss, "cancel", "do not save"),
    bind(C::CommentDialog, Key::code(KeyCode::Esc), A::Dismiss, "", "do not save"),
    bind(C::ConflictDialog, Key::ch('m'), A::KeepMine, "keep yours", "keep the value typed here"),
    bind(C::ConflictDialog, Key::ch('t'), A::TakeTheirs, "take theirs", "take the value saved by someone else"),
    bind(C::ConflictDialog, Key::code(KeyCode::Esc), A::Dismiss, "cancel", "do not save (or restore); keep your edits"),
    bind(C::RecoveryDialog, Key::ch('r'), A::Restore, "restore", "put the recovered edits back"),
    bind(C::RecoveryDialog, Key::ch('d'), A::Discard, "discard", "throw the recovered edits away"),
    bind(C::RecoveryDialog, Key::code(KeyCode::Esc), A::Dismiss, "later", "decide at the next start"),
    bind(C::DeleteDialog, Key::ch('y'), A::Confirm, "delete", "delete it"),
    bind(C::DeleteDialog, Key::ch('n'), A::Dismiss, "keep", "keep it"),
    bind(C::DeleteDialog, Key::code(KeyCode::Esc), A::Dismiss, "", "keep it"),
    bind(C::Picker, Key::ch('j'), A::Down, "", "next item"),
    bind(C::Picker, Key::code(KeyCode::Down), A::Down, "", "next item"),
    bind(C::Picker, Key::ch('k'), A::Up, "", "previous item"),
    bind(C::Picker, Key::code(KeyCode::Up), A::Up, "", "previous item"),
    bind(C::Picker, Key::code(KeyCode::Enter), A::Confirm, "choose", "choose this item"),
    bind(C::Picker, Key::code(KeyCode::Esc), A::Dismiss, "close", "close the list"),
    bind(C::FilterMenu, Key::ch('e'), A::FilterEvaluation, "evaluation", "by evaluation (next grade)"),
    bind(C::FilterMenu, Key::ch('o'), A::FilterOverdue, "overdue", "only overdue projects"),
    bind(C::FilterMenu, Key::ch('t'), A::FilterText, "text", "by text"),
    bind(C::FilterMenu, Key::ch('b'), A::FilterBudget, "budget", "by budget range, e.g. 1000-5000"),
    bind(C::FilterMenu, Key::ch('c'), A::ClearFilters, "clear", "remove every filter"),
    bind(C::FilterMenu, Key::code(KeyCode::Esc), A::Dismiss, "close", "close the filters"),
    bind(C::FilterMenu, Key::ch('f'), A::Dismiss, "", "close the filters"),
    bind(C::Prompt, Key::code(KeyCode::Enter), A::Confirm, "done", "keep it"),
    bind(C::Prompt, Key::code(KeyCode::Esc), A::Dismiss, "cancel", "cancel"),
];

/// The keys in force: the user's extra bindings (from the config) before
/// the defaults.
#[derive(Debug, Default)]
pub struct Keymap {
    extra: Vec<Binding>,
}

impl Keymap {
    /// The defaults plus `overrides`; each override that cannot be read is
    /// reported and left out.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Self, Vec<String>) {
        let mut extra = Vec::new();
        let mut errors = Vec::new();
        for o in overrides {
            match binding(o) {
                Ok(b) => extra.push(b),
                Err(e) => errors.push(format!("key `{}` in {}: {e}", o.key, o.context)),
            }
        }
        (Self { extra }, errors)
    }

    /// The action for a key in a context. In an editor, keys without a
    /// binding are typed into the text.
    pub fn resolve(&self, context: Context, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        let bound = self
            .bindings(context)
            .find(|b| b.key == key)
            .map(|b| b.action.clone());
        match context {
            C::Editor | C::LineEditor => bound.or(Some(A::EditorKey(event))),
            C::Prompt => bound.or(Some(A::PromptKey(event))),
            _ => bound,
        }
    }

    /// The bindings of one context: the user's first, then table order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.extra
            .iter()
            .chain(DEFAULT.iter())
            .filter(move |b| b.context == context)
    }
}

/// Every context, for reading contexts by name and listing help.
pub const CONTEXTS: [Context; 13] = [
    C::Tree,
    C::Detail,
    C::Editor,
    C::LineEditor,
    C::Help,
    C::QuitDialog,
    C::CommentDialog,
    C::ConflictDialog,
    C::RecoveryDialog,
    C::DeleteDialog,
    C::Picker,
    C::FilterMenu,
    C::Prompt,
];

/// A binding from the config: context and action by name (as in the help
/// screen and `Debug`), the key as help shows it (`x`, `Ctrl-D`, `F5`, `PgDn`).
fn binding(o: &KeyOverride) -> Result<Binding, String> {
    let context = CONTEXTS
        .into_iter()
        .find(|c| format!("{c:?}") == o.context || c.title() == o.context)
        .ok_or_else(|| format!("no context `{}`", o.context))?;
    let template = DEFAULT
        .iter()
        .find(|b| format!("{:?}", b.action) == o.action)
        .ok_or_else(|| format!("no action `{}`", o.action))?;
    Ok(Binding {
        context,
        key: parse_key(&o.key)?,
        action: template.action.clone(),
        hint: "",
        description: template.description,
    })
}

fn parse_key(text: &str) -> Result<Key, String> {
    let (ctrl, name) = match text
        .strip_prefix("Ctrl-")
        .or_else(|| text.strip_prefix("C-"))
    {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let named = [
        ("Enter", KeyCode::Enter),
        ("Esc", KeyCode::Esc),
        ("Tab", KeyCode::Tab),
        ("Space", KeyCode::Char(' ')),
        ("Up", KeyCode::Up),
        ("Down", KeyCode::Down),
        ("Left", KeyCode::Left),
        ("Right", KeyCode::Right),
        ("PgUp", KeyCode::PageUp),
        ("PgDn", KeyCode::PageDown),
        ("Home", KeyCode::Home),
        ("End", KeyCode::End),
        ("Backspace", KeyCode::Backspace),
        ("Delete", KeyCode::Delete),
    ];
    let code = if let Some((_, code)) = named.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        *code
    } else if let Some(n) = name.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        KeyCode::F(n)
    } else {
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => {
                return Err(format!(
                    "`{text}` is not a key: write e.g. x, Ctrl-D, F5, PgDn"
                ));
            }
        }
    };
    Ok(Key { code, ctrl })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for (i, a) in DEFAULT.iter().enumerate() {
            for b in &DEFAULT[i + 1..] {
                assert!(
                    !(a.context == b.context && a.key == b.key),
                    "{} is bound twice in {:?}",
                    a.key.name(),
                    a.context
                );
            }
        }
    }

    #[test]
    fn shifted_letters_and_ctrl_resolve() {
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        let keys = Keymap::default();
        assert_eq!(keys.resolve(C::Tree, shift_g), Some(A::Last));
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(keys.resolve(C::Editor, ctrl_s), Some(A::Save));
        let typed = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(keys.resolve(C::Editor, typed), Some(A::EditorKey(typed)));
        assert_eq!(keys.resolve(C::Tree, typed), Some(A::Down));
    }

    #[test]
    fn overrides_from_the_config_come_first_and_bad_ones_are_reported() {
        let o = |context: &str, key: &str, action: &str| KeyOverride {
            context: context.to_owned(),
            key: key.to_owned(),
            action: action.to_owned(),
        };
        let (keys, errors) = Keymap::with_overrides(&[
            o("Tree", "Ctrl-D", "Delete"),
            o("Tree", "x", "Save"),
            o("Nowhere", "y", "Save"),
            o("Tree", "Hyper-Q", "Save"),
            o("Tree", "z", "Fly"),
        ]);
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(keys.resolve(C::Tree, ctrl_d), Some(A::Delete));
        assert_eq!(
            keys.resolve(
                C::Tree,
                KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)
            ),
            Some(A::Save)
        );
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("no context `Nowhere`"));
    }

    #[test]
    fn saving_never_depends_on_ctrl_s_alone() {
        // Ctrl-S is flow control on some terminals; `w` must save too.
        assert!(
            Keymap::default()
                .bindings(C::Tree)
                .any(|b| b.key == Key::ch('w') && b.action == A::Save)
        );
    }
}
