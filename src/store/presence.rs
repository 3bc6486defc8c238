//! Who has a plan open for editing: one small file per user beside the
//! plan, `.NAME.presence.USER`, written only by that user and listing
//! their running sessions. It informs; it never blocks. The name shown is
//! the file's owner, not what the file says, so nobody can appear as
//! someone else. Sessions refresh their entry every minute; an entry not
//! refreshed for a few minutes, or of a process of this host that is gone,
//! is ignored. Files that are not small regular files are ignored.

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use chrono::{DateTime, Duration, Local};
use serde::{Deserialize, Serialize};

use super::atomic::{WriteOptions, write_atomically};
use super::folder::{Folder, Place};
use super::identity;

/// Larger presence files are not read: a user's sessions fit in far less.
const MAX_BYTES: u64 = 64 * 1024;
/// Presence files looked at per plan, and sessions kept per file.
const MAX_FILES: usize = 64;
const MAX_SESSIONS: usize = 16;
/// Folder entries looked through to find presence files.
const MAX_SCAN: usize = 100_000;
/// How often a session refreshes its entry, and how long one lasts without.
pub const REFRESH: Duration = Duration::minutes(1);
const LASTS: Duration = Duration::minutes(3);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The owner of the file the entry was read from.
    #[serde(skip)]
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the plan was opened, RFC 3339 local time.
    pub since: String,
    /// When the session last said it is still there.
    pub seen: String,
}

impl Entry {
    /// This process.
    fn me() -> Self {
        let now = Local::now().to_rfc3339();
        Self {
            user: identity::user(),
            host: identity::host(),
            pid: std::process::id(),
            since: now.clone(),
            seen: now,
        }
    }

    fn is_me(&self) -> bool {
        self.pid == std::process::id() && self.host == identity::host()
    }

    /// A process of this host that is gone, or one not seen for a while.
    fn is_stale(&self, now: DateTime<Local>) -> bool {
        let dead_here = self.host == identity::host() && !identity::alive(self.pid);
        let unseen = DateTime::parse_from_rfc3339(&self.seen)
            .map_or(true, |t| now - t.with_timezone(&Local) > LASTS);
        dead_here || unseen
    }

    /// `alice@srv1 since 11-28 10:32`.
    pub fn describe(&self) -> String {
        let since = DateTime::parse_from_rfc3339(&self.since)
            .map(|t| t.with_timezone(&Local).format("%m-%d %H:%M").to_string())
            .unwrap_or_else(|_| self.since.clone());
        format!("{}@{} since {since}", self.user, self.host)
    }
}

/// `.NAME.presence.` beside the plan: the start of every user's file.
fn prefix(name: &std::ffi::OsStr) -> Vec<u8> {
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_bytes());
    prefix.extend_from_slice(b".presence.");
    prefix
}

/// Everyone else who has the plan open now.
pub fn others(plan: &Path) -> Vec<Entry> {
    let Ok(place) = Place::resolve(plan) else {
        return Vec::new();
    };
    let now = Local::now();
    let prefix = prefix(&place.name);
    let mut found: Vec<Entry> = place
        .folder
        .names_with_prefix(&prefix, MAX_FILES, MAX_SCAN)
        .iter()
        .flat_map(|name| read(&place.folder, name))
        .filter(|e| !e.is_me() && !e.is_stale(now))
        .collect();
    found.sort_by(|a, b| (&a.user, &a.since).cmp(&(&b.user, &b.since)));
    found
}

/// Adds this process to the user's presence file of the plan, or
/// refreshes its entry.
pub fn announce(plan: &Path) {
    update(plan, |entries| {
        let mut me = Entry::me();
        if let Some(old) = entries.iter().find(|e| e.is_me()) {
            me.since.clone_from(&old.since);
        }
        entries.retain(|e| !e.is_me());
        entries.push(me);
    });
}

/// Takes this process out of the user's presence file of the plan.
pub fn withdraw(plan: &Path) {
    update(plan, |entries| entries.retain(|e| !e.is_me()));
}

/// Reads the user's own file, changes its entries, writes it back (or
/// removes it when no session is left). Presence is a courtesy: a folder
/// this user cannot write in just means others will not see them.
fn update(plan: &Path, change: impl FnOnce(&mut Vec<Entry>)) {
    let Ok(place) = Place::resolve(plan) else {
        return;
    };
    let mut name = OsString::from(std::ffi::OsStr::from_bytes(&prefix(&place.name)));
    name.push(identity::user());
    let now = Local::now();
    let mut entries: Vec<Entry> = read(&place.folder, &name)
        .into_iter()
        .filter(|e| e.is_me() || !e.is_stale(now))
        .collect();
    change(&mut entries);
    entries.truncate(MAX_SESSIONS);
    let path = place.folder.path().join(&name);
    if entries.is_empty() {
        let _ = place.folder.remove(&name);
        return;
    }
    let config = ron::ser::PrettyConfig::new()
        .escape_strings(false)
        .struct_names(false);
    // Readable by whoever may read the plan, writable by the user only.
    let options = WriteOptions {
        mode: Some(place.found.as_ref().map_or(0o644, |s| s.st_mode & 0o444) | 0o600),
        ..WriteOptions::COPY
    };
    if let Ok(text) = ron::ser::to_string_pretty(&entries, config) {
        let _ = write_atomically(&path, text.as_bytes(), options);
    }
}

/// The sessions in one presence file, named after its owner; nothing for
/// a file that is a link, not regular, too large or not ours to parse.
fn read(folder: &Folder, name: &std::ffi::OsStr) -> Vec<Entry> {
    let Ok((file, stat)) = folder.open_regular(name) else {
        return Vec::new();
    };
    if u64::try_from(stat.st_size).unwrap_or(u64::MAX) > MAX_BYTES {
        return Vec::new();
    }
    let mut text = String::new();
    if file.take(MAX_BYTES).read_to_string(&mut text).is_err() {
        return Vec::new();
    }
    let owner = identity::name_of(stat.st_uid);
    let mut entries: Vec<Entry> = ron::from_str(&text).unwrap_or_default();
    entries.truncate(MAX_SESSIONS);
    for entry in &mut entries {
        entry.user.clone_from(&owner);
    }
    entries
}
