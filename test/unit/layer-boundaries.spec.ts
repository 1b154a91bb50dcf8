import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The layering of docs/architecture.md#layers-and-what-each-may-import, enforced: eslint.layers.cjs
 * (eslint-plugin-boundaries) over apps/connect-api/src reports no import that runs sideways or up.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = 'apps/connect-api/src';
const layers = require(join(ROOT, 'eslint.layers.cjs'));

function layerLinter(): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    // Only the layer rule: other lint findings are `npm run lint`'s business.
    overrideConfig: [layers, { linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  });
}

const problems = (results: ESLint.LintResult[]) =>
  results.flatMap((r) =>
    r.messages.map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.message}`),
  );

async function lintAs(file: string, source: string): Promise<string[]> {
  return problems(await layerLinter().lintText(source, { filePath: join(ROOT, SRC, file) }));
}

describe('layer boundaries of apps/connect-api/src', () => {
  jest.setTimeout(120_000);

  it('no file imports a feature beside it or a layer above it', async () => {
    // lintText per file: lintFiles' glob walk needs a dynamic import that jest's VM does not offer.
    const files = (readdirSync(join(ROOT, SRC), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(300);
    const linter = layerLinter();
    const found: string[] = [];
    for (const file of files) {
      const filePath = join(ROOT, SRC, file);
      found.push(...problems(await linter.lintText(readFileSync(filePath, 'utf8'), { filePath })));
    }
    expect(found).toEqual([]);
  });

  it('reports a feature importing another feature or the composition root', async () => {
    const found = await lintAs(
      'search/layer-probe.ts',
      "import { BookingModule } from '../booking/booking.module';\n" +
        "import { AppModule } from '../app.module';\n" +
        "import { SearchModule } from './search.module';\n" +
        "import { mapTrip } from '../contract/itinerary/search.mapper';\n" +
        'export const probe = [BookingModule, AppModule, SearchModule, mapTrip];\n',
    );
    expect(found).toEqual([
      expect.stringMatching(/:1 .*"feature".*name="search".*"feature".*name="booking"/),
      expect.stringMatching(/:2 .*"feature".*name="search".*"root"/),
    ]);
  });

  it('reports platform, contract and the domain helpers importing upwards', async () => {
    expect(
      await lintAs(
        'platform/layer-probe.ts',
        "import { createConnectApp } from '../create-connect-app';\nexport const p = createConnectApp;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lintAs(
        'contract/layer-probe.ts',
        "import { SearchModule } from '../search/search.module';\nexport const p = SearchModule;\n",
      ),
    ).toHaveLength(1);
    expect(
      await lintAs(
        'pricing/layer-probe.ts',
        "import { AppConfig } from '../platform/config/app-config';\nexport const p = AppConfig;\n",
      ),
    ).toHaveLength(1);
  });
});
