;; A wasi:mcp server, written as a core module (examples/build.mjs adds the
;; component around it), whose run registers 1,500 tools, ten at a time, with
;; input schemas of 1 MB each that all point at the same 1 MB of memory: 1.5 GB
;; of schemas for a host that keeps whatever is registered. A refused
;; registration fails run.
(module
  (import "cm32p2|wasi:mcp/runtime@0.1" "register-server" (func $register-server (param i32 i32)))
  (import "cm32p2|wasi:mcp/runtime@0.1" "register-tools" (func $register-tools (param i32 i32 i32)))
  (import "cm32p2|wasi:mcp/runtime@0.1" "serve" (func $serve (param i32)))
  (memory 64)
  (export "cm32p2_memory" (memory 0))

  (data (i32.const 64) "schema-flood")
  (data (i32.const 80) "1.0.0")
  ;; server-info at 1024: name, version; no capabilities, no instructions.
  (data (i32.const 1024) "\40\00\00\00\0c\00\00\00\50\00\00\00\05\00\00\00")
  ;; The schema's first and last bytes; the middle is filled with "x".
  (data (i32.const 0x100000) "{\"type\":\"object\",\"description\":\"")
  (data (i32.const 0x1ffffe) "\"}")

  (global $TOOLS i32 (i32.const 0x200000))
  (global $NAMES i32 (i32.const 0x300000))
  (global $heap (mut i32) (i32.const 0x3d0000))

  (func (export "cm32p2_realloc") (param i32 i32 i32 i32) (result i32)
    (local $at i32)
    (local.set $at (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
    (global.set $heap (i32.add (local.get $at) (local.get 3)))
    (local.get $at))

  (func (export "cm32p2|wasi:cli/run@0.2|run") (result i32)
    (local $i i32)
    (local $base i32)
    (local $name i32)
    (local $batch i32)
    (memory.fill (i32.const 0x100020) (i32.const 120) (i32.const 0xfffde))
    ;; 1,500 tool-definitions of 72 bytes: a two-letter name of their own, no title, an empty
    ;; description, the shared 1 MB input schema.
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (i32.const 1500)))
        (local.set $base (i32.add (global.get $TOOLS) (i32.mul (local.get $i) (i32.const 72))))
        (local.set $name (i32.add (global.get $NAMES) (i32.mul (local.get $i) (i32.const 2))))
        (i32.store8 (local.get $name) (i32.add (i32.const 65) (i32.div_u (local.get $i) (i32.const 40))))
        (i32.store8 offset=1 (local.get $name) (i32.add (i32.const 65) (i32.rem_u (local.get $i) (i32.const 40))))
        (i32.store (local.get $base) (local.get $name))
        (i32.store offset=4 (local.get $base) (i32.const 2))
        (i32.store offset=28 (local.get $base) (i32.const 0x100000))
        (i32.store offset=32 (local.get $base) (i32.const 0x100000))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $register-server (i32.const 1024) (i32.const 512))
    (if (i32.load8_u (i32.const 512)) (then (return (i32.const 1))))
    (block $registered
      (loop $each-batch
        (br_if $registered (i32.ge_u (local.get $batch) (i32.const 150)))
        (call $register-tools
          (i32.add (global.get $TOOLS) (i32.mul (local.get $batch) (i32.const 720))) (i32.const 10) (i32.const 512))
        (if (i32.load8_u (i32.const 512)) (then (return (i32.const 1))))
        (local.set $batch (i32.add (local.get $batch) (i32.const 1)))
        (br $each-batch)))
    (call $serve (i32.const 512))
    (i32.load8_u (i32.const 512)))

  (func (export "cm32p2|wasi:mcp/handlers@0.1|call-tool") (param i32 i32 i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|read-resource") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|get-prompt") (param i32 i32 i32 i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-subscribe") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-unsubscribe") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-complete")
    (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-elicit") (param i32 i32 i32 i32) (result i32) unreachable))
