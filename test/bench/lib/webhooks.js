'use strict';
/** P6 of `npm run bench`: a local signed-webhook receiver and the delivery measurement. */
async function startReceiver() {
  return null;
}
async function measureWebhooks() {
  throw new Error('not implemented yet');
}
module.exports = { startReceiver, measureWebhooks };
