-- wrk script of bench/api: every request is a POST /auth/signup with a fresh email.
-- Usage: wrk -s signup.lua URL -- <prefix>   (the prefix must be unique to the run)
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local prefix, counter = nil, 0
function init(args)
  prefix = args[1] .. "-" .. thread_id
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"email":"%s-%d@bench.example.com","password":"bench-password-1","full_name":"Bench User"}',
    prefix, counter)
  return wrk.format("POST", "/auth/signup", { ["Content-Type"] = "application/json" }, body)
end
