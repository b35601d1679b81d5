import * as fs from 'fs';
import * as path from 'path';
import { renderArchitectureDoc } from '../../src/operator/architecture-doc';
import { loadStackCatalog, REPO_ROOT, type CatalogStack } from '../../src/operator/stack-catalog';
import type { TerraformJson } from '../../src/terraform-json/document';

const meta = (p: string) => ({ '//': { metadata: { path: p } } });
const provider = (layer: string) => ({ aws: [{ default_tags: [{ tags: { Layer: layer } }] }] });

/** Two hand-written stacks: a writer of two SSM parameters and a reader of one of them plus one nobody writes. */
const writer: CatalogStack = {
  name: 'base-x',
  file: 'stacks/base.ts',
  environments: ['x'],
  dependencies: [],
  json: {
    provider: provider('base-infra'),
    resource: {
      aws_vpc: { network_vpc: meta('base-x/network/vpc') },
      aws_subnet: {
        network_a: { ...meta('base-x/network/a'), vpc_id: '${aws_vpc.network_vpc.id}' },
        network_b: { ...meta('base-x/network/b'), vpc_id: '${aws_vpc.network_vpc.id}' },
      },
      aws_ssm_parameter: {
        ssm_vpc_id: { ...meta('base-x/ssm/vpc_id'), name: '/p/vpc-id', value: '${aws_vpc.network_vpc.id}' },
        ssm_zone: { ...meta('base-x/ssm/zone'), name: '/p/zone-id', value: 'Z1' },
      },
    },
    variable: { secret: {} },
  } as TerraformJson,
};
const reader: CatalogStack = {
  name: 'app-x',
  file: 'stacks/app.ts',
  environments: ['x'],
  dependencies: ['base-x'],
  json: {
    provider: provider('atlas'),
    data: { aws_ssm_parameter: { vpc: { ...meta('app-x/vpc'), name: '/p/vpc-id' }, typo: { ...meta('app-x/typo'), name: '/p/vpcid' } } },
  } as TerraformJson,
};
const doc = renderArchitectureDoc([writer, reader]);

describe('docs/architecture.md', () => {
  it('committed docs/architecture.md matches the synthesized stacks (fix: npm run docs)', () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
    expect(committed).toEqual(renderArchitectureDoc(loadStackCatalog()));
  });

  it('draws each layer as a subgraph, dependencies as solid arrows and SSM reads as dotted arrows', () => {
    expect(doc).toContain('subgraph layer_base_infra["layer: base-infra"]');
    expect(doc).toContain('base_x["base-x<br/>5 resource blocks"]');
    expect(doc).toContain('base_x -->|deployed before| app_x');
    expect(doc).toContain('base_x -.->|"SSM: 1 parameter"| app_x');
  });

  it('lists the SSM contract by key and flags a read that no stack writes', () => {
    expect(doc).toContain('| `vpc-id` | base-x | app-x |');
    expect(doc).toContain('| `zone-id` | base-x | — |');
    expect(doc).toContain('| `vpcid` | (none) | app-x ⚠ reads `/p/vpcid`, which no stack writes |');
  });

  it('draws a stack as its top-level constructs, with arrows for references between them', () => {
    expect(doc).toContain('network["<b>network</b><br/>aws_subnet ×2<br/>aws_vpc"]');
    expect(doc).toContain('ssm --> network');
    expect(doc).not.toContain('network --> ssm');
  });

  it('says which variables a plan must be given and which have a default', () => {
    const withVariables = { ...reader, json: { ...reader.json, variable: { image: { type: 'string', default: 'repo:1.0' }, token: { type: 'string', sensitive: true } } } };
    expect(renderArchitectureDoc([writer, withVariables])).toContain('Variables: `image` (default `repo:1.0`), `token` (required, sensitive).');
  });

  it('counts resources by type in each stack inventory', () => {
    expect(doc).toContain('| `aws_subnet` | 2 |');
    expect(doc).toContain('| `aws_ssm_parameter` | 2 |');
    expect(doc).toContain('Total: 5 resource blocks, 0 data sources, 1 variable, 0 outputs, 0 imports.');
    expect(doc).toContain('| `data.aws_ssm_parameter` | 2 |');
  });
});
