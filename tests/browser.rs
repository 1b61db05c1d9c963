//! The shared wasm test module, run in headless Chromium and Firefox by
//! `wasm-pack test --headless --chrome -- --test browser` and
//! `wasm-pack test --headless --firefox --geckodriver .tools/bin/geckodriver -- --test browser`
//! (`make test-browser` runs both and fails if either ran no test).
#![cfg(target_arch = "wasm32")]
// Tests may unwrap and index: a failing test should fail loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod shared;
