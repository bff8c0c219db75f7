//! `aimemo schema COMMAND`: the JSON Schema of a command's `--json` output.
//!
//! The schemas are generated from the commands' typed results (schemars, in this
//! module's tests, which rewrite them with `AIMEMO_BLESS=1` and fail when one is out
//! of date) and embedded from `docs/schema/`, as compact JSON (`| jq .` to read one). They are the contract for scripts:
//! keys may be added, never renamed or removed.

use crate::error::{Error, Msg, Result};

/// Each command's schema, by the name `aimemo schema` takes (`overview` is `aimemo`
/// run without a command).
pub const SCHEMAS: &[(&str, &str)] = &[
    ("overview", include_str!("../../docs/schema/overview.json")),
    (
        "investments",
        include_str!("../../docs/schema/investments.json"),
    ),
    ("summit", include_str!("../../docs/schema/summit.json")),
    ("figures", include_str!("../../docs/schema/figures.json")),
    ("actors", include_str!("../../docs/schema/actors.json")),
    ("actor", include_str!("../../docs/schema/actor.json")),
    ("lists", include_str!("../../docs/schema/lists.json")),
    ("list", include_str!("../../docs/schema/list.json")),
    ("sources", include_str!("../../docs/schema/sources.json")),
    ("show", include_str!("../../docs/schema/show.json")),
    ("search", include_str!("../../docs/schema/search.json")),
    ("brief", include_str!("../../docs/schema/brief.json")),
    ("cite", include_str!("../../docs/schema/cite.json")),
    ("validate", include_str!("../../docs/schema/validate.json")),
];

/// The names `aimemo schema` takes.
pub const NAMES: [&str; 14] = [
    "overview",
    "investments",
    "summit",
    "figures",
    "actors",
    "actor",
    "lists",
    "list",
    "sources",
    "show",
    "search",
    "brief",
    "cite",
    "validate",
];

/// The schema of `command`'s JSON output.
pub fn run(command: &str) -> Result<&'static str> {
    SCHEMAS
        .iter()
        .find(|(name, _)| *name == command)
        .map(|(_, schema)| *schema)
        .ok_or_else(|| {
            let (c, names) = (super::shown(command), NAMES.join(", "));
            Error::Usage(Msg::new(
                format!("no command `{c}` has a JSON schema; one of: {names}"),
                format!("aucune commande `{c}` n’a de schéma JSON ; au choix : {names}"),
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::*;

    /// Every command's schema, generated from its result type.
    fn generated() -> Vec<(&'static str, schemars::Schema)> {
        use schemars::schema_for;
        vec![
            ("overview", schema_for!(overview::Overview<'static>)),
            (
                "investments",
                schema_for!(investments::Investments<'static>),
            ),
            ("summit", schema_for!(summit::Summit<'static>)),
            ("figures", schema_for!(figures::Figures<'static>)),
            ("actors", schema_for!(actors::Map<'static>)),
            ("actor", schema_for!(actors::OneActor<'static>)),
            ("lists", schema_for!(lists::Lists<'static>)),
            ("list", schema_for!(lists::OneList<'static>)),
            ("sources", schema_for!(sources::Sources<'static>)),
            ("show", schema_for!(show::Show<'static>)),
            ("search", schema_for!(search::Search<'static>)),
            ("brief", schema_for!(brief::Brief<'static>)),
            ("cite", schema_for!(cite::Cite<'static>)),
            ("validate", schema_for!(validate::Validation)),
        ]
    }

    #[test]
    fn every_command_has_one_schema_and_each_is_up_to_date() {
        let generated = generated();
        let names: Vec<&str> = generated.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, NAMES);
        assert_eq!(SCHEMAS.iter().map(|(n, _)| *n).collect::<Vec<_>>(), NAMES);
        let bless = std::env::var_os("AIMEMO_BLESS").is_some();
        for ((name, schema), (_, embedded)) in generated.iter().zip(SCHEMAS) {
            // Compact, to keep the binary small: `aimemo schema X | jq .` reads it.
            let text = format!(
                "{}\n",
                serde_json::to_string(schema).expect("a schema serializes")
            );
            let path = format!("{}/docs/schema/{name}.json", env!("CARGO_MANIFEST_DIR"));
            if bless {
                std::fs::write(&path, &text).expect("docs/schema is writable");
            } else {
                assert_eq!(
                    *embedded, text,
                    "docs/schema/{name}.json is out of date: AIMEMO_BLESS=1 cargo test schema"
                );
            }
        }
    }

    #[test]
    fn an_unknown_command_is_a_usage_error() {
        let e = run("frobnicate").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("no command `frobnicate` has a JSON schema"));
    }
}
