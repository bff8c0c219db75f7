//! Synthetic knowledge bases of any size, valid by construction: for tests,
//! benchmarks and `examples/gen-kb.rs`.

use std::fmt::Write;

/// A knowledge base of `n` figures, with `n / 10` actors and lists (at least one each),
/// in the built-in schema; its ids start with `syn-` so that it merges with the
/// built-in knowledge base without a clash.
pub fn generate(n: usize) -> String {
    let mut s = String::with_capacity(n * 700);
    let groups = (n / 10).max(1);
    s.push_str("[[sections]]\nid = \"syn-section\"\ntitle = { fr = \"Section synthétique\", en = \"Synthetic section\" }\n\n");
    s.push_str("[[sources]]\nid = \"syn-source\"\nname = { fr = \"source synthétique\", en = \"synthetic source\" }\n\n");
    s.push_str("[[groups]]\nid = \"syn-group\"\nname = { fr = \"Groupe synthétique\", en = \"Synthetic group\" }\n\n");
    for t in 0..10 {
        let _ = write!(
            s,
            "[[topics]]\nid = \"syn-topic-{t}\"\nname = {{ fr = \"Thème {t}\", en = \"Topic {t}\" }}\n\n"
        );
    }
    for a in 0..groups {
        let parent = if a > 0 {
            format!("parent_id = \"syn-actor-{}\"\n", (a - 1) / 4)
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "[[actors]]\nid = \"syn-actor-{a}\"\ncode = \"SYN{a}\"\nname = {{ fr = \"Direction synthétique numéro {a}\", en = \"Synthetic directorate number {a}\" }}\n\
             group_id = \"syn-group\"\n{parent}role = {{ fr = \"Elle suit les dossiers numériques et l’énergie, lot {a}.\", en = \"It follows digital files and energy, batch {a}.\" }}\n\
             section_id = \"syn-section\"\n\n"
        );
    }
    for i in 0..n {
        let topic = i % 10;
        let actor = i % groups;
        let _ = write!(
            s,
            "[[figures]]\nid = \"syn-figure-{i}\"\ntopic_id = \"syn-topic-{topic}\"\nvalue = {i}\nunit = \"EUR\"\n\
             magnitude = {{ fr = \"{i} M€\", en = \"€{i}M\" }}\nlabel = {{ fr = \"Énergie {i}\", en = \"Energy {i}\" }}\n\
             text = {{ fr = \"Près de {i} M€ pour l’énergie.\", en = \"Nearly €{i}M for energy.\" }}\n\
             source_id = \"syn-source\"\nsection_id = \"syn-section\"\nactor_ids = [\"syn-actor-{actor}\"]\n\n"
        );
    }
    for l in 0..groups {
        let refs = if l < n {
            format!("ref_ids = [\"syn-figure-{l}\"]\n")
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "[[lists]]\nid = \"syn-list-{l}\"\ntitle = {{ fr = \"Liste synthétique {l}\", en = \"Synthetic list {l}\" }}\nsection_id = \"syn-section\"\n\
             [[lists.items]]\ntext = {{ fr = \"premier élément\", en = \"first item\" }}\n\
             [[lists.items]]\ntext = {{ fr = \"second élément\", en = \"second item\" }}\n{refs}\n"
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::generate;
    use crate::validate::Workspace;

    #[test]
    fn generated_knowledge_bases_are_valid() {
        for n in [0, 1, 25] {
            let mut ws = Workspace::default();
            let mut problems = ws.add_file("gen.toml", generate(n));
            problems.extend(ws.check());
            assert!(problems.is_empty(), "{problems:#?}");
            assert_eq!(ws.kb.figures.len(), n);
            assert_eq!(ws.kb.actors.len(), (n / 10).max(1));
        }
    }
}
