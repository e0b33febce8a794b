-- wrk script: every request a new address, so Varnish misses and an app server renders it.
request = function()
    return wrk.format("GET", wrk.path .. "?r=" .. math.random(1, 1000000000))
end
