//! A stand-in for the mapping step's container: tables and rows in one signal the test edits,
//! choices and passthrough fields filtered by a plain substring (the ranking itself is the
//! core's and tested there),
//! and every action recorded.
#![allow(dead_code)]

use endgrate_session_widget::components::{Choice, MappingData, MappingRow, MappingTable};
use leptos::prelude::*;
use widget_core::wire::UpsertSetting;
use widget_core::wizard::RowFilter;

/// One table as the fake serves it.
#[derive(Clone, Default)]
pub struct FakeTable {
    pub table: MappingTable,
    pub rows: Vec<MappingRow>,
    /// What every row's picker lists for a blank query.
    pub choices: Vec<Choice>,
}

/// What the user did, as the fake received it.
#[derive(Debug, Clone, PartialEq)]
pub enum Did {
    Map(usize, usize, Option<String>),
    Upsert(usize, usize, UpsertSetting),
    Passthrough(usize, String),
    Undo,
}

#[derive(Clone, Copy)]
pub struct Fake {
    pub tables: RwSignal<Vec<FakeTable>>,
    pub actions: StoredValue<Vec<Did>>,
    /// Every query a picker asked for.
    pub queries: StoredValue<Vec<String>>,
}

impl Fake {
    pub fn new(tables: Vec<FakeTable>) -> Fake {
        Fake {
            tables: RwSignal::new(tables),
            actions: StoredValue::new(Vec::new()),
            queries: StoredValue::new(Vec::new()),
        }
    }

    pub fn actions(&self) -> Vec<Did> {
        self.actions.get_value()
    }

    fn record(&self, action: Did) {
        self.actions.update_value(|a| a.push(action));
    }
}

impl MappingData for Fake {
    fn tables(&self) -> usize {
        self.tables.with_untracked(Vec::len)
    }
    fn table(&self, table: usize) -> MappingTable {
        self.tables
            .with(|t| t.get(table).map(|t| t.table.clone()))
            .unwrap_or_default()
    }
    fn row(&self, table: usize, row: usize) -> MappingRow {
        self.tables
            .with(|t| t.get(table).and_then(|t| t.rows.get(row).cloned()))
            .unwrap_or_default()
    }
    fn choices(&self, table: usize, _row: usize, query: &str) -> Vec<Choice> {
        self.queries.update_value(|q| q.push(query.to_owned()));
        let query = query.trim().to_lowercase();
        self.tables.with_untracked(|t| {
            t[table]
                .choices
                .iter()
                .filter(|c| c.label.to_lowercase().contains(&query))
                .cloned()
                .collect()
        })
    }
    fn rows_shown(&self, table: usize, filter: &RowFilter) -> Vec<bool> {
        let query = filter.query.trim().to_lowercase();
        self.tables.with_untracked(|t| {
            t[table]
                .rows
                .iter()
                .map(|r| {
                    r.label.to_lowercase().contains(&query)
                        && (!filter.unmapped_only || r.provider_field.is_none())
                        && (!filter.required_only || r.required)
                })
                .collect()
        })
    }
    fn required_left(&self) -> (usize, Option<(usize, usize)>) {
        self.tables.with(|tables| {
            let mut n = 0;
            let mut first = None;
            for (t, table) in tables.iter().enumerate() {
                for (r, row) in table.rows.iter().enumerate() {
                    if row.required && row.provider_field.is_none() {
                        n += 1;
                        first.get_or_insert((t, r));
                    }
                }
            }
            (n, first)
        })
    }
    fn map(&self, table: usize, row: usize, chosen: Option<String>) {
        self.record(Did::Map(table, row, chosen));
    }
    fn upsert(&self, table: usize, row: usize, setting: UpsertSetting) {
        self.record(Did::Upsert(table, row, setting));
    }
    fn passthrough(&self, table: usize, field: String) {
        self.record(Did::Passthrough(table, field));
    }
    fn undo(&self) {
        self.record(Did::Undo);
    }
    fn passthrough_matches(&self, table: usize, query: &str) -> Vec<usize> {
        let query = query.trim().to_lowercase();
        self.tables.with_untracked(|t| {
            t[table]
                .table
                .passthrough
                .iter()
                .enumerate()
                .filter(|(_, p)| p.1.to_lowercase().contains(&query))
                .map(|(i, _)| i)
                .collect()
        })
    }
}

/// A provider field choice.
pub fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: label.into(),
        kind: "string".into(),
        custom: false,
        suggested: false,
    }
}

/// An app field row.
pub fn row(field: &str, label: &str) -> MappingRow {
    MappingRow {
        field: field.into(),
        label: label.into(),
        required: false,
        provider_field: None,
        suggested: false,
        upsert: None,
    }
}
