//! The user's extra keys from the settings: each read into a binding, or
//! left out with the reason why.

use super::key;
use super::table::{Binding, CONTEXTS, DEFAULT};
use crate::config::KeyOverride;
use crate::words::{Lang, Say};

/// An extra key from the settings that is left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct OverrideError {
    pub key: String,
    pub context: String,
    pub reason: KeyError,
}

/// Why an extra key cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    NoContext { context: String },
    NoAction { action: String },
    NotAKey { key: String },
}

crate::words::english_display!(OverrideError, KeyError);

/// A binding from the config: context and action by name (the context as
/// `Debug` writes it or as the help screen titles it, in either language),
/// the key as help shows it (`x`, `Ctrl-D`, `F5`, `PgDn`).
pub(super) fn binding(o: &KeyOverride) -> Result<Binding, KeyError> {
    let context = CONTEXTS
        .into_iter()
        .find(|c| format!("{c:?}") == o.context || Lang::ALL.iter().any(|&l| c.say(l) == o.context))
        .ok_or_else(|| KeyError::NoContext {
            context: o.context.clone(),
        })?;
    let template = DEFAULT
        .iter()
        .find(|b| format!("{:?}", b.action) == o.action)
        .ok_or_else(|| KeyError::NoAction {
            action: o.action.clone(),
        })?;
    Ok(Binding {
        context,
        key: key::parse(&o.key).ok_or_else(|| KeyError::NotAKey { key: o.key.clone() })?,
        action: template.action.clone(),
        hint: None,
        description: template.description,
    })
}
