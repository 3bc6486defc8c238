//! Every message of the store and the settings, in both languages. Each
//! list has one value per variant, in the order of the `match` beside it,
//! which has no wildcard: a new variant does not compile until it is listed.

use std::io;
use std::path::PathBuf;

use crate::config::ConfigProblem;
use crate::config::bounds::Bound;
use crate::model::period::{PeriodError, PeriodReason};
use crate::regular_file::ReadError;
use crate::store::refusal::{FileKind, IoProblem, Refusal};
use crate::store::syntax::{Syntax, SyntaxError, Token};
use crate::store::{LoadError, LoadReason, Position, SaveError};
use crate::words::tests::{each_once, says_both};

fn path() -> PathBuf {
    PathBuf::from("plans/a.ron")
}

fn io_problems() -> Vec<IoProblem> {
    let all = vec![
        IoProblem::PermissionDenied,
        IoProblem::DiskFull,
        IoProblem::FileTooLarge,
        IoProblem::ReadOnly,
        IoProblem::NotADirectory,
        IoProblem::Other("Input/output error (os error 5)".to_owned()),
    ];
    each_once(&all, |p| match p {
        IoProblem::PermissionDenied => 0,
        IoProblem::DiskFull => 1,
        IoProblem::FileTooLarge => 2,
        IoProblem::ReadOnly => 3,
        IoProblem::NotADirectory => 4,
        IoProblem::Other(_) => 5,
    });
    all
}

fn refusals() -> Vec<Refusal> {
    let kinds = [
        FileKind::Pipe,
        FileKind::Folder,
        FileKind::Device,
        FileKind::Socket,
        FileKind::Other,
    ];
    each_once(&kinds, |k| match k {
        FileKind::Pipe => 0,
        FileKind::Folder => 1,
        FileKind::Device => 2,
        FileKind::Socket => 3,
        FileKind::Other => 4,
    });
    let mut all = vec![
        Refusal::ForeignLink {
            path: path(),
            owner: "tanaka".to_owned(),
        },
        Refusal::NotRegular {
            path: path(),
            kind: FileKind::Pipe,
        },
        Refusal::TooLarge {
            path: path(),
            size: 2 << 30,
            limit: 1 << 30,
        },
        Refusal::TooManyLinks { path: path() },
        Refusal::LockHeld { path: path() },
        Refusal::NoLock {
            path: path(),
            problem: IoProblem::ReadOnly,
        },
        Refusal::NoRecoveryFolder { path: path() },
        Refusal::NotAFileName { path: path() },
        Refusal::NoFreeName { path: path() },
    ];
    each_once(&all, |r| match r {
        Refusal::ForeignLink { .. } => 0,
        Refusal::NotRegular { .. } => 1,
        Refusal::TooLarge { .. } => 2,
        Refusal::TooManyLinks { .. } => 3,
        Refusal::LockHeld { .. } => 4,
        Refusal::NoLock { .. } => 5,
        Refusal::NoRecoveryFolder { .. } => 6,
        Refusal::NotAFileName { .. } => 7,
        Refusal::NoFreeName { .. } => 8,
    });
    all.extend(kinds.map(|kind| Refusal::NotRegular { path: path(), kind }));
    all.extend(io_problems().into_iter().map(|problem| Refusal::NoLock {
        path: path(),
        problem,
    }));
    all
}

/// Every mistake in RON text, refusing with `refused`.
fn syntax<R: Clone>(refused: R) -> Vec<Syntax<R>> {
    use Syntax as S;
    let fields: &'static [&'static str] = &["name", "budget", "period"];
    let outer = || Some("Project".to_owned());
    let all = vec![
        S::UnexpectedEnd,
        S::Expected(Token::Comma),
        S::UnderscoreInFloat,
        S::UnderscoreAtBeginning,
        S::DifferentStructName {
            expected: "Project",
            found: "Measure".to_owned(),
        },
        S::NamedStruct { name: "Project" },
        S::StructName {
            name: "Project".to_owned(),
        },
        S::InvalidEscape {
            detail: "Unknown escape character",
        },
        S::IntegerOutOfBounds,
        S::InvalidDigit {
            digit: 'z',
            base: 10,
        },
        S::NoSuchExtension {
            name: "foo".to_owned(),
        },
        S::UnclosedBlockComment,
        S::UnclosedLineComment,
        S::UnexpectedChar { found: '@' },
        S::NotUtf8 {
            detail: "invalid utf-8 sequence".to_owned(),
        },
        S::TrailingCharacters,
        S::WrongValue {
            expected: "u64".to_owned(),
            found: "the string \"two\"".to_owned(),
        },
        S::WrongLength {
            expected: "a tuple of size 2".to_owned(),
            found: 3,
        },
        S::UnknownVariant {
            expected: &["AtLeast", "AtMost"],
            found: "Above".to_owned(),
            outer: None,
        },
        S::UnknownField {
            expected: fields,
            found: "budjet".to_owned(),
            outer: outer(),
        },
        S::MissingField {
            field: "overview",
            outer: outer(),
        },
        S::DuplicateField {
            field: "name",
            outer: None,
        },
        S::InvalidIdentifier {
            text: "a b".to_owned(),
        },
        S::SuggestRawIdentifier {
            text: "type".to_owned(),
        },
        S::RecursionLimit,
        S::Refused(refused),
        S::Amount(crate::model::money::BudgetError::Fraction {
            text: "33.6".to_owned(),
        }),
        S::Other {
            text: "something else".to_owned(),
        },
    ];
    each_once(&all, |s| match s {
        S::UnexpectedEnd => 0,
        S::Expected(_) => 1,
        S::UnderscoreInFloat => 2,
        S::UnderscoreAtBeginning => 3,
        S::DifferentStructName { .. } => 4,
        S::NamedStruct { .. } => 5,
        S::StructName { .. } => 6,
        S::InvalidEscape { .. } => 7,
        S::IntegerOutOfBounds => 8,
        S::InvalidDigit { .. } => 9,
        S::NoSuchExtension { .. } => 10,
        S::UnclosedBlockComment => 11,
        S::UnclosedLineComment => 12,
        S::UnexpectedChar { .. } => 13,
        S::NotUtf8 { .. } => 14,
        S::TrailingCharacters => 15,
        S::WrongValue { .. } => 16,
        S::WrongLength { .. } => 17,
        S::UnknownVariant { .. } => 18,
        S::UnknownField { .. } => 19,
        S::MissingField { .. } => 20,
        S::DuplicateField { .. } => 21,
        S::InvalidIdentifier { .. } => 22,
        S::SuggestRawIdentifier { .. } => 23,
        S::RecursionLimit => 24,
        S::Refused(_) => 25,
        S::Amount(_) => 26,
        S::Other { .. } => 27,
    });
    all
}

fn period() -> PeriodError {
    PeriodError {
        text: "R5.13".to_owned(),
        reason: PeriodReason::NoEnds,
    }
}

fn load_reasons() -> Vec<LoadReason> {
    let mut all = vec![
        LoadReason::NotFound,
        LoadReason::PermissionDenied,
        LoadReason::CannotRead {
            error: "Input/output error (os error 5)".to_owned(),
        },
        LoadReason::Refused(Refusal::LockHeld { path: path() }),
        LoadReason::IsDirectory,
        LoadReason::NoPlanFiles,
        LoadReason::Empty,
        LoadReason::NotUtf8,
        LoadReason::ShiftJis { path: path() },
        LoadReason::Syntax(Syntax::Expected(Token::Comma)),
        LoadReason::Stopped,
        LoadReason::RecoveryUnreadable {
            error: "Permission denied (os error 13)".to_owned(),
        },
    ];
    each_once(&all, |r| match r {
        LoadReason::NotFound => 0,
        LoadReason::PermissionDenied => 1,
        LoadReason::CannotRead { .. } => 2,
        LoadReason::Refused(_) => 3,
        LoadReason::IsDirectory => 4,
        LoadReason::NoPlanFiles => 5,
        LoadReason::Empty => 6,
        LoadReason::NotUtf8 => 7,
        LoadReason::ShiftJis { .. } => 8,
        LoadReason::Syntax(_) => 9,
        LoadReason::Stopped => 10,
        LoadReason::RecoveryUnreadable { .. } => 11,
    });
    all.extend(refusals().into_iter().map(LoadReason::Refused));
    all.extend(syntax(period()).into_iter().map(LoadReason::Syntax));
    all
}

fn load_errors() -> Vec<LoadError> {
    let at = Position {
        line: 30,
        column: 29,
    };
    let all = vec![
        LoadError::File {
            path: path(),
            reason: LoadReason::Empty,
        },
        LoadError::At {
            path: path(),
            at,
            reason: LoadReason::Syntax(Syntax::Expected(Token::Comma)),
        },
    ];
    each_once(&all, |e| match e {
        LoadError::File { .. } => 0,
        LoadError::At { .. } => 1,
    });
    all
}

/// A save failing for each reason: a refusal of the plan, one of another
/// file, and each kind of I/O error.
fn save_errors() -> Vec<SaveError> {
    let kinds = [
        io::ErrorKind::PermissionDenied,
        io::ErrorKind::StorageFull,
        io::ErrorKind::FileTooLarge,
        io::ErrorKind::ReadOnlyFilesystem,
        io::ErrorKind::NotADirectory,
        io::ErrorKind::Other,
    ];
    let failing = |source| SaveError {
        path: path(),
        source,
    };
    let mut all: Vec<SaveError> = kinds.map(|k| failing(io::Error::from(k))).into();
    all.push(failing(Refusal::LockHeld { path: path() }.into()));
    all.push(failing(
        Refusal::LockHeld {
            path: PathBuf::from("plans/.a.ron.lock"),
        }
        .into(),
    ));
    all
}

fn bounds() -> Vec<Bound> {
    let all = vec![
        Bound::TooManyBackups { count: 21 },
        Bound::PathTooLong,
        Bound::TooManyRecolourings,
        Bound::TooManyKeys,
        Bound::KeyTextTooLong { chars: 41 },
        Bound::TooManyGrades,
        Bound::GradeNameTooLong { chars: 41 },
        Bound::MarkerTooLong { chars: 3 },
    ];
    each_once(&all, |b| match b {
        Bound::TooManyBackups { .. } => 0,
        Bound::PathTooLong => 1,
        Bound::TooManyRecolourings => 2,
        Bound::TooManyKeys => 3,
        Bound::KeyTextTooLong { .. } => 4,
        Bound::TooManyGrades => 5,
        Bound::GradeNameTooLong { .. } => 6,
        Bound::MarkerTooLong { .. } => 7,
    });
    all
}

fn read_errors() -> Vec<ReadError> {
    let all = vec![
        ReadError::Io(io::Error::from(io::ErrorKind::NotFound)),
        ReadError::NotAFile,
        ReadError::TooLarge { limit: 64 << 10 },
    ];
    each_once(&all, |e| match e {
        ReadError::Io(_) => 0,
        ReadError::NotAFile => 1,
        ReadError::TooLarge { .. } => 2,
    });
    all
}

fn config_problems() -> Vec<ConfigProblem> {
    let all = vec![
        ConfigProblem::Broken {
            path: PathBuf::from("config.ron"),
            error: SyntaxError {
                at: Position {
                    line: 2,
                    column: 14,
                },
                reason: Syntax::Refused(Bound::TooManyBackups { count: 21 }),
            },
        },
        ConfigProblem::Unreadable {
            path: PathBuf::from("config.ron"),
            error: ReadError::NotAFile,
        },
    ];
    each_once(&all, |p| match p {
        ConfigProblem::Broken { .. } => 0,
        ConfigProblem::Unreadable { .. } => 1,
    });
    all
}

#[test]
fn every_store_and_settings_message_is_said_in_both_languages() {
    io_problems().iter().for_each(says_both);
    refusals().iter().for_each(says_both);
    syntax(period()).iter().for_each(says_both);
    syntax(Bound::TooManyKeys).iter().for_each(says_both);
    load_reasons().iter().for_each(says_both);
    load_errors().iter().for_each(says_both);
    save_errors().iter().for_each(says_both);
    bounds().iter().for_each(says_both);
    read_errors().iter().for_each(says_both);
    config_problems().iter().for_each(says_both);
}
