//! The initiate body, both ways: the widget writes it (and saves it with a pending submission),
//! and reads it back from saved state. Every object is strict (`deny_unknown_fields`), and the
//! writer emits the serde derive's key order and omissions byte for byte.

use crate::json::read::{any, boolean, entries, list, one_of, string, Fields, Path, Read};
use crate::json::{write_str, Json, Obj};
use crate::options::keys::SESSION_KEYS;
use crate::wire::{
    ConfigurationWebhook, EndUserConfiguration, FieldChoice, InitiateBody, Method, Schema,
    SchemaChoice, UpsertSetting,
};

const UPSERT: [(&str, UpsertSetting); 3] = [
    ("OVERWRITE", UpsertSetting::Overwrite),
    ("DO_NOT_UPDATE", UpsertSetting::DoNotUpdate),
    ("SET_IF_NOT_SET", UpsertSetting::SetIfNotSet),
];
const METHOD: [(&str, Method); 2] = [("IMPORT", Method::Import), ("EXPORT", Method::Export)];

impl UpsertSetting {
    /// Reads `OVERWRITE`, `DO_NOT_UPDATE` or `SET_IF_NOT_SET`.
    ///
    /// # Errors
    /// Any other value.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        one_of(v, p, &UPSERT)
    }
}

impl Method {
    /// Reads `IMPORT` or `EXPORT`.
    ///
    /// # Errors
    /// Any other value.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        one_of(v, p, &METHOD)
    }

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Import => "IMPORT",
            Method::Export => "EXPORT",
        }
    }
}

impl InitiateBody {
    /// Reads a body, refusing unknown keys at every level.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    #[allow(clippy::field_reassign_with_default)] // see the comment on `b`
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        // The session option's keys (the same body, verbatim) and the user's choices.
        let known: Vec<&str> = SESSION_KEYS
            .iter()
            .copied()
            .chain(["end_user_configuration"])
            .collect();
        let f = Fields::strict(v, p, &known)?;
        // Filled in place: on an error only the one body is dropped, where a struct literal
        // drops every member read so far at each `?`.
        let mut b = Self::default();
        b.label = f.opt("label", string)?;
        b.category = f.opt("category", string)?;
        b.configuration_webhook = f.opt("configuration_webhook", ConfigurationWebhook::read)?;
        b.default_upsert_setting = f.opt("default_upsert_setting", UpsertSetting::read)?;
        b.field_selection = f.opt("field_selection", boolean)?;
        b.passthrough_fields = f.opt("passthrough_fields", boolean)?;
        b.passthrough_schemas = f.opt("passthrough_schemas", boolean)?;
        b.sync = f.opt("sync", boolean)?;
        b.provider = f.opt("provider", string)?;
        b.provider_list_id = f.opt("provider_list_id", string)?;
        b.redirect_url = f.opt("redirect_url", string)?;
        b.resource_selection = f.opt("resource_selection", boolean)?;
        b.save_session = f.opt("save_session", boolean)?;
        b.schema = f.opt("schema", |v, p| list(v, p, Schema::read))?;
        b.schema_selection = f.opt("schema_selection", boolean)?;
        b.statistics = f.opt("statistics", boolean)?;
        b.webhook_concurrency = f.opt("webhook_concurrency", boolean)?;
        b.end_user_configuration = f.opt("end_user_configuration", EndUserConfiguration::read)?;
        Ok(b)
    }

    /// The body as compact JSON text, as the widget posts it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Whether `other` posts the same request. The writer spells distinct bodies differently (keys
    /// are fixed, strings escaped, numbers kept as written), so equal text is `==`; comparing text
    /// reuses the writer instead of compiling a deep comparison of every wire type into the wasm.
    pub fn same_request(&self, other: &InitiateBody) -> bool {
        self.to_json() == other.to_json()
    }

    /// Appends the body's JSON text.
    pub fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.opt_str("label", self.label.as_deref())
            .opt_str("category", self.category.as_deref());
        if let Some(hook) = &self.configuration_webhook {
            let mut h = Obj::new(o.key("configuration_webhook"));
            h.str("endpoint", &hook.endpoint)
                .opt_json("metadata", hook.metadata.as_ref())
                .end();
        }
        o.opt_str(
            "default_upsert_setting",
            self.default_upsert_setting.map(UpsertSetting::as_str),
        )
        .opt_bool("field_selection", self.field_selection)
        .opt_bool("passthrough_fields", self.passthrough_fields)
        .opt_bool("passthrough_schemas", self.passthrough_schemas)
        .opt_bool("sync", self.sync)
        .opt_str("provider", self.provider.as_deref())
        .opt_str("provider_list_id", self.provider_list_id.as_deref())
        .opt_str("redirect_url", self.redirect_url.as_deref())
        .opt_bool("resource_selection", self.resource_selection)
        .opt_bool("save_session", self.save_session);
        if let Some(schemas) = &self.schema {
            let out = o.key("schema");
            out.push('[');
            for (i, schema) in schemas.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                schema.write(out);
            }
            out.push(']');
        }
        o.opt_bool("schema_selection", self.schema_selection)
            .opt_bool("statistics", self.statistics)
            .opt_bool("webhook_concurrency", self.webhook_concurrency);
        if let Some(euc) = &self.end_user_configuration {
            euc.write(o.key("end_user_configuration"));
        }
        o.end();
    }
}

impl Schema {
    /// Reads one schema, refusing unknown keys.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let known = [
            "type",
            "endgrate_type",
            "title",
            "properties",
            "required",
            "associations",
        ];
        let f = Fields::strict(v, p, &known)?;
        Ok(Self {
            schema_type: f.opt("type", string)?,
            endgrate_type: f.opt("endgrate_type", string)?,
            title: f.opt("title", string)?,
            properties: f.opt("properties", |v, p| {
                Ok(entries(v, p, any)?.into_iter().collect())
            })?,
            required: f.opt("required", |v, p| list(v, p, string))?,
            associations: f.opt("associations", boolean)?,
        })
    }

    fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.opt_str("type", self.schema_type.as_deref())
            .opt_str("endgrate_type", self.endgrate_type.as_deref())
            .opt_str("title", self.title.as_deref());
        if let Some(props) = &self.properties {
            let mut m = Obj::new(o.key("properties"));
            for (name, prop) in props {
                m.json(name, prop);
            }
            m.end();
        }
        if let Some(required) = &self.required {
            write_strings(o.key("required"), required.iter().map(String::as_str));
        }
        o.opt_bool("associations", self.associations).end();
    }
}

impl ConfigurationWebhook {
    /// Reads `{endpoint, metadata?}`, refusing unknown keys.
    ///
    /// # Errors
    /// The path and problem of the first value of the wrong shape.
    pub fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::strict(v, p, &["endpoint", "metadata"])?;
        Ok(Self {
            endpoint: f.req("endpoint", string)?,
            metadata: f.opt("metadata", any)?,
        })
    }
}

impl EndUserConfiguration {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::strict(v, p, &["schemas"])?;
        Ok(Self {
            schemas: f.req("schemas", |v, p| {
                Ok(entries(v, p, SchemaChoice::read)?.into_iter().collect())
            })?,
        })
    }

    fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        let mut m = Obj::new(o.key("schemas"));
        for (key, choice) in &self.schemas {
            choice.write(m.key(key));
        }
        m.end();
        o.end();
    }
}

impl SchemaChoice {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let known = ["method", "integration", "fields", "passthrough_fields"];
        let f = Fields::strict(v, p, &known)?;
        Ok(Self {
            method: f.req("method", Method::read)?,
            integration: f.opt("integration", string)?,
            fields: f.or_default("fields", |v, p| {
                Ok(entries(v, p, FieldChoice::read)?.into_iter().collect())
            })?,
            passthrough_fields: f.or_default("passthrough_fields", |v, p| list(v, p, string))?,
        })
    }

    fn write(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.str("method", self.method.as_str())
            .opt_str("integration", self.integration.as_deref());
        if !self.fields.is_empty() {
            let mut m = Obj::new(o.key("fields"));
            for (name, choice) in &self.fields {
                let mut c = Obj::new(m.key(name));
                c.str("provider_field", &choice.provider_field)
                    .opt_str("upsert", choice.upsert.map(UpsertSetting::as_str))
                    .end();
            }
            m.end();
        }
        if !self.passthrough_fields.is_empty() {
            let names = self.passthrough_fields.iter().map(String::as_str);
            write_strings(o.key("passthrough_fields"), names);
        }
        o.end();
    }
}

impl FieldChoice {
    fn read(v: &Json, p: &Path<'_>) -> Read<Self> {
        let f = Fields::strict(v, p, &["provider_field", "upsert"])?;
        Ok(Self {
            provider_field: f.req("provider_field", string)?,
            upsert: f.opt("upsert", UpsertSetting::read)?,
        })
    }
}

/// Appends `["a","b"]`.
pub(crate) fn write_strings<'a>(out: &mut String, items: impl Iterator<Item = &'a str>) {
    out.push('[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(out, item);
    }
    out.push(']');
}
