//! How far each setting may go. Settings are read while the app starts and
//! a save runs with the plan's lock held, so a setting must not make either
//! take long: `backups: 18446744073709551615` had a save renaming backups
//! for ever while everyone else's saves waited. A value out of bounds is an
//! error at its line and column, like any other mistake in the file.

use std::marker::PhantomData;
use std::path::PathBuf;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::model::grade::Grade;
use crate::model::refused::refuse;

/// The settings file: a full one is about 2 KB.
pub const MAX_FILE: u64 = 64 << 10;
/// Earlier versions a save keeps beside the plan.
pub const MAX_BACKUPS: usize = 20;
/// Recolourings: one for each of the seven colours.
pub const MAX_PALETTE: usize = 7;
/// Extra key bindings.
pub const MAX_KEYS: usize = 100;
/// Characters of a key binding's context, key or action.
pub const MAX_KEY_TEXT: usize = 40;
/// Grades of an evaluation scale, and the characters of a grade's name
/// and marker (the tree shows markers of one or two characters).
pub const MAX_GRADES: usize = 20;
pub const MAX_GRADE_NAME: usize = 40;
pub const MAX_MARKER: usize = 2;
/// Bytes of the plans folder's path (Linux's PATH_MAX).
pub const MAX_PATH: usize = 4096;

/// A setting past its bound (the bounds are the constants above).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Bound {
    TooManyBackups {
        count: u64,
    },
    PathTooLong,
    TooManyRecolourings,
    TooManyKeys,
    /// A key binding's context, key or action of this many characters.
    KeyTextTooLong {
        chars: usize,
    },
    TooManyGrades,
    GradeNameTooLong {
        chars: usize,
    },
    MarkerTooLong {
        chars: usize,
    },
}

pub fn backups<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    let count = u64::deserialize(d)?;
    usize::try_from(count)
        .ok()
        .filter(|&c| c <= MAX_BACKUPS)
        .ok_or_else(|| refuse(Bound::TooManyBackups { count }))
}

pub fn plans<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    let plans = Option::<PathBuf>::deserialize(d)?;
    match plans {
        Some(path) if path.as_os_str().len() > MAX_PATH => Err(refuse(Bound::PathTooLong)),
        _ => Ok(plans),
    }
}

/// The recolourings.
pub fn palette<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    at_most(d, MAX_PALETTE, Bound::TooManyRecolourings)
}

/// The extra key bindings.
pub fn keys<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    at_most(d, MAX_KEYS, Bound::TooManyKeys)
}

/// A key binding's context, key or action.
pub fn key_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    short(text, MAX_KEY_TEXT, |chars| Bound::KeyTextTooLong { chars })
}

pub fn evaluation_scale<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Grade>>, D::Error> {
    let Some(Scale(scale)) = Option::<Scale>::deserialize(d)? else {
        return Ok(None);
    };
    for grade in &scale {
        short(&grade.name, MAX_GRADE_NAME, |chars| {
            Bound::GradeNameTooLong { chars }
        })?;
        short(&grade.marker, MAX_MARKER, |chars| Bound::MarkerTooLong {
            chars,
        })?;
    }
    Ok(Some(scale))
}

/// An evaluation scale of at most `MAX_GRADES` grades.
struct Scale(Vec<Grade>);

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        at_most(d, MAX_GRADES, Bound::TooManyGrades).map(Scale)
    }
}

/// A list of at most `max` items; the error `bound` is placed at the
/// first item too many, and nothing after it is read.
fn at_most<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
    max: usize,
    bound: Bound,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(AtMost {
        max,
        bound,
        item: PhantomData,
    })
}

struct AtMost<T> {
    max: usize,
    bound: Bound,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AtMost<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a list of at most {}", self.max)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = seq.next_element()? {
            if list.len() == self.max {
                return Err(refuse(self.bound));
            }
            list.push(item);
        }
        Ok(list)
    }
}

/// `text` if it has at most `max` characters, else the error `bound`
/// gives for its length.
fn short<T: AsRef<str>, E: serde::de::Error>(
    text: T,
    max: usize,
    bound: impl Fn(usize) -> Bound,
) -> Result<T, E> {
    let chars = text.as_ref().chars().count();
    if chars > max {
        return Err(refuse(bound(chars)));
    }
    Ok(text)
}
