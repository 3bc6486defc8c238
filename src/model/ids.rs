//! Stable identities of strategies, KPIs, measures and projects, so that a
//! node keeps being itself when it is moved, when others insert or delete
//! around it, and across merges, imports and exports.
//!
//! A node made here gets 16 random hex digits (`3f9c0a…`). A node without an
//! id in its file (plans from before ids) gets one derived from its place in
//! the file: `s2` (second strategy), `s2k1` (its first KPI), `s2m3` (its third
//! measure), `s2m3p4` (that measure's fourth project). Everyone opening the
//! same file derives the same ids; a derived id contains `s`, so it is never
//! one of the hex ids made for new nodes. An id still equal to the one
//! derived from where its node stands is not written (a plan from before ids
//! stays as it was); any other is.
//!
//! An id is 1 to 64 of `A-Z a-z 0-9 _ -`. One that is not, or that repeats
//! an id earlier in the file (a project block copied in a text editor), is
//! replaced as if it were missing: a file is never refused for its ids.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize, Serializer};

/// A node's stable id: short, so held inline without an allocation of its
/// own, which counts at 100,000 projects.
pub type NodeKey = compact_str::CompactString;

/// A fresh id for a node made in this session: unique without asking
/// anyone, as 64 random bits are.
pub fn new_id() -> NodeKey {
    compact_str::format_compact!("{:016x}", random_bits())
}

/// 64 bits from the kernel's random source; should that be unreadable, a
/// hash of the time, the process and a counter (still unique in practice).
fn random_bits() -> u64 {
    use std::io::Read;
    let mut bytes = [0u8; 8];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_ok() {
        return u64::from_le_bytes(bytes);
    }
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.finish()
}

/// Whether `id` has the form of an id.
pub fn is_valid(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The ids derived from a place in the file, numbered from 1.
pub mod derived {
    use crate::model::Address;

    pub fn strategy(s: usize) -> String {
        format!("s{}", s + 1)
    }
    pub fn kpi(s: usize, k: usize) -> String {
        format!("s{}k{}", s + 1, k + 1)
    }
    pub fn measure(s: usize, m: usize) -> String {
        format!("s{}m{}", s + 1, m + 1)
    }
    pub fn project(s: usize, m: usize, p: usize) -> String {
        format!("s{}m{}p{}", s + 1, m + 1, p + 1)
    }

    /// Whether `key` is the id derived from `address`: what building the
    /// tree asks of every node, so compared digit by digit, with nothing
    /// parsed or formatted.
    pub fn is_of(key: &str, address: Address) -> bool {
        /// Takes `letter` then `index + 1` in decimal off the front of `rest`.
        fn step(rest: &mut &[u8], letter: u8, index: usize) -> bool {
            let Some((&first, tail)) = rest.split_first() else {
                return false;
            };
            let mut digits = [0u8; 20];
            let mut at = digits.len();
            let mut n = index + 1;
            while n > 0 {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
            let number = &digits[at..];
            if first != letter || !tail.starts_with(number) {
                return false;
            }
            *rest = &tail[number.len()..];
            true
        }
        let mut rest = key.as_bytes();
        let whole = match address {
            // The plan's own (empty) key is not derived from a place.
            // Nor are headings' ids, which are always written.
            Address::Plan | Address::Heading(_) => return false,
            Address::Strategy(s) => step(&mut rest, b's', s),
            Address::Kpi(s, k) => step(&mut rest, b's', s) && step(&mut rest, b'k', k),
            Address::Measure(s, m) => step(&mut rest, b's', s) && step(&mut rest, b'm', m),
            Address::Project(s, m, p) => {
                step(&mut rest, b's', s) && step(&mut rest, b'm', m) && step(&mut rest, b'p', p)
            }
        };
        whole && rest.is_empty()
    }

    /// The place a derived id names (`s2m3p4`: the fourth project of the
    /// third measure of the second strategy), if `key` is written exactly as
    /// one is derived.
    pub fn address(key: &str) -> Option<Address> {
        fn number(rest: &mut &str) -> Option<usize> {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let (digits, tail) = rest.split_at(end);
            if digits.is_empty() || digits.starts_with('0') {
                return None;
            }
            *rest = tail;
            digits.parse::<usize>().ok()?.checked_sub(1)
        }
        let mut rest = key.strip_prefix('s')?;
        let s = number(&mut rest)?;
        if rest.is_empty() {
            return Some(Address::Strategy(s));
        }
        if let Some(mut kpi) = rest.strip_prefix('k') {
            let k = number(&mut kpi)?;
            return kpi.is_empty().then_some(Address::Kpi(s, k));
        }
        let mut rest = rest.strip_prefix('m')?;
        let m = number(&mut rest)?;
        if rest.is_empty() {
            return Some(Address::Measure(s, m));
        }
        let mut rest = rest.strip_prefix('p')?;
        let p = number(&mut rest)?;
        rest.is_empty().then_some(Address::Project(s, m, p))
    }
}

/// Nodes whose ids are settled by their places: the plan's strategies,
/// with everything under them.
pub trait Placed {
    /// Calls `visit` with every node's place and id, in file order; an id
    /// it returns replaces the node's.
    fn each_place(&mut self, visit: &mut dyn FnMut(Place, &str) -> Option<String>);
}

/// Gives every node without a usable id one (see the module notes).
pub fn settle(nodes: &mut impl Placed) {
    // Only the ids written in the file are held here: a derived id is unique
    // by its place, so it need only not be one of these. (A plan of 100,000
    // projects mostly has none written.)
    let mut written: HashSet<String> = HashSet::new();
    nodes.each_place(&mut |_, id| {
        if is_valid(id) && !written.contains(id) {
            written.insert(id.to_owned());
        }
        None
    });
    // Ids are looked at in file order: a repeated one is the later copy's.
    let mut kept: HashSet<String> = HashSet::new();
    nodes.each_place(&mut |place, id| {
        if is_valid(id) && written.contains(id) && kept.insert(id.to_owned()) {
            return None;
        }
        let wanted = place.derived();
        let mut id = wanted.clone();
        let mut n = 1;
        while written.contains(&id) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        Some(id)
    });
}

/// Where a node stands in the file.
#[derive(Clone, Copy)]
pub enum Place {
    Strategy(usize),
    Kpi(usize, usize),
    Measure(usize, usize),
    Project(usize, usize, usize),
}

impl Place {
    fn derived(self) -> String {
        match self {
            Place::Strategy(s) => derived::strategy(s),
            Place::Kpi(s, k) => derived::kpi(s, k),
            Place::Measure(s, m) => derived::measure(s, m),
            Place::Project(s, m, p) => derived::project(s, m, p),
        }
    }
}

thread_local! {
    /// While a plan is written: the index of each list entry being written,
    /// from the strategy down, so a node can tell whether its id is the one
    /// its place would give it.
    static WRITING_AT: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Reads the nodes, then gives every one its id.
pub(super) fn settled<'de, D: serde::Deserializer<'de>, T: Deserialize<'de> + Placed>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut nodes = T::deserialize(deserializer)?;
    settle(&mut nodes);
    Ok(nodes)
}

/// Writes the plan's strategies, keeping track of where each node stands.
pub(super) fn placed_strategies<T: Serialize, S: Serializer>(
    list: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // A write that failed half-way must not leave its places behind.
    WRITING_AT.with(|at| at.borrow_mut().clear());
    placed(list, serializer)
}

/// Writes a list of nodes, keeping track of where each entry stands.
pub(super) fn placed<T: Serialize, S: Serializer>(
    list: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(list.len()))?;
    for (i, item) in list.iter().enumerate() {
        WRITING_AT.with(|at| at.borrow_mut().push(i));
        let written = seq.serialize_element(item);
        WRITING_AT.with(|at| at.borrow_mut().pop());
        written?;
    }
    seq.end()
}

fn derived_here(id: &str, depth: usize, derive: impl Fn(&[usize]) -> String) -> bool {
    // An empty id (a node built without one) is derived again on reading.
    id.is_empty()
        || WRITING_AT.with(|at| {
            let at = at.borrow();
            at.len() == depth && id == derive(&at)
        })
}

// Each is asked before the node's lists are written (`id` is its first
// field), so the places are the node's own.
pub(super) fn strategy_id_derived(id: &str) -> bool {
    derived_here(id, 1, |at| derived::strategy(at[0]))
}

pub(super) fn kpi_id_derived(id: &str) -> bool {
    derived_here(id, 2, |at| derived::kpi(at[0], at[1]))
}

pub(super) fn measure_id_derived(id: &str) -> bool {
    derived_here(id, 2, |at| derived::measure(at[0], at[1]))
}

pub(super) fn project_id_derived(id: &str) -> bool {
    derived_here(id, 3, |at| derived::project(at[0], at[1], at[2]))
}
