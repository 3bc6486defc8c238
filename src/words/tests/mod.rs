//! Every message, in both languages: a value of each variant of each
//! message type is said in Japanese and in English; neither is empty and
//! the Japanese has Japanese in it. Each walk matches its type without a
//! wildcard, so a new variant fails here until it is given a sample.

mod commands;
mod keys;
mod shown;
mod tell;

use super::{Lang, Say};

/// Hiragana, katakana, kanji or full-width forms.
pub fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}' | '\u{3000}'..='\u{303f}')
    })
}

/// The variants' indices cover `0..count`: each variant has a sample.
pub fn assert_covered(indices: impl Iterator<Item = usize>, count: usize) {
    let mut seen = vec![false; count];
    for i in indices {
        seen[i] = true;
    }
    let missing: Vec<usize> = (0..count).filter(|&i| !seen[i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

/// Said in English, and differently in Japanese, with Japanese words.
pub fn says_both(message: &impl Say) {
    let (en, ja) = (message.say(Lang::En), message.say(Lang::Ja));
    assert!(!en.is_empty(), "empty English");
    assert_ne!(ja, en, "not said in Japanese");
    assert!(
        ja.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')),
        "no Japanese in {ja}"
    );
}

/// `all` has one value per variant, in the order of `variant`'s match.
pub fn each_once<T>(all: &[T], variant: impl Fn(&T) -> usize) {
    let order: Vec<usize> = all.iter().map(variant).collect();
    assert_eq!(order, (0..all.len()).collect::<Vec<_>>(), "one per variant");
}

/// A sample message, and whether its Japanese must hold Japanese (not for
/// messages that quote someone else's words whole: the operating system's,
/// clap's, or the model's until its errors are typed).
pub struct Sample {
    pub said: Box<dyn Say>,
    pub japanese: bool,
}

pub fn sample(said: impl Say + 'static) -> Sample {
    Sample {
        said: Box::new(said),
        japanese: true,
    }
}

pub fn quoting(said: impl Say + 'static) -> Sample {
    Sample {
        said: Box::new(said),
        japanese: false,
    }
}

fn check(samples: Vec<Sample>) {
    for Sample { said, japanese } in samples {
        let ja = said.say(Lang::Ja);
        let en = said.say(Lang::En);
        assert!(!en.trim().is_empty(), "English is empty (Japanese: {ja})");
        assert!(!ja.trim().is_empty(), "Japanese is empty (English: {en})");
        if japanese {
            assert!(has_japanese(&ja), "no Japanese in {ja:?} (English: {en})");
        }
    }
}

#[test]
fn every_subcommand_message_is_said_in_both_languages() {
    check(commands::every_said());
    check(commands::every_command_error());
    check(commands::every_import_problem());
    check(commands::every_usage_error());
}

#[test]
fn every_key_word_is_said_in_both_languages() {
    check(keys::every_context());
    check(keys::every_hint());
    check(keys::every_doing());
    check(keys::every_key_error());
}

#[test]
fn everything_the_app_tells_is_said_in_both_languages() {
    check(tell::every_said());
    check(tell::every_change());
    check(tell::every_notice());
    check(tell::every_ended());
    check(shown::every_asked());
}

#[test]
fn every_word_of_the_interface_is_said_in_both_languages() {
    check(shown::every_label());
    check(shown::every_pane());
}

#[test]
fn the_check_fails_when_a_message_has_no_japanese() {
    struct English;
    impl Say for English {
        fn say(&self, _: Lang) -> String {
            "only English".to_owned()
        }
    }
    let result = std::panic::catch_unwind(|| check(vec![sample(English)]));
    assert!(result.is_err());
    assert!(has_japanese("保存しました") && has_japanese("ツリー"));
    assert!(!has_japanese("saved (1/2)"));
}
