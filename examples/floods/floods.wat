;; A wasi:mcp server, written as a core module (examples/build.mjs adds the
;; component around it), whose tools flood the host with what it copies out:
;;   copy       a result of 20,000 text blocks that all point at the same
;;              1 MiB of memory (20 GiB for a host that copies each)
;;   copy-some  the same with 40 blocks (40 MiB)
;;   log        10,000 log messages of 1 KiB, then an empty result
;;   control    20 text blocks of the same 1 MiB of control characters: 20 MiB
;;              to copy, within the copy budget, but 120 MiB once escaped as JSON
;; A tool is told apart by the length of its name.
(module
  (import "cm32p2|wasi:mcp/runtime@0.1" "register-server" (func $register-server (param i32 i32)))
  (import "cm32p2|wasi:mcp/runtime@0.1" "register-tools" (func $register-tools (param i32 i32 i32)))
  (import "cm32p2|wasi:mcp/runtime@0.1" "serve" (func $serve (param i32)))
  (import "cm32p2|wasi:mcp/runtime@0.1" "log" (func $log (param i32 i32 i32 i32 i32 i32 i32)))
  (memory 80)
  (export "cm32p2_memory" (memory 0))

  ;; Strings.
  (data (i32.const 64) "floods")
  (data (i32.const 80) "1.0.0")
  (data (i32.const 96) "text")
  (data (i32.const 112) "copy")
  (data (i32.const 128) "copy-some")
  (data (i32.const 144) "log")
  (data (i32.const 160) "{\"type\":\"object\"}")
  (data (i32.const 192) "control")
  ;; server-info at 1024: name, version; no capabilities, no instructions.
  (data (i32.const 1024) "\40\00\00\00\06\00\00\00\50\00\00\00\05\00\00\00")
  ;; Four tool-definitions of 72 bytes at 2048: name, no title, empty description, input-schema.
  (data (i32.const 2048) "\70\00\00\00\04\00\00\00")
  (data (i32.const 2076) "\a0\00\00\00\11\00\00\00")
  (data (i32.const 2120) "\80\00\00\00\09\00\00\00")
  (data (i32.const 2148) "\a0\00\00\00\11\00\00\00")
  (data (i32.const 2192) "\90\00\00\00\03\00\00\00")
  (data (i32.const 2220) "\a0\00\00\00\11\00\00\00")
  (data (i32.const 2264) "\c0\00\00\00\07\00\00\00")
  (data (i32.const 2292) "\a0\00\00\00\11\00\00\00")

  (global $TEXT i32 (i32.const 0x100000))
  (global $BLOCKS i32 (i32.const 0x200000))
  (global $HEAP i32 (i32.const 0x3d0000))
  (global $CONTROL i32 (i32.const 0x400000))
  (global $heap (mut i32) (i32.const 0x3d0000))

  (func (export "cm32p2_realloc") (param i32 i32 i32 i32) (result i32)
    (local $at i32)
    (local.set $at (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
    (global.set $heap (i32.add (local.get $at) (local.get 3)))
    (local.get $at))

  (func (export "cm32p2|wasi:cli/run@0.2|run") (result i32)
    (memory.fill (global.get $TEXT) (i32.const 97) (i32.const 0x100000))
    (memory.fill (global.get $CONTROL) (i32.const 1) (i32.const 0x100000))
    (call $register-server (i32.const 1024) (i32.const 512))
    (if (i32.load8_u (i32.const 512)) (then (return (i32.const 1))))
    (call $register-tools (i32.const 2048) (i32.const 4) (i32.const 512))
    (if (i32.load8_u (i32.const 512)) (then (return (i32.const 1))))
    (call $serve (i32.const 512))
    (i32.load8_u (i32.const 512)))

  ;; ok(tool-result) at 768 with `count` text blocks of the whole 1 MiB at $text.
  (func $blocks (param $text i32) (param $count i32) (result i32)
    (local $i i32)
    (local $base i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $base (i32.add (global.get $BLOCKS) (i32.mul (local.get $i) (i32.const 92))))
        (i32.store8 (local.get $base) (i32.const 0))
        (i32.store offset=4 (local.get $base) (i32.const 96))
        (i32.store offset=8 (local.get $base) (i32.const 4))
        (i32.store offset=12 (local.get $base) (local.get $text))
        (i32.store offset=16 (local.get $base) (i32.const 0x100000))
        (i32.store8 offset=20 (local.get $base) (i32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (memory.fill (i32.const 768) (i32.const 0) (i32.const 64))
    (i32.store offset=4 (i32.const 768) (global.get $BLOCKS))
    (i32.store offset=8 (i32.const 768) (local.get $count))
    (i32.const 768))

  (func (export "cm32p2|wasi:mcp/handlers@0.1|call-tool") (param $name i32) (param $length i32) (param i32 i32) (result i32)
    (local $i i32)
    (global.set $heap (global.get $HEAP))
    (if (i32.eq (local.get $length) (i32.const 4)) (then (return (call $blocks (global.get $TEXT) (i32.const 20000)))))
    (if (i32.eq (local.get $length) (i32.const 9)) (then (return (call $blocks (global.get $TEXT) (i32.const 40)))))
    (if (i32.eq (local.get $length) (i32.const 7)) (then (return (call $blocks (global.get $CONTROL) (i32.const 20)))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (i32.const 10000)))
        (call $log (i32.const 0) (global.get $TEXT) (i32.const 1024) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $blocks (global.get $TEXT) (i32.const 0)))

  (func (export "cm32p2|wasi:mcp/handlers@0.1|read-resource") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|get-prompt") (param i32 i32 i32 i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-subscribe") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-unsubscribe") (param i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-complete")
    (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32) unreachable)
  (func (export "cm32p2|wasi:mcp/handlers@0.1|handle-elicit") (param i32 i32 i32 i32) (result i32) unreachable))
