-- wrk script of `manage.py bench_http` (samskapa/core/httpbench.py): counts a response as good
-- only when its status is 200 and its body has the expected length (the first argument after
-- `--`), so that a page that fails fast never looks fast. Optional second argument: a Cookie
-- header. Prints one summary line that httpbench.parse_wrk reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected = tonumber(args[1])
  good, bad_status, bad_size = 0, 0, 0
  if args[2] ~= nil and args[2] ~= "" then
    wrk.headers["Cookie"] = args[2]
  end
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
  elseif #body ~= expected then
    bad_size = bad_size + 1
  else
    good = good + 1
  end
end

function done(summary, latency, requests)
  local g, s, z = 0, 0, 0
  for _, thread in ipairs(threads) do
    g = g + thread:get("good")
    s = s + thread:get("bad_status")
    z = z + thread:get("bad_size")
  end
  local e = summary.errors
  io.write(string.format(
    "samskapa-wrk good=%d bad_status=%d bad_size=%d requests=%d duration_us=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    g, s, z, summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
