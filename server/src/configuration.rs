//! The session configuration in Endgrate's shape (endgrate-api.md section 5), built from a stored
//! session: provider, per-schema integration and method, the schema with its properties, the
//! passthrough fields, plus the widget's `end_user_configuration` as stored.
//!
//! Pure: reads the catalog and the session, writes nothing.

use crate::seed::Catalog;
use crate::sessions::StoredSession;
use serde_json::{json, Map, Value};
use widget_core::request::{resource_display_name, resource_name};
use widget_core::resources::{candidates, fields_type, matched_resource};
use widget_core::wire::{Field, Method, Schema};

/// `{"success": true, "session_id", "endgrate", "schemas", "passthrough_schemas", "end_user_configuration"}`.
pub fn build(catalog: &Catalog, session: &StoredSession) -> Value {
    let provider_name = session.provider.clone().unwrap_or_default();
    let provider = catalog.provider(&provider_name);
    let provider_info = provider
        .map(|p| json!(p.entry.provider))
        .unwrap_or(Value::Null);
    let euc = session.end_user_configuration.as_ref();

    let mut entries: Vec<(String, Option<&Schema>)> = Vec::new();
    for schema in session.body.schema.iter().flatten() {
        let key = match schema.endgrate_type.as_deref() {
            Some(t) if t != "unspecified" => t.to_string(),
            _ => schema.title.clone().unwrap_or_default(),
        };
        entries.push((key, Some(schema)));
    }
    if let Some(category) = &session.body.category {
        for t in catalog.types_of_category(category) {
            if !entries.iter().any(|(k, _)| *k == t) {
                entries.push((t, None));
            }
        }
    }

    let resource_selection = session.body.resource_selection == Some(true);
    let mut schemas = Map::new();
    for (key, given) in entries {
        let is_model = catalog.is_known_type(&key);
        let choice = euc.and_then(|e| e.schemas.get(&key));
        let picks = || choice.into_iter().flat_map(|c| c.methods.picks());
        // A schema given by title syncs through the provider's custom object of that name, or
        // through the resource the user matched it to (widget_core's rule).
        let by_title = provider
            .zip(given.filter(|_| !is_model))
            .map(|(p, schema)| (schema, candidates(&p.entry, schema, resource_selection)));
        let integration = match &by_title {
            Some((_, c)) if c.matched_by_user => {
                matched_resource(c.integrations.iter().copied(), picks())
            }
            Some((_, c)) => c.integrations.first().copied(),
            None => provider.and_then(|p| p.integration(&key)),
        };
        if is_model && integration.is_none() {
            continue; // The provider cannot sync this schema, so Endgrate would not configure it.
        }
        // Endgrate's entry names one integration: the pull one when the schema is pulled (a
        // schema both pulled and pushed lists both in `end_user_configuration`).
        let method = choice
            .and_then(|c| c.methods.iter().next().map(|(m, _)| m))
            .unwrap_or(match integration {
                Some(i) if !i.supports_pull => Method::Export,
                _ => Method::Import,
            });
        let method_str = method.as_str();
        let mut entry = Map::new();
        let display_name = integration.map(|i| i.display_name.as_str()).or_else(|| {
            catalog
                .schemas
                .get(&key)
                .filter(|_| is_model)
                .map(|def| def.display_name.as_str())
        });
        if let Some(display_name) = display_name {
            // Named as the widget names it: `widget_core::request::resource_name` over the
            // integration's display name, e.g. `get-contacts` / "Get Contacts".
            let name = choice
                .and_then(|c| c.methods.get(method))
                .and_then(|m| m.integration.clone())
                .unwrap_or_else(|| resource_name(display_name, method));
            let info_display_name = resource_display_name(display_name, method);
            entry.insert(
                "integration_info".into(),
                json!({"name": name, "display_name": info_display_name, "method": method_str}),
            );
            entry.insert("integration".into(), json!(name));
        }
        entry.insert(
            "schema".into(),
            schema_json(catalog, &key, given, method_str),
        );

        // The fields of the object the mapping was made against (a matched resource's type).
        let fields_type = match &by_title {
            Some((schema, c)) => fields_type(schema, integration.filter(|_| c.matched_by_user)),
            None => key.clone(),
        };
        let provider_fields: &[Field] = provider
            .and_then(|p| p.fields.get(&fields_type))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let passthrough: Vec<&Field> = match choice {
            Some(c) => provider_fields
                .iter()
                .filter(|f| c.passthrough_fields.contains(&f.name))
                .collect(),
            // Endgrate: with passthrough_fields and no field selection, every custom field passes.
            None if session.body.passthrough_fields == Some(true)
                && session.body.field_selection != Some(true) =>
            {
                provider_fields.iter().filter(|f| f.custom).collect()
            }
            None => Vec::new(),
        };
        if !passthrough.is_empty() {
            let properties: Map<String, Value> = passthrough
                .iter()
                .map(|f| (f.name.clone(), property(f)))
                .collect();
            entry.insert(
                "passthrough_fields".into(),
                json!({"properties": properties}),
            );
        }
        schemas.insert(key, Value::Object(entry));
    }

    let mut out = json!({
        "success": true,
        "session_id": session.id,
        "endgrate": {"provider": provider_name, "provider_info": provider_info},
        "schemas": schemas,
        "passthrough_schemas": {},
    });
    if let Some(euc) = euc {
        out["end_user_configuration"] = json!(euc);
    }
    out
}

fn schema_json(catalog: &Catalog, key: &str, given: Option<&Schema>, method: &str) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    if catalog.is_known_type(key) {
        schema.insert("endgrate_type".into(), json!(key));
    }
    if let Some(title) = given.and_then(|s| s.title.clone()) {
        schema.insert("title".into(), json!(title));
    }
    match given.and_then(|s| s.properties.clone()) {
        Some(properties) => {
            schema.insert("properties".into(), json!(properties));
            schema.insert(
                "required".into(),
                json!(given.and_then(|s| s.required.clone()).unwrap_or_default()),
            );
        }
        None => {
            let fields = catalog
                .schemas
                .get(key)
                .map(|d| d.fields.as_slice())
                .unwrap_or_default();
            let properties: Map<String, Value> = fields
                .iter()
                .map(|f| (f.name.clone(), property(f)))
                .collect();
            let required: Vec<&str> = match given.and_then(|s| s.required.as_ref()) {
                Some(required) => required.iter().map(String::as_str).collect(),
                None => fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| f.name.as_str())
                    .collect(),
            };
            schema.insert("properties".into(), Value::Object(properties));
            schema.insert("required".into(), json!(required));
        }
    }
    schema.insert("session_method".into(), json!(method));
    Value::Object(schema)
}

fn property(field: &Field) -> Value {
    let mut p = Map::new();
    p.insert("type".into(), json!(field.field_type));
    if let Some(format) = &field.format {
        p.insert("format".into(), json!(format));
    }
    if let Some(title) = &field.title {
        p.insert("title".into(), json!(title));
    }
    Value::Object(p)
}
