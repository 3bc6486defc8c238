//! Budget amounts: whole numbers in the plan's unit, shown with thousands
//! separators.

/// `169051` → `169,051`.
pub fn group_thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount as shown: blank when the table states none (which is not 0).
pub fn shown_amount(amount: Option<u64>) -> String {
    amount.map(group_thousands).unwrap_or_default()
}

/// Why a typed budget could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    NotABudget {
        text: String,
    },
    /// A decimal amount: amounts are whole numbers in the plan's unit.
    Fraction {
        text: String,
    },
    TooLarge {
        text: String,
    },
}

/// Reads a budget as users type it: `4450`, `4,450`, `４，４５０`, with an
/// optional unit suffix equal to the plan's unit.
pub fn parse_budget(text: &str, unit: &str) -> Result<u64, BudgetError> {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix(unit).unwrap_or(trimmed).trim();
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ',' | '，'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Some((whole, part)) = digits.split_once(['.', '．'])
        && !part.is_empty()
        && whole
            .chars()
            .chain(part.chars())
            .all(|c| c.is_ascii_digit())
    {
        return Err(BudgetError::Fraction {
            text: text.to_owned(),
        });
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(BudgetError::NotABudget {
            text: text.to_owned(),
        });
    }
    digits.parse().map_err(|_| BudgetError::TooLarge {
        text: text.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::{group_thousands, parse_budget};

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(4450), "4,450");
        assert_eq!(group_thousands(169_051), "169,051");
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn parses_budgets_as_typed() {
        for text in ["4450", "4,450", "４，４５０", "４４５０", " 4,450千円 "] {
            assert_eq!(parse_budget(text, "千円"), Ok(4450), "{text}");
        }
        for bad in ["", "4.5", "-3", "abc", "4,450円"] {
            assert!(parse_budget(bad, "千円").is_err(), "{bad}");
        }
    }
}
