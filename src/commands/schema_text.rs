// Included by `commands::schema` and by build.rs (which checks, at build time, that
// it gives back each file of `docs/schema/`): one way to put a schema together.

/// A schema's text from its root without definitions (`head`) and the definitions
/// it holds, each `"Name":{…}`: the file of `docs/schema/` it was made from.
pub fn assemble(head: &str, defs: &[&str]) -> String {
    if defs.is_empty() {
        return head.to_string();
    }
    format!("{head},\"$defs\":{{{}}}}}\n", defs.join(","))
}
