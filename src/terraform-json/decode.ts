/**
 * The one reader of the JSON documents Terraform JSON carries as strings (IAM policies, bucket
 * policies, ECS container definitions): a literal JSON string, or a `${jsonencode({...})}`
 * expression whose body is an HCL object. References inside come back as
 * `${aws_s3_bucket.state.arn}` strings; HCL escapes (`$${`, `%%{`) stay as written, as HashiCorp's
 * parser returns them. Anything else (a heredoc, a data source, a function) is `undefined`: the
 * caller decides what an unknown document means (the policy rules fail closed). Whole `*.tf` files
 * go to HashiCorp's parser (`parseHclFile`).
 *
 * Why a hand-written reader (`parseHclValue`) is kept beside HashiCorp's parser (`@cdktf/hcl2json`,
 * Go compiled to WASM): the parser is asynchronous, and the policy check runs inside `app.synth()`
 * as a synchronous CDKTF validation; and it is slow for this job. Measured on the 104 `jsonencode`
 * strings (51 kB) of every stack this app synthesizes, each side in a fresh process, median of 3,
 * on a shared 2 vCPU machine under load: HashiCorp's parser 2.1 s CPU for the process (wall: 0.5 s
 * to import, 3.1 s to compile the WASM, 5.1 s to parse all strings in one call); this reader 0.07 s
 * wall, 0.26 s CPU for the whole process. The project synth itself takes 3 to 5 s CPU there
 * (`npm run bench`, row a), so the parser would add about half again.
 * `npm run policy` reads files from anywhere, so it parses every `jsonencode` with HashiCorp's
 * parser first (`decodeDocuments`) and `decodeDocument` returns those values; a test holds this
 * reader to the parser on every `jsonencode` string of the synthesized app.
 */
import type { StackDocument } from './document';

type Json = Record<string, unknown>;

const JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

type Hcl2Json = typeof import('@cdktf/hcl2json');
let parser: Promise<Hcl2Json> | undefined;

/** Loads the WASM parser on first use only: importing it starts the WASM load. */
function hcl2json(): Promise<Hcl2Json> {
  parser ??= import('@cdktf/hcl2json');
  return parser;
}

/** A `*.tf` file as Terraform JSON (blocks as lists, expressions as `${...}` strings). */
export async function parseHclFile(file: string, text: string): Promise<Json> {
  return (await hcl2json()).parse(file, text) as Promise<Json>;
}

/** Reads every `${jsonencode(...)}` string of the stack with HashiCorp's parser into `stack.decoded`. */
export async function decodeDocuments(stack: StackDocument): Promise<void> {
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && JSONENCODE.test(value.trim())) strings.add(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  [...stack.resources, ...stack.dataSources].forEach((r) => collect(r.attributes));
  if (strings.size === 0) return;
  const { parse } = await hcl2json();
  for (const value of strings) {
    const body = JSONENCODE.exec(value.trim())?.[1] ?? '';
    try {
      stack.decoded.set(value, ((await parse('jsonencode.tf', `v = ${body}\n`)) as Json).v);
    } catch {
      // Not an HCL value (e.g. a function result): stays unreadable, and the rules fail closed.
      stack.decoded.set(value, undefined);
    }
  }
}

export function decodeDocument(value: unknown, stack?: StackDocument): unknown {
  if (typeof value !== 'string') return value !== null && typeof value === 'object' ? value : undefined;
  if (stack?.decoded.has(value)) return stack.decoded.get(value);
  const trimmed = value.trim();
  const encoded = JSONENCODE.exec(trimmed);
  if (encoded) return parseHclValue(encoded[1]);
  if (/^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The synth path's reader of CDKTF's compact `jsonencode` bodies: an HCL value made of objects, tuples, strings,
 * numbers, booleans, null and references. A test holds it to HashiCorp's parser on the same input
 * (see the header for why it exists).
 */
export function parseHclValue(text: string): unknown {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.skipSpace();
    return reader.done() ? value : undefined;
  } catch {
    return undefined;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    return this.bare();
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === '}') return (this.at++, result);
      const key = this.text[this.at] === '"' ? this.string() : String(this.bare());
      this.skipSpace();
      const separator = this.text[this.at++];
      if (separator !== '=' && separator !== ':') throw new Error(`expected = at ${this.at}`);
      result[key.replace(/^\$\{(.*)\}$/, '$1')] = this.value();
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
  }

  private tuple(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ']') return (this.at++, result);
      result.push(this.value());
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
    }
  }

  /** A quoted string; `${...}` templates inside stay as they are. */
  private string(): string {
    const start = this.at++;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '\\') this.at += 2;
      else if (c === '$' && this.text[this.at + 1] === '{') {
        depth++;
        this.at += 2;
      } else if (c === '}' && depth > 0) {
        depth--;
        this.at++;
      } else if (c === '"' && depth === 0) break;
      else this.at++;
    }
    if (this.text[this.at] !== '"') throw new Error('unterminated string');
    const raw = this.text.slice(start, ++this.at);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }

  /** A number, boolean, null, or an expression kept as `${expression}`. */
  private bare(): unknown {
    const start = this.at;
    let depth = 0;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) {
        if (depth === 0) break;
        depth--;
      } else if ((c === ',' || c === '=' || c === ':' || c === '\n') && depth === 0) break;
      else if (c === '"') {
        this.string();
        continue;
      }
      this.at++;
    }
    const token = this.text.slice(start, this.at).trim();
    if (token === '') throw new Error(`unexpected ${this.text[this.at]} at ${this.at}`);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
    return `\${${token}}`;
  }
}
