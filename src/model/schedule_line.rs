//! A progress entry, written on one line of the file, and as one line of
//! the editor: date first, then the text.

use serde::{Deserialize, Serialize};

use super::period::Period;
use super::text_serde::{literal, present_period, write_raw};

/// One line of the progress column: dated (`R5.5 庁内複業制度拡充`) or an
/// undated bullet. Written on one line of the file, like a row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// Written as a bare string, without RON's `Some(…)`; absent when undated.
    #[serde(default, deserialize_with = "present_period")]
    pub date: Option<Period>,
    pub text: String,
}

impl Serialize for ScheduleEntry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = literal(&self.text);
        let ron_text = match &self.date {
            Some(date) => format!("(date: {}, text: {text})", literal(date.as_str())),
            None => format!("(text: {text})"),
        };
        write_raw(ron_text, serializer)
    }
}

impl ScheduleEntry {
    /// The entry as one line, date first: `R5.5 庁内複業制度拡充`.
    pub fn to_line(&self) -> String {
        match &self.date {
            Some(date) => format!("{date} {}", self.text),
            None => self.text.clone(),
        }
    }

    /// Reads a line back: the longest leading run of words that reads as a
    /// period is the date (so `R5.4 ～ R6.3 内容` keeps its whole range).
    pub fn from_line(line: &str) -> Self {
        let is_space = |c: char| c == ' ' || c == '\u{3000}';
        let line = line.trim_matches(is_space);
        let mut cuts: Vec<usize> = line.match_indices(is_space).map(|(i, _)| i).collect();
        cuts.push(line.len());
        for &cut in cuts.iter().rev() {
            if let Ok(date) = Period::parse(&line[..cut]) {
                return Self {
                    date: Some(date),
                    text: line[cut..].trim_start_matches(is_space).to_owned(),
                };
            }
        }
        Self {
            date: None,
            text: line.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Period, ScheduleEntry};

    #[test]
    fn schedule_line_round_trip() {
        let e = ScheduleEntry::from_line("R5.10 テスト入力");
        assert_eq!(e.date.as_ref().map(Period::as_str), Some("R5.10"));
        assert_eq!(e.text, "テスト入力");
        assert_eq!(e.to_line(), "R5.10 テスト入力");

        let e = ScheduleEntry::from_line("R5.4～9　県公式LINEと連携");
        assert_eq!(e.date.as_ref().map(Period::as_str), Some("R5.4～9"));
        assert_eq!(e.text, "県公式LINEと連携");

        let e = ScheduleEntry::from_line("R5.4 ～ R6.3 整備");
        assert_eq!(e.date.as_ref().map(Period::as_str), Some("R5.4 ～ R6.3"));
        assert_eq!(e.text, "整備");
        assert_eq!(ScheduleEntry::from_line(&e.to_line()), e);

        let e = ScheduleEntry::from_line("R5.11");
        assert_eq!(
            (e.date.as_ref().map(Period::as_str), e.text.as_str()),
            (Some("R5.11"), "")
        );

        let e = ScheduleEntry::from_line("・官民協働コミュニティ　5/31に開催");
        assert_eq!(e.date, None);
        assert_eq!(e.text, "・官民協働コミュニティ　5/31に開催");
    }
}
