import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/policy/pack';
import { coverageTable } from '../../src/policy/coverage';
import { rulesTable } from '../../src/policy/report';

describe('README policy section', () => {
  it('lists exactly the rules of the pack (regenerate with npm run policy -- --rules-table)', () => {
    // GIVEN the README WHEN its generated rules table is compared with the pack THEN they are equal
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const table = /<!-- policy-rules:start -->\n([\s\S]*?)\n<!-- policy-rules:end -->/.exec(readme)?.[1];
    expect(table).toBe(rulesTable(RULES));
  });

  it('reports the coverage of every public id (regenerate with npm run policy -- --coverage-table)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const table = /<!-- policy-coverage:start -->\n([\s\S]*?)\n<!-- policy-coverage:end -->/.exec(readme)?.[1];
    expect(table).toBe(coverageTable(RULES));
  });
});
