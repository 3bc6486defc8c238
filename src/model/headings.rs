//! Headings above the strategies (分野 → 戦略の柱 in Kochi's plan): each
//! groups the strategies that name it or a heading under it. A strategy
//! names the lowest heading it stands under (`under`, the heading's id),
//! a heading the one above it, so reordering strategies or renaming a
//! heading moves nothing else.

pub use super::parts::Heading;
use super::plan::Plan;

impl Plan {
    /// Index of the heading with id `id`.
    pub fn heading_index(&self, id: &str) -> Option<usize> {
        self.headings.iter().position(|h| h.id == id)
    }

    /// The headings above heading `h`, top first, with `h` last; stops at a
    /// heading named twice on the way (a loop `check` reports).
    pub fn heading_chain(&self, h: usize) -> Vec<usize> {
        let mut chain = vec![h];
        let mut at = h;
        while let Some(up) = self.heading_index(&self.headings[at].under) {
            if chain.contains(&up) {
                break;
            }
            chain.push(up);
            at = up;
        }
        chain.reverse();
        chain
    }

    /// The headings above strategy `s`, top first (none when it names no
    /// heading, or one the plan does not have).
    pub fn headings_of(&self, s: usize) -> Vec<usize> {
        self.strategies
            .get(s)
            .and_then(|strategy| self.heading_index(&strategy.under))
            .map_or_else(Vec::new, |h| self.heading_chain(h))
    }
}
