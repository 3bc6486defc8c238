//! The table as CSV the way Excel on Japanese Windows reads it without
//! asking: CRLF between records, and either UTF-8 with a byte-order mark
//! (without it Excel guesses Shift_JIS) or Shift_JIS itself. Text cells
//! are written as `neutral::spreadsheet_cell` makes them: printable, and
//! never run as a formula.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use encoding_rs::SHIFT_JIS;

use crate::commands::levels_columns::LevelColumns;
use crate::commands::table::{self, Column};
use crate::commands::{CommandError, neutral};
use crate::model::Plan;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of a CSV export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    // UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8.
    #[default]
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    // Windows-31J, what Excel on Japanese Windows writes.
    #[value(
        name = "shift_jis",
        alias = "sjis",
        alias = "cp932",
        alias = "windows-31j"
    )]
    ShiftJis,
}

/// For Shift_JIS, one message per cell holding characters it cannot
/// represent (nothing is to be written then: a silently replaced character
/// would change the plan); none for UTF-8.
pub fn csv_problems(plans: &[(&Path, &Plan)], encoding: Encoding) -> Vec<CommandError> {
    match encoding {
        Encoding::Utf8 => Vec::new(),
        Encoding::ShiftJis => unrepresentable(plans),
    }
}

/// Writes the CSV to `out` as its rows are made, so a large export is never
/// held in memory whole. For Shift_JIS, `csv_problems` must have found
/// nothing.
pub fn write_csv(
    plans: &[(&Path, &Plan)],
    encoding: Encoding,
    out: &mut dyn Write,
) -> io::Result<()> {
    match encoding {
        Encoding::Utf8 => {
            out.write_all(BOM)?;
            write_records(plans, out)
        }
        Encoding::ShiftJis => {
            let mut shift_jis = ShiftJis {
                out,
                pending: Vec::new(),
            };
            write_records(plans, &mut shift_jis)?;
            shift_jis.flush()
        }
    }
}

fn write_records(plans: &[(&Path, &Plan)], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let refs: Vec<&Plan> = plans.iter().map(|(_, plan)| *plan).collect();
    let figures = table::Figures::of(&refs);
    let shape = LevelColumns::of(plans.iter().map(|(_, plan)| *plan));
    let headings = table::headings(plans.iter().map(|(_, plan)| *plan));
    let headings = Column::ALL
        .into_iter()
        .zip(headings)
        .map(|(column, heading)| shape.part_title(column, heading));
    writer.write_record(
        shape
            .heading_titles()
            .into_iter()
            .chain(headings)
            .chain(figures.headings())
            .map(|h| neutral::spreadsheet_cell(&h).into_owned()),
    )?;
    for (_, plan) in plans {
        for row in table::rows(plan) {
            for cell in shape.heading_cells(plan, row.s) {
                writer.write_field(neutral::spreadsheet_cell(&cell).as_bytes())?;
            }
            for cell in csv_cells(&row.cells) {
                writer.write_field(cell.as_bytes())?;
            }
            for amount in figures.cells(row.project) {
                writer.write_field(amount.map(|a| a.to_string()).unwrap_or_default())?;
            }
            writer.write_record(None::<&[u8]>)?;
        }
    }
    writer.flush()
}

/// A row's cells as the CSV holds them; the budget is a number (never
/// negative) and stays one.
fn csv_cells(cells: &[String]) -> impl Iterator<Item = Cow<'_, str>> {
    Column::ALL.iter().zip(cells).map(|(&column, cell)| {
        if column == Column::Budget {
            Cow::Borrowed(cell.as_str())
        } else {
            neutral::spreadsheet_cell(cell)
        }
    })
}

/// Encodes UTF-8 written to it as Shift_JIS. Writes may end inside a
/// character; its first bytes wait for the rest.
struct ShiftJis<'a> {
    out: &'a mut dyn Write,
    pending: Vec<u8>,
}

impl Write for ShiftJis<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let text = std::str::from_utf8(&self.pending[..whole]).unwrap_or_default();
        let (bytes, _, had_errors) = SHIFT_JIS.encode(text);
        if had_errors {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the CSV cannot be written in Shift_JIS",
            ));
        }
        self.out.write_all(&bytes)?;
        self.pending.drain(..whole);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the CSV ends inside a character",
            ));
        }
        self.out.flush()
    }
}

/// `plans/x.ron: 事業名 / 概要: "𠮷" cannot be written in Shift_JIS`, once per
/// cell.
fn unrepresentable(plans: &[(&Path, &Plan)]) -> Vec<CommandError> {
    let mut problems = Vec::new();
    for (path, plan) in plans {
        for row in table::rows(plan) {
            for (column, cell) in Column::ALL.iter().zip(csv_cells(&row.cells)) {
                let bad = bad_characters(&cell);
                if !bad.is_empty() {
                    problems.push(CommandError::NotShiftJis {
                        file: path.to_path_buf(),
                        project: row.project.name.clone(),
                        column: column.heading(),
                        characters: bad,
                    });
                }
            }
        }
    }
    problems
}

/// The characters of `text` that Shift_JIS lacks, each once, in order.
fn bad_characters(text: &str) -> String {
    if !SHIFT_JIS.encode(text).2 {
        return String::new();
    }
    let mut bad = String::new();
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        if SHIFT_JIS.encode(c.encode_utf8(&mut buffer)).2 && !bad.contains(c) {
            bad.push(c);
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use encoding_rs::SHIFT_JIS;

    use super::{ShiftJis, bad_characters};

    #[test]
    fn a_character_split_between_writes_is_encoded_whole() {
        let text = "事業,ⅰ①～髙\r\n";
        let mut out = Vec::new();
        let mut shift_jis = ShiftJis {
            out: &mut out,
            pending: Vec::new(),
        };
        for byte in text.as_bytes() {
            shift_jis.write_all(std::slice::from_ref(byte)).unwrap();
        }
        shift_jis.flush().unwrap();
        assert_eq!(out, SHIFT_JIS.encode(text).0.into_owned());
    }

    #[test]
    fn finds_what_shift_jis_lacks() {
        assert_eq!(bad_characters("ⅰ①～髙"), "");
        assert_eq!(bad_characters("𠮷野家😀と𠮷"), "𠮷😀");
    }
}
