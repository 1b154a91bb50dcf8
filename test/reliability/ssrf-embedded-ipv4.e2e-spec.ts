import { startStack, writeClientsFile } from '../support/stack';

/**
 * SSRF guard (hardening issue, item 5): webhook URLs spelling loopback as an IPv6 form that embeds an IPv4
 * address are refused when the clients file is validated at boot, like any private target.
 */
describe('reliability: webhook URLs embedding a blocked IPv4 address in IPv6', () => {
  it.each([
    'http://[::127.0.0.1]:4399/',
    'http://[::ffff:0:7f00:1]:4399/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:7f00:1::1]:4399/',
    'http://[2001:0:808:808:8000:63bf:80ff:fffe]:4399/',
  ])('refuses %s at boot (private targets not allowed)', async (url) => {
    const clientsFile = writeClientsFile((file) => {
      const demo = file.clients.find((c) => c.client_id === 'demo');
      demo.webhook = { url, secrets: ['whsec_e2e-ssrf-secret-0123456789abcdef'], enabled: true };
    });
    await expect(
      startStack({ clientsFile, env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' } }),
    ).rejects.toThrow(/blocked address range/);
  });
});
