/**
 * Adds one compared answer to an hourly aggregate. KEYS: counts (hash), paths (zset), examples (hash) —
 * one hash tag, one slot. ARGV: ttl_s, max_paths, endpoint, differing (0|1), then (member, count,
 * example_json) triples. Keeps the `max_paths` most frequent paths (and their examples) only.
 */
export const SHADOW_RECORD_LUA = `
local ttl = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
redis.call('HINCRBY', KEYS[1], ARGV[3] .. ':compared', 1)
if ARGV[4] == '1' then redis.call('HINCRBY', KEYS[1], ARGV[3] .. ':differing', 1) end
for i = 5, #ARGV, 3 do
  redis.call('ZINCRBY', KEYS[2], ARGV[i + 1], ARGV[i])
  redis.call('HSETNX', KEYS[3], ARGV[i], ARGV[i + 2])
end
local n = redis.call('ZCARD', KEYS[2])
if n > max then
  local drop = redis.call('ZRANGE', KEYS[2], 0, n - max - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, n - max - 1)
  for _, m in ipairs(drop) do redis.call('HDEL', KEYS[3], m) end
end
for k = 1, 3 do redis.call('EXPIRE', KEYS[k], ttl) end
return n
`;
