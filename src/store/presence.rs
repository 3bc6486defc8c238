//! Who has a plan open for editing: a small file beside the plan,
//! `.NAME.presence`, one entry per running actplan. It informs; it never
//! blocks. Entries of processes that died on this host, or older than a day,
//! are ignored and dropped.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Local};
use serde::{Deserialize, Serialize};

use super::{WriteOptions, identity, write_atomically};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the plan was opened, RFC 3339 local time.
    pub since: String,
}

impl Entry {
    /// This process.
    pub fn me() -> Self {
        Self {
            user: identity::user(),
            host: identity::host(),
            pid: std::process::id(),
            since: Local::now().to_rfc3339(),
        }
    }

    fn is_me(&self) -> bool {
        self.pid == std::process::id() && self.host == identity::host()
    }

    /// A process of this host that is gone, or an entry older than a day.
    fn is_stale(&self, now: DateTime<Local>) -> bool {
        let dead_here =
            self.host == identity::host() && !Path::new(&format!("/proc/{}", self.pid)).exists();
        let too_old = DateTime::parse_from_rfc3339(&self.since)
            .map_or(true, |t| now - t.with_timezone(&Local) > Duration::days(1));
        dead_here || too_old
    }

    /// `alice@srv1 since 11-28 10:32`.
    pub fn describe(&self) -> String {
        let since = DateTime::parse_from_rfc3339(&self.since)
            .map(|t| t.with_timezone(&Local).format("%m-%d %H:%M").to_string())
            .unwrap_or_else(|_| self.since.clone());
        format!("{}@{} since {since}", self.user, self.host)
    }
}

/// `.NAME.presence` beside the plan.
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    plan.with_file_name(format!(".{name}.presence"))
}

/// Everyone else who has the plan open now.
pub fn others(plan: &Path) -> Vec<Entry> {
    let now = Local::now();
    read(plan)
        .into_iter()
        .filter(|e| !e.is_me() && !e.is_stale(now))
        .collect()
}

/// Adds this process to the plan's presence file.
pub fn announce(plan: &Path) {
    let mut entries = others(plan);
    entries.push(Entry::me());
    write(plan, &entries);
}

/// Takes this process out of the plan's presence file.
pub fn withdraw(plan: &Path) {
    let entries = others(plan);
    if entries.is_empty() {
        let _ = std::fs::remove_file(path_for(plan));
    } else {
        write(plan, &entries);
    }
}

fn read(plan: &Path) -> Vec<Entry> {
    std::fs::read_to_string(path_for(plan))
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

/// Presence is a courtesy: a folder this user cannot write in just means
/// others will not see them.
fn write(plan: &Path, entries: &[Entry]) {
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false);
    if let Ok(text) = ron::ser::to_string_pretty(&entries, config) {
        let _ = write_atomically(&path_for(plan), text.as_bytes(), WriteOptions::COPY);
    }
}
