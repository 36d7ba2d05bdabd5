-- A login storm: every request signs in the demo administrator with the right password (Argon2id each time).
wrk.method = "POST"
wrk.body = '{"username":"admin","password":"Xinhuo#2026"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Requested-With"] = "XMLHttpRequest"
