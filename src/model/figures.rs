//! A plan's budget figures: the amounts its table shows for each project
//! (当初予算, 補正予算, 決算; 事業費, 人件費; 要求額, 計上額). The first
//! figure named is the one totals add up, written as a project's `budget`;
//! the others are written in `figures`, by name, on one line. A figure not
//! stated for a project (blank) is left out, which is not 0.

use serde::de::{MapAccess, Visitor};
use serde::{Deserializer, Serializer};

use super::money::group_thousands;
use super::text_serde::{Amount, literal, write_raw};

/// One figure of a project other than the totalled one: its name (one of
/// the plan's `budget_figures`) and its amount in the plan's unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub name: String,
    pub amount: u64,
}

/// `補正予算 1,200`: a figure as the editor shows it, one per line.
pub fn figure_line(figure: &Figure) -> String {
    format!("{} {}", figure.name, group_thousands(figure.amount))
}

/// `{"補正予算": 1200, "決算": 300}`, on one line.
#[allow(clippy::ptr_arg)] // serde's serialize_with passes &Vec
pub(super) fn inline<S: Serializer>(
    figures: &Vec<Figure>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let items: Vec<String> = figures
        .iter()
        .map(|f| format!("{}: {}", literal(&f.name), f.amount))
        .collect();
    write_raw(format!("{{{}}}", items.join(", ")), serializer)
}

/// Reads the map in the order written, so a save writes it back the same.
pub(super) fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Figure>, D::Error> {
    struct InOrder;
    impl<'de> Visitor<'de> for InOrder {
        type Value = Vec<Figure>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of figure names to amounts")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut figures = Vec::new();
            while let Some((name, amount)) = map.next_entry::<String, Amount>()? {
                figures.push(Figure {
                    name,
                    amount: amount.0,
                });
            }
            Ok(figures)
        }
    }
    deserializer.deserialize_map(InOrder)
}
