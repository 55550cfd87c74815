//! A strict RFC 8259 parser. It is iterative (an explicit stack, so no input can exhaust the call
//! stack) and refuses nesting deeper than its limit.
//!
//! Choices where the RFC leaves room: a repeated member name in one object is refused (two
//! readers of the same bytes can then never disagree about a value); a lone UTF-16 surrogate in a
//! `\u` escape is refused, as is invalid UTF-8; a number is kept as its text, so its magnitude is
//! not limited here (readers of numbers check their own range).

use super::Json;
use crate::decode::MAX_DEPTH;
use std::fmt;

/// Why text is not JSON, and the byte offset where that became clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset into the input.
    pub offset: usize,
    /// What is wrong there.
    pub problem: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.problem, self.offset)
    }
}

impl std::error::Error for ParseError {}

/// Parses one JSON document nested at most [`MAX_DEPTH`] levels.
///
/// # Errors
/// A [`ParseError`] naming the first problem and its offset.
pub fn parse(bytes: &[u8]) -> Result<Json, ParseError> {
    parse_with_depth(bytes, MAX_DEPTH)
}

/// Open containers while parsing.
enum Frame {
    Array(Vec<Json>),
    /// Members so far, and the name of the member whose value is being parsed.
    Object(Vec<(String, Json)>, String),
}

/// Parses one JSON document whose arrays and objects nest at most `max_depth` levels.
///
/// # Errors
/// A [`ParseError`] naming the first problem and its offset.
pub fn parse_with_depth(bytes: &[u8], max_depth: usize) -> Result<Json, ParseError> {
    let mut p = Cursor { bytes, pos: 0 };
    let mut stack: Vec<Frame> = Vec::new();
    'value: loop {
        p.skip_ws();
        let mut value = match p.peek() {
            Some(open @ (b'{' | b'[')) => {
                if stack.len() >= max_depth {
                    return Err(p.fail("nesting too deep"));
                }
                p.pos += 1;
                p.skip_ws();
                if open == b'[' {
                    if p.eat(b']') {
                        Json::Array(Vec::new())
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        continue 'value;
                    }
                } else if p.eat(b'}') {
                    Json::Object(Vec::new())
                } else {
                    let key = p.member_name()?;
                    stack.push(Frame::Object(Vec::new(), key));
                    continue 'value;
                }
            }
            Some(b'"') => Json::String(p.string()?),
            Some(b't') => p.literal("true", Json::Bool(true))?,
            Some(b'f') => p.literal("false", Json::Bool(false))?,
            Some(b'n') => p.literal("null", Json::Null)?,
            Some(b'-' | b'0'..=b'9') => Json::Number(p.number()?),
            Some(_) => return Err(p.fail("expected a value")),
            None => return Err(p.fail("unexpected end of input")),
        };
        // A value is complete: hand it to its container, closing containers as they end.
        loop {
            p.skip_ws();
            let Some(frame) = stack.pop() else {
                if p.pos == bytes.len() {
                    return Ok(value);
                }
                return Err(p.fail("trailing characters after the value"));
            };
            value = match frame {
                Frame::Array(mut items) => {
                    items.push(value);
                    match p.next() {
                        Some(b',') => {
                            stack.push(Frame::Array(items));
                            continue 'value;
                        }
                        Some(b']') => Json::Array(items),
                        _ => return Err(p.fail_before("expected `,` or `]`")),
                    }
                }
                Frame::Object(mut members, key) => {
                    members.push((key, value));
                    match p.next() {
                        Some(b',') => {
                            p.skip_ws();
                            let key = p.member_name()?;
                            stack.push(Frame::Object(members, key));
                            continue 'value;
                        }
                        Some(b'}') if has_repeated_name(&members) => {
                            return Err(p.fail_before("repeated member name in an object"))
                        }
                        Some(b'}') => Json::Object(members),
                        _ => return Err(p.fail_before("expected `,` or `}`")),
                    }
                }
            };
        }
    }
}

fn has_repeated_name(members: &[(String, Json)]) -> bool {
    if members.len() < 2 {
        return false;
    }
    let mut names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    crate::sort::sort(&mut names);
    names.windows(2).any(|w| w[0] == w[1])
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn fail(&self, problem: &'static str) -> ParseError {
        ParseError {
            offset: self.pos,
            problem,
        }
    }

    /// An error at the byte just consumed.
    fn fail_before(&self, problem: &'static str) -> ParseError {
        ParseError {
            offset: self.pos.saturating_sub(1),
            problem,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.pos += usize::from(hit);
        hit
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.fail("expected a value"))
        }
    }

    /// `"name"` then `:`.
    fn member_name(&mut self) -> Result<String, ParseError> {
        if self.peek() != Some(b'"') {
            return Err(self.fail("expected a member name in double quotes"));
        }
        let name = self.string()?;
        self.skip_ws();
        if !self.eat(b':') {
            return Err(self.fail("expected `:` after a member name"));
        }
        Ok(name)
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    fn number(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        self.eat(b'-');
        if !self.eat(b'0') && !self.digits() {
            return Err(self.fail("expected a digit"));
        }
        if self.eat(b'.') && !self.digits() {
            return Err(self.fail("expected a digit after `.`"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if !self.digits() {
                return Err(self.fail("expected a digit in the exponent"));
            }
        }
        // Every byte matched above is ASCII.
        Ok(String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned())
    }

    /// A string literal starting at its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            let chunk =
                std::str::from_utf8(&self.bytes[start..self.pos]).map_err(|e| ParseError {
                    offset: start + e.valid_up_to(),
                    problem: "invalid UTF-8 in a string",
                })?;
            out.push_str(chunk);
            match self.next() {
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.fail_before("control character in a string")),
                None => return Err(self.fail("unterminated string")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let c = match self.next() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => self.unicode_escape()?,
            _ => return Err(self.fail_before("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    /// After `\u`: four hex digits, and for a high surrogate the `\u` escape of its low half.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let at = self.pos;
        let unit = self.hex4()?;
        let code = match unit {
            0xd800..=0xdbff => {
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(ParseError {
                        offset: at,
                        problem: "lone surrogate in a \\u escape",
                    });
                }
                let low = self.hex4()?;
                if !(0xdc00..=0xdfff).contains(&low) {
                    return Err(ParseError {
                        offset: at,
                        problem: "lone surrogate in a \\u escape",
                    });
                }
                0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(low) - 0xdc00)
            }
            0xdc00..=0xdfff => {
                return Err(ParseError {
                    offset: at,
                    problem: "lone surrogate in a \\u escape",
                })
            }
            _ => u32::from(unit),
        };
        char::from_u32(code).ok_or(ParseError {
            offset: at,
            problem: "invalid \\u escape",
        })
    }

    fn hex4(&mut self) -> Result<u16, ParseError> {
        let mut unit = 0u16;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.fail("expected four hex digits after \\u"))?;
            self.pos += 1;
            unit = unit * 16 + digit as u16;
        }
        Ok(unit)
    }
}
