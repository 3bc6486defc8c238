//! A value refused while text is read through serde (a period in a plan, a
//! setting out of bounds) reaches the reader's error only as a string, as
//! serde allows no more. The typed reason is kept here beside that string,
//! so the message about the file can still be said in either language.

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The typed reason behind the last refusal handed to serde, and the
    /// string it was handed as.
    static REFUSED: RefCell<Option<(Box<dyn Any>, String)>> = const { RefCell::new(None) };
}

/// A serde error for a value refused, its reason kept for `take`.
pub fn refuse<E: serde::de::Error, R: std::fmt::Display + 'static>(reason: R) -> E {
    let text = reason.to_string();
    REFUSED.with(|r| *r.borrow_mut() = Some((Box::new(reason), text.clone())));
    E::custom(text)
}

/// Forgets any reason kept, before a new read.
pub fn forget() {
    REFUSED.with(|r| r.borrow_mut().take());
}

/// The reason, of whatever type, that the serde error `text` was made
/// from, if it was made by `refuse`.
pub fn take_any(text: &str) -> Option<Box<dyn Any>> {
    match REFUSED.with(|r| r.borrow_mut().take()) {
        Some((reason, said)) if said == text => Some(reason),
        _ => None,
    }
}

/// The reason of type `R` that the serde error `text` was made from, if
/// it was made by `refuse`.
pub fn take<R: 'static>(text: &str) -> Option<R> {
    match REFUSED.with(|r| r.borrow_mut().take()) {
        Some((reason, said)) if said == text => reason.downcast::<R>().ok().map(|r| *r),
        _ => None,
    }
}
