;; A valid component of another world: a command (it exports wasi:cli/run, as
;; a wasi:mcp server does, but neither wasi:mcp/handlers nor a wasi:mcp/runtime
;; import) that also exports `hello: func() -> string`. A component exporting
;; wasi:cli/run is not served as plain tools, so a host must reject it by its
;; exports and name them.
(component
  (core module $m
    (memory (export "memory") 1)
    ;; The string at offset 16, and at offset 8 the (pointer, length) pair
    ;; that the canonical ABI reads a returned string from.
    (data (i32.const 8) "\10\00\00\00\18\00\00\00")
    (data (i32.const 16) "hello from another world")
    (func (export "hello") (result i32)
      i32.const 8)
    ;; ok: result's discriminant 0.
    (func (export "run") (result i32)
      i32.const 0))
  (core instance $i (instantiate $m))
  (func $run (result (result))
    (canon lift (core func $i "run")))
  (instance $cli (export "run" (func $run)))
  (export "wasi:cli/run@0.2.3" (instance $cli))
  (func $hello (result string)
    (canon lift (core func $i "hello") (memory (core memory $i "memory"))))
  (export "hello" (func $hello)))
