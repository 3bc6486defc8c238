//! The id derived from the place the tree's builder stands at, kept as it
//! walks (`s2`, `s2k1`, `s2m3`, `s2m3p4`; see `model::ids`). Whether a
//! node's id is written (and so indexed) is then one comparison of bytes:
//! the builder asks it of every node, and reading or formatting the numbers
//! of each of 100,000 projects cost more than the rest of a build.

use std::io::Write;

#[derive(Default)]
pub(super) struct DerivedId {
    /// The id, as bytes: it is ASCII, and its last number is counted up
    /// in place.
    text: Vec<u8>,
    /// Where the strategy's part ends (`s2`), and the measure's (`s2m3`).
    strategy_end: usize,
    measure_end: usize,
}

impl DerivedId {
    /// The id derived for strategy `s`.
    pub(super) fn strategy(&mut self, s: usize) -> &[u8] {
        self.text.clear();
        self.push(b's', s);
        self.strategy_end = self.text.len();
        &self.text
    }

    /// The id derived for KPI `k` of the last strategy asked for.
    pub(super) fn kpi(&mut self, k: usize) -> &[u8] {
        self.text.truncate(self.strategy_end);
        self.push(b'k', k);
        &self.text
    }

    /// The id derived for measure `m` of the last strategy asked for; its
    /// projects then follow with `next_project`, the first being `p1`.
    pub(super) fn measure(&mut self, m: usize) -> &[u8] {
        self.text.truncate(self.strategy_end);
        self.push(b'm', m);
        self.measure_end = self.text.len();
        &self.text
    }

    /// The id derived for the measure's next project: asked once for each
    /// project in order, the number is counted up where it stands.
    pub(super) fn next_project(&mut self) -> &[u8] {
        if self.text.len() == self.measure_end {
            self.text.extend_from_slice(b"p1");
            return &self.text;
        }
        let number = self.measure_end + 1;
        let mut carried = true;
        for d in self.text[number..].iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carried = false;
                break;
            }
        }
        if carried {
            self.text.insert(number, b'1');
        }
        &self.text
    }

    /// Appends `letter` and `index + 1`, as derived ids number from 1.
    fn push(&mut self, letter: u8, index: usize) {
        self.text.push(letter);
        // Writing into memory does not fail.
        let _ = write!(self.text, "{}", index + 1);
    }
}
