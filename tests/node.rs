//! The shared wasm test module, run under Node by `wasm-pack test --node -- --test node`.
#![cfg(target_arch = "wasm32")]

mod shared;
