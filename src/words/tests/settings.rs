//! The settings' words.

use std::path::PathBuf;

use super::{Sample, assert_covered, quoting, sample};
use crate::config::{Bound, Misread, Mistake, SettingsError};
use crate::regular_file::ReadError;

pub fn every_settings_error() -> Vec<Sample> {
    let path = || PathBuf::from("/home/a/.config/actplan/config.ron");
    let misread = |mistake| Misread {
        line: 2,
        column: 13,
        mistake,
    };
    let not_utf8 = String::from_utf8(vec![0xff]).unwrap_err().utf8_error();
    let all = [
        SettingsError::Misread {
            path: path(),
            misread: misread(Mistake::Syntax(ron::Error::Eof)),
        },
        SettingsError::Unreadable {
            path: path(),
            reason: ReadError::NotAFile,
        },
        SettingsError::NotUtf8 {
            path: path(),
            reason: not_utf8,
        },
    ];
    let index = |e: &SettingsError| match e {
        SettingsError::Misread { .. } => 0,
        SettingsError::Unreadable { .. } => 1,
        SettingsError::NotUtf8 { .. } => 2,
    };
    assert_covered(all.iter().map(index), 3);
    let mut samples: Vec<Sample> = all.into_iter().map(sample).collect();
    let mistakes = [
        Mistake::OutOfBounds(Bound::Keys),
        Mistake::Syntax(ron::Error::Eof),
    ];
    let index = |m: &Mistake| match m {
        Mistake::OutOfBounds(_) => 0,
        Mistake::Syntax(_) => 1,
    };
    assert_covered(mistakes.iter().map(index), 2);
    samples.extend(mistakes.into_iter().map(|m| sample(misread(m))));
    let reasons = [
        ReadError::Io(std::io::Error::other("x")),
        ReadError::NotAFile,
        ReadError::TooLarge { limit: 64 << 10 },
    ];
    let index = |r: &ReadError| match r {
        ReadError::Io(_) => 0,
        ReadError::NotAFile => 1,
        ReadError::TooLarge { .. } => 2,
    };
    assert_covered(reasons.iter().map(index), 3);
    for reason in reasons {
        // The system's own words for an I/O error.
        let io = matches!(reason, ReadError::Io(_));
        if io {
            samples.push(quoting(reason));
        } else {
            samples.push(sample(reason));
        }
    }
    samples
}

pub fn every_bound() -> Vec<Sample> {
    let all = [
        Bound::Backups { count: 21 },
        Bound::PlansPath,
        Bound::Palette,
        Bound::Keys,
        Bound::KeyText { chars: 41 },
        Bound::Grades,
        Bound::GradeName { chars: 41 },
        Bound::GradeMarker { chars: 3 },
    ];
    let index = |b: &Bound| match b {
        Bound::Backups { .. } => 0,
        Bound::PlansPath => 1,
        Bound::Palette => 2,
        Bound::Keys => 3,
        Bound::KeyText { .. } => 4,
        Bound::Grades => 5,
        Bound::GradeName { .. } => 6,
        Bound::GradeMarker { .. } => 7,
    };
    assert_covered(all.iter().map(index), 8);
    all.into_iter().map(sample).collect()
}
