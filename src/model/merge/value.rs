//! The three-way merge of single values and of plain lists (schedule
//! entries, analysis bullets, actuals): what neither side changed stays,
//! what one side changed is taken, two different changes are a conflict.
//!
//! Plain lists merge position by position while neither side removed or
//! reordered entries (additions at the end are fine); otherwise the whole
//! list is one conflict.

use super::sides::{Change, Conflict, Cx, Side};
use crate::model::FieldPath;

/// Where a value is: its path for choosing, and its label for people.
pub(super) struct At {
    pub path: FieldPath,
    pub label: String,
}

impl At {
    pub fn root() -> At {
        At {
            path: FieldPath::root(),
            label: String::new(),
        }
    }

    /// A field of this node, labelled with its table heading.
    pub fn field(&self, name: &str, heading: &str) -> At {
        At {
            path: self.path.field(name),
            label: join(&self.label, heading),
        }
    }

    /// Entry `i` of a plain list.
    pub fn item(&self, i: usize, label: &str) -> At {
        At {
            path: self.path.index(i),
            label: join(&self.label, label),
        }
    }

    /// A node of kind `list` (`projects`) with this id, labelled `label`
    /// under `parent`: addressed by id, wherever either side put it.
    pub fn node(list: &str, id: &str, parent: &str, label: &str) -> At {
        At {
            path: FieldPath::root().field(list).node(id),
            label: join(parent, label),
        }
    }
}

fn join(parent: &str, label: &str) -> String {
    match (parent.is_empty(), label.is_empty()) {
        (_, true) => parent.to_owned(),
        (true, false) => label.to_owned(),
        (false, false) => format!("{parent} / {label}"),
    }
}

/// Records a difference of mine from base, when changes are listed.
pub(super) fn note(cx: &mut Cx, label: &str, before: String, after: String) {
    if let Some(changes) = &mut cx.changes {
        changes.push(Change {
            label: label.to_owned(),
            before,
            after,
        });
    }
}

/// A question for the user: the side `choose` names for the path.
pub(super) fn ask(cx: &mut Cx, at: &At, mine: String, theirs: String) -> Side {
    cx.conflicts.push(Conflict {
        path: at.path.clone(),
        label: at.label.clone(),
        mine,
        theirs,
    });
    (cx.choose)(&at.path)
}

pub(super) fn value<T: Clone + PartialEq>(
    base: &T,
    mine: &T,
    theirs: &T,
    cx: &mut Cx,
    at: &At,
    show: impl Fn(&T) -> String,
) -> T {
    if cx.changes.is_some() && mine != base {
        note(cx, &at.label, show(base), show(mine));
    }
    if mine == theirs || theirs == base {
        return mine.clone();
    }
    if mine == base {
        return theirs.clone();
    }
    match ask(cx, at, show(mine), show(theirs)) {
        Side::Mine => mine.clone(),
        Side::Theirs => theirs.clone(),
    }
}

pub(super) fn text(base: &str, mine: &str, theirs: &str, cx: &mut Cx, at: &At) -> String {
    if cx.changes.is_none() && (mine == theirs || theirs == base) {
        return mine.to_owned();
    }
    value(
        &base.to_owned(),
        &mine.to_owned(),
        &theirs.to_owned(),
        cx,
        at,
        Clone::clone,
    )
}

/// Merges plain lists entry by entry while both sides only changed or
/// added entries; `item` merges one entry, `name` labels it.
pub(super) fn list<T: Clone + PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    cx: &mut Cx,
    at: &At,
    item: impl Fn(&T, &T, &T, &mut Cx, &At) -> T,
    name: impl Fn(&T) -> String,
) -> Vec<T> {
    let n = base.len();
    let only_appended = mine.len() >= n && theirs.len() >= n;
    if !only_appended {
        let show = |l: &Vec<T>| l.iter().map(&name).collect::<Vec<_>>().join("\n");
        return value(
            &base.to_vec(),
            &mine.to_vec(),
            &theirs.to_vec(),
            cx,
            at,
            show,
        );
    }
    let mut out: Vec<T> = (0..n)
        .map(|i| {
            item(
                &base[i],
                &mine[i],
                &theirs[i],
                cx,
                &at.item(i, &name(&mine[i])),
            )
        })
        .collect();
    // What is already on disk stays in place; what was added here follows.
    // What both sides added alike is kept once.
    out.extend_from_slice(&theirs[n..]);
    out.extend(
        mine[n..]
            .iter()
            .filter(|m| !theirs[n..].contains(m))
            .cloned(),
    );
    for added in &mine[n..] {
        note(cx, &at.label, String::new(), name(added));
    }
    out
}
