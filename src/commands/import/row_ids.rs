//! The ID column: `S/K+K/M/P` as `export` writes it, `S/M/P` as earlier
//! versions did, or a project's id alone.

use crate::model::ids;

/// The ids a row of the table gives its nodes; empty where it gives none,
/// so those nodes get the ids of their place, as in a plan file.
#[derive(Debug, Default)]
pub struct RowIds {
    pub strategy: String,
    pub kpis: Vec<String>,
    pub measure: String,
    pub project: String,
}

impl RowIds {
    /// The ids of a cell; `None` when it holds something else.
    pub fn read(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.split('/').collect();
        let kpis = |k: &str| -> Option<Vec<String>> {
            let ids: Vec<&str> = k.split('+').filter(|id| !id.is_empty()).collect();
            ids.iter()
                .all(|id| ids::is_valid(id))
                .then(|| ids.into_iter().map(str::to_owned).collect())
        };
        let valid = |nodes: &[&str]| nodes.iter().all(|id| ids::is_valid(id));
        match parts[..] {
            [""] => Some(Self::default()),
            [s, k, m, p] if valid(&[s, m, p]) => Some(Self {
                strategy: s.to_owned(),
                kpis: kpis(k)?,
                measure: m.to_owned(),
                project: p.to_owned(),
            }),
            [s, m, p] if valid(&[s, m, p]) => Some(Self {
                strategy: s.to_owned(),
                kpis: Vec::new(),
                measure: m.to_owned(),
                project: p.to_owned(),
            }),
            [p] if ids::is_valid(p) => Some(Self {
                project: p.to_owned(),
                ..Self::default()
            }),
            _ => None,
        }
    }
}
