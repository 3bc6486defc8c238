//! Through a real SSH server: OpenSSH's `sshd` on 127.0.0.1 with throwaway
//! keys, actplan run through `ssh -tt`, an edit typed, the SSH client
//! killed. The edit must be in the recovery file, and the next start must
//! restore it. The server accepts no locale from the client, as SSH from
//! Windows often sends none: the session speaks Japanese.
//!
//! Needs `sshd`; `.ci/run` installs OpenSSH and runs this with `--ignored`,
//! and says so when it cannot.

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::pty::{Session, plan_dir};
use portable_pty::CommandBuilder;

const SSHD: &str = "/usr/sbin/sshd";
const ENTRY: &str = "R5.11 SSH切断テスト";

/// An `sshd` of our own, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen runs");
    assert!(status.success());
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(dir: &Path) -> Server {
    keygen(&dir.join("host_key"));
    keygen(&dir.join("user_key"));
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    let port = free_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {dir}/host_key\nAuthorizedKeysFile {dir}/authorized_keys\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n\
         PermitRootLogin prohibit-password\nPidFile {dir}/sshd.pid\n",
        dir = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    std::fs::create_dir_all("/run/sshd").ok();
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stderr(Stdio::null())
        .spawn()
        .expect("sshd starts");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "sshd did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server { child, port }
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `ssh -tt` to our server, running actplan in `dir`.
fn ssh_actplan(server: &Server, dir: &Path) -> Session {
    let mut cmd = CommandBuilder::new("ssh");
    cmd.args([
        "-tt",
        "-p",
        &server.port.to_string(),
        "-i",
        &dir.join("user_key").display().to_string(),
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "LogLevel=ERROR",
        &format!("{}@127.0.0.1", user()),
        &format!(
            "cd '{}' && XDG_STATE_HOME='{}' TERM=xterm-256color exec '{}'",
            dir.display(),
            dir.join("state").display(),
            env!("CARGO_BIN_EXE_actplan")
        ),
    ]);
    Session::spawn(cmd, dir, (100, 30))
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("state/actplan"))
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
#[ignore = "needs OpenSSH's sshd; .ci/run installs it and runs this test"]
fn a_dropped_ssh_connection_keeps_the_edit_and_the_next_start_restores_it() {
    assert!(Path::new(SSHD).exists(), "{SSHD} is not installed");
    let dir = plan_dir();
    std::fs::create_dir(dir.path().join("state")).unwrap();
    let server = start_server(dir.path());

    let mut session = ssh_actplan(&server, dir.path());
    session.wait_for_text("169,051");
    session.go_to(common::drive::seed::PLATFORM);
    session.send(b"e");
    session.wait_for_text("編集: 進捗状況やスケジュール");
    session.send(ENTRY.as_bytes());
    session.wait_for_text(ENTRY);
    session.send(b"\x1b");
    session.wait_for_text("[+]");

    // The client dies; the server hangs up actplan's terminal.
    let client = session.pid().to_string();
    Command::new("kill")
        .args(["-KILL", &client])
        .status()
        .unwrap();
    session.wait_exit();
    let deadline = Instant::now() + Duration::from_secs(10);
    let text = loop {
        if let Some(file) = recovery_files(dir.path()).first()
            && let Ok(text) = std::fs::read_to_string(file)
            && text.contains("SSH切断テスト")
        {
            break text;
        }
        assert!(Instant::now() < deadline, "no recovery file with the edit");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(text.contains("(date: \"R5.11\", text: \"SSH切断テスト\")"));
    let plan = dir.path().join("plans/r5-growth-strategy.ron");
    assert!(
        !std::fs::read_to_string(&plan)
            .unwrap()
            .contains("SSH切断テスト"),
        "not saved yet"
    );

    // Back through SSH: the edit is offered, restored and saved.
    let mut session = ssh_actplan(&server, dir.path());
    session.wait_for_text("復元できる未保存の編集");
    session.wait_for_text(&format!("+ {ENTRY}"));
    session.send(b"r");
    session.wait_for_text("1 件の変更を復元しました");
    session.send(b"w");
    session.wait_for_text("を保存しました");
    session.send(b"q");
    session.wait_exit();
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("(date: \"R5.11\", text: \"SSH切断テスト\"),")
    );
}
