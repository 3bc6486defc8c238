//! Reading a large plan piece by piece: each measure is parsed as soon as
//! its text has been read, so the file's bytes and the whole plan are never
//! in memory together, and the first part of the plan can be shown while
//! the rest is still being read.
//!
//! Only plans laid out as a save writes them are read this way. Anything
//! else (comments, attributes, Windows line ends, a layout the splitter
//! does not follow, any error) is read again whole by `load`, so messages
//! and results are exactly those of a whole-file read.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use super::LoadError;
use super::load::{Loaded, content_hasher, load_whole};
use crate::model::{Measure, Plan, Strategy};

/// Bytes read from the file at a time.
pub(super) const BLOCK: usize = 1 << 20;

/// Projects read before the first part of the plan is offered for showing.
const PREVIEW_PROJECTS: usize = 200;

/// Takes the plan's first part once it has been read: the first strategies
/// and measures, for the first screen. Its totals above measure level are
/// not final.
pub type OnPreview<'a> = &'a mut dyn FnMut(Plan);

/// Reads the plan at `path`, handing a preview of its first part to
/// `report` on the way (not for a plan that is read whole).
pub fn load_in_pieces(path: &Path, report: OnPreview) -> Result<Loaded, LoadError> {
    match read_split(path, report) {
        Some(loaded) => Ok(loaded),
        None => load_whole(path),
    }
}

/// The piece-by-piece read; `None` when the file is not laid out as
/// expected or has any problem, to be read whole instead.
fn read_split(path: &Path, report: OnPreview) -> Option<Loaded> {
    read_split_by(path, report, BLOCK)
}

/// As `read_split`, reading `block_size` bytes at a time.
fn read_split_by(path: &Path, report: OnPreview, block_size: usize) -> Option<Loaded> {
    let mut file = super::load::open_plan(path).ok()?;
    read_split_from(&mut file, report, block_size)
}

/// As `read_split`, from `file`.
pub(super) fn read_split_from(
    file: &mut dyn Read,
    report: OnPreview,
    block_size: usize,
) -> Option<Loaded> {
    let mut splitter = Splitter::default();
    let mut hasher = content_hasher();
    let mut block = vec![0; block_size];
    let mut first = true;
    loop {
        let n = match file.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        std::hash::Hasher::write(&mut hasher, &block[..n]);
        splitter.feed(&block[..n], first, report)?;
        first = false;
    }
    let plan = splitter.finish()?;
    Some(Loaded {
        plan,
        source: super::SourceMap::default(),
        disk_hash: Some(std::hash::Hasher::finish(&hasher)),
    })
}

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
struct Splitter {
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
    fn feed(&mut self, bytes: &[u8], first: bool, report: OnPreview) -> Option<()> {
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
                rest.iter().position(|&b| !matches!(b, b' ' | b'\n'))
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
        if !is_space {
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

    fn finish(mut self) -> Option<Plan> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{content_hash, to_canonical};

    const SEED: &str = include_str!("../../plans/r5-growth-strategy.ron");

    fn write(dir: &tempfile::TempDir, text: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Reads `text` both ways; returns the piecewise result and the previews.
    fn both_ways(text: impl AsRef<[u8]>) -> (Result<Loaded, LoadError>, Vec<Plan>) {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, text);
        let mut previews = Vec::new();
        let pieces = load_in_pieces(&path, &mut |plan| previews.push(plan));
        let whole = load_whole(&path);
        match (&pieces, &whole) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a.plan, b.plan);
                assert_eq!(a.disk_hash, b.disk_hash);
                assert_eq!(a.source.comments().len(), b.source.comments().len());
            }
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("piecewise {pieces:?} but whole {whole:?}"),
        }
        (pieces, previews)
    }

    /// Whether `text` is read in pieces rather than whole.
    fn splits(text: &str) -> bool {
        let dir = tempfile::tempdir().unwrap();
        read_split(&write(&dir, text), &mut |_| {}).is_some()
    }

    /// The bundled plan with its projects repeated `times` over.
    fn large_plan(times: usize) -> Plan {
        let mut plan: Plan = ron::from_str(SEED).unwrap();
        for strategy in &mut plan.strategies {
            for measure in strategy.measures_mut() {
                let projects = measure.projects.clone();
                for _ in 0..times {
                    // Copies are other projects: the ids of their places.
                    measure
                        .projects
                        .extend(projects.iter().cloned().map(|mut p| {
                            p.id.clear();
                            p
                        }));
                }
            }
        }
        plan.settle_ids();
        plan
    }

    #[test]
    fn the_bundled_plan_reads_the_same_in_pieces_and_has_the_file_hash() {
        let (loaded, previews) = both_ways(SEED);
        let loaded = loaded.unwrap();
        assert_eq!(loaded.disk_hash, Some(content_hash(SEED.as_bytes())));
        assert_eq!(previews.len(), 1, "one preview, after the first strategy");
        assert_eq!(previews[0].strategies.len(), 1);
        assert_eq!(previews[0].strategies[0], loaded.plan.strategies[0]);
        assert!(splits(SEED));
    }

    #[test]
    fn a_large_plan_offers_its_first_measures_before_the_rest() {
        let plan = large_plan(120);
        let text = to_canonical(&plan);
        let (loaded, previews) = both_ways(&text);
        assert_eq!(loaded.unwrap().plan, plan);
        let [preview] = previews.as_slice() else {
            panic!("one preview, got {}", previews.len());
        };
        let first = &preview.strategies[0];
        assert_eq!(preview.strategies.len(), 1);
        assert_eq!(first.kpis, plan.strategies[0].kpis);
        assert!(first.measures.len() < plan.strategies[0].measures.len());
        assert_eq!(
            first.measures[..],
            plan.strategies[0].measures[..first.measures.len()]
        );
        let shown: usize = first.measures.iter().map(|m| m.projects.len()).sum();
        assert!(shown >= PREVIEW_PROJECTS, "{shown} projects in the preview");
    }

    #[test]
    fn text_with_brackets_quotes_and_raw_strings_does_not_confuse_the_reader() {
        let mut plan = large_plan(1);
        let project = &mut plan.strategies[0].measure_mut(0).projects[0];
        project.overview = "括弧 ) ] ( [ と \"引用\" と \\ と\n改行 \"# r#\"".to_owned();
        project.name = "measures: [ strategies: [".to_owned();
        let text = to_canonical(&plan);
        assert!(text.contains("r#\""), "the overview is written raw");
        let (loaded, _) = both_ways(&text);
        assert_eq!(loaded.unwrap().plan, plan);
        assert!(splits(&text));
        let named = text.replacen("\n        (\n", "\n        Strategy(\n", 1);
        assert_eq!(both_ways(&named).0.unwrap().plan, plan);
        assert!(splits(&named));
    }

    #[test]
    fn comments_line_ends_and_other_layouts_are_read_whole() {
        let plan: Plan = ron::from_str(SEED).unwrap();
        let commented = SEED.replacen("    strategies: [", "    // 戦略\n    strategies: [", 1);
        let loaded = both_ways(&commented).0.unwrap();
        assert_eq!(loaded.source.comments().len(), 1);
        assert!(!splits(&commented));
        assert_eq!(both_ways(SEED.replace('\n', "\r\n")).0.unwrap().plan, plan);
        let bom = format!("\u{feff}{SEED}");
        assert_eq!(both_ways(&bom).0.unwrap().plan, plan);
        // Strategies before the title: not the saved layout, still read.
        let title_line = SEED.lines().find(|l| l.contains("title:")).unwrap();
        let moved = SEED
            .replacen(&format!("{title_line}\n"), "", 1)
            .trim_end()
            .strip_suffix(')')
            .unwrap()
            .to_owned()
            + title_line
            + "\n)\n";
        assert_eq!(both_ways(&moved).0.unwrap().plan, plan);
    }

    #[test]
    fn a_damaged_plan_gets_the_whole_file_error() {
        let cut = &SEED[..SEED.len() * 2 / 3];
        assert!(both_ways(cut).0.is_err());
        let typo = SEED.replacen("budget:", "budgte:", 3);
        assert!(both_ways(&typo).0.is_err());
        assert!(both_ways("").0.is_err());
        assert!(both_ways("(title: \"x\", strategies: [)])").0.is_err());
    }

    #[test]
    fn what_a_whole_read_refuses_is_refused_in_pieces_too() {
        let no_comma = "(title:\"t\",fiscal_year:2024,unit:\"u\",strategies:[(label:\"1\",name:\"n\",kpis:[],measures:[])([])])";
        assert!(both_ways(no_comma).0.is_err());
        let junk = SEED.replacen("strategies: [", "strategies: Foo [", 1);
        assert!(both_ways(junk).0.is_err());
        let measures = SEED
            .matches("\n                ),\n                (\n")
            .count();
        assert!(measures >= 2, "the bundled plan has measures side by side");
        let two_commas = SEED.replacen(
            "\n                ),\n                (\n",
            "\n                ),\n , \n                (\n",
            1,
        );
        assert!(both_ways(two_commas).0.is_err());
        let no_comma = SEED.replacen(
            "\n                ),\n                (\n",
            "\n                )\n                (\n",
            1,
        );
        assert!(both_ways(no_comma).0.is_err());
        let mut not_utf8 = SEED.as_bytes().to_vec();
        let title = SEED.find("title: \"").unwrap() + "title: \"".len();
        not_utf8[title] = 0xff;
        assert!(both_ways(not_utf8).0.is_err());
    }

    #[test]
    fn windows_line_ends_inside_text_are_read_as_a_whole_read_does() {
        let mut plan: Plan = ron::from_str(SEED).unwrap();
        plan.strategies[0].measure_mut(0).projects[0].overview = "一行目\r\n二行目".to_owned();
        let text = to_canonical(&plan);
        assert!(text.contains('\r'));
        let read = both_ways(&text).0.unwrap().plan;
        assert_eq!(
            read.strategies[0].measures[0].projects[0].overview,
            "一行目\n二行目"
        );
    }

    use proptest::prelude::*;

    /// Bytes that change what the splitter sees: separators, brackets,
    /// quotes, escapes, raw-string marks, a carriage return, bad UTF-8.
    const SHARP: &[u8] = b",[]()\"\\r#:\r\xff ";

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Damaged copies of the bundled plan, read in blocks of any size,
        /// give what a whole read gives: the same plan or the same error.
        #[test]
        fn damaged_plans_in_any_blocks_read_as_a_whole_read_does(
            edits in proptest::collection::vec((0usize..usize::MAX, 0u8..3, 0usize..SHARP.len()), 0..4),
            block in 1usize..200,
        ) {
            let mut bytes = SEED.as_bytes().to_vec();
            for (at, kind, sharp) in edits {
                let at = at % bytes.len();
                match kind {
                    0 => { bytes.remove(at); }
                    1 => bytes.insert(at, SHARP[sharp]),
                    _ => bytes[at] = SHARP[sharp],
                }
            }
            let dir = tempfile::tempdir().unwrap();
            let path = write(&dir, &bytes);
            let pieces = read_split_by(&path, &mut |_| {}, block)
                .map_or_else(|| load_whole(&path), Ok);
            let whole = load_whole(&path);
            match (&pieces, &whole) {
                (Ok(a), Ok(b)) => prop_assert_eq!(&a.plan, &b.plan),
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                _ => prop_assert!(false, "piecewise {:?} but whole {:?}", pieces, whole),
            }
        }
    }
}
