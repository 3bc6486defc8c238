//! The keys in force: the default table (`table`) and the user's extra
//! bindings from the settings.

mod key;
mod overrides;
mod table;

use crossterm::event::KeyEvent;

pub use key::Key;
pub use overrides::{KeyError, OverrideError};
pub use table::{Binding, CONTEXTS, Context, DEFAULT, Doing, Hint};

use crate::action::Action;
use crate::config::KeyOverride;

/// The keys in force: the user's extra bindings (from the config) before
/// the defaults.
#[derive(Debug, Default)]
pub struct Keymap {
    extra: Vec<Binding>,
}

impl Keymap {
    /// The defaults plus `overrides`; each override that cannot be read is
    /// reported and left out.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Self, Vec<OverrideError>) {
        let mut extra = Vec::new();
        let mut errors = Vec::new();
        for o in overrides {
            match overrides::binding(o) {
                Ok(b) => extra.push(b),
                Err(reason) => errors.push(OverrideError {
                    key: o.key.clone(),
                    context: o.context.clone(),
                    reason,
                }),
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
            Context::Editor | Context::LineEditor => bound.or(Some(Action::EditorKey(event))),
            Context::Prompt => bound.or(Some(Action::PromptKey(event))),
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

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::{Context as C, DEFAULT, Key, KeyOverride, Keymap};
    use crate::action::Action as A;

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
        assert!(errors[0].to_string().contains("no context `Nowhere`"));
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
