//! Typed readers for hand-written decoders. A decoder is a function `(&Json, &Path) -> Result<T>`;
//! [`Fields`] reads an object's members by name, building the child's [`Path`] on the stack, so a
//! path is rendered (`providers[3].name`) only when something is wrong.

use super::write::push_uint;
use super::Json;
use std::fmt;

/// Where a value sits in the document: a chain of member names and indexes back to the root.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The document itself.
    Root,
    /// A member of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// An item of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// Appends the path's text; errors build it this way, without the formatting machinery.
    fn push_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(Path::Root, key) => out.push_str(key),
            Path::Key(parent, key) => {
                parent.push_to(out);
                out.push('.');
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.push_to(out);
                out.push('[');
                push_uint(out, *i as u64);
                out.push(']');
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

/// A value of the wrong shape: where, and what was expected or found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// The value's path, e.g. `providers[3].name`; empty for the document itself.
    pub path: String,
    /// What is wrong, e.g. `expected a string`.
    pub problem: String,
}

impl ShapeError {
    /// An error at `path`.
    pub fn new(path: &Path<'_>, problem: impl Into<String>) -> ShapeError {
        let mut text = String::new();
        path.push_to(&mut text);
        ShapeError {
            path: text,
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            f.write_str(&self.path)?;
            f.write_str(": ")?;
            f.write_str(&self.problem)
        }
    }
}

impl std::error::Error for ShapeError {}

/// What every reader returns.
pub type Read<T> = Result<T, ShapeError>;

/// A string.
///
/// # Errors
/// When the value is not a string.
pub fn string(value: &Json, path: &Path<'_>) -> Read<String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| ShapeError::new(path, "expected a string"))
}

/// A boolean.
///
/// # Errors
/// When the value is not `true` or `false`.
pub fn boolean(value: &Json, path: &Path<'_>) -> Read<bool> {
    value
        .as_bool()
        .ok_or_else(|| ShapeError::new(path, "expected true or false"))
}

/// A `u32` written as a plain integer.
///
/// # Errors
/// When the value is not such a number.
pub fn uint32(value: &Json, path: &Path<'_>) -> Read<u32> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| ShapeError::new(path, "expected an integer from 0 to 4294967295"))
}

/// Any JSON value, copied.
///
/// # Errors
/// Never; the signature matches the other readers.
pub fn any(value: &Json, _path: &Path<'_>) -> Read<Json> {
    Ok(value.clone())
}

/// A string passed through a checked constructor such as `ProviderName::new`.
///
/// # Errors
/// When the value is not a string or the constructor refuses it.
pub fn checked<T>(
    value: &Json,
    path: &Path<'_>,
    what: &str,
    new: impl FnOnce(String) -> Option<T>,
) -> Read<T> {
    new(string(value, path)?).ok_or_else(|| ShapeError::new(path, ["expected ", what].concat()))
}

/// One of the spellings in `table`.
///
/// # Errors
/// When the value is not a string naming one of them.
pub fn one_of<T: Copy>(value: &Json, path: &Path<'_>, table: &[(&str, T)]) -> Read<T> {
    let found = value
        .as_str()
        .and_then(|s| table.iter().find(|(name, _)| *name == s));
    found.map(|(_, t)| *t).ok_or_else(|| {
        let mut problem = String::from("expected one of ");
        for (i, (name, _)) in table.iter().enumerate() {
            if i > 0 {
                problem.push_str(", ");
            }
            problem.push_str(name);
        }
        ShapeError::new(path, problem)
    })
}

/// An array, each item read by `item`.
///
/// # Errors
/// When the value is not an array, or the first item that fails.
pub fn list<T>(
    value: &Json,
    path: &Path<'_>,
    mut item: impl FnMut(&Json, &Path<'_>) -> Read<T>,
) -> Read<Vec<T>> {
    let items = value
        .as_array()
        .ok_or_else(|| ShapeError::new(path, "expected an array"))?;
    // A loop, here and in `entries`: collecting into a `Result` compiles an iterator adapter for
    // every item type, about 7 KB of the widget's wasm in all.
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        out.push(item(v, &Path::Index(path, i))?);
    }
    Ok(out)
}

/// An object's members as `(name, value)` pairs, each value read by `item`.
///
/// # Errors
/// When the value is not an object, or the first member that fails.
pub fn entries<T>(
    value: &Json,
    path: &Path<'_>,
    mut item: impl FnMut(&Json, &Path<'_>) -> Read<T>,
) -> Read<Vec<(String, T)>> {
    let members = value
        .as_object()
        .ok_or_else(|| ShapeError::new(path, "expected an object"))?;
    let mut out = Vec::new();
    for (k, v) in members {
        out.push((k.clone(), item(v, &Path::Key(path, k))?));
    }
    Ok(out)
}

/// An object read member by member.
pub struct Fields<'a> {
    members: &'a [(String, Json)],
    path: &'a Path<'a>,
}

impl<'a> Fields<'a> {
    /// The object at `path`.
    ///
    /// # Errors
    /// When the value is not an object.
    pub fn of(value: &'a Json, path: &'a Path<'a>) -> Read<Fields<'a>> {
        match value.as_object() {
            Some(members) => Ok(Fields { members, path }),
            None => Err(ShapeError::new(path, "expected an object")),
        }
    }

    /// The same object, refusing any member outside `known` (serde's `deny_unknown_fields`).
    ///
    /// # Errors
    /// Naming the first unknown member.
    pub fn strict(value: &'a Json, path: &'a Path<'a>, known: &[&str]) -> Read<Fields<'a>> {
        let fields = Fields::of(value, path)?;
        if let Some((key, _)) = fields
            .members
            .iter()
            .find(|(k, _)| !known.contains(&k.as_str()))
        {
            let at = Path::Key(path, key);
            return Err(ShapeError::new(
                &at,
                ["unknown field, expected one of ", &known.join(", ")].concat(),
            ));
        }
        Ok(fields)
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A member that must be present.
    ///
    /// # Errors
    /// When it is missing or `read` refuses it.
    pub fn req<T>(&self, key: &str, read: impl FnOnce(&Json, &Path<'_>) -> Read<T>) -> Read<T> {
        match self.get(key) {
            Some(value) => read(value, &Path::Key(self.path, key)),
            None => Err(ShapeError::new(&Path::Key(self.path, key), "missing field")),
        }
    }

    /// An optional member: missing and `null` are both `None`.
    ///
    /// # Errors
    /// When `read` refuses a present value.
    pub fn opt<T>(
        &self,
        key: &str,
        read: impl FnOnce(&Json, &Path<'_>) -> Read<T>,
    ) -> Read<Option<T>> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => read(value, &Path::Key(self.path, key)).map(Some),
        }
    }

    /// A member that defaults when missing (but not when `null`, as with serde's `default`).
    ///
    /// # Errors
    /// When `read` refuses a present value.
    pub fn or_default<T: Default>(
        &self,
        key: &str,
        read: impl FnOnce(&Json, &Path<'_>) -> Read<T>,
    ) -> Read<T> {
        match self.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value, &Path::Key(self.path, key)),
        }
    }
}
