//! The module graph of `src/` is a DAG you can draw, and the README draws it.
//!
//! This test reads every file under `src/`, finds what each one names of the crate (`use
//! crate::…`, `use super::…`, and paths written inline such as `crate::sort::sort(…)`), follows
//! re-exports (`pub use period::Date` in `data/mod.rs` makes `crate::data::Date` a name of
//! `data/period.rs`) to the file that defines each name, and fails when
//!
//! - the modules or folders inside one folder import each other in a cycle (at the top level:
//!   `data` → `plan` → `data`; inside `data/input/`: `json_text.rs` → `observations.rs` →
//!   `json_text.rs`), or
//! - a file uses something defined in the front door (`mod.rs`, `lib.rs`) of a folder above its
//!   own: `data/sheet/read.rs` may use what `data/sheet/mod.rs` defines, but not what
//!   `data/mod.rs` or `lib.rs` defines (the folder above holds it, so it would hold itself).
//!
//! A folder's front door may use its own files, and its files what it defines; neither counts
//! as a cycle. It then prints the diagram of every folder and checks that README.md's
//! "Module graph" block is that diagram. After changing imports:
//! `MODULES_UPDATE=1 cargo test --test modules` rewrites the block.
//!
//! It also holds `src/` to no function over 150 lines (from `fn` to its closing brace) and no
//! file over 800, the exceptions listed with their reason; and the JavaScript of `www/` and
//! `src/` to the same (a function measured from its head to its closing brace at its
//! indentation).

#![cfg(not(target_arch = "wasm32"))]
// A test's helpers, like its tests, fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

#[path = "common/source.rs"]
mod source;
use source::{blanked, rs_files, src};

const BEGIN: &str = "<!-- module graph: written by `MODULES_UPDATE=1 cargo test --test modules` -->";
const END: &str = "<!-- end of module graph -->";

/// Upward uses that are known and why: (file, file it uses, reason). Keep this short.
const ALLOWED_UPWARD: &[(&str, &str, &str)] = &[(
    "wasm/mod.rs",
    "lib.rs",
    "the JavaScript boundary wraps the `Engine` that lib.rs defines; the boundary part of \
     issue 23 (the core without wasm-bindgen) moves one of them",
)];

/// Top-level uses that no cycle would catch but the design rules out: (from, to, why).
const FORBIDDEN: &[(&str, &str, &str)] = &[
    (
        "data/",
        "plan/",
        "the portal's data is read without a plan; shared words are in vocab.rs",
    ),
    (
        "plan/",
        "data/",
        "a rule pack is read without the portal's data; shared words are in vocab.rs",
    ),
    (
        "report/",
        "ramp/",
        "the report's types hold results, not the computation that makes them",
    ),
    (
        "report/",
        "evaluate/",
        "the report's types hold results, not the computation that makes them",
    ),
    ("report/", "plan/", "the report names the plan's words through vocab.rs"),
    ("vocab.rs", "*", "the shared words are a leaf"),
    ("sort.rs", "*", "sorting is a leaf"),
];

type ModPath = Vec<String>;

/// One file of `src/` as read here.
#[derive(Default)]
struct File {
    /// `src/`-relative path, with `/`.
    rel: String,
    /// Its module path (`data::sheet` for `data/sheet/mod.rs`).
    module: ModPath,
    /// Whether it is a folder's front door (`lib.rs`, `mod.rs`).
    front: bool,
    /// Every `use` of the file's top level (not inside an inline `mod`): (path, name it binds).
    uses: Vec<(ModPath, String)>,
    /// Names the file defines at its top level (fn, struct, enum, const, …).
    defines: BTreeSet<String>,
    /// Every path naming the crate, with the inline module it was written in.
    refs: Vec<(ModPath, ModPath)>,
}

// ---- a small Rust tokenizer: identifiers and punctuation, comments and literals dropped ----

fn tokens(text: &str) -> Vec<String> {
    // Comments and string literals are spaces there (char literals too; lifetimes stay).
    let c: Vec<char> = blanked(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch == '\'' {
            // A char literal ('a', '\n', '\u{1F}') or a lifetime ('a).
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(c[start..i].iter().collect());
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_' || c[i] == '.') {
                if c[i] == '.' && !c.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    break;
                }
                i += 1;
            }
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else if ch.is_whitespace() {
            i += 1;
        } else {
            out.push(ch.to_string());
            i += 1;
        }
    }
    out
}

// ---- reading a file's uses, definitions and inline paths ----

/// A use tree from `t[*i]` on, expanded into (path, bound name).
fn use_tree(t: &[String], i: &mut usize, prefix: &ModPath, out: &mut Vec<(ModPath, String)>) {
    let mut path = prefix.clone();
    loop {
        let Some(tok) = t.get(*i) else { return };
        if tok == "{" {
            *i += 1;
            loop {
                if t.get(*i).map(String::as_str) == Some("}") {
                    *i += 1;
                    return;
                }
                use_tree(t, i, &path, out);
                match t.get(*i).map(String::as_str) {
                    Some(",") => *i += 1,
                    Some("}") => {
                        *i += 1;
                        return;
                    }
                    _ => return,
                }
            }
        } else if tok == "*" {
            *i += 1;
            out.push((path.clone(), "*".into()));
            return;
        } else if tok == "::" {
            *i += 1;
        } else if tok.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
            path.push(tok.clone());
            *i += 1;
            if t.get(*i).map(String::as_str) != Some("::") {
                let mut name = tok.clone();
                if t.get(*i).map(String::as_str) == Some("as") {
                    name = t.get(*i + 1).cloned().unwrap_or_default();
                    *i += 2;
                }
                if name == "self" {
                    path.pop();
                    name = path.last().cloned().unwrap_or_default();
                }
                out.push((path, name));
                return;
            }
        } else {
            return;
        }
    }
}

const ITEM_KEYWORDS: &[&str] = &[
    "fn",
    "struct",
    "enum",
    "const",
    "static",
    "type",
    "trait",
    "union",
    "macro_rules",
];

fn read_file(text: &str, file: &mut File, modules: &BTreeSet<ModPath>) {
    let t = tokens(text);
    // Inline modules (`mod tests { … }`): their names and the depth of braces they open at.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < t.len() {
        let tok = t[i].as_str();
        let here: ModPath = file
            .module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        match tok {
            "{" => {
                depth += 1;
                i += 1;
            }
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                i += 1;
            }
            "mod" if t.get(i + 2).map(String::as_str) == Some("{") => {
                inline.push((t[i + 1].clone(), depth));
                depth += 1;
                i += 3;
            }
            "use" => {
                i += 1;
                let mut found = Vec::new();
                use_tree(&t, &mut i, &Vec::new(), &mut found);
                for (path, name) in found {
                    if inline.is_empty() && depth == 0 {
                        file.uses.push((path.clone(), name));
                    }
                    file.refs.push((here.clone(), path));
                }
            }
            "crate" | "super" | "self" if t.get(i + 1).map(String::as_str) == Some("::") => {
                let mut path = vec![t[i].clone()];
                i += 1;
                while t.get(i).map(String::as_str) == Some("::")
                    && t.get(i + 1)
                        .is_some_and(|s| s.chars().all(|ch| ch.is_alphanumeric() || ch == '_'))
                {
                    path.push(t[i + 1].clone());
                    i += 2;
                }
                file.refs.push((here, path));
            }
            _ if ITEM_KEYWORDS.contains(&tok) && depth == 0 && inline.is_empty() => {
                let at = if tok == "macro_rules" { i + 2 } else { i + 1 };
                if let Some(name) = t.get(at) {
                    file.defines.insert(name.clone());
                }
                i += 1;
            }
            _ => {
                // `period::parse(…)` in `data/mod.rs`: a path through a child module.
                let mut child = here.clone();
                child.push(tok.to_string());
                if t.get(i + 1).map(String::as_str) == Some("::")
                    && (i == 0 || t[i - 1] != "::")
                    && modules.contains(&child)
                {
                    file.refs.push((here, vec!["self".into(), tok.to_string()]));
                }
                i += 1;
            }
        }
    }
}

// ---- resolving a path to the file that defines its name ----

struct Crate {
    files: Vec<File>,
    by_module: BTreeMap<ModPath, usize>,
}

impl Crate {
    fn load() -> Crate {
        let root = src();
        let mut paths = Vec::new();
        rs_files(&root, &mut paths);
        let mut files: Vec<File> = paths
            .iter()
            .map(|p| {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                let mut module: ModPath = rel.trim_end_matches(".rs").split('/').map(String::from).collect();
                let front = matches!(module.last().map(String::as_str), Some("mod" | "lib"));
                if front {
                    module.pop();
                }
                File {
                    rel,
                    module,
                    front,
                    ..File::default()
                }
            })
            .collect();
        let modules: BTreeSet<ModPath> = files.iter().map(|f| f.module.clone()).collect();
        for (f, p) in files.iter_mut().zip(&paths) {
            read_file(&fs::read_to_string(p).unwrap(), f, &modules);
        }
        let by_module = files.iter().enumerate().map(|(i, f)| (f.module.clone(), i)).collect();
        Crate { files, by_module }
    }

    /// The file a path written in module `here` leads to, and the files whose names it went
    /// through on the way (re-exports), or `None` outside the crate.
    fn resolve(&self, here: &ModPath, path: &ModPath, via: &mut Vec<usize>) -> Option<usize> {
        let mut base: ModPath = here.clone();
        // Inline modules are part of their file: start from the nearest file module.
        while !self.by_module.contains_key(&base) {
            base.pop();
        }
        let mut rest = path.as_slice();
        match rest.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                // `super` counts from the module written in, which may be inline.
                let mut at = here.clone();
                while rest.first().map(String::as_str) == Some("super") {
                    at.pop();
                    rest = &rest[1..];
                }
                base = at;
                while !self.by_module.contains_key(&base) {
                    base.pop();
                }
            }
            Some(first) => {
                let mut child = base.clone();
                child.push(first.to_string());
                if !self.by_module.contains_key(&child) {
                    // A name the module imports (`use super::explain;` then `explain::x`).
                    return None;
                }
            }
            None => return None,
        }
        self.walk(base, rest, 0, via)
    }

    fn walk(&self, mut module: ModPath, rest: &[String], depth: usize, via: &mut Vec<usize>) -> Option<usize> {
        if depth > 16 {
            return self.by_module.get(&module).copied();
        }
        for (k, seg) in rest.iter().enumerate() {
            let mut child = module.clone();
            child.push(seg.clone());
            if self.by_module.contains_key(&child) {
                module = child;
                continue;
            }
            let at = *self.by_module.get(&module)?;
            if seg == "*" || seg == "self" {
                return Some(at);
            }
            via.push(at);
            return Some(self.name_in(at, seg, &rest[k + 1..], depth, via).unwrap_or(at));
        }
        self.by_module.get(&module).copied()
    }

    /// Where the name `seg` of file `at` is defined, following its `use`s.
    fn name_in(&self, at: usize, seg: &str, rest: &[String], depth: usize, via: &mut Vec<usize>) -> Option<usize> {
        let file = &self.files[at];
        if file.defines.contains(seg) {
            return Some(at);
        }
        for (path, name) in &file.uses {
            if name == seg {
                let mut full = path.clone();
                full.extend(rest.iter().cloned());
                return self.resolve_from(&file.module, &full, depth + 1, via);
            }
        }
        for (path, name) in &file.uses {
            if name == "*" {
                if let Some(g) = self.resolve_from(&file.module, path, depth + 1, &mut Vec::new()) {
                    if g != at && self.provides(g, seg, depth + 1) {
                        let mut full = path.clone();
                        full.push(seg.to_string());
                        full.extend(rest.iter().cloned());
                        return self.resolve_from(&file.module, &full, depth + 1, via);
                    }
                }
            }
        }
        None
    }

    fn provides(&self, at: usize, seg: &str, depth: usize) -> bool {
        depth < 16 && (self.files[at].defines.contains(seg) || self.files[at].uses.iter().any(|(_, n)| n == seg))
    }

    fn resolve_from(&self, here: &ModPath, path: &ModPath, depth: usize, via: &mut Vec<usize>) -> Option<usize> {
        let mut base = here.clone();
        let mut rest = path.as_slice();
        match rest.first().map(String::as_str) {
            Some("crate") => {
                base.clear();
                rest = &rest[1..];
            }
            Some("self") => rest = &rest[1..],
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            Some(first) => {
                let mut child = base.clone();
                child.push(first.to_string());
                if !self.by_module.contains_key(&child) {
                    return None;
                }
            }
            None => return None,
        }
        self.walk(base, rest, depth, via)
    }

    /// Whether file `door` is the front door of a folder holding file `of`.
    fn is_door_above(&self, door: usize, of: usize) -> bool {
        let (d, f) = (&self.files[door], &self.files[of]);
        d.front && f.module.len() >= d.module.len() && f.module.starts_with(&d.module)
    }

    /// Every (file, file it uses) of the crate, each once.
    fn edges(&self) -> BTreeSet<(usize, usize)> {
        let mut out = BTreeSet::new();
        for (i, f) in self.files.iter().enumerate() {
            for (here, path) in &f.refs {
                let mut via = Vec::new();
                if let Some(j) = self.resolve(here, path, &mut via) {
                    // `crate::plan::Level` uses `plan` even when `plan` only re-exports it;
                    // `crate::data::Date` from inside `data` uses `data/period.rs` only.
                    let doors = via.into_iter().filter(|&v| !self.is_door_above(v, i));
                    for j in doors.chain([j]) {
                        if i != j {
                            out.insert((i, j));
                        }
                    }
                }
            }
        }
        out
    }
}

// ---- the graph of each folder ----

/// The child of folder `folder` that holds module `m` (`data/sheet/` for `data::sheet::read`
/// in `data`), or `None` when `m` is the folder's own front door or outside it.
fn child_of(folder: &ModPath, m: &ModPath, front: bool, by_module: &BTreeMap<ModPath, usize>) -> Option<String> {
    if m.len() <= folder.len() || !m.starts_with(folder) {
        return None;
    }
    let name = &m[folder.len()];
    let mut child = folder.clone();
    child.push(name.clone());
    // A folder when it has files below it or is itself a front door.
    let is_folder =
        by_module.keys().any(|k| k.len() > child.len() && k.starts_with(&child)) || (front && m.len() == child.len());
    Some(if is_folder {
        format!("{name}/")
    } else {
        format!("{name}.rs")
    })
}

struct Folder {
    path: ModPath,
    children: BTreeSet<String>,
    edges: BTreeSet<(String, String)>,
}

fn folders(krate: &Crate, edges: &BTreeSet<(usize, usize)>) -> Vec<Folder> {
    let mut out = Vec::new();
    for f in krate.files.iter().filter(|f| f.front) {
        let folder = f.module.clone();
        let mut children = BTreeSet::new();
        for g in &krate.files {
            if let Some(c) = child_of(&folder, &g.module, g.front, &krate.by_module) {
                children.insert(c);
            }
        }
        let mut fe = BTreeSet::new();
        for &(a, b) in edges {
            let (fa, fb) = (&krate.files[a], &krate.files[b]);
            let ca = child_of(&folder, &fa.module, fa.front, &krate.by_module);
            let cb = child_of(&folder, &fb.module, fb.front, &krate.by_module);
            if let (Some(ca), Some(cb)) = (ca, cb) {
                if ca != cb {
                    fe.insert((ca, cb));
                }
            }
        }
        out.push(Folder {
            path: folder,
            children,
            edges: fe,
        });
    }
    // `src/` first, then each folder before the folders inside it.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The children in layers: each imports only from the layers after it. `Err` holds the
/// children left in cycles.
fn layers(folder: &Folder) -> Result<Vec<Vec<String>>, BTreeSet<String>> {
    let mut left: BTreeSet<String> = folder.children.clone();
    let mut bottom_up = Vec::new();
    while !left.is_empty() {
        let layer: Vec<String> = left
            .iter()
            .filter(|c| !folder.edges.iter().any(|(a, b)| a == *c && left.contains(b)))
            .cloned()
            .collect();
        if layer.is_empty() {
            // Keep only those on a cycle: drop what nothing left imports, repeatedly.
            loop {
                let drop: Vec<String> = left
                    .iter()
                    .filter(|c| !folder.edges.iter().any(|(a, b)| b == *c && left.contains(a)))
                    .cloned()
                    .collect();
                if drop.is_empty() {
                    return Err(left);
                }
                for d in drop {
                    left.remove(&d);
                }
            }
        }
        for c in &layer {
            left.remove(c);
        }
        bottom_up.push(layer);
    }
    bottom_up.reverse();
    Ok(bottom_up)
}

fn folder_name(path: &ModPath) -> String {
    if path.is_empty() {
        "src/".into()
    } else {
        format!("src/{}/", path.join("/"))
    }
}

/// The diagram: for each folder with more than one child, its children from the top (imports
/// the most) to the bottom (imports nothing of the folder), each with what it imports.
fn diagram(folders: &[Folder]) -> String {
    let mut out = String::new();
    for folder in folders.iter().filter(|f| f.children.len() > 1) {
        let Ok(layers) = layers(folder) else { continue };
        out.push_str(&folder_name(&folder.path));
        out.push('\n');
        let width = folder.children.iter().map(|c| c.chars().count()).max().unwrap_or(0);
        let rows: Vec<&String> = layers.iter().flatten().collect();
        for (k, c) in rows.iter().enumerate() {
            let branch = if k + 1 == rows.len() { "└─" } else { "├─" };
            let uses: Vec<String> = folder
                .edges
                .iter()
                .filter(|(a, _)| a == *c)
                .map(|(_, b)| {
                    b.strip_suffix(".rs")
                        .or_else(|| b.strip_suffix('/'))
                        .unwrap_or(b)
                        .to_string()
                })
                .collect();
            let line = if uses.is_empty() {
                format!("{branch} {c}")
            } else {
                format!("{branch} {c:<width$} → {}", uses.join(", "))
            };
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

#[test]
fn the_module_graph_has_no_cycle_and_no_folder_imports_one_above_it() {
    let krate = Crate::load();
    let edges = krate.edges();
    let mut problems = Vec::new();
    for folder in folders(&krate, &edges) {
        if let Err(cycle) = layers(&folder) {
            let inside: Vec<String> = folder
                .edges
                .iter()
                .filter(|(a, b)| cycle.contains(a) && cycle.contains(b))
                .map(|(a, b)| format!("{a} → {b}"))
                .collect();
            problems.push(format!(
                "a cycle in {}: {}",
                folder_name(&folder.path),
                inside.join("; ")
            ));
        }
    }
    for folder in folders(&krate, &edges).iter().filter(|f| f.path.is_empty()) {
        for (from, to, why) in FORBIDDEN {
            for (a, b) in &folder.edges {
                if a == from && (b == to || *to == "*") {
                    problems.push(format!("src/{a} uses src/{b}: {why}"));
                }
            }
        }
    }
    for &(a, b) in &edges {
        let (fa, fb) = (&krate.files[a], &krate.files[b]);
        // The folder a file belongs to: its own module when it is a front door, else its parent.
        let own: &[String] = if fa.front {
            &fa.module
        } else {
            &fa.module[..fa.module.len() - 1]
        };
        let above = fb.front && own.len() > fb.module.len() && own.starts_with(&fb.module);
        let allowed = ALLOWED_UPWARD
            .iter()
            .any(|(from, to, _)| fa.rel == *from && fb.rel == *to);
        if (above || (fb.module.is_empty() && !fa.module.is_empty())) && !allowed {
            problems.push(format!(
                "src/{} uses what src/{} defines, a folder above its own",
                fa.rel, fb.rel
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the module graph of src/:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_readme_draws_the_module_graph() {
    let krate = Crate::load();
    let edges = krate.edges();
    let drawn = diagram(&folders(&krate, &edges));
    println!("{drawn}");
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = fs::read_to_string(&readme_path).unwrap();
    let block = format!("{BEGIN}\n\n```text\n{drawn}```\n\n{END}");
    let (Some(b), Some(e)) = (readme.find(BEGIN), readme.find(END)) else {
        panic!("README.md has no module graph block (between `{BEGIN}` and `{END}`)");
    };
    let current = &readme[b..e + END.len()];
    if current != block {
        if std::env::var_os("MODULES_UPDATE").is_some() {
            let updated = format!("{}{}{}", &readme[..b], block, &readme[e + END.len()..]);
            fs::write(&readme_path, updated).unwrap();
        } else {
            panic!("README.md's module graph is not the current one; run `MODULES_UPDATE=1 cargo test --test modules`, or put there:\n{drawn}");
        }
    }
}

/// The tokenizer and the resolver on small cases, so that the graph above can be trusted.
#[test]
fn the_reader_sees_uses_through_strings_comments_and_groups() {
    let t = tokens(
        r##"let s = "use crate::x;"; // crate::y
        /* crate::z */ let r = r#"crate::w"#; let c = '"'; let l: &'a str; use crate::{a::{b, c as d}, e::*};"##,
    );
    let joined = t.join(" ");
    assert!(
        !joined.contains("x") && !joined.contains(" y") && !joined.contains(" z") && !joined.contains(" w"),
        "{joined}"
    );
    let at = t.iter().position(|s| s == "use").unwrap() + 1;
    let mut found = Vec::new();
    use_tree(&t, &mut at.clone(), &Vec::new(), &mut found);
    let shown: Vec<String> = found.iter().map(|(p, n)| format!("{} as {n}", p.join("::"))).collect();
    assert_eq!(shown, ["crate::a::b as b", "crate::a::c as d", "crate::e as *"]);
}

// ---- sizes: no function over 150 lines, no file over 800 ----

/// The longest a function of `src/` may be, from `fn` to its closing brace.
const MAX_FN_LINES: usize = 150;
/// The longest a file of `src/` may be.
const MAX_FILE_LINES: usize = 800;
/// Files allowed over [`MAX_FILE_LINES`] for now, and why.
const LONG_FILES: &[(&str, &str)] = &[];

/// Every function of a text: (name, first line, number of lines from `fn` to its `}`).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let b = blanked(text);
    let chars: Vec<char> = b.chars().collect();
    let line_at = |k: usize| chars.iter().take(k).filter(|&&ch| ch == '\n').count() + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i + 3 < chars.len() {
        let word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if !(word_start && chars[i] == 'f' && chars[i + 1] == 'n' && chars[i + 2].is_whitespace()) {
            i += 1;
            continue;
        }
        let mut j = i + 3;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        let name: String = chars[j..]
            .iter()
            .take_while(|ch| ch.is_alphanumeric() || **ch == '_')
            .collect();
        // The body: the first `{` outside parentheses, unless a `;` ends the declaration.
        let mut parens = 0i32;
        let mut k = j;
        let mut body = None;
        while k < chars.len() {
            match chars[k] {
                '(' | '[' => parens += 1,
                ')' | ']' => parens -= 1,
                ';' if parens == 0 => break,
                '{' if parens == 0 => {
                    body = Some(k);
                    break;
                }
                _ => {}
            }
            k += 1;
        }
        if let Some(open) = body {
            let mut depth = 0;
            let mut end = open;
            for (m, ch) in chars.iter().enumerate().skip(open) {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = m;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let (first, last) = (line_at(i), line_at(end));
            out.push((name, first, last - first + 1));
        }
        i = j;
    }
    out
}

#[test]
fn no_function_over_150_lines_and_no_file_over_800() {
    let root = src();
    let mut paths = Vec::new();
    rs_files(&root, &mut paths);
    let mut problems = Vec::new();
    for p in &paths {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(p).unwrap();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES && !LONG_FILES.iter().any(|(f, _)| *f == rel) {
            problems.push(format!("src/{rel} has {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for (name, at, n) in functions(&text) {
            if n > MAX_FN_LINES {
                problems.push(format!(
                    "src/{rel}:{at} fn {name} has {n} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_function_finder_measures_from_fn_to_its_brace() {
    let text = "fn a() {\n    let s = \"}\";\n    // }\n}\n\nfn b(x: [u8; 2]) -> u8 {\n    x[0]\n}\ntrait T {\n    fn c(&self);\n}\n";
    assert_eq!(functions(text), [("a".to_string(), 1, 4), ("b".to_string(), 6, 3)]);
}

// ---- the same sizes for the JavaScript of `www/` and `src/` ----

/// The `.js` and `.mjs` files under `dir`, recursively.
fn js_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            js_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "js" || e == "mjs") {
            out.push(p);
        }
    }
}

/// The functions of a JavaScript file as (name, first line, lines): a `function` declaration
/// or a class method (`name(…) {`, `#name(…) {`, `async`, `static`, `get`, `set`) that ends on
/// a line holding only its closing brace (`}`, `};`, `},`) at the indentation it starts at. The files are
/// formatted so (two spaces), which is what makes indentation enough here; a function whose
/// end is not found that way is reported, so the finder cannot silently skip one.
fn js_functions(text: &str) -> Vec<(String, usize, Option<usize>)> {
    const NOT_NAMES: [&str; 7] = ["if", "for", "while", "switch", "catch", "with", "function"];
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        if !body.ends_with('{') {
            continue;
        }
        let mut words = body;
        for prefix in ["export ", "default ", "async ", "static ", "get ", "set "] {
            words = words.strip_prefix(prefix).unwrap_or(words);
        }
        let name: String = if let Some(rest) = words.strip_prefix("function") {
            rest.trim_start_matches(['*', ' '])
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect()
        } else {
            let n: String = words
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$' || *c == '#')
                .collect();
            // A method: a name, then its parameters, then the body's brace (its whole head on one line).
            if n.is_empty()
                || NOT_NAMES.contains(&n.as_str())
                || !words[n.len()..].starts_with('(')
                || !words.ends_with(") {")
            {
                continue;
            }
            n
        };
        if name.is_empty() && !words.starts_with("function") {
            continue;
        }
        let close = format!("{indent}}}");
        // A declaration ends with `}`, a method of an object literal with `},`.
        let ends = [close.clone(), format!("{close};"), format!("{close},")];
        let end = lines
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, l)| ends.iter().any(|e| l.trim_end() == e))
            .map(|(j, _)| j - i + 1);
        out.push((
            if name.is_empty() {
                "(anonymous)".to_string()
            } else {
                name
            },
            i + 1,
            end,
        ));
    }
    out
}

#[test]
fn no_javascript_function_over_150_lines_and_no_file_over_800() {
    let root = src().parent().unwrap().to_path_buf();
    let mut paths = Vec::new();
    js_files(&root.join("www"), &mut paths);
    js_files(&root.join("src"), &mut paths);
    assert!(paths.len() > 20, "the JavaScript files were not found: {}", paths.len());
    let mut problems = Vec::new();
    for p in &paths {
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        // The demo's vendored or generated files, if any, are not ours to size.
        if rel.contains("node_modules") {
            continue;
        }
        let text = fs::read_to_string(p).unwrap();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            problems.push(format!("{rel} has {lines} lines (at most {MAX_FILE_LINES})"));
        }
        for (name, at, n) in js_functions(&text) {
            match n {
                Some(n) if n > MAX_FN_LINES => {
                    problems.push(format!("{rel}:{at} {name} has {n} lines (at most {MAX_FN_LINES})"))
                }
                None => problems.push(format!(
                    "{rel}:{at} {name}: its closing brace was not found at its indentation"
                )),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_javascript_function_finder_measures_to_the_brace_at_its_indentation() {
    let text = "export async function a(x) {\n  if (x) {\n    return 1;\n  }\n}\n\nclass C {\n  #b(y) {\n    return y;\n  }\n  get c() {\n    return 2;\n  }\n}\nfunction d() {\n";
    assert_eq!(
        js_functions(text),
        [
            ("a".to_string(), 1, Some(5)),
            ("#b".to_string(), 8, Some(3)),
            ("c".to_string(), 11, Some(3)),
            ("d".to_string(), 15, None)
        ]
    );
}
