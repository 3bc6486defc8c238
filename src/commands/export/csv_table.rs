//! The table as CSV the way Excel on Japanese Windows reads it without
//! asking: CRLF between records, and either UTF-8 with a byte-order mark
//! (without it Excel guesses Shift_JIS) or Shift_JIS itself.

use std::path::Path;

use encoding_rs::SHIFT_JIS;

use super::Encoding;
use crate::commands::table::{self, Column};
use crate::model::Plan;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The CSV bytes, or, for Shift_JIS, one message per cell holding characters
/// that Shift_JIS cannot represent (nothing is written then: a silently
/// replaced character would change the plan).
pub fn to_csv(plans: &[(&Path, &Plan)], encoding: Encoding) -> Result<Vec<u8>, Vec<String>> {
    let text = csv_text(plans).map_err(|e| vec![format!("cannot write CSV: {e}")])?;
    match encoding {
        Encoding::Utf8 => Ok([BOM, text.as_bytes()].concat()),
        Encoding::ShiftJis => {
            let problems = unrepresentable(plans);
            if !problems.is_empty() {
                return Err(problems);
            }
            let (bytes, _, had_errors) = SHIFT_JIS.encode(&text);
            if had_errors {
                // Only the headings are left, and they are all in Shift_JIS.
                return Err(vec!["the CSV cannot be written in Shift_JIS".to_owned()]);
            }
            Ok(bytes.into_owned())
        }
    }
}

fn csv_text(plans: &[(&Path, &Plan)]) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(Column::ALL.map(Column::heading))?;
    for (_, plan) in plans {
        for row in table::rows(plan) {
            writer.write_record(&row.cells)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    // Every cell came from a `String`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `plans/x.ron: 事業名 / 概要: "𠮷" cannot be written in Shift_JIS`, once per
/// cell.
fn unrepresentable(plans: &[(&Path, &Plan)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, plan) in plans {
        for row in table::rows(plan) {
            for (column, cell) in Column::ALL.iter().zip(&row.cells) {
                let bad = bad_characters(cell);
                if !bad.is_empty() {
                    problems.push(format!(
                        "{}: {} / {}: \"{bad}\" cannot be written in Shift_JIS",
                        path.display(),
                        row.project.name,
                        column.heading()
                    ));
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
    use super::*;

    #[test]
    fn finds_what_shift_jis_lacks() {
        assert_eq!(bad_characters("ⅰ①～髙"), "");
        assert_eq!(bad_characters("𠮷野家😀と𠮷"), "𠮷😀");
    }
}
