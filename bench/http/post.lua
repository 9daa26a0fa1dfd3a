-- wrk script for bench/http: POSTs one JSON body to /v1/diagnostics/echo on every request.
-- run.sh passes the body in BENCH_ECHO_BODY so that its correctness check and the load use
-- the same bytes; the default is the body run.sh sends.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_ECHO_BODY")
  or '{"message":"hello","tags":["a","b"],"amount":{"value":"1234.56","currency":"USD"}}'
