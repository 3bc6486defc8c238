use std::io::Write;
use std::path::PathBuf;

use super::{OK, PROBLEM, load_all, neutral, shown};
use crate::store;

pub fn run(paths: &[PathBuf], check_only: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (loaded, failed) = load_all(paths, err);
    let mut code = if failed { PROBLEM } else { OK };
    for (path, loaded) in loaded {
        let canonical = store::to_canonical(&loaded.plan);
        let current = std::fs::read(&path).unwrap_or_default();
        if current == canonical.as_bytes() {
            continue;
        }
        if check_only {
            let _ = writeln!(
                out,
                "{}: not in canonical form (run `actplan fmt` to rewrite it)",
                shown(&path)
            );
            code = PROBLEM;
            continue;
        }
        match store::save(&path, &loaded.plan) {
            Ok(()) => {
                let _ = writeln!(out, "{}: formatted", shown(&path));
                let comments = loaded.source.comments().len();
                if comments > 0 {
                    let _ = writeln!(
                        err,
                        "{}: warning: {comments} comment(s) dropped",
                        shown(&path)
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{}", neutral::one_line(&e.to_string()));
                code = PROBLEM;
            }
        }
    }
    code
}
