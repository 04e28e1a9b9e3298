import { describeDiagnostics, expect, test, typecheck } from './support/consumer-app';

// The app's own TypeScript (7.0.2) checks src/main.tsx against the installed package's declarations, with
// `skipLibCheck: false` and `strict`, as a user's `tsc -b` would; src/wrong-prop.tsx must be refused.

/** A TS2322 at src/wrong-prop.tsx whose message (first line or its continuation lines) names `notAProp`. */
const wrongPropError = /^src\/wrong-prop\.tsx\(\d+,\d+\): error TS2322: [^\n]*(?:\n {2,}[^\n]*)*notAProp/m;

for (const [mode, config] of [
  ['bundler', 'tsconfig.app.json'],
  ['nodenext', 'tsconfig.nodenext.json'],
] as const) {
  test(`main.tsx typechecks with moduleResolution "${mode}" (${config})`, async ({ appDir }) => {
    const result = await typecheck(appDir, config);
    expect(result.status, `tsc -p ${config}:\n${describeDiagnostics(result.output)}`).toBe(0);
  });
}

for (const mode of ['bundler', 'nodenext'] as const) {
  test(`a prop PlatosChat does not have fails to typecheck with moduleResolution "${mode}"`, async ({ appDir }) => {
    const config = `tsconfig.wrong-prop.${mode}.json`;
    const result = await typecheck(appDir, config);
    const said = `tsc -p ${config}:\n${describeDiagnostics(result.output)}`;
    expect(result.status, `it must fail; ${said}`).not.toBe(0);
    expect(wrongPropError.test(result.output), `it must fail with TS2322 on notAProp in src/wrong-prop.tsx; ${said}`).toBe(true);
  });
}
