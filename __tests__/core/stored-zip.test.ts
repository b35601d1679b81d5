import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { storedZip } from '../../src/core/stored-zip';

describe('storedZip', () => {
  const entries = [
    { name: 'index.js', content: Buffer.from('exports.handler = async () => 1;\n') },
    { name: 'lib/data.json', content: Buffer.from('{"a":1}') },
  ];

  it('writes an archive that unzip reads back byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    fs.writeFileSync(path.join(dir, 'bundle.zip'), storedZip(entries));
    execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', path.join(dir, 'bundle.zip'), path.join(dir, 'out')]);
    for (const entry of entries) expect(fs.readFileSync(path.join(dir, 'out', entry.name))).toEqual(entry.content);
  });

  it('depends on the content only, so every machine produces the same bytes', () => {
    expect(storedZip(entries).equals(storedZip(entries))).toBe(true);
    expect(storedZip(entries).equals(storedZip([entries[0]]))).toBe(false);
  });
});
