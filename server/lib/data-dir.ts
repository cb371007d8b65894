import fs from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIR holds the database, the scans and the PII key: the server's own user alone reads it
 * (GB/T 35273 §6.3 access control, OWASP ASVS 5.0 V13.3). The folder and its folders are 0700, its
 * files 0600 — what was created before (by a seed, an older version, a restore) is put right at start,
 * and the server's umask keeps it so for everything it creates after (the WAL, new scans, archives).
 */
export function secureDataDir(dir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const walk = (d: string) => {
    fs.chmodSync(d, 0o700);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) fs.chmodSync(p, 0o600);
    }
  };
  walk(dir);
}
