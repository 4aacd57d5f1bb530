;; Sixteen core instances of one module whose memory may grow to 63 MiB, just
;; under a 64 MiB cap; each grows to its maximum and writes to all of it when
;; instantiated, so together they would hold 1008 MiB. The exports and the
;; import carry the names of wasi:mcp, enough to reach instantiation.
(component
  (import "wasi:mcp/runtime@0.1.0" (instance $runtime (export "serve" (func))))
  (alias export $runtime "serve" (func $serve))
  (core func $serve (canon lower (func $serve)))
  (core module $imports (import "runtime" "serve" (func)))
  (core instance (instantiate $imports (with "runtime" (instance (export "serve" (func $serve))))))
  (core module $hog
    (memory 1 1008)
    (func $fill
      (local $at i32)
      (if (i32.eq (memory.grow (i32.const 1007)) (i32.const -1)) (then unreachable))
      ;; One write every 4 KiB: every page of the host's memory is touched.
      (loop $touch
        (i32.store8 (local.get $at) (i32.const 1))
        (local.set $at (i32.add (local.get $at) (i32.const 4096)))
        (br_if $touch (i32.lt_u (local.get $at) (i32.const 66060288)))))
    (start $fill))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core instance (instantiate $hog))
  (core module $run (func (export "run") (result i32) (i32.const 0)))
  (core instance $r (instantiate $run))
  (func $run (result (result)) (canon lift (core func $r "run")))
  (instance $cli (export "run" (func $run)))
  (export "wasi:cli/run@0.2.3" (instance $cli))
  (instance $handlers (export "handle-subscribe" (func $run)))
  (export "wasi:mcp/handlers@0.1.0" (instance $handlers)))
