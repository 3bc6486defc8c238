//! Reading the text of single cells: several KPIs
//! in one cell, and progress and analysis cells of one item per line. A
//! line is never joined to the one above: no bullet tells a continuation
//! from an item, and joining would lose items the plan had.

use crate::model::fields::parse_target;
use crate::model::{ScheduleEntry, Target};

const SPACES: [char; 2] = [' ', '\u{3000}'];

/// One KPI as a cell states it.
#[derive(Debug, Clone, PartialEq)]
pub struct KpiText {
    /// `ⅰ` from `【ＫＰＩⅰ】`; `None` when the cell gives no label.
    pub label: Option<String>,
    pub statement: String,
    /// From the export's `（目標 20.0 以上）` suffix.
    pub target: Option<Target>,
}

/// The KPIs of a cell: `【ＫＰＩⅰ】…【ＫＰＩⅱ】…` (or `【KPIⅰ】`), on one line
/// or several; text without a marker is one unlabeled KPI.
pub fn parse_kpis(cell: &str) -> Vec<KpiText> {
    let markers = kpi_markers(cell);
    let mut kpis = Vec::new();
    let first = markers.first().map_or(cell.len(), |m| m.0);
    if let Some(kpi) = kpi_text(None, &cell[..first]) {
        kpis.push(kpi);
    }
    for (i, &(_, end, ref label)) in markers.iter().enumerate() {
        let next = markers.get(i + 1).map_or(cell.len(), |m| m.0);
        let label = Some(label.clone()).filter(|l| !l.is_empty());
        // A marker alone refers to a KPI stated elsewhere.
        kpis.push(
            kpi_text(label.clone(), &cell[end..next]).unwrap_or(KpiText {
                label,
                statement: String::new(),
                target: None,
            }),
        );
    }
    kpis
}

/// Each `【KPI label】`: where it starts and ends, and its label.
fn kpi_markers(cell: &str) -> Vec<(usize, usize, String)> {
    let mut markers = Vec::new();
    let mut from = 0;
    while let Some(open) = cell[from..].find('【').map(|i| from + i) {
        let inner_start = open + '【'.len_utf8();
        let Some(close) = cell[inner_start..].find('】').map(|i| inner_start + i) else {
            break;
        };
        if let Some(label) = kpi_label(&cell[inner_start..close]) {
            markers.push((open, close + '】'.len_utf8(), label));
        }
        from = close;
    }
    markers
}

/// `ＫＰＩⅰ`, `KPI ⅱ`, `kpi` → the label after `KPI` in any width or case.
fn kpi_label(inner: &str) -> Option<String> {
    let inner = inner.trim_matches(SPACES);
    let mut chars = inner.char_indices();
    for expected in ['k', 'p', 'i'] {
        let (_, c) = chars.next()?;
        let ascii = match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(u32::from(c) - 0xFEE0)?,
            _ => c,
        };
        if ascii.to_ascii_lowercase() != expected {
            return None;
        }
    }
    let rest = chars.next().map_or("", |(i, _)| &inner[i..]);
    Some(rest.trim_matches(SPACES).to_owned())
}

/// A statement without its leading `■`, and the target at its end. A `■`
/// at the end is the next KPI's, in front of its marker.
fn kpi_text(label: Option<String>, text: &str) -> Option<KpiText> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '■');
    if text.is_empty() {
        return None;
    }
    let (statement, target) = split_target(text);
    Some(KpiText {
        label,
        statement: statement.to_owned(),
        target,
    })
}

/// `…（目標 20.0 以上）` → the statement and the target; text whose bracket
/// does not hold a target stays whole.
fn split_target(text: &str) -> (&str, Option<Target>) {
    let Some(body) = text.strip_suffix('）').or_else(|| text.strip_suffix(')')) else {
        return (text, None);
    };
    let Some((open, len)) = ["（目標", "(目標"]
        .iter()
        .filter_map(|o| body.rfind(o).map(|i| (i, o.len())))
        .max()
    else {
        return (text, None);
    };
    let inner = body[open + len..].trim_start_matches([':', '：']);
    match parse_target(inner) {
        Ok(target) => (body[..open].trim_end(), Some(target)),
        Err(_) => (text, None),
    }
}

/// A progress cell: one entry per line, dated when the line starts with a
/// date. Whatever bullet a line starts with (`・`, `-`, `●`, `1.`, none),
/// it is an entry of its own, as `export` wrote it.
pub fn parse_schedule(cell: &str) -> Vec<ScheduleEntry> {
    content_lines(cell).map(ScheduleEntry::from_line).collect()
}

/// An analysis cell: one item per line, whatever bullet it starts with.
pub fn parse_analysis(cell: &str) -> Vec<String> {
    content_lines(cell)
        .map(|line| line.trim_matches(SPACES).to_owned())
        .collect()
}

fn content_lines(cell: &str) -> impl Iterator<Item = &str> {
    cell.lines().filter(|l| !l.trim_matches(SPACES).is_empty())
}

#[cfg(test)]
mod tests {
    use super::{parse_analysis, parse_kpis, parse_schedule};
    use crate::model::Direction;
    use crate::model::ScheduleEntry;

    #[test]
    fn several_kpis_in_a_cell() {
        let kpis =
            parse_kpis("■【ＫＰＩⅰ】職員の１%が活用（目標 1.0%/年 以上）【KPIⅱ】■スコア20.0以上\n");
        assert_eq!(kpis.len(), 2);
        assert_eq!(kpis[0].label.as_deref(), Some("ⅰ"));
        assert_eq!(kpis[0].statement, "職員の１%が活用");
        let target = kpis[0].target.as_ref().unwrap();
        assert_eq!((target.value, target.unit.as_str()), (1.0, "%/年"));
        assert_eq!(target.direction, Direction::AtLeast);
        assert_eq!(kpis[1].label.as_deref(), Some("ⅱ"));
        assert_eq!(kpis[1].statement, "スコア20.0以上");
        assert_eq!(kpis[1].target, None);
        let plain = parse_kpis("DCI（指標）のスコア（目標：R7年度）");
        assert_eq!(plain[0].label, None);
        assert_eq!(plain[0].statement, "DCI（指標）のスコア（目標：R7年度）");
    }

    #[test]
    fn every_line_is_an_item_whatever_its_bullet() {
        let entries =
            parse_schedule("R5.4～ 広報を\n隔週発行\n・予約受付\n\n● 会議\nR5.10 電子納付");
        let lines: Vec<String> = entries.iter().map(ScheduleEntry::to_line).collect();
        assert_eq!(
            lines,
            [
                "R5.4～ 広報を",
                "隔週発行",
                "・予約受付",
                "● 会議",
                "R5.10 電子納付"
            ]
        );
        assert_eq!(
            parse_analysis("各所属で順次\n　実施している。\n1. 拡充\n- 促進\n○続き"),
            [
                "各所属で順次",
                "実施している。",
                "1. 拡充",
                "- 促進",
                "○続き"
            ]
        );
    }
}
