//! Where a node lives inside one plan, by index. Tree rows add the KPI a
//! measure is shown under; the plan itself only knows this.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Address {
    Plan,
    /// A heading above strategies, by its index in `Plan::headings`.
    Heading(usize),
    Strategy(usize),
    Kpi(usize, usize),
    Measure(usize, usize),
    Project(usize, usize, usize),
}

/// A path to a value in the plan file, e.g. `strategies[0].measures[2].name`;
/// used to point at the line and column a problem comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldPath(String);

impl FieldPath {
    pub fn root() -> Self {
        Self(String::new())
    }

    #[must_use]
    pub fn field(&self, name: &str) -> Self {
        if self.0.is_empty() {
            Self(name.to_owned())
        } else {
            Self(format!("{}.{name}", self.0))
        }
    }

    #[must_use]
    pub fn index(&self, i: usize) -> Self {
        Self(format!("{}[{i}]", self.0))
    }

    /// A node of a list named by its id, not its place: `projects[#3f9c…]`.
    /// Merges address conflicts so, as the two sides' places may differ.
    #[must_use]
    pub fn node(&self, id: &str) -> Self {
        Self(format!("{}[#{id}]", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path one step up, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        if self.0.is_empty() {
            return None;
        }
        let cut = self.0.rfind(['.', '[']).unwrap_or(0);
        Some(Self(self.0[..cut].to_owned()))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Address {
    /// The path of this node in the file.
    pub fn path(self) -> FieldPath {
        let root = FieldPath::root();
        let strategy = |s| root.field("strategies").index(s);
        match self {
            Address::Plan => root,
            Address::Heading(h) => root.field("headings").index(h),
            Address::Strategy(s) => strategy(s),
            Address::Kpi(s, k) => strategy(s).field("kpis").index(k),
            Address::Measure(s, m) => strategy(s).field("measures").index(m),
            Address::Project(s, m, p) => strategy(s)
                .field("measures")
                .index(m)
                .field("projects")
                .index(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Address, FieldPath};

    #[test]
    fn paths_name_the_value_in_the_file() {
        let p = Address::Project(0, 2, 1).path().field("period");
        assert_eq!(p.as_str(), "strategies[0].measures[2].projects[1].period");
        assert_eq!(
            p.parent().unwrap().as_str(),
            "strategies[0].measures[2].projects[1]"
        );
        assert_eq!(
            FieldPath::root().field("title").parent(),
            Some(FieldPath::root())
        );
    }
}
