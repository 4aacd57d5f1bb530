;; A valid *core* WebAssembly module, not a component: hosts that expect a
;; component must reject it with a clear message (it has the core-module
;; version/layer bytes 01 00 00 00 instead of a component's 0d 00 01 00).
(module
  (func (export "answer") (result i32)
    i32.const 42))
