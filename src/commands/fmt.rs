use std::path::PathBuf;

use super::{OK, PROBLEM, Said, Speaker, load_all};
use crate::store;

pub fn run(paths: &[PathBuf], check_only: bool, mut to: Speaker) -> u8 {
    let (loaded, failed) = load_all(paths, &mut to);
    let mut code = if failed { PROBLEM } else { OK };
    for (path, loaded) in loaded {
        let canonical = store::to_canonical(&loaded.plan);
        let current = std::fs::read(&path).unwrap_or_default();
        if current == canonical.as_bytes() {
            continue;
        }
        if check_only {
            to.say(&Said::NotCanonical { file: path });
            code = PROBLEM;
            continue;
        }
        match store::save(&path, &loaded.plan) {
            Ok(()) => {
                let count = loaded.source.comments().len();
                to.say(&Said::Formatted { file: path.clone() });
                if count > 0 {
                    to.tell(&Said::CommentsDropped { file: path, count });
                }
            }
            Err(e) => {
                to.failed(&e);
                code = PROBLEM;
            }
        }
    }
    code
}
