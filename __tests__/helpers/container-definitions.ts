/**
 * Reads the container definitions of a synthesized task definition. TenantService writes them as
 * `${jsonencode([...])}`, an HCL expression; this turns that expression back into data: HCL
 * object syntax (`"key" = value`) becomes JSON, Terraform references (`aws_x.y.name`) become the
 * string "<ref:aws_x.y.name>", and HCL's escapes (`$${`, `%%{`) are undone.
 */
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
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression);
  if (!match) throw new Error(`not a jsonencode expression: ${expression.slice(0, 80)}`);
  const hcl = match[1];
  let json = '';
  for (let i = 0; i < hcl.length; ) {
    const ch = hcl[i];
    if (ch === '"') {
      let end = i + 1;
      while (hcl[end] !== '"') end += hcl[end] === '\\' ? 2 : 1;
      json += hcl.slice(i, end + 1).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      i = end + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][\w.\-[\]]*/.exec(hcl.slice(i))![0];
      json += word === 'true' || word === 'false' || word === 'null' ? word : JSON.stringify(`<ref:${word}>`);
      i += word.length;
    } else {
      json += ch === '=' ? ':' : ch;
      i += 1;
    }
  }
  return JSON.parse(json) as ContainerDefinition[];
}

/** The value of one environment variable of the first container, or a thrown error naming it. */
export function environmentValue(definitions: ContainerDefinition[], name: string): string {
  const entry = definitions[0].environment.find((e) => e.name === name);
  if (!entry) throw new Error(`no environment variable ${name} in container ${definitions[0].name}`);
  return entry.value;
}
