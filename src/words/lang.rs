//! Which language actplan speaks.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, clap::ValueEnum)]
pub enum Lang {
    #[default]
    #[serde(alias = "en")]
    En,
    #[serde(alias = "ja")]
    Ja,
}

impl Lang {
    /// The flag, else the settings, else the locale (`LC_ALL`, `LC_MESSAGES`
    /// or `LANG` starting with `ja` gives Japanese), else English.
    pub fn choose(flag: Option<Lang>, settings: Option<Lang>) -> Lang {
        flag.or(settings).unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
                .unwrap_or_default();
            if locale.starts_with("ja") {
                Lang::Ja
            } else {
                Lang::En
            }
        })
    }
}
