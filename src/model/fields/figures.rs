//! A project's budget figures besides the totalled one, as the editor
//! shows and reads them: one per line, a name and an amount
//! (`補正予算 1,200`); a name alone is a figure left blank.

use super::error::FieldError;
use super::read::non_empty_lines;
use crate::model::figures::Figure;
use crate::model::money::{group_thousands, parse_budget};
use crate::model::plan::Project;

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Every figure the plan names, stated or not (`決算` alone when blank),
/// then any the project states under a name the plan does not have.
pub(super) fn figures_text(names: &[String], project: &Project) -> String {
    let named = names.iter().map(|name| match project.figure(name) {
        Some(amount) => format!("{name} {}", group_thousands(amount)),
        None => name.clone(),
    });
    let others = project
        .figures
        .iter()
        .filter(|f| !names.contains(&f.name))
        .map(crate::model::figures::figure_line);
    named.chain(others).collect::<Vec<_>>().join("\n")
}

/// Reads the lines back in the plan's order of figures. A name the plan
/// does not have is refused, unless the project already had it (`check`
/// reports it; editing must not trap it).
pub(super) fn parse_figures(
    names: &[String],
    project: &Project,
    text: &str,
    unit: &str,
) -> Result<Vec<Figure>, FieldError> {
    let known = |name: &str| {
        names.iter().any(|n| n == name) || project.figures.iter().any(|f| f.name == name)
    };
    let mut read: Vec<Figure> = Vec::new();
    for line in non_empty_lines(text) {
        let line = line.trim_matches(is_space);
        let refuse = || FieldError::UnknownFigure {
            line: line.to_owned(),
            names: names.to_vec(),
        };
        if known(line) {
            continue;
        }
        let (name, amount) = line
            .rsplit_once(is_space)
            .map(|(n, a)| (n.trim_matches(is_space), a))
            .filter(|(n, _)| known(n))
            .ok_or_else(refuse)?;
        let amount = parse_budget(amount, unit)?;
        read.retain(|f| f.name != name);
        read.push(Figure {
            name: name.to_owned(),
            amount,
        });
    }
    let order = |f: &Figure| {
        names
            .iter()
            .position(|n| *n == f.name)
            .unwrap_or(usize::MAX)
    };
    read.sort_by_key(order);
    Ok(read)
}
