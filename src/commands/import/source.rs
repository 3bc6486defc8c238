//! The cells of a table file, whatever saved it: CSV in UTF-8 (with or
//! without a byte-order mark) or in Shift_JIS as Excel on Japanese Windows
//! writes it, or the first sheet of an XLSX workbook.

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use encoding_rs::SHIFT_JIS;

use super::archive;
use super::problem::Unreadable;
use crate::commands::neutral::from_spreadsheet_cell;

/// One row of the sheet.
pub struct Row {
    /// The spreadsheet's row number, from 1.
    pub number: usize,
    pub cells: Vec<String>,
}

/// The rows of the sheet, and the spreadsheet column (from 1) of the first
/// cell of each.
pub struct Sheet {
    pub rows: Vec<Row>,
    pub first_column: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a CSV or XLSX file's bytes; an XLSX file is a ZIP archive, so it is
/// told by its first bytes, not its name.
pub fn read(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    if bytes.starts_with(b"PK\x03\x04") {
        archive::check(bytes).map_err(Unreadable::Refused)?;
        read_xlsx(bytes)
    } else {
        read_csv(&decode(bytes)?)
    }
}

/// Valid UTF-8 is UTF-8 (Shift_JIS text with kana or kanji almost never
/// is); anything else must be Shift_JIS, which is Windows-31J here as in
/// Excel.
pub(super) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Unreadable> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Unreadable::NeitherUtf8NorShiftJis);
    }
    Ok(text)
}

fn read_csv(text: &str) -> Result<Sheet, Unreadable> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut number = 0;
    for record in reader.records() {
        let record = record.map_err(|e| Unreadable::Csv {
            row: number + 1,
            reason: e.to_string(),
        })?;
        let start = record.position().map_or(0, |p| p.byte());
        number += 1 + blank_lines_before(text.as_bytes(), usize::try_from(start).unwrap_or(0));
        rows.push(Row {
            number,
            // The `'` that export put before a formula-like cell comes off.
            cells: record
                .iter()
                .map(|cell| clean(from_spreadsheet_cell(cell)))
                .collect(),
        });
    }
    Ok(Sheet {
        rows,
        first_column: 1,
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| {
            Unreadable::Workbook {
                reason: e.to_string(),
            }
        })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or(Unreadable::NoSheet)?
        .map_err(|e| Unreadable::Sheet {
            reason: e.to_string(),
        })?;
    // The range starts at the first used cell, which need not be A1.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row as usize + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Ok(Sheet {
        rows,
        first_column: first_column as usize + 1,
    })
}

/// Blank lines before the record that the csv crate says starts at `byte`.
/// It skips them, but they are rows of the sheet. It places a record right
/// after the previous one's terminator, or after its `\r` in a CRLF.
fn blank_lines_before(text: &[u8], byte: usize) -> usize {
    let mut rest = text.get(byte..).unwrap_or_default();
    if byte > 0 && text[byte - 1] == b'\r' && rest.first() == Some(&b'\n') {
        rest = &rest[1..];
    }
    let mut count = 0;
    let mut i = 0;
    while i < rest.len() && matches!(rest[i], b'\r' | b'\n') {
        if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        count += 1;
        i += 1;
    }
    count
}

/// A cell as the text it shows: whole numbers without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => clean(text),
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{value:.0}")
        }
        other => other.to_string(),
    }
}

/// Line breaks inside a cell as `\n`, whatever wrote them.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use encoding_rs::SHIFT_JIS;

    use super::{BOM, read};

    #[test]
    fn reads_utf8_with_or_without_bom_and_shift_jis() {
        let text = "戦略名,事業名\r\n（１）戦略,\"二行の\n事業\"\r\n";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        for bytes in [
            text.as_bytes().to_vec(),
            [BOM, text.as_bytes()].concat(),
            sjis.into_owned(),
        ] {
            let sheet = read(&bytes).unwrap();
            assert_eq!(sheet.rows.len(), 2);
            assert_eq!(sheet.rows[0].cells, ["戦略名", "事業名"]);
            assert_eq!(sheet.rows[1].cells[1], "二行の\n事業");
            assert_eq!(sheet.rows[1].number, 2);
        }
        assert!(read(b"\x82\xa0\xff\xff").is_err());
        for text in [
            "a\r\n\r\n\"b\nc\"\r\n\r\nd\r\n",
            "a\n\n\"b\r\nc\"\n\nd",
            "a\r\rb\r\rd",
        ] {
            let gaps = read(text.as_bytes()).unwrap();
            let numbers: Vec<usize> = gaps.rows.iter().map(|r| r.number).collect();
            assert_eq!(numbers, [1, 3, 5], "blank lines are rows: {text:?}");
        }
    }
}
