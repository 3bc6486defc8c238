//! Which language actplan speaks. Our users are Japanese: over SSH from
//! Windows the locale is often not sent at all, or is `C`, so only a locale
//! that names English switches to English.

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
pub enum Lang {
    #[serde(alias = "ja")]
    Ja,
    #[serde(alias = "en")]
    En,
}

/// The locale variables, first to last in the order POSIX gives them
/// weight for messages.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// Both languages, for walking every message in tests and for reading
    /// names the user may write in either.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The flag, else the settings, else the locale, else Japanese.
    /// `env` looks up an environment variable (`std::env::var` in the
    /// program, a table in tests).
    pub fn choose(
        flag: Option<Lang>,
        settings: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or(settings)
            .or_else(|| Lang::of_locale(env))
            .unwrap_or(Lang::Ja)
    }

    /// The language the locale names, if it names one: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides;
    /// `C`, `POSIX` and other languages name none.
    pub fn of_locale(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        let locale = LOCALE_VARS
            .iter()
            .find_map(|v| env(v).filter(|s| !s.is_empty()))?;
        if locale.starts_with("ja") {
            Some(Lang::Ja)
        } else if locale.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The process environment, for [`Lang::choose`].
    pub fn process_env(name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    fn from_locale(vars: &[(&str, &str)]) -> Lang {
        Lang::choose(None, None, env(vars))
    }

    #[test]
    fn no_locale_at_all_is_japanese() {
        assert_eq!(from_locale(&[]), Lang::Ja);
    }

    #[test]
    fn empty_c_and_posix_locales_are_japanese() {
        for locale in ["", "C", "C.UTF-8", "POSIX"] {
            assert_eq!(from_locale(&[("LANG", locale)]), Lang::Ja, "{locale:?}");
        }
    }

    #[test]
    fn a_locale_naming_english_or_japanese_is_followed() {
        assert_eq!(from_locale(&[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(from_locale(&[("LANG", "en_GB")]), Lang::En);
        assert_eq!(from_locale(&[("LANG", "ja_JP.UTF-8")]), Lang::Ja);
        assert_eq!(from_locale(&[("LANG", "ja_JP.eucJP")]), Lang::Ja);
    }

    #[test]
    fn other_languages_are_japanese() {
        assert_eq!(from_locale(&[("LANG", "de_DE.UTF-8")]), Lang::Ja);
        assert_eq!(from_locale(&[("LANG", "fr_FR")]), Lang::Ja);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_decide() {
        let all = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "ja_JP.UTF-8"),
            ("LANG", "ja_JP.UTF-8"),
        ];
        assert_eq!(from_locale(&all), Lang::En);
        let messages = [("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "ja_JP.UTF-8")];
        assert_eq!(from_locale(&messages), Lang::En);
        let messages_ja = [("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "en_US.UTF-8")];
        assert_eq!(from_locale(&messages_ja), Lang::Ja);
    }

    #[test]
    fn an_empty_variable_gives_way_to_the_next() {
        let vars = [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "en_US.UTF-8")];
        assert_eq!(from_locale(&vars), Lang::En);
    }

    #[test]
    fn the_first_set_variable_decides_even_when_it_names_no_language() {
        // As POSIX: LC_ALL=C wins over LANG, and C names neither language.
        let vars = [("LC_ALL", "C"), ("LANG", "en_US.UTF-8")];
        assert_eq!(from_locale(&vars), Lang::Ja);
    }

    #[test]
    fn the_flag_beats_the_settings_and_the_settings_beat_the_locale() {
        let english = [("LANG", "en_US.UTF-8")];
        assert_eq!(
            Lang::choose(Some(Lang::Ja), Some(Lang::En), env(&english)),
            Lang::Ja
        );
        assert_eq!(Lang::choose(None, Some(Lang::Ja), env(&english)), Lang::Ja);
        assert_eq!(Lang::choose(None, Some(Lang::En), env(&[])), Lang::En);
        assert_eq!(
            Lang::choose(Some(Lang::En), None, env(&[("LANG", "ja_JP.UTF-8")])),
            Lang::En
        );
    }
}
