//! The loader never panics: random bytes, and plans with random damage.
//! Runs a few hundred cases per property, in a second or two.

use std::path::Path;

use actplan::commands::check::diagnostics;
use actplan::store;
use proptest::prelude::*;

const SEED: &str = include_str!("../plans/r5-growth-strategy.ron");

fn load_everything(bytes: &[u8]) {
    let path = Path::new("fuzz.ron");
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(loaded) = store::parse(path, text) {
        let _ = diagnostics("fuzz.ron", &loaded);
        let _ = store::to_canonical(&loaded.plan);
        let _ = actplan::tree::Tree::build(&[&loaded.plan], Default::default());
    }
}

#[derive(Debug, Clone)]
enum Damage {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    let len = SEED.len();
    prop_oneof![
        (0..len, 1..64usize).prop_map(|(at, n)| Damage::Delete(at, n)),
        (
            0..len,
            prop::sample::select(vec![
                "(",
                ")",
                "[",
                "]",
                "\"",
                ",",
                ":",
                "r#\"",
                "//",
                "/*",
                "～",
                "R5.",
                "9999999999999999999999",
                "\\u{",
                "\n"
            ])
        )
            .prop_map(|(at, s)| Damage::Insert(at, s.to_owned())),
        (0..len, any::<u8>()).prop_map(|(at, b)| Damage::Replace(at, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    match damage {
        Damage::Delete(at, n) => {
            let at = (*at).min(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Damage::Insert(at, s) => {
            let at = (*at).min(bytes.len());
            bytes.splice(at..at, s.bytes());
        }
        Damage::Replace(at, b) => {
            if let Some(x) = bytes.get_mut(*at) {
                *x = *b;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        load_everything(&bytes);
    }

    #[test]
    fn random_ron_shaped_text_never_panics(text in "[()\\[\\]{}:,\"a-z0-9 \n/*#r～]{0,400}") {
        load_everything(text.as_bytes());
        let _ = actplan::store::SourceMap::scan(&text);
    }

    #[test]
    fn damaged_plans_never_panic(damages in prop::collection::vec(damage(), 1..6)) {
        let mut bytes = SEED.as_bytes().to_vec();
        for d in &damages {
            apply(&mut bytes, d);
        }
        load_everything(&bytes);
    }
}
