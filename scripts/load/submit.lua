-- Submits new 企业开办 applications as several signed-in applicants in turn: each has its own cookies and
-- antiforgery token (file LOAD_SESSIONS: one "cookie<TAB>token" line each). Every request proposes a new name.
-- A confirmation is the 302 to /Cases/{number}; anything else counts as bad.
-- Prints "RESULT <rps> <p50 ms> <p95 ms> <p99 ms> <confirmed> <bad>".
local sessions = {}
for line in io.lines(os.getenv("LOAD_SESSIONS")) do
  local cookie, token = line:match("^(.-)\t(.*)$")
  sessions[#sessions + 1] = { cookie = cookie, token = token }
end
local run = os.getenv("LOAD_RUN") or "1"
local threads = {}
local counter = 0
thread_id = thread_id or 0 -- set per thread by setup()
ok, bad = 0, 0 -- globals: done() reads them from each thread

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

local fixed = table.concat({
  "Data.Type=LimitedLiability", "Data.RegisteredCapital=100",
  "Data.Address=" .. encode("山东省枣庄市市中区光明路1号"),
  "Data.ScopeCodes=tech", "Data.ScopeCodes=software",
  "Data.LegalRepresentative=" .. encode("压测员"), "Data.LegalRepresentativeIdNumber=110101199003074477",
  "Data.Investors%5B0%5D.Name=" .. encode("压测员"), "Data.Investors%5B0%5D.IdentityNumber=110101199003074477",
  "Data.Investors%5B0%5D.SharePercent=100",
  "Data.ContactName=" .. encode("压测员"), "Data.ContactPhone=13912345678", "Data.SealDelivery=PickUp",
  "Data.SynchronousItems=seal", "Data.SynchronousItems=tax", "Data.SynchronousItems=bank-account",
}, "&")

function request()
  counter = counter + 1
  local s = sessions[((counter + thread_id) % #sessions) + 1]
  local name = encode("枣庄压测" .. run .. "号" .. thread_id .. "批" .. counter .. "科技有限公司")
  local body = "Data.ProposedName=" .. name .. "&" .. fixed .. "&__RequestVerificationToken=" .. encode(s.token)
  return wrk.format("POST", "/Establishment/Apply?handler=Submit", {
    ["Cookie"] = s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
  if status == 302 and (headers["Location"] or ""):find("/Cases/") then ok = ok + 1 else bad = bad + 1 end
end

done = function(summary, latency, requests)
  local good, failed = 0, 0
  for _, t in ipairs(threads) do good = good + t:get("ok"); failed = failed + t:get("bad") end
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, good, failed))
end
