//! The labels of the tables' numbered series (①, ⅰ, （１）, …): what the
//! next node of a kind is numbered.

/// The label after the highest of a numbered series the tables use:
/// ① ② …, ⅰ ⅱ …, Ⅰ Ⅱ …, （１）（２）…, 1 2 …. Never one already used, and
/// never empty when there are labels (a KPI is linked by its label).
pub fn next_label<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    let labels: Vec<&str> = labels.collect();
    if labels.is_empty() {
        return String::new();
    }
    let taken = |l: &str| labels.contains(&l);
    let series: [&[char]; 3] = [
        &[
            '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰',
            '⑱', '⑲', '⑳',
        ],
        &['ⅰ', 'ⅱ', 'ⅲ', 'ⅳ', 'ⅴ', 'ⅵ', 'ⅶ', 'ⅷ', 'ⅸ', 'ⅹ', 'ⅺ', 'ⅻ'],
        &['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'],
    ];
    for list in series {
        let highest = labels
            .iter()
            .filter_map(|l| {
                let mut chars = l.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => list.iter().position(|x| *x == c),
                    _ => None,
                }
            })
            .max();
        if let Some(next) = highest
            .and_then(|i| list.get(i + 1))
            .map(ToString::to_string)
            && !taken(&next)
        {
            return next;
        }
    }
    // A number inside any brackets, full-width or not: （６） → （７）.
    let numbered = labels
        .iter()
        .filter_map(|l| {
            let digits: String = super::dates::normalize(l)
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            digits.parse::<u32>().ok().map(|n| (n, *l))
        })
        .max();
    let (mut n, pattern) =
        numbered.unwrap_or((u32::try_from(labels.len()).unwrap_or(u32::MAX), ""));
    loop {
        n = n.saturating_add(1);
        let candidate = renumber(pattern, n);
        if !taken(&candidate) {
            return candidate;
        }
    }
}

/// `pattern` with its number replaced by `n`, in the same width of digits:
/// (`（６）`, 7) → `（７）`; an empty pattern gives the plain number.
fn renumber(pattern: &str, n: u32) -> String {
    let is_digit = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c);
    let full_width = pattern.chars().any(|c| ('０'..='９').contains(&c));
    let number: String = n
        .to_string()
        .chars()
        .map(|c| {
            if full_width {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let prefix: String = pattern.chars().take_while(|c| !is_digit(c)).collect();
    let suffix: String = pattern
        .chars()
        .skip_while(|c| !is_digit(c))
        .skip_while(is_digit)
        .collect();
    format!("{prefix}{number}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::next_label;

    #[test]
    fn labels_continue_their_series() {
        assert_eq!(next_label(["①", "②", "③"].into_iter()), "④");
        assert_eq!(next_label(["ⅰ", "ⅱ"].into_iter()), "ⅲ");
        assert_eq!(next_label(["（６）"].into_iter()), "（７）");
        assert_eq!(next_label(["(9)"].into_iter()), "(10)");
        assert_eq!(
            next_label(["ⅰ", "ⅲ", "ⅱ"].into_iter()),
            "ⅳ",
            "after the highest, not the last"
        );
        assert_eq!(
            next_label(["A"].into_iter()),
            "2",
            "never empty when labels exist"
        );
        assert_eq!(next_label(["ⅻ"].into_iter()), "2");
        assert_eq!(next_label(std::iter::empty()), "");
    }
}
