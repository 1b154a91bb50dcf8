/** Two projects: `unit` (specs next to the code) and `e2e` (real apps + sandbox + Redis over HTTP). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true } }];
const shared = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/twelvego-client$': '<rootDir>/libs/twelvego-client/src',
    '^@app/twelvego-client/(.*)$': '<rootDir>/libs/twelvego-client/src/$1',
  },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.js'],
    },
    // `npm run test:cluster` only: real OS processes on Redis Cluster / Sentinel topologies it starts itself.
    {
      ...shared,
      displayName: 'fleet',
      testMatch: ['<rootDir>/test/fleet/**/*.fleet-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.js'],
    },
  ],
};
