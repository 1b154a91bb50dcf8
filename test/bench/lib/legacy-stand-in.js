'use strict';
/** P9's stand-in for the legacy system: every search answered with a recorded legacy response. */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const BODY = fs.readFileSync(
  path.join(__dirname, '..', '..', 'fixtures', 'search-poc', 'station-to-station.response.json'),
);

function startLegacyStandIn() {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
      res.end(BODY);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      }),
    ),
  );
}

module.exports = { startLegacyStandIn };
