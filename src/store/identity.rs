//! Who and where the user is, for presence, conflict copies and the record
//! of who changed a project.

/// The login name of the account running actplan, looked up by its user
/// id (so it holds when `$USER` is unset, as under some SSH setups and
/// `sudo -u`); else `$USER` or `$LOGNAME`; else the number.
pub fn user() -> String {
    let uid = rustix::process::getuid().as_raw();
    account_name(uid)
        .or_else(|| {
            ["USER", "LOGNAME"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        })
        .unwrap_or_else(|| format!("uid {uid}"))
}

/// The login name of user id `uid`, or its number when it has none.
pub fn name_of(uid: u32) -> String {
    account_name(uid).unwrap_or_else(|| format!("uid {uid}"))
}

/// The account's name from the system's user database (files, LDAP, …).
#[allow(unsafe_code)] // getpwuid_r: rustix has no user database
fn account_name(uid: u32) -> Option<String> {
    // SAFETY: `passwd` is plain data (integers and pointers); all zeros is
    // a valid value, overwritten by the call.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: every pointer is to memory owned here and alive for the call;
    // `getpwuid_r` writes the entry's strings into `buffer` only.
    let status = unsafe {
        libc::getpwuid_r(
            uid,
            &raw mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &raw mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: on success `pw_name` points to a NUL-terminated string in
    // `buffer`, which is still alive.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    Some(name.to_string_lossy().into_owned()).filter(|n| !n.is_empty())
}

/// This machine's name.
pub fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

/// Local time as `20261128-103400`, for file names.
pub fn timestamp() -> String {
    chrono::Local::now().format("%Y%m%d-%H%M%S").to_string()
}

/// Six characters no one can guess, for names of new files in a shared
/// folder.
pub fn unguessable() -> String {
    let mut bytes = [0u8; 6];
    if rustix::rand::getrandom(&mut bytes, rustix::rand::GetRandomFlags::empty()).is_err() {
        // Not expected on Linux; the time still makes the name unlikely,
        // and every such file is created with O_EXCL.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes.copy_from_slice(&nanos.to_le_bytes()[..6]);
    }
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    bytes
        .iter()
        .map(|b| DIGITS[usize::from(*b) % DIGITS.len()] as char)
        .collect()
}

/// Whether process `pid` is alive on this machine.
pub fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_account_is_found_without_the_environment() {
        // Root always has an entry; the lookup does not read `$USER`.
        assert_eq!(super::name_of(0), "root");
        assert_eq!(super::name_of(4_000_000_000), "uid 4000000000");
    }

    #[test]
    fn names_are_not_repeated() {
        let a = super::unguessable();
        assert_eq!(a.len(), 6);
        assert_ne!(a, super::unguessable());
    }
}
