-- wrk script of bench/api: every request is a POST /auth/signup of a new user (fresh email and name).
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

-- The full name starts with a unique word too: dbooster names the new user's organization after it.
function request()
  counter = counter + 1
  local name = string.format("%s-%d", prefix, counter)
  local body = string.format(
    '{"email":"%s@bench.example.com","password":"bench-password-1","full_name":"%s Bench"}', name, name)
  return wrk.format("POST", "/auth/signup", { ["Content-Type"] = "application/json" }, body)
end
