//! Typed text read back into values: targets, actuals, evaluations, numbers.

use super::error::{FieldError, TargetError};
use crate::model::dates;
use crate::model::grade::{self, Grade};
use crate::model::plan::{Direction, Target, TargetValue};
use crate::model::rule::ScoreAxis;

/// An evaluation as typed: a grade's name or marker, or nothing.
pub(super) fn parse_evaluation(scale: &[Grade], text: &str) -> Result<String, FieldError> {
    if text.is_empty() {
        return Ok(String::new());
    }
    grade::find(scale, text)
        .map(|g| g.name.clone())
        .ok_or_else(|| FieldError::NotOnScale {
            text: text.to_owned(),
            names: scale.iter().map(|g| g.name.clone()).collect(),
        })
}

/// A score as typed, `7` or `7/10`, within the plan's axis; nothing to
/// clear it.
pub(super) fn parse_score(axis: Option<&ScoreAxis>, text: &str) -> Result<Option<u64>, FieldError> {
    if text.is_empty() {
        return Ok(None);
    }
    let axis = axis.ok_or(FieldError::NoScoreAxis)?;
    let refuse = || FieldError::ScoreOutOfRange {
        text: text.to_owned(),
        name: axis.name.clone(),
        min: axis.min,
        max: axis.max,
    };
    let normal = dates::normalize(text).replace('／', "/");
    let (number, out_of) = normal.split_once('/').unwrap_or((&normal, ""));
    let out_of = out_of.trim();
    if !out_of.is_empty() && out_of.parse::<u64>().ok() != Some(axis.max) {
        return Err(refuse());
    }
    let score: u64 = number.trim().parse().map_err(|_| refuse())?;
    if axis.contains(score) {
        Ok(Some(score))
    } else {
        Err(refuse())
    }
}

/// `1.5`, `１．５`, `-3`.
pub(super) fn parse_number(text: &str) -> Option<f64> {
    dates::normalize(text).replace(['，', ','], "").parse().ok()
}

/// Reads a target back: a number, an optional unit, and a direction
/// (`以上`/`以下`, `>=`/`<=`, `at least`/`at most`).
pub fn parse_target(text: &str) -> Result<Target, TargetError> {
    const DIRECTIONS: [(&str, Direction); 8] = [
        ("以上", Direction::AtLeast),
        ("以下", Direction::AtMost),
        (">=", Direction::AtLeast),
        ("<=", Direction::AtMost),
        ("≥", Direction::AtLeast),
        ("≤", Direction::AtMost),
        ("at least", Direction::AtLeast),
        ("at most", Direction::AtMost),
    ];
    let refuse = || TargetError {
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    let (rest, direction) = DIRECTIONS
        .iter()
        .find_map(|(word, d)| {
            trimmed
                .strip_suffix(word)
                .or_else(|| trimmed.strip_prefix(word))
                .map(|rest| (rest.trim(), *d))
        })
        .ok_or_else(refuse)?;
    let (value, unit) = leading_number(rest).ok_or_else(refuse)?;
    Ok(Target {
        value: TargetValue::Number(value),
        unit: unit.trim().to_owned(),
        direction,
    })
}

/// `1,000人/年` → 1000 and `人/年`: a number at the start of the text, in
/// ASCII or full-width digits, with an optional sign, thousands separators
/// (`,` or `，` before three digits) and decimals; and the text after it.
fn leading_number(text: &str) -> Option<(f64, &str)> {
    let ascii = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        '．' => Some('.'),
        '，' => Some(','),
        '－' | '−' => Some('-'),
        '＋' => Some('+'),
        _ => Some(c),
    };
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, ascii(c).unwrap_or(c)))
        .collect();
    let mut number = String::new();
    let mut at = 0;
    if let Some(&(_, sign @ ('-' | '+'))) = chars.first() {
        number.push(sign);
        at = 1;
    }
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut seen_point = false;
    while let Some(&(_, c)) = chars.get(at) {
        let separator = c == ','
            && !seen_point
            && at > 0
            && digit(at - 1)
            && (1..=3).all(|d| digit(at + d))
            && !digit(at + 4);
        if c.is_ascii_digit() {
            number.push(c);
        } else if c == '.' && !seen_point && digit(at + 1) {
            seen_point = true;
            number.push(c);
        } else if !separator {
            break;
        }
        at += 1;
    }
    let rest = chars.get(at).map_or("", |&(i, _)| &text[i..]);
    number.parse().ok().map(|value| (value, rest))
}

pub(super) fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::{parse_evaluation, parse_score, parse_target};
    use crate::model::fields::target_text;
    use crate::model::grade;
    use crate::model::plan::{Direction, Target, TargetValue};
    use crate::model::rule::ScoreAxis;

    #[test]
    fn a_score_is_read_within_the_plan_s_axis() {
        let axis = ScoreAxis {
            name: "進捗度".to_owned(),
            min: 1,
            max: 10,
        };
        let read = |text| parse_score(Some(&axis), text);
        assert_eq!(read("7"), Ok(Some(7)));
        assert_eq!(read("７/10"), Ok(Some(7)), "as the tables write it");
        assert_eq!(read(""), Ok(None), "cleared");
        assert!(read("11").is_err());
        assert!(read("0").is_err(), "below 1");
        assert!(read("7/5").is_err(), "out of another range");
        assert!(read("7.5").is_err());
        assert!(parse_score(None, "7").is_err(), "no axis, no score");
    }

    #[test]
    fn targets_read_and_print() {
        let t = parse_target("20.0 以上").unwrap();
        assert_eq!(
            (t.value.number().unwrap(), t.unit.as_str(), t.direction),
            (20.0, "", Direction::AtLeast)
        );
        assert_eq!(target_text(&t), "20.0 以上");
        let t = parse_target("１%/年 以上").unwrap();
        assert_eq!((t.value.number().unwrap(), t.unit.as_str()), (1.0, "%/年"));
        assert_eq!(target_text(&t), "1.0%/年 以上");
        assert_eq!(
            parse_target("at most 3 件").unwrap().direction,
            Direction::AtMost
        );
        for value in [1e16, 1e-5, -3.0, 0.25] {
            let t = Target {
                value: TargetValue::Number(value),
                unit: "件".to_owned(),
                direction: Direction::AtMost,
            };
            assert_eq!(
                parse_target(&target_text(&t)).unwrap(),
                t,
                "{}",
                target_text(&t)
            );
        }
        assert!(parse_target("20").is_err());
    }

    #[test]
    fn target_numbers_with_separators_full_width_signs_and_decimals() {
        let read = |text: &str| {
            let t = parse_target(text).unwrap();
            (t.value.number().unwrap(), t.unit)
        };
        assert_eq!(read("1,000人/年 以上"), (1000.0, "人/年".to_owned()));
        assert_eq!(
            read("１，２３４，５６７．５円 以下"),
            (1_234_567.5, "円".to_owned())
        );
        assert_eq!(read("-1,000.25 t 以下"), (-1000.25, "t".to_owned()));
        assert_eq!(read("－０．５ポイント 以上"), (-0.5, "ポイント".to_owned()));
        assert_eq!(read("12,34件 以上"), (12.0, ",34件".to_owned()));
        assert_eq!(read("3.件 以上"), (3.0, ".件".to_owned()));
    }

    #[test]
    fn evaluations_take_names_or_markers_of_the_scale() {
        let scale = grade::default_scale();
        assert_eq!(parse_evaluation(&scale, "遅"), Ok("遅れ".to_owned()));
        assert_eq!(
            parse_evaluation(&scale, "概ね順調"),
            Ok("概ね順調".to_owned())
        );
        assert_eq!(parse_evaluation(&scale, ""), Ok(String::new()));
        assert_eq!(
            parse_evaluation(&scale, "A").unwrap_err().to_string(),
            "`A` is not on this plan's scale: 順調 / 概ね順調 / やや遅れ / 遅れ / 完了 / 未着手"
        );
        assert!(parse_target("たくさん 以上").is_err());
    }
}
