import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORTAL_JS_LIMIT, portalBundle } from '../../bench/bundle-size';

/** The portal is its own light bundle; it never ships the admin panel (react-admin, MUI). */
describe('the workers’ portal bundle', () => {
  if (!fs.existsSync('admin/dist/portal.html'))
    execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts'], { stdio: 'inherit' });
  const report = portalBundle();

  it(`loads under ${PORTAL_JS_LIMIT / 1024} KB of gzipped JavaScript`, () => {
    console.log(
      `portal JavaScript, gzipped: ${(report.jsGzip / 1024).toFixed(1)} KB (${report.files.map((f) => f.file).join(', ')})`,
    );
    expect(report.jsGzip).toBeLessThan(PORTAL_JS_LIMIT);
  });

  it('does not load the admin panel’s chunks or fonts', () => {
    const names = report.files.map((f) => f.file).join(' ');
    expect(names).not.toMatch(/mui|react-admin|index-/);
    const code = report.files
      .filter((f) => f.file.startsWith('assets/portal-') && f.file.endsWith('.js'))
      .map((f) => fs.readFileSync(`admin/dist/${f.file}`, 'utf8'))
      .join('');
    expect(code).not.toMatch(/@mui|react-admin|ra-core/);
    expect(names).not.toMatch(/\.(woff2?|ttf)\b/);
  });
});
