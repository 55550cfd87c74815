//! Provider logos: SVG monograms generated from each provider's name and brand colour, rendered
//! once at startup and served at `/logos/<name>.svg`.
//!
//! Logos are generated, never fetched: the catalog must not point browsers at third-party hosts.
//! Text is XML-escaped; the SVG carries no script, style element or external reference.

use crate::seed::Catalog;
use std::collections::HashMap;

/// Renders every provider's logo, keyed by file name (`hubspot.svg`).
pub fn render_all(catalog: &Catalog) -> HashMap<String, String> {
    catalog
        .providers
        .iter()
        .map(|p| {
            let svg = monogram(&p.entry.provider.display_name, &p.color);
            (format!("{}.svg", p.entry.provider.name), svg)
        })
        .collect()
}

/// A 64×64 rounded square in `color` with up to two initials of `display_name`.
pub fn monogram(display_name: &str, color: &str) -> String {
    let initials = initials(display_name);
    let fill = if is_hex_color(color) {
        color
    } else {
        "#64748b"
    };
    let text = if is_light(fill) { "#111827" } else { "#ffffff" };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\" \
         role=\"img\" aria-label=\"{label}\"><rect width=\"64\" height=\"64\" rx=\"14\" fill=\"{fill}\"/>\
         <text x=\"32\" y=\"32\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"system-ui, \
         -apple-system, Segoe UI, Roboto, sans-serif\" font-size=\"26\" font-weight=\"700\" \
         fill=\"{text}\">{initials}</text></svg>\n",
        label = xml_escape(display_name),
        initials = xml_escape(&initials),
    )
}

fn initials(display_name: &str) -> String {
    let words: Vec<&str> = display_name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    match words.as_slice() {
        [] => out.push('?'),
        // `HubSpot` → `HS`: inner capitals mark the brand's own word breaks.
        [one] if one.chars().filter(|c| c.is_uppercase()).count() >= 2 => {
            out.extend(one.chars().filter(|c| c.is_uppercase()).take(2));
        }
        [one] => out.extend(one.chars().take(2)),
        [first, second, ..] => {
            out.extend(first.chars().take(1));
            out.extend(second.chars().take(1));
        }
    }
    out.to_uppercase()
}

fn is_hex_color(color: &str) -> bool {
    color.len() == 7 && color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Relative luminance above one half picks dark text, so the initials stay readable.
fn is_light(color: &str) -> bool {
    let channel = |i: usize| u8::from_str_radix(&color[i..i + 2], 16).unwrap_or(0) as f32 / 255.0;
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) > 0.5
}

/// Escapes the five XML metacharacters.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monogram_escapes_name_and_uses_initials() {
        let svg = monogram("A&B <Tools>", "#ffe01b");
        assert!(svg.contains("A&amp;B &lt;Tools&gt;"));
        assert!(svg.contains(">AB</text>"));
        assert!(
            svg.contains("fill=\"#111827\""),
            "light background gets dark text"
        );
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn invalid_colour_falls_back_to_neutral() {
        assert!(monogram("X", "red\" onload=\"x").contains("#64748b"));
    }
}
