;; A valid component that does not implement wasi:mcp: no wasi:cli/run, no
;; wasi:mcp/handlers, no wasi:mcp/runtime import. It exports one function,
;; `hello: func() -> string`, so a host must reject it by its exports.
(component
  (core module $m
    (memory (export "memory") 1)
    ;; The string at offset 16, and at offset 8 the (pointer, length) pair
    ;; that the canonical ABI reads a returned string from.
    (data (i32.const 8) "\10\00\00\00\18\00\00\00")
    (data (i32.const 16) "hello from another world")
    (func (export "hello") (result i32)
      i32.const 8))
  (core instance $i (instantiate $m))
  (func $hello (result string)
    (canon lift (core func $i "hello") (memory (core memory $i "memory"))))
  (export "hello" (func $hello)))
