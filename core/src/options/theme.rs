//! The `theme` option (R8): colours are `#rgb`…`#rrggbbaa` or a small named palette, checked by
//! grammar and applied as CSS custom properties; a value is never concatenated into CSS text.

use super::error::OptionsError;
use super::keys::THEME_COLOR_KEYS;
use super::parse::{object, refuse_unknown};
use crate::json::Json;

/// Named colours accepted besides hex: a small palette with no CSS syntax in it.
pub const NAMED_COLORS: &[&str] = &[
    "black",
    "white",
    "gray",
    "grey",
    "red",
    "orange",
    "yellow",
    "green",
    "teal",
    "blue",
    "navy",
    "purple",
    "pink",
    "transparent",
];

/// A colour that passed R8.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Color(String);

impl Color {
    /// Checks `^#[0-9a-fA-F]{3,8}$` or a [`NAMED_COLORS`] entry.
    pub fn parse(s: &str) -> Option<Color> {
        let hex = s.len() >= 4
            && s.len() <= 9
            && s.starts_with('#')
            && s[1..].bytes().all(|b| b.is_ascii_hexdigit());
        (hex || NAMED_COLORS.contains(&s)).then(|| Color(s.to_owned()))
    }

    /// The colour as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Light, dark, or following the system preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeMode {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
    /// `prefers-color-scheme`.
    #[default]
    Auto,
}

/// The validated theme.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Theme {
    /// Light, dark or auto.
    pub mode: ThemeMode,
    /// `(custom property, colour)` pairs to set on the widget root, e.g. `--esw-color-primary`.
    pub colors: Vec<(&'static str, Color)>,
}

/// Parses `theme`.
///
/// # Errors
/// `config_invalid` naming `theme.<key>`.
pub(crate) fn parse_theme(value: &Json) -> Result<Theme, OptionsError> {
    let map = object(value, "theme")?;
    let mut known: Vec<&str> = THEME_COLOR_KEYS.iter().map(|(k, _)| *k).collect();
    known.push("mode");
    refuse_unknown(map, "theme", &known)?;
    let mut theme = Theme::default();
    for (key, value) in map {
        let path = format!("theme.{key}");
        if key == "mode" {
            theme.mode = match value.as_str() {
                Some("light") => ThemeMode::Light,
                Some("dark") => ThemeMode::Dark,
                Some("auto") => ThemeMode::Auto,
                _ => {
                    return Err(OptionsError::expected(
                        &path,
                        "one of light, dark, auto",
                        value,
                    ))
                }
            };
            continue;
        }
        let property = THEME_COLOR_KEYS
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, p)| *p);
        let color = value.as_str().and_then(Color::parse);
        match (property, color) {
            (Some(property), Some(color)) => theme.colors.push((property, color)),
            _ => {
                let expected =
                    "a colour \"#rgb\", \"#rrggbb\" or \"#rrggbbaa\", or one of the named colours";
                return Err(OptionsError::expected(&path, expected, value));
            }
        }
    }
    Ok(theme)
}
