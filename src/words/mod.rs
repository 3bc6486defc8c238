//! Everything actplan tells its users, in Japanese or English: notices,
//! errors, questions, refusals, the output of every subcommand. Messages are
//! typed values made where something happens (an error enum in the model, a
//! notice in the app); this module alone turns them into sentences, both
//! languages side by side, so no sentence is built in English and then
//! translated. Plan content is never translated, only the words around it.
//!
//! What the app and the ui say while the session runs is in `tell`: the
//! app holds those values and the ui says them when it draws.
//!
//! Errors of the model, store and commands derive `thiserror::Error` without
//! `#[error]` attributes; their `Display` (English, for logs and tests) is
//! given here by [`english_display!`], from the same words.

pub mod cli;
mod commands;
mod import;
mod keys;
mod lang;
mod model;
mod store;
pub mod tell;
#[cfg(test)]
mod tests;

pub use lang::Lang;

/// A message that can be said in either language.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

/// `Display` for message types: their English words.
macro_rules! english_display {
    ($($ty:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::words::Say::say(self, $crate::words::Lang::En))
            }
        }
    )+};
}
pub(crate) use english_display;
