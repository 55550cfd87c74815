use super::read::{self, Fields, Path, ShapeError};
use super::*;

fn err(text: &str) -> ParseError {
    parse(text.as_bytes()).expect_err(text)
}

#[test]
fn parses_every_kind_keeping_member_order_and_number_text() {
    let v = parse(br#" {"b": [1, -0.5e+3, true, null], "a": "x\u00e9\n\ud83d\ude00"} "#).unwrap();
    let expected = Json::Object(vec![
        (
            "b".into(),
            Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-0.5e+3".into()),
                Json::Bool(true),
                Json::Null,
            ]),
        ),
        ("a".into(), Json::String("xé\n😀".into())),
    ]);
    assert_eq!(v, expected);
}

#[test]
fn refuses_malformed_text_naming_the_offset() {
    let cases: &[(&str, usize)] = &[
        ("", 0),
        ("[1,]", 3),
        ("{\"a\":1,}", 7),
        ("01", 1),
        ("[1 2]", 3),
        ("{\"a\" 1}", 5),
        ("{a:1}", 1),
        ("\"\u{1}\"", 1),
        ("\"\\x\"", 2),
        ("\"\\ud800\"", 3),
        ("\"\\udc00\"", 3),
        ("\"\\ud800\\u0041\"", 3),
        ("tru", 0),
        ("1.", 2),
        ("1e", 2),
        ("-", 1),
        ("+1", 0),
        (".5", 0),
        ("\"abc", 4),
        ("{} x", 3),
        ("{\"a\":1,\"a\":2}", 12),
        ("NaN", 0),
        ("[1]]", 3),
    ];
    for (text, offset) in cases {
        assert_eq!(err(text).offset, *offset, "{text:?}: {}", err(text));
    }
}

#[test]
fn refuses_invalid_utf8() {
    assert_eq!(parse(b"\"a\xff\"").unwrap_err().offset, 2);
    assert!(
        parse(b"\xef\xbb\xbf{}").is_err(),
        "a byte order mark is not JSON"
    );
}

#[test]
fn depth_limit_counts_open_containers() {
    let at_limit = format!("{}{}", "[".repeat(32), "]".repeat(32));
    assert!(parse(at_limit.as_bytes()).is_ok());
    let over = format!("{}{}", "[".repeat(33), "]".repeat(33));
    assert_eq!(err(&over).problem, "nesting too deep");
    // Far deeper than any call stack could take, refused without recursion.
    let bomb = "[".repeat(1_000_000);
    assert!(parse_with_depth(bomb.as_bytes(), usize::MAX).is_err());
}

#[test]
fn writer_escapes_like_serde_json() {
    let mut out = String::new();
    write_str(&mut out, "a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é/");
    assert_eq!(
        out,
        r#""a\"b\\c\n\r\t\b\f\u0001\u001f\u{7f}é/""#.replace("\\u{7f}", "\u{7f}")
    );
}

#[test]
fn readers_name_the_path_of_a_bad_value() {
    let doc = parse(br#"{"providers": [{"name": "a"}, {"name": 7}]}"#).unwrap();
    let names = Fields::of(&doc, &Path::Root).and_then(|f| {
        f.req("providers", |v, p| {
            read::list(v, p, |v, p| Fields::of(v, p)?.req("name", read::string))
        })
    });
    let e = names.unwrap_err();
    assert_eq!(e.to_string(), "providers[1].name: expected a string");
    let strict = Fields::strict(&doc, &Path::Root, &["other"]).err().unwrap();
    assert_eq!(strict.path, "providers");
}

#[test]
fn paths_render_keys_and_indexes() {
    let root = Path::Root;
    let first = Path::Index(&root, 0);
    let b = Path::Key(&first, "b");
    let deep = Path::Index(&b, 1234567);
    let a = Path::Key(&root, "a");
    let a12 = Path::Index(&a, 12);
    for (path, text) in [
        (&root, ""),
        (&first, "[0]"),
        (&b, "[0].b"),
        (&deep, "[0].b[1234567]"),
        (&a, "a"),
        (&a12, "a[12]"),
    ] {
        assert_eq!(path.to_string(), text);
        assert_eq!(ShapeError::new(path, "x").path, text);
    }
}

#[test]
fn list_and_entries_keep_order_and_stop_at_the_first_bad_item() {
    let doc =
        parse(br#"{"ok": [3, 1, 2], "bad": [3, "x", "y"], "map": {"b": 2, "a": 1}}"#).unwrap();
    let f = Fields::of(&doc, &Path::Root).unwrap();
    assert_eq!(
        f.req("ok", |v, p| read::list(v, p, read::uint32)),
        Ok(vec![3, 1, 2])
    );
    let mut calls = 0;
    let e = f
        .req("bad", |v, p| {
            read::list(v, p, |v, p| {
                calls += 1;
                read::uint32(v, p)
            })
        })
        .unwrap_err();
    assert_eq!((e.path.as_str(), calls), ("bad[1]", 2));
    assert_eq!(
        f.req("map", |v, p| read::entries(v, p, read::uint32)),
        Ok(vec![("b".to_owned(), 2), ("a".to_owned(), 1)])
    );
    let e = f
        .req("bad", |v, p| read::entries(v, p, read::uint32))
        .unwrap_err();
    assert_eq!(e.to_string(), "bad: expected an object");
    let e = read::entries(&doc, &Path::Root, |v, p| read::list(v, p, read::uint32)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "bad[1]: expected an integer from 0 to 4294967295"
    );
}

/// Any JSON value serde_json writes and reads back unchanged, nested up to `depth` levels, about
/// `size` values in all, up to `width` items per array or object (shared with the codec tests).
#[cfg(feature = "serde")]
pub(crate) fn arb_serde_value(
    depth: u32,
    size: u32,
    width: u32,
) -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::Value as V;
    let leaf = prop_oneof![
        Just(V::Null),
        any::<bool>().prop_map(V::Bool),
        any::<i64>().prop_map(V::from),
        any::<u64>().prop_map(V::from),
        // serde_json (without `float_roundtrip`) may read its own float text back a bit off.
        any::<f64>()
            .prop_filter("serde_json round-trips it", |f| {
                f.is_finite()
                    && serde_json::from_str::<f64>(&serde_json::to_string(f).unwrap()).ok()
                        == Some(*f)
            })
            .prop_map(V::from),
        any::<String>().prop_map(V::String),
    ];
    leaf.prop_recursive(depth, size, width, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..width as usize).prop_map(V::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..width as usize)
                .prop_map(|m| V::Object(m.into_iter().collect())),
        ]
    })
}

#[cfg(feature = "serde")]
mod against_serde_json {
    use super::*;
    use proptest::prelude::*;

    fn arb_value() -> impl Strategy<Value = serde_json::Value> {
        arb_serde_value(6, 64, 8)
    }

    proptest! {
        #[test]
        fn parses_what_serde_json_writes_to_the_same_value(v in arb_value(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            let parsed = parse(text.as_bytes()).unwrap();
            prop_assert_eq!(serde_json::Value::from(&parsed), v.clone());
            // Written back, serde_json reads the same value (and compact text is identical).
            let written = parsed.to_string();
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), v.clone());
            if !pretty {
                prop_assert_eq!(written, text);
            }
        }

        #[test]
        fn agrees_with_serde_json_on_arbitrary_text(text in "[\\[\\]{}\",:0-9eE.+\\-a-z\\\\ ]{0,24}") {
            let ours = parse(text.as_bytes()).map(|v| serde_json::Value::from(&v));
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (ours, theirs) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (Err(_), Err(_)) => {}
                // serde_json keeps the last of repeated names; this parser refuses them.
                (Err(e), Ok(_)) => prop_assert_eq!(e.problem, "repeated member name in an object", "{}", text),
                (Ok(v), Err(e)) => prop_assert!(false, "{:?} accepted as {:?}, serde_json: {}", text, v, e),
            }
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let malformed = [
            "",
            " ",
            "[",
            "]",
            "{",
            "}",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{,}",
            "{\"a\"}",
            "{\"a\":}",
            "{1:2}",
            "['a']",
            "01",
            "-01",
            "1.",
            ".1",
            "1e",
            "1e+",
            "-",
            "+1",
            "0x10",
            "Infinity",
            "NaN",
            "nul",
            "True",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udfff\"",
            "\"\\q\"",
            "\"\t\"",
            "\"a",
            "[1] 2",
            "[1]]",
            "{\"a\":1}}",
            "/* */ 1",
            "1 // c",
            "\u{feff}1",
            "[\u{0b}1]",
        ];
        for text in malformed {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "{text:?}"
            );
            assert!(parse(text.as_bytes()).is_err(), "{text:?} was accepted");
        }
    }
}
