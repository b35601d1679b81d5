/**
 * Reads the container definitions of a synthesized task definition. TenantService writes them as
 * `${jsonencode([...])}`, an HCL expression; `decodeDocument` (src/terraform-json/decode.ts, the
 * one reader the policy pack uses too) turns it back into data, references as
 * `${aws_x.y.name}` strings. The string values a container receives are then unescaped as
 * Terraform evaluates a template (`$${` -> `${`, `%%{` -> `%{`).
 */
import { decodeDocument } from '../../src/terraform-json/decode';

export type ContainerDefinition = {
  name: string;
  image: string;
  command?: string[];
  entryPoint?: string[];
  environment: { name: string; value: string }[];
  portMappings: { containerPort: number }[];
  mountPoints: { sourceVolume: string; containerPath: string }[];
  readonlyRootFilesystem: boolean;
  memory?: number;
  memoryReservation?: number;
};

export function decodeContainerDefinitions(expression: string): ContainerDefinition[] {
  const decoded = decodeDocument(expression);
  if (!Array.isArray(decoded)) throw new Error(`not a jsonencode list of container definitions: ${expression.slice(0, 80)}`);
  return unescapeTemplates(decoded) as ContainerDefinition[];
}

/** The value of one environment variable of the first container, or a thrown error naming it. */
export function environmentValue(definitions: ContainerDefinition[], name: string): string {
  const entry = definitions[0].environment.find((e) => e.name === name);
  if (!entry) throw new Error(`no environment variable ${name} in container ${definitions[0].name}`);
  return entry.value;
}

function unescapeTemplates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (Array.isArray(value)) return value.map(unescapeTemplates);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeTemplates(v)]));
  return value;
}
