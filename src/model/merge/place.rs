//! Lists of nodes (strategies, KPIs, measures, projects) merge by id: where
//! each node ends up (kept or deleted, under which parent) and in what
//! order, so that a reorder, insert, move or delete on one side combines
//! with edits on the other. Each kind is indexed by id across the whole
//! plan, so a project moved to another measure is still itself.

use std::collections::{HashMap, HashSet};

use super::sides::{Cx, Side};
use super::value::{At, ask, note};
use crate::model::FieldPath;

pub(super) trait Node: PartialEq {
    fn id(&self) -> &str;
    /// How people know it: `③施策名`, `KPI ⅰ`, a project's name.
    fn name(&self) -> String;
}

/// One side's nodes of one kind: the parent and version of each, and
/// each parent's list in order.
pub(super) struct Index<'a, T> {
    at: HashMap<&'a str, (&'a str, &'a T)>,
    lists: HashMap<&'a str, Vec<&'a str>>,
    /// Every id in the order added, for a stable order of questions.
    order: Vec<&'a str>,
}

impl<'a, T: Node> Index<'a, T> {
    pub fn new() -> Self {
        Self {
            at: HashMap::new(),
            lists: HashMap::new(),
            order: Vec::new(),
        }
    }

    /// Adds the list of nodes under `parent`.
    pub fn add(&mut self, parent: &'a str, nodes: &'a [T]) {
        let list = self.lists.entry(parent).or_default();
        for node in nodes {
            self.at.insert(node.id(), (parent, node));
            list.push(node.id());
            self.order.push(node.id());
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a T> {
        self.at.get(id).map(|(_, node)| *node)
    }

    /// Every id, in the order added.
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.order.iter().copied()
    }

    pub fn has(&self, id: &str) -> bool {
        self.at.contains_key(id)
    }

    fn list(&self, parent: &str) -> &[&'a str] {
        self.lists.get(parent).map_or(&[], Vec::as_slice)
    }
}

pub(super) struct Three<'a, T> {
    pub base: Index<'a, T>,
    pub mine: Index<'a, T>,
    pub theirs: Index<'a, T>,
}

impl<'a, T: Node> Three<'a, T> {
    pub fn new() -> Self {
        Self {
            base: Index::new(),
            mine: Index::new(),
            theirs: Index::new(),
        }
    }

    pub fn side(&self, side: Side) -> &Index<'a, T> {
        match side {
            Side::Mine => &self.mine,
            Side::Theirs => &self.theirs,
        }
    }
}

/// A node that stays: its versions, and its parent in the result.
pub(super) struct Kept<'a, T> {
    pub base: Option<&'a T>,
    pub mine: Option<&'a T>,
    pub theirs: Option<&'a T>,
    pub parent: &'a str,
}

impl<'a, T> Kept<'a, T> {
    /// The versions to merge the node's own fields from: one that only one
    /// side has (added, or kept against a deletion) is taken as it is.
    pub fn versions(&self) -> (&'a T, &'a T, &'a T) {
        match (self.base, self.mine, self.theirs) {
            (Some(b), Some(m), Some(t)) => (b, m, t),
            (None, Some(m), Some(t)) => (t, m, t),
            (_, Some(m), None) => (m, m, m),
            (_, None, Some(t)) => (t, t, t),
            (Some(b), None, None) => (b, b, b),
            (None, None, None) => unreachable!("a kept node is on some side"),
        }
    }

    /// The newest version, for labels.
    pub fn latest(&self) -> &'a T {
        self.versions().1
    }
}

/// What decides where nodes of one kind go.
pub(super) struct Parents<'a> {
    /// The kind, as the file's list is named (`projects`).
    pub kind: &'a str,
    /// Whether that side has this parent at all.
    pub on: &'a dyn Fn(Side, &str) -> bool,
    /// Whether this parent stays in the result.
    pub alive: &'a dyn Fn(&str) -> bool,
    /// The parent's label for people.
    pub label: &'a dyn Fn(&str) -> String,
}

/// Decides, for every node of the kind, whether and where it stays. A node
/// deleted on one side and changed (edited, moved, or something under it)
/// on the other is a question; so is one moved to two different places.
pub(super) fn place<'a, T: Node>(
    three: &Three<'a, T>,
    cx: &mut Cx,
    parents: &Parents,
) -> HashMap<&'a str, Kept<'a, T>> {
    let mut seen = HashSet::new();
    let ids = (three.mine.order.iter())
        .chain(&three.theirs.order)
        .chain(&three.base.order)
        .filter(|id| seen.insert(**id));
    let mut kept = HashMap::new();
    for &id in ids {
        let (b, m, t) = (
            three.base.at.get(id),
            three.mine.at.get(id),
            three.theirs.at.get(id),
        );
        let name = || (m.or(t).or(b)).map_or_else(String::new, |(_, n)| n.name());
        if let (Some(b), None) = (b, m) {
            note(cx, &(parents.label)(b.0), name(), String::new());
        }
        if let (None, Some(m)) = (b, m) {
            note(cx, &(parents.label)(m.0), String::new(), name());
        }
        let wanted = match (b, m, t) {
            (Some(b), Some(m), Some(t)) => {
                if m.0 != b.0 {
                    let at = format!("{} / 所属", name());
                    note(cx, &at, (parents.label)(b.0), (parents.label)(m.0));
                }
                Some(moved(id, b.0, m.0, t.0, cx, parents, &name()))
            }
            (Some(b), Some(m), None) => gone_on_one(id, Side::Theirs, *b, *m, cx, parents),
            (Some(b), None, Some(t)) => gone_on_one(id, Side::Mine, *b, *t, cx, parents),
            (None, Some(m), _) => Some(t.map_or(m.0, |t| t.0)),
            (None, None, Some(t)) => Some(t.0),
            (_, None, None) => None,
        };
        // A parent that does not stay: where another side has the node.
        let Some(parent) = [wanted, m.map(|x| x.0), t.map(|x| x.0), b.map(|x| x.0)]
            .into_iter()
            .flatten()
            .find(|p| (parents.alive)(p))
            .filter(|_| wanted.is_some())
        else {
            continue;
        };
        kept.insert(
            id,
            Kept {
                base: b.map(|x| x.1),
                mine: m.map(|x| x.1),
                theirs: t.map(|x| x.1),
                parent,
            },
        );
    }
    kept
}

/// The parent of a node both sides have.
fn moved<'a>(
    id: &str,
    base: &'a str,
    mine: &'a str,
    theirs: &'a str,
    cx: &mut Cx,
    parents: &Parents,
    name: &str,
) -> &'a str {
    if mine == base || mine == theirs {
        return theirs;
    }
    if theirs == base {
        return mine;
    }
    let at = At::node(parents.kind, id, "", &format!("{name} / 所属"));
    let at = At {
        path: at.path.field("parent"),
        ..at
    };
    match ask(cx, &at, (parents.label)(mine), (parents.label)(theirs)) {
        Side::Mine => mine,
        Side::Theirs => theirs,
    }
}

/// A node one side deleted: gone, unless the other side changed it, which
/// is asked; one deleted with its parent follows the parent's fate.
fn gone_on_one<'a, T: Node>(
    id: &str,
    gone: Side,
    base: (&'a str, &'a T),
    kept: (&'a str, &'a T),
    cx: &mut Cx,
    parents: &Parents,
) -> Option<&'a str> {
    if kept.0 == base.0 && kept.1 == base.1 {
        return None;
    }
    if !(parents.on)(gone, base.0) {
        return Some(kept.0);
    }
    let at = At::node(parents.kind, id, &(parents.label)(base.0), &kept.1.name());
    let (deleted, changed) = (
        "（削除）".to_owned(),
        format!("{}（変更あり）", kept.1.name()),
    );
    let (mine, theirs) = match gone {
        Side::Mine => (deleted, changed),
        Side::Theirs => (changed, deleted),
    };
    (ask(cx, &at, mine, theirs) != gone).then_some(kept.0)
}

/// The ids of the nodes that stay under `parent`, in order. The order of
/// the side that reordered the list is kept (asked if both did, alike or
/// not); what the other side added or moved in goes after the node it
/// followed there. Added on both sides at one place: the disk's first.
pub(super) fn order<'a, T: Node>(
    parent: &str,
    three: &Three<'a, T>,
    kept: &HashMap<&'a str, Kept<'a, T>>,
    cx: &mut Cx,
    parents: &Parents,
) -> Vec<&'a str> {
    let (base, mine, theirs) = (
        three.base.list(parent),
        three.mine.list(parent),
        three.theirs.list(parent),
    );
    let names = |list: &[&str], index: &Index<T>| {
        let names: Vec<String> = list
            .iter()
            .filter_map(|id| index.get(id))
            .map(Node::name)
            .collect();
        names.join("\n")
    };
    let mine_moved = !same_order(base, mine);
    let theirs_moved = !same_order(base, theirs);
    let label = format!("{} / 並び順", (parents.label)(parent));
    if mine_moved {
        note(
            cx,
            &label,
            names(base, &three.base),
            names(mine, &three.mine),
        );
    }
    let spine = match (mine_moved, theirs_moved) {
        (true, false) => Side::Mine,
        (true, true) if !same_order(mine, theirs) => {
            let at = At {
                path: FieldPath::root()
                    .field("order")
                    .node(parent)
                    .field(parents.kind),
                label,
            };
            ask(
                cx,
                &at,
                names(mine, &three.mine),
                names(theirs, &three.theirs),
            )
        }
        _ => Side::Theirs,
    };
    let (spine, other) = match spine {
        Side::Mine => (mine, theirs),
        Side::Theirs => (theirs, mine),
    };
    let lands = |id: &str| kept.get(id).is_some_and(|k| k.parent == parent);
    let in_spine: HashSet<&str> = spine.iter().copied().collect();
    let in_other: HashSet<&str> = other.iter().copied().collect();
    // The other side's additions, by the node of the spine they follow.
    let mut after: HashMap<Option<&str>, Vec<&'a str>> = HashMap::new();
    let mut anchor = None;
    for &id in other {
        if in_spine.contains(id) {
            anchor = Some(id);
        } else if lands(id) {
            after.entry(anchor).or_default().push(id);
        }
    }
    let mut out = Vec::with_capacity(spine.len());
    let mut pending = after.remove(&None).unwrap_or_default();
    for &id in spine {
        // Added on both sides after one node: the spine's own first.
        if in_other.contains(id) {
            out.append(&mut pending);
            pending = after.remove(&Some(id)).unwrap_or_default();
        }
        if lands(id) {
            out.push(id);
        }
    }
    out.append(&mut pending);
    // A node put back under a parent neither side still has it in.
    let placed: HashSet<&str> = out.iter().copied().collect();
    let strays: Vec<&'a str> = base
        .iter()
        .chain(spine)
        .chain(other)
        .copied()
        .filter(|id| lands(id) && !placed.contains(id))
        .collect();
    let mut seen = HashSet::new();
    out.extend(strays.into_iter().filter(|id| seen.insert(*id)));
    out
}

/// Whether the nodes two lists share are in the same order in both.
fn same_order(a: &[&str], b: &[&str]) -> bool {
    let in_a: HashSet<&str> = a.iter().copied().collect();
    let in_b: HashSet<&str> = b.iter().copied().collect();
    a.iter()
        .filter(|id| in_b.contains(*id))
        .eq(b.iter().filter(|id| in_a.contains(*id)))
}
