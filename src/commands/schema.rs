//! `aimemo schema COMMAND`: the JSON Schema of a command's `--json` output.
//!
//! The schemas are generated from the commands' typed results (schemars, in this
//! module's tests, which rewrite them with `AIMEMO_BLESS=1` and fail when one is out
//! of date) and embedded from `docs/schema/`, as compact JSON (`| jq .` to read one). They are the contract for scripts:
//! keys may be added, never renamed or removed.

use crate::error::{Error, Msg, Result};

include!(concat!(env!("OUT_DIR"), "/schemas.rs"));
include!("schema_text.rs");

/// The schema of `command`'s JSON output.
pub fn run(command: &str) -> Result<String> {
    SCHEMAS
        .iter()
        .find(|(name, _, _)| *name == command)
        .map(|(_, head, held)| {
            let defs: Vec<&str> = held.iter().filter_map(|&i| DEFS.get(i).copied()).collect();
            assemble(head, &defs)
        })
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

    #[test]
    fn every_command_has_one_schema_and_each_is_up_to_date() {
        let mut generated = crate::commands::schemas();
        generated.sort_by_key(|(name, _)| *name);
        let bless = std::env::var_os("AIMEMO_BLESS").is_some();
        if !bless {
            let names: Vec<&str> = generated.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                names, NAMES,
                "docs/schema/ holds one file a command: AIMEMO_BLESS=1 cargo test schema writes them"
            );
        }
        for (name, schema) in &generated {
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
                    super::run(name).ok(),
                    Some(text),
                    "docs/schema/{name}.json is out of date: AIMEMO_BLESS=1 cargo test schema"
                );
            }
        }
    }

    #[test]
    fn an_unknown_command_is_a_usage_error() {
        let e = super::run("frobnicate").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("no command `frobnicate` has a JSON schema"));
    }
}
