//! What is wrong in RON text (a plan file, the settings), in our own terms:
//! each kind of mistake ron reports becomes a value of `Syntax`, said in
//! Japanese or English by `words`, with the line and column it is at.
//! A value our own reading refuses (a period, a setting out of bounds)
//! comes back typed, through `model::refused`.

use serde::de::DeserializeOwned;

use super::locate::Position;
use crate::model::money::BudgetError;
use crate::model::refused;

/// A mistake in RON text and where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SyntaxError<R> {
    pub at: Position,
    pub reason: Syntax<R>,
}

/// A kind of mistake; `R` is what our own reading refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Syntax<R> {
    UnexpectedEnd,
    /// Something else stands where this was expected.
    Expected(Token),
    UnderscoreInFloat,
    UnderscoreAtBeginning,
    DifferentStructName {
        expected: &'static str,
        found: String,
    },
    /// `Name(`; an empty name for a struct that cannot be named.
    NamedStruct {
        name: &'static str,
    },
    StructName {
        name: String,
    },
    /// Ron's own words for which escape is wrong.
    InvalidEscape {
        detail: &'static str,
    },
    IntegerOutOfBounds,
    InvalidDigit {
        digit: char,
        base: u8,
    },
    NoSuchExtension {
        name: String,
    },
    UnclosedBlockComment,
    UnclosedLineComment,
    UnexpectedChar {
        found: char,
    },
    NotUtf8 {
        detail: String,
    },
    TrailingCharacters,
    /// Serde's words for the value expected and the value found.
    WrongValue {
        expected: String,
        found: String,
    },
    WrongLength {
        expected: String,
        found: usize,
    },
    UnknownVariant {
        expected: &'static [&'static str],
        found: String,
        outer: Option<String>,
    },
    UnknownField {
        expected: &'static [&'static str],
        found: String,
        outer: Option<String>,
    },
    MissingField {
        field: &'static str,
        outer: Option<String>,
    },
    DuplicateField {
        field: &'static str,
        outer: Option<String>,
    },
    InvalidIdentifier {
        text: String,
    },
    SuggestRawIdentifier {
        text: String,
    },
    RecursionLimit,
    /// A value our own reading refused.
    Refused(R),
    /// An amount that is no whole number (`33.6`, `"1,200"`).
    Amount(BudgetError),
    /// A message from elsewhere, as it came.
    Other {
        text: String,
    },
}

/// What ron expected to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    OpenBracket,
    CloseBracket,
    Attribute,
    AttributeEnd,
    Boolean,
    Comma,
    Char,
    ByteLiteral,
    Float,
    Integer,
    Option,
    CloseParen,
    OpenBrace,
    Colon,
    CloseBrace,
    OpenParen,
    Unit,
    String,
    ByteString,
    StringEnd,
    Identifier,
    RawValue,
    RangeSyntax,
}

/// Reads `text` as a `T`; a refusal by our own reading is typed `R`.
pub fn read<T: DeserializeOwned, R: 'static>(text: &str) -> Result<T, SyntaxError<R>> {
    refused::forget();
    ron::from_str(text).map_err(|e| SyntaxError {
        at: Position {
            line: e.span.start.line,
            column: e.span.start.col,
        },
        reason: Syntax::from_ron(e.code),
    })
}

impl<R: 'static> Syntax<R> {
    fn from_ron(error: ron::Error) -> Self {
        use ron::Error as E;
        match error {
            E::Eof => Syntax::UnexpectedEnd,
            E::ExpectedArray => Syntax::Expected(Token::OpenBracket),
            E::ExpectedArrayEnd => Syntax::Expected(Token::CloseBracket),
            E::ExpectedAttribute => Syntax::Expected(Token::Attribute),
            E::ExpectedAttributeEnd => Syntax::Expected(Token::AttributeEnd),
            E::ExpectedBoolean => Syntax::Expected(Token::Boolean),
            E::ExpectedComma => Syntax::Expected(Token::Comma),
            E::ExpectedChar => Syntax::Expected(Token::Char),
            E::ExpectedByteLiteral => Syntax::Expected(Token::ByteLiteral),
            E::ExpectedFloat => Syntax::Expected(Token::Float),
            E::ExpectedInteger => Syntax::Expected(Token::Integer),
            E::ExpectedOption => Syntax::Expected(Token::Option),
            E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => Syntax::Expected(Token::CloseParen),
            E::ExpectedMap => Syntax::Expected(Token::OpenBrace),
            E::ExpectedMapColon => Syntax::Expected(Token::Colon),
            E::ExpectedMapEnd => Syntax::Expected(Token::CloseBrace),
            E::ExpectedStructLike => Syntax::Expected(Token::OpenParen),
            E::ExpectedUnit => Syntax::Expected(Token::Unit),
            E::ExpectedString => Syntax::Expected(Token::String),
            E::ExpectedByteString => Syntax::Expected(Token::ByteString),
            E::ExpectedStringEnd => Syntax::Expected(Token::StringEnd),
            E::ExpectedIdentifier => Syntax::Expected(Token::Identifier),
            E::ExpectedRawValue => Syntax::Expected(Token::RawValue),
            E::ExpectedRangeSyntax => Syntax::Expected(Token::RangeSyntax),
            E::FloatUnderscore => Syntax::UnderscoreInFloat,
            E::UnderscoreAtBeginning => Syntax::UnderscoreAtBeginning,
            E::ExpectedDifferentStructName { expected, found } => {
                Syntax::DifferentStructName { expected, found }
            }
            E::ExpectedNamedStructLike(name) => Syntax::NamedStruct { name },
            E::ExpectedStructName(name) => Syntax::StructName { name },
            E::InvalidEscape(detail) => Syntax::InvalidEscape { detail },
            E::IntegerOutOfBounds => Syntax::IntegerOutOfBounds,
            E::InvalidIntegerDigit { digit, base } => Syntax::InvalidDigit { digit, base },
            E::NoSuchExtension(name) => Syntax::NoSuchExtension { name },
            E::UnclosedBlockComment => Syntax::UnclosedBlockComment,
            E::UnclosedLineComment => Syntax::UnclosedLineComment,
            E::UnexpectedChar(found) => Syntax::UnexpectedChar { found },
            E::Utf8Error(e) => Syntax::NotUtf8 {
                detail: e.to_string(),
            },
            E::TrailingCharacters => Syntax::TrailingCharacters,
            E::InvalidValueForType { expected, found } => Syntax::WrongValue { expected, found },
            E::ExpectedDifferentLength { expected, found } => {
                Syntax::WrongLength { expected, found }
            }
            E::NoSuchEnumVariant {
                expected,
                found,
                outer,
            } => Syntax::UnknownVariant {
                expected,
                found,
                outer,
            },
            E::NoSuchStructField {
                expected,
                found,
                outer,
            } => Syntax::UnknownField {
                expected,
                found,
                outer,
            },
            E::MissingStructField { field, outer } => Syntax::MissingField { field, outer },
            E::DuplicateStructField { field, outer } => Syntax::DuplicateField { field, outer },
            E::InvalidIdentifier(text) => Syntax::InvalidIdentifier { text },
            E::SuggestRawIdentifier(text) => Syntax::SuggestRawIdentifier { text },
            E::ExceededRecursionLimit => Syntax::RecursionLimit,
            E::Message(text) => match refused::take_any(&text).map(|r| r.downcast::<R>()) {
                Some(Ok(reason)) => Syntax::Refused(*reason),
                Some(Err(other)) => match other.downcast::<BudgetError>() {
                    Ok(amount) => Syntax::Amount(*amount),
                    Err(_) => Syntax::Other { text },
                },
                None => Syntax::Other { text },
            },
            other => Syntax::Other {
                text: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Syntax, Token, read};
    use crate::model::Plan;
    use crate::model::period::PeriodError;

    #[test]
    fn ron_mistakes_become_our_own_with_their_place() {
        let e = read::<Plan, PeriodError>("(title: \"t\" fiscal_year: 2024)").unwrap_err();
        assert_eq!(e.reason, Syntax::Expected(Token::Comma));
        assert_eq!((e.at.line, e.at.column), (1, 13));
        let e = read::<Plan, PeriodError>(
            "(title: \"t\", fiscal_year: 2024, unit: \"u\", strategies: [(label: \"1\", name: \"n\", kpis: [], measures: [(label: \"1\", name: \"m\", kpis: [], projects: [(name: \"p\", owner: \"\", overview: \"\", budget: 1, budget_note: \"\", period: \"R5.13\", evaluation: \"\", schedule: [], analysis: [])])])])",
        )
        .unwrap_err();
        let Syntax::Refused(period) = e.reason else {
            panic!("{:?}", e.reason);
        };
        assert_eq!(period.text, "R5.13");
    }
}
