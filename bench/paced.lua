-- A monitor-like client: each connection sends one request every 20 ms, so the latency measured is the server's
-- answer time under whatever else is going on, not a queue of its own requests.
function delay() return 20 end
