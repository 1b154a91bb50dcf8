/**
 * docs/contract/headers.md#rate-limits: one atomic token-bucket step per request, consistent across instances. Time comes
 * from Redis (`TIME`) so instance clocks do not matter. KEYS[1] = `rl:{client_id}`, ARGV = rps, burst and
 * the cost (default 1; allowed when min(cost, burst) tokens are there, as tokensNeeded in token-bucket.ts) and
 * the lease wanted (default 0: whole tokens taken on top of an allowed charge as far as the bucket holds them,
 * spent by the asking instance without a round trip — token-leases.ts).
 * Returns { allowed (0|1), tokens left (string: Lua numbers are truncated to integers on return), leased }.
 */
export const TOKEN_BUCKET_LUA = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3] or '1')
local lease = tonumber(ARGV[4] or '0')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if tokens > burst then tokens = burst end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
  ts = now
end
local allowed = 0
local leased = 0
if tokens >= math.min(cost, burst) then
  tokens = tokens - cost
  allowed = 1
  if lease > 0 and tokens >= 1 then
    leased = math.min(lease, math.floor(tokens))
    tokens = tokens - leased
  end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
-- lives until the bucket is full again, debt of a charge above the burst included
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - math.min(tokens, 0)) * 1000 / rate) + 1000)
return { allowed, tostring(tokens), leased }
`;

/** KEYS[1] = `authfail:{ip}`, ARGV[1] = window ms. Counts one failure; the window starts at the first. */
export const AUTH_FAILURE_LUA = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n
`;
