import { withoutHopByHop } from './hop-by-hop';

describe('withoutHopByHop', () => {
  it('drops connection-specific headers and those named by Connection, keeps the rest', () => {
    const out = withoutHopByHop(
      {
        connection: 'keep-alive, x-private',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        upgrade: 'h2c',
        'x-private': '1',
        'x-api-key': 'k',
        'x-correlation-id': 'c-1',
        'content-type': 'application/json',
      },
      ['x-drop-me'],
    );
    expect(out).toEqual({ 'x-api-key': 'k', 'x-correlation-id': 'c-1', 'content-type': 'application/json' });
  });
});
