//! The splitter: follows a saved plan's layout byte by byte, just enough to
//! tell where each measure's text ends, and parses each piece as it ends.

use std::sync::Arc;

use crate::model::{Measure, Plan, Strategy};
use crate::store::whole::BLOCK;

/// Projects read before the first part of the plan is offered for showing.
pub(super) const PREVIEW_PROJECTS: usize = 200;

/// Takes the plan's first part once it has been read: the first strategies
/// and measures, for the first screen. Its totals above measure level are
/// not final.
pub type OnPreview<'a> = &'a mut dyn FnMut(Plan);

/// Where the splitter is in the plan's layout.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before `strategies: [`.
    #[default]
    PlanHead,
    /// Between strategies.
    Strategies,
    /// In a strategy, before `measures: [`.
    StrategyHead,
    /// Between measures.
    Measures,
    /// In a measure, which started at `start`.
    Measure,
    /// In a strategy, after its measures.
    StrategyTail,
    /// After the strategies.
    PlanTail,
}

/// The lexical state: only what tells brackets in code from brackets in text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Lex {
    #[default]
    Code,
    Text {
        escaped: bool,
    },
    /// In `r#"…"#` with this many `#`.
    RawText {
        hashes: usize,
    },
    /// A `"` in raw text, followed so far by `seen` of the `hashes` needed.
    RawEnd {
        hashes: usize,
        seen: usize,
    },
}

#[derive(Default)]
pub(super) struct Splitter {
    /// Bytes not yet handed on; `at` is the next one to look at.
    buf: Vec<u8>,
    at: usize,
    lex: Lex,
    /// `#` after an `r`: a raw string is starting.
    raw_hashes: Option<usize>,
    depth: usize,
    part: Part,
    /// The identifier being read and where it started in `buf`.
    ident: Vec<u8>,
    ident_start: usize,
    /// A space followed the identifier: another one right after it is not
    /// a layout this reader follows (`s trategies`), so the file is read
    /// whole and ron says what is wrong.
    ident_ended: bool,
    /// The field name just before a `:` (cleared by anything but the `[`
    /// that may follow), and where it started.
    key: Vec<u8>,
    key_start: usize,
    /// In a list, between elements: whether a comma (or the list's start)
    /// came since the last element, so another may begin.
    separated: bool,
    /// Where the piece being collected starts in `buf`.
    start: usize,
    plan_head: String,
    strategy_head: String,
    strategies: Vec<Strategy>,
    measures: Vec<Arc<Measure>>,
    projects_read: usize,
    previewed: bool,
}

impl Splitter {
    pub(super) fn feed(&mut self, bytes: &[u8], first: bool, report: OnPreview) -> Option<()> {
        let bytes = if first {
            bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
        } else {
            bytes
        };
        // Windows line ends, even inside text, are read whole (which turns
        // them into plain line ends).
        if memchr::memchr(b'\r', bytes).is_some() {
            return None;
        }
        self.buf.extend_from_slice(bytes);
        while self.at < self.buf.len() {
            self.skip_plain_text();
            let Some(&byte) = self.buf.get(self.at) else {
                break;
            };
            self.step(byte, report)?;
            self.at += 1;
        }
        self.forget_consumed();
        Some(())
    }

    /// Drops bytes no piece needs any more, in large steps so the bytes
    /// kept are moved rarely.
    fn forget_consumed(&mut self) {
        let needed_from = match self.part {
            Part::Strategies | Part::Measures => self.at,
            Part::PlanHead => 0,
            Part::StrategyHead | Part::Measure | Part::StrategyTail | Part::PlanTail => self.start,
        };
        if needed_from >= BLOCK {
            self.buf.drain(..needed_from);
            self.at -= needed_from;
            self.start = self.start.saturating_sub(needed_from);
            self.ident_start = self.ident_start.saturating_sub(needed_from);
            self.key_start = self.key_start.saturating_sub(needed_from);
        }
    }

    /// Most of a plan is text: jump to the next byte that can end it.
    fn skip_plain_text(&mut self) {
        let rest = self.buf.get(self.at..).unwrap_or_default();
        let next = match self.lex {
            Lex::Text { escaped: false } => memchr::memchr2(b'"', b'\\', rest),
            Lex::RawText { .. } => memchr::memchr(b'"', rest),
            // Indentation: spaces and line ends mean nothing here.
            Lex::Code if self.raw_hashes.is_none() => {
                let skipped = rest.iter().position(|&b| !matches!(b, b' ' | b'\n'));
                self.ident_ended |= skipped != Some(0) && !self.ident.is_empty();
                skipped
            }
            _ => return,
        };
        self.at += next.unwrap_or(rest.len());
    }

    fn step(&mut self, byte: u8, report: OnPreview) -> Option<()> {
        match self.lex {
            Lex::Text { escaped: true } => self.lex = Lex::Text { escaped: false },
            Lex::Text { escaped: false } => match byte {
                b'\\' => self.lex = Lex::Text { escaped: true },
                b'"' => self.lex = Lex::Code,
                _ => {}
            },
            Lex::RawText { hashes } => {
                if byte == b'"' {
                    self.lex = if hashes == 0 {
                        Lex::Code
                    } else {
                        Lex::RawEnd { hashes, seen: 0 }
                    };
                }
            }
            Lex::RawEnd { hashes, seen } => {
                self.lex = match byte {
                    b'#' if seen + 1 == hashes => Lex::Code,
                    b'#' => Lex::RawEnd {
                        hashes,
                        seen: seen + 1,
                    },
                    b'"' => Lex::RawEnd { hashes, seen: 0 },
                    _ => Lex::RawText { hashes },
                };
            }
            Lex::Code => return self.code(byte, report),
        }
        Some(())
    }

    fn code(&mut self, byte: u8, report: OnPreview) -> Option<()> {
        if self.raw_hashes.is_some() && !matches!(byte, b'#' | b'"') {
            return None;
        }
        let is_space = byte.is_ascii_whitespace() && byte != b'\r';
        let in_ident =
            matches!(byte, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'+');
        if is_space {
            self.ident_ended |= !self.ident.is_empty();
        } else {
            if in_ident && self.ident_ended {
                return None;
            }
            self.ident_ended = false;
            self.begin_piece(byte)?;
        }
        match byte {
            b'"' => {
                self.lex = match self.raw_hashes.take() {
                    Some(hashes) => Lex::RawText { hashes },
                    None if self.ident == b"r" => Lex::RawText { hashes: 0 },
                    None => Lex::Text { escaped: false },
                };
                self.ident.clear();
            }
            b'#' if self.ident == b"r" || self.raw_hashes.is_some() => {
                *self.raw_hashes.get_or_insert(0) += 1;
                self.ident.clear();
            }
            b'(' | b'[' | b'{' => {
                self.depth += 1;
                self.open(byte)?;
                self.ident.clear();
            }
            b')' | b']' | b'}' => {
                self.depth = self.depth.checked_sub(1)?;
                self.close(byte, report)?;
                self.ident.clear();
            }
            b':' => {
                self.key = std::mem::take(&mut self.ident);
                self.key_start = self.ident_start;
                return Some(());
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'+' => {
                if self.ident.is_empty() {
                    self.ident_start = self.at;
                }
                self.ident.push(byte);
            }
            b',' => self.ident.clear(),
            // Comments, attributes, characters and Windows line ends: read
            // the file whole.
            b'/' | b'#' | b'\'' | b'\r' => return None,
            _ if is_space => return Some(()),
            _ if byte >= 0x80 => self.ident.clear(),
            _ => return None,
        }
        // A field name counts only right before its `:` and `[`.
        self.key.clear();
        Some(())
    }

    /// A piece begins at the first byte of an element in a list. Between
    /// elements only one comma may stand (and must, before another).
    fn begin_piece(&mut self, byte: u8) -> Option<()> {
        let in_list_gap = match self.part {
            Part::Strategies => self.depth == 2,
            Part::Measures => self.depth == 4,
            _ => false,
        };
        match byte {
            _ if !in_list_gap => {}
            b']' => {}
            b',' if self.separated => return None,
            b',' => self.separated = true,
            _ if !self.separated => return None,
            _ => {
                self.start = self.at;
                self.part = if self.part == Part::Strategies {
                    Part::StrategyHead
                } else {
                    Part::Measure
                };
            }
        }
        Some(())
    }

    fn open(&mut self, byte: u8) -> Option<()> {
        let listing = |key: &[u8]| byte == b'[' && self.key == key;
        match self.part {
            Part::PlanHead if self.depth == 2 && listing(b"strategies") => {
                self.plan_head = text_of(self.buf.get(..self.key_start)?)?;
                self.part = Part::Strategies;
                self.separated = true;
            }
            Part::StrategyHead if self.depth == 4 && listing(b"measures") => {
                self.strategy_head = text_of(self.buf.get(self.start..self.key_start)?)?;
                self.part = Part::Measures;
                self.separated = true;
            }
            _ => {}
        }
        Some(())
    }

    fn close(&mut self, byte: u8, report: OnPreview) -> Option<()> {
        match self.part {
            Part::Strategies if self.depth == 1 => {
                self.start = self.at + 1;
                self.part = Part::PlanTail;
            }
            Part::Measures if self.depth == 3 => {
                self.start = self.at + 1;
                self.part = Part::StrategyTail;
            }
            Part::Measure if self.depth == 4 => {
                let mut measure: Measure = parse_piece(self.buf.get(self.start..=self.at)?)?;
                fit_lists(&mut measure);
                self.projects_read += measure.projects.len();
                self.measures.push(Arc::new(measure));
                self.part = Part::Measures;
                self.separated = false;
                if self.projects_read >= PREVIEW_PROJECTS {
                    self.offer_preview(report);
                }
            }
            Part::StrategyTail if self.depth == 2 => {
                let text = format!(
                    "{}measures: []{}",
                    self.strategy_head,
                    std::str::from_utf8(self.buf.get(self.start..=self.at)?).ok()?
                );
                let mut strategy: Strategy = ron::from_str(&text).ok()?;
                strategy.measures = std::mem::take(&mut self.measures);
                self.strategies.push(strategy);
                self.part = Part::Strategies;
                self.separated = false;
                self.offer_preview(report);
            }
            // A strategy without a measures list: one piece.
            Part::StrategyHead if self.depth == 2 => {
                let strategy: Strategy = parse_piece(self.buf.get(self.start..=self.at)?)?;
                self.strategies.push(strategy);
                self.part = Part::Strategies;
                self.separated = false;
            }
            _ => {}
        }
        let _ = byte;
        Some(())
    }

    /// Offers the plan read so far for the first screen, once.
    fn offer_preview(&mut self, report: OnPreview) {
        if self.previewed {
            return;
        }
        let Ok(mut plan) = ron::from_str::<Plan>(&format!("{}strategies: [])", self.plan_head))
        else {
            return;
        };
        plan.strategies = self.strategies.clone();
        if self.part == Part::Measures {
            let Ok(mut current) =
                ron::from_str::<Strategy>(&format!("{}measures: [])", self.strategy_head))
            else {
                return;
            };
            current.measures = self.measures.clone();
            plan.strategies.push(current);
        }
        plan.settle_ids();
        self.previewed = true;
        report(plan);
    }

    pub(super) fn finish(mut self) -> Option<Plan> {
        if self.part != Part::PlanTail || self.depth != 0 || self.lex != Lex::Code {
            return None;
        }
        let tail = std::str::from_utf8(self.buf.get(self.start..)?).ok()?;
        let mut plan: Plan =
            ron::from_str(&format!("{}strategies: []{}", self.plan_head, tail)).ok()?;
        plan.strategies = std::mem::take(&mut self.strategies);
        plan.settle_ids();
        Some(plan)
    }
}

/// Lists grow by doubling while parsed; at 100,000 projects the spare room
/// is tens of megabytes.
fn fit_lists(measure: &mut Measure) {
    measure.projects.shrink_to_fit();
    for project in &mut measure.projects {
        project.schedule.shrink_to_fit();
        project.analysis.shrink_to_fit();
    }
}

fn text_of(bytes: &[u8]) -> Option<String> {
    std::str::from_utf8(bytes).ok().map(str::to_owned)
}

fn parse_piece<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    ron::from_str(std::str::from_utf8(bytes).ok()?).ok()
}
