;; A 64-bit memory with no maximum, which a host that caps only 32-bit
;; memories leaves unbounded: when instantiated it grows to 1 GiB and writes
;; to all of it. The exports and the import carry the names of wasi:mcp,
;; enough to reach instantiation.
(component
  (import "wasi:mcp/runtime@0.1.0" (instance $runtime (export "serve" (func))))
  (alias export $runtime "serve" (func $serve))
  (core func $serve (canon lower (func $serve)))
  (core module $imports (import "runtime" "serve" (func)))
  (core instance (instantiate $imports (with "runtime" (instance (export "serve" (func $serve))))))
  (core module $hog
    (memory i64 1)
    (func $fill
      (local $at i64)
      (if (i64.eq (memory.grow (i64.const 16383)) (i64.const -1)) (then unreachable))
      ;; One write every 4 KiB: every page of the host's memory is touched.
      (loop $touch
        (i64.store8 (local.get $at) (i64.const 1))
        (local.set $at (i64.add (local.get $at) (i64.const 4096)))
        (br_if $touch (i64.lt_u (local.get $at) (i64.const 1073741824)))))
    (start $fill))
  (core instance (instantiate $hog))
  (core module $run (func (export "run") (result i32) (i32.const 0)))
  (core instance $r (instantiate $run))
  (func $run (result (result)) (canon lift (core func $r "run")))
  (instance $cli (export "run" (func $run)))
  (export "wasi:cli/run@0.2.3" (instance $cli))
  (instance $handlers (export "handle-subscribe" (func $run)))
  (export "wasi:mcp/handlers@0.1.0" (instance $handlers)))
