//! The saved wizard state, both ways. Reading is strict (unknown keys refused at every level, as
//! with serde's `deny_unknown_fields`); the version and limits are checked by
//! [`crate::wizard::load_persisted`].

use super::initiate::write_strings;
use crate::ids::{FieldName, IdempotencyKey, ProviderName, ResourceId, SchemaKey};
use crate::json::read::{boolean, checked, entries, list, one_of, uint32, Fields, Path, Read};
use crate::json::{Json, Obj};
use crate::wire::{InitiateBody, Method, UpsertSetting};
use crate::wizard::{Pending, PersistedField, PersistedSchema, PersistedState, Step};

const STEPS: [(&str, Step); 9] = [
    ("provider", Step::Provider),
    ("schemas", Step::Schemas),
    ("resources", Step::Resources),
    ("mapping", Step::Mapping),
    ("review", Step::Review),
    ("submitting", Step::Submitting),
    ("done", Step::Done),
    ("error", Step::Error),
    ("exited", Step::Exited),
];

impl Step {
    /// The snake_case spelling, e.g. `step_changed` events carry `"mapping"`.
    pub fn as_str(self) -> &'static str {
        STEPS
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(name, _)| name)
    }

    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        one_of(v, p, &STEPS)
    }
}

fn field_name(v: &Json, p: &Path<'_>) -> Read<FieldName> {
    checked(v, p, "a field name", FieldName::new)
}

impl PersistedState {
    /// Reads saved state of the current shape.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let known = [
            "version", "step", "provider", "schemas", "pending", "finished",
        ];
        let f = Fields::strict(v, p, &known)?;
        Ok(Self {
            version: f.req("version", uint32)?,
            step: f.req("step", Step::read)?,
            provider: f.opt("provider", |v, p| {
                checked(v, p, "a provider name", ProviderName::new)
            })?,
            schemas: f.req("schemas", |v, p| list(v, p, PersistedSchema::read))?,
            pending: f.opt("pending", Pending::read)?,
            finished: f.req("finished", boolean)?,
        })
    }

    /// The state as compact JSON text, as saved to session storage.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        o.uint("version", u64::from(self.version))
            .str("step", self.step.as_str())
            .str_or_null("provider", self.provider.as_ref().map(ProviderName::as_str));
        let list = o.key("schemas");
        list.push('[');
        for (i, schema) in self.schemas.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            schema.write(list);
        }
        list.push(']');
        match &self.pending {
            Some(pending) => {
                let mut p = Obj::new(o.key("pending"));
                pending.body.write(p.key("body"));
                p.str("idempotency_key", pending.idempotency_key.as_str())
                    .end();
            }
            None => o.key("pending").push_str("null"),
        }
        o.bool("finished", self.finished).end();
        out
    }
}

impl Pending {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::strict(v, p, &["body", "idempotency_key"])?;
        Ok(Self {
            body: f.req("body", InitiateBody::read)?,
            idempotency_key: f.req("idempotency_key", |v, p| {
                checked(v, p, "an idempotency key", IdempotencyKey::new)
            })?,
        })
    }
}

impl PersistedSchema {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let known = [
            "key",
            "selected",
            "method",
            "resource",
            "fields",
            "passthrough",
        ];
        let f = Fields::strict(v, p, &known)?;
        Ok(Self {
            key: f.req("key", |v, p| checked(v, p, "a schema key", SchemaKey::new))?,
            selected: f.req("selected", boolean)?,
            method: f.req("method", Method::read)?,
            resource: f.opt("resource", |v, p| {
                checked(v, p, "a resource id", ResourceId::new)
            })?,
            fields: f.req("fields", |v, p| {
                let mut map = crate::sorted::SortedMap::new();
                for (name, field) in entries(v, p, PersistedField::read)? {
                    let key = Path::Key(p, &name);
                    map.insert(field_name(&Json::String(name.clone()), &key)?, field);
                }
                Ok(map)
            })?,
            passthrough: f.req("passthrough", |v, p| {
                Ok(list(v, p, field_name)?.into_iter().collect())
            })?,
        })
    }

    fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.str("key", self.key.as_str())
            .bool("selected", self.selected)
            .str("method", self.method.as_str())
            .str_or_null("resource", self.resource.as_ref().map(ResourceId::as_str));
        let mut m = Obj::new(o.key("fields"));
        for (name, field) in &self.fields {
            let mut f = Obj::new(m.key(name.as_str()));
            f.str_or_null(
                "provider_field",
                field.provider_field.as_ref().map(FieldName::as_str),
            )
            .bool("suggested", field.suggested)
            .str("upsert", field.upsert.as_str())
            .end();
        }
        m.end();
        write_strings(
            o.key("passthrough"),
            self.passthrough.iter().map(FieldName::as_str),
        );
        o.end();
    }
}

impl PersistedField {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::strict(v, p, &["provider_field", "suggested", "upsert"])?;
        Ok(Self {
            provider_field: f.opt("provider_field", field_name)?,
            suggested: f.req("suggested", boolean)?,
            upsert: f.req("upsert", UpsertSetting::read)?,
        })
    }
}
