//! The shared wasm test module, run under Node by `wasm-pack test --node -- --test node`.
#![cfg(target_arch = "wasm32")]
// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod shared;
