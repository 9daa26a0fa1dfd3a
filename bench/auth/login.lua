-- wrk script for bench/auth: signs in with the benchmark user's right password on every
-- request, so each one costs an Argon2id verification and a new session row. wrk itself
-- reports any answer that is not 2xx, and run.sh refuses such a run.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "bench-auth"
wrk.body = os.getenv("BENCH_LOGIN_BODY")
