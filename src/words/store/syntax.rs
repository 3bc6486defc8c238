//! Mistakes in RON text, said in either language. The English is ron's own
//! wording, which users and tests already know.

use crate::config::bounds::Bound;
use crate::model::period::PeriodError;
use crate::store::syntax::{Syntax, Token};
use crate::words::{Lang, Say, english_display};

english_display!(Syntax<PeriodError>, Syntax<Bound>, Token);

impl<R: Say> Say for Syntax<R> {
    fn say(&self, lang: Lang) -> String {
        use Lang::{En, Ja};
        let id = identifier;
        let inside = |outer: &Option<String>, en: bool| match (outer, en) {
            (None, _) => String::new(),
            (Some(o), true) => format!(" in {}", id(o)),
            (Some(o), false) => format!("（{} の中）", id(o)),
        };
        match self {
            Syntax::UnexpectedEnd => match lang {
                En => "Unexpected end of RON".to_owned(),
                Ja => "ファイルが途中で終わっています".to_owned(),
            },
            Syntax::Expected(token) => token.say(lang),
            Syntax::UnderscoreInFloat => match lang {
                En => "Unexpected underscore in float".to_owned(),
                Ja => "小数に `_` は使えません".to_owned(),
            },
            Syntax::UnderscoreAtBeginning => match lang {
                En => "Unexpected leading underscore in a number".to_owned(),
                Ja => "数の先頭に `_` は使えません".to_owned(),
            },
            Syntax::DifferentStructName { expected, found } => match lang {
                En => format!("Expected struct {} but found {}", id(expected), id(found)),
                Ja => format!(
                    "構造体 {} のところに {} があります",
                    id(expected),
                    id(found)
                ),
            },
            Syntax::NamedStruct { name } => match (lang, name.is_empty()) {
                (En, true) => {
                    "Expected only opening `(`, no name, for un-nameable struct".to_owned()
                }
                (Ja, true) => "名前を付けずに `(` だけを書いてください".to_owned(),
                (En, false) => format!("Expected opening `(` for struct {}", id(name)),
                (Ja, false) => format!("構造体 {} の `(` が必要です", id(name)),
            },
            Syntax::StructName { name } => match lang {
                En => format!(
                    "Expected the explicit struct name {}, but none was found",
                    id(name)
                ),
                Ja => format!("構造体名 {} が必要です", id(name)),
            },
            Syntax::InvalidEscape { detail } => match lang {
                En => (*detail).to_owned(),
                Ja => format!("文字列のエスケープが正しくありません（{detail}）"),
            },
            Syntax::IntegerOutOfBounds => match lang {
                En => "Integer is out of bounds".to_owned(),
                Ja => "整数が範囲外です".to_owned(),
            },
            Syntax::InvalidDigit { digit, base } => match lang {
                En => format!("Invalid digit {digit:?} for base {base} integers"),
                Ja => format!("{base} 進数に使えない数字 {digit:?} があります"),
            },
            Syntax::NoSuchExtension { name } => match lang {
                En => format!("No RON extension named {}", id(name)),
                Ja => format!("RON の拡張 {} はありません", id(name)),
            },
            Syntax::UnclosedBlockComment => match lang {
                En => "Unclosed block comment".to_owned(),
                Ja => "`/*` のコメントが閉じていません".to_owned(),
            },
            Syntax::UnclosedLineComment => match lang {
                En => "`ron::value::RawValue` cannot end in unclosed line comment, \
                       try using a block comment or adding a newline"
                    .to_owned(),
                Ja => "値が行コメントで終わっています。改行を加えるか `/* */` を使ってください"
                    .to_owned(),
            },
            Syntax::UnexpectedChar { found } => match lang {
                En => format!("Unexpected char {found:?}"),
                Ja => format!("ここに文字 {found:?} は置けません"),
            },
            Syntax::NotUtf8 { detail } => match lang {
                En => detail.clone(),
                Ja => format!("UTF-8 として読めません（{detail}）"),
            },
            Syntax::TrailingCharacters => match lang {
                En => "Non-whitespace trailing characters".to_owned(),
                Ja => "終わりの後に余分な文字があります".to_owned(),
            },
            Syntax::WrongValue { expected, found } => match lang {
                En => format!("Expected {expected} but found {found} instead"),
                Ja => format!("{expected} が必要なところに {found} があります"),
            },
            Syntax::WrongLength { expected, found } => match lang {
                En => {
                    let found = match found {
                        0 => "zero elements".to_owned(),
                        1 => "one element".to_owned(),
                        n => format!("{n} elements"),
                    };
                    format!("Expected {expected} but found {found} instead")
                }
                Ja => format!("{expected} が必要なところに要素が {found} 個あります"),
            },
            Syntax::UnknownVariant {
                expected,
                found,
                outer,
            } => match lang {
                En => format!(
                    "Unexpected {}variant named {}{}, {}",
                    if outer.is_none() { "enum " } else { "" },
                    id(found),
                    inside(outer, true),
                    one_of(expected, "variants")
                ),
                Ja => format!(
                    "{} という値はありません{}。{}",
                    id(found),
                    inside(outer, false),
                    one_of_ja(expected, "値")
                ),
            },
            Syntax::UnknownField {
                expected,
                found,
                outer,
            } => match lang {
                En => format!(
                    "Unexpected field named {}{}, {}",
                    id(found),
                    inside(outer, true),
                    one_of(expected, "fields")
                ),
                Ja => format!(
                    "{} という項目はありません{}。{}",
                    id(found),
                    inside(outer, false),
                    one_of_ja(expected, "項目")
                ),
            },
            Syntax::MissingField { field, outer } => match lang {
                En => format!(
                    "Unexpected missing field named {}{}",
                    id(field),
                    inside(outer, true)
                ),
                Ja => format!("項目 {} がありません{}", id(field), inside(outer, false)),
            },
            Syntax::DuplicateField { field, outer } => match lang {
                En => format!(
                    "Unexpected duplicate field named {}{}",
                    id(field),
                    inside(outer, true)
                ),
                Ja => format!("項目 {} が 2 回あります{}", id(field), inside(outer, false)),
            },
            Syntax::InvalidIdentifier { text } => match lang {
                En => format!("Invalid identifier {text:?}"),
                Ja => format!("名前 {text:?} は使えません"),
            },
            Syntax::SuggestRawIdentifier { text } => match lang {
                En => format!(
                    "Found invalid std identifier {text:?}, try the raw identifier `r#{text}` instead"
                ),
                Ja => {
                    format!("名前 {text:?} はそのままでは使えません。`r#{text}` と書いてください")
                }
            },
            Syntax::RecursionLimit => match lang {
                En => "Exceeded recursion limit, try increasing `ron::Options::recursion_limit` \
                       and using `serde_stacker` to protect against a stack overflow"
                    .to_owned(),
                Ja => "入れ子が深すぎます".to_owned(),
            },
            Syntax::Refused(reason) => reason.say(lang),
            Syntax::Amount(reason) => reason.say(lang),
            Syntax::Other { text } => match lang {
                En => text.clone(),
                Ja => format!("RON として読めません: {text}"),
            },
        }
    }
}

impl Say for Token {
    fn say(&self, lang: Lang) -> String {
        let (en, ja) = match self {
            Token::OpenBracket => ("Expected opening `[`", "`[` が必要です"),
            Token::CloseBracket => ("Expected closing `]`", "閉じる `]` が必要です"),
            Token::Attribute => (
                "Expected an `#![enable(...)]` attribute",
                "`#![enable(...)]` 属性が必要です",
            ),
            Token::AttributeEnd => (
                "Expected closing `)]` after the enable attribute",
                "enable 属性の後に閉じる `)]` が必要です",
            ),
            Token::Boolean => ("Expected boolean", "true か false が必要です"),
            Token::Comma => ("Expected comma", "カンマ `,` が必要です"),
            Token::Char => ("Expected char", "文字が必要です"),
            Token::ByteLiteral => ("Expected byte literal", "バイトの値が必要です"),
            Token::Float => ("Expected float", "小数が必要です"),
            Token::Integer => ("Expected integer", "整数が必要です"),
            Token::Option => ("Expected option", "Some(…) か None が必要です"),
            Token::CloseParen => ("Expected closing `)`", "閉じる `)` が必要です"),
            Token::OpenBrace => ("Expected opening `{`", "`{` が必要です"),
            Token::Colon => ("Expected colon", "コロン `:` が必要です"),
            Token::CloseBrace => ("Expected closing `}`", "閉じる `}` が必要です"),
            Token::OpenParen => ("Expected opening `(`", "`(` が必要です"),
            Token::Unit => ("Expected unit", "`()` が必要です"),
            Token::String => ("Expected string", "文字列が必要です"),
            Token::ByteString => ("Expected byte string", "バイト列が必要です"),
            Token::StringEnd => ("Expected end of string", "文字列を閉じる `\"` が必要です"),
            Token::Identifier => ("Expected identifier", "名前が必要です"),
            Token::RawValue => ("Expected a `ron::value::RawValue`", "RON の値が必要です"),
            Token::RangeSyntax => (
                "Expected `..` or `..=` for range syntax",
                "範囲には `..` か `..=` が必要です",
            ),
        };
        match lang {
            Lang::En => en.to_owned(),
            Lang::Ja => ja.to_owned(),
        }
    }
}

/// A name as ron shows it: `` `name` ``, `` `r#name` `` for one that needs
/// the raw form, or quoted and marked when it cannot be a name at all.
fn identifier(name: &str) -> String {
    let raw_char = |c: char| matches!(c, '.' | '+' | '-') || c == '_' || c.is_alphanumeric();
    if name.is_empty() || !name.chars().all(raw_char) {
        return format!("{name:?}_[invalid identifier]");
    }
    let mut chars = name.chars();
    let first = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if first && chars.all(|c| c == '_' || c.is_alphanumeric()) {
        format!("`{name}`")
    } else {
        format!("`r#{name}`")
    }
}

/// `expected one of `a`, `b`, or `c` instead`, as ron lists alternatives.
fn one_of(alternatives: &[&str], none: &str) -> String {
    match alternatives {
        [] => format!("there are no {none}"),
        [a] => format!("expected {} instead", identifier(a)),
        [a, b] => format!(
            "expected either {} or {} instead",
            identifier(a),
            identifier(b)
        ),
        [first, middle @ .., last] => {
            let mut text = format!("expected one of {}", identifier(first));
            for alternative in middle {
                text.push_str(&format!(", {}", identifier(alternative)));
            }
            text.push_str(&format!(", or {} instead", identifier(last)));
            text
        }
    }
}

/// `使える項目は `a`、`b`、`c` です`.
fn one_of_ja(alternatives: &[&str], what: &str) -> String {
    if alternatives.is_empty() {
        return format!("使える{what}はありません");
    }
    let names: Vec<String> = alternatives.iter().map(|a| identifier(a)).collect();
    format!("使える{what}は {} です", names.join("、"))
}

#[cfg(test)]
mod tests {
    use crate::store::syntax::Token;
    use crate::words::{Lang, Say};

    /// Every token ron may expect, said in both languages: one per
    /// variant, in the order of the `match`, which has no wildcard.
    fn tokens() -> Vec<Token> {
        use Token as T;
        let all = vec![
            T::OpenBracket,
            T::CloseBracket,
            T::Attribute,
            T::AttributeEnd,
            T::Boolean,
            T::Comma,
            T::Char,
            T::ByteLiteral,
            T::Float,
            T::Integer,
            T::Option,
            T::CloseParen,
            T::OpenBrace,
            T::Colon,
            T::CloseBrace,
            T::OpenParen,
            T::Unit,
            T::String,
            T::ByteString,
            T::StringEnd,
            T::Identifier,
            T::RawValue,
            T::RangeSyntax,
        ];
        let order: Vec<usize> = all
            .iter()
            .map(|t| match t {
                T::OpenBracket => 0,
                T::CloseBracket => 1,
                T::Attribute => 2,
                T::AttributeEnd => 3,
                T::Boolean => 4,
                T::Comma => 5,
                T::Char => 6,
                T::ByteLiteral => 7,
                T::Float => 8,
                T::Integer => 9,
                T::Option => 10,
                T::CloseParen => 11,
                T::OpenBrace => 12,
                T::Colon => 13,
                T::CloseBrace => 14,
                T::OpenParen => 15,
                T::Unit => 16,
                T::String => 17,
                T::ByteString => 18,
                T::StringEnd => 19,
                T::Identifier => 20,
                T::RawValue => 21,
                T::RangeSyntax => 22,
            })
            .collect();
        assert_eq!(order, (0..all.len()).collect::<Vec<_>>());
        all
    }

    #[test]
    fn every_expected_token_is_said_in_both_languages() {
        for token in tokens() {
            let (en, ja) = (token.say(Lang::En), token.say(Lang::Ja));
            assert!(en.starts_with("Expected"), "{en}");
            assert!(ja.contains("必要"), "{ja}");
        }
    }

    #[test]
    fn a_broken_plan_is_placed_and_explained_in_japanese() {
        let text = "(title: \"t\" fiscal_year: 2024)";
        let error = crate::store::parse(std::path::Path::new("plans/a.ron"), text).unwrap_err();
        assert_eq!(error.to_string(), "plans/a.ron:1:13: Expected comma");
        assert_eq!(
            error.say(Lang::Ja),
            "plans/a.ron:1:13: カンマ `,` が必要です"
        );
        let position = error.position().unwrap();
        assert_eq!((position.line, position.column), (1, 13));
    }
}
