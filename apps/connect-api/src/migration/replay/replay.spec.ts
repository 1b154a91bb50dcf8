import { DifferenceSink } from '../compare';
import { parseRecording } from './recording-reader';
import { parseReplayArgs } from './replay-args';
import { ReplayAggregate, renderReportHtml } from './replay-report';

describe('parseReplayArgs', () => {
  const base = [
    '--requests',
    'r.jsonl',
    '--baseline',
    'http://a/',
    '--candidate',
    'https://b',
    '--report',
    'out',
  ];

  it('applies the defaults', () => {
    expect(parseReplayArgs(base)).toEqual({
      requests: 'r.jsonl',
      baseline: 'http://a',
      candidate: 'https://b',
      concurrency: 4,
      only: [],
      keys: undefined,
      maxDifferences: 0,
      report: 'out',
    });
  });

  it.each([
    [['--requests', 'r'], /--baseline is required/],
    [[...base, '--concurrency', '0'], /--concurrency must be an integer from 1 to 64/],
    [[...base, '--max-differences', '-1'], /max-differences/],
    [[...base, '--only', 'G3T'], /--only must be HTTP methods/],
    [[...base, '--bogus'], /Unknown option/],
    [
      ['--requests', 'r', '--baseline', 'file:///x', '--candidate', 'http://b', '--report', 'o'],
      /--baseline must be an http\(s\) URL/,
    ],
  ])('refuses %j', (argv, message) => {
    expect(() => parseReplayArgs(argv as string[])).toThrow(message);
  });
});

describe('parseRecording', () => {
  it('keeps good lines, reports bad ones with 1-based line numbers, ignores blank lines', () => {
    const text = [
      '{"method":"GET","path":"/v1/a/stations"}',
      '',
      '[1]',
      '{"method":"BREW","path":"/v1/a"}',
      'nope',
    ].join('\n');
    const parsed = parseRecording(text);
    expect(parsed.requests).toEqual([
      { line: 1, request: { method: 'GET', path: '/v1/a/stations', query: '', headers: {} } },
    ]);
    expect(parsed.bad.map((b) => [b.line, b.problem.split(' (')[0]])).toEqual([
      [3, 'not a JSON object'],
      [4, 'method is missing or unknown'],
      [5, 'not JSON'],
    ]);
  });
});

describe('replay report', () => {
  it('sums per endpoint and path, keeps the first example, and escapes the HTML', () => {
    const agg = new ReplayAggregate();
    const one = new DifferenceSink();
    one.add('items[].name', 'missing_key', '<string>', null);
    agg.add('search', 3, one.result());
    const two = new DifferenceSink();
    two.add('items[].name', 'missing_key', '<script>', null);
    two.add('items[].name', 'missing_key', '<string>', null);
    agg.add('search', 7, two.result());
    agg.add('search', 8, new DifferenceSink().result());
    const report = agg.report({
      baseline: 'http://a',
      candidate: 'http://b',
      requests: 3,
      badLines: [],
      maxDifferences: 2,
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(report).toMatchObject({ compared: 3, total_differences: 3, passed: false });
    expect(report.endpoints).toEqual([{ endpoint: 'search', requests: 3, differing: 2, differences: 3 }]);
    expect(report.paths).toEqual([
      {
        endpoint: 'search',
        path: 'items[].name',
        kind: 'missing_key',
        count: 3,
        example: { line: 3, baseline: '<string>', candidate: null },
      },
    ]);
    const html = renderReportHtml(report);
    expect(html).toContain('&lt;string&gt;');
    expect(html).not.toContain('<string>');
    expect(html).toContain('FAIL');
  });
});
