//! Words of Rust, serde, the glue or a trap that no message may carry: one list for the
//! native catalogue (`tests/catalogue.rs`) and the wasm one (`tests/shared/catalogue.rs`).

pub const NOT_FOR_USERS: &[&str] = &[
    "internal",
    "nội bộ",
    "unreachable",
    "RuntimeError",
    "panicked",
    "f64",
    "i64",
    "u32",
    "usize",
    "struct ",
    "JsValue",
    "unwrap",
    "Option::",
    "EOF",
    "invalid type:",
    "expected ident",
    "found record with",
    "null pointer",
    "__wbg_ptr",
];
